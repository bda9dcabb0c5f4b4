// Errors raised by dilemma. Every message names the public function that
// rejected the input and the offending value, as Boost.Math does.
#pragma once

#include <charconv>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace dilemma {

/// Bad user input: wrong shapes, non-finite payoffs, out-of-range indices,
/// sizes that cannot be held in memory. Maps to Python's ValueError.
class InvalidArgument : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// An iterative method stopped at its iteration cap (pivots, path steps,
/// conjugate-gradient steps) without an answer. Maps to Python's RuntimeError.
class NotConverged : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {

/// Writes a value; floating-point values in shortest round-trip form
/// (0.1, not 0.10000000000000001).
template <class Value>
void append_value(std::ostringstream& out, const Value& value) {
  if constexpr (std::is_floating_point_v<Value>) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.write(buffer, result.ptr - buffer);
  } else {
    out << value;
  }
}

inline void append_all(std::ostringstream&) {}
template <class First, class... Rest>
void append_all(std::ostringstream& out, First&& first, Rest&&... rest) {
  append_value(out, first);
  append_all(out, std::forward<Rest>(rest)...);
}

/// Throws Error with the message "<function>: <parts...>".
template <class Error, class... Parts>
[[noreturn]] void raise(const char* function, Parts&&... parts) {
  std::ostringstream out;
  out << function << ": ";
  append_all(out, std::forward<Parts>(parts)...);
  throw Error(out.str());
}

/// Throws InvalidArgument with the message "<function>: <parts...>".
template <class... Parts>
[[noreturn]] void fail(const char* function, Parts&&... parts) {
  raise<InvalidArgument>(function, std::forward<Parts>(parts)...);
}

/// Renders a sequence as "(a, b, c)" for error messages; one longer than
/// 16 entries as its first 6 and last 2 with the count, "(a, b, ..., z)
/// [3000 entries]", so a message stays readable.
template <class Sequence>
std::string format_tuple(const Sequence& values) {
  const std::size_t size = static_cast<std::size_t>(std::distance(std::begin(values), std::end(values)));
  const bool shorten = size > 16;
  std::ostringstream out;
  out << '(';
  std::size_t k = 0;
  for (const auto& value : values) {
    if (!shorten || k < 6 || k + 2 >= size) {
      if (k > 0) out << ", ";
      append_value(out, value);
    } else if (k == 6) {
      out << ", ...";
    }
    ++k;
  }
  out << ')';
  if (shorten) out << " [" << size << " entries]";
  return out.str();
}

}  // namespace detail
}  // namespace dilemma

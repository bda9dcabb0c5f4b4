// Errors raised by dilemma. Every message names the public function that
// rejected the input and the offending value, as Boost.Math does.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace dilemma {

/// Bad user input: wrong shapes, non-finite payoffs, out-of-range indices,
/// sizes that cannot be held in memory. Maps to Python's ValueError.
class InvalidArgument : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

namespace detail {

inline void append_all(std::ostringstream&) {}
template <class First, class... Rest>
void append_all(std::ostringstream& out, First&& first, Rest&&... rest) {
  out << std::forward<First>(first);
  append_all(out, std::forward<Rest>(rest)...);
}

/// Throws InvalidArgument with the message "<function>: <parts...>".
template <class... Parts>
[[noreturn]] void fail(const char* function, Parts&&... parts) {
  std::ostringstream out;
  out.precision(17);
  out << function << ": ";
  append_all(out, std::forward<Parts>(parts)...);
  throw InvalidArgument(out.str());
}

/// Renders a sequence as "(a, b, c)" for error messages.
template <class Sequence>
std::string format_tuple(const Sequence& values) {
  std::ostringstream out;
  out.precision(17);
  out << '(';
  bool first = true;
  for (const auto& value : values) {
    if (!first) out << ", ";
    out << value;
    first = false;
  }
  out << ')';
  return out.str();
}

}  // namespace detail
}  // namespace dilemma

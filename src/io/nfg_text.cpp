// The text of .nfg files: loading (memory-mapped where possible) and the
// lexer that tokenizes it, with the error messages naming line and column.
#include <cerrno>
#include <charconv>
#include <cstring>
#include <string>
#include <utility>

#include "dilemma/io/nfg.hpp"
#include "dilemma/core/monitor.hpp"
#include "nfg_internal.hpp"

// POSIX: files are memory-mapped (see detail::FileText).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dilemma {

NfgParseError::NfgParseError(std::string message, std::size_t line, std::size_t column)
    : InvalidArgument(std::move(message)), line_(line), column_(column) {}

namespace detail {

namespace {

// False once `text` has a first word other than NFG (after a BOM and
// spaces): no more of it can make a .nfg file. `start` keeps the spaces
// skipped so far, so a long run of them is scanned once.
bool could_start_nfg(std::string_view text, std::size_t& start) {
  if (start == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  while (start < text.size() && nfg::is_space(text[start])) ++start;
  const std::string_view word = text.substr(std::min(start, text.size()), 4), nfg = "NFG ";
  return word.size() < 4 ? nfg.substr(0, word.size()) == word : word.substr(0, 3) == "NFG" && nfg::is_space(word[3]);
}

}  // namespace

FileText::FileText(const std::string& path, const char* function) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(function, "cannot open \"", path, "\": ", std::strerror(errno));
  try {
    load(fd, path, function);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);  // a mapping outlives its descriptor
}

FileText::FileText(int fd, const std::string& name, const char* function) {
  load(fd, name, function);
}

FileText::~FileText() {
  if (mapping_ != nullptr) ::munmap(mapping_, text_.size());
}

void FileText::load(int fd, const std::string& name, const char* function) {
  struct stat status {};
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
    const auto size = static_cast<std::size_t>(status.st_size);
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapping != MAP_FAILED) {
      mapping_ = mapping;
      text_ = std::string_view(static_cast<const char*>(mapping), size);
      return;
    }
  }
  // Pipes, devices and the like: read to the end, but not forever
  // (/dev/zero): stop as soon as the text cannot be a .nfg file (the parser
  // then says why), refuse text beyond memory_limit(), and check in (time
  // limits, Ctrl-C) after each chunk.
  char chunk[1 << 16];
  std::size_t start = 0;
  bool started = false;
  for (;;) {
    checkpoint(function);
    if (!started) {
      if (!could_start_nfg(buffer_, start)) break;
      started = buffer_.size() >= start + 4;
    }
    const ::ssize_t count = ::read(fd, chunk, sizeof chunk);
    if (count == 0) break;
    if (count < 0) {
      if (errno == EINTR) continue;
      fail(function, "cannot read \"", name, "\": ", std::strerror(errno));
    }
    check_fits_in_memory(function, buffer_.size() + static_cast<std::size_t>(count), 1,
                         "the text read from \"" + name + "\"");
    buffer_.append(chunk, static_cast<std::size_t>(count));
  }
  text_ = buffer_;
}

}  // namespace detail

namespace detail::nfg {

Lexer::Lexer(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {
  if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 BOM
}

// ---- errors -----------------------------------------------------------------

void Lexer::fail_with(std::size_t offset, const std::string& message) const {
  std::size_t line = 1, line_start = 0;
  for (std::size_t k = 0; k < offset && k < text_.size(); ++k)
    if (text_[k] == '\n') {
      ++line;
      line_start = k + 1;
    }
  const std::size_t column = offset - line_start + 1;
  std::ostringstream out;
  out << source_ << ": line " << line << ", column " << column << ": " << message;
  throw NfgParseError(out.str(), line, column);
}

std::string Lexer::describe(const Token& token) const {
  switch (token.kind) {
    case Kind::end:
      return "the end of the file";
    case Kind::left_brace:
      return "'{'";
    case Kind::right_brace:
      return "'}'";
    case Kind::comma:
      return "','";
    case Kind::text:
      return "the string " + shorten(view(token));
    default:
      return shorten(view(token));
  }
}

std::string Lexer::shorten(std::string_view s) {
  constexpr std::size_t limit = 40;
  if (s.size() <= limit) return "\"" + std::string(s) + "\"";
  return "\"" + std::string(s.substr(0, limit)) + "...\"";
}

// ---- lexer ------------------------------------------------------------------

Token Lexer::next() {
  skip_space();
  const std::size_t begin = pos_;
  if (pos_ == text_.size()) return {Kind::end, begin, begin};
  const char c = text_[pos_];
  if (c == '{') return {Kind::left_brace, begin, ++pos_};
  if (c == '}') return {Kind::right_brace, begin, ++pos_};
  if (c == ',') return {Kind::comma, begin, ++pos_};
  if (c == '"') {
    std::size_t k = pos_ + 1;
    while (k < text_.size() && text_[k] != '"') k += text_[k] == '\\' ? 2 : 1;
    if (k >= text_.size()) fail_at_offset(begin, "unterminated string: no closing '\"'");
    pos_ = k + 1;
    return {Kind::text, begin, pos_};
  }
  pos_ = scan_word(pos_);
  const bool numeric = is_digit(c) || c == '-' || c == '+' || c == '.';
  return {numeric ? Kind::number : Kind::word, begin, pos_};
}

Token Lexer::expect(Kind kind, const char* what) {
  const Token token = next();
  if (token.kind != kind) fail_at(token, "expected ", what, ", found ", describe(token));
  return token;
}

// `\"` is a quote and `\\` a backslash; other backslashes stay, as in Gambit.
std::string Lexer::unescape(const Token& token) const {
  std::string result;
  for (std::size_t k = token.begin + 1; k + 1 < token.end; ++k) {
    if (text_[k] == '\\' && k + 2 < token.end && (text_[k + 1] == '"' || text_[k + 1] == '\\'))
      ++k;
    result += text_[k];
  }
  return result;
}

// ---- numbers ----------------------------------------------------------------

// The number in text_[begin, end); fails naming `what`.
double Lexer::to_double(std::size_t begin, std::size_t end, const char* what) const {
  double value = 0;
  const char* stop = nullptr;
  Conversion status = scan_number(text_.data() + begin, text_.data() + end, value, stop);
  if (status == Conversion::ok && stop != text_.data() + end) status = Conversion::malformed;
  switch (status) {
    case Conversion::ok:
      return value;
    case Conversion::malformed:
      fail_at_offset(begin, "expected ", what, ", found ",
                     shorten(text_.substr(begin, end - begin)));
    case Conversion::division_by_zero:
      fail_at_offset(begin, "division by zero in the rational number ",
                     shorten(text_.substr(begin, end - begin)));
    case Conversion::inexact_integer: {
      const std::string_view number = text_.substr(begin, end - begin);
      const bool fraction = number.find('/') != std::string_view::npos;
      fail_at_offset(begin, "the integer", fraction ? "s of " : " ", shorten(number),
                     " cannot be read exactly: doubles hold integers exactly only up to 2^53 = "
                     "9007199254740992, and rounding could make payoffs that differ in the file equal; "
                     "scale the payoffs down (subtract a common offset or divide by a common factor), or write ",
                     fraction ? std::string("the quotient as a decimal")
                              : "it with a decimal point (" + shorten(std::string(number) + ".0") + ")",
                     " to accept the nearest double");
    }
    case Conversion::too_large:
      break;
  }
  fail_at_offset(begin, "the number ", shorten(text_.substr(begin, end - begin)),
                 " is too large for a double; payoffs must be finite");
}

std::size_t Lexer::to_count(const Token& token, const char* what) const {
  std::size_t value = 0;
  const char* first = text_.data() + token.begin;
  const char* last = text_.data() + token.end;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ptr != last || ec != std::errc()) {
    if (ec == std::errc::result_out_of_range)
      fail_at(token, "the count ", shorten(view(token)), " is too large");
    fail_at(token, "expected ", what, " (a non-negative integer), found ", describe(token));
  }
  return value;
}

// Reads the next payoff of the flat list, with whitespace before it; the
// bounds-checked path behind fast_number, which also reports the errors.
double Lexer::read_payoff(std::size_t read, std::size_t total) {
  skip_space();
  const char* const first = text_.data() + pos_;
  const char* const last = text_.data() + text_.size();
  double value = 0;
  const char* stop = nullptr;
  if (scan_number(first, last, value, stop) == Conversion::ok &&
      (stop == last || is_delimiter(*stop))) {
    pos_ = static_cast<std::size_t>(stop - text_.data());
    return value;
  }
  const std::size_t begin = pos_;
  const std::size_t end = scan_word(begin);
  if (end == begin) {
    const Token token = next();
    fail_at(token, "expected a payoff (a number), found ", describe(token), " after ", read,
            " of ", total, " payoffs");
  }
  return to_double(begin, end, "a payoff (a number)");  // throws the precise error
}

}  // namespace detail::nfg

}  // namespace dilemma

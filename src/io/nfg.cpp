#include "dilemma/io/nfg.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <ostream>
#include <sstream>
#include <utility>
#include <vector>

#include "dilemma/core/shape.hpp"

// POSIX: files are memory-mapped (see detail::FileText).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dilemma {

NfgParseError::NfgParseError(std::string message, std::size_t line, std::size_t column)
    : InvalidArgument(std::move(message)), line_(line), column_(column) {}

namespace detail {

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
  // Pipes, terminals and the like: read to the end.
  char chunk[1 << 16];
  for (;;) {
    const ::ssize_t count = ::read(fd, chunk, sizeof chunk);
    if (count == 0) break;
    if (count < 0) {
      if (errno == EINTR) continue;
      fail(function, "cannot read \"", name, "\": ", std::strerror(errno));
    }
    buffer_.append(chunk, static_cast<std::size_t>(count));
  }
  text_ = buffer_;
}

}  // namespace detail

namespace {

// Character classes by table: the lexer's inner loops test every byte.
enum : unsigned char { kSpace = 1, kDelimiter = 2 };  // spaces are delimiters too
struct CharClasses {
  unsigned char of[256] = {};
  constexpr CharClasses() {
    for (unsigned char c : {' ', '\n', '\t', '\r', '\v', '\f'}) of[c] = kSpace | kDelimiter;
    for (unsigned char c : {'{', '}', ',', '"'}) of[c] = kDelimiter;
  }
};
constexpr CharClasses kCharClasses;
bool is_space(char c) { return (kCharClasses.of[static_cast<unsigned char>(c)] & kSpace) != 0; }
// Characters that end an unquoted token.
bool is_delimiter(char c) {
  return (kCharClasses.of[static_cast<unsigned char>(c)] & kDelimiter) != 0;
}
bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// Asks the kernel for transparent huge pages on a large buffer before its
// first touch. Faulting in 4 KiB pages dominated the parse of a 10-player
// game on a virtual machine (about 3 us a page); with huge pages the parse
// ran 20% faster. Advice only: without it, or elsewhere, nothing changes.
void advise_huge_pages(void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t kHuge = std::uintptr_t(2) << 20;
  if (bytes < 2 * kHuge) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHuge - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  static_cast<void>(data);
  static_cast<void>(bytes);
#endif
}

// Enumerates the action profiles of players [first, last) in file order
// (player `first` fastest), tracking each one's offset in the file order and
// in the C order of the whole game.
class ProfileWalk {
 public:
  ProfileWalk(const std::vector<std::size_t>& nums_actions, std::size_t first, std::size_t last)
      : action_(last - first, 0) {
    const std::vector<std::size_t> c_strides = detail::c_order_strides(nums_actions);
    std::size_t file_stride = 1;  // player i's stride in file order: prod_{j < i} m_j
    for (std::size_t i = 0; i < last; ++i) {
      if (i >= first) players_.push_back({nums_actions[i], file_stride, c_strides[i]});
      file_stride *= nums_actions[i];
    }
  }
  std::size_t file_offset() const noexcept { return file_offset_; }
  std::size_t c_offset() const noexcept { return c_offset_; }
  /// Steps to the next profile; false (and back to the first) after the last.
  bool advance() noexcept {
    for (std::size_t k = 0; k < players_.size(); ++k) {
      const Player& player = players_[k];
      if (++action_[k] < player.num_actions) {
        file_offset_ += player.file_stride;
        c_offset_ += player.c_stride;
        return true;
      }
      action_[k] = 0;
      file_offset_ -= (player.num_actions - 1) * player.file_stride;
      c_offset_ -= (player.num_actions - 1) * player.c_stride;
    }
    return false;
  }

 private:
  struct Player {
    std::size_t num_actions, file_stride, c_stride;
  };
  std::vector<Player> players_;
  std::vector<std::size_t> action_;
  std::size_t file_offset_ = 0;
  std::size_t c_offset_ = 0;
};

// Calls visit(f, c) for every joint profile, f its index in file order
// (player 1 fastest) and c in C order (last player fastest). The two orders
// reverse each other's digits, so walking either one jumps through memory on
// the other side. The walk goes by tiles instead: the first players (fastest
// in the file) against the last ones (fastest in C order), up to kTile
// profiles each, so that a tile touches few cache lines on both sides; the
// players in between index the tiles. Converting a 10-player 3-action game
// this way took half the time of a walk in C order.
template <class Visit>
void visit_profiles_tiled(const std::vector<std::size_t>& nums_actions, Visit&& visit) {
  constexpr std::size_t kTile = 16;
  const std::size_t n = nums_actions.size();
  std::size_t head_end = 0, head_size = 1;  // players [0, head_end)
  while (head_end < n && head_size * nums_actions[head_end] <= kTile)
    head_size *= nums_actions[head_end++];
  std::size_t tail_begin = n, tail_size = 1;  // players [tail_begin, n)
  while (tail_begin > head_end && tail_size * nums_actions[tail_begin - 1] <= kTile)
    tail_size *= nums_actions[--tail_begin];

  std::vector<std::size_t> head_c, tail_c, tail_file;
  ProfileWalk head(nums_actions, 0, head_end);
  do head_c.push_back(head.c_offset());  // head file offsets are 0, 1, 2, ...
  while (head.advance());
  ProfileWalk tail(nums_actions, tail_begin, n);
  do {
    tail_c.push_back(tail.c_offset());
    tail_file.push_back(tail.file_offset());
  } while (tail.advance());

  ProfileWalk middle(nums_actions, head_end, tail_begin);
  do {
    for (std::size_t t = 0; t < tail_size; ++t) {
      const std::size_t file_base = middle.file_offset() + tail_file[t];
      const std::size_t c_base = middle.c_offset() + tail_c[t];
      for (std::size_t h = 0; h < head_size; ++h) visit(file_base + h, c_base + head_c[h]);
    }
  } while (middle.advance());
}

// Player-major C-order payoffs (the game's layout) from file-order rows:
// row(f) points to the n payoffs of the f-th profile of the file.
template <class Row>
std::vector<double> to_c_order(const std::vector<std::size_t>& nums_actions,
                               std::size_t num_profiles, Row&& row) {
  const std::size_t n = nums_actions.size();
  std::vector<double> payoffs;
  payoffs.reserve(num_profiles * n);
  advise_huge_pages(payoffs.data(), num_profiles * n * sizeof(double));
  payoffs.resize(num_profiles * n);
  double* data = payoffs.data();
  visit_profiles_tiled(nums_actions, [&](std::size_t f, std::size_t c) {
    const double* values = row(f);
    for (std::size_t i = 0; i < n; ++i) data[i * num_profiles + c] = values[i];
  });
  return payoffs;
}

// ---- number conversion ------------------------------------------------------
// Decimals are converted exactly (correctly rounded, as from_chars does) but
// without from_chars in the common cases, which dominate the parse time:
// Clinger's fast path when the digits fit in 53 bits, 128-bit integer
// arithmetic when they fit in 64; from_chars for the rest.

enum class Conversion { ok, malformed, division_by_zero, too_large };

constexpr double kPowersOf10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                  1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                  1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};  // all exact
constexpr std::uint64_t kTwoTo53 = std::uint64_t(1) << 53;

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 uint128;  // GCC and Clang

int bit_length(uint128 v) {
  const auto high = static_cast<std::uint64_t>(v >> 64);
  if (high != 0) return 128 - __builtin_clzll(high);
  return 64 - __builtin_clzll(static_cast<std::uint64_t>(v));
}

struct PowersOf10 {
  uint128 of[23] = {};
  constexpr PowersOf10() {
    of[0] = 1;
    for (int k = 1; k < 23; ++k) of[k] = of[k - 1] * 10;
  }
};
constexpr PowersOf10 kPowersOf10Wide;

// Nearest double (ties to even) to v * 2^exp2, for v > 0 whose result is a
// normal double; `sticky` says nonzero bits below v were cut off.
double round_to_double(uint128 v, int exp2, bool sticky) {
  const int bits = bit_length(v);
  if (bits > 54) {  // keep 53 bits and one rounding bit
    const int drop = bits - 54;
    sticky = sticky || (v & ((uint128(1) << drop) - 1)) != 0;
    v >>= drop;
    exp2 += drop;
  } else {
    v <<= 54 - bits;
    exp2 -= 54 - bits;
  }
  auto mantissa = static_cast<std::uint64_t>(v >> 1);
  ++exp2;
  if ((v & 1) != 0 && (sticky || (mantissa & 1) != 0) && ++mantissa == kTwoTo53) {
    mantissa >>= 1;
    ++exp2;
  }
  const std::uint64_t bits_of_scale = static_cast<std::uint64_t>(exp2 + 1023) << 52;
  double scale;
  std::memcpy(&scale, &bits_of_scale, sizeof scale);
  return static_cast<double>(mantissa) * scale;
}
#endif

constexpr std::uint64_t kPowersOf10Int[] = {1,      10,      100,      1000,     10000,
                                            100000, 1000000, 10000000, 100000000};

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DILEMMA_NFG_SWAR 1
// Eight characters at once (SWAR, after fast_float): a byte loop over digits
// mispredicts its exit on every number, as lengths vary.

std::uint64_t load8(const char* p) {
  std::uint64_t chunk;
  std::memcpy(&chunk, p, sizeof chunk);
  return chunk;
}

// Number of leading ASCII digits among the 8 bytes of chunk.
int leading_digits(std::uint64_t chunk) {
  // Nonzero bytes mark non-digits: high nibble not 3, or low nibble above 9.
  // (A carry out of a byte >= 0xFA only disturbs bytes after a non-digit.)
  const std::uint64_t non_digits =
      ((chunk & 0xF0F0F0F0F0F0F0F0u) ^ 0x3030303030303030u) |
      (((chunk + 0x0606060606060606u) & 0xF0F0F0F0F0F0F0F0u) ^ 0x3030303030303030u);
  return non_digits == 0 ? 8 : __builtin_ctzll(non_digits) / 8;
}

// Value of the first `count` (1 to 8) digits of chunk.
std::uint64_t digits_value(std::uint64_t chunk, int count) {
  chunk = (chunk - 0x3030303030303030u) << (8 * (8 - count));  // drop the rest, zeros in front
  chunk = chunk * 10 + (chunk >> 8);
  chunk = ((chunk & 0x000000FF000000FFu) * 0x000F424000000064u +
           ((chunk >> 16) & 0x000000FF000000FFu) * 0x0000271000000001u) >>
          32;
  return chunk & 0xFFFFFFFFu;
}
#endif

// Appends the decimal digits at p to `value` (wrapping past 19 digits, which
// the caller checks) and returns the end of the digits.
const char* read_digits(const char* p, const char* last, std::uint64_t& value) {
#ifdef DILEMMA_NFG_SWAR
  while (last - p >= 8) {
    const std::uint64_t chunk = load8(p);
    const int count = leading_digits(chunk);
    if (count == 0) return p;
    value = value * kPowersOf10Int[count] + digits_value(chunk, count);
    p += count;
    if (count < 8) return p;
  }
#endif
  for (; p != last && is_digit(*p); ++p) value = value * 10 + static_cast<unsigned>(*p - '0');
  return p;
}

// mantissa * 10^exponent for mantissa < 10^19 (no digits lost); false when
// the fast paths cannot decide.
bool exact_decimal(std::uint64_t mantissa, int exponent, double& value) {
  if (mantissa <= kTwoTo53 && exponent >= -22 && exponent <= 22) {
    const auto m = static_cast<double>(mantissa);
    value = exponent < 0 ? m / kPowersOf10[-exponent] : m * kPowersOf10[exponent];
    return true;
  }
#ifdef __SIZEOF_INT128__
  if (exponent >= 0 && exponent <= 19) {
    value = round_to_double(uint128(mantissa) * kPowersOf10Wide.of[exponent], 0, false);
    return true;
  }
  if (exponent < 0 && exponent >= -22) {
    // Quotient of the mantissa shifted to the top of 128 bits: >= 54 bits.
    const int shift = 128 - bit_length(mantissa);
    const uint128 dividend = uint128(mantissa) << shift;
    const uint128 divisor = kPowersOf10Wide.of[-exponent];
    value = round_to_double(dividend / divisor, -shift, dividend % divisor != 0);
    return true;
  }
#endif
  return false;
}

// An unsigned digit string as a double.
Conversion digits_to_double(const char* first, const char* last, double& value) {
  if (last - first <= 15) {  // below 2^53: exact
    std::uint64_t m = 0;
    for (const char* p = first; p != last; ++p) m = m * 10 + static_cast<unsigned>(*p - '0');
    value = static_cast<double>(m);
    return Conversion::ok;
  }
  const auto result = std::from_chars(first, last, value);
  return result.ec == std::errc() ? Conversion::ok : Conversion::too_large;
}

// Reads [+-](digits[.digits*]|.digits)[(e|E)[+-]digits] or [+-]digits/digits
// from the start of [first, last) into the nearest double; `stop` is where
// the number ends (the caller checks that a delimiter follows).
Conversion scan_number(const char* first, const char* last, double& value, const char*& stop) {
  const char* p = first;
  const bool negative = p != last && *p == '-';
  p += p != last && (*p == '-' || *p == '+');  // no branch: signs are unpredictable
  const char* const start = p;
  std::uint64_t mantissa = 0;  // all digits, wraps if more than 19 (checked below)
  p = read_digits(p, last, mantissa);
  const char* const integer_end = p;
  if (p != last && *p == '/') {
    const char* const denominator_start = ++p;
    while (p != last && is_digit(*p)) ++p;
    stop = p;
    if (integer_end == start || p == denominator_start) return Conversion::malformed;
    double numerator = 0, denominator = 0;
    if (digits_to_double(start, integer_end, numerator) != Conversion::ok ||
        digits_to_double(denominator_start, p, denominator) != Conversion::ok)
      return Conversion::too_large;
    if (denominator == 0) return Conversion::division_by_zero;
    value = (negative ? -numerator : numerator) / denominator;
    return std::isfinite(value) ? Conversion::ok : Conversion::too_large;
  }
  long exponent = 0;  // value = mantissa * 10^exponent
  if (p != last && *p == '.') {
    const char* const fraction = ++p;
    p = read_digits(p, last, mantissa);
    exponent = -(p - fraction);
  }
  const long num_digits = (integer_end - start) + (exponent < 0 ? -exponent : 0);
  if (num_digits == 0) {
    stop = p;
    return Conversion::malformed;
  }
  if (p != last && (*p == 'e' || *p == 'E')) {
    ++p;
    const bool negative_exponent = p != last && *p == '-';
    if (p != last && (*p == '-' || *p == '+')) ++p;
    if (p == last || !is_digit(*p)) {
      stop = p;
      return Conversion::malformed;
    }
    long written = 0;
    for (; p != last && is_digit(*p); ++p)
      if (written < 100000) written = written * 10 + (*p - '0');  // beyond: over/underflow anyway
    exponent += negative_exponent ? -written : written;
  }
  stop = p;

  // More than 19 digits: the mantissa is exact only if the extra ones are leading zeros.
  bool exact = num_digits <= 19;
  if (!exact) {
    long significant = num_digits;
    for (const char* q = start; q != p && (*q == '0' || *q == '.'); ++q) significant -= *q == '0';
    exact = significant <= 19;
  }
  if (exact && mantissa == 0) {
    value = negative ? -0.0 : 0.0;
    return Conversion::ok;
  }
  const int clamped = static_cast<int>(std::max(-1000L, std::min(exponent, 1000L)));
  if (!exact || !exact_decimal(mantissa, clamped, value)) {
    const auto result = std::from_chars(start, p, value);
    if (result.ec == std::errc::result_out_of_range) {
      // from_chars reports overflow and underflow alike; underflow becomes 0.
      const std::string copy(start, p);
      value = std::strtod(copy.c_str(), nullptr);
      if (!std::isfinite(value)) return Conversion::too_large;
    }
  }
  value = negative ? -value : value;
  return Conversion::ok;
}

// The common payoffs, [+-]digits[.digits] with at most 19 digits and a
// delimiter after them, read without bounds checks: at least
// kFastNumberMargin bytes must follow p. Returns the end of the number, or
// nullptr to leave the number to scan_number.
constexpr std::ptrdiff_t kFastNumberMargin = 48;

const char* fast_number(const char* p, double& value) {
#ifdef DILEMMA_NFG_SWAR
  const bool negative = *p == '-';
  p += (*p == '-') | (*p == '+');
  std::uint64_t chunk = load8(p);
  int count = leading_digits(chunk);
  if (count == 0 || count == 8) return nullptr;
  std::uint64_t mantissa = digits_value(chunk, count);
  int num_digits = count;
  int exponent = 0;
  p += count;
  if (*p == '.') {
    ++p;
    for (int k = 0; k < 3; ++k) {  // up to 24 fraction digits
      chunk = load8(p);
      count = leading_digits(chunk);
      if (count == 0) break;
      mantissa = mantissa * kPowersOf10Int[count] + digits_value(chunk, count);
      num_digits += count;
      exponent -= count;
      p += count;
      if (count < 8) break;
    }
  }
  if (num_digits > 19 || !is_delimiter(*p)) return nullptr;
  if (mantissa <= kTwoTo53 && exponent >= -22)  // Clinger's fast path, inline
    value = exponent == 0 ? static_cast<double>(mantissa)
                          : static_cast<double>(mantissa) / kPowersOf10[-exponent];
  else if (!exact_decimal(mantissa, exponent, value))
    return nullptr;
  value = negative ? -value : value;
  return p;
#else
  static_cast<void>(p);
  static_cast<void>(value);
  return nullptr;
#endif
}

enum class Kind { number, text, left_brace, right_brace, comma, word, end };

struct Token {
  Kind kind;
  std::size_t begin;  // offset of the first character
  std::size_t end;    // one past the last (after the closing quote for text)
};

// Hand-written lexer and recursive-descent parser over the whole text.
// Positions are byte offsets; line and column are computed only on error.
class Parser {
 public:
  Parser(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {
    if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 BOM
  }

  NormalFormGame parse() {
    Token token = next();
    if (token.kind != Kind::word || view(token) != "NFG")
      fail_at(token, "expected \"NFG\" at the start of the file, found ", describe(token));
    token = next();
    if (token.kind != Kind::number || view(token) != "1")
      fail_at(token, "expected the format version 1 after \"NFG\", found ", describe(token));
    token = next();
    if (token.kind != Kind::word || (view(token) != "R" && view(token) != "D"))
      fail_at(token, "expected the number type R or D after \"NFG 1\", found ", describe(token));
    std::string title = expect_text("the game title (a quoted string)");

    std::vector<std::string> players = read_players();
    const std::size_t n = players.size();

    // Strategies: counts `{ 3 2 }` or label lists `{ { "a" "b" } { "x" } }`.
    const Token strategies = expect(Kind::left_brace, "'{' opening the strategies");
    std::vector<std::size_t> nums_actions(n);
    std::vector<std::vector<std::string>> labels;
    token = next();
    if (token.kind == Kind::left_brace) {
      labels.resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) token = next();
        if (token.kind != Kind::left_brace)
          fail_at(token, "expected '{' opening the strategy labels of player ", i + 1, " of ", n,
                  ", found ", describe(token));
        for (token = next(); token.kind == Kind::text; token = next())
          labels[i].push_back(unescape(token));
        if (token.kind != Kind::right_brace)
          fail_at(token, "expected a strategy label (a quoted string) or '}', found ",
                  describe(token));
        if (labels[i].empty()) fail_at(token, "player ", i + 1, " has no strategies");
        nums_actions[i] = labels[i].size();
      }
      token = next();
      if (token.kind != Kind::right_brace)
        fail_at(token, "expected '}' closing the strategy labels of ", n,
                n == 1 ? " player" : " players", ", found ", describe(token));
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) token = next();
        if (token.kind != Kind::number)
          fail_at(token, "expected the number of strategies of player ", i + 1, " of ", n,
                  ", found ", describe(token));
        nums_actions[i] = to_count(token, "a number of strategies");
        if (nums_actions[i] == 0) fail_at(token, "player ", i + 1, " has 0 strategies");
      }
      token = next();
      if (token.kind != Kind::right_brace)
        fail_at(token, "expected '}' after the strategy counts of ", n,
                n == 1 ? " player" : " players", ", found ", describe(token));
    }

    token = next();
    if (token.kind == Kind::text) token = next();  // optional comment, not kept

    // Size checks before any allocation (see check_room).
    std::size_t num_profiles = 1;
    for (std::size_t m : nums_actions) {
      if (num_profiles > std::numeric_limits<std::size_t>::max() / m)
        fail_at(strategies, "the strategy counts ", detail::format_tuple(nums_actions),
                " make more joint profiles than fit in 64 bits");
      num_profiles *= m;
    }

    std::vector<double> payoffs;
    if (token.kind == Kind::number) {
      if (num_profiles > std::numeric_limits<std::size_t>::max() / n)
        fail_at(strategies, "the strategy counts ", detail::format_tuple(nums_actions),
                " need more payoffs than fit in 64 bits");
      check_room(strategies, nums_actions, num_profiles * n, token.begin, "payoffs");
      check_memory(nums_actions, num_profiles, 2 * n * sizeof(double));  // file order + C order
      pos_ = token.begin;
      const std::unique_ptr<double[]> file_payoffs = read_payoff_list(num_profiles * n);
      payoffs = to_c_order(nums_actions, num_profiles,
                           [&](std::size_t ordinal) { return file_payoffs.get() + ordinal * n; });
    } else if (token.kind == Kind::left_brace) {
      const std::vector<double> outcomes = read_outcomes(n);
      check_room(strategies, nums_actions, num_profiles, pos_, "outcome indices");
      check_memory(nums_actions, num_profiles, n * sizeof(double) + sizeof(std::size_t));
      const std::vector<std::size_t> indices =
          read_outcome_indices(num_profiles, outcomes.size() / n - 1);
      payoffs = to_c_order(nums_actions, num_profiles, [&](std::size_t ordinal) {
        return outcomes.data() + indices[ordinal] * n;
      });
    } else {
      fail_at(token, "expected the payoffs (numbers) or an outcome list '{', found ",
              describe(token));
    }
    token = next();
    if (token.kind != Kind::end)
      fail_at(token, "expected the end of the file after all ", num_profiles, " profiles, found ",
              describe(token));

    NormalFormGame game(std::move(nums_actions), std::move(payoffs));
    game.set_title(std::move(title));
    game.set_player_labels(std::move(players));
    for (std::size_t i = 0; i < labels.size(); ++i) game.set_action_labels(i, std::move(labels[i]));
    return game;
  }

 private:
  // ---- errors -------------------------------------------------------------
  template <class... Parts>
  [[noreturn]] void fail_at_offset(std::size_t offset, Parts&&... parts) const {
    std::size_t line = 1, line_start = 0;
    for (std::size_t k = 0; k < offset && k < text_.size(); ++k)
      if (text_[k] == '\n') {
        ++line;
        line_start = k + 1;
      }
    const std::size_t column = offset - line_start + 1;
    std::ostringstream out;
    out.precision(17);
    out << source_ << ": line " << line << ", column " << column << ": ";
    detail::append_all(out, std::forward<Parts>(parts)...);
    throw NfgParseError(out.str(), line, column);
  }
  template <class... Parts>
  [[noreturn]] void fail_at(const Token& token, Parts&&... parts) const {
    fail_at_offset(token.begin, std::forward<Parts>(parts)...);
  }

  std::string describe(const Token& token) const {
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
  static std::string shorten(std::string_view s) {
    constexpr std::size_t limit = 40;
    if (s.size() <= limit) return "\"" + std::string(s) + "\"";
    return "\"" + std::string(s.substr(0, limit)) + "...\"";
  }

  // ---- lexer --------------------------------------------------------------
  std::string_view view(const Token& token) const {
    return text_.substr(token.begin, token.end - token.begin);
  }

  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  }

  std::size_t scan_word(std::size_t begin) const {
    std::size_t end = begin;
    while (end < text_.size() && !is_delimiter(text_[end])) ++end;
    return end;
  }

  Token next() {
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

  Token expect(Kind kind, const char* what) {
    const Token token = next();
    if (token.kind != kind) fail_at(token, "expected ", what, ", found ", describe(token));
    return token;
  }

  std::string expect_text(const char* what) { return unescape(expect(Kind::text, what)); }

  // `\"` is a quote and `\\` a backslash; other backslashes stay, as in Gambit.
  std::string unescape(const Token& token) const {
    std::string result;
    for (std::size_t k = token.begin + 1; k + 1 < token.end; ++k) {
      if (text_[k] == '\\' && k + 2 < token.end && (text_[k + 1] == '"' || text_[k + 1] == '\\'))
        ++k;
      result += text_[k];
    }
    return result;
  }

  // ---- numbers ------------------------------------------------------------
  // The number in text_[begin, end); fails naming `what`.
  double to_double(std::size_t begin, std::size_t end, const char* what) const {
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
      case Conversion::too_large:
        break;
    }
    fail_at_offset(begin, "the number ", shorten(text_.substr(begin, end - begin)),
                   " is too large for a double; payoffs must be finite");
  }

  std::size_t to_count(const Token& token, const char* what) const {
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
  double read_payoff(std::size_t read, std::size_t total) {
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

  // ---- sections -----------------------------------------------------------
  std::vector<std::string> read_players() {
    expect(Kind::left_brace, "'{' opening the player names");
    std::vector<std::string> players;
    Token token = next();
    for (; token.kind == Kind::text; token = next()) players.push_back(unescape(token));
    if (token.kind != Kind::right_brace)
      fail_at(token, "expected a player name (a quoted string) or '}', found ", describe(token));
    if (players.empty()) fail_at(token, "expected at least one player name before '}'");
    return players;
  }

  // Before allocating for `needed` numbers: each takes at least two
  // characters (itself and a separator), so a short text cannot make us
  // allocate for a huge declared game. Small games skip the check and get
  // the precise error (where the list ends) from the parse itself.
  void check_room(const Token& strategies, const std::vector<std::size_t>& nums_actions,
                  std::size_t needed, std::size_t from, const char* what) const {
    constexpr std::size_t kAlwaysAllowed = std::size_t(1) << 16;
    const std::size_t room = (text_.size() - from + 1) / 2;
    if (needed > room && needed > kAlwaysAllowed)
      fail_at(strategies, "the strategy counts ", detail::format_tuple(nums_actions), " need ",
              needed, " ", what, ", more than the ", text_.size() - from,
              " remaining characters can hold");
  }

  static void check_memory(const std::vector<std::size_t>& nums_actions, std::size_t num_profiles,
                           std::size_t bytes_per_profile) {
    detail::check_fits_in_memory(
        "parse_nfg", num_profiles, bytes_per_profile,
        "a dense game with action counts " + detail::format_tuple(nums_actions));
  }

  // The flat payoff list, in file order: fast_number where it applies,
  // read_payoff (bounds-checked, with the error messages) elsewhere. Not
  // zero-filled first: every entry is written.
  std::unique_ptr<double[]> read_payoff_list(std::size_t total) {
    std::unique_ptr<double[]> payoffs(new double[total]);
    advise_huge_pages(payoffs.get(), total * sizeof(double));
    const char* const data = text_.data();
    const char* const last = data + text_.size();
    const char* const fast_end = last - data > kFastNumberMargin ? last - kFastNumberMargin : data;
    const char* p = data + pos_;
    for (std::size_t k = 0; k < total; ++k) {
      while (p != last && is_space(*p)) ++p;
      const char* const end = p < fast_end ? fast_number(p, payoffs[k]) : nullptr;
      if (end != nullptr) {
        p = end;
      } else {
        pos_ = static_cast<std::size_t>(p - data);
        payoffs[k] = read_payoff(k, total);
        p = data + pos_;
      }
    }
    pos_ = static_cast<std::size_t>(p - data);
    return payoffs;
  }

  // The outcome table after its '{'; row 0 is the null outcome (all zeros).
  std::vector<double> read_outcomes(std::size_t n) {
    std::vector<double> outcomes(n, 0.0);
    for (Token token = next();; token = next()) {
      if (token.kind == Kind::right_brace) return outcomes;
      if (token.kind != Kind::left_brace)
        fail_at(token, "expected '{' opening an outcome or '}' closing the outcome list, found ",
                describe(token));
      const std::size_t outcome = outcomes.size() / n;
      token = next();
      if (token.kind == Kind::text) token = next();  // outcome name, not kept
      for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && token.kind == Kind::comma) token = next();
        if (token.kind != Kind::number)
          fail_at(token, "expected the payoff of player ", i + 1, " of ", n, " in outcome ",
                  outcome, ", found ", describe(token));
        outcomes.push_back(to_double(token.begin, token.end, "a payoff (a number)"));
        token = next();
      }
      if (token.kind == Kind::comma) token = next();
      if (token.kind != Kind::right_brace)
        fail_at(token, "expected '}' closing outcome ", outcome, " after ", n,
                n == 1 ? " payoff" : " payoffs", ", found ", describe(token));
    }
  }

  // One outcome index per profile, in file order.
  std::vector<std::size_t> read_outcome_indices(std::size_t num_profiles,
                                                std::size_t num_outcomes) {
    std::vector<std::size_t> indices(num_profiles);
    for (std::size_t ordinal = 0; ordinal < num_profiles; ++ordinal) {
      const Token token = next();
      if (token.kind != Kind::number)
        fail_at(token, "expected an outcome index (an integer from 0 to ", num_outcomes,
                "), found ", describe(token), " after ", ordinal, " of ", num_profiles, " indices");
      const char* first = text_.data() + token.begin;
      const char* last = text_.data() + token.end;
      const auto [ptr, ec] = std::from_chars(first, last, indices[ordinal]);
      if (ptr != last)
        fail_at(token, "expected an outcome index (an integer from 0 to ", num_outcomes,
                "), found ", describe(token));
      if (ec != std::errc() || indices[ordinal] > num_outcomes)
        fail_at(token, "outcome index ", view(token), " is out of range; there ",
                num_outcomes == 1 ? "is 1 outcome"
                                  : "are " + std::to_string(num_outcomes) + " outcomes");
    }
    return indices;
  }

  std::string_view text_;
  std::string source_;
  std::size_t pos_ = 0;
};

void append_quoted(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

// Shortest text that reads back as the same double; integers without ".0".
void append_number(std::string& out, double value) {
  char buffer[32];
  std::to_chars_result result;
  if (value == std::trunc(value) && std::fabs(value) < 9.0e18)
    result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(value));
  else
    result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace

namespace detail {

NormalFormGame parse_nfg(std::string_view text, std::string source) {
  return Parser(text, std::move(source)).parse();
}

}  // namespace detail

NormalFormGame parse_nfg(std::string_view text) { return detail::parse_nfg(text, "parse_nfg"); }

NormalFormGame read_nfg(const std::string& path_or_text) {
  std::size_t k = 0;
  while (k < path_or_text.size() && is_space(path_or_text[k])) ++k;
  if (path_or_text.compare(k, 3, "NFG") == 0 && k + 3 < path_or_text.size() &&
      is_space(path_or_text[k + 3]))
    return detail::parse_nfg(path_or_text, "read_nfg");
  const detail::FileText file(path_or_text, "read_nfg");
  return detail::parse_nfg(file.text(), "read_nfg");
}

std::string to_nfg(const NormalFormGame& game) {
  const std::size_t n = game.num_players();
  std::string out = "NFG 1 R ";
  append_quoted(out, game.title());
  out += " {";
  for (const std::string& label : game.player_labels()) {
    out += ' ';
    append_quoted(out, label);
  }
  out += " }\n{";
  for (std::size_t i = 0; i < n; ++i) {
    out += " {";
    for (const std::string& label : game.action_labels(i)) {
      out += ' ';
      append_quoted(out, label);
    }
    out += " }";
  }
  out += " }\n\n";

  // Profiles in file order (player 1 fastest), one per line: rows gathered
  // by tiles first, then printed in sequence.
  const std::size_t num_profiles = game.num_profiles();
  const double* data = game.payoff_data().data();
  std::vector<double> rows(num_profiles * n);
  visit_profiles_tiled(game.nums_actions(), [&](std::size_t f, std::size_t c) {
    for (std::size_t i = 0; i < n; ++i) rows[f * n + i] = data[i * num_profiles + c];
  });
  out.reserve(out.size() + rows.size() * 8);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    append_number(out, rows[k]);
    out += (k + 1) % n == 0 ? '\n' : ' ';
  }
  return out;
}

void write_nfg(const NormalFormGame& game, std::ostream& out) {
  const std::string text = to_nfg(game);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) detail::fail("write_nfg", "writing to the stream failed");
}

void write_nfg(const NormalFormGame& game, const std::string& path) {
  const std::string text = to_nfg(game);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr)
    detail::fail("write_nfg", "cannot open \"", path, "\" for writing: ", std::strerror(errno));
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const int error = errno;
  if (std::fclose(file) != 0 || !written)
    detail::fail("write_nfg", "cannot write \"", path,
                 "\": ", std::strerror(written ? errno : error));
}

}  // namespace dilemma

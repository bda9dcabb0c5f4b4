// Numbers of .nfg files to doubles.
//
// Decimals are converted exactly (correctly rounded, as from_chars does) but
// without from_chars in the common cases, which dominate the parse time:
// Clinger's fast path when the digits fit in 53 bits, 128-bit integer
// arithmetic when they fit in 64; from_chars for the rest.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "nfg_internal.hpp"
#include "nfg_number.hpp"

namespace dilemma::detail::nfg {

namespace {

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

// Whether the unsigned digit string [first, last) equals `value`, a finite
// double of at least 2^53 (hence an integer), exactly.
bool equals_exactly(const char* first, const char* last, double value) {
  while (last - first > 1 && *first == '0') ++first;
  char exact[400];  // the largest double has 309 digits
  const auto printed = std::to_chars(exact, exact + sizeof exact, value, std::chars_format::fixed, 0);
  return printed.ec == std::errc() && std::string_view(exact, static_cast<std::size_t>(printed.ptr - exact)) ==
                                          std::string_view(first, static_cast<std::size_t>(last - first));
}

// An unsigned digit string as a double; inexact_integer when no double equals it.
Conversion digits_to_double(const char* first, const char* last, double& value) {
  if (last - first <= 15) {  // below 2^53: exact
    std::uint64_t m = 0;
    for (const char* p = first; p != last; ++p) m = m * 10 + static_cast<unsigned>(*p - '0');
    value = static_cast<double>(m);
    return Conversion::ok;
  }
  const auto result = std::from_chars(first, last, value);
  if (result.ec != std::errc()) return Conversion::too_large;
  return value < static_cast<double>(kTwoTo53) || equals_exactly(first, last, value) ? Conversion::ok
                                                                                     : Conversion::inexact_integer;
}

}  // namespace

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
    Conversion status = digits_to_double(start, integer_end, numerator);
    if (status == Conversion::ok) status = digits_to_double(denominator_start, p, denominator);
    if (status != Conversion::ok) return status;
    if (denominator == 0) return Conversion::division_by_zero;
    value = (negative ? -numerator : numerator) / denominator;
    return std::isfinite(value) ? Conversion::ok : Conversion::too_large;
  }
  long exponent = 0;  // value = mantissa * 10^exponent
  const bool integer = p == last || (*p != '.' && *p != 'e' && *p != 'E');
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
  if (integer && value >= static_cast<double>(kTwoTo53) && !equals_exactly(start, integer_end, value))
    return Conversion::inexact_integer;
  value = negative ? -value : value;
  return Conversion::ok;
}

}  // namespace dilemma::detail::nfg

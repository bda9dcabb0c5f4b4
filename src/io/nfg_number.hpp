// Private to src/io: the fast path of the number conversion of
// nfg_number.cpp, inline here because the parser's loop over a flat payoff
// list (nfg_reader.cpp) runs it for every payoff; called out of line, it made
// the parse of a 10-player 3-action game about 2% slower.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "nfg_internal.hpp"

namespace dilemma::detail::nfg {

inline constexpr double kPowersOf10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                         1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                         1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};  // all exact
inline constexpr std::uint64_t kTwoTo53 = std::uint64_t(1) << 53;

inline constexpr std::uint64_t kPowersOf10Int[] = {1,      10,      100,      1000,     10000,
                                                   100000, 1000000, 10000000, 100000000};

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DILEMMA_NFG_SWAR 1
// Eight characters at once (SWAR, after fast_float): a byte loop over digits
// mispredicts its exit on every number, as lengths vary.

inline std::uint64_t load8(const char* p) {
  std::uint64_t chunk;
  std::memcpy(&chunk, p, sizeof chunk);
  return chunk;
}

// Number of leading ASCII digits among the 8 bytes of chunk.
inline int leading_digits(std::uint64_t chunk) {
  // Nonzero bytes mark non-digits: high nibble not 3, or low nibble above 9.
  // (A carry out of a byte >= 0xFA only disturbs bytes after a non-digit.)
  const std::uint64_t non_digits =
      ((chunk & 0xF0F0F0F0F0F0F0F0u) ^ 0x3030303030303030u) |
      (((chunk + 0x0606060606060606u) & 0xF0F0F0F0F0F0F0F0u) ^ 0x3030303030303030u);
  return non_digits == 0 ? 8 : __builtin_ctzll(non_digits) / 8;
}

// Value of the first `count` (1 to 8) digits of chunk.
inline std::uint64_t digits_value(std::uint64_t chunk, int count) {
  chunk = (chunk - 0x3030303030303030u) << (8 * (8 - count));  // drop the rest, zeros in front
  chunk = chunk * 10 + (chunk >> 8);
  chunk = ((chunk & 0x000000FF000000FFu) * 0x000F424000000064u +
           ((chunk >> 16) & 0x000000FF000000FFu) * 0x0000271000000001u) >>
          32;
  return chunk & 0xFFFFFFFFu;
}
#endif

// mantissa * 10^exponent for mantissa < 10^19 (no digits lost); false when
// the fast paths cannot decide.
bool exact_decimal(std::uint64_t mantissa, int exponent, double& value);

// The common payoffs, [+-]digits[.digits] with at most 19 digits and a
// delimiter after them, read without bounds checks: at least
// kFastNumberMargin bytes must follow p. Returns the end of the number, or
// nullptr to leave the number to scan_number.
inline constexpr std::ptrdiff_t kFastNumberMargin = 48;

inline const char* fast_number(const char* p, double& value) {
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
  const bool point = *p == '.';
  if (point) {
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
  if (!point && mantissa > kTwoTo53) return nullptr;  // an integer maybe without exact double
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

}  // namespace dilemma::detail::nfg

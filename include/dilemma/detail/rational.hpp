// The exact number types of the two-player solvers. Not public API beyond
// the alias dilemma::Rational.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include <boost/multiprecision/cpp_int.hpp>

namespace dilemma {

/// Exact rational numbers (Boost.Multiprecision, header-only): the Scalar
/// that selects exact arithmetic in the two-player solvers.
using Rational = boost::multiprecision::cpp_rational;

namespace detail {

/// Integers of the fraction-free tableaux.
using Integer = boost::multiprecision::cpp_int;

#ifdef __SIZEOF_INT128__
__extension__ typedef __int128 Int128;  // __extension__: GCC and Clang's type, not ISO C++
__extension__ typedef unsigned __int128 UInt128;
#endif

/// Thrown by CheckedInt when a result does not fit; the solver then runs
/// again with wider integers (as lrs's hybrid arithmetic does). Never
/// escapes the library.
struct Overflow {};

/// A fixed-width integer whose arithmetic throws Overflow instead of
/// wrapping: exact computations on small games fit in 64 or 128 bits and
/// run many times faster than in Integer.
template <class Int>
class CheckedInt {
 public:
  CheckedInt(long long value = 0) : value_(value) {}  // implicit, like an int
  explicit CheckedInt(const Integer& value) {
    if (value > std::numeric_limits<std::int64_t>::max() || value < std::numeric_limits<std::int64_t>::min())
      throw Overflow{};
    value_ = value.convert_to<std::int64_t>();
  }

  friend CheckedInt operator+(CheckedInt a, CheckedInt b) {
    CheckedInt r;
    if (__builtin_add_overflow(a.value_, b.value_, &r.value_)) throw Overflow{};
    return r;
  }
  friend CheckedInt operator-(CheckedInt a, CheckedInt b) {
    CheckedInt r;
    if (__builtin_sub_overflow(a.value_, b.value_, &r.value_)) throw Overflow{};
    return r;
  }
  friend CheckedInt operator*(CheckedInt a, CheckedInt b) {
    CheckedInt r;
    if (__builtin_mul_overflow(a.value_, b.value_, &r.value_)) throw Overflow{};
    return r;
  }
  /// Exact division (the divisor divides the dividend).
  friend CheckedInt operator/(CheckedInt a, CheckedInt b) {
    if (b.value_ == -1) return CheckedInt(0) - a;  // the one quotient that can overflow
    CheckedInt r;
    r.value_ = a.value_ / b.value_;
    return r;
  }
  CheckedInt operator-() const { return CheckedInt(0) - *this; }
  friend bool operator<(CheckedInt a, CheckedInt b) { return a.value_ < b.value_; }
  friend bool operator>(CheckedInt a, CheckedInt b) { return a.value_ > b.value_; }
  friend bool operator==(CheckedInt a, CheckedInt b) { return a.value_ == b.value_; }
  friend bool operator!=(CheckedInt a, CheckedInt b) { return a.value_ != b.value_; }

  friend int sign_of(CheckedInt x) { return (x.value_ > 0) - (x.value_ < 0); }
  friend double to_double(CheckedInt x) { return static_cast<double>(x.value_); }
  friend Integer to_integer(CheckedInt x) {
    if constexpr (sizeof(Int) <= sizeof(std::int64_t)) {
      return Integer(static_cast<std::int64_t>(x.value_));
    } else {  // two 64-bit halves
      const bool negative = x.value_ < 0;
      const auto magnitude = static_cast<UInt128>(negative ? -(x.value_ + 1) : x.value_) + negative;
      Integer result = Integer(static_cast<std::uint64_t>(magnitude >> 64)) << 64;
      result += static_cast<std::uint64_t>(magnitude);
      return negative ? Integer(-result) : result;
    }
  }

 private:
  Int value_;
};

/// The simplest rational strictly between lo and hi, 0 <= lo < hi: the
/// one with the least denominator (continued fractions, as in the
/// Stern-Brocot tree).
inline Rational simplest_between(const Rational& lo, const Rational& hi) {
  const Integer whole = numerator(lo) / denominator(lo);  // floor, lo >= 0
  if (Rational(whole + 1) < hi) return Rational(whole + 1);
  if (Rational(whole) == lo) {  // simplest in (0, gap): 1/k, k = floor(1/gap) + 1
    const Rational gap = hi - whole;
    return whole + Rational(Integer(1), denominator(gap) / numerator(gap) + 1);
  }
  return whole + 1 / simplest_between(1 / (hi - whole), 1 / (lo - whole));
}

/// The simplest rational that rounds to `value` (finite; integers stay
/// themselves): 0.1 -> 1/10 and 3/19 -> 3/19 rather than the binary fractions doubles hold, so payoffs
/// typed as decimals or small fractions keep their exact meaning.
inline Rational to_rational(double value) {
  if (std::floor(value) == value) return Rational(value);  // integers as they are
  if (value < 0) return -to_rational(-value);
  // The open interval of reals that round to value: halfway to each neighbour.
  const Rational exact(value);
  const Rational below = (exact + Rational(std::nextafter(value, 0.0))) / 2;
  const double next = std::nextafter(value, HUGE_VAL);  // infinite above the largest double
  const Rational above = std::isfinite(next) ? (exact + Rational(next)) / 2 : exact + (exact - below);
  return simplest_between(below, above);
}

inline int sign_of(const Integer& x) { return x.sign(); }
inline double to_double(const Integer& x) { return x.convert_to<double>(); }
inline Integer to_integer(const Integer& x) { return x; }

/// Runs solve(Entry{}) with the tableau entry type of Scalar: double for
/// double; for Rational CheckedInt of 64 bits, then (if some number
/// outgrows them) of 128 bits, then Integer. `solve` must be repeatable.
template <class Scalar, class Solve>
auto with_arithmetic(Solve&& solve) {
  if constexpr (std::is_floating_point_v<Scalar>) {
    return solve(Scalar{});
  } else {
    try {
      return solve(CheckedInt<std::int64_t>{});
    } catch (const Overflow&) {
    }
#ifdef __SIZEOF_INT128__
    try {
      return solve(CheckedInt<Int128>{});
    } catch (const Overflow&) {
    }
#endif
    return solve(Integer{});
  }
}

}  // namespace detail
}  // namespace dilemma

// Closed intervals of doubles with outward rounding, for enclosures that
// prove where a root can and cannot be.
//
// Every operation moves its lower end down and its upper end up by at least
// one ulp instead of switching the FPU rounding mode, so the
// enclosure is valid under any optimisation level without -frounding-math.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

namespace dilemma::detail {

struct Interval {
  double lo = 0, hi = 0;

  Interval() = default;
  /*implicit*/ Interval(double value) : lo(value), hi(value) {}
  Interval(double lower, double upper) : lo(lower), hi(upper) {}

  double mid() const { return lo + 0.5 * (hi - lo); }
  double width() const { return hi - lo; }
  /// The largest absolute value in the interval.
  double magnitude() const { return std::max(std::abs(lo), std::abs(hi)); }
  bool contains(double value) const { return lo <= value && value <= hi; }
  bool contains_zero() const { return lo <= 0 && hi >= 0; }
  /// `other` lies in this interval's interior.
  bool strictly_contains(const Interval& other) const { return lo < other.lo && other.hi < hi; }

  Interval& operator+=(const Interval& other) { return *this = *this + other; }

  friend Interval operator+(const Interval& a, const Interval& b) {
    return {down(a.lo + b.lo), up(a.hi + b.hi)};
  }
  friend Interval operator-(const Interval& a, const Interval& b) {
    return {down(a.lo - b.hi), up(a.hi - b.lo)};
  }
  friend Interval operator*(const Interval& a, const Interval& b) {
    if (a.lo == a.hi && b.lo == b.hi) {  // points: one product, rounded both ways
      const double p = a.lo * b.lo;
      return {down(p), up(p)};
    }
    const double p1 = a.lo * b.lo, p2 = a.lo * b.hi, p3 = a.hi * b.lo, p4 = a.hi * b.hi;
    return {down(std::min({p1, p2, p3, p4})), up(std::max({p1, p2, p3, p4}))};
  }

  // Round-to-nearest is off by at most half an ulp, and ulp(x) <= |x| 2^-52;
  // moving by |x| 2^-52 (plus the smallest subnormal, for 0 and underflow)
  // steps at least one ulp outward. Cheaper than std::nextafter.
  static double down(double x) { return x - (std::abs(x) * 0x1p-52 + 0x1p-1074); }
  static double up(double x) { return x + (std::abs(x) * 0x1p-52 + 0x1p-1074); }
};

/// The intersection, or an interval with lo > hi when they are disjoint.
inline Interval intersect(const Interval& a, const Interval& b) {
  return {std::max(a.lo, b.lo), std::min(a.hi, b.hi)};
}

}  // namespace dilemma::detail

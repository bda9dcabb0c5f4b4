// Operations every payoff scalar type must support. double is the default;
// an exact rational type plugs in by overloading these in namespace dilemma.
#pragma once

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace dilemma {

/// True when x is a usable payoff (not NaN, not infinite).
/// Complexity: O(1).
template <class Scalar>
bool is_finite_scalar(const Scalar& x) {
  if constexpr (std::is_floating_point_v<Scalar>) {
    return std::isfinite(x);
  } else {
    return true;  // exact types have no NaN or infinity
  }
}

namespace detail {

/// 2^-e for the e with magnitude < 2^e <= 2 * magnitude (1 for 0): multiplying
/// payoffs by it is exact (barring underflow) and brings the largest into
/// [0.5, 1), so sums of squares neither overflow (1e300) nor underflow (1e-300).
inline double unit_for_magnitude(double magnitude) {
  if (!(magnitude > 0) || !std::isfinite(magnitude)) return 1.0;
  int exponent = 0;
  std::frexp(magnitude, &exponent);
  return std::ldexp(1.0, std::min(-exponent, 1022));  // 2^1023 would be finite, but a subnormal's would not
}

}  // namespace detail

}  // namespace dilemma

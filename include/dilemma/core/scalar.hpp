// Operations every payoff scalar type must support. double is the default;
// an exact rational type plugs in by overloading these in namespace dilemma.
#pragma once

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

}  // namespace dilemma

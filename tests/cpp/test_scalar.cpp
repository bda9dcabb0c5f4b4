#include "dilemma/core/scalar.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

TEST_CASE("is_finite_scalar: rejects NaN and infinities of floating types only") {
  CHECK(dilemma::is_finite_scalar(1.5));
  CHECK_FALSE(dilemma::is_finite_scalar(std::nan("")));
  CHECK_FALSE(dilemma::is_finite_scalar(-std::numeric_limits<double>::infinity()));
  CHECK_FALSE(dilemma::is_finite_scalar(std::numeric_limits<float>::infinity()));
  CHECK(dilemma::is_finite_scalar(42));  // exact (non-floating) types are always finite
}

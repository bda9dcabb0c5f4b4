#include "dilemma/core/errors.hpp"

#include <doctest/doctest.h>

#include <vector>

TEST_CASE("fail: the message names the function and every part") {
  try {
    dilemma::detail::fail("solver", "value ", 0.1, " of ", std::vector<int>{1, 2}.size(), " items");
    FAIL("no exception");
  } catch (const std::invalid_argument& error) {  // InvalidArgument is a std::invalid_argument
    CHECK(std::string(error.what()) == "solver: value 0.1 of 2 items");
  }
}

TEST_CASE("format_tuple: renders sequences for messages") {
  CHECK(dilemma::detail::format_tuple(std::vector<int>{3, 4}) == "(3, 4)");
  CHECK(dilemma::detail::format_tuple(std::vector<int>{}) == "()");
  CHECK(dilemma::detail::format_tuple(std::vector<double>{0.1, 1e300}) == "(0.1, 1e+300)");
}

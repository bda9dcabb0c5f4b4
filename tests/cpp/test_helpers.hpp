// Shared helpers of the C++ tests.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "dilemma/games/normal_form_game.hpp"

namespace dilemma::testing {

/// The message of the InvalidArgument thrown by `statement`, or "" if none.
template <class Statement>
std::string error_message(Statement&& statement) {
  try {
    statement();
  } catch (const InvalidArgument& error) {
    return error.what();
  }
  return "";
}

/// A game whose payoff for every player is the same constant everywhere:
/// the payoff-invariant game of MODEL.md section 3.
inline NormalFormGame constant_game(std::vector<std::size_t> nums_actions, double value) {
  const std::size_t n = nums_actions.size();
  return NormalFormGame::from_function(std::move(nums_actions),
                                       [&](const PureProfile&) { return std::vector<double>(n, value); });
}

}  // namespace dilemma::testing

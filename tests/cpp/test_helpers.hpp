// Shared helpers of the C++ tests.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/solvers/solver.hpp"

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

/// The report of a run that a cap cut short: named `method`, not converged,
/// not exhaustive, its message containing `why`.
inline void check_cut_short(const SolveReport& report, const std::string& method, const std::string& why) {
  CHECK(report.method == method);
  CHECK_FALSE(report.converged);
  CHECK_FALSE(report.exhaustive);
  CHECK_MESSAGE(report.message.find(why) != std::string::npos, report.message);
}

/// A game whose payoff for every player is the same constant everywhere:
/// a payoff-invariant game (the theorem of docs/model.md).
inline NormalFormGame constant_game(std::vector<std::size_t> nums_actions, double value) {
  const std::size_t n = nums_actions.size();
  return NormalFormGame::from_function(std::move(nums_actions),
                                       [&](const PureProfile&) { return std::vector<double>(n, value); });
}

}  // namespace dilemma::testing

#include <random>

#include "dilemma/games/symmetric_game.hpp"

namespace dilemma::testing {

/// A table-backed symmetric game with integer payoffs low..high (ties common).
inline SymmetricGame random_symmetric_game(std::size_t n, std::size_t s, std::uint64_t seed, int low = 0,
                                           int high = 3) {
  std::mt19937_64 engine(seed);
  std::uniform_int_distribution<int> draw(low, high);
  return SymmetricGame::tabulate(n, s, [&](std::size_t, const Counts&) { return double(draw(engine)); });
}

/// The count vector of a pure profile.
inline Counts counts_of(const PureProfile& profile, std::size_t num_actions) {
  Counts counts(num_actions, 0);
  for (std::size_t a : profile) ++counts[a];
  return counts;
}

/// Rock-paper-scissors for two players where rock beats scissors by 3: the
/// interior equilibrium (1/3, 7/15, 1/5) is not the barycenter, so Newton
/// on the full support must move to find it.
inline SymmetricGame weighted_rock_paper_scissors() {
  return SymmetricGame(2, 3, [](std::size_t a, const Counts& m) {
    static constexpr double payoff[3][3] = {{0, -1, 3}, {1, 0, -1}, {-1, 1, 0}};
    return payoff[a][m[0] ? 0 : m[1] ? 1 : 2];
  });
}

}  // namespace dilemma::testing

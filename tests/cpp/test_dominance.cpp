#include "dilemma/analysis/dominance.hpp"

#include <algorithm>

#include "dilemma/games/generators.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "test_helpers.hpp"

using dilemma::Dominance;
using dilemma::NormalFormGame;
using dilemma::PureProfile;

namespace {

// Gibbons (1992), Game Theory for Applied Economists, Figure 1.1.1:
// rows Up, Down; columns Left, Middle, Right.
NormalFormGame gibbons_1_1_1() {
  return NormalFormGame({2, 3}, {1, 1, 0, 0, 0, 2,    // player 1
                                 0, 2, 1, 3, 1, 0});  // player 2
}

}  // namespace

TEST_CASE("dominates: cooperation is strictly dominated in the prisoner's dilemma") {
  const NormalFormGame pd = dilemma::prisoners_dilemma();
  for (std::size_t player = 0; player < 2; ++player) {
    CHECK(dilemma::dominates(pd, player, 1, 0));
    CHECK_FALSE(dilemma::dominates(pd, player, 0, 1));
    CHECK(dilemma::dominated_actions(pd, player) == std::vector<std::size_t>{0});
  }
}

TEST_CASE("dominates: weak dominance needs a strict gain somewhere") {
  // Player 1: action 0 ties action 1 against column 0 and wins against column 1.
  const NormalFormGame game({2, 2}, {1, 2, 1, 0, 0, 0, 0, 0});
  CHECK_FALSE(dilemma::dominates(game, 0, 0, 1));
  CHECK(dilemma::dominates(game, 0, 0, 1, Dominance::weak));
  CHECK_FALSE(dilemma::dominates(game, 0, 1, 0, Dominance::weak));
  CHECK(dilemma::dominated_actions(game, 0, Dominance::weak) == std::vector<std::size_t>{1});
  CHECK(dilemma::dominated_actions(game, 1, Dominance::weak).empty());  // player 2 is indifferent
  // With tol, gains of at most tol do not count.
  CHECK_FALSE(dilemma::dominates(game, 0, 0, 1, Dominance::weak, 2.0));
}

TEST_CASE("iterated_elimination: Gibbons' Figure 1.1.1 reduces to (Up, Middle)") {
  const dilemma::Elimination result = dilemma::iterated_elimination(gibbons_1_1_1());
  CHECK(result.game.nums_actions() == std::vector<std::size_t>{1, 1});
  CHECK(result.original_actions == std::vector<std::vector<std::size_t>>{{0}, {1}});
  CHECK(result.rounds == 3);  // Right, then Down, then Left
  CHECK(result.game.payoff(0, {0, 0}) == 1.0);
  CHECK(result.game.payoff(1, {0, 0}) == 2.0);
  CHECK(result.game.action_labels(1) == std::vector<std::string>{"2"});
}

TEST_CASE("iterated_elimination: a payoff-invariant game loses nothing") {
  const NormalFormGame game = dilemma::testing::constant_game({3, 3, 3}, -10.0);
  for (std::size_t player = 0; player < 3; ++player) {
    CHECK(dilemma::dominated_actions(game, player).empty());
    CHECK(dilemma::dominated_actions(game, player, Dominance::weak).empty());
  }
  const auto result = dilemma::iterated_elimination(game);
  CHECK(result.rounds == 0);
  CHECK(result.game == game);
}

TEST_CASE("iterated_elimination: keeps every pure equilibrium of random games") {
  for (std::uint64_t seed = 0; seed < 40; ++seed) {
    const NormalFormGame game = dilemma::random_game({3, 4, 3}, seed, 0, 9, true);
    const auto result = dilemma::iterated_elimination(game);
    const auto reduced_equilibria = dilemma::pure_nash(result.game);
    std::vector<PureProfile> mapped;
    for (const auto& profile : reduced_equilibria) {
      PureProfile original(3);
      for (std::size_t i = 0; i < 3; ++i) original[i] = result.original_actions[i][profile[i]];
      mapped.push_back(original);
    }
    std::sort(mapped.begin(), mapped.end());
    CHECK(mapped == dilemma::pure_nash(game));  // strictly dominated actions are never played
  }
}

TEST_CASE("dominates: out-of-range players and actions are named") {
  const NormalFormGame pd = dilemma::prisoners_dilemma();
  CHECK(dilemma::testing::error_message([&] { dilemma::dominates(pd, 0, 2, 0); }) ==
        "dominates: action 2 of player 0 is out of range; the player has 2 actions");
  CHECK(dilemma::testing::error_message([&] { dilemma::dominated_actions(pd, 5); })
            .find("dominated_actions: player 5") == 0);
}

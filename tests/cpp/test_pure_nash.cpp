#include <set>
#include "dilemma/solvers/pure_nash.hpp"

#include <algorithm>

#include "dilemma/games/generators.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"
#include "test_helpers.hpp"

using dilemma::NormalFormGame;
using dilemma::PureProfile;

TEST_CASE("pure_nash: known answers of the classic games") {
  // Prisoner's dilemma (Axelrod 1984): mutual defection only.
  CHECK(dilemma::pure_nash(dilemma::prisoners_dilemma()) == std::vector<PureProfile>{{1, 1}});
  // Battle of the sexes (Luce & Raiffa 1957): the two coordinated outcomes.
  CHECK(dilemma::pure_nash(dilemma::battle_of_the_sexes()) == std::vector<PureProfile>{{0, 0}, {1, 1}});
  // Matching pennies: none.
  CHECK(dilemma::pure_nash(dilemma::matching_pennies()).empty());
  // Three-player coordination on three actions: the three unanimous profiles,
  // and the six where all differ (no single deviation creates unanimity).
  CHECK(dilemma::pure_nash(dilemma::coordination_game(3, 3)) ==
        std::vector<PureProfile>{{0, 0, 0}, {0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 1, 1},
                                 {1, 2, 0}, {2, 0, 1}, {2, 1, 0}, {2, 2, 2}});
}

TEST_CASE("pure_nash: a payoff-invariant game has every profile as an equilibrium") {
  const NormalFormGame game = dilemma::testing::constant_game({3, 3, 3, 3}, -10.0);
  const auto all = dilemma::pure_nash(game);
  CHECK(all.size() == 81);
  CHECK(all.report.exhaustive);
  CHECK(all.report.num_iter == 81);
  CHECK(all.report.method == "pure_nash");
}

TEST_CASE("pure_nash: one player picks every maximiser") {
  const NormalFormGame game({4}, {1.0, 3.0, 3.0, 2.0});
  CHECK(dilemma::pure_nash(game) == std::vector<PureProfile>{{1}, {2}});
}

TEST_CASE("pure_nash: agrees with the brute-force reference on random games, ties included") {
  const std::vector<std::vector<std::size_t>> shapes = {{2, 2}, {3, 5}, {2, 3, 4}, {3, 3, 3, 3},
                                                        {2, 2, 2, 2, 2, 2}, {1, 4, 2}, {7}};
  std::uint64_t seed = 1;
  for (const auto& shape : shapes)
    for (int trial = 0; trial < 20; ++trial) {
      // Integer payoffs in 0..2 make ties and many equilibria common.
      const NormalFormGame game = dilemma::random_game(shape, seed++, 0, 2, true);
      const auto fast = dilemma::pure_nash(game);
      CHECK(fast == dilemma::pure_nash_brute(game));
      for (const PureProfile& profile : fast) CHECK(dilemma::is_nash(game, profile, 0.0));
    }
}

TEST_CASE("pure_nash: agrees with the reference and with is_nash for tol > 0 and real payoffs") {
  std::uint64_t seed = 500;
  for (const auto& shape : std::vector<std::vector<std::size_t>>{{3, 3, 3, 3}, {2, 2, 2, 2, 2, 2, 2}, {4, 5}})
    for (double tol : {0.0, 0.05, 0.1, 0.3})
      for (int trial = 0; trial < 5; ++trial) {
        // Payoffs on a 0.1 grid: many exact ties and gains equal to tol.
        NormalFormGame game = dilemma::random_game(shape, seed++, 0, 10, true);
        for (std::size_t i = 0; i < game.num_players(); ++i) {
          dilemma::PureProfile p(game.num_players(), 0);
          do game.set_payoff(i, p, game.payoff(i, p) / 10.0);
          while (game.advance(p));
        }
        const auto fast = dilemma::pure_nash(game, {tol});
        CHECK(fast == dilemma::pure_nash_brute(game, {tol}));
        const std::set<PureProfile> found(fast.begin(), fast.end());
        for (std::size_t index = 0; index < game.num_profiles(); ++index)
          CHECK(found.count(game.profile_at(index)) == dilemma::is_nash(game, game.profile_at(index), tol));
      }
}

TEST_CASE("pure_nash: tol admits deviations that gain at most tol times the payoff range") {
  // Matching pennies perturbed so that player 2 gains only 0.01 from deviating at (0, 0).
  NormalFormGame game = dilemma::matching_pennies();
  game.set_payoff(1, {0, 0}, 0.99);
  game.set_payoff(1, {0, 1}, 1.0);
  CHECK(dilemma::payoff_range(game) == 2.0);
  CHECK(dilemma::pure_nash(game).empty());
  CHECK(dilemma::pure_nash(game, {0.01}) == std::vector<PureProfile>{{0, 0}});  // 0.01 * 2 >= the gain 0.01
  CHECK(dilemma::pure_nash(game, {0.004}).empty());                           // 0.004 * 2 < 0.01
  CHECK(dilemma::pure_nash_brute(game, {0.01}) == std::vector<PureProfile>{{0, 0}});
  CHECK(dilemma::testing::error_message([&] { dilemma::pure_nash(game, {-1.0}); }) ==
        "pure_nash: tol must be finite and >= 0, got -1");
}

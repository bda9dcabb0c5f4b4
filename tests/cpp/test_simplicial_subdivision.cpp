#include "dilemma/solvers/simplicial_subdivision.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "dilemma/games/generators.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/models/confession.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"
#include "test_helpers.hpp"

using namespace dilemma;

namespace {

/// A game from payoff vectors listed as in a Gambit .nfg file: profiles in
/// the order in which player 1's action varies fastest.
NormalFormGame gambit_order(std::vector<std::size_t> nums, const std::vector<std::vector<double>>& cells) {
  NormalFormGame game(nums);
  PureProfile profile(nums.size(), 0);
  for (const auto& cell : cells) {
    game.set_payoffs(profile, cell);
    for (std::size_t i = 0; i < nums.size() && ++profile[i] == nums[i]; ++i) profile[i] = 0;
  }
  return game;
}

double overall_range(const NormalFormGame& game) {  // over all players: at least dilemma::payoff_range
  const auto [low, high] = std::minmax_element(game.payoff_data().begin(), game.payoff_data().end());
  return *high > *low ? *high - *low : 1.0;
}

/// The result is a profile whose regret, recomputed here, is within tol.
void check_verified(const NormalFormGame& game, const SimplicialSubdivisionResult& result, double tol = 1e-10) {
  CHECK(result.report.converged);
  validate_mixed_profile("test", game, result.equilibrium);
  const double r = regret(game, result.equilibrium);
  CHECK(r <= tol * overall_range(game));
  CHECK(std::abs(result.regret - r) <= 1e-12 * overall_range(game));  // the same up to rounding
}

}  // namespace

TEST_CASE("simplicial_subdivision: matching pennies has only the uniform equilibrium") {
  const NormalFormGame game = matching_pennies();
  const auto result = simplicial_subdivision(game);
  check_verified(game, result);
  for (const auto& x : result.equilibrium)
    for (double p : x) CHECK(p == doctest::Approx(0.5).epsilon(1e-9));
}

TEST_CASE("simplicial_subdivision: a 2x2 game whose only equilibrium is mixed") {
  // Every pure profile has a profitable deviation; the equilibrium is the
  // solution of the two indifference equations.
  NormalFormGame game({2, 2});
  game.set_payoffs({0, 0}, {3, 0});
  game.set_payoffs({0, 1}, {0, 2});
  game.set_payoffs({1, 0}, {1, 3});
  game.set_payoffs({1, 1}, {2, 1});
  const auto result = simplicial_subdivision(game);
  check_verified(game, result);
  // Column indifferent: 0 p + 3 (1-p) = 2 p + 1 (1-p) -> p = 1/2;
  // row indifferent: 3 q = q + 2 (1-q) -> q = 1/2.
  CHECK(result.equilibrium[0][0] == doctest::Approx(0.5).epsilon(1e-9));
  CHECK(result.equilibrium[1][0] == doctest::Approx(0.5).epsilon(1e-9));
}

TEST_CASE("simplicial_subdivision: the unique irrational equilibrium of Nau, Gomez Canovas & Hansen (2004)") {
  // Section 4 of Nau, Gomez Canovas & Hansen, "On the geometry of Nash
  // equilibria and correlated equilibria", IJGT 32 (2004): a 2x2x2 game whose
  // only equilibrium is irrational (about 0.6192, 0.4798, 0.3788).
  const NormalFormGame game = gambit_order({2, 2, 2}, {{3, 0, 2}, {0, 1, 0}, {0, 2, 0}, {1, 0, 0},
                                                       {1, 0, 0}, {0, 3, 0}, {0, 1, 0}, {2, 0, 3}});
  const auto result = simplicial_subdivision(game);
  check_verified(game, result);
  CHECK(result.equilibrium[0][0] == doctest::Approx(0.619233).epsilon(1e-5));
  CHECK(result.equilibrium[1][0] == doctest::Approx(0.479804).epsilon(1e-5));
  CHECK(result.equilibrium[2][0] == doctest::Approx(0.378825).epsilon(1e-5));
}

TEST_CASE("simplicial_subdivision: a pure equilibrium at the start is returned at once") {
  const NormalFormGame game = prisoners_dilemma();
  SimplicialSubdivisionOptions options;
  options.start = {{0, 1}, {0, 1}};  // both defect: the equilibrium
  const auto result = simplicial_subdivision(game, options);
  check_verified(game, result);
  CHECK(result.report.num_iter == 0);
  CHECK(result.equilibrium[0][1] == 1.0);
  // From the default start (both cooperate) it is found too.
  const auto from_default = simplicial_subdivision(game);
  check_verified(game, from_default);
  CHECK(from_default.equilibrium[0][1] == doctest::Approx(1.0));
}

TEST_CASE("simplicial_subdivision: random games of 3 to 6 players with 2 to 4 actions are solved and verified") {
  std::size_t count = 0;
  for (std::size_t n = 3; n <= 6; ++n)
    for (std::size_t m = 2; m <= 4; ++m) {
      if (n >= 5 && m == 4) continue;  // 4^5 and 4^6 profiles: slow in a unit test
      for (std::uint64_t seed = 0; seed < 4; ++seed) {
        const NormalFormGame game = random_game(std::vector<std::size_t>(n, m), 100 * n + 10 * m + seed, 0, 99, true);
        CAPTURE(n);
        CAPTURE(m);
        CAPTURE(seed);
        check_verified(game, simplicial_subdivision(game));
        ++count;
      }
    }
  CHECK(count == 40);
  // Uneven action counts and real-valued payoffs.
  for (std::uint64_t seed = 0; seed < 5; ++seed) {
    const NormalFormGame game = random_game({2, 4, 3, 2}, seed);
    check_verified(game, simplicial_subdivision(game));
  }
}

TEST_CASE("simplicial_subdivision: degenerate games never loop or crash") {
  SUBCASE("all payoffs equal: the start is an equilibrium") {
    const NormalFormGame game = testing::constant_game({3, 3, 3}, -10);
    const auto result = simplicial_subdivision(game);
    check_verified(game, result);
    CHECK(result.report.num_iter == 0);
  }
  SUBCASE("duplicated strategies") {
    NormalFormGame base = random_game({2, 2, 2}, 7, 0, 9, true);
    const NormalFormGame game = NormalFormGame::from_function({3, 2, 3}, [&](const PureProfile& p) {
      return base.payoffs_at({std::min<std::size_t>(p[0], 1), p[1], std::min<std::size_t>(p[2], 1)});
    });
    check_verified(game, simplicial_subdivision(game));
  }
  SUBCASE("an indifferent player and a player with one action") {
    NormalFormGame game = random_game({3, 1, 3, 2}, 11, 0, 99, true);
    for (std::size_t k = 0; k < game.num_profiles(); ++k) game.set_payoff(0, game.profile_at(k), 5.0);
    check_verified(game, simplicial_subdivision(game));
  }
  SUBCASE("the confession game for small n, every preset") {
    for (const std::string& preset : confession_preset_names())
      for (std::size_t n : {2, 3, 4}) {
        CAPTURE(preset);
        CAPTURE(n);
        const NormalFormGame game = to_normal_form(confession_game(n, preset));
        check_verified(game, simplicial_subdivision(game));
      }
  }
  SUBCASE("integer payoffs with many ties") {
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
      const NormalFormGame game = random_game({3, 3, 3}, seed, 0, 2, true);
      check_verified(game, simplicial_subdivision(game));
    }
  }
}

TEST_CASE("simplicial_subdivision: start profiles, grid factors and tolerances") {
  const NormalFormGame game = random_game({3, 3, 3}, 5, 0, 99, true);
  SimplicialSubdivisionOptions options;
  options.start = {{1.0 / 3, 1.0 / 3, 1.0 / 3}, {0, 0.5, 0.5}, {0.25, 0.25, 0.5}};
  check_verified(game, simplicial_subdivision(game, options));
  options.grid = 4;
  check_verified(game, simplicial_subdivision(game, options));
  options = {};
  options.tol = 1e-13;
  check_verified(game, simplicial_subdivision(game, options), 1e-13);
}

TEST_CASE("simplicial_subdivision: bad input names the function and the value") {
  const NormalFormGame game = matching_pennies();
  SimplicialSubdivisionOptions options;
  options.tol = std::nan("");
  CHECK(testing::error_message([&] { simplicial_subdivision(game, options); }) ==
        "simplicial_subdivision: tol must be finite and > 0, got nan");
  options.tol = -1;
  CHECK(testing::error_message([&] { simplicial_subdivision(game, options); }).find("got -1") != std::string::npos);
  options = {};
  options.grid = 1;
  CHECK(testing::error_message([&] { simplicial_subdivision(game, options); }) ==
        "simplicial_subdivision: grid must be >= 2, got 1");
  options = {};
  options.start = {{1, 0}};
  CHECK(testing::error_message([&] { simplicial_subdivision(game, options); }).find("simplicial_subdivision: mixed profile has 1") == 0);
  options.start = {{0.5, std::nan("")}, {1, 0}};
  CHECK(testing::error_message([&] { simplicial_subdivision(game, options); }).find("simplicial_subdivision:") == 0);
  options.start = {{0.5, 0.6}, {1, 0}};
  CHECK(testing::error_message([&] { simplicial_subdivision(game, options); }).find("sum to 1.1") != std::string::npos);
  options = {};
  options.max_iter = 0;
  CHECK(testing::error_message([&] { simplicial_subdivision(game, options); }).find("max_iter must be >= 1") !=
        std::string::npos);
}

TEST_CASE("simplicial_subdivision: the pivot cap ends the run unconverged, the report saying why") {
  // A generic 4 x 4 x 4 game: two pivots from the first actions cannot reach
  // a profile that the polish turns into an equilibrium.
  const NormalFormGame game = random_game({4, 4, 4}, 0);
  SimplicialSubdivisionOptions options;
  options.max_iter = 2;
  const auto capped = simplicial_subdivision(game, options);
  testing::check_cut_short(capped.report, "simplicial_subdivision", "max_iter = 2");
  CHECK(capped.report.num_iter == 2);
  options = {};
  options.max_denominator = 2;  // one grid only: too coarse for the polish to start from
  const auto coarse = simplicial_subdivision(random_game({3, 3, 3}, 5), options);
  if (!coarse.report.converged) CHECK(coarse.report.message.find("max_denominator = 2") == 0);
  const auto found = simplicial_subdivision(game);
  CHECK(found.report.converged);
  CHECK(found.report.method == "simplicial_subdivision");
}

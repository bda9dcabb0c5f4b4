#include "dilemma/solvers/vertex_enumeration.hpp"

#include "test_helpers.hpp"
#include "two_player_helpers.hpp"

using dilemma::MixedProfile;
using dilemma::NormalFormGame;
using dilemma::Rational;
using dilemma::testing::ExactProfile;

namespace {

ExactProfile exact(std::vector<Rational> x, std::vector<Rational> y) { return {std::move(x), std::move(y)}; }

}  // namespace

TEST_CASE("vertex_enumeration: known answers of the classic games") {
  // Battle of the sexes (Luce & Raiffa 1957): two pure equilibria and the mixed one.
  CHECK(dilemma::vertex_enumeration<Rational>(dilemma::battle_of_the_sexes()) ==
        std::vector<ExactProfile>{exact({0, 1}, {0, 1}), exact({Rational(2, 3), Rational(1, 3)}, {Rational(1, 3), Rational(2, 3)}),
                                  exact({1, 0}, {1, 0})});
  // Matching pennies: the unique equilibrium is uniform.
  CHECK(dilemma::vertex_enumeration<Rational>(dilemma::matching_pennies()) ==
        std::vector<ExactProfile>{exact({Rational(1, 2), Rational(1, 2)}, {Rational(1, 2), Rational(1, 2)})});
  const auto floating = dilemma::vertex_enumeration(dilemma::battle_of_the_sexes());
  REQUIRE(floating.size() == 3);
  CHECK(floating[1][0][0] == doctest::Approx(2.0 / 3));
}

TEST_CASE("vertex_enumeration: von Stengel's 6 x 6 game has 75 equilibria") {
  const NormalFormGame game = dilemma::testing::von_stengel_75();
  const auto exact_equilibria = dilemma::vertex_enumeration<Rational>(game);
  CHECK(exact_equilibria.size() == 75);
  dilemma::testing::check_exact_equilibria(game, exact_equilibria);
  const auto floating = dilemma::vertex_enumeration(game);
  CHECK(dilemma::testing::same_profiles(floating, dilemma::testing::to_double(exact_equilibria)));
}

TEST_CASE("vertex_enumeration: a player indifferent everywhere gives 12 extreme equilibria") {
  // Player 1's payoff is 0 whatever happens; player 2 has a cyclic 3 x 3
  // matrix. lrsnash (lrslib 7.1) lists the same 12; Nashpy and QuantEcon
  // report 3 on such games.
  const NormalFormGame game = dilemma::testing::bimatrix_game({{0, 0, 0}, {0, 0, 0}, {0, 0, 0}},
                                                              {{1, 2, 3}, {3, 1, 2}, {2, 3, 1}});
  const auto found = dilemma::vertex_enumeration<Rational>(game);
  const Rational third(1, 3);
  const std::set<ExactProfile> expected = {
      exact({1, 0, 0}, {0, 0, 1}),           exact({0, 1, 0}, {1, 0, 0}),
      exact({0, 0, 1}, {0, 1, 0}),           exact({third, third, third}, {1, 0, 0}),
      exact({third, third, third}, {0, 1, 0}), exact({third, third, third}, {0, 0, 1}),
      exact({2 * third, 0, third}, {0, 1, 0}), exact({2 * third, 0, third}, {0, 0, 1}),
      exact({0, third, 2 * third}, {0, 1, 0}), exact({0, third, 2 * third}, {1, 0, 0}),
      exact({third, 2 * third, 0}, {1, 0, 0}), exact({third, 2 * third, 0}, {0, 0, 1})};
  CHECK(found.size() == 12);
  CHECK(dilemma::testing::as_set(found) == expected);
  CHECK(dilemma::vertex_enumeration(game).size() == 12);
}

TEST_CASE("vertex_enumeration: a payoff-invariant game has every pure pair as an extreme equilibrium") {
  const NormalFormGame game = dilemma::testing::constant_game({4, 3}, -10.0);
  const auto found = dilemma::vertex_enumeration<Rational>(game);
  CHECK(found.size() == 12);
  for (const auto& profile : found)
    for (const auto& strategy : profile) CHECK(std::count(strategy.begin(), strategy.end(), Rational(1)) == 1);
}

TEST_CASE("vertex_enumeration: agrees with brute force on random games, degenerate ones included") {
  dilemma::testing::for_random_bimatrices(4, 100, [](const NormalFormGame& game) {
    const auto found = dilemma::vertex_enumeration<Rational>(game);
    CHECK(dilemma::testing::as_set(found) == dilemma::testing::brute_force_extreme_equilibria(game));
    CHECK(found.size() == dilemma::testing::as_set(found).size());  // each once
    dilemma::testing::check_exact_equilibria(game, found);
    const auto floating = dilemma::vertex_enumeration(game);
    CHECK(dilemma::testing::same_profiles(floating, dilemma::testing::to_double(found)));
    dilemma::testing::check_equilibria(game, floating);
  });
}

TEST_CASE("vertex_enumeration: duplicated strategies and constant rows") {
  // Row 2 duplicates row 1; row 3 is constant for both players.
  const NormalFormGame game =
      dilemma::testing::bimatrix_game({{3, 0, 1}, {3, 0, 1}, {1, 1, 1}}, {{0, 2, 1}, {0, 2, 1}, {2, 2, 2}});
  const auto found = dilemma::vertex_enumeration<Rational>(game);
  CHECK(dilemma::testing::as_set(found) == dilemma::testing::brute_force_extreme_equilibria(game));
  dilemma::testing::check_exact_equilibria(game, found);
  CHECK(found.size() >= 2);
}

TEST_CASE("vertex_enumeration: decimal payoffs are exact in rational arithmetic") {
  // 0.1 and 0.3 are read as 1/10 and 3/10: the mixed equilibrium of this
  // 2 x 2 game is then exactly x = (1/2, 1/2), y = (3/4, 1/4).
  const NormalFormGame game = dilemma::testing::bimatrix_game({{0.1, 0.0}, {0.0, 0.3}}, {{0.0, 0.2}, {0.2, 0.0}});
  CHECK(dilemma::vertex_enumeration<Rational>(game) ==
        std::vector<ExactProfile>{exact({Rational(1, 2), Rational(1, 2)}, {Rational(3, 4), Rational(1, 4)})});
}

TEST_CASE("vertex_enumeration: payoffs near the largest double do not overflow the payoff range") {
  // The row player's payoffs span 2 * 1.7e308 > DBL_MAX. Against x = (1/2,
  // 1/2) the column player is indifferent; the row player is indifferent
  // at y_1 = (1.7e308 + 1) / (2 * 1.7e308 + 1), which is 1/2 as a double.
  // The floating-point search once rescaled by an infinite range and
  // returned y = (0, 1) and (1, 0) there (regret 8.5e307).
  const NormalFormGame game = dilemma::testing::bimatrix_game({{1.7e308, -1.7e308}, {0, 1}}, {{1, 0}, {0, 1}});
  const auto floating = dilemma::vertex_enumeration(game);
  CHECK(dilemma::testing::same_profiles(floating, dilemma::testing::to_double(dilemma::vertex_enumeration<Rational>(game))));
  CHECK(floating.size() == 3);
  dilemma::testing::check_equilibria(game, floating, 1e-9 * dilemma::payoff_range(game));  // the range 3.4e308 clamped to DBL_MAX
}

TEST_CASE("vertex_enumeration: a visitor gets each equilibrium once, the report counts the search nodes") {
  std::vector<dilemma::testing::ExactProfile> streamed;
  const auto result = dilemma::vertex_enumeration<Rational>(
      dilemma::testing::von_stengel_75(), {},
      [&](const dilemma::testing::ExactProfile& profile) { streamed.push_back(profile); });
  CHECK(result.empty());  // handed over, not kept
  CHECK(streamed.size() == 75);      // an exact search restarted in wider integers hands none over twice
  CHECK(dilemma::testing::as_set(streamed).size() == 75);
  CHECK(result.report.method == "vertex_enumeration");
  CHECK(result.report.exhaustive);
  CHECK(result.report.converged);
  CHECK(result.report.num_iter >= 75);
}

TEST_CASE("vertex_enumeration: bad input names the function and the value") {
  using dilemma::testing::error_message;
  CHECK(error_message([] { dilemma::vertex_enumeration(dilemma::coordination_game(3, 2)); }) ==
        "vertex_enumeration: needs a two-player game, got 3 players with action counts (2, 2, 2)");
  CHECK(error_message([] { dilemma::vertex_enumeration(dilemma::matching_pennies(), {-1.0}); }) ==
        "vertex_enumeration: tol must be in [1e-13, 1e-05] "
        "(relative to the payoff range; rounding noise reads as a sign below, genuine payoff differences read "
        "as zero above; rational=True computes exactly), got -1");
  CHECK(error_message([] { dilemma::vertex_enumeration(dilemma::matching_pennies(), {std::nan("")}); }) ==
        "vertex_enumeration: tol must be in [1e-13, 1e-05] "
        "(relative to the payoff range; rounding noise reads as a sign below, genuine payoff differences read "
        "as zero above; rational=True computes exactly), got nan");
}

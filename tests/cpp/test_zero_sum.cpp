#include "dilemma/solvers/zero_sum.hpp"

#include "dilemma/analysis/mixed_dominance.hpp"

#include "dilemma/analysis/security.hpp"
#include "dilemma/solvers/vertex_enumeration.hpp"
#include "test_helpers.hpp"
#include "two_player_helpers.hpp"

using dilemma::NormalFormGame;
using dilemma::Rational;

TEST_CASE("solve_zero_sum: known values") {
  // Matching pennies: value 0, both mix evenly.
  const auto pennies = dilemma::solve_zero_sum<Rational>(dilemma::matching_pennies());
  CHECK(pennies.value == 0);
  CHECK(pennies.row_strategy == std::vector<Rational>{Rational(1, 2), Rational(1, 2)});
  CHECK(pennies.column_strategy == std::vector<Rational>{Rational(1, 2), Rational(1, 2)});
  // A = [[3, -1], [-2, 1]] has no saddle point; the 2 x 2 formula (Owen,
  // Game Theory, 3rd ed. 1995, section II.4) gives x = (3/7, 4/7),
  // y = (2/7, 5/7), value 1/7.
  const NormalFormGame small = dilemma::testing::bimatrix_game({{3, -1}, {-2, 1}}, {{-3, 1}, {2, -1}});
  const auto solution = dilemma::solve_zero_sum<Rational>(small);
  CHECK(solution.value == Rational(1, 7));
  CHECK(solution.row_strategy == std::vector<Rational>{Rational(3, 7), Rational(4, 7)});
  CHECK(solution.column_strategy == std::vector<Rational>{Rational(2, 7), Rational(5, 7)});
  const auto floating = dilemma::solve_zero_sum(small);
  CHECK(floating.value == doctest::Approx(1.0 / 7));
  // Rock-paper-scissors, shifted to a constant sum of 4: value 2 for the row player.
  const NormalFormGame rps = dilemma::testing::bimatrix_game({{2, 1, 3}, {3, 2, 1}, {1, 3, 2}},
                                                             {{2, 3, 1}, {1, 2, 3}, {3, 1, 2}});
  const auto rps_solution = dilemma::solve_zero_sum<Rational>(rps);
  CHECK(rps_solution.value == 2);
  CHECK(rps_solution.row_strategy == std::vector<Rational>(3, Rational(1, 3)));
}

TEST_CASE("solve_zero_sum: optimal strategies are equilibria worth the value, ties included") {
  std::uint64_t seed = 900;
  for (int trial = 0; trial < 40; ++trial) {
    const std::size_t m = 1 + trial % 4, n = 1 + (trial / 4) % 5;
    NormalFormGame game = dilemma::random_game({m, n}, seed++, -3, 3, true);
    for (std::size_t k = 0; k < game.num_profiles(); ++k) game.set_payoff(1, game.profile_at(k), -game.payoffs(0)[k]);
    const auto solution = dilemma::solve_zero_sum<Rational>(game);
    const dilemma::testing::ExactProfile profile{solution.row_strategy, solution.column_strategy};
    dilemma::testing::check_exact_equilibria(game, {profile});
    // Every equilibrium of a zero-sum game pays the value (minimax theorem).
    const auto exact = dilemma::testing::exact_game(game);
    for (const auto& equilibrium : dilemma::vertex_enumeration<Rational>(game))
      CHECK(dilemma::expected_payoffs(exact, equilibrium)[0] == solution.value);
    const auto floating = dilemma::solve_zero_sum(game);
    CHECK(floating.value == doctest::Approx(solution.value.convert_to<double>()));
    dilemma::testing::check_equilibria(game, {{floating.row_strategy, floating.column_strategy}});
  }
}

TEST_CASE("security_strategies: exact mixed maxmin strategies of a general game") {
  // Battle of the sexes: each player can guarantee 2/3 by mixing, more than
  // the pure security level 0.
  const NormalFormGame game = dilemma::battle_of_the_sexes();
  const auto exact = dilemma::security_strategies<Rational>(game);
  CHECK(exact[0].level == Rational(2, 3));
  CHECK(exact[0].strategy == std::vector<Rational>{Rational(1, 3), Rational(2, 3)});
  CHECK(exact[1].level == Rational(2, 3));
  CHECK(exact[1].strategy == std::vector<Rational>{Rational(2, 3), Rational(1, 3)});
  const auto pure = dilemma::security_strategies<Rational>(game, false);
  const auto floating = dilemma::security_strategies(game);
  for (std::size_t player = 0; player < 2; ++player) {
    const auto levels = dilemma::security_levels(game, player);
    CHECK(floating[player].level >= *std::max_element(levels.begin(), levels.end()));
    CHECK(floating[player].level == doctest::Approx(2.0 / 3));
    CHECK(pure[player].level == 0);
  }
}

TEST_CASE("solve_zero_sum: bad input") {
  using dilemma::testing::error_message;
  CHECK(error_message([] { dilemma::solve_zero_sum(dilemma::battle_of_the_sexes()); }) ==
        "solve_zero_sum: the game is not constant-sum: A + B at profile (0, 0) exceeds A + B at (0, 1) by 3");
  CHECK(error_message([] { dilemma::solve_zero_sum(dilemma::coordination_game(3, 2)); }) ==
        "solve_zero_sum: needs a two-player game, got 3 players with action counts (2, 2, 2)");
}

TEST_CASE("solve_zero_sum: near 2^53, a game whose sums differ by a few units is not constant-sum") {
  // A + B is 2^54 - 3 .. 2^54 - 6, which rounds to multiples of 4 as a double;
  // the check compares differences from the first entries instead.
  const double top = std::ldexp(1.0, 53);
  const double A[3][3] = {{0, 3, 1}, {2, 0, 3}, {1, 2, 0}}, B[3][3] = {{3, 0, 2}, {0, 2, 1}, {2, 1, 3}};
  const auto game = dilemma::NormalFormGame::from_function({3, 3}, [&](const dilemma::PureProfile& a) {
    return std::vector<double>{top - A[a[0]][a[1]], top - B[a[0]][a[1]]};
  });
  CHECK_THROWS_AS(dilemma::solve_zero_sum(game), dilemma::InvalidArgument);
  // A constant-sum game near 2^51 (where halves are exact) is accepted.
  const auto constant = dilemma::NormalFormGame::from_function({2, 2}, [&](const dilemma::PureProfile& a) {
    const double u = a[0] == a[1] ? 1 : 0;
    return std::vector<double>{top / 4 + u, top / 4 - u};
  });
  CHECK(dilemma::solve_zero_sum(constant).value - top / 4 == doctest::Approx(0.5));
}

TEST_CASE("solve_zero_sum: a tolerance outside what floating-point pivoting can use is refused") {
  // tol = 0.5 read the rescaled payoffs as zero and returned a NaN value.
  for (double tol : {0.0, 0.5, 2.0}) {
    CAPTURE(tol);
    CHECK(dilemma::testing::error_message([&] { dilemma::solve_zero_sum(dilemma::matching_pennies(), {tol}); })
              .find("solve_zero_sum: tol must be in [1e-13, 1e-05]") == 0);
  }
  for (double tol : {dilemma::kMinPivotTolerance, dilemma::kMaxPivotTolerance}) {
    const auto solution = dilemma::solve_zero_sum(dilemma::matching_pennies(), {tol});
    CHECK(solution.value == doctest::Approx(0.0));
    CHECK(solution.row_strategy[0] == doctest::Approx(0.5));
  }
}

TEST_CASE("solve_zero_sum: payoffs near DBL_MAX: the constant-sum check does not overflow") {
  // A - a_0 overflowed to -inf and B - b_0 to +inf: their NaN sum passed any game as constant-sum.
  const double big = 1.5e308;
  const NormalFormGame same = dilemma::testing::bimatrix_game({{big, -big}, {-big, big}}, {{big, -big}, {-big, big}});
  CHECK(dilemma::testing::error_message([&] { dilemma::solve_zero_sum(same); })
            .find("solve_zero_sum: the game is not constant-sum") == 0);
  const NormalFormGame pennies =
      dilemma::testing::bimatrix_game({{big, -big}, {-big, big}}, {{-big, big}, {big, -big}});
  const auto solution = dilemma::solve_zero_sum(pennies);
  CHECK(solution.value == 0.0);
  CHECK(solution.row_strategy[0] == doctest::Approx(0.5));
  CHECK(solution.column_strategy[1] == doctest::Approx(0.5));
}

#include "dilemma/solvers/lemke_howson.hpp"

#include <cmath>

#include "dilemma/solvers/vertex_enumeration.hpp"
#include "test_helpers.hpp"
#include "two_player_helpers.hpp"

using dilemma::NormalFormGame;
using dilemma::Rational;
using dilemma::testing::ExactProfile;

namespace {

// Shapley (1974), "A note on the Lemke-Howson algorithm", Mathematical
// Programming Study 1, 175-189, figures 2 and 3.
NormalFormGame shapley_fig2() {
  return dilemma::testing::bimatrix_game({{2, 2, 0}, {0, 3, 0}, {3, 0, 1}}, {{3, 0, 2}, {0, 3, 2}, {0, 0, 1}});
}
NormalFormGame shapley_fig3() {
  return dilemma::testing::bimatrix_game({{0, 3, 0}, {2, 2, 0}, {3, 0, 1}}, {{0, 2, 3}, {3, 2, 0}, {0, 0, 1}});
}

}  // namespace

TEST_CASE("lemke_howson_all: Shapley's game with two inaccessible equilibria") {
  // Fig. 3: three equilibria, but the Lemke-Howson paths from the
  // artificial equilibrium all end at the pure one; the two mixed ones are
  // joined only to each other.
  const NormalFormGame game = shapley_fig3();
  CHECK(dilemma::vertex_enumeration<Rational>(game).size() == 3);
  CHECK(dilemma::lemke_howson_all<Rational>(game) == std::vector<ExactProfile>{{{0, 0, 1}, {0, 0, 1}}});
  for (std::size_t label = 0; label < 6; ++label)
    CHECK(dilemma::lemke_howson<Rational>(game, {label}).equilibrium == ExactProfile{{0, 0, 1}, {0, 0, 1}});
  // Fig. 2: all three are reachable.
  CHECK(dilemma::lemke_howson_all<Rational>(shapley_fig2()).size() == 3);
  CHECK(dilemma::lemke_howson_all(shapley_fig2()).size() == 3);
}

TEST_CASE("lemke_howson: every label ends at an extreme equilibrium of a random game") {
  std::uint64_t seed = 500;
  for (int trial = 0; trial < 30; ++trial) {
    const std::size_t m = 2 + trial % 5, n = 2 + (trial / 5) % 5;
    const NormalFormGame game = dilemma::testing::random_bimatrix(m, n, seed++, 99);
    const auto all = dilemma::testing::as_set(dilemma::vertex_enumeration<Rational>(game));
    for (std::size_t label = 0; label < m + n; ++label) {
      const auto exact = dilemma::lemke_howson<Rational>(game, {label});
      CHECK(exact.report.converged);
      CHECK(exact.report.num_iter >= 1);
      CHECK(all.count(exact.equilibrium) == 1);
      const auto floating = dilemma::lemke_howson(game, {label}).equilibrium;
      CHECK(dilemma::testing::same_profiles({floating}, {dilemma::testing::to_double(exact.equilibrium)}));
    }
    for (const auto& profile : dilemma::lemke_howson_all<Rational>(game)) CHECK(all.count(profile) == 1);
  }
}

TEST_CASE("lemke_howson: degenerate games neither cycle nor produce NaN") {
  std::vector<NormalFormGame> games = {dilemma::testing::constant_game({3, 3}, 1.0),
                                       dilemma::testing::bimatrix_game({{0, 0, 0}, {0, 0, 0}, {0, 0, 0}},
                                                                       {{1, 2, 3}, {3, 1, 2}, {2, 3, 1}})};
  for (std::uint64_t seed = 0; seed < 30; ++seed) games.push_back(dilemma::testing::random_bimatrix(4, 4, seed, 1));
  for (const NormalFormGame& game : games)
    for (std::size_t label = 0; label < 6; ++label) {
      const auto exact = dilemma::lemke_howson<Rational>(game, {label}).equilibrium;
      dilemma::testing::check_exact_equilibria(game, {exact});
      const auto floating = dilemma::lemke_howson(game, {label}).equilibrium;
      for (const auto& strategy : floating)
        for (double p : strategy) CHECK(std::isfinite(p));
      dilemma::testing::check_equilibria(game, {floating});
    }
}

TEST_CASE("lemke_howson: the iteration cap ends the path unconverged, saying why") {
  const NormalFormGame game = dilemma::testing::random_bimatrix(6, 6, 42, 99);
  dilemma::LemkeHowsonOptions options;
  options.max_iter = 1;
  const auto capped = dilemma::lemke_howson(game, options);
  dilemma::testing::check_cut_short(capped.report, "lemke_howson",
                                    "no equilibrium within max_iter = 1 pivots from init_pivot = 0");
  CHECK(capped.report.num_iter == 1);
  CHECK(capped.equilibrium.empty());
  CHECK(dilemma::lemke_howson(game).report.converged);
}

TEST_CASE("lemke_howson_all: a path cut at max_iter is reported, not thrown") {
  const NormalFormGame game = dilemma::testing::random_bimatrix(6, 6, 42, 99);
  dilemma::LemkeHowsonAllOptions options;
  options.max_iter = 1;
  const auto capped = dilemma::lemke_howson_all(game, options);
  dilemma::testing::check_cut_short(capped.report, "lemke_howson_all", "took more than max_iter = 1 pivots");
  const auto all = dilemma::lemke_howson_all(game);
  CHECK(all.report.converged);
  CHECK(all.report.num_iter > 0);
}

TEST_CASE("lemke_howson: a tolerance outside what floating-point pivoting can use is refused, naming the range") {
  // tol = 0 let rounding noise pass for a sign: lemke_howson_all on this game corrupted the heap;
  // tol >= 1 read the payoffs (rescaled onto [1, 2]) as zero: a segfault at 2, a NaN profile
  // reported as converged at 0.5.
  using dilemma::testing::error_message;
  const NormalFormGame game =
      dilemma::testing::bimatrix_game({{2, 1, 0}, {1, 1, 2}, {3, 0, 2}}, {{3, 2, 2}, {0, 3, 3}, {3, 1, 2}});
  for (double tol : {0.0, 1e-14, 2e-5, 0.5, 2.0, -1.0, std::nan(""), HUGE_VAL}) {
    CAPTURE(tol);
    CHECK(error_message([&] { dilemma::lemke_howson(game, {0, 1000, tol}); })
              .find("lemke_howson: tol must be in [1e-13, 1e-05]") == 0);
    CHECK(error_message([&] { dilemma::lemke_howson_all(game, {1000, tol}); })
              .find("lemke_howson_all: tol must be in [1e-13, 1e-05]") == 0);
  }
  const auto exact = dilemma::lemke_howson_all<Rational>(game, {1000, 0.0});  // exact: tol ignored
  CHECK(exact.report.converged);
  CHECK(exact.size() == dilemma::lemke_howson_all(game).size());
}

TEST_CASE("lemke_howson: every tolerance in the range gives an equilibrium from every label") {
  std::uint64_t seed = 1600;
  for (int trial = 0; trial < 150; ++trial) {
    const std::size_t m = 2 + trial % 4, n = 2 + (trial / 4) % 4;
    // Small integers: ties, so degenerate paths; otherwise continuous payoffs.
    const NormalFormGame game = trial % 2 ? dilemma::random_game({m, n}, seed++, 0, 3, true)
                                          : dilemma::random_game({m, n}, seed++);
    for (double tol : {dilemma::kMinPivotTolerance, 1e-11, 1e-9, 1e-6, dilemma::kMaxPivotTolerance}) {
      CAPTURE(trial);
      CAPTURE(tol);
      for (std::size_t label = 0; label < m + n; ++label) {
        const auto found = dilemma::lemke_howson(game, {label, 1000, tol});
        REQUIRE(found.report.converged);
        CHECK(dilemma::regret(game, found.equilibrium) <= 10 * tol * dilemma::payoff_range(game));
      }
      for (const auto& profile : dilemma::lemke_howson_all(game, {1000, tol}))
        CHECK(dilemma::regret(game, profile) <= 10 * tol * dilemma::payoff_range(game));
    }
  }
}

TEST_CASE("lemke_howson: bad input") {
  using dilemma::testing::error_message;
  CHECK(error_message([] { dilemma::lemke_howson(dilemma::matching_pennies(), {4}); }) ==
        "lemke_howson: init_pivot must be in 0..3 (the game has 4 strategies), got 4");
  CHECK(error_message([] { dilemma::lemke_howson(dilemma::coordination_game(3, 2)); }) ==
        "lemke_howson: needs a two-player game, got 3 players with action counts (2, 2, 2)");
  CHECK(error_message([] { dilemma::lemke_howson_all(dilemma::coordination_game(1, 2)); }) ==
        "lemke_howson_all: needs a two-player game, got 1 players with action counts (2)");
}

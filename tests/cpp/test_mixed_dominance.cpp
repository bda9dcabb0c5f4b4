#include "dilemma/analysis/mixed_dominance.hpp"

#include <cmath>

#include "dilemma/games/generators.hpp"
#include "dilemma/models/confession.hpp"
#include "test_helpers.hpp"

using dilemma::Dominance;
using dilemma::NormalFormGame;

namespace {

// Fudenberg & Tirole (1991), Game Theory, Figure 2.1: the row player's
// U = (2, -1), M = (0, 0), D = (-1, 2) against L, R (column payoffs 0).
// M is dominated by neither pure action but strictly by (1/2 U, 1/2 D),
// which earns 1/2 against both columns.
NormalFormGame fudenberg_tirole() {
  return NormalFormGame({3, 2}, {2, -1, 0, 0, -1, 2, /* column player */ 0, 0, 0, 0, 0, 0});
}

}  // namespace

TEST_CASE("mixed_dominance: an action dominated only by a mixture (Fudenberg & Tirole, Figure 2.1)") {
  const NormalFormGame game = fudenberg_tirole();
  CHECK_FALSE(dilemma::is_dominated(game, 0, 1, false));
  CHECK(dilemma::is_dominated(game, 0, 1, true));
  const auto result = dilemma::mixed_dominance(game, 0, 1);
  REQUIRE(result.dominated);
  REQUIRE(result.strategy.size() == 3);
  CHECK(result.strategy[0] == doctest::Approx(0.5));
  CHECK(result.strategy[1] == 0.0);
  CHECK(result.strategy[2] == doctest::Approx(0.5));
  CHECK(result.margin == doctest::Approx(0.5));
  CHECK_FALSE(dilemma::is_dominated(game, 0, 0));
  CHECK_FALSE(dilemma::is_dominated(game, 0, 2));
  // Only by a margin below 1/2.
  CHECK(dilemma::is_dominated(game, 0, 1, true, Dominance::strict, 0.49));
  CHECK_FALSE(dilemma::is_dominated(game, 0, 1, true, Dominance::strict, 0.5));
  // Mixed elimination removes M; pure elimination removes nothing.
  CHECK(dilemma::iterated_elimination(game).rounds == 0);
  const auto elimination = dilemma::iterated_mixed_elimination(game);
  CHECK(elimination.original_actions[0] == std::vector<std::size_t>{0, 2});
  CHECK(elimination.rounds == 1);
}

TEST_CASE("mixed_dominance: weak dominance by a mixture") {
  // Row payoffs U = (1, 0, 0), M = (0.4, 0.4, 0), D = (0, 1, 0): M is weakly
  // dominated by (1/2 U, 1/2 D) (equal in column 3), not strictly.
  const NormalFormGame game({3, 3}, {1, 0, 0, 0.4, 0.4, 0, 0, 1, 0, /* column */ 0, 0, 0, 0, 0, 0, 0, 0, 0});
  CHECK_FALSE(dilemma::is_dominated(game, 0, 1));
  const auto weak = dilemma::mixed_dominance(game, 0, 1, Dominance::weak);
  CHECK(weak.dominated);
  CHECK_FALSE(dilemma::is_dominated(game, 0, 1, false, Dominance::weak));
  CHECK_FALSE(dilemma::is_dominated(game, 0, 0, true, Dominance::weak));
}

TEST_CASE("mixed_dominance: finds at least the pure dominance of random games") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const NormalFormGame game = dilemma::random_game({4, 3, 2}, seed, 0, 5, true);
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t a = 0; a < game.nums_actions()[i]; ++a)
        for (Dominance kind : {Dominance::strict, Dominance::weak}) {
          const auto mixed = dilemma::mixed_dominance(game, i, a, kind);
          if (dilemma::is_dominated(game, i, a, false, kind)) CHECK(mixed.dominated);
          if (!mixed.dominated) continue;
          // The mixture really dominates: gains checked profile by profile.
          double worst = HUGE_VAL, best = -HUGE_VAL;
          dilemma::PureProfile profile(3, 0);
          do {
            if (profile[i] != a) continue;
            double g = -game.payoff(i, profile);
            for (std::size_t b = 0; b < mixed.strategy.size(); ++b) {
              dilemma::PureProfile other = profile;
              other[i] = b;
              g += mixed.strategy[b] * game.payoff(i, other);
            }
            worst = std::min(worst, g);
            best = std::max(best, g);
          } while (game.advance(profile));
          if (kind == Dominance::strict) CHECK(worst > 0);
          else CHECK((worst >= -1e-9 && best > 0));
        }
    const auto mixed = dilemma::iterated_mixed_elimination(game);
    const auto pure = dilemma::iterated_elimination(game);
    for (std::size_t i = 0; i < 3; ++i) CHECK(mixed.game.nums_actions()[i] <= pure.game.nums_actions()[i]);
  }
}

TEST_CASE("mixed_dominance: nothing is dominated in an invariant game (docs/model.md: theorem)") {
  const dilemma::SymmetricGame game = dilemma::confession_game(4, "invariant_purge_externality");
  const NormalFormGame dense = dilemma::to_normal_form(game);
  for (Dominance kind : {Dominance::strict, Dominance::weak})
    for (std::size_t a = 0; a < 3; ++a) {
      CHECK_FALSE(dilemma::is_dominated(game, a, true, kind));
      for (std::size_t i = 0; i < 4; ++i) CHECK_FALSE(dilemma::is_dominated(dense, i, a, true, kind));
    }
  CHECK(dilemma::iterated_mixed_elimination(dense).rounds == 0);
  // Symmetric count form at scale: naming strictly dominates denying.
  const dilemma::SymmetricGame lenient = dilemma::confession_game(200, "leniency_for_naming");
  CHECK(dilemma::is_dominated(lenient, 0));
  CHECK(dilemma::is_dominated(lenient, 1));
  CHECK_FALSE(dilemma::is_dominated(lenient, 2));
}

TEST_CASE("security_strategies: mixed levels") {
  // Matching pennies: pure level -1, mixed level 0 at (1/2, 1/2).
  const NormalFormGame pennies({2, 2}, {1, -1, -1, 1, -1, 1, 1, -1});
  const auto mixed = dilemma::security_strategies(pennies);
  const auto pure = dilemma::security_strategies(pennies, false);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(mixed[i].level == doctest::Approx(0.0).epsilon(1e-12));
    CHECK(mixed[i].strategy[0] == doctest::Approx(0.5));
    CHECK(pure[i].level == -1.0);
    CHECK(dilemma::security_strategies<dilemma::Rational>(pennies)[i].level == 0);  // exactly
  }
  // Random 3-player games: mixed >= pure; the guarantee holds at every profile.
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const NormalFormGame game = dilemma::random_game({3, 2, 4}, seed);
    const auto m = dilemma::security_strategies(game), p = dilemma::security_strategies(game, false);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(m[i].level >= p[i].level - 1e-12);
      dilemma::PureProfile profile(3, 0);
      do {
        if (profile[i] != 0) continue;
        double value = 0;
        for (std::size_t a = 0; a < game.nums_actions()[i]; ++a) {
          dilemma::PureProfile other = profile;
          other[i] = a;
          value += m[i].strategy[a] * game.payoff(i, other);
        }
        CHECK(value >= m[i].level - 1e-12);
      } while (game.advance(profile));
    }
  }
  // Invariant preset: every action has the same level, mixing gains nothing.
  const dilemma::SymmetricGame invariant = dilemma::confession_game(5, "invariant_purge_externality");
  const auto levels = dilemma::security_levels(invariant);
  CHECK(levels[0] == levels[1]);
  CHECK(levels[1] == levels[2]);
  CHECK(dilemma::security_strategies(invariant).level == doctest::Approx(levels[0]));
  const auto dense = dilemma::security_strategies(dilemma::to_normal_form(invariant));
  for (const auto& s : dense) CHECK(s.level == doctest::Approx(levels[0]));
}

TEST_CASE("mixed_dominance: bad input is rejected with the function's name") {
  const NormalFormGame game = fudenberg_tirole();
  CHECK(dilemma::testing::error_message([&] { dilemma::mixed_dominance(game, 2, 0); }).find("mixed_dominance: player 2") == 0);
  CHECK(dilemma::testing::error_message([&] { dilemma::is_dominated(game, 0, 3); }).find("is_dominated: action 3") == 0);
  CHECK(dilemma::testing::error_message([&] {
          dilemma::is_dominated(game, 0, 1, true, Dominance::strict, -1);
        }).find("is_dominated: tol must be") == 0);
}

TEST_CASE("mixed_dominance: payoffs near DBL_MAX: gains that overflow are formed scaled") {
  // Row payoffs U = (b, -b), M = (-1.05 b, -1.05 b) or (b, -1.05 b), D = (-b, b) against L, R:
  // U - M overflowed to inf, the matrix game became NaN, and the simplex segfaulted.
  const double b = 1.5e308;
  const auto game = [b](double m0, double m1) {
    return NormalFormGame({3, 2}, {b, -b, m0, m1, -b, b, /* column player */ 0, 0, 0, 0, 0, 0});
  };
  const auto strict = dilemma::mixed_dominance(game(-1.05 * b, -1.05 * b), 0, 1);
  CHECK(strict.dominated);
  CHECK(strict.margin == doctest::Approx(1.05 * b));
  REQUIRE(strict.strategy.size() == 3);
  CHECK(strict.strategy[0] == doctest::Approx(0.5));
  CHECK(strict.strategy[1] == 0);
  CHECK(strict.strategy[2] == doctest::Approx(0.5));
  // Dominated weakly by U (equal against L), not strictly.
  CHECK_FALSE(dilemma::is_dominated(game(b, -1.05 * b), 0, 1, true, Dominance::strict));
  CHECK(dilemma::is_dominated(game(b, -1.05 * b), 0, 1, true, Dominance::weak));
  const auto reduced = dilemma::iterated_mixed_elimination(game(-1.05 * b, -1.05 * b));
  CHECK(reduced.original_actions[0] == std::vector<std::size_t>{0, 2});
  // A tol in payoff units scales with the game.
  CHECK_FALSE(dilemma::is_dominated(game(-1.05 * b, -1.05 * b), 0, 1, true, Dominance::strict, 1.1 * b));
  CHECK(dilemma::is_dominated(game(-1.05 * b, -1.05 * b), 0, 1, true, Dominance::strict, b));
  // A symmetric game of two players, its table scaled by 2^1022 (differences up to 1.5 * 2^1024):
  // the same answers as the small one.
  const dilemma::SymmetricGame small = dilemma::testing::random_symmetric_game(2, 3, 7, -3, 3);
  std::vector<double> table = small.table();
  for (double& u : table) u = std::ldexp(u, 1022);
  const dilemma::SymmetricGame large(2, 3, table);
  for (std::size_t action = 0; action < 3; ++action)
    for (Dominance kind : {Dominance::strict, Dominance::weak}) {
      const auto x = dilemma::mixed_dominance(small, action, kind), y = dilemma::mixed_dominance(large, action, kind);
      CHECK(x.dominated == y.dominated);
      if (std::isfinite(std::ldexp(x.margin, 1022))) CHECK(std::ldexp(x.margin, 1022) == doctest::Approx(y.margin));
    }
}

#include "dilemma/solvers/correlated_equilibrium.hpp"

#include <algorithm>
#include <cmath>

#include "dilemma/games/generators.hpp"
#include "dilemma/models/confession.hpp"
#include "test_helpers.hpp"
#include "two_player_helpers.hpp"

using dilemma::CorrelatedObjective;
using dilemma::NormalFormGame;
using dilemma::PureProfile;

namespace {

// Aumann (1974), "Subjectivity and correlation in randomized strategies",
// J. Math. Econ. 1, the game of chicken (actions Dare, Chicken) with the
// payoffs of the usual textbook presentation: (D, D) = 0, 0; (D, C) = 7, 2;
// (C, D) = 2, 7; (C, C) = 6, 6. The welfare-maximising correlated
// equilibrium puts 1/2 on (C, C) and 1/4 on each of (D, C), (C, D): 5.25
// each, welfare 10.5; the uniform distribution over those three profiles is
// a correlated equilibrium of welfare 10.
NormalFormGame chicken() {
  return NormalFormGame({2, 2}, {0, 7, 2, 6, /* player 2 */ 0, 2, 7, 6});
}

/// Largest incentive-constraint value of `p`, computed from payoff() of
/// whole profiles, independently of the solver's loops.
double violation(const NormalFormGame& game, const std::vector<double>& p, bool coarse) {
  double worst = -HUGE_VAL;
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    const std::size_t m = game.nums_actions()[i];
    for (std::size_t a = 0; a < (coarse ? 1 : m); ++a)
      for (std::size_t b = 0; b < m; ++b) {
        double gain = 0;
        PureProfile profile(game.num_players(), 0);
        do {
          if (!coarse && profile[i] != a) continue;
          PureProfile deviation = profile;
          deviation[i] = b;
          gain += p[game.profile_index(profile)] * (game.payoff(i, deviation) - game.payoff(i, profile));
        } while (game.advance(profile));
        worst = std::max(worst, gain);
      }
  }
  return worst;
}

double total(const std::vector<double>& p) {
  double sum = 0;
  for (double x : p) sum += x;
  return sum;
}

}  // namespace

TEST_CASE("correlated_equilibrium: Aumann's chicken, the best correlated equilibrium has welfare 10.5") {
  const NormalFormGame game = chicken();
  const auto best = dilemma::correlated_equilibrium(game, {CorrelatedObjective::welfare});
  CHECK(best.welfare == doctest::Approx(10.5));
  CHECK(best.distribution[0] == doctest::Approx(0.0).epsilon(1e-12));
  CHECK(best.distribution[1] == doctest::Approx(0.25));
  CHECK(best.distribution[2] == doctest::Approx(0.25));
  CHECK(best.distribution[3] == doctest::Approx(0.5));
  CHECK(violation(game, best.distribution, false) <= 1e-12);
  CHECK(best.max_violation <= 1e-12);
  // Aumann's uniform distribution over the three profiles is a CE of welfare 10.
  CHECK(violation(game, {0.0, 1.0 / 3, 1.0 / 3, 1.0 / 3}, false) <= 1e-12);
  // The worst CE is no better than the worst pure equilibrium (welfare 9).
  const auto worst = dilemma::correlated_equilibrium(game, {CorrelatedObjective::min_welfare});
  CHECK(worst.welfare <= 9 + 1e-9);
  CHECK(violation(game, worst.distribution, false) <= 1e-12);
  // A coarse CE can do at least as well.
  const auto coarse = dilemma::correlated_equilibrium(game, {CorrelatedObjective::welfare, true});
  CHECK(coarse.welfare >= 10.5 - 1e-9);
  CHECK(violation(game, coarse.distribution, true) <= 1e-12);
}

TEST_CASE("correlated_equilibrium: every result on random games passes an independent incentive check") {
  for (const std::vector<std::size_t>& shape :
       std::vector<std::vector<std::size_t>>{{2, 2}, {3, 3}, {4, 3}, {2, 2, 2}, {3, 3, 3}, {2, 3, 2, 2}, {10, 10}}) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      const NormalFormGame game = dilemma::random_game(shape, seed, 0, 99, true);
      for (bool coarse : {false, true}) {
        double welfare[3];
        int k = 0;
        for (CorrelatedObjective objective :
             {CorrelatedObjective::feasible, CorrelatedObjective::welfare, CorrelatedObjective::min_welfare}) {
          CAPTURE(dilemma::detail::format_tuple(shape));
          const auto ce = dilemma::correlated_equilibrium(game, {objective, coarse});
          CHECK(total(ce.distribution) == doctest::Approx(1.0));
          CHECK(*std::min_element(ce.distribution.begin(), ce.distribution.end()) >= 0.0);
          CHECK(violation(game, ce.distribution, coarse) <= 1e-7);
          CHECK(ce.max_violation <= 1e-7);
          welfare[k++] = ce.welfare;
        }
        CHECK(welfare[1] >= welfare[0] - 1e-7);
        CHECK(welfare[2] <= welfare[0] + 1e-7);
      }
    }
  }
}

TEST_CASE("correlated_equilibrium: count form gives the dense welfare on small symmetric games") {
  for (std::uint64_t seed = 1; seed <= 4; ++seed)
    for (auto [n, s] : {std::pair<std::size_t, std::size_t>{3, 3}, {4, 2}, {3, 2}, {4, 3}}) {
      const dilemma::SymmetricGame game = dilemma::testing::random_symmetric_game(n, s, seed, 0, 9);
      const NormalFormGame dense = dilemma::to_normal_form(game);
      for (bool coarse : {false, true})
        for (CorrelatedObjective objective : {CorrelatedObjective::welfare, CorrelatedObjective::min_welfare}) {
          const auto compact = dilemma::correlated_equilibrium(game, {objective, coarse});
          const auto full = dilemma::correlated_equilibrium(dense, {objective, coarse});
          CHECK(compact.welfare == doctest::Approx(full.welfare).epsilon(1e-9));
          CHECK(total(compact.probabilities) == doctest::Approx(1.0));
          CHECK(compact.max_violation <= 1e-9);
          // Spread over the profiles of each class, the distribution is a dense CE.
          std::vector<double> p(dense.num_profiles(), 0.0);
          PureProfile profile(n, 0);
          do {
            const dilemma::Counts c = dilemma::testing::counts_of(profile, s);
            for (std::size_t k = 0; k < compact.classes.size(); ++k)
              if (compact.classes[k] == c)
                p[dense.profile_index(profile)] =
                    compact.probabilities[k] / dilemma::multinomial(c).convert_to<double>();
          } while (dense.advance(profile));
          CHECK(violation(dense, p, coarse) <= 1e-9);
        }
    }
}

TEST_CASE("correlated_equilibrium: in an invariant game every distribution is one (docs/model.md: theorem)") {
  // invariant_purge_externality: no own-action effect, but welfare varies:
  // the best and worst CE are the best and worst profiles.
  const dilemma::SymmetricGame game = dilemma::confession_game(4, "invariant_purge_externality");
  const NormalFormGame dense = dilemma::to_normal_form(game);
  double best = -HUGE_VAL, worst = HUGE_VAL;
  PureProfile profile(4, 0);
  do {
    double w = 0;
    for (double u : dense.payoffs_at(profile)) w += u;
    best = std::max(best, w);
    worst = std::min(worst, w);
  } while (dense.advance(profile));
  CHECK(best > worst);
  for (bool coarse : {false, true}) {
    CHECK(dilemma::correlated_equilibrium(dense, {CorrelatedObjective::welfare, coarse}).welfare == doctest::Approx(best));
    CHECK(dilemma::correlated_equilibrium(dense, {CorrelatedObjective::min_welfare, coarse}).welfare ==
          doctest::Approx(worst));
    CHECK(dilemma::correlated_equilibrium(game, {CorrelatedObjective::welfare, coarse}).welfare == doctest::Approx(best));
    CHECK(dilemma::correlated_equilibrium(game, {CorrelatedObjective::min_welfare, coarse}).welfare ==
          doctest::Approx(worst));
  }
  // Any distribution at all passes the incentive check.
  std::vector<double> p(dense.num_profiles());
  for (std::size_t k = 0; k < p.size(); ++k) p[k] = double((k * 7919) % 13);
  const double sum = total(p);
  for (double& x : p) x /= sum;
  CHECK(violation(dense, p, false) <= 1e-12);
  // At n = 200 in count form, in well under a second.
  const dilemma::SymmetricGame large = dilemma::confession_game(200, "invariant_purge_externality");
  const auto at_scale = dilemma::correlated_equilibrium(large, {CorrelatedObjective::min_welfare});
  REQUIRE(at_scale.classes.size() == 1);
  CHECK(at_scale.classes[0] == dilemma::Counts{0, 0, 200});  // everyone naming is the worst
}

TEST_CASE("correlated_equilibrium: a term depending only on the others changes no constraint") {
  const NormalFormGame game = dilemma::random_game({3, 2, 3}, 7, 0, 9, true);
  // u_i += h_i(a_-i): here 5 * (sum of the others' actions) + i.
  const NormalFormGame shifted = NormalFormGame::from_function(game.nums_actions(), [&](const PureProfile& profile) {
    std::vector<double> u = game.payoffs_at(profile);
    std::size_t sum = 0;
    for (std::size_t a : profile) sum += a;
    for (std::size_t i = 0; i < u.size(); ++i) u[i] += 5.0 * double(sum - profile[i]) + double(i);
    return u;
  });
  for (bool coarse : {false, true})
    for (CorrelatedObjective objective : {CorrelatedObjective::welfare, CorrelatedObjective::min_welfare}) {
      const auto original = dilemma::correlated_equilibrium(game, {objective, coarse});
      const auto other = dilemma::correlated_equilibrium(shifted, {objective, coarse});
      CHECK(violation(shifted, original.distribution, coarse) <= 1e-9);
      CHECK(violation(game, other.distribution, coarse) <= 1e-9);
      // The incentive gains are identical profile by profile.
      CHECK(violation(shifted, original.distribution, coarse) ==
            doctest::Approx(violation(game, original.distribution, coarse)).epsilon(1e-9));
    }
  // The same program up to the objective: the feasible vertex is the same.
  CHECK(dilemma::correlated_equilibrium(game, {CorrelatedObjective::feasible}).distribution ==
        dilemma::correlated_equilibrium(shifted, {CorrelatedObjective::feasible}).distribution);
}

TEST_CASE("correlated_equilibrium: a dominant action leaves one correlated equilibrium") {
  const dilemma::SymmetricGame game = dilemma::confession_game(200, "leniency_for_naming");
  for (CorrelatedObjective objective : {CorrelatedObjective::welfare, CorrelatedObjective::min_welfare}) {
    const auto ce = dilemma::correlated_equilibrium(game, {objective});
    REQUIRE(ce.classes.size() == 1);
    CHECK(ce.classes[0] == dilemma::Counts{0, 0, 200});
  }
}

TEST_CASE("correlated_equilibrium: bad tolerances are rejected with the function's name") {
  const NormalFormGame game = chicken();
  CHECK(dilemma::testing::error_message([&] {
          dilemma::correlated_equilibrium(game, {CorrelatedObjective::welfare, false, -1.0});
        }).find("correlated_equilibrium: tol must be") == 0);
  CHECK(dilemma::testing::error_message([&] {
          dilemma::correlated_equilibrium(dilemma::confession_game(3, "classic_pd"), {CorrelatedObjective::welfare,
                                          false, std::nan("")});
        }).find("correlated_equilibrium: tol") == 0);
}

TEST_CASE("max_incentive_gain: count form equals dense form; 0 only when every distribution is an equilibrium") {
  std::uint64_t seed = 300;
  for (std::size_t n : {1, 2, 3, 4})
    for (std::size_t s : {2, 3}) {
      const dilemma::SymmetricGame game = dilemma::testing::random_symmetric_game(n, s, seed++, -5, 5);
      const NormalFormGame dense = dilemma::to_normal_form(game);
      CHECK(dilemma::max_incentive_gain(game) == dilemma::max_incentive_gain(dense));
      // A point mass on a profile where some player gains by deviating: its
      // violation is the coefficient itself.
      std::vector<double> p(dense.num_profiles(), 0.0);
      double largest = 0;
      for (std::size_t k = 0; k < p.size(); ++k) {
        std::fill(p.begin(), p.end(), 0.0);
        p[k] = 1.0;
        largest = std::max(largest, violation(dense, p, false));
      }
      CHECK(dilemma::max_incentive_gain(dense) == doctest::Approx(largest));
    }
  CHECK(dilemma::max_incentive_gain(chicken()) == 2.0);  // against Dare, Chicken gains 2 - 0; against Chicken, Dare 7 - 6
  CHECK(dilemma::max_incentive_gain(dilemma::confession_game(30, "invariant_purge_externality")) == 0.0);
  CHECK(dilemma::max_incentive_gain(dilemma::testing::constant_game({3, 2, 2}, 4.0)) == 0.0);
}

TEST_CASE("correlated_equilibrium: the report counts the pivots and never claims every equilibrium") {
  const NormalFormGame game = dilemma::testing::bimatrix_game({{0, 7}, {2, 6}}, {{0, 2}, {7, 6}});  // chicken
  const auto ce = dilemma::correlated_equilibrium(game);
  CHECK(ce.report.method == "correlated_equilibrium");
  CHECK(ce.report.converged);
  CHECK_FALSE(ce.report.exhaustive);  // one optimal point of a polytope of equilibria
  CHECK(ce.report.num_iter > 0);
  const auto symmetric = dilemma::correlated_equilibrium(dilemma::confession_game(20, "leniency_for_naming"));
  CHECK(symmetric.report.method == "correlated_equilibrium");
  CHECK_FALSE(symmetric.report.exhaustive);
}

TEST_CASE("correlated_equilibrium: payoffs near DBL_MAX give the same distribution as the game scaled down") {
  // Matching pennies times 1e308: the payoff range overflowed to inf, every incentive row became 0
  // and a point mass came back with max_violation 0; its unique correlated equilibrium is uniform.
  for (double big : {1e308, 1.7e308, std::ldexp(1.0, -1000)}) {
    CAPTURE(big);
    const NormalFormGame game =
        dilemma::testing::bimatrix_game({{big, -big}, {-big, big}}, {{-big, big}, {big, -big}});
    for (CorrelatedObjective objective :
         {CorrelatedObjective::welfare, CorrelatedObjective::min_welfare, CorrelatedObjective::feasible})
      for (bool coarse : {false, true}) {
        const auto ce = dilemma::correlated_equilibrium(game, {objective, coarse});
        if (!coarse)
          for (double p : ce.distribution) CHECK(p == doctest::Approx(0.25));
        CHECK(ce.max_violation <= 1e-9 * big);
        CHECK(violation(game, ce.distribution, coarse) <= 1e-9 * big);
        CHECK(std::fabs(ce.welfare) <= 1e-9 * big);
      }
    CHECK(dilemma::max_incentive_gain(game) == 2 * big);  // beyond DBL_MAX for 1e308: inf, never NaN
  }
  // A symmetric game: its table scaled by 2^1023 (differences beyond DBL_MAX) gives the same
  // classes and probabilities.
  const dilemma::SymmetricGame small = dilemma::testing::random_symmetric_game(3, 3, 16, -1, 1);
  std::vector<double> table = small.table();
  for (double& u : table) u = std::ldexp(u, 1023);
  const dilemma::SymmetricGame large(3, 3, table);
  const auto a = dilemma::correlated_equilibrium(small), b = dilemma::correlated_equilibrium(large);
  CHECK(a.classes == b.classes);
  REQUIRE(a.probabilities.size() == b.probabilities.size());
  for (std::size_t k = 0; k < a.probabilities.size(); ++k)
    CHECK(a.probabilities[k] == doctest::Approx(b.probabilities[k]));
  CHECK(b.max_violation <= 1e-9 * std::ldexp(1.0, 1023));
  if (std::fabs(a.welfare) < 1.5) CHECK(b.welfare == doctest::Approx(std::ldexp(a.welfare, 1023)));
}

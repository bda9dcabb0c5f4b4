#include "dilemma/analysis/invariance.hpp"

#include "dilemma/games/generators.hpp"
#include "dilemma/solvers/correlated_equilibrium.hpp"
#include "dilemma/solvers/logit_qre.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/models/confession.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;
using dilemma::NormalFormGame;
using dilemma::SymmetricGame;

TEST_CASE("invariance_report: the consequences of the theorem of docs/model.md on invariant games") {
  for (std::size_t n : {2, 3, 5}) {
    const auto dense = dilemma::testing::constant_game(std::vector<std::size_t>(n, 3), -10.0);
    const auto r = dilemma::invariance_report(dense);
    CHECK(r.payoff_invariant);
    CHECK(r.epsilon == 0.0);
    CHECK(r.strategic_share == 0.0);
    CHECK(r.num_pure_equilibria == std::pow(3.0, double(n)));  // 1. every pure profile...
    CHECK(r.num_strict_equilibria == 0);                        // ...none strict
    CHECK(r.every_profile_is_equilibrium);
    CHECK(r.num_dominated_strict == 0);  // 2. nothing dominated
    CHECK(r.num_dominated_weak == 0);
    CHECK(r.equal_security_levels);      // 6. equal security levels
    CHECK(r.efficiency.price_of_anarchy == 1.0);  // 7. PoA = PoS = 1
    CHECK(r.efficiency.price_of_stability == 1.0);
    CHECK(r.decomposition_computed);  // 8. purely nonstrategic
    CHECK(r.potential_norm == 0.0);
    CHECK(r.harmonic_norm == 0.0);
    CHECK(r.exact_potential);
  }
  // The same in count form, and the contrast with a strategic preset.
  const auto invariant = dilemma::invariance_report(dilemma::confession_game(40, "invariant_purge_externality"));
  CHECK(invariant.decomposition_computed);
  CHECK(invariant.potential_norm < 1e-12);
  CHECK(invariant.harmonic_norm < 1e-12);
  const auto classic = dilemma::invariance_report(dilemma::confession_game(40, "classic_pd"));
  CHECK(classic.potential_norm > 0.1);
  CHECK(classic.harmonic_norm > 0.01);  // the sucker premium
  CHECK_FALSE(classic.exact_potential);
}

namespace {

const std::vector<std::string> kInvariantPresets = {"invariant_purge", "invariant_purge_externality"};
const std::vector<std::string> kStrategicPresets = {"classic_pd", "leniency_for_naming", "yezhov_method",
                                                    "torture_confession_only", "ordered_leniency"};

/// The largest and smallest welfare over all pure profiles of a dense game.
std::pair<double, double> welfare_range(const NormalFormGame& game) {
  double best = -HUGE_VAL, worst = HUGE_VAL;
  dilemma::PureProfile profile(game.num_players(), 0);
  do {
    best = std::max(best, dilemma::welfare(game, profile));
    worst = std::min(worst, dilemma::welfare(game, profile));
  } while (game.advance(profile));
  return {best, worst};
}

}  // namespace

TEST_CASE("invariance_report: every distribution a correlated equilibrium, QRE uniform (docs/model.md: theorem, items 3 and 4)") {
  for (const std::string& preset : kInvariantPresets) {
    CAPTURE(preset);
    const SymmetricGame game = dilemma::confession_game(4, preset);
    const NormalFormGame dense = dilemma::to_normal_form(game);
    for (const auto& r : {dilemma::invariance_report(game), dilemma::invariance_report(dense)}) {
      CHECK(r.max_incentive_gain == 0.0);
      CHECK(r.every_distribution_correlated);
      CHECK(r.qre_computed);
      CHECK(r.qre_uniform);
      CHECK(r.qre_lambda == dilemma::kQreMaxLambda);  // followed all the way
      CHECK(r.qre_max_deviation_from_uniform < 1e-12);
      CHECK(r.qre_note.empty());
    }
    // The LP agrees: the best and the worst correlated (and coarse
    // correlated) equilibria are the best and the worst profiles.
    const auto [best, worst] = welfare_range(dense);
    for (bool coarse : {false, true}) {
      CHECK(dilemma::correlated_equilibrium(dense, {dilemma::CorrelatedObjective::welfare, coarse}).welfare ==
            doctest::Approx(best).epsilon(1e-12));
      CHECK(dilemma::correlated_equilibrium(dense, {dilemma::CorrelatedObjective::min_welfare, coarse}).welfare ==
            doctest::Approx(worst).epsilon(1e-12));
      CHECK(dilemma::correlated_equilibrium(game, {dilemma::CorrelatedObjective::min_welfare, coarse}).welfare ==
            doctest::Approx(worst).epsilon(1e-12));
    }
  }
  for (const std::string& preset : kStrategicPresets) {
    CAPTURE(preset);
    const SymmetricGame game = dilemma::confession_game(4, preset);
    const NormalFormGame dense = dilemma::to_normal_form(game);
    for (const auto& r : {dilemma::invariance_report(game), dilemma::invariance_report(dense)}) {
      CHECK(r.max_incentive_gain == doctest::Approx(dilemma::max_stake(game)));  // the same coefficients
      CHECK(r.max_incentive_gain > 0.1);
      CHECK_FALSE(r.every_distribution_correlated);
      CHECK(r.qre_computed);
      CHECK_FALSE(r.qre_uniform);
      CHECK(r.qre_max_deviation_from_uniform > 1e-9);
      CHECK(r.qre_lambda < 1.0);  // stopped at the first point off uniform
      // That point lies on the branch.
      const std::vector<double> x = dilemma::logit_qre_at(game, r.qre_lambda).qre;
      double distance = 0;
      for (double p : x) distance = std::max(distance, std::abs(p - 1.0 / 3.0));
      CHECK(distance == doctest::Approx(r.qre_max_deviation_from_uniform).epsilon(1e-3));
    }
  }
  // Where the welfare-best profile is no equilibrium, the LP's best falls short of it.
  for (const std::string& preset : {"classic_pd", "leniency_for_naming"}) {
    const NormalFormGame dense = dilemma::to_normal_form(dilemma::confession_game(4, preset));  // a dilemma at n = 4
    CHECK(dilemma::correlated_equilibrium(dense, {dilemma::CorrelatedObjective::welfare}).welfare <
          welfare_range(dense).first - 1.0);
  }
}

TEST_CASE("invariance_report: the QRE check is its own computation, not invariance renamed") {
  // Matching pennies is purely strategic, yet its logit QRE is uniform for
  // every lambda (McKelvey & Palfrey 1995); a tolerance lets near-invariant
  // games pass the correlated-equilibrium test.
  const auto pennies = dilemma::invariance_report(dilemma::matching_pennies());
  CHECK_FALSE(pennies.payoff_invariant);
  CHECK_FALSE(pennies.every_distribution_correlated);
  CHECK(pennies.max_incentive_gain == 2.0);
  CHECK(pennies.qre_uniform);
  CHECK(pennies.qre_lambda == dilemma::kQreMaxLambda);
  const SymmetricGame lenient = dilemma::confession_game(6, "leniency_for_naming");
  CHECK(dilemma::invariance_report(lenient, 2.0).every_distribution_correlated);
  CHECK_FALSE(dilemma::invariance_report(lenient, 1.9).every_distribution_correlated);
  // A shorter trace and a looser tolerance are the caller's to choose.
  const auto short_trace = dilemma::invariance_report(dilemma::confession_game(6, "invariant_purge"), 0.0, 0.0, 50.0);
  CHECK(short_trace.qre_uniform);
  CHECK(short_trace.qre_lambda == 50.0);
  CHECK(dilemma::invariance_report(lenient, 0.0, 0.5).qre_lambda > 0.5);
  CHECK(dilemma::testing::error_message([&] { dilemma::invariance_report(lenient, 0.0, -1.0); }) ==
        "invariance_report: qre_tol must be finite and >= 0, got -1");
  CHECK(dilemma::testing::error_message([&] { dilemma::invariance_report(lenient, 0.0, 1e-9, 0.0); }) ==
        "invariance_report: qre_max_lambda must be finite and > 0, got 0");
}

TEST_CASE("invariance_report: adding a term in the others' actions keeps strategy, changes welfare") {
  // docs/model.md (theorem): u_i + h_i(a_{-i}) has the same equilibria and dominance
  // but different welfare and PoA.
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const NormalFormGame game = dilemma::random_game({3, 3, 2}, seed, 1, 5, true);
    const NormalFormGame externality = NormalFormGame::from_function({3, 3, 2}, [&](const dilemma::PureProfile& p) {
      std::vector<double> payoffs = game.payoffs_at(p);
      payoffs[0] += 7.0 * double(p[1] + p[2]);  // depends on the others only
      payoffs[1] += 3.0 * double(p[0] * p[2]);
      payoffs[2] += double(p[0]);
      return payoffs;
    });
    CHECK(dilemma::pure_nash(game) == dilemma::pure_nash(externality));
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(dilemma::dominated_actions(game, i) == dilemma::dominated_actions(externality, i));
      CHECK(dilemma::dominated_actions(game, i, dilemma::Dominance::weak) ==
            dilemma::dominated_actions(externality, i, dilemma::Dominance::weak));
    }
    CHECK(dilemma::max_stakes(game) == dilemma::max_stakes(externality));
    CHECK(dilemma::welfare(game, {2, 2, 1}) != dilemma::welfare(externality, {2, 2, 1}));
  }
}

TEST_CASE("max_stakes and strategic_share: compact form equals dense form") {
  std::uint64_t seed = 50;
  for (std::size_t n : {1, 2, 3, 5})
    for (std::size_t s : {2, 3}) {
      const SymmetricGame game = dilemma::testing::random_symmetric_game(n, s, seed++, -4, 4);
      const NormalFormGame dense = dilemma::to_normal_form(game);
      for (double stake : dilemma::max_stakes(dense)) CHECK(stake == dilemma::max_stake(game));
      CHECK(dilemma::strategic_share(game) == doctest::Approx(dilemma::strategic_share(dense)).epsilon(1e-12));
      const auto compact = dilemma::invariance_report(game), full = dilemma::invariance_report(dense);
      CHECK(compact.num_pure_equilibria == full.num_pure_equilibria);
      CHECK(compact.num_strict_equilibria == full.num_strict_equilibria);
      CHECK(compact.num_dominated_strict * n == full.num_dominated_strict);
      CHECK(compact.num_dominated_weak * n == full.num_dominated_weak);
      CHECK(compact.equal_security_levels == full.equal_security_levels);
      CHECK(compact.efficiency_defined == full.efficiency_defined);
    }
}

TEST_CASE("strategic_share: one for a purely strategic game, known value for a mix") {
  // Matching pennies: every payoff is +-1 around a mean of 0 over own actions.
  CHECK(dilemma::strategic_share(dilemma::matching_pennies()) == doctest::Approx(1.0));
  // One player, payoffs (1, 3): mean 2, deviations +-1: rho = sqrt(2 / 10).
  CHECK(dilemma::strategic_share(NormalFormGame({2}, {1.0, 3.0})) == doctest::Approx(std::sqrt(0.2)));
  CHECK(dilemma::max_stakes(NormalFormGame({2}, {1.0, 3.0})) == std::vector<double>{2.0});
  CHECK_FALSE(dilemma::is_payoff_invariant(NormalFormGame({2}, {1.0, 3.0}), 0));
  CHECK(dilemma::is_payoff_invariant(NormalFormGame({2}, {1.0, 3.0}), 0, 2.0));
  // Player 2 of this game is invariant, player 1 is not.
  const NormalFormGame half({2, 2}, {1, 2, 3, 4, 5, 5, 6, 6});
  CHECK_FALSE(dilemma::is_payoff_invariant(half, 0));
  CHECK(dilemma::is_payoff_invariant(half, 1));
}

TEST_CASE("describe: names each consequence") {
  const std::string text = dilemma::describe(dilemma::invariance_report(
      SymmetricGame(1000, 3, [](std::size_t, const Counts&) { return -10.0; })));
  CHECK(text.find("payoff-invariant: yes") != std::string::npos);
  CHECK(text.find("pure equilibria: 10^477.1 of 10^477.1 profiles (501501 of 501501 count classes)") !=
        std::string::npos);
  CHECK(text.find("price of anarchy 1, price of stability 1") != std::string::npos);
  CHECK(text.find("every distribution over profiles a correlated (and coarse correlated) equilibrium: yes "
                  "(largest incentive-constraint coefficient 0)") != std::string::npos);
  CHECK(text.find("logit QRE uniform for every lambda: yes (branch followed from lambda = 0 to 1e+06, largest "
                  "distance from uniform 0)") != std::string::npos);
  // n = 1000 is beyond the count-form decomposition; the exact-potential test still runs.
  CHECK(text.find("decomposition: not computed") != std::string::npos);
  CHECK(text.find("exact potential game: yes") != std::string::npos);
  const std::string small = dilemma::describe(dilemma::invariance_report(dilemma::confession_game(6, "invariant_purge")));
  CHECK(small.find("decomposition: potential part 0, harmonic part 0 (rms); purely nonstrategic: yes") !=
        std::string::npos);
  const std::string strategic =
      dilemma::describe(dilemma::invariance_report(dilemma::confession_game(6, "leniency_for_naming")));
  CHECK(strategic.find("correlated) equilibrium: no (largest incentive-constraint coefficient 2)") != std::string::npos);
  CHECK(strategic.find("logit QRE uniform for every lambda: no (at lambda = ") != std::string::npos);
}

#include "dilemma/analysis/invariance.hpp"

#include "dilemma/games/generators.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/models/confession.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;
using dilemma::NormalFormGame;
using dilemma::SymmetricGame;

TEST_CASE("invariance_report: the consequences of MODEL.md section 3 on invariant games") {
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

TEST_CASE("invariance_report: adding a term in the others' actions keeps strategy, changes welfare") {
  // MODEL.md section 3: u_i + h_i(a_{-i}) has the same equilibria and dominance
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
  // n = 1000 is beyond the count-form decomposition; the exact-potential test still runs.
  CHECK(text.find("decomposition:") == std::string::npos);
  CHECK(text.find("exact potential game: yes") != std::string::npos);
  const std::string small = dilemma::describe(dilemma::invariance_report(dilemma::confession_game(6, "invariant_purge")));
  CHECK(small.find("decomposition: potential part 0, harmonic part 0 (rms); purely nonstrategic: yes") !=
        std::string::npos);
}

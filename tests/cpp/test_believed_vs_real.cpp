#include "dilemma/analysis/believed_vs_real.hpp"

#include "dilemma/models/confession.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;

namespace {

dilemma::BelievedVersusReal compare_preset(std::size_t n, const char* name) {
  const auto preset = dilemma::confession_preset(name);
  return dilemma::believed_versus_real(dilemma::confession_game(n, preset.believed),
                                       dilemma::confession_game(n, preset.real));
}

}  // namespace

TEST_CASE("believed_versus_real: hoped leniency costs from 0 up to eta (n - 1) per person") {
  for (std::size_t n : {2, 5, 40}) {
    const auto result = compare_preset(n, "hoped_leniency");
    REQUIRE(result.outcomes.size() == 1);
    const auto& outcome = result.outcomes[0];
    const double n_minus_1 = double(n - 1);
    CHECK(outcome.behaviour.counts == Counts{0, 0, n});  // everyone names
    // Realized payoffs are those of the invariant game with externality: S + eta (n - 1).
    CHECK(outcome.real_payoffs[dilemma::name] == doctest::Approx(-(10.0 + n_minus_1)));
    // Nobody naming is best in reality (deniers and lone confessors tie).
    CHECK(result.real_best.counts[dilemma::name] == 0);
    CHECK(result.real_best_welfare == doctest::Approx(-10.0 * double(n)));
    CHECK(outcome.inefficiency == doctest::Approx(n_minus_1));
    // Every profile is a real equilibrium: the worst is all naming (what they did), the best nobody naming.
    CHECK(result.real_equilibria.size() == (n + 1) * (n + 2) / 2);
    CHECK(result.real_worst_equilibrium.counts == Counts{0, 0, n});
    CHECK(result.real_best_equilibrium.counts[dilemma::name] == 0);
    CHECK(outcome.cost_of_belief_range.first == doctest::Approx(0.0));
    CHECK(outcome.cost_of_belief_range.second == doctest::Approx(n_minus_1));
  }
}

TEST_CASE("believed_versus_real: a dilemma without a false belief is inefficient but costs the belief nothing") {
  // n = 5, S = 10, eta = 1. Per-person cost of all naming, against the real social optimum:
  //   leniency_for_naming: 10 - 2 + 4 = 12 against all denying, 10;
  //   yezhov_method (tau = 3, 3, 0): 10 + 4 = 14 against all denying, 13 (total cost 65 + c_N);
  //   classic_pd (n = 2): 1 - 1 + 5 = 5 against both denying, 1.
  const struct { const char* preset; std::size_t n; double inefficiency; } cases[] = {
      {"leniency_for_naming", 5, 2.0}, {"yezhov_method", 5, 1.0}, {"classic_pd", 2, 4.0}};
  for (const auto& c : cases) {
    CAPTURE(c.preset);
    const auto result = compare_preset(c.n, c.preset);
    REQUIRE(result.outcomes.size() == 1);
    CHECK(result.outcomes[0].behaviour.counts == Counts{0, 0, c.n});
    CHECK(result.outcomes[0].inefficiency == doctest::Approx(c.inefficiency));
    CHECK(result.outcomes[0].cost_of_belief_range.first == 0.0);
    CHECK(result.outcomes[0].cost_of_belief_range.second == 0.0);
  }
}

TEST_CASE("believed_versus_real: the hope costs nothing when torture makes naming the real choice anyway") {
  // Believed: l = 2; real: l = 0; in both, deniers and confessors are tortured (T = 3), eta = 1, n = 5.
  // Naming is dominant in both games, so the belief changes nothing: cost of belief 0. The real total
  // cost is (n - c_N)(13 + c_N) + c_N (9 + c_N) = 65 + c_N: all naming (14 per person) is 1 per person
  // worse than all denying (13), the real game's inefficiency.
  auto believed = dilemma::confession_preset("hoped_leniency").believed, real = believed;
  believed.torture = real.torture = {3.0, 3.0, 0.0};
  real.leniency = 0.0;
  const auto result = dilemma::believed_versus_real(dilemma::confession_game(5, believed),
                                                    dilemma::confession_game(5, real));
  REQUIRE(result.outcomes.size() == 1);
  const auto& outcome = result.outcomes[0];
  CHECK(outcome.behaviour.counts == Counts{0, 0, 5});
  REQUIRE(result.real_equilibria.size() == 1);
  CHECK(result.real_equilibria[0].counts == Counts{0, 0, 5});
  CHECK(outcome.cost_of_belief_range.first == 0.0);
  CHECK(outcome.cost_of_belief_range.second == 0.0);
  CHECK(result.real_best.counts[dilemma::name] == 0);
  CHECK(outcome.inefficiency == doctest::Approx(1.0));
}

TEST_CASE("believed_versus_real: each equilibrium of an invariant game with externality has its own range") {
  // invariant_purge_externality, n = 4, eta = 1: total cost 4 S + eta c_N (n - 1). For the class
  // with c_N namers: inefficiency eta c_N (n-1)/n; against the worst equilibrium (all name)
  // -eta (n - 1)(n - c_N)/n; against the best (none name) eta c_N (n - 1)/n.
  const auto result = compare_preset(4, "invariant_purge_externality");
  CHECK(result.outcomes.size() == 15);
  for (const auto& outcome : result.outcomes) {
    const double namers = double(outcome.behaviour.counts[dilemma::name]);
    CHECK(outcome.inefficiency == doctest::Approx(namers * 3.0 / 4.0));
    CHECK(outcome.cost_of_belief_range.first == doctest::Approx(-3.0 * (4.0 - namers) / 4.0));
    CHECK(outcome.cost_of_belief_range.second == doctest::Approx(namers * 3.0 / 4.0));
  }
}

TEST_CASE("believed_versus_real: identical invariant games cost nothing; mismatched games are refused") {
  const auto game = dilemma::confession_game(4, dilemma::confession_preset("invariant_purge").believed);
  const auto result = dilemma::believed_versus_real(game, game);
  CHECK(result.outcomes.size() == 15);
  for (const auto& outcome : result.outcomes) {
    CHECK(outcome.inefficiency == 0.0);
    CHECK(outcome.cost_of_belief_range == std::pair<double, double>{0.0, 0.0});
  }
  CHECK(dilemma::testing::error_message([&] {
          dilemma::believed_versus_real(game, dilemma::confession_game(5, dilemma::ConfessionParameters{}));
        }).find("believed_versus_real: the believed game has 4 players") == 0);
}

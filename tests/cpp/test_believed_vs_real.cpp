#include "dilemma/analysis/believed_vs_real.hpp"

#include "dilemma/models/confession.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;

TEST_CASE("believed_versus_real: hoped leniency costs eta (n - 1) per person") {
  for (std::size_t n : {2, 5, 40}) {
    const auto preset = dilemma::confession_preset("hoped_leniency");
    const auto result = dilemma::believed_versus_real(dilemma::confession_game(n, preset.believed),
                                                      dilemma::confession_game(n, preset.real));
    REQUIRE(result.outcomes.size() == 1);
    const auto& outcome = result.outcomes[0];
    CHECK(outcome.behaviour.counts == Counts{0, 0, n});  // everyone names
    // Realized payoffs are those of the invariant game with externality.
    CHECK(outcome.real_payoffs[dilemma::name] == doctest::Approx(-(10.0 + 1.0 * double(n - 1))));
    // Nobody naming is best in reality (deniers and lone confessors tie).
    CHECK(result.real_best.counts[dilemma::name] == 0);
    CHECK(result.real_best_welfare == doctest::Approx(-10.0 * double(n)));
    CHECK(outcome.cost_of_false_hope == doctest::Approx(1.0 * double(n - 1)));
    CHECK(result.real_equilibria.size() == (n + 1) * (n + 2) / 2);  // the real game is invariant in strategy
  }
}

TEST_CASE("believed_versus_real: identical games cost nothing at the best equilibrium") {
  const auto game = dilemma::confession_game(4, dilemma::confession_preset("invariant_purge").believed);
  const auto result = dilemma::believed_versus_real(game, game);
  CHECK(result.outcomes.size() == 15);
  for (const auto& outcome : result.outcomes) CHECK(outcome.cost_of_false_hope == 0.0);
  CHECK(dilemma::testing::error_message([&] {
          dilemma::believed_versus_real(game, dilemma::confession_game(5, dilemma::ConfessionParameters{}));
        }).find("believed_versus_real: the believed game has 4 players") == 0);
}

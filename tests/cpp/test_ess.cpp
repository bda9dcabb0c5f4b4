#include "dilemma/analysis/ess.hpp"

#include "dilemma/models/confession.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;
using dilemma::SymmetricGame;

TEST_CASE("evolutionarily_stable_strategies: hawk-dove's mixed ESS (Maynard Smith & Price 1973)") {
  const SymmetricGame game(2, 2, [](std::size_t a, const Counts& m) {
    const bool other_hawk = m[0] == 1;
    return a == 0 ? (other_hawk ? -1.0 : 2.0) : (other_hawk ? 0.0 : 1.0);
  });
  const auto result = dilemma::evolutionarily_stable_strategies(game);
  CHECK(result.exact);
  REQUIRE(result.strategies.size() == 1);
  CHECK(result.strategies[0][0] == doctest::Approx(0.5));
}

TEST_CASE("evolutionarily_stable_strategies: none in payoff-invariant games, all-name under leniency") {
  for (std::size_t n : {2, 6, 25}) {
    const auto invariant = dilemma::confession_game(n, dilemma::confession_preset("invariant_purge").believed);
    CHECK(dilemma::evolutionarily_stable_strategies(invariant).strategies.empty());
    const auto lenient = dilemma::confession_game(n, dilemma::confession_preset("leniency_for_naming").believed);
    const auto result = dilemma::evolutionarily_stable_strategies(lenient);
    CHECK_FALSE(result.exact);
    REQUIRE(result.strategies.size() == 1);
    CHECK(result.strategies[0][dilemma::name] == 1.0);
  }
  // Two actions, invariant: g is identically 0, so no ESS by the exact rule.
  const SymmetricGame flat(7, 2, [](std::size_t, const Counts& m) { return -double(m[1]); });
  const auto result = dilemma::evolutionarily_stable_strategies(flat);
  CHECK(result.exact);
  CHECK(result.strategies.empty());
}

TEST_CASE("evolutionarily_stable_strategies: pure coordination has every pure strategy as an ESS") {
  const SymmetricGame game(3, 3, [](std::size_t a, const Counts& m) { return double(m[a]); });
  const auto result = dilemma::evolutionarily_stable_strategies(game);
  std::size_t pure = 0;
  for (const auto& x : result.strategies) pure += *std::max_element(x.begin(), x.end()) == 1.0;
  CHECK(pure == 3);
  CHECK(result.strategies.size() == 3);  // mixed equilibria of coordination are not stable
}

TEST_CASE("evolutionarily_stable_strategies: the report is the search's; max_iter = 0 leaves it unconverged") {
  const SymmetricGame game = dilemma::testing::weighted_rock_paper_scissors();
  dilemma::EssOptions capped_options;
  capped_options.max_iter = 0;
  const auto capped = dilemma::evolutionarily_stable_strategies(game, capped_options);
  dilemma::testing::check_cut_short(capped.report, "evolutionarily_stable_strategies", "max_iter = 0 cut");
  const auto full = dilemma::evolutionarily_stable_strategies(game);
  CHECK(full.report.converged);
  CHECK(full.report.num_iter == 1);  // one symmetric equilibrium tested
  for (const auto& x : full.strategies) CHECK(dilemma::regret(game, x) <= 1e-9 * dilemma::payoff_range(game));
}

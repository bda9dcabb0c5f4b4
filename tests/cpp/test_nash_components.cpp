#include "dilemma/solvers/nash_components.hpp"

#include "test_helpers.hpp"
#include "two_player_helpers.hpp"

using dilemma::NormalFormGame;
using dilemma::Rational;
using dilemma::testing::ExactProfile;

namespace {

/// Checks the defining properties of the components of `game`: the
/// equilibria are exactly the extreme equilibria, each Nash subset is a
/// product of extreme strategies whose every pair is an extreme equilibrium,
/// maximal (no other extreme strategy of the component can join), and the
/// subsets of a component cover its equilibria.
void check_components(const NormalFormGame& game, const std::vector<dilemma::BasicNashComponent<Rational>>& components) {
  std::set<ExactProfile> all;
  for (const auto& component : components)
    for (const auto& profile : component.equilibria) all.insert(profile);
  CHECK(all == dilemma::testing::as_set(dilemma::vertex_enumeration<Rational>(game)));
  for (const auto& component : components) {
    std::set<ExactProfile> covered;
    for (const auto& subset : component.nash_subsets) {
      for (const auto& x : subset.row_strategies)
        for (const auto& y : subset.column_strategies) {
          CHECK(all.count({x, y}) == 1);
          covered.insert({x, y});
        }
      for (const auto& x : component.row_strategies) {
        if (std::count(subset.row_strategies.begin(), subset.row_strategies.end(), x)) continue;
        bool joins = true;
        for (const auto& y : subset.column_strategies) joins = joins && all.count({x, y});
        CHECK_FALSE(joins);
      }
      for (const auto& y : component.column_strategies) {
        if (std::count(subset.column_strategies.begin(), subset.column_strategies.end(), y)) continue;
        bool joins = true;
        for (const auto& x : subset.row_strategies) joins = joins && all.count({x, y});
        CHECK_FALSE(joins);
      }
    }
    CHECK(covered == dilemma::testing::as_set(component.equilibria));
  }
}

}  // namespace

TEST_CASE("nash_components: the payoff-invariant game is one component covering everything") {
  // docs/model.md (theorem): nobody's choice changes their own payoff, so every
  // profile is an equilibrium: one component, one Nash subset, the product
  // of both simplices.
  const NormalFormGame game = dilemma::testing::constant_game({3, 4}, -10.0);
  const auto components = dilemma::nash_components<Rational>(game);
  REQUIRE(components.size() == 1);
  CHECK_FALSE(components[0].is_singleton());
  REQUIRE(components[0].nash_subsets.size() == 1);
  CHECK(components[0].nash_subsets[0].row_strategies.size() == 3);
  CHECK(components[0].nash_subsets[0].column_strategies.size() == 4);
  CHECK(components[0].equilibria.size() == 12);
  check_components(game, components);
  CHECK(dilemma::nash_components(game).size() == 1);
}

TEST_CASE("nash_components: a nondegenerate game has one singleton component per equilibrium") {
  const auto components = dilemma::nash_components<Rational>(dilemma::battle_of_the_sexes());
  REQUIRE(components.size() == 3);
  for (const auto& component : components) {
    CHECK(component.is_singleton());
    CHECK(component.nash_subsets.size() == 1);
  }
}

TEST_CASE("nash_components: a continuum beside an isolated equilibrium") {
  // Row 1 pays the row player 1 against both columns, so against x = e_1 the
  // column player (indifferent there) may mix freely: {e_1} x Delta is a
  // continuum. (e_2, e_2) is strict, hence isolated.
  const NormalFormGame game = dilemma::testing::bimatrix_game({{1, 1}, {0, 2}}, {{1, 1}, {0, 3}});
  const auto components = dilemma::nash_components<Rational>(game);
  check_components(game, components);
  REQUIRE(components.size() == 2);
  std::size_t singletons = 0;
  for (const auto& component : components) singletons += component.is_singleton();
  CHECK(singletons == 1);
}

TEST_CASE("nash_components: structure on a player indifferent everywhere and on random degenerate games") {
  const NormalFormGame indifferent = dilemma::testing::bimatrix_game({{0, 0, 0}, {0, 0, 0}, {0, 0, 0}},
                                                                     {{1, 2, 3}, {3, 1, 2}, {2, 3, 1}});
  const auto components = dilemma::nash_components<Rational>(indifferent);
  REQUIRE(components.size() == 1);  // all 12 extreme equilibria are connected
  CHECK(components[0].equilibria.size() == 12);
  check_components(indifferent, components);
  std::uint64_t seed = 7;
  for (int trial = 0; trial < 40; ++trial) {
    const NormalFormGame game = dilemma::testing::random_bimatrix(3 + trial % 2, 3, seed++, 1);
    check_components(game, dilemma::nash_components<Rational>(game));
    // The floating-point result has the same shape.
    const auto exact = dilemma::nash_components<Rational>(game);
    const auto floating = dilemma::nash_components(game);
    REQUIRE(floating.size() == exact.size());
    for (std::size_t c = 0; c < exact.size(); ++c) {
      CHECK(floating[c].equilibria.size() == exact[c].equilibria.size());
      CHECK(floating[c].nash_subsets.size() == exact[c].nash_subsets.size());
    }
  }
}

TEST_CASE("nash_components: bad input") {
  CHECK(dilemma::testing::error_message([] { dilemma::nash_components(dilemma::coordination_game(3, 2)); }) ==
        "nash_components: needs a two-player game, got 3 players with action counts (2, 2, 2)");
}

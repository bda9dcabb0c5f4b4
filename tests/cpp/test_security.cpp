#include "dilemma/analysis/security.hpp"

#include "dilemma/games/generators.hpp"
#include "test_helpers.hpp"

TEST_CASE("security_levels: worst payoff of each action") {
  // Prisoner's dilemma (Axelrod): cooperating risks 0, defecting guarantees 1.
  const auto levels = dilemma::security_levels(dilemma::prisoners_dilemma(), 1);
  CHECK(levels == std::vector<double>{0.0, 1.0});
  const auto pennies = dilemma::security_levels(dilemma::matching_pennies(), 0);
  CHECK(pennies == std::vector<double>{-1.0, -1.0});
}

TEST_CASE("security_levels (symmetric): equal the dense levels of every player") {
  std::uint64_t seed = 3;
  for (std::size_t n : {1, 2, 4})
    for (std::size_t s : {2, 3}) {
      const auto game = dilemma::testing::random_symmetric_game(n, s, seed++, -9, 9);
      const auto dense = dilemma::to_normal_form(game);
      for (std::size_t i = 0; i < n; ++i) CHECK(dilemma::security_levels(dense, i) == dilemma::security_levels(game));
    }
}

#include "dilemma/solvers/support_enumeration.hpp"

#include "test_helpers.hpp"
#include "two_player_helpers.hpp"

using dilemma::NormalFormGame;
using dilemma::Rational;

TEST_CASE("support_enumeration: the same set as vertex_enumeration, ties included") {
  dilemma::testing::for_random_bimatrices(5, 300, [](const NormalFormGame& game) {
    const auto found = dilemma::support_enumeration<Rational>(game);
    CHECK(found.size() == dilemma::testing::as_set(found).size());
    CHECK(dilemma::testing::as_set(found) ==
          dilemma::testing::as_set(dilemma::vertex_enumeration<Rational>(game).equilibria));
    dilemma::testing::check_exact_equilibria(game, found);
    const auto floating = dilemma::support_enumeration(game);
    dilemma::testing::check_equilibria(game, floating);
    CHECK(floating.size() == found.size());
  });
}

TEST_CASE("support_enumeration: supports of unequal size in a degenerate game") {
  // The row player is indifferent everywhere: equilibria such as
  // ((1/3, 1/3, 1/3), e_1) have supports of sizes 3 and 1, which
  // equal-size support enumeration (QuantEcon, Nashpy) never tries.
  const NormalFormGame game = dilemma::testing::bimatrix_game({{0, 0, 0}, {0, 0, 0}, {0, 0, 0}},
                                                              {{1, 2, 3}, {3, 1, 2}, {2, 3, 1}});
  const auto found = dilemma::support_enumeration<Rational>(game);
  CHECK(found.size() == 12);
  const Rational third(1, 3);
  CHECK(std::count(found.begin(), found.end(),
                   dilemma::testing::ExactProfile{{third, third, third}, {1, 0, 0}}) == 1);
}

TEST_CASE("support_enumeration: row supports come by size, pure equilibria first") {
  const auto found = dilemma::support_enumeration<Rational>(dilemma::battle_of_the_sexes());
  REQUIRE(found.size() == 3);
  CHECK(found[0] == dilemma::testing::ExactProfile{{1, 0}, {1, 0}});
  CHECK(found[1] == dilemma::testing::ExactProfile{{0, 1}, {0, 1}});
  CHECK(found[2][0] == std::vector<Rational>{Rational(2, 3), Rational(1, 3)});
}

TEST_CASE("SupportEnumeration: a generator that ends cleanly") {
  dilemma::SupportEnumeration<> search(dilemma::matching_pennies());
  const auto first = search.next();
  REQUIRE(first.has_value());
  CHECK((*first)[0][0] == doctest::Approx(0.5));
  CHECK_FALSE(search.next().has_value());
  CHECK_FALSE(search.next().has_value());
}

TEST_CASE("SupportEnumeration: exact search restarts in wider integers mid-stream") {
  // von Stengel's 6 x 6 game has payoffs near 10^6: 64-bit integer pivoting
  // overflows, and the search replays in 128-bit and arbitrary precision.
  const NormalFormGame game = dilemma::testing::von_stengel_75();
  dilemma::SupportEnumeration<Rational> search(game);
  std::vector<dilemma::testing::ExactProfile> found;
  while (auto profile = search.next()) found.push_back(*profile);
  CHECK(found.size() == 75);
  CHECK(dilemma::testing::as_set(found).size() == 75);
  dilemma::testing::check_exact_equilibria(game, found);
}

TEST_CASE("support_enumeration: bad input") {
  CHECK(dilemma::testing::error_message([] { dilemma::support_enumeration(dilemma::coordination_game(3, 2)); }) ==
        "support_enumeration: needs a two-player game, got 3 players with action counts (2, 2, 2)");
  CHECK(dilemma::testing::error_message([] { dilemma::support_enumeration(dilemma::matching_pennies(), -2.0); }) ==
        "support_enumeration: tol must be finite and >= 0, got -2");
}

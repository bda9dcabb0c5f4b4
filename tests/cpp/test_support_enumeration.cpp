#include "dilemma/solvers/support_enumeration.hpp"

#include "dilemma/games/generators.hpp"
#include "test_helpers.hpp"
#include "two_player_helpers.hpp"

using dilemma::NormalFormGame;
using dilemma::Rational;

TEST_CASE("support_enumeration: the same set as vertex_enumeration, ties included") {
  dilemma::testing::for_random_bimatrices(5, 300, [](const NormalFormGame& game) {
    const auto found = dilemma::support_enumeration<Rational>(game);
    CHECK(found.size() == dilemma::testing::as_set(found).size());
    CHECK(dilemma::testing::as_set(found) ==
          dilemma::testing::as_set(dilemma::vertex_enumeration<Rational>(game)));
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

TEST_CASE("detail::SupportEnumeration: a generator that ends cleanly") {
  dilemma::detail::SupportEnumeration<> search(dilemma::matching_pennies());
  const auto first = search.next();
  REQUIRE(first.has_value());
  CHECK((*first)[0][0] == doctest::Approx(0.5));
  CHECK_FALSE(search.next().has_value());
  CHECK_FALSE(search.next().has_value());
}

TEST_CASE("detail::SupportEnumeration: exact search restarts in wider integers mid-stream") {
  // von Stengel's 6 x 6 game has payoffs near 10^6: 64-bit integer pivoting
  // overflows, and the search replays in 128-bit and arbitrary precision.
  const NormalFormGame game = dilemma::testing::von_stengel_75();
  dilemma::detail::SupportEnumeration<Rational> search(game);
  std::vector<dilemma::testing::ExactProfile> found;
  while (auto profile = search.next()) found.push_back(*profile);
  CHECK(found.size() == 75);
  CHECK(dilemma::testing::as_set(found).size() == 75);
  dilemma::testing::check_exact_equilibria(game, found);
}

TEST_CASE("support_enumeration: streams to a visitor and reports the support pairs searched") {
  std::vector<dilemma::MixedProfile> streamed;
  const auto result = dilemma::support_enumeration(
      dilemma::battle_of_the_sexes(), {}, [&](const dilemma::MixedProfile& profile) { streamed.push_back(profile); });
  CHECK(result.empty());
  CHECK(streamed.size() == 3);
  CHECK(result.report.exhaustive);
  CHECK(result.report.num_iter >= 3);
  CHECK(result.report.method == "support_enumeration");
}

TEST_CASE("support_enumeration: bad input") {
  CHECK(dilemma::testing::error_message([] { dilemma::support_enumeration(dilemma::coordination_game(3, 2)); }) ==
        "support_enumeration: needs a two-player game, got 3 players with action counts (2, 2, 2)");
  CHECK(dilemma::testing::error_message([] { dilemma::support_enumeration(dilemma::matching_pennies(), {-2.0}); }) ==
        "support_enumeration: tol must be in [1e-13, 1e-05] "
        "(relative to the payoff range; rounding noise reads as a sign below, genuine payoff differences read "
        "as zero above; rational=True computes exactly), got -2");
}

TEST_CASE("support_enumeration: an overflow while the polyhedra are built restarts in wider integers") {
  // Payoffs with 17 significant digits: 64-bit pivoting overflows before the search starts.
  for (std::uint64_t seed = 0; seed < 6; ++seed) {
    const NormalFormGame game = dilemma::random_game({2, 2}, seed);
    const auto exact = dilemma::support_enumeration<Rational>(game);
    CHECK(dilemma::testing::as_set(exact) == dilemma::testing::as_set(dilemma::vertex_enumeration<Rational>(game)));
  }
}

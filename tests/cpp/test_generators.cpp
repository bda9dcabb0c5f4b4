#include "dilemma/games/generators.hpp"

#include <cmath>

#include "test_helpers.hpp"

using dilemma::NormalFormGame;

TEST_CASE("random_game: the seed fixes the game, bounds hold") {
  const NormalFormGame a = dilemma::random_game({3, 4}, 42);
  CHECK(a == dilemma::random_game({3, 4}, 42));
  CHECK(a != dilemma::random_game({3, 4}, 43));
  for (double x : a.payoff_data()) CHECK((x >= 0.0 && x < 1.0));
  const NormalFormGame b = dilemma::random_game({5, 5, 5}, 1, 0, 99, true);
  bool saw_low = false, saw_high = false;
  for (double x : b.payoff_data()) {
    CHECK(x == std::floor(x));
    CHECK((x >= 0 && x <= 99));
    saw_low = saw_low || x == 0;
    saw_high = saw_high || x == 99;
  }
  CHECK((saw_low && saw_high));
}

TEST_CASE("random_game: bad bounds are named") {
  CHECK(dilemma::testing::error_message([] { dilemma::random_game({2}, 1, 2.0, 1.0); }) ==
        "random_game: need finite low <= high, got low=2, high=1");
  CHECK(dilemma::testing::error_message([] { dilemma::random_game({2}, 1, 0.5, 1.0, true); })
            .find("integer payoffs need integer bounds") != std::string::npos);
  CHECK(dilemma::testing::error_message([] { dilemma::random_game({}, 1); }) ==
        "random_game: a game needs at least one player, got 0");
}

TEST_CASE("classic games: payoffs as published") {
  // Axelrod (1984): T = 5 > R = 3 > P = 1 > S = 0.
  const NormalFormGame pd = dilemma::prisoners_dilemma();
  CHECK(pd.payoffs_at({0, 0}) == std::vector<double>{3, 3});
  CHECK(pd.payoffs_at({0, 1}) == std::vector<double>{0, 5});
  CHECK(pd.payoffs_at({1, 1}) == std::vector<double>{1, 1});
  CHECK(pd.action_labels(0) == std::vector<std::string>{"cooperate", "defect"});
  const NormalFormGame pennies = dilemma::matching_pennies();
  for (std::size_t k = 0; k < 4; ++k) CHECK(pennies.payoffs(0)[k] == -pennies.payoffs(1)[k]);
  const NormalFormGame bos = dilemma::battle_of_the_sexes();
  CHECK(bos.payoffs_at({0, 0}) == std::vector<double>{2, 1});
  CHECK(bos.payoffs_at({1, 1}) == std::vector<double>{1, 2});
  const NormalFormGame coordination = dilemma::coordination_game(3, 2);
  CHECK(coordination.payoffs_at({1, 1, 1}) == std::vector<double>{1, 1, 1});
  CHECK(coordination.payoffs_at({1, 0, 1}) == std::vector<double>{0, 0, 0});
}

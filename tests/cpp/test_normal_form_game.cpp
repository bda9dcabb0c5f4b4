#include "dilemma/games/normal_form_game.hpp"

#include "test_helpers.hpp"

using dilemma::NormalFormGame;
using dilemma::PureProfile;
using dilemma::testing::error_message;

TEST_CASE("NormalFormGame: payoffs are C-order tensors, last player fastest") {
  NormalFormGame game({2, 3, 4});
  CHECK(game.num_players() == 3);
  CHECK(game.num_profiles() == 24);
  CHECK(game.strides() == std::vector<std::size_t>{12, 4, 1});
  game.set_payoffs({1, 2, 3}, {7.0, 8.0, 9.0});
  CHECK(game.profile_index({1, 2, 3}) == 1 * 12 + 2 * 4 + 3);
  CHECK(game.payoffs(0)[23] == 7.0);
  CHECK(game.payoffs(2)[23] == 9.0);
  CHECK(game.payoff_data()[2 * 24 + 23] == 9.0);
  CHECK(game.payoff(1, {1, 2, 3}) == 8.0);
  CHECK(game.profile_at(23) == PureProfile{1, 2, 3});
  for (std::size_t k = 0; k < game.num_profiles(); ++k) CHECK(game.profile_index(game.profile_at(k)) == k);
}

TEST_CASE("NormalFormGame: advance walks every profile once in C order") {
  NormalFormGame game({2, 1, 3});
  PureProfile profile(3, 0);
  std::size_t visited = 0;
  do {
    CHECK(game.profile_index(profile) == visited);
    ++visited;
  } while (game.advance(profile));
  CHECK(visited == game.num_profiles());
  CHECK(profile == PureProfile{0, 0, 0});
}

TEST_CASE("NormalFormGame: from_function fills every profile") {
  const NormalFormGame game = NormalFormGame::from_function({2, 3}, [](const PureProfile& p) {
    return std::vector<double>{double(10 * p[0] + p[1]), -double(p[1])};
  });
  CHECK(game.payoff(0, {1, 2}) == 12.0);
  CHECK(game.payoff(1, {1, 2}) == -2.0);
  CHECK(game.payoff(0, {0, 0}) == 0.0);
}

TEST_CASE("NormalFormGame: labels default to Gambit's and can be set") {
  NormalFormGame game({2, 3});
  CHECK(game.player_labels() == std::vector<std::string>{"Player 1", "Player 2"});
  CHECK(game.action_labels(1) == std::vector<std::string>{"1", "2", "3"});
  game.set_action_labels(0, {"deny", "confess"});
  CHECK(game.action_labels(0)[1] == "confess");
  CHECK(error_message([&] { game.set_action_labels(0, {"only one"}); }).find("set_action_labels") == 0);
  CHECK(error_message([&] { game.set_player_labels({"a"}); }).find("got 1 labels for 2 players") !=
        std::string::npos);
}

TEST_CASE("NormalFormGame: bad shapes and values are rejected with the value named") {
  CHECK(error_message([] { NormalFormGame game(std::vector<std::size_t>{}); }) ==
        "NormalFormGame: a game needs at least one player, got 0");
  CHECK(error_message([] { NormalFormGame game({2, 0}); }).find("player 1 has 0 actions") !=
        std::string::npos);
  CHECK(error_message([] { NormalFormGame game({2, 2}, std::vector<double>(7)); })
            .find("expected 8 payoffs") != std::string::npos);
  std::vector<double> payoffs(8, 0.0);
  payoffs[5] = std::nan("");
  const std::string nan_message = error_message([&] { NormalFormGame game({2, 2}, payoffs); });
  CHECK(nan_message.find("payoff of player 1 at profile (0, 1) is nan") != std::string::npos);
  NormalFormGame game({2, 2});
  CHECK(error_message([&] { game.set_payoff(0, {0, 0}, HUGE_VAL); }).find("is inf") != std::string::npos);
  CHECK(error_message([&] { game.payoff(0, {0, 2}); }) ==
        "payoff: action 2 of player 1 is out of range; the player has 2 actions");
  CHECK(error_message([&] { game.payoff(0, {0}); }).find("has 1 entries, the game has 2 players") !=
        std::string::npos);
  CHECK(error_message([&] { game.payoff(2, {0, 0}); }).find("player 2 is out of range") != std::string::npos);
}

TEST_CASE("NormalFormGame: a game too large for memory fails before allocating") {
  const std::string message = error_message([] { NormalFormGame game({100000, 100000, 100000}); });
  CHECK(message.find("NormalFormGame: a dense game with action counts (100000, 100000, 100000) needs") == 0);
  CHECK(message.find("needs 24000000000000000 bytes (24 PB), more than the memory limit of") != std::string::npos);
  const std::string overflow =
      error_message([] { NormalFormGame game(std::vector<std::size_t>(70, 2)); });
  CHECK(overflow.find("overflows 64 bits") != std::string::npos);
  // 70 action counts are shown as their first 6 and last 2, with the count
  CHECK(overflow.find("(2, 2, 2, 2, 2, 2, ..., 2, 2) [70 entries]") != std::string::npos);
}

TEST_CASE("subgame: keeps the chosen actions, their payoffs and labels") {
  const NormalFormGame game = NormalFormGame::from_function({3, 2}, [](const PureProfile& p) {
    return std::vector<double>{double(p[0] * 10 + p[1]), 1.0};
  });
  const NormalFormGame sub = dilemma::subgame(game, {{2, 0}, {1}});
  CHECK(sub.nums_actions() == std::vector<std::size_t>{2, 1});
  CHECK(sub.payoff(0, {0, 0}) == 21.0);
  CHECK(sub.payoff(0, {1, 0}) == 1.0);
  CHECK(sub.action_labels(0) == std::vector<std::string>{"3", "1"});
  CHECK(error_message([&] { dilemma::subgame(game, {{}, {0}}); }) == "subgame: player 0 keeps no action");
  CHECK(error_message([&] { dilemma::subgame(game, {{3}, {0}}); }).find("action 3 of player 0") !=
        std::string::npos);
}

TEST_CASE("NormalFormGame: equality ignores labels; approx_equal uses a tolerance") {
  NormalFormGame a({2, 2}), b({2, 2});
  b.set_title("other");
  CHECK(a == b);
  b.set_payoff(1, {1, 1}, 1e-9);
  CHECK(a != b);
  CHECK(a.approx_equal(b, 1e-8));
  CHECK_FALSE(a.approx_equal(b, 1e-10));
}

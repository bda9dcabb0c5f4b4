#include "dilemma/profiles/mixed_profile.hpp"

#include <cmath>

#include "dilemma/games/generators.hpp"
#include "test_helpers.hpp"

using dilemma::MixedProfile;
using dilemma::NormalFormGame;
using dilemma::testing::error_message;

TEST_CASE("validate_mixed_profile: accepts probability vectors within the tolerance") {
  const NormalFormGame game({2, 3});
  dilemma::validate_mixed_profile("f", game, MixedProfile{{0.5, 0.5}, {0.2, 0.3, 0.5}});
  dilemma::validate_mixed_profile("f", game, MixedProfile{{1.0 + 1e-12, -1e-12}, {0.0, 0.0, 1.0}});
  CHECK(error_message([&] {
          dilemma::validate_mixed_profile("f", game, MixedProfile{{1.0 + 1e-6, 0.0}, {0, 0, 1}});
        }).find("f: probabilities of player 0 sum to 1.000001") == 0);
  dilemma::validate_mixed_profile("f", game, MixedProfile{{1.0 + 1e-6, 0.0}, {0, 0, 1}}, 1e-5);
}

TEST_CASE("validate_mixed_profile: bad profiles name the function and the value") {
  const NormalFormGame game = dilemma::matching_pennies();
  const auto check = [&](const MixedProfile& x) {
    return error_message([&] { dilemma::validate_mixed_profile("g", game, x); });
  };
  CHECK(check({{1.0, 0.0}}) == "g: mixed profile has 1 strategies, the game has 2 players");
  CHECK(check({{1.0, 0.0}, {1.0}}) ==
        "g: strategy of player 1 has 1 probabilities, the player has 2 actions");
  CHECK(check({{0.5, 0.6}, {1.0, 0.0}}).find("g: probabilities of player 0 sum to 1.1") == 0);
  CHECK(check({{std::nan(""), 1.0}, {1.0, 0.0}}) ==
        "g: probability of action 0 of player 0 is nan; probabilities must be finite and nonnegative");
  CHECK(check({{-0.5, 1.5}, {1.0, 0.0}}).find("is -0.5") != std::string::npos);
  CHECK(check({{0.5, 0.5}, {HUGE_VAL, 0.0}}).find("player 1 is inf") != std::string::npos);
}

TEST_CASE("to_mixed and uniform_profile: build valid profiles") {
  const NormalFormGame game({2, 3, 1});
  const MixedProfile pure = dilemma::to_mixed(game, {1, 2, 0});
  CHECK(pure == MixedProfile{{0, 1}, {0, 0, 1}, {1}});
  const MixedProfile uniform = dilemma::uniform_profile(game);
  CHECK(uniform[1][2] == doctest::Approx(1.0 / 3));
  dilemma::validate_mixed_profile("test", game, uniform);
  CHECK(error_message([&] { dilemma::to_mixed(game, {2, 0, 0}); }).find("to_mixed: action 2 of player 0") == 0);
}

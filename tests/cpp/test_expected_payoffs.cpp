#include "dilemma/profiles/expected_payoffs.hpp"

#include "dilemma/games/generators.hpp"
#include <random>

#include "test_helpers.hpp"
#include "two_player_helpers.hpp"

using dilemma::MixedProfile;
using dilemma::NormalFormGame;
using dilemma::PureProfile;
using dilemma::testing::error_message;

namespace {

// Expected payoff of `player` playing `action` by summing over all profiles.
double reference_action_payoff(const NormalFormGame& game, const MixedProfile& x, std::size_t player,
                               std::size_t action) {
  double total = 0.0;
  PureProfile profile(game.num_players(), 0);
  do {
    if (profile[player] != action) continue;
    double weight = 1.0;
    for (std::size_t j = 0; j < game.num_players(); ++j)
      if (j != player) weight *= x[j][profile[j]];
    total += weight * game.payoff(player, profile);
  } while (game.advance(profile));
  return total;
}

MixedProfile random_profile(const NormalFormGame& game, std::uint64_t seed, bool with_zeros) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> draw(0.0, 1.0);
  MixedProfile x(game.num_players());
  for (std::size_t i = 0; i < x.size(); ++i) {
    double sum = 0.0;
    for (std::size_t a = 0; a < game.nums_actions()[i]; ++a) {
      const double p = with_zeros && draw(engine) < 0.3 ? 0.0 : draw(engine) + 1e-3;
      x[i].push_back(p);
      sum += p;
    }
    if (sum == 0.0) x[i][0] = sum = 1.0;
    for (double& p : x[i]) p /= sum;
  }
  return x;
}

}  // namespace

TEST_CASE("action_payoffs: equals the sum over all profiles on random games") {
  const std::vector<std::vector<std::size_t>> shapes = {{2, 3}, {3, 2, 4}, {2, 2, 2, 2, 2}, {4}, {1, 3, 1}};
  std::uint64_t seed = 10;
  for (const auto& shape : shapes)
    for (int trial = 0; trial < 5; ++trial) {
      const NormalFormGame game = dilemma::random_game(shape, seed, -5, 5);
      const MixedProfile x = random_profile(game, seed++, trial % 2 == 1);
      const auto values = dilemma::action_payoffs(game, x);
      const auto expected = dilemma::expected_payoffs(game, x);
      for (std::size_t i = 0; i < game.num_players(); ++i) {
        double mixed_value = 0.0;
        for (std::size_t a = 0; a < game.nums_actions()[i]; ++a) {
          CHECK(values[i][a] == doctest::Approx(reference_action_payoff(game, x, i, a)).epsilon(1e-12));
          mixed_value += x[i][a] * values[i][a];
        }
        CHECK(expected[i] == doctest::Approx(mixed_value).epsilon(1e-12));
      }
    }
}

TEST_CASE("action_payoffs: a pure profile gives the same values as its mixed form") {
  const NormalFormGame game = dilemma::random_game({3, 2, 4}, 5);
  PureProfile profile(3, 0);
  do {
    const auto pure = dilemma::action_payoffs(game, profile);
    const auto mixed = dilemma::action_payoffs(game, dilemma::to_mixed(game, profile));
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t a = 0; a < pure[i].size(); ++a) CHECK(pure[i][a] == doctest::Approx(mixed[i][a]));
    CHECK(dilemma::regret(game, profile) ==
          doctest::Approx(dilemma::regret(game, dilemma::to_mixed(game, profile))));
  } while (game.advance(profile));
}

TEST_CASE("is_nash: matching pennies' unique equilibrium is uniform mixing") {
  const NormalFormGame game = dilemma::matching_pennies();
  const MixedProfile uniform = dilemma::uniform_profile(game);
  CHECK(dilemma::regret(game, uniform) == doctest::Approx(0.0));
  CHECK(dilemma::is_nash(game, uniform));
  const MixedProfile off = {{0.6, 0.4}, {0.5, 0.5}};
  // Player 2 gains 0.2 by switching to tails: 0.2 - (-0.2 * 0.5 + 0.2 * 0.5) = 0.2.
  CHECK(dilemma::regret(game, off) == doctest::Approx(0.2));
  CHECK_FALSE(dilemma::is_nash(game, off));
  CHECK(dilemma::is_nash(game, off, 0.2 + 1e-12));
  CHECK(dilemma::best_responses(game, off, 1) == std::vector<std::size_t>{1});
  CHECK(dilemma::best_responses(game, uniform, 0) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("is_nash: the mixed equilibrium of battle of the sexes") {
  // Luce & Raiffa's payoffs: player 1 mixes (2/3, 1/3), player 2 (1/3, 2/3).
  const NormalFormGame game = dilemma::battle_of_the_sexes();
  const MixedProfile equilibrium = {{2.0 / 3, 1.0 / 3}, {1.0 / 3, 2.0 / 3}};
  CHECK(dilemma::is_nash(game, equilibrium, 1e-12));
  const auto payoffs = dilemma::expected_payoffs(game, equilibrium);
  CHECK(payoffs[0] == doctest::Approx(2.0 / 3));
  CHECK(payoffs[1] == doctest::Approx(2.0 / 3));
  CHECK(dilemma::is_nash(game, PureProfile{0, 0}));
  CHECK_FALSE(dilemma::is_nash(game, PureProfile{0, 1}));
}

TEST_CASE("is_nash: every profile of a payoff-invariant game has zero regret") {
  const NormalFormGame game = dilemma::testing::constant_game({3, 3, 3}, -10.0);
  for (std::uint64_t seed = 0; seed < 10; ++seed)
    CHECK(dilemma::regret(game, random_profile(game, seed, seed % 2)) == doctest::Approx(0.0));
}

TEST_CASE("is_nash: bad tolerances and players are named") {
  const NormalFormGame game = dilemma::matching_pennies();
  CHECK(error_message([&] { dilemma::is_nash(game, PureProfile{0, 1}, -1.0); }) ==
        "is_nash: tol must be finite and >= 0, got -1");
  CHECK(error_message([&] { dilemma::best_responses(game, PureProfile{0, 1}, 2); })
            .find("best_responses: player 2 is out of range") == 0);
  CHECK(error_message([&] { dilemma::regret(game, MixedProfile{{1.0, 0.0}}); }) ==
        "regret: mixed profile has 1 strategies, the game has 2 players");
}

TEST_CASE("regret: payoffs near 2^53 keep their differences (the midpoint is removed before summing)") {
  // Integers 2^53 - k are exact doubles, but u * x summed over a mixed profile
  // rounds to multiples of 1 there: regret would see no difference at all.
  const double top = std::ldexp(1.0, 53);
  const double A[3][3] = {{0, 3, 1}, {2, 0, 3}, {1, 2, 0}}, B[3][3] = {{3, 0, 2}, {0, 2, 1}, {2, 1, 3}};
  const auto make = [&](double offset) {
    return NormalFormGame::from_function({3, 3}, [&](const PureProfile& a) {
      return std::vector<double>{offset - A[a[0]][a[1]], offset - B[a[0]][a[1]]};
    });
  };
  const NormalFormGame near_top = make(top), shifted = make(0.0);
  const MixedProfile uniform{{1.0 / 3, 1.0 / 3, 1.0 / 3}, {1.0 / 3, 1.0 / 3, 1.0 / 3}};
  CHECK(dilemma::regret(shifted, uniform) == doctest::Approx(5.0 / 9));
  CHECK(dilemma::regret(near_top, uniform) == doctest::Approx(dilemma::regret(shifted, uniform)).epsilon(1e-12));
  CHECK(dilemma::best_responses(near_top, uniform, 0) == dilemma::best_responses(shifted, uniform, 0));
  // 2^53 - 4/3 itself is not a double: the nearest ones are 1 apart
  const auto values = dilemma::expected_payoffs(near_top, uniform);
  CHECK(std::abs(values[0] - top - dilemma::expected_payoffs(shifted, uniform)[0]) <= 1.0);
}

TEST_CASE("regret: profiles as Gambit prints them (six decimals) are normalized, farther off refused") {
  // Rock-paper-scissors: the uniform profile, printed as NE,0.333333,0.333333,0.333333,...
  const NormalFormGame rps =
      dilemma::testing::bimatrix_game({{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}}, {{0, 1, -1}, {-1, 0, 1}, {1, -1, 0}});
  const dilemma::MixedProfile printed{{0.333333, 0.333333, 0.333333}, {0.333333, 0.333333, 0.333333}};
  CHECK(dilemma::regret(rps, printed) <= 1e-12);
  CHECK(dilemma::is_nash(rps, printed));
  const dilemma::MixedProfile off{{0.33, 0.33, 0.33}, {1.0 / 3, 1.0 / 3, 1.0 / 3}};
  CHECK(dilemma::testing::error_message([&] { dilemma::regret(rps, off); }) ==
        "regret: probabilities of player 0 sum to 0.99, not 1");
}

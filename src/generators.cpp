#include "dilemma/games/generators.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace dilemma {

NormalFormGame random_game(const std::vector<std::size_t>& nums_actions, std::uint64_t random_state,
                           double low, double high, bool integer) {
  if (!std::isfinite(low) || !std::isfinite(high) || !(low <= high))
    detail::fail("random_game", "need finite low <= high, got low=", low, ", high=", high);
  if (integer && (std::abs(low) > 9007199254740992.0 || std::abs(high) > 9007199254740992.0))
    detail::fail("random_game", "integer payoffs need bounds within +-2^53, got low=", low, ", high=", high);
  if (integer && (low != std::floor(low) || high != std::floor(high)))
    detail::fail("random_game", "integer payoffs need integer bounds, got low=", low,
                 ", high=", high);
  const std::size_t num_profiles = detail::checked_num_profiles("random_game", nums_actions);
  detail::check_fits_in_memory("random_game", num_profiles, nums_actions.size() * sizeof(double),
                               "a random game with action counts " +
                                   detail::format_tuple(nums_actions));
  std::vector<double> payoffs(num_profiles * nums_actions.size());
  std::mt19937_64 engine(random_state);
  if (integer) {
    std::uniform_int_distribution<long long> draw(static_cast<long long>(low),
                                                  static_cast<long long>(high));
    for (double& value : payoffs) value = static_cast<double>(draw(engine));
  } else {
    std::uniform_real_distribution<double> draw(low, high);
    for (double& value : payoffs) value = low == high ? low : draw(engine);
  }
  return NormalFormGame(nums_actions, std::move(payoffs));
}

namespace {

NormalFormGame two_by_two(const char* title, std::vector<double> row, std::vector<double> column,
                          std::vector<std::string> row_labels,
                          std::vector<std::string> column_labels) {
  std::vector<double> payoffs = std::move(row);
  payoffs.insert(payoffs.end(), column.begin(), column.end());
  NormalFormGame game({2, 2}, std::move(payoffs));
  game.set_title(title);
  game.set_action_labels(0, std::move(row_labels));
  game.set_action_labels(1, std::move(column_labels));
  return game;
}

}  // namespace

NormalFormGame prisoners_dilemma() {
  return two_by_two("Prisoner's dilemma", {3, 0, 5, 1}, {3, 5, 0, 1}, {"cooperate", "defect"},
                    {"cooperate", "defect"});
}

NormalFormGame matching_pennies() {
  return two_by_two("Matching pennies", {1, -1, -1, 1}, {-1, 1, 1, -1}, {"heads", "tails"},
                    {"heads", "tails"});
}

NormalFormGame battle_of_the_sexes() {
  return two_by_two("Battle of the sexes", {2, 0, 0, 1}, {1, 0, 0, 2}, {"opera", "football"},
                    {"opera", "football"});
}

NormalFormGame coordination_game(std::size_t num_players, std::size_t num_actions) {
  std::vector<std::size_t> nums(num_players, num_actions);
  NormalFormGame game = NormalFormGame::from_function(nums, [&](const PureProfile& profile) {
    const bool all_same =
        std::all_of(profile.begin(), profile.end(), [&](std::size_t a) { return a == profile[0]; });
    return std::vector<double>(profile.size(), all_same ? 1.0 : 0.0);
  });
  game.set_title("Coordination game");
  return game;
}

}  // namespace dilemma

// Security (maxmin) levels in pure strategies.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "dilemma/analysis/dominance.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"

namespace dilemma {

/// For each action a of `player`: the worst payoff a can bring,
/// min over the others' pure profiles of u_i(a, a_{-i}). The player's pure
/// security level is the largest entry.
/// Complexity: O(P) time for P profiles (one pass over the player's tensor),
/// O(m) memory for the player's m actions. \sa security_strategies
inline std::vector<double> security_levels(const NormalFormGame& game, std::size_t player) {
  detail::check_action("security_levels", game, player, 0);
  const double* u = game.payoffs(player);
  const std::size_t stride = game.strides()[player], m = game.nums_actions()[player];
  std::vector<double> worst(m, HUGE_VAL);
  detail::for_each_fiber(game, player, [&](std::size_t base) {
    for (std::size_t a = 0; a < m; ++a) worst[a] = std::min(worst[a], u[base + a * stride]);
  });
  return worst;
}

/// For each action a: min over the others' count vectors m of u(a, m).
/// Complexity: s * C(n + s - 2, s - 1) payoff evaluations, O(s) memory.
inline std::vector<double> security_levels(const SymmetricGame& game) {
  std::vector<double> worst(game.num_actions(), HUGE_VAL);
  game.for_each_payoff_row([&](const Counts&, const std::vector<double>& u) {
    for (std::size_t a = 0; a < worst.size(); ++a) worst[a] = std::min(worst[a], u[a]);
  });
  return worst;
}

}  // namespace dilemma

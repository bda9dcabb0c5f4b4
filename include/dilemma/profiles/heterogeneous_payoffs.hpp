// Expected payoffs in a symmetric (anonymous) game when every player mixes
// differently: the others' counts follow a Poisson-multinomial distribution.
#pragma once

#include <algorithm>
#include <vector>

#include "dilemma/core/combinatorics.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/profiles/symmetric_payoffs.hpp"

namespace dilemma {

/// One strategy per player: profile[i][a] = probability that player i plays a.
using HeterogeneousProfile = std::vector<std::vector<double>>;

namespace detail {

/// Distribution over the count vectors of `total` players (by rank),
/// extended by one more player who mixes with x: O(|M| s^2).
inline std::vector<double> add_player(const CountVectors& table, const std::vector<double>& distribution,
                                      std::size_t total, const std::vector<double>& x) {
  const std::size_t s = x.size();
  std::vector<double> next(table.size(total + 1), 0.0);
  Counts m(s, 0);
  m[s - 1] = total;
  std::size_t r = 0;
  do {
    const double p = distribution[r++];
    if (p == 0) continue;
    for (std::size_t b = 0; b < s; ++b) {
      if (x[b] == 0) continue;
      ++m[b];
      next[table.rank(m.data(), total + 1)] += p * x[b];
      --m[b];
    }
  } while (table.next(m));
  return next;
}

/// Leave-one-out by divide and conquer: `distribution` covers every player
/// outside [lo, hi); each half is solved after adding the other half's
/// players. O(n log n) player additions.
inline void leave_one_out(const SymmetricGame& game, const HeterogeneousProfile& profile, const CountVectors& table,
                          std::size_t lo, std::size_t hi, const std::vector<double>& distribution, std::size_t total,
                          std::vector<std::vector<double>>& values) {
  const std::size_t s = game.num_actions();
  if (hi - lo == 1) {
    values[lo].assign(s, 0.0);
    Counts m(s, 0);
    m[s - 1] = total;
    std::size_t r = 0;
    do {
      const double p = distribution[r++];
      if (p != 0)
        for (std::size_t a = 0; a < s; ++a) values[lo][a] += p * game.payoff_at(a, m);
    } while (table.next(m));
    return;
  }
  const std::size_t mid = lo + (hi - lo) / 2;
  std::vector<double> left = distribution, right = distribution;
  std::size_t left_total = total, right_total = total;
  for (std::size_t j = mid; j < hi; ++j) left = add_player(table, left, left_total++, profile[j]);
  for (std::size_t j = lo; j < mid; ++j) right = add_player(table, right, right_total++, profile[j]);
  leave_one_out(game, profile, table, lo, mid, left, left_total, values);
  leave_one_out(game, profile, table, mid, hi, right, right_total, values);
}

}  // namespace detail

/// values[i][a] = expected payoff of player i playing a while every other
/// player j mixes with profile[j]. The others' counts are convolved player by
/// player, leaving each one out by divide and conquer.
/// Complexity: O(n log n) player additions of O(C s^2) time each, plus
/// n * s * C payoff evaluations, for n players, s actions and
/// C = C(n + s - 2, s - 1) count vectors of the others; O(C log n + n s) memory.
/// \sa action_payoffs(const SymmetricGame&, const std::vector<double>&) for
/// the cheaper case where everybody mixes the same way.
inline std::vector<std::vector<double>> action_payoffs(const SymmetricGame& game, const HeterogeneousProfile& given) {
  const std::size_t n = game.num_players();
  if (given.size() != n)
    detail::fail("action_payoffs", "profile has ", given.size(), " strategies, the game has ", n, " players");
  HeterogeneousProfile profile;
  for (const auto& x : given) profile.push_back(normalized_strategy("action_payoffs", game, x));
  const CountVectors table(game.num_actions(), n - 1);
  std::vector<std::vector<double>> values(n);
  detail::leave_one_out(game, profile, table, 0, n, std::vector<double>{1.0}, 0, values);
  return values;
}

/// Each player's gain from the best deviation.
/// Complexity: as action_payoffs, O(n log n * C s^2) time plus n * s * C
/// payoff evaluations.
inline std::vector<double> regrets(const SymmetricGame& game, const HeterogeneousProfile& profile) {
  const auto values = action_payoffs(game, profile);
  std::vector<double> result(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    result[i] = std::max(0.0, detail::max_of(values[i]) - detail::dot(profile[i], values[i]));
  return result;
}

/// True when no player gains more than tol * payoff_range(game) by deviating.
/// Complexity: as regrets, O(n log n * C s^2) time plus n * s * C payoff evaluations.
inline bool is_nash(const SymmetricGame& game, const HeterogeneousProfile& profile, double tol = kNashTolerance) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("is_nash", "tol must be finite and >= 0, got ", tol);
  const double r = detail::max_of(regrets(game, profile));
  return r <= 0 || (tol > 0 && r <= tol * payoff_range(game));
}

/// Actions of `player` within tol of the best reply to the others' strategies.
/// Complexity: as action_payoffs (all players' values are computed).
inline std::vector<std::size_t> best_responses(const SymmetricGame& game, const HeterogeneousProfile& profile,
                                               std::size_t player, double tol = 0.0) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("best_responses", "tol must be finite and >= 0, got ", tol);
  if (player >= game.num_players())
    detail::fail("best_responses", "player ", player, " is out of range; the game has ", game.num_players(), " players");
  const std::vector<double> values = action_payoffs(game, profile)[player];
  const double best = detail::max_of(values);
  std::vector<std::size_t> actions;
  for (std::size_t a = 0; a < values.size(); ++a)
    if (best - values[a] <= tol) actions.push_back(a);
  return actions;
}

}  // namespace dilemma

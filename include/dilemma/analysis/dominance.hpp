// Dominance between pure strategies and iterated elimination of strictly
// dominated pure strategies. (Dominance by mixed strategies needs an LP.)
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"

namespace dilemma {

/// Strict: better against every opponents' profile. Weak: never worse and
/// better against at least one.
enum class Dominance { strict, weak };

namespace detail {

template <class Scalar>
void check_action(const char* function, const BasicNormalFormGame<Scalar>& game,
                  std::size_t player, std::size_t action) {
  if (player >= game.num_players())
    fail(function, "player ", player, " is out of range; the game has ", game.num_players(),
         " players");
  if (action >= game.nums_actions()[player])
    fail(function, "action ", action, " of player ", player, " is out of range; the player has ",
         game.nums_actions()[player], " actions");
}

}  // namespace detail

/// True when `action` dominates `other` for `player`: by more than `tol`
/// everywhere (strict), or by at least -tol everywhere and more than `tol`
/// somewhere (weak).
/// Complexity: O(P / m) time for P profiles and the player's m actions
/// (stops at the first violation), O(1) extra memory.
template <class Scalar>
bool dominates(const BasicNormalFormGame<Scalar>& game, std::size_t player, std::size_t action,
               std::size_t other, Dominance kind = Dominance::strict,
               const typename BasicNormalFormGame<Scalar>::scalar_type& tol = Scalar(0)) {
  detail::check_action("dominates", game, player, action);
  detail::check_action("dominates", game, player, other);
  if (!is_finite_scalar(tol) || tol < Scalar(0))
    detail::fail("dominates", "tol must be finite and >= 0, got ", tol);
  if (action == other) return false;
  const Scalar* u = game.payoffs(player);
  const std::size_t stride = game.strides()[player];
  const std::size_t block = game.nums_actions()[player] * stride;
  bool better_somewhere = false;
  for (std::size_t start = 0; start < game.num_profiles(); start += block) {
    const Scalar* mine = u + start + action * stride;
    const Scalar* theirs = u + start + other * stride;
    for (std::size_t r = 0; r < stride; ++r) {
      const Scalar gain = mine[r] - theirs[r];
      if (kind == Dominance::strict ? !(gain > tol) : gain < -tol) return false;
      if (gain > tol) better_somewhere = true;
    }
  }
  return better_somewhere;
}

/// Actions of `player` dominated (in the given sense) by another pure action.
/// Complexity: O(m * P) time, m^2 calls of dominates. \sa is_dominated
template <class Scalar>
std::vector<std::size_t> dominated_actions(
    const BasicNormalFormGame<Scalar>& game, std::size_t player,
    Dominance kind = Dominance::strict,
    const typename BasicNormalFormGame<Scalar>::scalar_type& tol = Scalar(0)) {
  detail::check_action("dominated_actions", game, player, 0);
  std::vector<std::size_t> dominated;
  const std::size_t m = game.nums_actions()[player];
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = 0; b < m; ++b)
      if (dominates(game, player, b, a, kind, tol)) {
        dominated.push_back(a);
        break;
      }
  return dominated;
}

/// The reduced game and, per player, the original index of each kept action.
template <class Scalar>
struct BasicElimination {
  BasicNormalFormGame<Scalar> game;
  std::vector<std::vector<std::size_t>> original_actions;
  std::size_t rounds = 0;  ///< rounds that removed at least one action
};
using Elimination = BasicElimination<double>;

namespace detail {

/// Iterated elimination where dominated(game, player, action) decides
/// removal; each round removes every dominated action of every player at once.
template <class Scalar, class Dominated>
BasicElimination<Scalar> eliminate(const BasicNormalFormGame<Scalar>& game, Dominated&& dominated) {
  BasicElimination<Scalar> result{game, {}, 0};
  result.original_actions.resize(game.num_players());
  for (std::size_t i = 0; i < game.num_players(); ++i)
    for (std::size_t a = 0; a < game.nums_actions()[i]; ++a) result.original_actions[i].push_back(a);
  for (;;) {
    std::vector<std::vector<std::size_t>> kept(game.num_players());
    bool removed = false;
    for (std::size_t i = 0; i < game.num_players(); ++i)
      for (std::size_t a = 0; a < result.game.nums_actions()[i]; ++a) {
        if (dominated(static_cast<const BasicNormalFormGame<Scalar>&>(result.game), i, a))
          removed = true;
        else
          kept[i].push_back(a);
      }
    if (!removed) return result;
    result.game = subgame(result.game, kept);
    for (std::size_t i = 0; i < game.num_players(); ++i) {
      std::vector<std::size_t> original;
      for (std::size_t a : kept[i]) original.push_back(result.original_actions[i][a]);
      result.original_actions[i] = std::move(original);
    }
    ++result.rounds;
  }
}

}  // namespace detail

/// Iterated elimination of strictly dominated pure strategies. Each round
/// removes every strictly dominated action of every player at once; the
/// result does not depend on the order (strict dominance is order-independent).
/// Complexity: O(P * sum_i m_i) time per round (on the shrinking game, plus
/// an O(n * P) subgame), at most sum_i (m_i - 1) rounds; O(n * P) memory.
/// \sa iterated_mixed_elimination
template <class Scalar>
BasicElimination<Scalar> iterated_elimination(
    const BasicNormalFormGame<Scalar>& game,
    const typename BasicNormalFormGame<Scalar>::scalar_type& tol = Scalar(0)) {
  if (!is_finite_scalar(tol) || tol < Scalar(0))
    detail::fail("iterated_elimination", "tol must be finite and >= 0, got ", tol);
  return detail::eliminate(game, [&](const BasicNormalFormGame<Scalar>& reduced, std::size_t i, std::size_t a) {
    for (std::size_t b = 0; b < reduced.nums_actions()[i]; ++b)
      if (dominates(reduced, i, b, a, Dominance::strict, tol)) return true;
    return false;
  });
}

/// True when `action` dominates `other` in a symmetric game: u(action, m)
/// versus u(other, m) over every count vector m of the others, in the same
/// sense as for dense games.
/// Complexity: at most 2 C payoff evaluations, C = C(n + s - 2, s - 1) count
/// vectors of the others (stops at the first violation), O(s) memory.
inline bool dominates(const SymmetricGame& game, std::size_t action, std::size_t other,
                      Dominance kind = Dominance::strict, double tol = 0.0) {
  game.check_action("dominates", action);
  game.check_action("dominates", other);
  if (!std::isfinite(tol) || tol < 0) detail::fail("dominates", "tol must be finite and >= 0, got ", tol);
  if (action == other) return false;
  bool better_somewhere = false;
  Counts m = game.others().first();
  std::size_t r = 0;
  do {
    const double gain = game.payoff_at_rank(action, r, m) - game.payoff_at_rank(other, r, m);
    if (kind == Dominance::strict ? !(gain > tol) : gain < -tol) return false;
    if (gain > tol) better_somewhere = true;
    ++r;
  } while (game.others().next(m));
  return better_somewhere;
}

/// Actions of a symmetric game dominated by another pure action.
/// Complexity: s^2 calls of dominates, at most 2 s^2 C payoff evaluations.
inline std::vector<std::size_t> dominated_actions(const SymmetricGame& game, Dominance kind = Dominance::strict,
                                                  double tol = 0.0) {
  std::vector<std::size_t> dominated;
  for (std::size_t a = 0; a < game.num_actions(); ++a)
    for (std::size_t b = 0; b < game.num_actions(); ++b)
      if (dominates(game, b, a, kind, tol)) {
        dominated.push_back(a);
        break;
      }
  return dominated;
}

}  // namespace dilemma

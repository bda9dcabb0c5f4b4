// Dominance by mixed strategies, iterated elimination with it, and mixed
// security (maxmin) strategies of n-player games, by linear programming.
//
// Strict: action a of player i is strictly dominated by a mixture sigma of
// its other actions iff the matrix game D[b][r] = u_i(b, r) - u_i(a, r)
// (rows b != a, columns r the others' pure profiles) has a positive value,
// max_sigma min_r sum_b sigma_b D[b][r] > 0; the row player's optimal
// strategy is the dominating mixture. (An action may be dominated by a
// mixture and by no pure action: the textbook 3 x 2 example is in
// tests/cpp/test_mixed_dominance.cpp.)
//
// Weak: with the constraint g_r = sum_b sigma_b D[b][r] >= -tol written
// homogeneously, sum_b sigma_b (D[b][r] + tol) >= 0, the program
// max sum_r g_r s.t. those rows, sum sigma <= 1, sigma >= 0 starts at the
// origin; the action is weakly dominated iff its optimum has g_r > tol for
// some r (the optimum sum is positive iff some feasible mixture is better
// somewhere); with tol > 0 a mixture that is better by more than tol only
// where another has a smaller total is missed. A strict dominance is a weak
// one, so the matrix game is solved first. In floating point every
// comparison allows kBimatrixTolerance times the gains' range on top of tol:
// at an optimum some gains are exactly 0 and come out as +-1e-17.
//
// Mixed security: player i's maxmin strategy against the others' pure
// profiles (the worst case of a mixed strategy is attained at a pure
// profile of the others) is the row strategy of the matrix game of
// u_i(a, r), solved as in solvers/zero_sum.hpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "dilemma/analysis/dominance.hpp"
#include "dilemma/analysis/security.hpp"
#include "dilemma/detail/linear_program.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/solvers/correlated_equilibrium.hpp"
#include "dilemma/solvers/zero_sum.hpp"

namespace dilemma {

/// The outcome of a test for dominance by a mixed strategy.
struct MixedDominance {
  bool dominated = false;
  /// A dominating mixture over all the player's actions (0 on the tested
  /// action); empty when not dominated.
  std::vector<double> strategy;
  /// Strict: min over the others' profiles of the mixture's gain over the
  /// action (the value of the matrix game). Weak: the largest gain.
  double margin = 0;
};

namespace detail {

/// The player's own payoffs as an m x (P / m) matrix, columns the others'
/// profiles.
inline std::vector<double> own_matrix(const NormalFormGame& game, std::size_t player) {
  const double* u = game.payoffs(player);
  const std::size_t m = game.nums_actions()[player], stride = game.strides()[player];
  std::vector<double> matrix;
  matrix.reserve(game.num_profiles());
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t start = 0; start < game.num_profiles(); start += m * stride)
      for (std::size_t r = 0; r < stride; ++r) matrix.push_back(u[start + a * stride + r]);
  return matrix;
}

inline void check_dominance_tol(const char* function, double tol) {
  if (!std::isfinite(tol) || tol < 0) fail(function, "tol must be finite and >= 0, got ", tol);
}

/// The mixture `sigma`'s least and largest gain over the action.
inline std::pair<double, double> gain_bounds(std::size_t rows, std::size_t columns, const std::vector<double>& gains,
                                             const std::vector<double>& sigma) {
  double worst = HUGE_VAL, best = -HUGE_VAL;
  for (std::size_t r = 0; r < columns; ++r) {
    double g = 0;
    for (std::size_t j = 0; j < rows; ++j) g += sigma[j] * gains[j * columns + r];
    worst = std::min(worst, g);
    best = std::max(best, g);
  }
  return {worst, best};
}

/// Mixed dominance of `action` by the other rows of `own` (m x columns,
/// row-major: the player's payoffs against the others' profiles).
///
/// The gains D[b][r] = u(b, r) - u(action, r) are formed from payoffs times
/// a power of two that brings them into (-1, 1): exact, and no difference
/// overflows (payoffs near DBL_MAX). The linear programs decide signs within
/// kBimatrixTolerance of the gains' range, so a gain must exceed
/// tol + kBimatrixTolerance * range to count: at tol = 0 an exact tie (a
/// constraint binding at the optimum, whose computed gain is +-1e-17) is a tie,
/// and a strict dominance found by the matrix game is also a weak one.
inline MixedDominance mixed_dominance_of(const std::vector<double>& own, std::size_t m, std::size_t action,
                                         Dominance kind, double tol) {
  MixedDominance result;
  const std::size_t rows = m - 1, columns = m == 0 ? 0 : own.size() / m;
  if (rows == 0) return result;
  double largest = 0;
  for (double u : own) largest = std::max(largest, std::fabs(u));
  const double unit = unit_for_magnitude(largest);
  std::vector<double> gains;
  gains.reserve(rows * columns);
  for (std::size_t b = 0; b < m; ++b)
    if (b != action)
      for (std::size_t r = 0; r < columns; ++r)
        gains.push_back(own[b * columns + r] * unit - own[action * columns + r] * unit);
  double range = 0;
  for (double g : gains) range = std::max(range, std::fabs(g));
  if (range == 0) return result;
  const double scaled_tol = tol * unit, noise = kBimatrixTolerance * range;
  // Strict: the value of the matrix game D. Weak: a strict dominance is one too.
  auto game = solve_matrix_game<double>(rows, columns, gains, kBimatrixTolerance);
  std::vector<double> sigma = std::move(game.row_strategy);
  auto [worst, best] = gain_bounds(rows, columns, gains, sigma);
  // No gain exceeds a tol of the range or more: the weak program is not needed (nor finite).
  if (kind == Dominance::weak && !(worst > scaled_tol + noise) && scaled_tol < range) {
    // max sum_r g_r s.t. -sum_b sigma_b (D[b][r] + tol) <= 0 (over the range), sum sigma <= 1.
    std::vector<double> M(columns * rows), b(columns + 1, 0.0), c(rows, 0.0);
    for (std::size_t r = 0; r < columns; ++r)
      for (std::size_t j = 0; j < rows; ++j) M[r * rows + j] = -(gains[j * columns + r] + scaled_tol) / range;
    M.insert(M.end(), rows, 1.0);
    b[columns] = 1.0;
    for (std::size_t j = 0; j < rows; ++j)
      for (std::size_t r = 0; r < columns; ++r) c[j] += gains[j * columns + r] / range;
    const auto solution = maximize_dantzig(columns + 1, rows, M, b, c, kBimatrixTolerance);
    double sum = 0;
    for (double p : solution.primal) sum += p;
    if (!(sum > 0)) return result;
    sigma = solution.primal;
    for (double& p : sigma) p /= sum;
    std::tie(worst, best) = gain_bounds(rows, columns, gains, sigma);
  }
  result.dominated = kind == Dominance::strict ? worst > scaled_tol + noise
                                               : worst >= -scaled_tol - noise && best > scaled_tol + noise;
  result.margin = (kind == Dominance::strict ? worst : best) / unit;  // payoff units (inf only beyond DBL_MAX)
  if (result.dominated) result.strategy = std::move(sigma);
  return result;
}

/// The maxmin strategy of the row player of `own` (rows x columns) and
/// its worst-case payoff over the columns, in Scalar's arithmetic.
template <class Scalar>
BasicSecurityStrategy<Scalar> mixed_security(std::size_t rows, std::size_t columns, const std::vector<Scalar>& own) {
  BasicSecurityStrategy<Scalar> security{solve_matrix_game<Scalar>(rows, columns, own, kBimatrixTolerance).row_strategy,
                                         Scalar(0)};
  for (std::size_t r = 0; r < columns; ++r) {
    Scalar value(0);
    for (std::size_t a = 0; a < rows; ++a) value += security.strategy[a] * own[a * columns + r];
    if (r == 0 || value < security.level) security.level = value;
  }
  return security;
}

/// The best row of `own` (rows x columns) by its worst entry, as a
/// one-point strategy.
template <class Scalar>
BasicSecurityStrategy<Scalar> pure_security(std::size_t rows, std::size_t columns, const std::vector<Scalar>& own) {
  BasicSecurityStrategy<Scalar> security{std::vector<Scalar>(rows, Scalar(0)), Scalar(0)};
  std::size_t best = 0;
  for (std::size_t a = 0; a < rows; ++a) {
    const Scalar worst = *std::min_element(own.begin() + a * columns, own.begin() + (a + 1) * columns);
    if (a == 0 || worst > security.level) security.level = worst, best = a;
  }
  security.strategy[best] = Scalar(1);
  return security;
}

/// own_matrix in Scalar's arithmetic (a double read as the simplest
/// fraction that rounds to it when exact).
template <class Scalar>
std::vector<Scalar> own_matrix_in(const NormalFormGame& game, std::size_t player) {
  std::vector<double> own = own_matrix(game, player);
  if constexpr (std::is_floating_point_v<Scalar>) {
    return own;
  } else {
    std::vector<Scalar> exact;
    exact.reserve(own.size());
    for (double value : own) exact.push_back(to_rational(value));
    return exact;
  }
}

/// sigma over the other actions, widened with a 0 at `action`.
inline void widen(std::vector<double>& strategy, std::size_t action) {
  if (!strategy.empty()) strategy.insert(strategy.begin() + static_cast<std::ptrdiff_t>(action), 0.0);
}

}  // namespace detail

/// Whether `action` of `player` is dominated by a mixed strategy over the
/// player's other actions, strictly (better by more than `tol` against
/// every profile of the others) or weakly (never worse by more than `tol`,
/// better by more than `tol` against some profile), and a dominating
/// mixture. `tol` is in payoff units; on top of it the linear programs
/// decide within kBimatrixTolerance times the range of the gains
/// u(b, r) - u(action, r). Any finite payoffs (to DBL_MAX) are scaled by
/// a power of two first. Pure dominance is the special case of a one-point mixture, so
/// this finds at least what dominates() finds.
/// Complexity: O(P) to build the (m - 1) x (P / m) gain matrix (m the
/// player's actions, P profiles), then one linear program: strict, simplex
/// pivots of O(P + m^2) on an (m - 1)-row tableau; weak, pivots of
/// O((P / m)^2 + P) on a tableau with P / m + 1 rows. The number of pivots is
/// usually small but not polynomially bounded.
/// \sa dominates, iterated_elimination
inline MixedDominance mixed_dominance(const NormalFormGame& game, std::size_t player, std::size_t action,
                                      Dominance kind = Dominance::strict, double tol = 0.0) {
  const detail::SolverName solver_name("mixed_dominance");
  detail::check_action("mixed_dominance", game, player, action);
  detail::check_dominance_tol("mixed_dominance", tol);
  MixedDominance result =
      detail::mixed_dominance_of(detail::own_matrix(game, player), game.nums_actions()[player], action, kind, tol);
  detail::widen(result.strategy, action);
  return result;
}

/// True when `action` of `player` is dominated by a mixed strategy of the
/// player's other actions (or, with `mixed` = false, by a pure one).
/// Complexity: as mixed_dominance; with mixed = false, O(P) (m calls of dominates).
inline bool is_dominated(const NormalFormGame& game, std::size_t player, std::size_t action, bool mixed = true,
                         Dominance kind = Dominance::strict, double tol = 0.0) {
  const detail::SolverName solver_name("is_dominated");
  detail::check_action("is_dominated", game, player, action);
  detail::check_dominance_tol("is_dominated", tol);
  if (!mixed) {
    for (std::size_t b = 0; b < game.nums_actions()[player]; ++b)
      if (dominates(game, player, b, action, kind, tol)) return true;
    return false;
  }
  return mixed_dominance(game, player, action, kind, tol).dominated;
}

/// Mixed dominance in a symmetric game: rows the other actions, columns
/// the others' count vectors m (every pure profile of the others has the
/// counts of some m).
/// Complexity: s * M payoff evaluations for M = C(n + s - 2, s - 1) count
/// vectors, O(s * M) memory, then one linear program as for dense games
/// with P / m replaced by M: O(s * M + s^2) per pivot (strict), O(M^2 + s * M)
/// per pivot (weak).
inline MixedDominance mixed_dominance(const SymmetricGame& game, std::size_t action, Dominance kind = Dominance::strict,
                                      double tol = 0.0) {
  const detail::SolverName solver_name("mixed_dominance");
  game.check_action("mixed_dominance", action);
  detail::check_dominance_tol("mixed_dominance", tol);
  MixedDominance result =
      detail::mixed_dominance_of(detail::payoff_table("mixed_dominance", game), game.num_actions(), action, kind, tol);
  detail::widen(result.strategy, action);
  return result;
}

/// True when `action` of a symmetric game is dominated by a mixed strategy
/// of the other actions (or, with `mixed` = false, by a pure one).
/// Complexity: as mixed_dominance; with mixed = false, at most 2 s * M payoff
/// evaluations (s calls of dominates).
inline bool is_dominated(const SymmetricGame& game, std::size_t action, bool mixed = true,
                         Dominance kind = Dominance::strict, double tol = 0.0) {
  const detail::SolverName solver_name("is_dominated");
  game.check_action("is_dominated", action);
  detail::check_dominance_tol("is_dominated", tol);
  if (!mixed) {
    for (std::size_t b = 0; b < game.num_actions(); ++b)
      if (dominates(game, b, action, kind, tol)) return true;
    return false;
  }
  return mixed_dominance(game, action, kind, tol).dominated;
}

/// Iterated elimination of actions strictly dominated by mixed strategies:
/// each round removes, for every player at once, every action strictly
/// dominated (by more than `tol`) by a mixture of that player's remaining
/// actions. Removes at least what iterated_elimination removes; the result
/// does not depend on the order (strict dominance).
/// Complexity: per round, one mixed_dominance linear program for each of the
/// sum_i m_i remaining actions plus an O(n * P) subgame; at most
/// sum_i (m_i - 1) rounds. \sa iterated_elimination
inline Elimination iterated_mixed_elimination(const NormalFormGame& game, double tol = 0.0) {
  const detail::SolverName solver_name("iterated_elimination");
  detail::check_dominance_tol("iterated_elimination", tol);
  return detail::eliminate(game, [&](const NormalFormGame& reduced, std::size_t i, std::size_t a) {
    return mixed_dominance(reduced, i, a, Dominance::strict, tol).dominated;
  });
}

/// Each player's security (maxmin) strategy and level in an n-player game:
/// mixed (the default), the mixed strategy maximising the worst expected
/// payoff over the others' pure profiles, by one linear program per player
/// (m_i rows, P / m_i columns); or pure, the best action by its worst
/// payoff (security_levels), as a one-point strategy. The mixed level is at
/// least the pure one. Scalar as in vertex_enumeration: double, or Rational
/// for exact strategies and levels (each payoff read as the simplest
/// fraction that rounds to it).
/// Complexity: mixed, one linear program per player on an m_i-row tableau
/// with O(P + m_i^2) per simplex pivot; pure, O(n * P) in all.
/// \sa security_levels, solve_zero_sum
template <class Scalar = double>
std::vector<BasicSecurityStrategy<Scalar>> security_strategies(const NormalFormGame& game, bool mixed = true) {
  const detail::SolverName solver_name("security_strategies");
  std::vector<BasicSecurityStrategy<Scalar>> result;
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    const std::size_t m = game.nums_actions()[i], columns = game.num_profiles() / m;
    const std::vector<Scalar> own = detail::own_matrix_in<Scalar>(game, i);
    result.push_back(mixed ? detail::mixed_security<Scalar>(m, columns, own)
                           : detail::pure_security<Scalar>(m, columns, own));
  }
  return result;
}

/// The security strategy of a symmetric game (the same for every player):
/// against the others' count vectors. Mixed or pure as for dense games.
/// Complexity: s * M payoff evaluations (M = num_count_vectors()), O(s * M)
/// memory, and for mixed one linear program with O(s * M + s^2) per pivot.
inline SecurityStrategy security_strategies(const SymmetricGame& game, bool mixed = true) {
  const detail::SolverName solver_name("security_strategies");
  const std::size_t s = game.num_actions(), M = game.num_count_vectors();
  const std::vector<double> own = detail::payoff_table("security_strategies", game);
  return mixed ? detail::mixed_security<double>(s, M, own) : detail::pure_security<double>(s, M, own);
}

}  // namespace dilemma

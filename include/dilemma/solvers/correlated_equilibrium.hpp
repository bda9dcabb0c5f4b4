// Correlated and coarse correlated equilibria by linear programming, for
// dense n-player games and, in polynomial size, for symmetric games.
//
// A correlated equilibrium (Aumann 1974) is a distribution p over pure
// profiles such that no player, told its own action a by a mediator who
// drew the profile from p, gains by playing a' instead:
//   sum_{a_-i} p(a, a_-i) [u_i(a', a_-i) - u_i(a, a_-i)] <= 0
// for every player i and actions a != a'. A coarse correlated equilibrium
// (Hannan; Moulin & Vial 1978) only asks that no player gains by committing
// to a' before hearing the recommendation:
//   sum_a p(a) [u_i(a', a_-i) - u_i(a)] <= 0   for every i and a'.
//
// Dense games: one variable per pure profile, in the C order of the payoff
// tensors (the distribution has the shape of the game's profile tensor);
// sum_i m_i (m_i - 1) incentive rows (sum_i m_i for coarse).
//
// Symmetric games, count form: the set of correlated equilibria is convex
// and invariant under permuting the players, so averaging a correlated
// equilibrium over all permutations gives an exchangeable one with the same
// welfare (welfare is symmetric). An exchangeable distribution puts the same
// probability on every profile of a count class c (sum c = n), so it is
// given by q(c), the probability of the class. Of the Mult(n; c) profiles of
// class c, a fraction c_a / n gives player i the action a, and in each the
// others' counts are c - e_a. So player i's constraint for recommendation a
// and deviation a' is
//   sum_c q(c) * c_a / n * [u(a', c - e_a) - u(a, c - e_a)] <= 0,
// the same for every player: C(n + s - 1, s - 1) variables and s (s - 1)
// rows (s rows for coarse: sum_a c_a / n [u(a', c - e_a) - u(a, c - e_a)]),
// polynomial in n for fixed s (Papadimitriou & Roughgarden 2008). The
// largest and smallest welfare over all correlated equilibria are attained
// by exchangeable ones, so the count-form optimum equals the dense one.
//
// The programs: incentive rows are homogeneous, so with objective weights
// made positive (welfare rescaled onto [1, 2]; all ones for "feasible") the
// program max sum_k p_k weight_k s.t. incentive rows <= 0, sum p <= 1 has the
// origin as a feasible start and its optimum at sum p = 1. Each player's
// incentive rows are divided by its payoff range, so the solver's tolerance
// is relative. Solved by detail::maximize_dantzig (largest reduced cost,
// lexicographic ratio test: no cycling).
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "dilemma/core/combinatorics.hpp"
#include "dilemma/core/errors.hpp"
#include "dilemma/detail/linear_program.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma {

/// What the correlated-equilibrium program optimises.
enum class CorrelatedObjective {
  feasible,     ///< any correlated equilibrium (a vertex of the polytope)
  welfare,      ///< the largest expected sum of payoffs
  min_welfare,  ///< the smallest expected sum of payoffs
};

/// Default tolerance of the correlated-equilibrium programs, relative to
/// each player's payoff range.
inline constexpr double kCorrelatedTolerance = 1e-9;

/// Options of correlated_equilibrium.
struct CorrelatedEquilibriumOptions {
  /// What the program optimises.
  CorrelatedObjective objective = CorrelatedObjective::welfare;
  /// A coarse correlated equilibrium instead (no player gains by committing
  /// to an action before hearing the recommendation).
  bool coarse = false;
  /// The simplex's zero test, relative to each player's payoff range (the
  /// incentive rows are scaled by it): stricter than tol * payoff_range; in
  /// [kMinPivotTolerance, kMaxPivotTolerance].
  double tol = kCorrelatedTolerance;
  static constexpr auto fields() {
    return std::make_tuple(
        option("objective", &CorrelatedEquilibriumOptions::objective,
               "\"welfare\" (largest expected sum of payoffs), \"min_welfare\" or \"feasible\" (any)."),
        option("coarse", &CorrelatedEquilibriumOptions::coarse, "A coarse correlated equilibrium instead."),
        option("tol", &CorrelatedEquilibriumOptions::tol,
               "Simplex tolerance, relative to the payoff range (1e-13 to 1e-5)."));
  }
};

/// A correlated equilibrium of a dense game.
struct CorrelatedEquilibrium {
  /// Probability of each pure profile, C order (shape: the game's
  /// nums_actions()); sums to 1.
  std::vector<double> distribution;
  double welfare = 0;        ///< expected sum of the players' payoffs
  double max_violation = 0;  ///< largest incentive-constraint value (>= 0), payoff units
  /// num_iter: the simplex pivots; exhaustive false (one point of the polytope).
  SolveReport report;
};

/// A correlated equilibrium of a symmetric game in count form: the
/// exchangeable distribution giving probability probabilities[k] to count
/// class classes[k] (spread uniformly over its Mult(n; c) profiles). Only
/// classes with positive probability are listed, in rank order.
struct SymmetricCorrelatedEquilibrium {
  std::vector<Counts> classes;
  std::vector<double> probabilities;
  double welfare = 0;        ///< expected sum of the n players' payoffs
  double max_violation = 0;  ///< largest incentive-constraint value (>= 0), payoff units
  /// As CorrelatedEquilibrium's.
  SolveReport report;
};

namespace detail {

inline void check_correlated_tol(const char* function, double tol) { check_pivot_tolerance<double>(function, tol); }

inline SolveReport correlated_report(std::size_t pivots) {
  return {"correlated_equilibrium", true, false, pivots, "an optimal vertex of the correlated-equilibrium polytope"};
}

/// The positive objective weights of a program over items with the given
/// welfare values.
inline std::vector<double> objective_weights(const std::vector<double>& welfare, CorrelatedObjective objective) {
  std::vector<double> weights(welfare.size(), 1.0);
  if (objective == CorrelatedObjective::feasible || welfare.empty()) return weights;
  const auto [low, high] = std::minmax_element(welfare.begin(), welfare.end());
  const double half_low = *low / 2, range = *high / 2 - half_low;
  if (range == 0) return weights;
  for (std::size_t k = 0; k < welfare.size(); ++k) {
    const double scaled = (welfare[k] / 2 - half_low) / range;  // in [0, 1]
    weights[k] = 1.0 + (objective == CorrelatedObjective::welfare ? scaled : 1.0 - scaled);
  }
  return weights;
}

/// Visits the coefficients of player i's incentive rows of a dense game:
/// fn(row, k, gain) for every pure profile k (own action a) and deviation
/// b (b != a unless coarse), gain = u_i(b, a_-i) unit - u_i(a, a_-i) unit,
/// payoffs times `unit` (a power of two: unit_for_magnitude of the game's
/// largest payoff keeps the difference finite near DBL_MAX);
/// row = a (m - 1) + (b < a ? b : b - 1), or b when coarse.
template <class Fn>
void for_each_incentive(const NormalFormGame& game, std::size_t i, bool coarse, double unit, Fn&& fn) {
  const double* u = game.payoffs(i);
  const std::size_t P = game.num_profiles(), m = game.nums_actions()[i], stride = game.strides()[i];
  for (std::size_t k = 0; k < P; ++k) {
    const std::size_t a = (k / stride) % m, base = k - a * stride;
    for (std::size_t b = 0; b < m; ++b)
      if (b != a || coarse)
        fn(coarse ? b : a * (m - 1) + (b < a ? b : b - 1), k, u[base + b * stride] * unit - u[k] * unit);
  }
}

/// u(a, m) of a symmetric game for every action and others' count vector:
/// table[a * M + rank(m)], M = game.num_count_vectors().
inline std::vector<double> payoff_table(const char* function, const SymmetricGame& game) {
  if (game.has_table()) return game.table();
  const std::size_t s = game.num_actions(), M = game.num_count_vectors();
  check_fits_in_memory(function, s * M, sizeof(double), "the payoff table of a symmetric game");
  std::vector<double> table(s * M);
  std::size_t r = 0;
  game.for_each_payoff_row([&](const Counts&, const std::vector<double>& u) {
    for (std::size_t a = 0; a < s; ++a) table[a * M + r] = u[a];
    ++r;
  });
  return table;
}

/// The terms of the count-form incentive rows (see the top of this file):
/// fn(k, c, a, rank) for every count class c of the n players (k its rank
/// in CountVectors(s, n)) and every action a with c_a > 0; rank is the rank
/// of the others' counts c - e_a, so u(b, c - e_a) = table[b * M + rank].
template <class Fn>
void for_each_recommendation(const SymmetricGame& game, const CountVectors& classes, Fn&& fn) {
  Counts c = classes.first(), others(game.num_actions());
  std::size_t k = 0;
  do {
    for (std::size_t a = 0; a < game.num_actions(); ++a) {
      if (c[a] == 0) continue;
      others = c;
      --others[a];
      fn(k, static_cast<const Counts&>(c), a, game.others().rank(others));
    }
    ++k;
  } while (classes.next(c));
}

/// Solves max weights.p s.t. rows p <= 0 (rows: `num_rows` x n, already
/// scaled), sum p <= 1; returns p normalised to sum 1.
inline DantzigSolution solve_distribution(std::size_t num_rows, std::size_t n, std::vector<double> rows,
                                          const std::vector<double>& weights, double tol) {
  rows.insert(rows.end(), n, 1.0);
  std::vector<double> b(num_rows + 1, 0.0);
  b[num_rows] = 1.0;
  DantzigSolution solution = maximize_dantzig(num_rows + 1, n, rows, b, weights, tol);
  double sum = 0;
  for (double p : solution.primal) sum += p;
  if (!(sum > 0))
    raise<NotConverged>("correlated_equilibrium", "the linear program stopped after ", solution.pivots,
                        " pivots with total probability ", sum, " (numerical failure; try a tol larger than ", tol,
                        ")");
  for (double& p : solution.primal) p /= sum;
  return solution;
}

}  // namespace detail

/// A correlated equilibrium (or, with `coarse`, a coarse correlated
/// equilibrium) of a dense game maximising `objective`, by one linear
/// program over the P pure profiles. `tol` is the simplex's tolerance,
/// relative to each player's payoff range (default 1e-9).
///
/// \returns the distribution, its welfare and its largest incentive
/// violation (payoff units; 0 up to rounding).
/// Complexity: O(P * sum_i m_i) to build the rows, then O(R * (P + R)) per
/// simplex pivot, for P profiles and R = sum_i m_i (m_i - 1) incentive rows
/// (sum_i m_i when coarse); the number of pivots is usually small but not
/// polynomially bounded. Memory: the tableau's (R + 2) * (P + R + 2) doubles.
/// \sa correlated_violation
inline CorrelatedEquilibrium correlated_equilibrium(const NormalFormGame& game,
                                                    const CorrelatedEquilibriumOptions& options = {}) {
  const detail::SolverName solver_name("correlated_equilibrium");
  const auto [objective, coarse, tol] = options;
  const char* function = "correlated_equilibrium";
  detail::check_correlated_tol(function, tol);
  const std::size_t P = game.num_profiles(), n = game.num_players();
  std::size_t num_rows = 0;
  for (std::size_t m : game.nums_actions()) num_rows += coarse ? m : m * (m - 1);
  detail::check_fits_in_memory(function, (num_rows + 2) * (P + num_rows + 2), sizeof(double),
                               "the linear program of a game with action counts " +
                                   detail::format_tuple(game.nums_actions()));
  // Payoffs times a power of two that brings them into (-1, 1): ranges,
  // gains and welfare sums stay finite near DBL_MAX; results are divided back.
  const double unit = detail::unit_for_magnitude(detail::largest_magnitude(game));
  std::vector<double> rows(num_rows * P, 0.0), welfare(P, 0.0);
  std::size_t first_row = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double* u = game.payoffs(i);
    const std::size_t m = game.nums_actions()[i];
    const auto [low, high] = std::minmax_element(u, u + P);
    const double scale = *high > *low ? 1.0 / (*high * unit - *low * unit) : 1.0;
    for (std::size_t k = 0; k < P; ++k) welfare[k] += u[k] * unit;
    detail::for_each_incentive(game, i, coarse, unit, [&](std::size_t row, std::size_t k, double gain) {
      rows[(first_row + row) * P + k] = gain * scale;
    });
    first_row += coarse ? m : m * (m - 1);
  }
  const auto solution =
      detail::solve_distribution(num_rows, P, std::move(rows), detail::objective_weights(welfare, objective), tol);
  CorrelatedEquilibrium result;
  result.distribution = solution.primal;
  result.report = detail::correlated_report(solution.pivots);
  for (std::size_t k = 0; k < P; ++k) result.welfare += result.distribution[k] * welfare[k];
  result.welfare /= unit;  // infinite only when the welfare itself exceeds DBL_MAX
  result.max_violation = 0;
  // Recomputed from the game (times unit), not from the rows scaled per player.
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t m = game.nums_actions()[i];
    std::vector<double> violation(coarse ? m : m * (m - 1), 0.0);  // one per incentive row
    detail::for_each_incentive(game, i, coarse, unit, [&](std::size_t row, std::size_t k, double gain) {
      violation[row] += result.distribution[k] * gain;
    });
    for (double v : violation) result.max_violation = std::max(result.max_violation, v / unit);
  }
  return result;
}

/// A correlated (or coarse correlated) equilibrium of a symmetric game
/// maximising `objective`, in count form (see the top of this file): an
/// exchangeable distribution, by one linear program over the
/// C(n + s - 1, s - 1) count classes with s (s - 1) rows. Reads each u(a, m)
/// once. The welfare equals the dense program's on to_normal_form(game).
/// Complexity: s * M payoff evaluations (M = num_count_vectors()), then
/// O(R * (K + R)) per simplex pivot for K = C(n + s - 1, s - 1) classes and
/// R = s (s - 1) rows (s when coarse); O(s^2 K + s M) memory besides the
/// tableau's (R + 2) * (K + R + 2) doubles.
inline SymmetricCorrelatedEquilibrium correlated_equilibrium(const SymmetricGame& game,
                                                             const CorrelatedEquilibriumOptions& options = {}) {
  const detail::SolverName solver_name("correlated_equilibrium");
  const auto [objective, coarse, tol] = options;
  const char* function = "correlated_equilibrium";
  detail::check_correlated_tol(function, tol);
  const std::size_t n = game.num_players(), s = game.num_actions();
  const CountVectors classes(s, n);
  const std::size_t C = classes.size(), M = game.num_count_vectors();
  const std::size_t num_rows = coarse ? s : s * (s - 1);
  detail::check_fits_in_memory(function, (num_rows + 2) * (C + num_rows + 2) + s * M, sizeof(double),
                               "the linear program of a symmetric game with " + std::to_string(n) + " players");
  std::vector<double> table = detail::payoff_table(function, game);
  // Times a power of two that brings the payoffs into (-1, 1), as for dense games.
  double largest = 0;
  for (double u : table) largest = std::max(largest, std::fabs(u));
  const double unit = detail::unit_for_magnitude(largest);
  for (double& u : table) u *= unit;
  const auto [low, high] = std::minmax_element(table.begin(), table.end());
  const double scale = *high > *low ? 1.0 / (*high - *low) : 1.0;
  // gains[(a * s + b) * C + k] = c_a / n * [u(b, c - e_a) - u(a, c - e_a)] for class k, times unit.
  std::vector<double> gains(s * s * C, 0.0), welfare(C, 0.0);
  detail::for_each_recommendation(game, classes, [&](std::size_t k, const Counts& c, std::size_t a, std::size_t rank) {
    const double share = static_cast<double>(c[a]) / static_cast<double>(n);
    welfare[k] += static_cast<double>(c[a]) * table[a * M + rank];
    for (std::size_t b = 0; b < s; ++b) gains[(a * s + b) * C + k] = share * (table[b * M + rank] - table[a * M + rank]);
  });
  std::vector<double> rows(num_rows * C, 0.0);
  for (std::size_t a = 0; a < s; ++a)
    for (std::size_t b = 0; b < s; ++b) {
      if (a == b && !coarse) continue;
      const std::size_t row = coarse ? b : a * (s - 1) + (b < a ? b : b - 1);
      for (std::size_t j = 0; j < C; ++j) rows[row * C + j] += gains[(a * s + b) * C + j] * scale;
    }
  const auto solution =
      detail::solve_distribution(num_rows, C, std::move(rows), detail::objective_weights(welfare, objective), tol);
  SymmetricCorrelatedEquilibrium result;
  result.report = detail::correlated_report(solution.pivots);
  std::vector<double> violation(s * s, 0.0);
  Counts c = classes.first();
  std::size_t k = 0;
  do {
    const double q = solution.primal[k];
    if (q > 0) {
      result.classes.push_back(c);
      result.probabilities.push_back(q);
      result.welfare += q * welfare[k];
      for (std::size_t a = 0; a < s; ++a)
        for (std::size_t b = 0; b < s; ++b) violation[(coarse ? 0 : a) * s + b] += q * gains[(a * s + b) * C + k];
    }
    ++k;
  } while (classes.next(c));
  for (double v : violation) result.max_violation = std::max(result.max_violation, v / unit);
  result.welfare /= unit;  // infinite only when the welfare itself exceeds DBL_MAX
  return result;
}

/// The largest coefficient of the correlated-equilibrium incentive rows of
/// a dense game, in payoff units: max over players i, recommendations a,
/// deviations b and others' profiles a_-i of u_i(b, a_-i) - u_i(a, a_-i),
/// the gain from deviating when the distribution is a point mass. The
/// coarse rows have the same coefficients. Every distribution over pure
/// profiles is a correlated and a coarse correlated equilibrium iff this is
/// 0 (then every coefficient is 0: item 3 of the theorem of docs/model.md); within tol
/// when it is at most tol.
/// Complexity: O(P * sum_i m_i) time for P profiles, O(1) extra memory.
inline double max_incentive_gain(const NormalFormGame& game) {
  const double unit = detail::unit_for_magnitude(detail::largest_magnitude(game));
  double largest = 0.0;
  for (std::size_t i = 0; i < game.num_players(); ++i)
    detail::for_each_incentive(game, i, false, unit, [&](std::size_t, std::size_t, double gain) {
      largest = std::max(largest, gain);
    });
  return largest / unit;  // infinite only when the gain itself exceeds DBL_MAX
}

/// The same for a symmetric game, from the count-form rows: the largest
/// u(b, c - e_a) - u(a, c - e_a) over count classes c and actions a with
/// c_a > 0 (the coefficient of q(c) per recommended player, the share
/// c_a / n divided out). Every distribution over the s^n profiles (not only
/// the exchangeable ones) is a correlated and a coarse correlated
/// equilibrium iff it is 0.
/// Complexity: s * M payoff evaluations into a table (M = num_count_vectors()),
/// then O(s^2 * K) for K = C(n + s - 1, s - 1) count classes; O(s * M) memory.
inline double max_incentive_gain(const SymmetricGame& game) {
  const std::size_t s = game.num_actions(), M = game.num_count_vectors();
  const std::vector<double> table = detail::payoff_table("max_incentive_gain", game);
  double largest = 0.0;
  detail::for_each_recommendation(game, CountVectors(s, game.num_players()),
                                  [&](std::size_t, const Counts&, std::size_t a, std::size_t rank) {
                                    for (std::size_t b = 0; b < s; ++b)
                                      largest = std::max(largest, table[b * M + rank] - table[a * M + rank]);
                                  });
  return largest;
}

}  // namespace dilemma

// Two-player zero-sum (constant-sum) games and security strategies, by
// linear programming.
#pragma once

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <utility>
#include <vector>

#include "dilemma/detail/bimatrix.hpp"
#include "dilemma/detail/simplex.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma {

/// Value and optimal strategies of a constant-sum game.
template <class Scalar>
struct BasicZeroSumSolution {
  Scalar value{};                      ///< the row player's payoff at any equilibrium
  std::vector<Scalar> row_strategy;    ///< guarantees the row player at least `value`
  std::vector<Scalar> column_strategy; ///< holds the row player to at most `value`
  /// num_iter: the simplex pivots; exhaustive false (one optimal pair).
  SolveReport report;
};
using ZeroSumSolution = BasicZeroSumSolution<double>;

/// A mixed security (maxmin) strategy and the payoff it guarantees.
template <class Scalar>
struct BasicSecurityStrategy {
  std::vector<Scalar> strategy;
  Scalar level{};  ///< max over mixed strategies of the worst payoff over the opponent's
};

/// Options of solve_zero_sum.
struct ZeroSumOptions {
  /// A + B may vary by tol times the payoff range; the pivots' zero test; in
  /// [kMinPivotTolerance, kMaxPivotTolerance].
  double tol = kBimatrixTolerance;
  static constexpr auto fields() {
    return std::make_tuple(option("tol", &ZeroSumOptions::tol,
                                  "A + B may vary by tol times the payoff range, 1e-13 to 1e-5 (ignored when exact)."));
  }
};
using SecurityStrategy = BasicSecurityStrategy<double>;

namespace detail {

/// The matrix game where the row player maximises `payoff` (m x n,
/// row-major) and the column player minimises it, by one linear program:
/// with payoffs shifted positive, max 1.w s.t. P w <= 1, w >= 0; then
/// y = w / sum w, and the dual solution scaled likewise is x.
template <class Scalar>
BasicZeroSumSolution<Scalar> solve_matrix_game(std::size_t m, std::size_t n, const std::vector<Scalar>& payoff,
                                               double eps) {
  Bimatrix<Scalar> matrices;
  matrices.m = m;
  matrices.n = n;
  matrices.a = payoff;
  matrices.b = payoff;  // unused
  const Bimatrix<Scalar> positive = normalized(matrices);
  auto solution = with_arithmetic<Scalar>([&](auto entry) {
    using Entry = decltype(entry);
    std::vector<Entry> M, b(m, Entry(1)), c(n, Entry(1));
    for (const Scalar& value : positive.a) M.push_back(Entry(to_entry(value)));
    return maximize<Scalar, Entry>(m, n, M, b, c, eps);
  });
  BasicZeroSumSolution<Scalar> result;
  const auto scaled = [eps](std::vector<Scalar> v) {
    Scalar sum(0);
    for (const Scalar& p : v) sum += p;
    if (!(sum > Scalar(0)) || !is_finite_scalar(sum))  // positive in exact arithmetic
      raise<NotConverged>(current_solver("solve_zero_sum"), numerical_failure_message(eps));
    for (Scalar& p : v) p /= sum;
    return v;
  };
  result.row_strategy = scaled(solution.dual);
  result.column_strategy = scaled(solution.primal);
  result.report.num_iter = solution.pivots;
  // Summed relative to the payoffs' midpoint, added back once: near 2^53 the
  // products of the payoffs themselves would round away their differences
  // (and a game symmetric about 0, as matching pennies, keeps an exact 0).
  Scalar low = payoff.front(), high = low;
  for (const Scalar& value : payoff) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const Scalar offset = low / Scalar(2) + high / Scalar(2);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j)
      result.value += result.row_strategy[i] * (payoff[i * n + j] - offset) * result.column_strategy[j];
  result.value += offset;
  return result;
}

}  // namespace detail

/// Value and optimal (maxmin = minmax) strategies of a two-player
/// constant-sum game, the row player's payoffs A and the column player's
/// B = c - A for one constant c (checked within `tol` times the payoff
/// range). Every pair of optimal strategies is a Nash equilibrium (von
/// Neumann's minimax theorem); the value is the row player's payoff.
///
/// One linear program by the simplex method with Bland's rule (no cycling
/// on degenerate games); Scalar double or Rational (exact, `tol` then only
/// for the constant-sum check, which is exact too). Throws InvalidArgument
/// for a game that is not constant-sum or not two-player.
/// Complexity: O(m n) for the constant-sum check of an m x n game, then
/// simplex pivots of O(m (m + n)) operations each on an m-row tableau; the
/// number of pivots is usually O(m + n) but exponential in the worst case
/// (Bland's rule); O(m (m + n)) memory.
/// \sa security_strategies
template <class Scalar = double, class Payoff>
BasicZeroSumSolution<Scalar> solve_zero_sum(const BasicNormalFormGame<Payoff>& game,
                                            const ZeroSumOptions& options = {}) {
  const detail::SolverName solver_name("solve_zero_sum");
  const double tol = options.tol;
  detail::check_pivot_tolerance<Scalar>("solve_zero_sum", tol);
  const auto matrices = detail::to_bimatrix<Scalar>("solve_zero_sum", game);
  // A + B is constant iff (A - a_0) + (B - b_0) is zero: differences from
  // the first entries are exact where the sums themselves would round
  // (payoffs near 2^53), and the check is relative to the payoff range.
  // In floating point, payoffs times a power of two that brings them into
  // (-1, 1): exact, and no difference or sum overflows near DBL_MAX.
  Scalar unit(1);
  if constexpr (std::is_floating_point_v<Scalar>) {
    double largest = 0;
    for (const auto* matrix : {&matrices.a, &matrices.b})
      for (double value : *matrix) largest = std::max(largest, std::fabs(value));
    unit = detail::unit_for_magnitude(largest);
  }
  const Scalar a0 = matrices.a.front() * unit, b0 = matrices.b.front() * unit;
  Scalar low(0), high(0), range(0);
  std::size_t k_low = 0, k_high = 0;
  for (std::size_t k = 0; k < matrices.a.size(); ++k) {
    const Scalar da = matrices.a[k] * unit - a0, db = matrices.b[k] * unit - b0, deviation = da + db;
    if (deviation < low) low = deviation, k_low = k;
    if (deviation > high) high = deviation, k_high = k;
    for (const Scalar& value : {da, db}) {
      const Scalar size = value < Scalar(0) ? Scalar(-value) : value;
      if (size > range) range = size;
    }
  }
  const bool constant = std::is_floating_point_v<Scalar> ? !(high - low > Scalar(tol) * range) : high == low;
  if (!constant) {
    const std::size_t n = matrices.n;
    detail::fail("solve_zero_sum", "the game is not constant-sum: A + B at profile (", k_high / n, ", ",
                 k_high % n, ") exceeds A + B at (", k_low / n, ", ", k_low % n, ") by ",
                 static_cast<double>((high - low) / unit));
  }
  BasicZeroSumSolution<Scalar> solution = detail::solve_matrix_game(matrices.m, matrices.n, matrices.a, tol);
  solution.report.method = "solve_zero_sum";
  solution.report.converged = true;
  solution.report.message = "value and one optimal strategy pair";
  return solution;
}

}  // namespace dilemma

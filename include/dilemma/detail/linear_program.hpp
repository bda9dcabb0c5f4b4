// A dense simplex method for programs with many columns and few rows (the
// correlated-equilibrium and dominance LPs), on the shared tableau: the
// most negative reduced cost enters (Dantzig's rule), and the leaving row is
// chosen by the lexicographic minimum-ratio rule, which cannot cycle on
// degenerate programs whatever the entering rule (Dantzig, Orden & Wolfe
// 1955). Not public API.
//
// In floating point, near-ties can defeat the lexicographic rule; after
// more than k + n degenerate pivots in a row the solver switches to Bland's
// rule until the objective rises again.
//
// Bland's rule alone (detail/simplex.hpp) also cannot cycle, but on these
// programs, whose constraints are homogeneous and whose origin is massively
// degenerate, it may walk through thousands of columns one by one; the
// largest-coefficient rule takes a few dozen pivots (benchmarks/RESULTS.md).
#pragma once

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "dilemma/detail/simplex.hpp"
#include "dilemma/detail/tableau.hpp"

namespace dilemma::detail {

/// The leaving row for raising nonbasic `var` (rows 0 .. k-1): among rows
/// with T[r][var] > eps, those whose ratio max(rhs_r, 0) / T[r][var] is the
/// least within eps (relative) are the candidates; of these, rows with a
/// pivot below 1/100 of the largest candidate pivot are dropped (tiny
/// pivots lose precision on these degenerate programs), and the rest are
/// ordered by the lexicographic rule on the columns of the initial identity
/// basis (T[r][c] / T[r][var]) or, with `bland`, by least basic variable.
/// Rounding that leaves a rhs slightly negative cannot make a ratio
/// negative, so the objective never falls.
inline std::size_t leaving_row(const Tableau<double>& t, std::size_t var, std::size_t k,
                               const std::vector<std::size_t>& columns, double eps, bool bland) {
  double least = HUGE_VAL;
  for (std::size_t r = 0; r < k; ++r) {
    const double pivot = t.entry(r, var);
    if (pivot > eps) least = std::min(least, std::max(t.value(t.basic(r)), 0.0) / pivot);
  }
  if (least == HUGE_VAL) return kNone;
  std::vector<std::size_t> candidates;
  double largest = 0;
  for (std::size_t r = 0; r < k; ++r) {
    const double pivot = t.entry(r, var);
    if (!(pivot > eps)) continue;
    if (std::max(t.value(t.basic(r)), 0.0) / pivot <= least + eps * (1.0 + least)) {
      candidates.push_back(r);
      largest = std::max(largest, pivot);
    }
  }
  std::size_t best = kNone;
  for (std::size_t r : candidates) {
    const double pivot = t.entry(r, var);
    if (pivot < largest / 100) continue;
    if (best == kNone) {
      best = r;
      continue;
    }
    int order = 0;
    if (bland) {
      order = t.basic(r) < t.basic(best) ? -1 : 1;
    } else {
      for (std::size_t j = 0; order == 0 && j < columns.size(); ++j) {
        const double mine = t.entry(r, columns[j]) / pivot, theirs = t.entry(best, columns[j]) / t.entry(best, var);
        order = mine < theirs - eps ? -1 : mine > theirs + eps ? 1 : 0;
      }
      if (order == 0) order = pivot > t.entry(best, var) ? -1 : 1;
    }
    if (order < 0) best = r;
  }
  return best;
}

/// The solution and the work done.
struct DantzigSolution : LinearProgramSolution<double> {
  std::size_t pivots = 0;
  bool optimal = false;
};

/// max c.w subject to M w <= b, w >= 0, for b >= 0 and a bounded optimum;
/// M is k x n, row-major. Same contract as maximize() of simplex.hpp, in
/// double arithmetic, signs within the absolute tolerance `eps`.
/// `max_pivots` bounds the work (the result is then not optimal and
/// `pivots` says so). O(k n) per pivot.
inline DantzigSolution maximize_dantzig(std::size_t k, std::size_t n, const std::vector<double>& M,
                                        const std::vector<double>& b, const std::vector<double>& c, double eps,
                                        std::size_t max_pivots = static_cast<std::size_t>(-1)) {
  const std::size_t z = n + k;
  Tableau<double> t(k + 1, n + k + 1, eps);
  std::vector<std::size_t> slack_columns;
  for (std::size_t r = 0; r < k; ++r) {
    for (std::size_t j = 0; j < n; ++j) t.set(r, j, M[r * n + j]);
    t.set(r, n + r, 1.0);
    t.set_rhs(r, b[r]);
    t.set_basic(r, n + r);
    slack_columns.push_back(n + r);
  }
  for (std::size_t j = 0; j < n; ++j) t.set(k, j, -c[j]);
  t.set(k, z, 1.0);
  t.set_basic(k, z);
  DantzigSolution solution;
  // Degenerate pivots in a row (the objective did not rise); past k + n of
  // them the floating-point lexicographic rule may be cycling through
  // near-ties, so Bland's rule takes over until the objective rises again.
  std::size_t stalled = 0;
  double value = 0;
  while (true) {
    const bool bland = stalled > k + n;
    std::size_t entering = kNone;
    double most_negative = -eps;
    for (std::size_t v = 0; v < z; ++v) {
      if (t.is_basic(v)) continue;
      const double reduced = t.entry(k, v);
      if (reduced < most_negative) {
        most_negative = reduced;
        entering = v;
        if (bland) break;  // the least index with a negative reduced cost
      }
    }
    if (entering == kNone) {
      solution.optimal = true;
      break;
    }
    if (solution.pivots == max_pivots) break;
    const std::size_t leave = leaving_row(t, entering, k, slack_columns, eps, bland);
    if (leave == kNone) throw std::runtime_error("maximize_dantzig: the linear program is unbounded");
    t.pivot(leave, entering);
    for (std::size_t r = 0; r < k; ++r) t.clean_rhs(r);  // rounding below zero reads as zero
    ++solution.pivots;
    const double now = t.value(z);
    stalled = now > value + eps * (1.0 + std::fabs(value)) ? 0 : stalled + 1;
    value = std::max(value, now);
  }
  for (std::size_t j = 0; j < n; ++j) solution.primal.push_back(t.value_sign(j) > 0 ? t.value(j) : 0.0);
  for (std::size_t r = 0; r < k; ++r) solution.dual.push_back(t.sign(k, n + r) > 0 ? t.entry(k, n + r) : 0.0);
  solution.value = t.value(z);
  return solution;
}

}  // namespace dilemma::detail

// A small dense simplex method for linear programs whose origin is
// feasible, on the shared tableau. Not public API.
#pragma once

#include <vector>

#include "dilemma/detail/tableau.hpp"

namespace dilemma::detail {

template <class Scalar>
struct LinearProgramSolution {
  std::vector<Scalar> primal, dual;
  Scalar value{};
  std::size_t pivots = 0;
};

/// max c.w subject to M w <= b, w >= 0, for b >= 0 (so w = 0 is feasible)
/// and a bounded optimum. M is k x n, row-major; entries are tableau
/// entries (integers when exact). Returns an optimal w, an optimal dual u
/// (u >= 0, M^T u >= c, b.u = c.w) and the value.
///
/// Primal simplex with Bland's rule (least-index entering and leaving
/// variables), which cannot cycle on degenerate programs (Bland 1977).
template <class Scalar, class Entry>
LinearProgramSolution<Scalar> maximize(std::size_t k, std::size_t n, const std::vector<Entry>& M,
                                       const std::vector<Entry>& b, const std::vector<Entry>& c, double eps) {
  // Variables: w (0..n-1), slacks (n..n+k-1), objective z (n+k). Row k is
  // z - c.w = 0 with z basic: its entries are the reduced costs.
  const std::size_t z = n + k;
  Tableau<Scalar, Entry> t(k + 1, n + k + 1, eps);
  for (std::size_t r = 0; r < k; ++r) {
    for (std::size_t j = 0; j < n; ++j) t.set(r, j, M[r * n + j]);
    t.set(r, n + r, Entry(1));
    t.set_rhs(r, b[r]);
    t.set_basic(r, n + r);
  }
  for (std::size_t j = 0; j < n; ++j) t.set(k, j, -c[j]);
  t.set(k, z, Entry(1));
  t.set_basic(k, z);
  std::vector<std::size_t> rows;
  std::size_t pivots = 0;
  while (true) {
    std::size_t entering = kNone;
    for (std::size_t v = 0; v < z && entering == kNone; ++v)
      if (!t.is_basic(v) && t.sign(k, v) < 0) entering = v;
    if (entering == kNone) break;
    t.ratio_test(entering, rows, k);
    if (rows.empty()) t.numerical_failure();  // the programs solved here are bounded
    // The least-index leaving variable among ties.
    std::size_t leave = rows.front();
    for (std::size_t r : rows)
      if (t.basic(r) < t.basic(leave)) leave = r;
    t.pivot(leave, entering);
    ++pivots;
  }
  LinearProgramSolution<Scalar> solution;
  solution.pivots = pivots;
  for (std::size_t j = 0; j < n; ++j) solution.primal.push_back(t.value_sign(j) > 0 ? t.value(j) : Scalar(0));
  for (std::size_t r = 0; r < k; ++r) {
    solution.dual.push_back(t.sign(k, n + r) > 0 ? t.entry(k, n + r) : Scalar(0));
  }
  solution.value = t.value(z);
  return solution;
}

}  // namespace dilemma::detail

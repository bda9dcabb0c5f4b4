// One player's best-response polyhedron of a bimatrix game, as a simplex
// tableau whose faces the vertex enumeration explores. Not public API.
//
// For the row player (m strategies) against the column player's payoffs B
// (all entries positive after normalisation):
//   x >= 0, sum_i x_i = 1, s_j = v - (B^T x)_j >= 0 (j = 1..n), v free.
// The column player's polyhedron is the same with the roles swapped. The
// variables are indexed by label, so both polyhedra share one numbering:
// label i < m is "row i unplayed" (x_i = 0) on the row player's side and
// "row i a best response" (its slack 0) on the column player's side; label
// m + j likewise for column j. Variable m + n is the free payoff v.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dilemma/detail/bimatrix.hpp"
#include "dilemma/detail/tableau.hpp"

namespace dilemma::detail {

template <class Scalar, class Entry = DefaultEntry<Scalar>>
class BestResponsePolyhedron {
 public:
  BestResponsePolyhedron() = default;

  /// own: this player's labels [own_first, own_first + own_count); the
  /// opponent's labels [other_first, other_first + other_count) are the
  /// slacks. coefficient(t, s) is the opponent's (positive, normalised)
  /// payoff when the opponent plays its t-th strategy and this player its
  /// s-th one, as a tableau Entry.
  template <class Coefficient>
  BestResponsePolyhedron(std::size_t own_first, std::size_t own_count, std::size_t other_first,
                         std::size_t other_count, Coefficient&& coefficient, double eps)
      : tableau_(other_count + 1, own_count + other_count + 1, eps),
        own_first_(own_first),
        own_count_(own_count),
        free_var_(own_count + other_count),
        blocked_(own_count + other_count, 0) {
    Tableau<Scalar, Entry>& t = tableau_;
    const std::size_t sum_row = other_count;
    for (std::size_t r = 0; r < other_count; ++r) {
      for (std::size_t s = 0; s < own_count; ++s) t.set(r, own_first + s, Entry(coefficient(r, s)));
      t.set(r, other_first + r, Entry(1));
      t.set(r, free_var_, Entry(-1));
      t.set_basic(r, other_first + r);
    }
    for (std::size_t s = 0; s < own_count; ++s) t.set(sum_row, own_first + s, Entry(1));
    t.set_rhs(sum_row, Entry(1));
    // Start at the pure strategy own_first, with v its best payoff against
    // it: the row of the opponent's best reply (the least rhs after the
    // first pivot).
    t.pivot(sum_row, own_first);
    std::size_t best_row = 0;
    for (std::size_t r = 1; r < other_count; ++r)
      if (coefficient(r, 0) > coefficient(best_row, 0)) best_row = r;
    t.pivot(best_row, free_var_);
    free_row_ = best_row;
  }

  std::size_t num_labels() const { return free_var_; }
  /// Bytes of its tableau (see Tableau::bytes).
  std::size_t bytes() const noexcept { return tableau_.bytes(); }
  bool blocked(std::size_t label) const { return blocked_[label] != 0; }
  /// The label holds at the current basic solution.
  bool tight(std::size_t label) const { return tableau_.value_sign(label) <= 0; }
  /// The label's slack at the current basic solution, approximately.
  double slack(std::size_t label) const { return tableau_.approx_value(label); }

  /// Which labels hold at the current point: it identifies a vertex.
  std::string tight_key() const {
    std::string key(free_var_, '0');
    for (std::size_t v = 0; v < free_var_; ++v) key[v] = tight(v) ? '1' : '0';
    return key;
  }

  /// This player's strategy at the current basic solution.
  std::vector<Scalar> strategy() const {
    std::vector<Scalar> z(own_count_);
    for (std::size_t s = 0; s < own_count_; ++s)
      if (tableau_.value_sign(own_first_ + s) > 0) z[s] = tableau_.value(own_first_ + s);
    return z;
  }

  /// Restricts the polyhedron to the face where `label` holds; false when
  /// that face is empty. Minimises the label's variable by the simplex
  /// method with Bland's rule, then keeps it nonbasic (or basic in a row
  /// that no unblocked variable reaches, so that it stays zero).
  bool fix(std::size_t label) {
    if (blocked_[label]) return true;
    blocked_[label] = 1;
    Tableau<Scalar, Entry>& t = tableau_;
    while (true) {
      const std::size_t r = t.row_of(label);
      if (r == kNone) return true;
      if (t.rhs_sign(r) <= 0) {
        t.clean_rhs(r);
        std::size_t best = kNone;  // the largest entry, for stability
        for (std::size_t c = 0; c < free_var_; ++c)
          if (is_free_nonbasic(c) && t.sign(r, c) != 0 && (best == kNone || t.larger_magnitude(r, c, best)))
            best = c;
        if (best != kNone) t.pivot(r, best);
        return true;  // otherwise the variable is zero on the whole face
      }
      std::size_t entering = kNone;
      for (std::size_t c = 0; c < free_var_ && entering == kNone; ++c)
        if (is_free_nonbasic(c) && t.sign(r, c) > 0) entering = c;
      if (entering == kNone) return false;  // positive on the whole face
      t.ratio_test(entering, rows_, free_row_);
      if (rows_.empty()) t.numerical_failure();  // the face is bounded: only rounding lets it grow
      bool leaves = false;
      for (std::size_t row : rows_) leaves = leaves || row == r;
      t.pivot(leaves ? r : bland_row(), entering);
    }
  }

  /// True when some point of the current face has a positive value of
  /// (unblocked) `label`'s variable. Maximises it by Bland's rule until it
  /// is positive, so the current basic solution may move within the face.
  bool can_be_positive(std::size_t label) {
    Tableau<Scalar, Entry>& t = tableau_;
    while (true) {
      const std::size_t r = t.row_of(label);
      if (r != kNone && t.rhs_sign(r) > 0) return true;
      std::size_t entering = r == kNone ? label : kNone;
      for (std::size_t c = 0; c < free_var_ && entering == kNone; ++c)
        if (is_free_nonbasic(c) && t.sign(r, c) < 0) entering = c;
      if (entering == kNone) return false;
      t.ratio_test(entering, rows_, free_row_);
      if (rows_.empty()) return true;  // unbounded increase
      const std::size_t leave = bland_row();
      const bool step = t.rhs_sign(leave) > 0;
      t.pivot(leave, entering);
      if (step) return true;
    }
  }

  /// The face is a single point (every unblocked variable basic).
  bool is_point() const {
    for (std::size_t c = 0; c < free_var_; ++c)
      if (is_free_nonbasic(c)) return false;
    return true;
  }

 private:
  bool is_free_nonbasic(std::size_t var) const { return !blocked_[var] && !tableau_.is_basic(var); }

  /// Bland's rule among the tied rows of the last ratio test: the row whose
  /// basic variable has the smallest index.
  std::size_t bland_row() const {
    std::size_t best = rows_.front();
    for (std::size_t r : rows_)
      if (tableau_.basic(r) < tableau_.basic(best)) best = r;
    return best;
  }

  Tableau<Scalar, Entry> tableau_;
  std::size_t own_first_ = 0, own_count_ = 0, free_var_ = 0, free_row_ = kNone;
  std::vector<std::uint8_t> blocked_;
  std::vector<std::size_t> rows_;  // scratch of the ratio tests
};

/// Both players' polyhedra of a game: {row player's (x), column player's (y)}.
template <class Scalar, class Entry>
std::pair<BestResponsePolyhedron<Scalar, Entry>, BestResponsePolyhedron<Scalar, Entry>> best_response_polyhedra(
    const Bimatrix<Scalar>& game, double eps) {
  const Bimatrix<Scalar> g = normalized(game);
  const std::size_t m = g.m, n = g.n;
  // The row player's x against the column player's payoffs: one row per column j.
  return {BestResponsePolyhedron<Scalar, Entry>(
              0, m, m, n, [&](std::size_t j, std::size_t i) { return to_entry(g.B(i, j)); }, eps),
          BestResponsePolyhedron<Scalar, Entry>(
              m, n, 0, m, [&](std::size_t i, std::size_t j) { return to_entry(g.A(i, j)); }, eps)};
}

}  // namespace dilemma::detail

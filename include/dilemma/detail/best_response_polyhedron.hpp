// One player's best-response polyhedron of a bimatrix game, as a simplex
// tableau whose faces are explored by the vertex enumeration. Not public API.
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

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include "dilemma/detail/tableau.hpp"

namespace dilemma::detail {

template <class Scalar>
class BestResponsePolyhedron {
 public:
  BestResponsePolyhedron() = default;

  /// own: this player's labels [own_first, own_first + own_count); the
  /// opponent's labels [other_first, other_first + other_count) are the
  /// slacks. coefficient(t, s) is the opponent's payoff when the opponent
  /// plays its t-th strategy and this player its s-th one.
  template <class Coefficient>
  BestResponsePolyhedron(std::size_t own_first, std::size_t own_count, std::size_t other_first,
                         std::size_t other_count, Coefficient&& coefficient, Signs<Scalar> signs)
      : tableau_(other_count + 1, own_count + other_count + 1),
        own_first_(own_first),
        own_count_(own_count),
        free_var_(own_count + other_count),
        signs_(signs),
        blocked_(own_count + other_count, 0) {
    Tableau<Scalar>& t = tableau_;
    const std::size_t sum_row = other_count;
    for (std::size_t r = 0; r < other_count; ++r) {
      for (std::size_t s = 0; s < own_count; ++s) t(r, own_first + s) = coefficient(r, s);
      t(r, other_first + r) = Scalar(1);
      t(r, free_var_) = Scalar(-1);
      t.pivot(r, other_first + r);  // unit column already: only records the basis
    }
    for (std::size_t s = 0; s < own_count; ++s) t(sum_row, own_first + s) = Scalar(1);
    t.rhs(sum_row) = Scalar(1);
    // Start at the pure strategy own_first, with v its best payoff against it.
    t.pivot(sum_row, own_first);
    std::size_t best_row = 0;
    for (std::size_t r = 1; r < other_count; ++r)
      if (t.rhs(r) < t.rhs(best_row)) best_row = r;
    t.pivot(best_row, free_var_);
    free_row_ = best_row;
  }

  const Tableau<Scalar>& tableau() const { return tableau_; }
  std::size_t num_labels() const { return free_var_; }
  bool blocked(std::size_t label) const { return blocked_[label] != 0; }
  /// Label `label` holds at the current basic solution.
  bool tight(std::size_t label) const { return !signs_.positive(tableau_.value(label)); }
  Scalar value(std::size_t label) const { return tableau_.value(label); }

  /// This player's strategy at the current basic solution.
  std::vector<Scalar> strategy() const {
    std::vector<Scalar> z(own_count_);
    for (std::size_t s = 0; s < own_count_; ++s) {
      z[s] = tableau_.value(own_first_ + s);
      if (z[s] < Scalar(0)) z[s] = Scalar(0);  // rounding within the tolerance
    }
    return z;
  }

  /// Restricts the polyhedron to the face where `label` holds; false when
  /// that face is empty. Minimises the label's variable by the simplex
  /// method with Bland's rule, then keeps it nonbasic (or basic in a row
  /// that no free variable reaches, so that it stays zero).
  bool fix(std::size_t label) {
    if (blocked_[label]) return true;
    blocked_[label] = 1;
    Tableau<Scalar>& t = tableau_;
    while (true) {
      const std::size_t r = t.row_of(label);
      if (r == kNone) return true;
      if (!signs_.positive(t.rhs(r))) {
        t.rhs(r) = Scalar(0);
        std::size_t best = kNone;  // largest entry, for stability
        for (std::size_t c = 0; c < free_var_; ++c)
          if (is_free_nonbasic(c) && !signs_.zero(t(r, c)) &&
              (best == kNone || abs_value(t(r, c)) > abs_value(t(r, best))))
            best = c;
        if (best != kNone) t.pivot(r, best);
        return true;  // otherwise the label's variable is zero on the whole face
      }
      std::size_t entering = kNone;
      for (std::size_t c = 0; c < free_var_ && entering == kNone; ++c)
        if (is_free_nonbasic(c) && signs_.positive(t(r, c))) entering = c;
      if (entering == kNone) return false;  // the variable is positive on the whole face
      t.ratio_test(entering, signs_, rows_, free_row_);
      t.pivot(std::find(rows_.begin(), rows_.end(), r) != rows_.end() ? r : bland_row(), entering);
    }
  }

  /// True when some point of the current face has a positive value of
  /// (unblocked) `label`'s variable; may move to another basic solution of
  /// the face, where it is positive.
  bool can_be_positive(std::size_t label) {
    Tableau<Scalar>& t = tableau_;
    while (true) {
      const std::size_t r = t.row_of(label);
      if (r != kNone && signs_.positive(t.rhs(r))) return true;
      std::size_t entering = r == kNone ? label : kNone;
      for (std::size_t c = 0; c < free_var_ && entering == kNone; ++c)
        if (is_free_nonbasic(c) && signs_.negative(t(r, c))) entering = c;
      if (entering == kNone) return false;
      t.ratio_test(entering, signs_, rows_, free_row_);
      if (rows_.empty()) return true;  // unbounded increase
      const std::size_t leave = bland_row();
      const bool step = signs_.positive(t.rhs(leave));
      t.pivot(leave, entering);
      if (step) return true;
    }
  }

  /// Fixes every unblocked label whose variable is zero on the whole face,
  /// so that only genuinely degenerate vertices have several bases.
  void block_implied_labels() {
    for (std::size_t label = 0; label < free_var_; ++label)
      if (!blocked_[label] && !can_be_positive(label)) fix(label);
  }

  /// The face is a single point (every unblocked variable basic).
  bool is_point() const {
    for (std::size_t c = 0; c < free_var_; ++c)
      if (is_free_nonbasic(c)) return false;
    return true;
  }

  /// Calls visit(*this) once at a basic solution of each vertex of the
  /// current face, by a depth-first search of the graph of its feasible
  /// bases (connected, so every vertex is reached). The face must be
  /// bounded; call block_implied_labels() first to keep it small.
  template <class Visit>
  void for_each_vertex(Visit&& visit) const {
    std::set<std::vector<std::uint8_t>> seen_bases, seen_vertices;
    std::vector<BestResponsePolyhedron> stack{*this};
    seen_bases.insert(basis_key());
    std::vector<std::size_t> rows;
    while (!stack.empty()) {
      const BestResponsePolyhedron current = std::move(stack.back());
      stack.pop_back();
      if (seen_vertices.insert(current.tight_key()).second) visit(current);
      for (std::size_t c = 0; c < free_var_; ++c) {
        if (!current.is_free_nonbasic(c)) continue;
        current.tableau_.ratio_test(c, signs_, rows, current.free_row_);
        for (std::size_t r : rows) {
          BestResponsePolyhedron next = current;
          next.tableau_.pivot(r, c);
          if (seen_bases.insert(next.basis_key()).second) stack.push_back(std::move(next));
        }
      }
    }
  }

 private:
  static Scalar abs_value(const Scalar& x) { return x < Scalar(0) ? Scalar(-x) : x; }

  bool is_free_nonbasic(std::size_t var) const { return !blocked_[var] && !tableau_.is_basic(var); }

  /// Bland's rule among the tied rows of the last ratio test: the row whose
  /// basic variable has the smallest index.
  std::size_t bland_row() const {
    std::size_t best = rows_.front();
    for (std::size_t r : rows_)
      if (tableau_.basic(r) < tableau_.basic(best)) best = r;
    return best;
  }

  std::vector<std::uint8_t> basis_key() const {
    std::vector<std::uint8_t> key(free_var_);
    for (std::size_t v = 0; v < free_var_; ++v) key[v] = tableau_.is_basic(v);
    return key;
  }
  std::vector<std::uint8_t> tight_key() const {
    std::vector<std::uint8_t> key(free_var_);
    for (std::size_t v = 0; v < free_var_; ++v) key[v] = tight(v);
    return key;
  }

  Tableau<Scalar> tableau_;
  std::size_t own_first_ = 0, own_count_ = 0, free_var_ = 0, free_row_ = kNone;
  Signs<Scalar> signs_;
  std::vector<std::uint8_t> blocked_;
  std::vector<std::size_t> rows_;  // scratch of the ratio tests
};

}  // namespace dilemma::detail

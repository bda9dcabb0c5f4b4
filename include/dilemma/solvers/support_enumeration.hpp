// Support enumeration for two-player games, correct on degenerate games.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

#include "dilemma/solvers/vertex_enumeration.hpp"

namespace dilemma {

namespace detail {

/// The search of SupportEnumeration in one arithmetic. For each row
/// support I (by size, then lexicographically) and each column support J
/// (depth first, adding columns in increasing order): the row strategies x
/// with support exactly I against which every column of J is a best
/// response form a face X(I, J) of the row player's polyhedron (with I's
/// labels violated); likewise Y(I, J) for the column player. Every pair of
/// a vertex of X(I, J) and one of Y(I, J) is an extreme equilibrium with
/// supports (I, J), and every extreme equilibrium is one such pair. X(I, J)
/// only shrinks as J grows, so once it is empty the search skips every
/// larger J.
template <class Scalar, class Entry>
class SupportSearch {
 public:
  using Polyhedron = BestResponsePolyhedron<Scalar, Entry>;

  SupportSearch(const Bimatrix<Scalar>& game, double eps)
      : m_(game.m), n_(game.n), rows_(game.m, 0) {
    std::tie(x_root_, y_root_) = best_response_polyhedra<Scalar, Entry>(game, eps);
  }

  /// The next equilibrium, or nothing once all are found.
  std::optional<BasicMixedProfile<Scalar>> next() {
    while (pending_.empty()) {
      if (stack_.empty() && !next_row_support()) return std::nullopt;
      if (stack_.empty()) continue;
      Frame& frame = stack_.back();
      if (frame.next_column == n_) {
        stack_.pop_back();
        continue;
      }
      const std::size_t j = frame.next_column++;
      Frame child{frame.x, frame.columns, j + 1};
      child.columns[j] = 1;
      // Column j a best response: X(I, J) shrinks; empty for all larger J too.
      if (!child.x.fix(m_ + j) || !violable(child.x, rows_, 0)) continue;
      stack_.push_back(std::move(child));
      ++pairs_;
      add_equilibria(stack_.back());
    }
    BasicMixedProfile<Scalar> profile = std::move(pending_.front());
    pending_.pop_front();
    return profile;
  }

  /// Support pairs whose faces were searched so far.
  std::size_t pairs_examined() const { return pairs_; }

 private:
  struct Frame {
    Polyhedron x;
    std::vector<std::uint8_t> columns;  // J
    std::size_t next_column = 0;
  };

  /// Every label flagged in `flags` (offset by `first`) can be violated.
  static bool violable(Polyhedron& face, const std::vector<std::uint8_t>& flags, std::size_t first) {
    for (std::size_t k = 0; k < flags.size(); ++k)
      if (flags[k] && !face.can_be_positive(first + k)) return false;
    return true;
  }

  /// Steps I to the next nonempty row support (by size, then
  /// lexicographically) and starts its search over J; false after the last.
  bool next_row_support() {
    while (true) {
      if (!advance_subset(row_members_, m_)) return false;
      std::fill(rows_.begin(), rows_.end(), 0);
      for (std::size_t i : row_members_) rows_[i] = 1;
      Polyhedron x = x_root_;
      bool ok = true;
      for (std::size_t i = 0; i < m_ && ok; ++i)
        if (!rows_[i]) ok = x.fix(i);  // x_i = 0 off the support
      if (!ok || !violable(x, rows_, 0)) continue;
      y_rows_ = y_root_;
      for (std::size_t i = 0; i < m_ && ok; ++i)
        if (rows_[i]) ok = y_rows_.fix(i);  // every row of I a best response
      if (!ok) continue;
      stack_.push_back(Frame{std::move(x), std::vector<std::uint8_t>(n_, 0), 0});
      return true;
    }
  }

  /// Steps `members` (sorted indices below `count`) to the next subset in
  /// the order by size, then lexicographically; from empty, {0}. False
  /// after the full set.
  static bool advance_subset(std::vector<std::size_t>& members, std::size_t count) {
    const std::size_t size = members.size();
    for (std::size_t k = size; k-- > 0;)
      if (members[k] < count - size + k) {  // the rightmost member that can move
        ++members[k];
        for (std::size_t l = k + 1; l < size; ++l) members[l] = members[l - 1] + 1;
        return true;
      }
    if (size == count) return false;
    members.resize(size + 1);
    for (std::size_t k = 0; k <= size; ++k) members[k] = k;
    return true;
  }

  void add_equilibria(Frame& frame) {
    Polyhedron y = y_rows_;
    for (std::size_t j = 0; j < n_; ++j)
      if (!frame.columns[j] && !y.fix(m_ + j)) return;  // y_j = 0 off the support
    std::vector<std::uint8_t> x_violated(m_ + n_, 0), y_violated(m_ + n_, 0);
    for (std::size_t i = 0; i < m_; ++i) x_violated[i] = rows_[i];
    for (std::size_t j = 0; j < n_; ++j) y_violated[m_ + j] = frame.columns[j];
    std::vector<std::vector<Scalar>> ys;
    LabelSearch<Scalar, Entry>(y, n_, y_violated).run([&](const Polyhedron& vertex) { ys.push_back(vertex.strategy()); });
    if (ys.empty()) return;
    std::vector<std::vector<Scalar>> xs;
    LabelSearch<Scalar, Entry>(frame.x, m_, x_violated).run([&](const Polyhedron& vertex) {
      xs.push_back(vertex.strategy());
    });
    sort_by_value(xs);
    sort_by_value(ys);
    for (const auto& x : xs)
      for (const auto& y_strategy : ys) pending_.push_back({x, y_strategy});
  }

  std::size_t m_, n_;
  Polyhedron x_root_, y_root_, y_rows_;
  std::vector<std::size_t> row_members_;  // I
  std::vector<std::uint8_t> rows_;        // I as flags
  std::vector<Frame> stack_;
  std::deque<BasicMixedProfile<Scalar>> pending_;
  std::size_t pairs_ = 0;
};

/// Support enumeration as a generator: the extreme equilibria of a
/// two-player game, support pair by support pair (row supports by size,
/// then lexicographically). On a nondegenerate game these are all its
/// equilibria, found with supports of equal size, as QuantEcon's and
/// Nashpy's support_enumeration report them; on degenerate games (ties)
/// supports of different sizes and continua are handled too, so nothing is
/// missed: the set equals vertex_enumeration's.
///
/// For each pair (I, J) the candidates are the vertices of two faces of the
/// best-response polyhedra (found by the same label search as
/// vertex_enumeration), not the solution of a square linear system, which
/// is what fails on games with ties. Scalar and `tol` as in
/// vertex_enumeration.
///
/// Complexity: exponential: up to 2^m row supports of an m x n game, times
/// up to 2^n column supports each (a branch is cut once its face is empty),
/// each pair costing a vertex search of two faces (simplex pivots of
/// O((m + n)^2) operations); use vertex_enumeration on larger games.
template <class Scalar = double>
class SupportEnumeration {
 public:
  template <class Payoff>
  explicit SupportEnumeration(const BasicNormalFormGame<Payoff>& game, double tol = kBimatrixTolerance)
      : matrices_((detail::check_pivot_tolerance<Scalar>("support_enumeration", tol),
                   detail::to_bimatrix<Scalar>("support_enumeration", game))),
        tol_(tol),
        search_(make_search(matrices_, tol, 0)) {}

  /// The next extreme equilibrium {x, y}, or nothing after the last.
  std::optional<BasicMixedProfile<Scalar>> next() {
    while (true) {
      try {
        if (replay_) {  // a wider search repeats what the narrower one yielded
          for (std::size_t k = 0; k < yielded_; ++k) std::visit([](auto& search) { search.next(); }, search_);
          replay_ = false;
        }
        auto profile = std::visit([](auto& search) { return search.next(); }, search_);
        if (profile) ++yielded_;
        return profile;
      } catch (const detail::Overflow&) {
        widen();
      }
    }
  }

 private:
  template <class Entry>
  using Search = detail::SupportSearch<Scalar, Entry>;
#ifdef __SIZEOF_INT128__
  using Wide = detail::CheckedInt<detail::Int128>;
#else
  using Wide = detail::CheckedInt<std::int64_t>;
#endif
  using AnySearch = std::conditional_t<
      std::is_floating_point_v<Scalar>, std::variant<Search<Scalar>>,
      std::variant<Search<detail::CheckedInt<std::int64_t>>, Search<Wide>, Search<detail::Integer>>>;

  /// The search in the narrowest arithmetic from alternative `from` on that
  /// holds the game's polyhedra: building them can overflow too, and the
  /// overflow signal must never leave this class (only exact searches overflow;
  /// arbitrary precision, the last alternative, cannot).
  static AnySearch make_search(const detail::Bimatrix<Scalar>& matrices, double tol, std::size_t from) {
    if constexpr (std::is_floating_point_v<Scalar>) {
      return AnySearch(std::in_place_index<0>, matrices, tol);
    } else {
      if (from == 0) {
        try {
          return AnySearch(std::in_place_index<0>, matrices, tol);
        } catch (const detail::Overflow&) {
        }
      }
      if (from <= 1 && !std::is_same_v<Wide, detail::CheckedInt<std::int64_t>>) {
        try {
          return AnySearch(std::in_place_index<1>, matrices, tol);
        } catch (const detail::Overflow&) {
        }
      }
      return AnySearch(std::in_place_index<2>, matrices, tol);
    }
  }

  /// Restarts in the next wider arithmetic.
  void widen() {
    if constexpr (!std::is_floating_point_v<Scalar>) {
      search_ = make_search(matrices_, tol_, search_.index() + 1);
      replay_ = true;
    }
  }

  detail::Bimatrix<Scalar> matrices_;
  double tol_;
  AnySearch search_;

 public:
  /// Support pairs searched by the current (widest) search.
  std::size_t pairs_examined() const {
    return std::visit([](const auto& search) { return search.pairs_examined(); }, search_);
  }

 private:
  std::size_t yielded_ = 0;
  bool replay_ = false;
};

}  // namespace detail

/// Options of support_enumeration.
struct SupportEnumerationOptions {
  /// As in vertex_enumeration: labels hold within tol times the payoff range.
  double tol = kBimatrixTolerance;
  static constexpr auto fields() {
    return std::make_tuple(option("tol", &SupportEnumerationOptions::tol,
                                  "Labels hold within tol times the payoff range (ignored when exact)."));
  }
};

/// All extreme equilibria by support enumeration, in its order (row
/// supports by size, each with its column supports); see
/// detail::SupportEnumeration. With `visit`, each is handed to it as found
/// and none is kept. The report: exhaustive and converged always, num_iter
/// the support pairs searched.
/// Complexity: exponential in m + n: up to 2^m row supports times 2^n column
/// supports, each a vertex search of two faces. \sa vertex_enumeration
template <class Scalar = double, class Payoff>
Equilibria<BasicMixedProfile<Scalar>> support_enumeration(const BasicNormalFormGame<Payoff>& game,
                                                          const SupportEnumerationOptions& options = {},
                                                          const VisitorArg<BasicMixedProfile<Scalar>>& visit = {}) {
  const detail::SolverName solver_name("support_enumeration");
  detail::SupportEnumeration<Scalar> search(game, options.tol);
  Equilibria<BasicMixedProfile<Scalar>> result;
  while (auto profile = search.next()) {
    if (visit)
      visit(*profile);
    else
      result.push_back(std::move(*profile));
  }
  result.report = {"support_enumeration", true, true, search.pairs_examined(), "every support pair searched"};
  return result;
}

}  // namespace dilemma

// All extreme Nash equilibria of a two-player game.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "dilemma/detail/best_response_polyhedron.hpp"
#include "dilemma/detail/bimatrix.hpp"
#include "dilemma/profiles/mixed_profile.hpp"

namespace dilemma {

/// Default tolerance of the floating-point two-player solvers, relative to
/// each player's payoff range (payoffs are rescaled onto [1, 2] first).
inline constexpr double kBimatrixTolerance = 1e-9;

namespace detail {

/// The search of vertex_enumeration. Labels 0..m-1 are the row player's
/// strategies, m..m+n-1 the column player's. A node decides labels one by
/// one: "x" means the label holds at x (x_i = 0, or column j a best response
/// to x), "y" that it does not hold at x and so must hold at y. The row
/// player's face is the face of its polyhedron where the x-labels hold; the
/// y-labels must be strictly violated somewhere on it. The column player's
/// face is where the y-labels hold. A branch dies as soon as either face is
/// empty. Every vertex x of the row player's polyhedron is reached on at
/// most one path (its own label set decides each branch), and when the face
/// shrinks to that vertex its partners are all vertices of the column
/// player's face where every label missing at x holds (as in lrsnash).
template <class Scalar>
class ExtremeEquilibriumSearch {
 public:
  using Polyhedron = BestResponsePolyhedron<Scalar>;
  using Found = std::vector<BasicMixedProfile<Scalar>>;

  ExtremeEquilibriumSearch(const Bimatrix<Scalar>& game, Signs<Scalar> signs) : m_(game.m), n_(game.n) {
    const Bimatrix<Scalar> g = normalized(game);
    Node root;
    // The row player's x against the column player's payoffs: one row per column j.
    root.x = Polyhedron(0, m_, m_, n_, [&](std::size_t j, std::size_t i) { return g.B(i, j); }, signs);
    root.y = Polyhedron(m_, n_, 0, m_, [&](std::size_t i, std::size_t j) { return g.A(i, j); }, signs);
    root.status.assign(m_ + n_, kFree);
    root.num_x = 0;
    root.num_free = m_ + n_;
    nodes_.resize(m_ + n_ + 2);  // one node per depth; references stay valid
    nodes_[0] = std::move(root);
  }

  /// Runs the search; visit(x, y) for every extreme equilibrium.
  template <class Visit>
  void run(Visit&& visit) {
    search(0, visit);
  }

  std::size_t num_nodes() const { return num_nodes_; }

 private:
  static constexpr std::uint8_t kFree = 0, kAtX = 1, kAtY = 2;

  struct Node {
    Polyhedron x, y;
    std::vector<std::uint8_t> status;
    std::size_t num_x = 0, num_free = 0;
  };

  Node& child(std::size_t depth) {
    nodes_[depth + 1] = nodes_[depth];
    return nodes_[depth + 1];
  }

  /// The labels decided "y" can still all be violated at x (each alone
  /// suffices: the face is convex).
  static bool y_labels_violable(Node& node) {
    for (std::size_t label = 0; label < node.status.size(); ++label)
      if (node.status[label] == kAtY && !node.x.can_be_positive(label)) return false;
    return true;
  }

  std::size_t choose_label(const Node& node) const {
    std::size_t fallback = kNone;
    for (std::size_t label = 0; label < node.status.size(); ++label) {
      if (node.status[label] != kFree) continue;
      const bool at_x = node.x.tight(label), at_y = node.y.tight(label);
      if (!at_x && !at_y) return label;  // violated by both current points
      if (fallback == kNone) fallback = label;
    }
    return fallback;
  }

  template <class Visit>
  void search(std::size_t depth, Visit& visit) {
    ++num_nodes_;
    Node& node = nodes_[depth];
    if (node.x.is_point()) return finish(node, visit);
    // A vertex of the row player's polyhedron (dimension m) has >= m labels.
    if (node.num_x + node.num_free < m_) return;
    const std::size_t label = choose_label(node);
    if (label == kNone) return;  // all labels decided, face not a vertex: found elsewhere
    {
      Node& next = child(depth);
      next.status[label] = kAtX;
      ++next.num_x;
      --next.num_free;
      if (next.x.fix(label) && y_labels_violable(next)) search(depth + 1, visit);
    }
    {
      Node& next = child(depth);
      next.status[label] = kAtY;
      --next.num_free;
      if (next.x.can_be_positive(label) && next.y.fix(label)) search(depth + 1, visit);
    }
  }

  /// The row player's face is the vertex x: every label missing at x must
  /// hold at y; each vertex of that face of the column player's polyhedron
  /// is a partner.
  template <class Visit>
  void finish(Node& node, Visit& visit) {
    for (std::size_t label = 0; label < node.status.size(); ++label)
      if (node.status[label] == kFree && !node.x.tight(label) && !node.y.fix(label)) return;
    const std::vector<Scalar> x = node.x.strategy();
    node.y.block_implied_labels();
    if (node.y.is_point()) return visit(x, node.y.strategy());
    node.y.for_each_vertex([&](const Polyhedron& y) { visit(x, y.strategy()); });
  }

  std::size_t m_, n_;
  std::vector<Node> nodes_;
  std::size_t num_nodes_ = 0;
};

/// Sorts profiles lexicographically (row strategy first) for a stable order.
template <class Scalar>
void sort_profiles(std::vector<BasicMixedProfile<Scalar>>& profiles) {
  std::sort(profiles.begin(), profiles.end());
}

}  // namespace detail

/// All extreme Nash equilibria of a two-player game: the pairs (x, y) where
/// x is a vertex of the row player's best-response polyhedron, y one of the
/// column player's, and together they are an equilibrium. Every equilibrium
/// of the game is a convex combination of extreme ones within a maximal
/// Nash subset (see nash_components). Degenerate games are normal input:
/// the set is complete, with each equilibrium once.
///
/// Scalar selects the arithmetic: double (labels hold within `tol`, relative
/// to each player's payoff range) or an exact rational type such as
/// boost::multiprecision::cpp_rational (`tol` ignored).
///
/// Method: a depth-first search that decides for each pure strategy whether
/// it is unplayed or a best response, keeping both players' faces nonempty
/// by simplex pivots (Bland's rule, so degenerate pivots cannot cycle);
/// branches die as soon as one face is empty, so far fewer nodes are visited
/// than the polytopes have vertices. Worst case exponential, as any method
/// (the number of extreme equilibria can be).
///
/// Returns profiles {x, y} sorted lexicographically.
/// \sa nash_components, support_enumeration, lemke_howson
template <class Scalar = double, class Payoff>
std::vector<BasicMixedProfile<Scalar>> vertex_enumeration(const BasicNormalFormGame<Payoff>& game,
                                                          double tol = kBimatrixTolerance) {
  detail::check_tolerance("vertex_enumeration", "tol", tol);
  const auto matrices = detail::to_bimatrix<Scalar>("vertex_enumeration", game);
  detail::Signs<Scalar> signs;
  if constexpr (std::is_floating_point_v<Scalar>) signs.eps = static_cast<Scalar>(tol);
  detail::ExtremeEquilibriumSearch<Scalar> search(matrices, signs);
  std::vector<BasicMixedProfile<Scalar>> found;
  search.run([&](std::vector<Scalar> x, std::vector<Scalar> y) {
    found.push_back({std::move(x), std::move(y)});
  });
  detail::sort_profiles(found);
  return found;
}

}  // namespace dilemma

// All extreme Nash equilibria of a two-player game.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "dilemma/detail/best_response_polyhedron.hpp"
#include "dilemma/detail/bimatrix.hpp"
#include "dilemma/solvers/solver.hpp"
#include "dilemma/profiles/mixed_profile.hpp"

namespace dilemma {

namespace detail {

/// The search of vertex_enumeration. Labels 0..m-1 are the row player's
/// strategies, m..m+n-1 the column player's. A node decides labels one by
/// one: "x" means the label holds at x (x_i = 0, or column j a best response
/// to x), "y" that it does not hold at x and so must hold at y. The row
/// player's face is the face of its polyhedron where the x-labels hold; the
/// y-labels must each be violated somewhere on it. The column player's face
/// is where the y-labels hold. A branch dies as soon as either face is
/// empty. Every vertex x of the row player's polyhedron is reached on at
/// most one path (its own label set decides each branch); when the face has
/// shrunk to x, its partners are the vertices of the column player's face
/// where every label missing at x holds (as in lrsnash), enumerated by the
/// same search without a partner.
template <class Scalar, class Entry = DefaultEntry<Scalar>>
class LabelSearch {
 public:
  using Polyhedron = BestResponsePolyhedron<Scalar, Entry>;

  /// Extreme equilibria of a game: the row player's polyhedron searched,
  /// the column player's as the partner.
  LabelSearch(const Bimatrix<Scalar>& game, double eps) : dimension_(game.m), paired_(true) {
    Node root;
    std::tie(root.x, root.y) = best_response_polyhedra<Scalar, Entry>(game, eps);
    start(std::move(root));
  }

  /// The vertices of a face of a polyhedron of dimension `dimension` (its
  /// number of own strategies), where the labels blocked there hold and
  /// those flagged in `violated` (if given) do not.
  LabelSearch(const Polyhedron& face, std::size_t dimension, const std::vector<std::uint8_t>& violated = {})
      : dimension_(dimension), paired_(false) {
    Node root;
    root.x = face;
    start(std::move(root));
    for (std::size_t label = 0; label < violated.size(); ++label)
      if (violated[label] && nodes_[0].status[label] == kFree) {
        nodes_[0].status[label] = kAtY;
        --nodes_[0].num_free;
      }
  }

  /// Runs the search: visit(x, y, k) for every extreme equilibrium, x the
  /// k-th vertex found of the row player's polyhedron (its partners come
  /// one after the other); or visit(vertex) for every vertex of the face.
  /// The arguments are polyhedra at the points.
  template <class Visit>
  void run(Visit&& visit) {
    if (y_labels_violable(nodes_[0])) search(0, visit);
  }

  std::size_t num_nodes() const { return num_nodes_; }

 private:
  static constexpr std::uint8_t kFree = 0, kAtX = 1, kAtY = 2;

  struct Node {
    Polyhedron x, y;
    std::vector<std::uint8_t> status;
    std::size_t num_x = 0, num_free = 0;
  };

  void start(Node root) {
    const std::size_t labels = root.x.num_labels();
    root.status.assign(labels, kFree);
    for (std::size_t label = 0; label < labels; ++label)
      if (root.x.blocked(label)) root.status[label] = kAtX;
    root.num_x = static_cast<std::size_t>(std::count(root.status.begin(), root.status.end(), kAtX));
    root.num_free = labels - root.num_x;
    nodes_.resize(labels + 2);  // one node per depth, so references stay valid
    nodes_[0] = std::move(root);
  }

  Node& child(std::size_t depth) {
    // The stack holds a copy of both tableaux per depth: up to m + n + 2.
    const Node& node = nodes_[depth];
    const std::size_t node_bytes = node.x.bytes() + node.y.bytes();
    if (!surely_fits(depth + 2, node_bytes))
      check_fits_in_memory(current_solver("vertex_enumeration"), depth + 2, node_bytes,
                           "the search's stack of tableaux at depth " + std::to_string(depth + 1));
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

  /// The free label with the largest product of its slacks at the two
  /// current points (the largest complementarity violation, as in EEE), so
  /// that both branches move; without one, the label with the largest slack
  /// at x (its "y" branch keeps x, its "x" branch moves furthest).
  std::size_t choose_label(const Node& node) const {
    std::size_t violated = kNone, widest = kNone;
    double best_product = 0, best_slack = 0;
    for (std::size_t label = 0; label < node.status.size(); ++label) {
      if (node.status[label] != kFree) continue;
      const double slack = node.x.slack(label);
      if (paired_ && slack * node.y.slack(label) > best_product) {
        violated = label;
        best_product = slack * node.y.slack(label);
      }
      if (widest == kNone || slack > best_slack) {
        widest = label;
        best_slack = slack;
      }
    }
    return violated != kNone ? violated : widest;
  }

  template <class Visit>
  void search(std::size_t depth, Visit& visit) {
    ++num_nodes_;
    Node& node = nodes_[depth];
    if (node.x.is_point()) return finish(node, visit);
    // A vertex of a polyhedron of dimension d has at least d labels.
    if (node.num_x + node.num_free < dimension_) return;
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
      if (next.x.can_be_positive(label) && (!paired_ || next.y.fix(label))) search(depth + 1, visit);
    }
  }

  /// The face is the vertex x. Unpaired: a vertex found. Paired: every
  /// label missing at x must hold at y; each vertex of that face of the
  /// column player's polyhedron is a partner.
  template <class Visit>
  void finish(Node& node, Visit& visit) {
    if constexpr (std::is_invocable_v<Visit&, const Polyhedron&>) {
      visit(node.x);
    } else {
      finish_pair(node, visit);
    }
  }

  template <class Visit>
  void finish_pair(Node& node, Visit& visit) {
    for (std::size_t label = 0; label < node.status.size(); ++label)
      if (node.status[label] == kFree && !node.x.tight(label) && !node.y.fix(label)) return;
    const std::size_t index = num_vertices_++;
    if (node.y.is_point()) return visit(node.x, node.y, index);
    LabelSearch partners(node.y, node.y.num_labels() - dimension_);
    partners.run([&](const Polyhedron& y) { visit(node.x, y, index); });
    num_nodes_ += partners.num_nodes();
  }

  std::size_t dimension_;
  bool paired_;
  std::vector<Node> nodes_;
  std::size_t num_nodes_ = 0, num_vertices_ = 0;
};

/// Checks the input, then returns collect(search) for a LabelSearch over
/// the game in Scalar's arithmetic (run again in wider integers if exact
/// arithmetic overflows, so collect must start from scratch each time).
template <class Scalar, class Payoff, class Collect>
auto search_extreme_equilibria(const char* function, const BasicNormalFormGame<Payoff>& game, double tol,
                               Collect&& collect) {
  check_pivot_tolerance<Scalar>(function, tol);
  const Bimatrix<Scalar> matrices = to_bimatrix<Scalar>(function, game);
  return with_arithmetic<Scalar>([&](auto entry) {
    LabelSearch<Scalar, decltype(entry)> search(matrices, tol);
    return collect(search);
  });
}

}  // namespace detail

/// Options of vertex_enumeration (and of vertex_enumeration_gen in Python).
struct VertexEnumerationOptions {
  /// Labels and regrets hold within tol times the payoff range (each
  /// player's own range in the pivots, which is stricter); in
  /// [kMinPivotTolerance, kMaxPivotTolerance]; ignored in exact arithmetic.
  double tol = kBimatrixTolerance;
  static constexpr auto fields() {
    return std::make_tuple(option("tol", &VertexEnumerationOptions::tol,
                                  "Labels hold within tol times the payoff range, 1e-13 to 1e-5 "
                                  "(ignored when exact)."));
  }
};

/// All extreme Nash equilibria of a two-player game: the pairs (x, y) where
/// x is a vertex of the row player's best-response polyhedron, y one of the
/// column player's, and together they are an equilibrium. Every equilibrium
/// of the game is a convex combination of extreme ones within a maximal
/// Nash subset (see nash_components). Degenerate games are normal input:
/// the set is complete, with each equilibrium once.
///
/// Scalar selects the arithmetic: double or an exact rational type such as
/// boost::multiprecision::cpp_rational (`tol` ignored).
///
/// Method: a depth-first search that decides for each pure strategy whether
/// it is unplayed or a best response, keeping both players' faces nonempty
/// by simplex pivots (Bland's rule, so degenerate pivots cannot cycle);
/// branches die as soon as one face is empty, so far fewer nodes are visited
/// than the polytopes have vertices.
///
/// Complexity: exponential in the worst case, as for any method (the number
/// of extreme equilibria can be): up to O(2^(m+n)) search nodes for an
/// m x n game, each costing a few simplex pivots of O((m + n)^2) arithmetic
/// operations (on numbers that grow with the pivots when exact); O((m + n)^3)
/// memory for the depth-first stack of tableaux, plus the result.
///
/// \returns profiles {x, y} sorted lexicographically; with `visit`, each is
/// handed to it as found (in search order) and none is kept. The report:
/// exhaustive and converged always, num_iter the search nodes visited.
/// \sa nash_components, support_enumeration, lemke_howson
template <class Scalar = double, class Payoff>
Equilibria<BasicMixedProfile<Scalar>> vertex_enumeration(const BasicNormalFormGame<Payoff>& game,
                                                         const VertexEnumerationOptions& options = {},
                                                         const VisitorArg<BasicMixedProfile<Scalar>>& visit = {}) {
  const detail::SolverName solver_name("vertex_enumeration");
  Equilibria<BasicMixedProfile<Scalar>> result;
  std::size_t handed_over = 0;  // an exact search restarted in wider integers replays the same order
  const std::size_t profile_bytes = sizeof(BasicMixedProfile<Scalar>) + 2 * sizeof(std::vector<Scalar>) +
                                    (game.nums_actions()[0] + game.nums_actions().back()) * sizeof(Scalar);
  detail::search_extreme_equilibria<Scalar>("vertex_enumeration", game, options.tol, [&](auto& search) {
    result.clear();
    std::size_t seen = 0, last_x = 0;
    std::vector<Scalar> x;
    search.run([&](const auto& x_face, const auto& y_face, std::size_t x_index) {
      if (seen == 0 || x_index != last_x) x = x_face.strategy();
      last_x = x_index;
      ++seen;
      if (!visit) {
        detail::check_growth("vertex_enumeration", result, 1, "the list of equilibria", profile_bytes);
        result.push_back({x, y_face.strategy()});
      } else if (seen > handed_over) {
        ++handed_over;
        visit(BasicMixedProfile<Scalar>{x, y_face.strategy()});
      }
    });
    result.report.num_iter = search.num_nodes();
    return 0;
  });
  detail::sort_by_value(result);
  result.report.method = "vertex_enumeration";
  result.report.converged = result.report.exhaustive = true;
  result.report.message = "every extreme equilibrium listed";
  return result;
}

}  // namespace dilemma

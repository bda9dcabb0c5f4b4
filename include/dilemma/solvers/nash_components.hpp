// The equilibrium set of a two-player game as maximal Nash subsets and
// connected components.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "dilemma/solvers/vertex_enumeration.hpp"

namespace dilemma {

/// A maximal Nash subset: conv(row_strategies) x conv(column_strategies).
/// Every pair of a row strategy in the first hull and a column strategy in
/// the second is an equilibrium, and no larger product set of equilibria
/// contains it (Jansen 1981; Avis, Rosenberg, Savani & von Stengel 2010).
template <class Scalar>
struct BasicNashSubset {
  std::vector<std::vector<Scalar>> row_strategies, column_strategies;  ///< extreme points
};

/// A connected component of the equilibrium set: the union of the maximal
/// Nash subsets that overlap one another, directly or through others.
template <class Scalar>
struct BasicNashComponent {
  /// Extreme points of the component: row strategies, column strategies.
  std::vector<std::vector<Scalar>> row_strategies, column_strategies;
  /// Its extreme equilibria {x, y}.
  std::vector<BasicMixedProfile<Scalar>> equilibria;
  /// Its maximal Nash subsets; the component is their union.
  std::vector<BasicNashSubset<Scalar>> nash_subsets;
  /// A single equilibrium (then isolated) rather than a continuum.
  bool is_singleton() const { return equilibria.size() == 1; }
};

using NashSubset = BasicNashSubset<double>;
using NashComponent = BasicNashComponent<double>;

namespace detail {

/// Union-find over 0..size-1.
class Partition {
 public:
  explicit Partition(std::size_t size) : parent_(size) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t k) {
    while (parent_[k] != k) k = parent_[k] = parent_[parent_[k]];
    return k;
  }
  void join(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

 private:
  std::vector<std::size_t> parent_;
};

/// The extreme equilibria as a bipartite graph: distinct row and column
/// vertices and the pairs that are equilibria.
template <class Scalar>
struct EquilibriumGraph {
  std::vector<std::vector<Scalar>> rows, columns;
  std::vector<std::pair<std::size_t, std::size_t>> edges;
};

/// The maximal bicliques of a bipartite graph given by each row's set of
/// neighbours (0/1 flags over the columns), as {rows, columns}: the closed
/// sets of the Galois connection, i.e. every nonempty intersection of
/// neighbourhoods with the rows adjacent to all of it. Exponential in the
/// worst case, as their number can be.
inline std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> maximal_bicliques(
    const std::vector<std::vector<std::uint8_t>>& neighbours) {
  std::set<std::vector<std::uint8_t>> closed;
  for (const auto& set : neighbours) {
    std::vector<std::vector<std::uint8_t>> added{set};
    for (const auto& other : closed) {
      std::vector<std::uint8_t> meet(set.size());
      bool empty = true;
      for (std::size_t c = 0; c < set.size(); ++c) empty &= !(meet[c] = set[c] & other[c]);
      if (!empty) added.push_back(std::move(meet));
    }
    closed.insert(added.begin(), added.end());
  }
  std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> bicliques;
  for (const auto& columns : closed) {
    std::pair<std::vector<std::size_t>, std::vector<std::size_t>> biclique;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (columns[c]) biclique.second.push_back(c);
    for (std::size_t r = 0; r < neighbours.size(); ++r) {
      bool all = true;
      for (std::size_t c : biclique.second) all = all && neighbours[r][c];
      if (all) biclique.first.push_back(r);
    }
    bicliques.push_back(std::move(biclique));
  }
  return bicliques;
}

/// Sorts `vertices` by value; returns each old index's new index.
template <class Scalar>
std::vector<std::size_t> sort_vertices(std::vector<std::vector<Scalar>>& vertices) {
  std::map<std::vector<Scalar>, std::size_t> old_index;
  for (std::size_t k = 0; k < vertices.size(); ++k) old_index.emplace(vertices[k], k);
  sort_by_value(vertices);
  std::vector<std::size_t> new_index(vertices.size());
  for (std::size_t k = 0; k < vertices.size(); ++k) new_index[old_index.at(vertices[k])] = k;
  return new_index;
}

template <class Scalar>
std::vector<BasicNashComponent<Scalar>> components_of(EquilibriumGraph<Scalar> graph) {
  const std::vector<std::size_t> new_row = sort_vertices(graph.rows), new_column = sort_vertices(graph.columns);
  for (auto& [r, c] : graph.edges) {
    r = new_row[r];
    c = new_column[c];
  }
  const std::size_t num_rows = graph.rows.size();
  Partition partition(num_rows + graph.columns.size());
  for (const auto& [r, c] : graph.edges) partition.join(r, num_rows + c);
  std::map<std::size_t, std::vector<std::pair<std::size_t, std::size_t>>> edges_by_root;
  for (const auto& edge : graph.edges) edges_by_root[partition.find(edge.first)].push_back(edge);
  std::vector<BasicNashComponent<Scalar>> components;
  for (const auto& [root, edges] : edges_by_root) {
    BasicNashComponent<Scalar> component;
    std::map<std::size_t, std::size_t> row_index, column_index;  // graph index -> local index
    for (const auto& [r, c] : edges) {
      row_index.emplace(r, row_index.size());
      column_index.emplace(c, column_index.size());
    }
    for (const auto& [r, local] : row_index) component.row_strategies.push_back(graph.rows[r]);
    for (const auto& [c, local] : column_index) component.column_strategies.push_back(graph.columns[c]);
    // Local indices in the graph's order, which is the strategies' order.
    std::size_t k = 0;
    for (auto& [r, local] : row_index) local = k++;
    k = 0;
    for (auto& [c, local] : column_index) local = k++;
    std::vector<std::vector<std::uint8_t>> neighbours(row_index.size(),
                                                      std::vector<std::uint8_t>(column_index.size(), 0));
    for (const auto& [r, c] : edges) {
      neighbours[row_index[r]][column_index[c]] = 1;
      component.equilibria.push_back({graph.rows[r], graph.columns[c]});
    }
    sort_by_value(component.equilibria);
    for (const auto& [rows, columns] : maximal_bicliques(neighbours)) {
      BasicNashSubset<Scalar> subset;
      for (std::size_t r : rows) subset.row_strategies.push_back(component.row_strategies[r]);
      for (std::size_t c : columns) subset.column_strategies.push_back(component.column_strategies[c]);
      component.nash_subsets.push_back(std::move(subset));
    }
    components.push_back(std::move(component));
  }
  std::sort(components.begin(), components.end(), [](const auto& a, const auto& b) {
    return a.equilibria.front() < b.equilibria.front();
  });
  return components;
}

}  // namespace detail

/// Options of nash_components.
struct NashComponentsOptions {
  /// As in vertex_enumeration: labels hold within tol times the payoff range.
  double tol = kBimatrixTolerance;
  static constexpr auto fields() {
    return std::make_tuple(option("tol", &NashComponentsOptions::tol,
                                  "Labels hold within tol times the payoff range, 1e-13 to 1e-5 "
                                  "(ignored when exact)."));
  }
};

/// The equilibrium set of a two-player game, component by component.
///
/// The extreme equilibria (vertex_enumeration) form a bipartite graph
/// between row and column vertices. Its maximal bicliques are the maximal
/// Nash subsets, conv(X) x conv(Y), and its connected components are the
/// connected components of the equilibrium set (Avis et al. 2010, section
/// 6), so a continuum of equilibria is reported as what it is: in a game
/// where no player's choice changes their own payoff, one component with
/// one Nash subset, the product of both simplices.
///
/// Components are sorted by their least extreme equilibrium; `Scalar` and
/// `tol` as in vertex_enumeration. The report: exhaustive and converged
/// always, num_iter the extreme equilibria (edges of the graph) found.
/// Complexity: that of vertex_enumeration (exponential in m + n in the worst
/// case), then the enumeration of the maximal bicliques of the graph of the
/// E extreme equilibria (exponential in E only in pathological games).
/// \sa vertex_enumeration
template <class Scalar = double, class Payoff>
Equilibria<BasicNashComponent<Scalar>> nash_components(const BasicNormalFormGame<Payoff>& game,
                                                       const NashComponentsOptions& options = {}) {
  const detail::SolverName solver_name("nash_components");
  auto graph = detail::search_extreme_equilibria<Scalar>("nash_components", game, options.tol, [](auto& search) {
    detail::EquilibriumGraph<Scalar> found;
    std::map<std::size_t, std::size_t> row_ids;      // a row vertex by its search index
    std::map<std::string, std::size_t> column_ids;   // a column vertex by its labels
    search.run([&](const auto& x_face, const auto& y_face, std::size_t x_index) {
      const auto row = row_ids.emplace(x_index, found.rows.size());
      if (row.second) found.rows.push_back(x_face.strategy());
      const auto column = column_ids.emplace(y_face.tight_key(), found.columns.size());
      if (column.second) found.columns.push_back(y_face.strategy());
      found.edges.emplace_back(row.first->second, column.first->second);
    });
    return found;
  });
  const std::size_t edges = graph.edges.size();
  return {detail::components_of(std::move(graph)),
          {"nash_components", true, true, edges, "every extreme equilibrium in its component"}};
}

}  // namespace dilemma

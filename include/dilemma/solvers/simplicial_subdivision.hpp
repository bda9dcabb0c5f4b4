// One Nash equilibrium of an n-player game by simplicial subdivision: the
// variable-dimension restart algorithm of van der Laan, Talman & van der
// Heyden (1987, "Simplicial variable dimension algorithms for solving the
// nonlinear complementarity problem on a product of unit simplices using a
// general labelling", Math. Oper. Res. 12), on the product of the players'
// simplices, as Gambit's gambit-simpdiv uses it; then Newton on the support
// of the approximate equilibrium, so that the result is an equilibrium
// verified by its regret.
//
// Grid. A profile is a grid point of mesh 1/K when every probability is a
// multiple of 1/K; vertices are held as integers (K times the
// probabilities), so "probability 0" is exact. Each restart starts at a grid
// point v (at first the start profile, later the best vertex of the previous
// restart) and refines the mesh by options.grid.
//
// Regions. Per player j with actions 0..m_j-1, the direction of action h is
// q(j, h) = e(j, h+1) - e(j, h) (cyclically): it moves 1/K of player j's
// probability from h to the next action. For a set T of pairs (j, h) with
// T_j a proper subset of player j's actions, the region
//   A(T) = { v + sum_{(j,h) in T} lambda_jh q(j, h) / K : lambda >= 0 } ∩ S
// is |T|-dimensional and bounded, and is triangulated by Freudenthal's
// triangulation in lambda (simplices sigma(a, pi): vertex 1 at lambda = a,
// an integer vector, vertex k+1 = vertex k + q(pi_k), pi an ordering of T).
// The hyperplanes x_jh = 0 are triangulation hyperplanes, so the product of
// simplices S is a union of simplices.
//
// Labels. Every vertex y gets one label (j, h) from Nash's map
//   f_jh(y) = (y_jh + g_jh^+) / (1 + sum_k g_jk^+),  g_jh = u_j(h, y_-j) - u_j(y):
// j is the player whose strategy f moves most, D_j = max_h (y_jh - f_jh) being
// largest, and h the action whose probability f lowers most, always an
// action with y_jh > 0 (a Sperner labelling). Because label (j, h) requires
// y_jh > 0 and A(T) can only reach the face x_jh = 0 when (j, h) is in T, no
// door of the path lies on the boundary of S.
//
// The path. Its nodes are simplices of A(T) whose labels contain T: either
// one label of T twice (the vertex that did not just enter is dropped by a
// Freudenthal pivot; dropping the last vertex when a(pi_t) = 0 lands on
// the face lambda(pi_t) = 0, a simplex of A(T - pi_t), whose vertex labelled
// pi_t is dropped next) or a label (j, h) outside T (T grows by it, unless
// T_j + h would be all of j's actions: then the simplex carries every label
// of player j and the restart ends). From v the path is unique and finite.
// At the end every action of j is where f lowers j's strategy most among
// all players, so as the mesh shrinks the simplex shrinks to a fixed point
// of f: a Nash equilibrium. Integer labels make the path non-degenerate
// whatever the payoffs (constant payoffs, duplicated strategies, indifferent
// players): at worst the start vertex is already an equilibrium.
//
// Polish. After each restart, the best vertex (least regret) is refined by
// Newton's method on the indifference equations of its support (actions
// with at least c/K probability for a few cuts c), as logit_qre does; the
// result is accepted when its regret is at most options.tol times the
// payoff range (the largest range of one player's payoffs, 1 when all are equal).
//
// Cost: each label contracts every player's payoff tensor, O(n P) for P
// pure profiles; a restart takes a number of pivots that grows with the
// dimension sum_j (m_j - 1) and the distance travelled on the grid.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "dilemma/core/monitor.hpp"
#include "dilemma/core/errors.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/solvers/logit_qre.hpp"

namespace dilemma {

/// Options of simplicial_subdivision; defaults as gambit-simpdiv where it
/// has one.
struct SimplicialSubdivisionOptions {
  /// Start profile; empty: every player plays its first action (Gambit's
  /// default). Rounded to the nearest grid point of mesh 1/q for the
  /// smallest q <= 1000 that represents it within 1e-9 (else q = 1000).
  MixedProfile start;
  /// Accept a profile when its regret is at most tol times the payoff range
  /// (1e-10).
  double tol = 1e-10;
  /// Factor by which the mesh is refined at each restart (gambit-simpdiv
  /// -g: 2); at least 2.
  std::size_t grid = 2;
  /// Most pivots over all restarts; exceeding it throws NotConverged.
  std::size_t max_iter = 1000000;
  /// Largest grid denominator K (mesh 1/K); a finer grid throws NotConverged.
  std::int64_t max_denominator = std::int64_t(1) << 40;
};

/// Result of simplicial_subdivision.
struct SimplicialSubdivisionResult {
  /// A Nash equilibrium: regret <= options.tol * payoff range.
  MixedProfile equilibrium;
  /// Its regret (largest gain of any player from a pure deviation).
  double regret = 0.0;
  /// Pivots over all restarts.
  std::size_t num_iter = 0;
  /// Restarts (grid refinements) made.
  std::size_t num_refinements = 0;
  /// Mesh 1/denominator of the last grid.
  std::int64_t denominator = 1;
  /// True: the equilibrium was verified (a result is only returned then).
  bool converged = false;
  SimplicialSubdivisionOptions options;
};

namespace detail {

/// One grid of the restart algorithm; vertices are integer vectors (K times
/// the probabilities), flattened player by player.
class SimplicialGrid {
 public:
  SimplicialGrid(const NormalFormGame& game, double scale) : game_(game), scale_(scale) {
    for (std::size_t m : game.nums_actions()) {
      offsets_.push_back(dim_);
      dim_ += m;
    }
    for (std::size_t j = 0; j < offsets_.size(); ++j)
      for (std::size_t h = 0; h < game.nums_actions()[j]; ++h) player_of_.push_back(j);
  }

  struct Label {
    std::size_t index;  // flat (j, h)
    double regret;
  };

  MixedProfile profile(const std::vector<std::int64_t>& y, std::int64_t K) const {
    MixedProfile x(offsets_.size());
    for (std::size_t j = 0; j < offsets_.size(); ++j) {
      x[j].resize(game_.nums_actions()[j]);
      for (std::size_t h = 0; h < x[j].size(); ++h) x[j][h] = double(y[offsets_[j] + h]) / double(K);
    }
    return x;
  }

  /// The label of vertex y and its regret: the player of largest regret
  /// and, among the actions it uses, the one of least payoff.
  Label label(const std::vector<std::int64_t>& y, std::int64_t K) const {
    const MixedProfile x = profile(y, K);
    Label best{std::numeric_limits<std::size_t>::max(), 0.0};
    double top_regret = -1;
    for (std::size_t j = 0; j < offsets_.size(); ++j) {
      const std::vector<double> u = contract_except(game_, x, j);
      double mean = 0, top = u[0];
      for (std::size_t h = 0; h < u.size(); ++h) mean += x[j][h] * u[h], top = std::max(top, u[h]);
      const double r = std::max(0.0, top - mean);
      best.regret = std::max(best.regret, r);
      if (u.size() < 2 || r <= top_regret) continue;
      top_regret = r;
      std::size_t worst = offsets_[j];
      double low = std::numeric_limits<double>::infinity();
      for (std::size_t h = 0; h < u.size(); ++h)  // Sperner: only actions in use
        if (y[offsets_[j] + h] > 0 && u[h] < low) low = u[h], worst = offsets_[j] + h;
      best.index = worst;
    }
    return best;
  }

  std::size_t dim() const { return dim_; }
  std::size_t player_of(std::size_t index) const { return player_of_[index]; }
  std::size_t num_actions_of(std::size_t index) const { return game_.nums_actions()[player_of_[index]]; }
  /// y += sign * q(index): one unit from action h to the next of its player.
  void move(std::vector<std::int64_t>& y, std::size_t index, int sign) const {
    const std::size_t j = player_of_[index], o = offsets_[j], m = game_.nums_actions()[j];
    const std::size_t next = o + (index - o + 1) % m;
    y[index] -= sign;
    y[next] += sign;
  }

 private:
  const NormalFormGame& game_;
  double scale_;
  std::vector<std::size_t> offsets_, player_of_;
  std::size_t dim_ = 0;
};

/// One restart from grid point v (denominator K). Returns the vertex of
/// least regret seen; stops early at a vertex with regret <= target.
/// Adds the pivots to `pivots`; throws NotConverged beyond max_iter.
inline std::vector<std::int64_t> simplicial_restart(const SimplicialGrid& grid, const std::vector<std::int64_t>& v,
                                                    std::int64_t K, double target, std::size_t max_iter,
                                                    std::size_t& pivots, double& best_regret) {
  const std::size_t none = std::numeric_limits<std::size_t>::max();
  std::vector<std::vector<std::int64_t>> vertices{v};
  std::vector<std::size_t> labels;
  std::vector<std::size_t> order;                       // pi: flat indices of T, in Freudenthal order
  std::vector<std::int64_t> a(grid.dim(), 0);           // lambda of vertex 1
  std::vector<char> in_T(grid.dim(), 0);
  std::vector<std::size_t> T_count(grid.dim(), 0);      // per player (indexed by player)
  std::vector<std::int64_t> best = v;
  best_regret = std::numeric_limits<double>::infinity();
  auto label_of = [&](const std::vector<std::int64_t>& y) {
    const SimplicialGrid::Label l = grid.label(y, K);
    if (l.regret < best_regret) best_regret = l.regret, best = y;
    return l;
  };
  SimplicialGrid::Label first = label_of(v);
  if (first.regret <= target || first.index == none) return best;
  labels.push_back(first.index);
  std::size_t entered = 0;  // index of the vertex that just entered
  while (true) {
    checkpoint("simplicial_subdivision");
    if (++pivots > max_iter)
      throw NotConverged("simplicial_subdivision: no equilibrium after max_iter = " + std::to_string(max_iter) +
                         " pivots (grid denominator " + std::to_string(K) + "); raise max_iter");
    const std::size_t L = labels[entered];
    std::size_t drop = none;
    if (!in_T[L]) {
      const std::size_t j = grid.player_of(L);
      if (T_count[j] + 1 == grid.num_actions_of(L)) {  // every label of player j: restart from here
        double least = std::numeric_limits<double>::infinity();
        for (const auto& y : vertices) {
          const double r = grid.label(y, K).regret;
          if (r < least) least = r, best = y;
        }
        best_regret = least;
        return best;
      }
      in_T[L] = 1, ++T_count[j];
      order.push_back(L);
      a[L] = 0;
      std::vector<std::int64_t> y = vertices.back();
      grid.move(y, L, +1);
      const SimplicialGrid::Label l = label_of(y);
      if (l.regret <= target) return best;
      vertices.push_back(std::move(y));
      labels.push_back(l.index);
      entered = vertices.size() - 1;
      continue;
    }
    for (std::size_t k = 0; k < labels.size(); ++k)
      if (k != entered && labels[k] == L) drop = k;
    // Pivot: drop vertex `drop`, possibly lowering the dimension first.
    while (true) {
      const std::size_t t = order.size();
      if (drop == t && a[order.back()] == 0) {  // facet on lambda(pi_t) = 0: leave T
        const std::size_t h = order.back();
        order.pop_back();
        in_T[h] = 0, --T_count[grid.player_of(h)];
        vertices.pop_back();
        labels.pop_back();
        drop = none;
        for (std::size_t k = 0; k < labels.size(); ++k)
          if (labels[k] == h) drop = k;
        if (drop == none || order.empty())
          throw NotConverged("simplicial_subdivision: internal error, the path returned to its start");
        continue;
      }
      std::vector<std::int64_t> y;
      std::size_t at = 0;
      if (drop == 0) {  // vertex 1 moves on by pi_1
        const std::size_t p = order.front();
        y = vertices.back();
        grid.move(y, p, +1);
        ++a[p];
        order.erase(order.begin());
        order.push_back(p);
        vertices.erase(vertices.begin());
        labels.erase(labels.begin());
        vertices.push_back(y);
        labels.push_back(0);
        at = t;
      } else if (drop == t) {  // vertex t+1 goes, a new vertex 1 before the old one
        const std::size_t p = order.back();
        y = vertices.front();
        grid.move(y, p, -1);
        --a[p];
        order.pop_back();
        order.insert(order.begin(), p);
        vertices.pop_back();
        labels.pop_back();
        vertices.insert(vertices.begin(), y);
        labels.insert(labels.begin(), 0);
        at = 0;
      } else {  // swap pi_{drop-1} and pi_drop
        y = vertices[drop - 1];
        grid.move(y, order[drop], +1);
        std::swap(order[drop - 1], order[drop]);
        vertices[drop] = y;
        at = drop;
      }
      const SimplicialGrid::Label l = label_of(y);
      if (l.regret <= target) return best;
      labels[at] = l.index;
      entered = at;
      break;
    }
  }
}

/// The smallest denominator q <= 1000 with x within 1e-9 of multiples of
/// 1/q (else 1000), and x rounded to it (largest remainders per player).
inline std::vector<std::int64_t> grid_start(const MixedProfile& x, std::int64_t& q) {
  auto fits = [&](std::int64_t d) {
    for (const auto& s : x)
      for (double p : s)
        if (std::abs(p * double(d) - std::round(p * double(d))) > 1e-9 * double(d)) return false;
    return true;
  };
  for (q = 1; q < 1000 && !fits(q); ++q) {
  }
  std::vector<std::int64_t> y;
  for (const auto& s : x) {
    std::vector<std::int64_t> cells(s.size());
    std::vector<std::pair<double, std::size_t>> rest;
    std::int64_t total = 0;
    for (std::size_t h = 0; h < s.size(); ++h) {
      cells[h] = std::int64_t(std::floor(std::max(0.0, s[h]) * double(q) + 1e-9));
      total += cells[h];
      rest.emplace_back(std::max(0.0, s[h]) * double(q) - double(cells[h]), h);
    }
    std::sort(rest.begin(), rest.end(), [](const auto& l, const auto& r) { return l.first > r.first; });
    for (std::size_t k = 0; total < q; ++k, ++total) ++cells[rest[k % rest.size()].second];
    for (std::size_t k = s.size(); total > q && k-- > 0;)
      while (total > q && cells[k] > 0) --cells[k], --total;
    y.insert(y.end(), cells.begin(), cells.end());
  }
  return y;
}

/// Newton on a support near x: actions with at least c/K probability (c =
/// 0.5, 1.5, 4.5) or at least 1e-4, 1e-3, 1e-2; the used actions whose
/// payoff is within 2, 10 or 100 times the regret of the best; and all
/// actions within those bounds, played or not. Each support is tried once;
/// returns the refined profile of least regret, or x.
inline MixedProfile polish_on_support(const NormalFormGame& game, const MixedProfile& x, double mesh,
                                      double& regret_out) {
  const DenseLogitSystem sys(game);
  auto flatten = [&](const MixedProfile& p) {
    Eigen::VectorXd flat(Eigen::Index(sys.dim()));
    for (std::size_t j = 0, k = 0; j < p.size(); ++j)
      for (double q : p[j]) flat[Eigen::Index(k++)] = q;
    return flat;
  };
  MixedProfile best = x;
  regret_out = regret(game, x);
  const double start_regret = regret_out;
  std::vector<std::vector<char>> tried;  // each support once
  auto attempt = [&](Eigen::VectorXd candidate, double cut) {
    std::vector<char> support(std::size_t(candidate.size()));
    for (Eigen::Index k = 0; k < candidate.size(); ++k) support[std::size_t(k)] = candidate[k] >= cut;
    if (std::find(tried.begin(), tried.end(), support) != tried.end()) return;
    tried.push_back(support);
    if (!refine_on_support(sys, candidate, cut)) return;
    const MixedProfile refined = to_profile(sys, candidate);
    const double r = regret(game, refined);
    if (r < regret_out) regret_out = r, best = refined;
  };
  const Eigen::VectorXd flat = flatten(x);
  for (double cut : {0.5 * mesh, 1.5 * mesh, 4.5 * mesh, 1e-4, 1e-3, 1e-2})
    if (cut >= 0.5 * mesh) attempt(flat, cut);
  const ActionPayoffs<double> u = action_payoffs(game, x);
  for (double factor : {2.0, 10.0, 100.0})
    for (bool add_unused : {false, true}) {
      MixedProfile near = x;
      for (std::size_t j = 0; j < near.size(); ++j) {
        const double top = *std::max_element(u[j].begin(), u[j].end());
        double sum = 0;
        for (std::size_t h = 0; h < near[j].size(); ++h) {
          if (top - u[j][h] > factor * start_regret)
            near[j][h] = 0;
          else if (add_unused)  // a best response not yet played may be in the support
            near[j][h] = std::max(near[j][h], std::max(1e-3, mesh));
          sum += near[j][h];
        }
        if (sum > 0)
          for (double& q : near[j]) q /= sum;
        else
          near[j] = x[j];
      }
      attempt(flatten(near), std::numeric_limits<double>::min());
    }
  return best;
}

}  // namespace detail

/// One Nash equilibrium of a dense n-player game by simplicial subdivision
/// (van der Laan, Talman & van der Heyden's restart algorithm on the product
/// of simplices, as gambit-simpdiv), refined by Newton on its support and
/// verified: the returned profile's regret is at most
/// options.tol * payoff range (the largest range of one player's payoffs).
///
/// \returns the equilibrium, its regret, pivots and restarts.
/// Throws InvalidArgument on a bad start profile or options, NotConverged
/// when options.max_iter pivots or options.max_denominator do not suffice.
/// Complexity: O(n * P) time per pivot for n players and P pure profiles,
/// at most options.max_iter pivots over all grids (each refinement multiplies
/// the denominator by options.grid, up to options.max_denominator), plus one
/// Newton polish on the support per grid; the pivot count is not polynomial
/// in general (finding a Nash equilibrium is PPAD-complete).
///
/// \code
/// auto result = dilemma::simplicial_subdivision(game);
/// result.equilibrium;  // one probability vector per player
/// \endcode
/// \sa logit_qre, lemke_howson
inline SimplicialSubdivisionResult simplicial_subdivision(const NormalFormGame& game,
                                                          const SimplicialSubdivisionOptions& options = {}) {
  const char* function = "simplicial_subdivision";
  if (!std::isfinite(options.tol) || options.tol <= 0)
    detail::fail(function, "tol must be finite and > 0, got ", options.tol);
  if (options.grid < 2) detail::fail(function, "grid must be >= 2, got ", options.grid);
  if (options.max_iter == 0) detail::fail(function, "max_iter must be >= 1, got ", options.max_iter);
  if (options.max_denominator < 2)
    detail::fail(function, "max_denominator must be >= 2, got ", options.max_denominator);
  for (double u : game.payoff_data())
    if (!std::isfinite(u)) detail::fail(function, "payoff ", u, " is not finite");
  MixedProfile start = options.start;
  if (start.empty()) {
    start.resize(game.num_players());
    for (std::size_t i = 0; i < game.num_players(); ++i) {
      start[i].assign(game.nums_actions()[i], 0.0);
      start[i][0] = 1.0;
    }
  } else {
    validate_mixed_profile(function, game, start);
  }
  SimplicialSubdivisionResult result;
  result.options = options;
  // Solved on the game centered and divided by its largest player range:
  // the same equilibria, and the same path whatever the payoffs' unit or
  // offset (integers near 2^53 keep their differences).
  const double divisor = detail::payoff_range(game), scale = 1.0, target = options.tol;
  const NormalFormGame unit = detail::centered_game(game, divisor);
  const detail::SimplicialGrid grid(unit, scale);
  std::int64_t K = 1;
  std::vector<std::int64_t> v = detail::grid_start(start, K);
  const auto factor = std::int64_t(std::min<std::size_t>(options.grid, std::size_t(1) << 20));
  while (true) {
    if (K > options.max_denominator / factor)
      throw NotConverged(std::string(function) + ": no verified equilibrium on grids up to denominator " +
                         std::to_string(K) + " (max_denominator = " + std::to_string(options.max_denominator) +
                         "); the best regret was " + std::to_string(result.regret));
    K *= factor;
    for (auto& c : v) c *= factor;
    double best_regret = 0;
    v = detail::simplicial_restart(grid, v, K, target, options.max_iter, result.num_iter, best_regret);
    ++result.num_refinements;
    result.denominator = K;
    MixedProfile x = grid.profile(v, K);
    double r = regret(unit, x);
    if (r > target) x = detail::polish_on_support(unit, x, 1.0 / double(K), r);
    result.equilibrium = x;
    result.regret = r * divisor;
    if (r <= target) {
      result.converged = true;
      return result;
    }
  }
}

}  // namespace dilemma

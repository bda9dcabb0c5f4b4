// simplicial_subdivision: the restart algorithm of van der Laan, Talman &
// van der Heyden on the product of simplices (see the header).
#include "dilemma/solvers/simplicial_subdivision.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "dilemma/core/errors.hpp"
#include "dilemma/core/monitor.hpp"
#include "dilemma/detail/logit_system.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"

namespace dilemma {

namespace detail {

namespace {

/// grid_start looks for the smallest grid denominator up to this that
/// represents the start profile.
constexpr std::int64_t kMaxStartDenominator = 1000;
/// A probability within this many grid units of a grid point lies on it.
constexpr double kGridFit = 1e-9;
/// Refinement factors beyond this would overflow the integer grid at once.
constexpr std::size_t kMaxGridFactor = std::size_t(1) << 20;
/// Support cuts of the polish, in units of the mesh 1/K: half a cell keeps
/// every action the grid plays, 1.5 and 4.5 cells drop grid noise.
constexpr double kMeshCuts[] = {0.5, 1.5, 4.5};
/// Absolute support cuts of the polish, for coarse grids.
constexpr double kAbsoluteCuts[] = {1e-4, 1e-3, 1e-2};
/// Actions paying within this many times the start regret of the best
/// response are kept (or added) by the polish.
constexpr double kRegretFactors[] = {2.0, 10.0, 100.0};
/// The probability given to an unplayed near-best response the polish adds.
constexpr double kAddedProbability = 1e-3;

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
/// Adds the pivots to `pivots`; sets `capped` and returns the best vertex
/// so far when they would exceed max_iter.
std::vector<std::int64_t> simplicial_restart(const SimplicialGrid& grid, const std::vector<std::int64_t>& v,
                                                    std::int64_t K, double target, std::size_t max_iter,
                                                    std::size_t& pivots, double& best_regret, bool& capped) {
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
    if (pivots >= max_iter) {
      capped = true;
      return best;
    }
    ++pivots;
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
      // Up to dim + 1 vertices of dim coordinates: a 2 x 50000 game would take 20 GB.
      check_growth("simplicial_subdivision", vertices, 1, "the vertices of the simplex",
                   sizeof(y) + grid.dim() * sizeof(std::int64_t));
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

/// The smallest denominator q <= kMaxStartDenominator with x within
/// kGridFit of multiples of 1/q (else kMaxStartDenominator), and x rounded to it (largest remainders per player).
std::vector<std::int64_t> grid_start(const MixedProfile& x, std::int64_t& q) {
  auto fits = [&](std::int64_t d) {
    for (const auto& s : x)
      for (double p : s)
        if (std::abs(p * double(d) - std::round(p * double(d))) > kGridFit * double(d)) return false;
    return true;
  };
  for (q = 1; q < kMaxStartDenominator && !fits(q); ++q) {
  }
  std::vector<std::int64_t> y;
  for (const auto& s : x) {
    std::vector<std::int64_t> cells(s.size());
    std::vector<std::pair<double, std::size_t>> rest;
    std::int64_t total = 0;
    for (std::size_t h = 0; h < s.size(); ++h) {
      cells[h] = std::int64_t(std::floor(std::max(0.0, s[h]) * double(q) + kGridFit));
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
MixedProfile polish_on_support(const NormalFormGame& game, const MixedProfile& x, double mesh,
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
  std::vector<double> cuts;
  for (double cells : kMeshCuts) cuts.push_back(cells * mesh);
  for (double cut : kAbsoluteCuts)
    if (cut >= kMeshCuts[0] * mesh) cuts.push_back(cut);
  for (double cut : cuts) attempt(flat, cut);
  const ActionPayoffs<double> u = action_payoffs(game, x);
  for (double factor : kRegretFactors)
    for (bool add_unused : {false, true}) {
      MixedProfile near = x;
      for (std::size_t j = 0; j < near.size(); ++j) {
        const double top = *std::max_element(u[j].begin(), u[j].end());
        double sum = 0;
        for (std::size_t h = 0; h < near[j].size(); ++h) {
          if (top - u[j][h] > factor * start_regret)
            near[j][h] = 0;
          else if (add_unused)  // a best response not yet played may be in the support
            near[j][h] = std::max(near[j][h], std::max(kAddedProbability, mesh));
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

}  // namespace

}  // namespace detail

SimplicialSubdivisionResult simplicial_subdivision(const NormalFormGame& game,
                                                          const SimplicialSubdivisionOptions& options) {
  const char* function = "simplicial_subdivision";
  const detail::SolverName name(function);  // names the checks of the shared Newton refinement
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
  result.report.method = function;
  result.report.exhaustive = false;
  // Solved on the game centered and divided by its largest player range:
  // the same equilibria, and the same path whatever the payoffs' unit or
  // offset (integers near 2^53 keep their differences).
  const double divisor = payoff_range(game), scale = 1.0, target = options.tol;
  const NormalFormGame unit = detail::centered_game(game, divisor);
  const detail::SimplicialGrid grid(unit, scale);
  std::int64_t K = 1;
  std::vector<std::int64_t> v = detail::grid_start(start, K);
  const auto factor = std::int64_t(std::min<std::size_t>(options.grid, detail::kMaxGridFactor));
  while (true) {
    if (K > options.max_denominator / factor) {
      result.report.message = "max_denominator = " + std::to_string(options.max_denominator) +
                              " reached before a verified equilibrium (last grid denominator " + std::to_string(K) +
                              "); the best regret was " + std::to_string(result.regret);
      return result;
    }
    K *= factor;
    for (auto& c : v) c *= factor;
    double best_regret = 0;
    bool capped = false;
    v = detail::simplicial_restart(grid, v, K, target, options.max_iter, result.report.num_iter, best_regret,
                                   capped);
    ++result.num_refinements;
    result.denominator = K;
    MixedProfile x = grid.profile(v, K);
    double r = regret(unit, x);
    if (r > target) x = detail::polish_on_support(unit, x, 1.0 / double(K), r);
    result.equilibrium = x;
    result.regret = r * divisor;
    if (r <= target) {
      result.report.converged = true;
      result.report.message = "regret within tol * payoff range on the grid of denominator " + std::to_string(K);
      return result;
    }
    if (capped) {
      result.report.message = "max_iter = " + std::to_string(options.max_iter) +
                              " pivots reached before a verified equilibrium (grid denominator " +
                              std::to_string(K) + "); raise max_iter";
      return result;
    }
  }
}

}  // namespace dilemma

// Symmetric mixed equilibria of symmetric games: everybody mixes with the
// same x. Two actions: the roots of a Bernstein polynomial; three or more:
// support enumeration with Newton's method on each support.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <bitset>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "dilemma/core/monitor.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/symmetric_payoffs.hpp"

namespace dilemma {

struct SymmetricEquilibriumOptions {
  /// An equilibrium's regret may not exceed tol times the payoff scale
  /// (the largest payoff difference between two actions, at least 1).
  double tol = 1e-9;
  /// Newton starts per support (s >= 3), besides the barycenter.
  std::size_t num_starts = 24;
  /// Newton iterations per start.
  std::size_t max_iter = 100;
  std::uint64_t random_state = 0;
};

struct SymmetricEquilibria {
  /// Verified symmetric equilibria, one probability per action; for a
  /// singular support its barycenter stands for the whole continuum.
  std::vector<std::vector<double>> equilibria;
  /// Supports whose indifference conditions hold identically: every profile
  /// with that support solves them (a continuum, as in payoff-invariant games).
  std::vector<std::vector<std::size_t>> singular_supports;
  /// True when the method proves that no other isolated equilibrium exists
  /// (2 actions: the roots found match the Descartes bound, or rigorous
  /// subdivision; s >= 3: only when every support was trivial or singular).
  bool exhaustive = false;
  std::size_t supports_searched = 0;
};

namespace detail {

/// The gain sequence of a 2-action game: d_k = u(0, (k, N-k)) - u(1, (k, N-k)),
/// k = others on action 0, N = n - 1. g(p) = sum_k B_{k,N}(p) d_k.
inline std::vector<double> two_action_gains(const SymmetricGame& game) {
  const std::size_t N = game.num_players() - 1;
  std::vector<double> d(N + 1);
  Counts m(2);
  for (std::size_t k = 0; k <= N; ++k) {
    m[0] = k, m[1] = N - k;
    d[k] = game.payoff_at(0, m) - game.payoff_at(1, m);
  }
  return d;
}

/// g(p) = sum_k C(N,k) p^k (1-p)^(N-k) d_k, summed outwards from the mode of
/// the binomial weights by their ratio recurrence and stopped where they fall
/// below 1e-18 of the mode: O(sqrt(N)) terms, no overflow or underflow.
inline double bernstein_value(const std::vector<double>& d, const std::vector<double>& log_factorial, double p) {
  const std::size_t N = d.size() - 1;
  if (p <= 0) return d.front();
  if (p >= 1) return d.back();
  if (N == 0) return d[0];
  const std::size_t mode = std::min(N, static_cast<std::size_t>(std::floor(double(N + 1) * p)));
  const double peak = std::exp(log_factorial[N] - log_factorial[mode] - log_factorial[N - mode] +
                               double(mode) * std::log(p) + double(N - mode) * std::log1p(-p));
  const double ratio = p / (1 - p), cutoff = peak * 1e-18;
  double sum = peak * d[mode], w = peak;
  for (std::size_t k = mode; k < N && w > cutoff; ++k) {
    w *= double(N - k) / double(k + 1) * ratio;
    sum += w * d[k + 1];
  }
  w = peak;
  for (std::size_t k = mode; k > 0 && w > cutoff; --k) {
    w *= double(k) / double(N - k + 1) / ratio;
    sum += w * d[k - 1];
  }
  return sum;
}

inline std::size_t sign_changes(const std::vector<double>& values) {
  std::size_t changes = 0;
  double last = 0;
  for (double v : values)
    if (v != 0) {
      if (last != 0 && (v > 0) != (last > 0)) ++changes;
      last = v;
    }
  return changes;
}

/// Splits Bernstein coefficients on [lo, hi] at the midpoint (de Casteljau).
inline void bernstein_split(const std::vector<double>& b, std::vector<double>& left, std::vector<double>& right) {
  std::vector<double> level = b;
  const std::size_t N = b.size() - 1;
  left.resize(N + 1), right.resize(N + 1);
  for (std::size_t r = 0; r <= N; ++r) {
    left[r] = level[0];
    right[N - r] = level[N - r];
    for (std::size_t k = 0; k + r < N; ++k) level[k] = 0.5 * (level[k] + level[k + 1]);
  }
}

/// Interior roots of g on (0, 1).
class BernsteinRoots {
 public:
  explicit BernsteinRoots(std::vector<double> d) : d_(std::move(d)), log_factorial_(log_factorials(d_.size() - 1)) {}

  double g(double p) const { return bernstein_value(d_, log_factorial_, p); }

  /// Roots found, and whether they are provably all.
  std::vector<double> find(bool& exhaustive) {
    roots_.clear();
    exhaustive = true;
    const std::size_t bound = sign_changes(d_);
    if (bound == 0) return {};
    if (d_.size() <= kSubdivisionDegree) {
      subdivide(d_, 0.0, 1.0, 0, exhaustive);
    } else {
      sample();
      exhaustive = roots_.size() == bound;  // Descartes: at most `bound` roots
    }
    std::sort(roots_.begin(), roots_.end());
    return roots_;
  }

 private:
  static constexpr std::size_t kSubdivisionDegree = 1500;  // de Casteljau costs O(N^2) a split
  static constexpr std::size_t kMaxDepth = 48;

  void bracket(double lo, double hi) {
    const double g_lo = g(lo), g_hi = g(hi);
    if (g_lo == 0) return add(lo);
    if (g_hi == 0) return add(hi);
    if ((g_lo > 0) == (g_hi > 0)) return;
    std::uintmax_t iterations = 200;
    const auto [a, b] = boost::math::tools::toms748_solve([this](double p) { return g(p); }, lo, hi, g_lo, g_hi,
                                                          boost::math::tools::eps_tolerance<double>(50), iterations);
    add(0.5 * (a + b));
  }

  void add(double p) {
    if (p <= 0 || p >= 1) return;
    for (double r : roots_)
      if (std::abs(r - p) < 1e-12) return;
    roots_.push_back(p);
  }

  void subdivide(const std::vector<double>& b, double lo, double hi, std::size_t depth, bool& exhaustive) {
    const std::size_t changes = sign_changes(b);
    if (changes == 0) return;
    if (changes == 1) {
      if (b.front() != 0 && b.back() != 0) return bracket(lo, hi);
      // A root sits on an end (already recorded); at most one more inside.
      const double inset = (hi - lo) * 1e-9, a = lo + inset, z = hi - inset;
      const double g_a = g(a), g_z = g(z);
      if (g_a != 0 && g_z != 0 && (g_a > 0) != (g_z > 0)) return bracket(a, z);
      if (g_a != 0 && g_z != 0) return;  // same sign and at most one root: none
    }
    const double mid = 0.5 * (lo + hi);
    if (depth >= kMaxDepth) {  // a multiple root or a tight cluster: keep the midpoint if g vanishes there
      if (std::abs(g(mid)) <= 1e-12 * scale()) add(mid);
      exhaustive = false;
      return;
    }
    std::vector<double> left, right;
    bernstein_split(b, left, right);
    if (left.back() == 0) add(mid);
    subdivide(left, lo, mid, depth + 1, exhaustive);
    subdivide(right, mid, hi, depth + 1, exhaustive);
  }

  /// Large degree: g is close to d at k = N p, so sample a uniform grid and
  /// the places where d changes sign, then bracket every sign change of g.
  void sample() {
    const std::size_t N = d_.size() - 1;
    std::vector<double> grid;
    for (std::size_t i = 1; i < 4096; ++i) grid.push_back(double(i) / 4096);
    std::size_t previous = N + 1;
    for (std::size_t k = 0; k <= N && grid.size() < 200000; ++k) {
      if (d_[k] == 0) continue;
      if (previous <= N && (d_[k] > 0) != (d_[previous] > 0)) {
        const double center = 0.5 * double(k + previous) / double(N);
        const double width = std::sqrt(center * (1 - center) / double(N)) + 1.0 / double(N);
        for (int j = -8; j <= 8; ++j) grid.push_back(std::clamp(center + j * width, 1e-300, 1 - 1e-16));
      }
      previous = k;
    }
    std::sort(grid.begin(), grid.end());
    grid.erase(std::unique(grid.begin(), grid.end()), grid.end());
    std::vector<double> values(grid.size());
    for (std::size_t i = 0; i < grid.size(); ++i) values[i] = g(grid[i]);
    for (std::size_t i = 0; i < grid.size(); ++i) {
      if (values[i] == 0) add(grid[i]);
      if (i + 1 < grid.size() && values[i] != 0 && values[i + 1] != 0 && (values[i] > 0) != (values[i + 1] > 0))
        bracket(grid[i], grid[i + 1]);
    }
  }

  double scale() const {
    double largest = 0;
    for (double v : d_) largest = std::max(largest, std::abs(v));
    return largest;
  }

  std::vector<double> d_;
  std::vector<double> log_factorial_;
  std::vector<double> roots_;
};

/// The largest payoff difference between two actions at any count vector (1
/// when there is none): tolerances are relative to it, so games in tiny
/// units (1e-300) are solved as those in units of 1. (Not decomposition's
/// payoff_scale, the largest payoff magnitude.)
inline double action_gain_scale(const SymmetricGame& game) {
  double scale = 0.0;
  if (game.num_count_vectors() > 2000000) return 1.0;  // too many to scan; absolute tolerance
  game.for_each_payoff_row([&](const Counts&, const std::vector<double>& u) {
    const auto [low, high] = std::minmax_element(u.begin(), u.end());
    scale = std::max(scale, *high - *low);
  });
  return scale > 0 ? scale : 1.0;
}

/// Adds x if it is not yet listed and, when best replies are required, a
/// verified equilibrium (regret <= tol); otherwise a rest point is enough.
inline void add_if_equilibrium(const SymmetricGame& game, std::vector<double> x, double tol, SymmetricEquilibria& result,
                               bool require_best_reply = true) {
  for (double& p : x) p = std::max(p, 0.0);
  double sum = 0;
  for (double p : x) sum += p;
  for (double& p : x) p /= sum;
  for (const auto& known : result.equilibria) {
    double distance = 0;
    for (std::size_t a = 0; a < x.size(); ++a) distance = std::max(distance, std::abs(known[a] - x[a]));
    if (distance < 1e-7) return;
  }
  if (!require_best_reply || regret(game, x) <= tol) result.equilibria.push_back(std::move(x));
}

inline void two_action_equilibria(const SymmetricGame& game, double tol, SymmetricEquilibria& result) {
  const std::vector<double> d = two_action_gains(game);
  result.supports_searched = 3;
  double largest = 0;
  for (double v : d) largest = std::max(largest, std::abs(v));
  add_if_equilibrium(game, {1.0, 0.0}, tol, result);
  add_if_equilibrium(game, {0.0, 1.0}, tol, result);
  if (largest <= tol) {  // g vanishes identically: every p is an equilibrium
    result.singular_supports.push_back({0, 1});
    add_if_equilibrium(game, {0.5, 0.5}, tol, result);
    result.exhaustive = true;
    return;
  }
  BernsteinRoots roots(d);
  for (double p : roots.find(result.exhaustive)) add_if_equilibrium(game, {p, 1 - p}, tol, result);
}

/// Newton's method on the indifference system of one support, from several
/// starts; reports singular supports (system identically satisfied).
inline void support_equilibria(const SymmetricGame& game, const std::vector<std::size_t>& support,
                               const SymmetricEquilibriumOptions& options, double tol, std::mt19937_64& engine,
                               SymmetricEquilibria& result, bool& all_trivial, bool require_best_reply) {
  const std::size_t s = game.num_actions(), k = support.size() - 1;
  const auto profile = [&](const Eigen::VectorXd& y) {
    std::vector<double> x(s, 0.0);
    x[support[0]] = 1.0 - y.sum();
    for (std::size_t j = 0; j < k; ++j) x[support[j + 1]] = y[j];
    return x;
  };
  const auto residual = [&](const Eigen::VectorXd& y) {
    double half_offset = 0;  // the differences are what matter: centered (payoffs near 2^53)
    const std::vector<double> half = halved_action_payoffs(game, profile(y), "symmetric_equilibria", half_offset);
    Eigen::VectorXd f(k);
    for (std::size_t j = 0; j < k; ++j) f[j] = 2 * (half[support[j + 1]] - half[support[0]]);
    return f;
  };
  const auto inside = [&](const Eigen::VectorXd& y) { return y.minCoeff() > 0 && y.sum() < 1; };
  std::gamma_distribution<double> gamma(1.0, 1.0);
  const auto random_start = [&]() {
    Eigen::VectorXd w(k + 1);
    for (std::size_t j = 0; j <= k; ++j) w[j] = gamma(engine);
    return Eigen::VectorXd(w.tail(k) / w.sum());
  };
  if (k == 0) {
    add_if_equilibrium(game, profile(Eigen::VectorXd(0)), tol, result, require_best_reply);
    return;
  }
  // Singular: the system vanishes at several random interior points.
  bool singular = true;
  for (int trial = 0; trial < 3 && singular; ++trial) singular = residual(random_start()).lpNorm<Eigen::Infinity>() <= tol;
  if (singular) {
    result.singular_supports.push_back(support);
    add_if_equilibrium(game, profile(Eigen::VectorXd::Constant(k, 1.0 / double(k + 1))), tol, result,
                       require_best_reply);
    return;
  }
  all_trivial = false;
  for (std::size_t start = 0; start <= options.num_starts; ++start) {
    Eigen::VectorXd y = start == 0 ? Eigen::VectorXd::Constant(k, 1.0 / double(k + 1)) : random_start();
    Eigen::VectorXd f = residual(y);
    bool last_jacobian_regular = true;
    for (std::size_t iteration = 0; iteration < options.max_iter && f.lpNorm<Eigen::Infinity>() > tol * 1e-3; ++iteration) {
      Eigen::MatrixXd jacobian(k, k);
      // Forward differences small enough to stay inside the support.
      const double h = 0.25 * std::min({4e-7, y.minCoeff(), 1.0 - y.sum()});
      for (std::size_t j = 0; j < k; ++j) {
        Eigen::VectorXd shifted = y;
        shifted[j] += h;
        jacobian.col(j) = (residual(shifted) - f) / h;
      }
      Eigen::FullPivLU<Eigen::MatrixXd> lu(jacobian);
      lu.setThreshold(1e-6);  // finite differences: relative noise far above machine precision
      last_jacobian_regular = lu.rank() == static_cast<Eigen::Index>(k);
      const Eigen::VectorXd step = lu.solve(-f);
      if (!step.allFinite()) break;
      double length = 1.0;  // damped: stay inside the support and reduce the residual
      Eigen::VectorXd next = y + step;
      while (length > 1e-6 && (!inside(next) || residual(next).norm() >= f.norm())) {
        length *= 0.5;
        next = y + length * step;
      }
      if (length <= 1e-6) break;
      y = next;
      f = residual(y);
    }
    if (f.lpNorm<Eigen::Infinity>() > tol) continue;
    add_if_equilibrium(game, profile(y), tol, result, require_best_reply);
    if (!last_jacobian_regular) {  // a non-isolated solution: a continuum through y, one representative is enough
      result.singular_supports.push_back(support);
      return;
    }
  }
}

/// Every support of a game with s >= 3 actions, searched with Newton.
inline SymmetricEquilibria solve_supports(const SymmetricGame& game, const SymmetricEquilibriumOptions& options,
                                          double tol, bool require_best_reply) {
  const std::size_t s = game.num_actions();
  if (s > 20) fail("symmetric_equilibria", "support enumeration over ", s, " actions is too large (at most 20)");
  SymmetricEquilibria result;
  std::mt19937_64 engine(options.random_state);
  bool all_trivial = true;
  for (std::size_t size = 1; size <= s; ++size)
    for (std::uint32_t mask = 1; mask < (1u << s); ++mask) {
      if (std::bitset<32>(mask).count() != size) continue;
      std::vector<std::size_t> support;
      for (std::size_t a = 0; a < s; ++a)
        if (mask & (1u << a)) support.push_back(a);
      ++result.supports_searched;
      checkpoint("symmetric_equilibria", static_cast<double>(result.supports_searched), std::ldexp(1.0, static_cast<int>(s)) - 1);
      support_equilibria(game, support, options, tol, engine, result, all_trivial, require_best_reply);
    }
  result.exhaustive = all_trivial;
  return result;
}

inline void check_options(const char* function, const SymmetricEquilibriumOptions& options) {
  if (!std::isfinite(options.tol) || options.tol <= 0) fail(function, "tol must be finite and > 0, got ", options.tol);
}

}  // namespace detail

/// All symmetric equilibria found: 2 actions by isolating the roots of the
/// gain polynomial g(p) (MODEL.md section 4; Pena, Lehmann & Noldeke 2014)
/// plus the boundary equilibria; s >= 3 by enumerating supports and solving
/// each indifference system with damped Newton steps from several starts.
/// Every equilibrium returned has regret <= options.tol * payoff scale.
/// Complexity: s * C payoff evaluations for the payoff scale (skipped when
/// C = num_count_vectors() > 2e6). s = 2: 2n payoff evaluations, then root
/// isolation on the degree-(n-1) gain polynomial (O(n^2) per Bernstein split,
/// depth <= 48; above degree 1500 a grid of at most 2e5 points, O(n) each).
/// s >= 3 (at most 20): exponential, 2^s - 1 supports, each with up to
/// (options.num_starts + 1) * options.max_iter damped Newton iterations of
/// O(s) evaluations of action_payoffs (plus at most 20 in the line search;
/// s * K payoff evaluations each, see there) and an O(s^3) LU factorisation.
/// \sa pure_nash, replicator_rest_points
inline SymmetricEquilibria symmetric_equilibria(const SymmetricGame& game,
                                                const SymmetricEquilibriumOptions& options = {}) {
  detail::check_options("symmetric_equilibria", options);
  SymmetricEquilibria result;
  const std::size_t s = game.num_actions();
  if (s == 1) {
    result.equilibria.push_back({1.0});
    result.exhaustive = true;
    return result;
  }
  const double tol = options.tol * detail::action_gain_scale(game);
  if (s == 2) {
    detail::two_action_equilibria(game, tol, result);
    return result;
  }
  return detail::solve_supports(game, options, tol, true);
}

}  // namespace dilemma

// Symmetric mixed equilibria: root isolation of the gain polynomial (two
// actions) and support enumeration with the shared Newton (three or more).
#include "dilemma/solvers/symmetric_equilibria.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <bitset>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <utility>

#include "dilemma/core/errors.hpp"
#include "dilemma/core/monitor.hpp"
#include "dilemma/detail/logit_system.hpp"
#include "dilemma/detail/support_newton.hpp"

namespace dilemma {

namespace detail {

namespace {

/// Binomial weights below this fraction of the mode's add nothing to g in double precision.
constexpr double kWeightCutoff = 1e-18;
/// Up to this degree roots are isolated by de Casteljau subdivision (O(N^2) a split); above it by sampling.
constexpr std::size_t kSubdivisionDegree = 1500;
/// Halvings of [0, 1] before a cluster of roots is taken as one (2^-48: below double resolution of p).
constexpr std::size_t kMaxDepth = 48;
/// TOMS 748 evaluations per bracket: it converges in far fewer; a bound, not a stopping rule.
constexpr std::uintmax_t kBracketIterations = 200;
/// Bits of p that TOMS 748 resolves (of 53).
constexpr int kBracketBits = 50;
/// Two roots closer than this are one.
constexpr double kSameRoot = 1e-12;
/// Relative inset from a subinterval's ends, to step off a root at an end.
constexpr double kEndInset = 1e-9;
/// At the depth limit, g this small (relative to the largest gain) counts as a root.
constexpr double kClusterResidual = 1e-12;
/// Uniform sampling grid of the large-degree root search, 1 / kGridSize apart.
constexpr std::size_t kGridSize = 4096;
/// Most grid points of the large-degree root search (memory and time bound).
constexpr std::size_t kMaxGridPoints = 200000;
/// Extra grid points each side of a sign change of d, in binomial standard deviations.
constexpr int kSignChangeWidths = 8;
/// Grid points stay this far inside (0, 1), where log(p) and log1p(-p) are finite.
constexpr double kGridFloor = 1e-300, kGridCeiling = 1 - 1e-16;
/// Rounding bound of g, in units of machine epsilon times (N + 1) times the
/// largest gain: de Casteljau to depth kMaxDepth and the binomial weights
/// stay within it. A value of g below it may be a root (or two) in disguise.
constexpr double kRoundingUnits = double(kMaxDepth);
/// Two profiles closer than this (max norm) are one equilibrium.
constexpr double kSameProfile = 1e-7;
/// Random interior points at which a support's system must vanish to be singular.
constexpr int kSingularTrials = 3;
/// Newton aims at a residual this fraction of tol, so that the accepted one is safely within tol.
constexpr double kNewtonTarget = 1e-3;
/// A Newton step this short has reached the root to rounding.
constexpr double kNewtonStep = 1e-14;
/// Relative rank threshold of the Jacobian at a solution: below it the solution lies on a continuum.
constexpr double kRankThreshold = 1e-6;
/// Most actions of the support enumeration (2^20 - 1 supports).
constexpr std::size_t kMaxSupportActions = 20;

std::size_t sign_changes(const std::vector<double>& values) {
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
void bernstein_split(const std::vector<double>& b, std::vector<double>& left, std::vector<double>& right) {
  std::vector<double> level = b;
  const std::size_t N = b.size() - 1;
  left.resize(N + 1), right.resize(N + 1);
  for (std::size_t r = 0; r <= N; ++r) {
    left[r] = level[0];
    right[N - r] = level[N - r];
    for (std::size_t k = 0; k + r < N; ++k) level[k] = 0.5 * (level[k] + level[k + 1]);
  }
}

/// Normalizes x onto the simplex and adds it unless listed or, when best
/// replies are required, not an equilibrium (regret <= tol). False when its
/// regret refused it.
bool add_if_equilibrium(const SymmetricGame& game, std::vector<double> x, double tol, SymmetricEquilibria& result,
                        bool require_best_reply) {
  for (double& p : x) p = std::max(p, 0.0);
  double sum = 0;
  for (double p : x) sum += p;
  for (double& p : x) p /= sum;
  for (const auto& known : result.equilibria) {
    double distance = 0;
    for (std::size_t a = 0; a < x.size(); ++a) distance = std::max(distance, std::abs(known[a] - x[a]));
    if (distance < kSameProfile) return true;
  }
  if (require_best_reply && !(regret(game, x) <= tol)) return false;
  result.equilibria.push_back(std::move(x));
  return true;
}

/// Bernstein coefficients of g' (up to the positive factor N): d_{k+1} - d_k.
std::vector<double> bernstein_derivative(const std::vector<double>& d) {
  std::vector<double> e(d.size() - 1);
  for (std::size_t k = 0; k + 1 < d.size(); ++k) e[k] = d[k + 1] - d[k];
  return e;
}

/// Roots of g by sign change (odd multiplicity), and the roots where g
/// touches zero (even multiplicity): those are sign changes of g', so every
/// root of g' at which |g| <= tol is a root too. When every root of g' is
/// known, g is monotone between them: a sign change there is one root, so
/// none is missed even where the search of g's own roots proves nothing.
/// Roots joined by a stretch where |g| <= tol (no root of g' between them
/// with |g| above tol) are one equilibrium: a multiple root, which rounding
/// may split, is reported once. Not exhaustive when a root of g' has |g|
/// above tol but within rounding, or a root fails the regret check.
void two_action_search(const SymmetricGame& game, double tol, SymmetricEquilibria& result, bool require_best_reply) {
  const std::vector<double> d = two_action_gains(game);
  result.report.num_iter = 3;
  result.report.converged = true;
  double largest = 0;
  for (double v : d) largest = std::max(largest, std::abs(v));
  add_if_equilibrium(game, {1.0, 0.0}, tol, result, require_best_reply);
  add_if_equilibrium(game, {0.0, 1.0}, tol, result, require_best_reply);
  if (largest <= tol) {  // g vanishes identically: every p is an equilibrium
    result.singular_supports.push_back({0, 1});
    add_if_equilibrium(game, {0.5, 0.5}, tol, result, require_best_reply);
    result.report.exhaustive = true;
    result.report.message = "two actions: the gain polynomial vanishes identically, every p solves it";
    return;
  }
  BernsteinRoots roots(d);
  bool crossings_proven = true, extrema_proven = true;
  std::vector<std::pair<double, bool>> found;  // (root, at an extremum of g)
  for (double p : roots.find(crossings_proven)) found.emplace_back(p, false);
  // Descartes counts roots with multiplicity: crossings that meet it leave no room for a touching root.
  const bool bound_met = found.size() == sign_changes(d);
  std::vector<double> extrema;
  if (d.size() > 1) extrema = BernsteinRoots(bernstein_derivative(d)).find(extrema_proven);
  const double rounding = kRoundingUnits * double(d.size()) * std::numeric_limits<double>::epsilon() * largest;
  std::ostringstream undecided;
  for (double c : extrema) {
    const double value = std::abs(roots.g(c));
    if (value <= tol)
      found.emplace_back(c, true);
    else if (value <= rounding && !bound_met && undecided.tellp() == 0)
      append_all(undecided, "; at p = ", c, " |g| = ", value, " is above tol but within rounding (", rounding,
                 "): a root there is undecided");
  }
  if (extrema_proven) {  // one root per sign change between consecutive extrema
    std::vector<double> knots{0.0};
    knots.insert(knots.end(), extrema.begin(), extrema.end());
    knots.push_back(1.0);
    for (std::size_t i = 0; i + 1 < knots.size(); ++i) {
      bool known = false;
      for (const auto& [p, extremum] : found) known = known || (p > knots[i] && p < knots[i + 1]);
      const double root = roots.crossing(knots[i], knots[i + 1]);
      if (!known && !std::isnan(root)) found.emplace_back(root, false);
    }
  }
  std::sort(found.begin(), found.end());
  // One stretch of |g| <= tol: no extremum between two roots rises above tol (all extrema known).
  const auto same_stretch = [&](double p, double q) {
    if (!extrema_proven) return false;
    for (double c : extrema)
      if (c > p && c < q && !(std::abs(roots.g(c)) <= tol)) return false;
    return true;
  };
  // A stretch's representative: an extremum if it has one (where a root of
  // even multiplicity sits; rounding scatters crossings around it), the one
  // nearest the stretch's middle.
  for (std::size_t i = 0; i < found.size();) {
    std::size_t j = i;
    while (j + 1 < found.size() && same_stretch(found[j].first, found[j + 1].first)) ++j;
    const double middle = 0.5 * (found[i].first + found[j].first);
    std::size_t best = i;
    for (std::size_t k = i; k <= j; ++k)
      if (std::make_pair(!found[k].second, std::abs(found[k].first - middle)) <
          std::make_pair(!found[best].second, std::abs(found[best].first - middle)))
        best = k;
    const double p = found[best].first;
    if (!add_if_equilibrium(game, {p, 1 - p}, tol, result, require_best_reply) && undecided.tellp() == 0)
      append_all(undecided, "; the root at p = ", p, " has regret ", regret(game, std::vector<double>{p, 1 - p}),
                 " above tol (", tol, "): rounding exceeds tol");
    i = j + 1;
  }
  const bool proven = extrema_proven || (crossings_proven && bound_met);
  result.report.exhaustive = proven && undecided.tellp() == 0;
  result.report.message = proven ? "two actions: every root of the gain polynomial isolated (one of even "
                                   "multiplicity at a root of its derivative)"
                                 : "two actions: roots of the gain polynomial found by sampling fall short of the "
                                   "Descartes bound, or a root cluster was not resolved; some may be missing";
  result.report.message += undecided.str();
}

/// Whether the indifference conditions of `support` hold on its whole face
/// to within tol: there U(a) - U(b) is a Bernstein polynomial whose
/// coefficients are the payoff differences at the others' count vectors on
/// the support, so they bound it. (Random points alone take a gain that is
/// flat over most of the face, as x^N is, for identically zero.)
/// Complexity: at most |support| payoff evaluations per count vector of
/// n - 1 players over the support; it stops at the first difference above tol.
bool indifferent_on_face(const SymmetricGame& game, const std::vector<std::size_t>& support, double tol) {
  const CountVectors others(support.size(), game.num_players() - 1);
  Counts on_support = others.first(), m(game.num_actions(), 0);
  do {
    for (std::size_t j = 0; j < support.size(); ++j) m[support[j]] = on_support[j];
    const double first = game.payoff_at(support[0], m);
    for (std::size_t j = 1; j < support.size(); ++j)
      if (!(std::abs(game.payoff_at(support[j], m) - first) <= tol)) return false;
  } while (others.next(on_support));
  return true;
}

/// What the support search tallies besides the points.
struct SupportTally {
  bool all_trivial = true;     // every support trivial (one action) or singular
  std::size_t capped = 0;      // Newton starts cut by max_iter above tol
};

/// The shared Newton (detail::newton_solve) on the indifference system of
/// one support, F_j(y) = U(support[j+1]) - U(support[0]) in the coordinates
/// y of the support's actions but the first, from the barycenter and
/// num_starts random starts; records singular supports (system identically
/// satisfied, or a rank-deficient Jacobian at a solution: a continuum).
void support_search(const SymmetricLogitSystem& payoffs, const std::vector<std::size_t>& support,
                    const SymmetricEquilibriumOptions& options, double tol, std::mt19937_64& engine,
                    SymmetricEquilibria& result, SupportTally& tally, const SymmetricGame& game,
                    bool require_best_reply) {
  const std::size_t s = game.num_actions(), k = support.size() - 1;
  const auto profile = [&](const Eigen::VectorXd& y) {
    std::vector<double> x(s, 0.0);
    x[support[0]] = 1.0 - y.sum();
    for (std::size_t j = 0; j < k; ++j) x[support[j + 1]] = y[j];
    return x;
  };
  Eigen::VectorXd U;
  Eigen::MatrixXd dU;
  const NewtonSystem equations = [&](const Eigen::VectorXd& y, Eigen::VectorXd& F, Eigen::MatrixXd& J) {
    F.resize(Eigen::Index(k));
    J.resize(Eigen::Index(k), Eigen::Index(k));
    if (y.minCoeff() < 0 || y.sum() > 1) {  // off the support's simplex: no payoffs, Newton stops (not finite)
      F.setConstant(std::numeric_limits<double>::quiet_NaN());
      J.setIdentity();
      return;
    }
    const std::vector<double> x = profile(y);
    payoffs.evaluate(Eigen::Map<const Eigen::VectorXd>(x.data(), Eigen::Index(s)), U, &dU);
    const auto at = [&](std::size_t a) { return Eigen::Index(support[a]); };
    for (std::size_t j = 0; j < k; ++j) {
      F[Eigen::Index(j)] = U[at(j + 1)] - U[at(0)];
      for (std::size_t i = 0; i < k; ++i)  // x_{support[i+1]} = y_i, x_{support[0]} = 1 - sum(y)
        J(Eigen::Index(j), Eigen::Index(i)) = dU(at(j + 1), at(i + 1)) - dU(at(j + 1), at(0)) -
                                              dU(at(0), at(i + 1)) + dU(at(0), at(0));
    }
  };
  std::gamma_distribution<double> gamma(1.0, 1.0);
  const auto random_start = [&]() {
    Eigen::VectorXd w(k + 1);
    for (std::size_t j = 0; j <= k; ++j) w[j] = gamma(engine);
    return Eigen::VectorXd(w.tail(k) / w.sum());
  };
  const Eigen::VectorXd barycenter = Eigen::VectorXd::Constant(Eigen::Index(k), 1.0 / double(k + 1));
  if (k == 0) {
    add_if_equilibrium(game, profile(Eigen::VectorXd(0)), tol, result, require_best_reply);
    return;
  }
  Eigen::VectorXd F;
  Eigen::MatrixXd J;
  bool singular = true;
  for (int trial = 0; trial < kSingularTrials && singular; ++trial) {
    equations(random_start(), F, J);
    singular = F.lpNorm<Eigen::Infinity>() <= tol;
  }
  if (singular && !indifferent_on_face(game, support, tol)) singular = false;
  if (singular) {
    result.singular_supports.push_back(support);
    add_if_equilibrium(game, profile(barycenter), tol, result, require_best_reply);
    return;
  }
  tally.all_trivial = false;
  NewtonSettings settings;
  settings.max_iter = options.max_iter;
  settings.step_tol = kNewtonStep;
  settings.stop_residual = tol * kNewtonTarget;
  for (std::size_t start = 0; start <= options.num_starts; ++start) {
    Eigen::VectorXd y = start == 0 ? barycenter : random_start();
    double residual = HUGE_VAL;
    std::size_t steps = 0;
    const bool finite = newton_solve(equations, y, settings, &residual, &steps);
    if (!(residual <= tol)) {
      if (finite && steps == options.max_iter) ++tally.capped;
      continue;
    }
    add_if_equilibrium(game, profile(y), tol, result, require_best_reply);
    equations(y, F, J);
    Eigen::FullPivLU<Eigen::MatrixXd> lu(J);
    lu.setThreshold(kRankThreshold);
    if (lu.rank() < Eigen::Index(k)) {  // a non-isolated solution: a continuum through y, one representative is enough
      result.singular_supports.push_back(support);
      return;
    }
  }
}

/// Every support of a game with s >= 3 actions, searched with Newton.
void support_enumeration_search(const SymmetricGame& game, const SymmetricEquilibriumOptions& options, double tol,
                                const char* method, SymmetricEquilibria& result, bool require_best_reply) {
  const std::size_t s = game.num_actions();
  if (s > kMaxSupportActions)
    fail(method, "support enumeration over ", s, " actions is too large (at most ", kMaxSupportActions, ")");
  std::mt19937_64 engine(options.random_state);
  const SymmetricLogitSystem payoffs(game);
  SupportTally tally;
  const std::uint32_t masks = std::uint32_t(1) << s;
  for (std::size_t size = 1; size <= s; ++size)
    for (std::uint32_t mask = 1; mask < masks; ++mask) {
      if (std::bitset<32>(mask).count() != size) continue;
      std::vector<std::size_t> support;
      for (std::size_t a = 0; a < s; ++a)
        if (mask & (1u << a)) support.push_back(a);
      ++result.report.num_iter;
      checkpoint(method, static_cast<double>(result.report.num_iter), double(masks - 1));
      support_search(payoffs, support, options, tol, engine, result, tally, game, require_best_reply);
    }
  SolveReport& report = result.report;
  report.exhaustive = tally.all_trivial;
  report.converged = tally.capped == 0;
  report.message = "searched all " + std::to_string(report.num_iter) + " supports (" +
                   std::to_string(result.singular_supports.size()) + " singular)";
  if (!report.exhaustive)
    report.message += "; Newton from " + std::to_string(options.num_starts + 1) +
                      " starts a support does not prove that none was missed";
  if (!report.converged)
    report.message += "; max_iter = " + std::to_string(options.max_iter) + " cut " + std::to_string(tally.capped) +
                      " Newton start(s) short above tol";
}

}  // namespace

std::vector<double> two_action_gains(const SymmetricGame& game) {
  const std::size_t N = game.num_players() - 1;
  std::vector<double> d(N + 1);
  Counts m(2);
  for (std::size_t k = 0; k <= N; ++k) {
    m[0] = k, m[1] = N - k;
    d[k] = game.payoff_at(0, m) - game.payoff_at(1, m);
  }
  return d;
}

BernsteinRoots::BernsteinRoots(std::vector<double> d) : d_(std::move(d)), log_factorial_(log_factorials(d_.size() - 1)) {}

double BernsteinRoots::g(double p) const {
  const std::size_t N = d_.size() - 1;
  if (p <= 0) return d_.front();
  if (p >= 1) return d_.back();
  if (N == 0) return d_[0];
  const std::size_t mode = std::min(N, static_cast<std::size_t>(std::floor(double(N + 1) * p)));
  const double peak = std::exp(log_factorial_[N] - log_factorial_[mode] - log_factorial_[N - mode] +
                               double(mode) * std::log(p) + double(N - mode) * std::log1p(-p));
  const double ratio = p / (1 - p), cutoff = peak * kWeightCutoff;
  double sum = peak * d_[mode], w = peak;
  for (std::size_t k = mode; k < N && w > cutoff; ++k) {
    w *= double(N - k) / double(k + 1) * ratio;
    sum += w * d_[k + 1];
  }
  w = peak;
  for (std::size_t k = mode; k > 0 && w > cutoff; --k) {
    w *= double(k) / double(N - k + 1) / ratio;
    sum += w * d_[k - 1];
  }
  return sum;
}

std::vector<double> BernsteinRoots::find(bool& exhaustive) {
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

double BernsteinRoots::crossing(double lo, double hi) const {
  const double g_lo = g(lo), g_hi = g(hi);
  if (g_lo == 0 || g_hi == 0 || (g_lo > 0) == (g_hi > 0)) return std::numeric_limits<double>::quiet_NaN();
  std::uintmax_t iterations = kBracketIterations;
  const auto [a, b] = boost::math::tools::toms748_solve([this](double p) { return g(p); }, lo, hi, g_lo, g_hi,
                                                        boost::math::tools::eps_tolerance<double>(kBracketBits),
                                                        iterations);
  return 0.5 * (a + b);
}

void BernsteinRoots::bracket(double lo, double hi) {
  const double g_lo = g(lo), g_hi = g(hi);
  if (g_lo == 0) return add(lo);
  if (g_hi == 0) return add(hi);
  // The coefficients change sign but the values do not: at one end g is
  // within rounding of zero (a multiple root), and that end is the root.
  if ((g_lo > 0) == (g_hi > 0)) return add(std::abs(g_lo) <= std::abs(g_hi) ? lo : hi);
  add(crossing(lo, hi));
}

void BernsteinRoots::add(double p) {
  if (p <= 0 || p >= 1) return;
  for (double r : roots_)
    if (std::abs(r - p) < kSameRoot) return;
  roots_.push_back(p);
}

void BernsteinRoots::subdivide(const std::vector<double>& b, double lo, double hi, std::size_t depth,
                               bool& exhaustive) {
  const std::size_t changes = sign_changes(b);
  if (changes == 0) return;
  if (changes == 1) {
    if (b.front() != 0 && b.back() != 0) return bracket(lo, hi);
    // A root sits on an end (already recorded); at most one more inside.
    const double inset = (hi - lo) * kEndInset, a = lo + inset, z = hi - inset;
    const double g_a = g(a), g_z = g(z);
    if (g_a != 0 && g_z != 0 && (g_a > 0) != (g_z > 0)) return bracket(a, z);
    if (g_a != 0 && g_z != 0) return;  // same sign and at most one root: none
  }
  const double mid = 0.5 * (lo + hi);
  if (depth >= kMaxDepth) {  // a multiple root or a tight cluster: keep the midpoint if g vanishes there
    if (std::abs(g(mid)) <= kClusterResidual * scale()) add(mid);
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
void BernsteinRoots::sample() {
  const std::size_t N = d_.size() - 1;
  std::vector<double> grid;
  for (std::size_t i = 1; i < kGridSize; ++i) grid.push_back(double(i) / double(kGridSize));
  std::size_t previous = N + 1;
  for (std::size_t k = 0; k <= N && grid.size() < kMaxGridPoints; ++k) {
    if (d_[k] == 0) continue;
    if (previous <= N && (d_[k] > 0) != (d_[previous] > 0)) {
      const double center = 0.5 * double(k + previous) / double(N);
      const double width = std::sqrt(center * (1 - center) / double(N)) + 1.0 / double(N);
      for (int j = -kSignChangeWidths; j <= kSignChangeWidths; ++j)
        grid.push_back(std::clamp(center + j * width, kGridFloor, kGridCeiling));
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

double BernsteinRoots::scale() const {
  double largest = 0;
  for (double v : d_) largest = std::max(largest, std::abs(v));
  return largest;
}

SymmetricEquilibria symmetric_search(const SymmetricGame& game, const SymmetricEquilibriumOptions& options,
                                     const char* method, bool require_best_reply) {
  if (!std::isfinite(options.tol) || options.tol <= 0) fail(method, "tol must be finite and > 0, got ", options.tol);
  SymmetricEquilibria result;
  result.report.method = method;
  const std::size_t s = game.num_actions();
  if (s == 1) {
    result.equilibria.push_back({1.0});
    result.report.converged = result.report.exhaustive = true;
    result.report.num_iter = 1;
    result.report.message = "one action: the only strategy";
    return result;
  }
  const double tol = options.tol * payoff_range(game);
  if (s == 2)
    two_action_search(game, tol, result, require_best_reply);
  else
    support_enumeration_search(game, options, tol, method, result, require_best_reply);
  return result;
}

}  // namespace detail

SymmetricEquilibria symmetric_equilibria(const SymmetricGame& game, const SymmetricEquilibriumOptions& options) {
  return detail::symmetric_search(game, options, "symmetric_equilibria", true);
}

}  // namespace dilemma

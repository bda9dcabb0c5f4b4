// Logit quantal response equilibrium (McKelvey & Palfrey 1995): the
// principal branch traced from lambda = 0 to its limiting Nash equilibrium.
//
// A logit QRE at precision lambda >= 0 is a profile x with
//   x_ia = exp(lambda U_ia(x)) / sum_b exp(lambda U_ib(x))
// for every player i and action a, U_ia(x) the expected payoff of action a
// against the others' strategies. At lambda = 0 the uniform profile is the
// only QRE; for generic games the branch that starts there is a smooth curve
// that converges to one Nash equilibrium as lambda -> infinity.
//
// Method (Turocy 2005, "A dynamic homotopy interpretation of the logistic
// quantal response equilibrium correspondence", GEB 51; Allgower & Georg,
// "Numerical Continuation Methods", 1990, chapters 2 and 6): the unknowns
// are z = (y, lambda) with y = log x, and the curve is H(z) = 0 where, per
// player (or per symmetric strategy) with actions 0..m-1,
//   sum_a exp(y_a) - 1 = 0,
//   y_a - y_0 - lambda (U_a(x) - U_0(x)) = 0   for a = 1..m-1.
// The curve is followed in arc length: a tangent predictor (the null vector
// of the Jacobian, from a QR factorisation of its transpose) with an adaptive
// step, then Newton corrector steps with the Moore-Penrose inverse of the
// Jacobian at the predicted point (chord method). Parametrizing by arc length
// rather than lambda passes turning points, where lambda decreases for a
// while. Step control after Allgower & Georg's steplength adaptation: a
// step is rejected (and halved) when the first corrector step is longer than
// max_distance or the corrector contracts slower than max_contraction;
// otherwise the next step grows by at most max_accel.
//
// Derivatives: dense games contract each player's payoff tensor with the
// others' strategies down to every pair of players (u_i(a, b, x_{-ij}),
// about 3 P multiply-adds per player for P joint profiles); symmetric games
// use the gradient formula of MODEL.md section 4,
//   dU(a; x)/dx_b = (n-1) sum_{m in M_{n-2}} Mult(n-2; m) x^m u(a, m + e_b),
// over the likely count vectors of n - 2 others (detail::LikelyCounts), and
// U(a; x) = sum_b x_b dU(a; x)/dx_b / (n-1) (Euler, U is homogeneous of
// degree n-1), so one pass gives both.
//
// The limit: tracing stops when the QRE's regret is at most
// regret_tol * (max payoff - min payoff) (Gambit's criterion) or when lambda
// exceeds max_lambda. The final profile is then refined to an exact
// equilibrium of the support it converges to (actions with probability at
// least support_tol, then at least 1e-4 and 1e-2): Newton on that support's
// indifference equations; a refined profile is kept only when it is a
// profile whose regret is smaller.
#pragma once

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "dilemma/core/monitor.hpp"
#include "dilemma/core/errors.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/profiles/symmetric_payoffs.hpp"

namespace dilemma {

/// Options of logit_qre and logit_qre_at; every default is Gambit's
/// gambit-logit default where Gambit has one.
struct LogitQreOptions {
  /// First arc-length step of the predictor (gambit-logit -s: 0.03).
  double first_step = 0.03;
  /// Largest factor by which the step may grow (or shrink, on a hard
  /// corrector) from one accepted step to the next (gambit-logit -a: 1.1).
  double max_accel = 1.1;
  /// Tracing stops once lambda exceeds this (gambit-logit: 1e6).
  double max_lambda = 1e6;
  /// Tracing stops when the regret is at most regret_tol times the payoff
  /// range of the game (gambit-logit -m: 1e-8); also the bound below which
  /// the result counts as converged.
  double regret_tol = 1e-8;
  /// The corrector stops when its Newton step is shorter than this (1e-4).
  double corrector_tol = 1e-4;
  /// A corrector step longer than this rejects the predictor step (0.4).
  double max_distance = 0.4;
  /// A corrector contracting slower than this rejects the step (0.6).
  double max_contraction = 0.6;
  /// Smallest arc-length step; below it tracing stops unconverged (1e-10).
  double min_step = 1e-10;
  /// Most predictor-corrector steps; exceeding it throws NotConverged.
  std::size_t max_iter = 100000;
  /// Actions with at least this probability form the support that the
  /// limiting profile is refined on (1e-6); the coarser cuts 1e-4 and 1e-2
  /// are tried too, and the refined profile of least regret is kept.
  double support_tol = 1e-6;
  /// Record every point of the branch (for plotting).
  bool record_branch = true;
};

/// The traced branch: lambdas[k] and profiles[k] are the k-th accepted point.
template <class Profile>
struct LogitBranch {
  std::vector<double> lambdas;
  std::vector<Profile> profiles;
};

/// Result of logit_qre. Profile is MixedProfile for dense games and the
/// common strategy (a probability vector) for symmetric games.
template <class Profile>
struct LogitQreResult {
  /// The limiting Nash equilibrium (refined, see the file comment).
  Profile equilibrium;
  /// Its regret (largest gain of a unilateral deviation).
  double regret = 0.0;
  /// The last lambda reached on the branch.
  double lambda = 0.0;
  /// The QRE at that lambda (before refinement).
  Profile qre;
  /// The path from lambda = 0 (empty unless options.record_branch).
  LogitBranch<Profile> branch;
  /// regret <= options.regret_tol * payoff range.
  bool converged = false;
  /// Accepted predictor-corrector steps.
  std::size_t num_iter = 0;
  /// Why tracing stopped.
  std::string message;
  LogitQreOptions options;
};

namespace detail {

inline void validate_logit_options(const char* function, const LogitQreOptions& o) {
  auto positive = [&](const char* name, double value) {
    if (!std::isfinite(value) || value <= 0) fail(function, name, " must be finite and > 0, got ", value);
  };
  positive("first_step", o.first_step);
  positive("max_lambda", o.max_lambda);
  positive("regret_tol", o.regret_tol);
  positive("corrector_tol", o.corrector_tol);
  positive("max_distance", o.max_distance);
  positive("min_step", o.min_step);
  positive("support_tol", o.support_tol);
  if (!std::isfinite(o.max_accel) || o.max_accel <= 1)
    fail(function, "max_accel must be finite and > 1, got ", o.max_accel);
  if (!std::isfinite(o.max_contraction) || o.max_contraction <= 0 || o.max_contraction >= 1)
    fail(function, "max_contraction must be in (0, 1), got ", o.max_contraction);
  if (o.max_iter == 0) fail(function, "max_iter must be >= 1, got ", o.max_iter);
}

/// Contracts axis `axis` of a C-order tensor of shape `dims` with w:
/// out[a, b] = sum_c w[c] in[a, c, b]. Removes the axis from dims.
inline void contract_axis(const double* in, std::vector<std::size_t>& dims, std::size_t axis, const double* w,
                          std::vector<double>& out) {
  std::size_t before = 1, after = 1;
  for (std::size_t k = 0; k < axis; ++k) before *= dims[k];
  for (std::size_t k = axis + 1; k < dims.size(); ++k) after *= dims[k];
  const std::size_t m = dims[axis];
  out.assign(before * after, 0.0);
  for (std::size_t a = 0; a < before; ++a) {
    double* target = out.data() + a * after;
    const double* block = in + a * m * after;
    if (after == 1) {
      double sum = 0;
      for (std::size_t c = 0; c < m; ++c) sum += w[c] * block[c];
      *target = sum;
      continue;
    }
    for (std::size_t c = 0; c < m; ++c) {
      const double wc = w[c];
      if (wc == 0) continue;  // underflowed probabilities near the limit
      const double* row = block + c * after;
      for (std::size_t b = 0; b < after; ++b) target[b] += wc * row[b];
    }
  }
  dims.erase(dims.begin() + static_cast<std::ptrdiff_t>(axis));
}

/// The logit system of a dense game: per player one block of actions.
class DenseLogitSystem {
 public:
  explicit DenseLogitSystem(const NormalFormGame& game) : game_(centered_game(game)) {
    std::size_t offset = 0;
    for (std::size_t m : game.nums_actions()) {
      offsets_.push_back(offset);
      offset += m;
    }
    dim_ = offset;
    const auto& data = game.payoff_data();
    if (!data.empty()) {
      const auto [low, high] = std::minmax_element(data.begin(), data.end());
      scale_ = *high - *low;
    }
  }
  std::size_t dim() const { return dim_; }
  std::size_t num_blocks() const { return offsets_.size(); }
  std::size_t offset(std::size_t k) const { return offsets_[k]; }
  std::size_t size(std::size_t k) const { return game_.nums_actions()[k]; }
  double payoff_range() const { return scale_; }

  /// U(x) (dim entries) and, if dU is given, dU(ia, jb) = dU_ia / dx_jb.
  void evaluate(const Eigen::VectorXd& x, Eigen::VectorXd& U, Eigen::MatrixXd* dU) const {
    const std::size_t n = game_.num_players();
    U.setZero(dim_);
    if (dU) dU->setZero(dim_, dim_);
    for (std::size_t i = 0; i < n; ++i) {
      const double* payoffs = game_.payoffs(i);
      std::vector<std::size_t> dims = game_.nums_actions(), players(n);
      for (std::size_t j = 0; j < n; ++j) players[j] = j;
      if (!dU || n <= 2) {  // contract every other player: U_i
        std::vector<double> tensor, next;
        const double* source = payoffs;
        for (std::size_t j = n; j-- > 0;) {
          if (j == i) continue;
          if (dU) write_pair(source, i, j, dims, *dU);
          contract_axis(source, dims, j, x.data() + offsets_[j], next);
          tensor.swap(next);
          source = tensor.data();
        }
        for (std::size_t a = 0; a < size(i); ++a) U[offsets_[i] + a] = source[a];
        continue;
      }
      std::vector<std::size_t> keep;
      for (std::size_t j = 0; j < n; ++j)
        if (j != i) keep.push_back(j);
      pairs(payoffs, std::move(dims), std::move(players), keep, i, x, *dU);
      const std::size_t j = keep.front();  // U_ia = sum_b u_i(a, b, x_{-ij}) x_jb
      for (std::size_t a = 0; a < size(i); ++a) {
        double sum = 0;
        for (std::size_t b = 0; b < size(j); ++b) sum += (*dU)(offsets_[i] + a, offsets_[j] + b) * x[offsets_[j] + b];
        U[offsets_[i] + a] = sum;
      }
    }
  }

 private:
  // tensor over exactly the axes of players i and j: write it into dU.
  void write_pair(const double* tensor, std::size_t i, std::size_t j,
                  const std::vector<std::size_t>& dims, Eigen::MatrixXd& dU) const {
    if (dims.size() != 2) return;
    for (std::size_t a = 0; a < size(i); ++a)
      for (std::size_t b = 0; b < size(j); ++b)
        dU(offsets_[i] + a, offsets_[j] + b) = i < j ? tensor[a * size(j) + b] : tensor[b * size(i) + a];
  }
  // Divide and conquer over the players to keep: contract one half, recurse
  // on the other; about 3 P multiply-adds per player in all.
  void pairs(const double* tensor, std::vector<std::size_t> dims, std::vector<std::size_t> players,
             const std::vector<std::size_t>& keep, std::size_t i, const Eigen::VectorXd& x,
             Eigen::MatrixXd& dU) const {
    if (keep.size() == 1) {
      write_pair(tensor, i, keep.front(), dims, dU);
      return;
    }
    const std::size_t half = keep.size() / 2;
    const std::vector<std::size_t> first(keep.begin(), keep.begin() + static_cast<std::ptrdiff_t>(half)),
        second(keep.begin() + static_cast<std::ptrdiff_t>(half), keep.end());
    for (int side = 0; side < 2; ++side) {
      const auto& kept = side == 0 ? first : second;
      const auto& dropped = side == 0 ? second : first;
      std::vector<double> t, next;
      const double* source = tensor;
      std::vector<std::size_t> d = dims, p = players;
      for (std::size_t k = p.size(); k-- > 0;) {
        if (std::find(dropped.begin(), dropped.end(), p[k]) == dropped.end()) continue;
        contract_axis(source, d, k, x.data() + offsets_[p[k]], next);
        t.swap(next);
        source = t.data();
        p.erase(p.begin() + static_cast<std::ptrdiff_t>(k));
      }
      pairs(source, std::move(d), std::move(p), kept, i, x, dU);
    }
  }

  NormalFormGame game_;  // centered: U keeps its differences near 2^53
  std::vector<std::size_t> offsets_;
  std::size_t dim_ = 0;
  double scale_ = 0.0;
};

/// The logit system of a symmetric game: one block, the common strategy.
class SymmetricLogitSystem {
 public:
  explicit SymmetricLogitSystem(const SymmetricGame& game)
      : game_(game), log_factorial_(log_factorials(game.num_players() >= 2 ? game.num_players() - 2 : 0)) {
    double low = std::numeric_limits<double>::infinity(), high = -low;
    game.for_each_payoff_row([&](const Counts& m, const std::vector<double>& u) {
      for (double v : u) {
        if (!std::isfinite(v))
          fail("logit_qre", "payoff ", v, " against others' counts ", format_tuple(m), "; payoffs must be finite");
        low = std::min(low, v);
        high = std::max(high, v);
      }
    });
    scale_ = high >= low ? high - low : 0.0;
    midpoint_ = high >= low ? low / 2 + high / 2 : 0.0;
  }
  std::size_t dim() const { return game_.num_actions(); }
  std::size_t num_blocks() const { return 1; }
  std::size_t offset(std::size_t) const { return 0; }
  std::size_t size(std::size_t) const { return game_.num_actions(); }
  double payoff_range() const { return scale_; }

  void evaluate(const Eigen::VectorXd& x, Eigen::VectorXd& U, Eigen::MatrixXd* dU) const {
    const std::size_t s = dim(), n = game_.num_players();
    U.setZero(s);
    Eigen::MatrixXd G = Eigen::MatrixXd::Zero(s, s);
    if (n >= 2) {
      std::vector<double> p(x.data(), x.data() + s);
      double sum = 0;
      for (double v : p) sum += v;
      for (double& v : p) v = sum > 0 ? v / sum : 1.0 / double(s);
      detail::LikelyCounts(n - 2, p, log_factorial_).for_each([&](const Counts& m, double w) {
        Counts shifted = m;
        for (std::size_t b = 0; b < s; ++b) {
          ++shifted[b];
          for (std::size_t a = 0; a < s; ++a) G(a, b) += w * (game_.payoff_at(a, shifted) - midpoint_);
          --shifted[b];
        }
      });
      U = G * Eigen::Map<const Eigen::VectorXd>(p.data(), static_cast<Eigen::Index>(s));
      G *= double(n - 1);
    } else {
      const Counts none(s, 0);
      for (std::size_t a = 0; a < s; ++a) U[a] = game_.payoff_at(a, none) - midpoint_;
    }
    if (dU) *dU = G;
  }

 private:
  const SymmetricGame& game_;
  std::vector<double> log_factorial_;
  double scale_ = 0.0;
  double midpoint_ = 0.0;  // subtracted from every payoff: U keeps its differences near 2^53
};

/// Regret of the profile x (flat, normalized) with action payoffs U.
template <class System>
double logit_regret(const System& system, const Eigen::VectorXd& x, const Eigen::VectorXd& U) {
  double worst = 0;
  for (std::size_t k = 0; k < system.num_blocks(); ++k) {
    const std::size_t o = system.offset(k), m = system.size(k);
    const double best = U.segment(static_cast<Eigen::Index>(o), static_cast<Eigen::Index>(m)).maxCoeff();
    const double mean = x.segment(static_cast<Eigen::Index>(o), static_cast<Eigen::Index>(m))
                            .dot(U.segment(static_cast<Eigen::Index>(o), static_cast<Eigen::Index>(m)));
    worst = std::max(worst, best - mean);
  }
  return worst;
}

/// Path following on H(y, lambda) = 0 for one logit system.
template <class System>
class LogitTracer {
 public:
  LogitTracer(const System& system, const LogitQreOptions& options, const char* function)
      : sys_(system), o_(options), function_(function), n_(Eigen::Index(system.dim())) {}

  /// x = exp(y), normalized per block (the equations hold only up to the
  /// corrector tolerance).
  Eigen::VectorXd probabilities(const Eigen::VectorXd& z) const {
    Eigen::VectorXd x = z.head(n_).array().exp();
    for (std::size_t k = 0; k < sys_.num_blocks(); ++k) {
      auto block = x.segment(Eigen::Index(sys_.offset(k)), Eigen::Index(sys_.size(k)));
      block /= block.sum();
    }
    return x;
  }

  /// H(z) and, if J is given, its Jacobian (n x (n+1)); if regret is
  /// given, the regret of the profile at z.
  void system(const Eigen::VectorXd& z, Eigen::VectorXd& F, Eigen::MatrixXd* J, double* regret = nullptr) const {
    const Eigen::VectorXd x = z.head(n_).array().exp();
    const double lambda = z[n_];
    Eigen::VectorXd U;
    Eigen::MatrixXd dU;
    sys_.evaluate(x, U, J ? &dU : nullptr);
    if (regret) *regret = logit_regret(sys_, probabilities(z), U);
    F.resize(n_);
    if (J) J->setZero(n_, n_ + 1);
    for (std::size_t k = 0; k < sys_.num_blocks(); ++k) {
      const Eigen::Index o = Eigen::Index(sys_.offset(k)), m = Eigen::Index(sys_.size(k));
      F[o] = x.segment(o, m).sum() - 1.0;
      if (J) J->row(o).segment(o, m) = x.segment(o, m).transpose();
      for (Eigen::Index a = 1; a < m; ++a) {
        F[o + a] = z[o + a] - z[o] - lambda * (U[o + a] - U[o]);
        if (!J) continue;
        // d/dy_c of U = dU/dx_c * x_c
        J->row(o + a).head(n_) = -lambda * ((dU.row(o + a) - dU.row(o)).array() * x.transpose().array()).matrix();
        (*J)(o + a, o + a) += 1.0;
        (*J)(o + a, o) -= 1.0;
        (*J)(o + a, n_) = -(U[o + a] - U[o]);
      }
    }
  }

  struct Factor {
    Eigen::HouseholderQR<Eigen::MatrixXd> qr;
    Eigen::MatrixXd q;
  };
  void factor(const Eigen::MatrixXd& J, Factor& f) const {
    f.qr.compute(J.transpose());
    f.q = f.qr.householderQ();
  }
  Eigen::VectorXd tangent(const Factor& f) const { return f.q.col(n_); }
  /// Minimal-norm Newton step -J^+ F.
  Eigen::VectorXd newton_step(const Factor& f, const Eigen::VectorXd& F) const {
    const Eigen::VectorXd w =
        f.qr.matrixQR().topLeftCorner(n_, n_).template triangularView<Eigen::Upper>().transpose().solve(F);
    return -(f.q.leftCols(n_) * w);
  }

  /// Follows the branch from lambda = 0. With target >= 0, stops at the
  /// first point where lambda reaches target (and returns it exactly there);
  /// otherwise stops by regret or max_lambda. record(z) sees every accepted
  /// point; a record returning bool stops the trace (unconverged) by
  /// returning false.
  template <class Record>
  Eigen::VectorXd trace(double target, Record&& record, std::size_t& steps, std::string& message,
                        bool& converged) const {
    const auto stopped = [&](const Eigen::VectorXd& point) {
      if constexpr (std::is_same_v<decltype(record(point)), bool>) {
        if (record(point)) return false;
        message = "stopped by the caller at lambda = " + std::to_string(point[n_]);
        return true;
      } else {
        record(point);
        return false;
      }
    };
    Eigen::VectorXd z(n_ + 1);
    for (std::size_t k = 0; k < sys_.num_blocks(); ++k)
      z.segment(Eigen::Index(sys_.offset(k)), Eigen::Index(sys_.size(k)))
          .setConstant(-std::log(double(sys_.size(k))));
    z[n_] = 0.0;
    const double scale = sys_.payoff_range() > 0 ? sys_.payoff_range() : 1.0;
    Eigen::VectorXd F;
    Eigen::MatrixXd J;
    Factor f;
    // The regret at the last corrector evaluation (at most corrector_tol
    // from the accepted point) decides when to stop; the caller verifies
    // the final profile exactly.
    double regret = 0;
    system(z, F, &J, &regret);
    factor(J, f);
    Eigen::VectorXd t = tangent(f);
    if (t[n_] < 0) t = -t;
    if (stopped(z)) return z;
    double h = o_.first_step;
    steps = 0;
    converged = false;
    while (true) {
      // Progress in log(1 + lambda), towards max_lambda or the target.
      checkpoint(function_, std::log1p(z[n_]), std::log1p(target < 0 ? o_.max_lambda : target));
      if (target < 0) {
        if (regret <= o_.regret_tol * scale) {
          converged = true;
          message = "regret below regret_tol * payoff range";
          return z;
        }
        if (z[n_] > o_.max_lambda) {
          message = "lambda exceeded max_lambda";
          return z;
        }
      } else if (z[n_] == target) {
        converged = true;
        message = "reached the target lambda";
        return z;
      }
      if (steps >= o_.max_iter)
        throw NotConverged(std::string(function_) + ": no limit after max_iter = " +
                                 std::to_string(o_.max_iter) + " steps (lambda = " + std::to_string(z[n_]) +
                                 "); raise max_iter or lower max_lambda");
      if (h < o_.min_step) {
        message = "step fell below min_step at lambda = " + std::to_string(z[n_]);
        return z;
      }
      // Predictor, then chord-Newton corrector with the Jacobian at u.
      Eigen::VectorXd u = z + h * t;
      double corrected_regret = 0;
      system(u, F, &J, &corrected_regret);
      bool accept = J.allFinite();
      double decel = 1.0 / o_.max_accel, previous = 0.0;
      if (accept) factor(J, f);
      for (std::size_t iter = 0; accept; ++iter) {
        if (iter > 0) system(u, F, nullptr, &corrected_regret);
        const Eigen::VectorXd dz = newton_step(f, F);
        const double dist = dz.norm();
        if (!std::isfinite(dist) || dist >= o_.max_distance || iter >= 50) {
          accept = false;
          break;
        }
        u += dz;
        decel = std::max(decel, std::sqrt(dist / o_.max_distance) * o_.max_accel);
        if (iter > 0) {
          const double contraction = dist / (previous + 0.1 * o_.corrector_tol);
          if (contraction > o_.max_contraction) {
            accept = false;
            break;
          }
          decel = std::max(decel, std::sqrt(contraction / o_.max_contraction) * o_.max_accel);
        }
        if (dist <= o_.corrector_tol) break;
        previous = dist;
      }
      if (accept && u[n_] < 0) accept = false;  // the principal branch never returns to lambda < 0
      if (!accept) {
        h /= 2;
        continue;
      }
      Eigen::VectorXd next_t = tangent(f);
      if (next_t.dot(t) < 0) next_t = -next_t;
      if (target >= 0 && u[n_] >= target) {
        u = land(z, u, target);
        t = next_t;
        z = u;
        ++steps;
        if (stopped(z)) return z;
        continue;
      }
      h = h / std::min(decel, o_.max_accel);
      regret = corrected_regret;
      z = u;
      t = next_t;
      ++steps;
      if (stopped(z)) return z;
    }
  }

  /// Newton at fixed lambda = target from the interpolation of z and u.
  Eigen::VectorXd land(const Eigen::VectorXd& z, const Eigen::VectorXd& u, double target) const {
    const double s = u[n_] > z[n_] ? (target - z[n_]) / (u[n_] - z[n_]) : 1.0;
    Eigen::VectorXd w = z + s * (u - z);
    w[n_] = target;
    Eigen::VectorXd F;
    Eigen::MatrixXd J;
    for (int iter = 0; iter < 100; ++iter) {
      system(w, F, &J);
      const Eigen::VectorXd dy = J.leftCols(n_).colPivHouseholderQr().solve(-F);
      if (!dy.allFinite()) break;
      w.head(n_) += dy;
      if (dy.lpNorm<Eigen::Infinity>() < 1e-13) return w;
    }
    system(w, F, nullptr);
    if (!(F.lpNorm<Eigen::Infinity>() < 1e-8))
      raise<NotConverged>(function_, "Newton at lambda = ", target, " did not converge (residual ",
                          F.lpNorm<Eigen::Infinity>(), "; a turning point of the branch?)");
    return w;
  }

 private:
  const System& sys_;
  const LogitQreOptions& o_;
  const char* function_;
  Eigen::Index n_;
};

/// An equilibrium of the support {x_a >= support_tol} near x, by Newton on
/// the indifference equations; returns false when Newton fails or leaves
/// the simplex.
template <class System>
bool refine_on_support(const System& sys, Eigen::VectorXd& x, double support_tol) {
  const Eigen::Index n = Eigen::Index(sys.dim());
  std::vector<Eigen::Index> support;  // columns
  std::vector<std::pair<Eigen::Index, Eigen::Index>> rows;  // (first support action of block, action) or (-1, block)
  for (std::size_t k = 0; k < sys.num_blocks(); ++k) {
    const Eigen::Index o = Eigen::Index(sys.offset(k)), m = Eigen::Index(sys.size(k));
    Eigen::Index first = -1, best = o;
    for (Eigen::Index a = o; a < o + m; ++a) {
      if (x[a] > x[best]) best = a;
      if (x[a] >= support_tol) {
        if (first < 0) first = a;
        support.push_back(a);
        if (a != first) rows.emplace_back(first, a);
      }
    }
    if (first < 0) support.push_back(best);
    rows.emplace_back(-1, Eigen::Index(k));
  }
  Eigen::VectorXd v = Eigen::VectorXd::Zero(n);
  for (Eigen::Index c : support) v[c] = x[c];
  const Eigen::Index r = Eigen::Index(support.size());
  Eigen::VectorXd U, F(r);
  Eigen::MatrixXd dU, J(r, r);
  for (int iter = 0; iter < 50; ++iter) {
    sys.evaluate(v, U, &dU);
    for (Eigen::Index row = 0; row < r; ++row) {
      const auto [first, a] = rows[std::size_t(row)];
      if (first < 0) {
        const Eigen::Index o = Eigen::Index(sys.offset(std::size_t(a))), m = Eigen::Index(sys.size(std::size_t(a)));
        F[row] = v.segment(o, m).sum() - 1.0;
        for (Eigen::Index c = 0; c < r; ++c) J(row, c) = support[std::size_t(c)] >= o && support[std::size_t(c)] < o + m;
      } else {
        F[row] = U[a] - U[first];
        for (Eigen::Index c = 0; c < r; ++c) J(row, c) = dU(a, support[std::size_t(c)]) - dU(first, support[std::size_t(c)]);
      }
    }
    const Eigen::VectorXd step = J.colPivHouseholderQr().solve(-F);
    if (!step.allFinite()) return false;
    for (Eigen::Index c = 0; c < r; ++c) v[support[std::size_t(c)]] += step[c];
    if (step.lpNorm<Eigen::Infinity>() < 1e-14) break;
  }
  for (Eigen::Index c = 0; c < n; ++c) {
    if (!std::isfinite(v[c]) || v[c] < -1e-9) return false;
    v[c] = std::max(0.0, v[c]);
  }
  for (std::size_t k = 0; k < sys.num_blocks(); ++k) {
    auto block = v.segment(Eigen::Index(sys.offset(k)), Eigen::Index(sys.size(k)));
    const double sum = block.sum();
    if (!(sum > 0)) return false;
    block /= sum;
  }
  x = v;
  return true;
}

inline MixedProfile to_profile(const DenseLogitSystem& sys, const Eigen::VectorXd& x) {
  MixedProfile profile(sys.num_blocks());
  for (std::size_t k = 0; k < sys.num_blocks(); ++k)
    profile[k].assign(x.data() + sys.offset(k), x.data() + sys.offset(k) + sys.size(k));
  return profile;
}
inline std::vector<double> to_profile(const SymmetricLogitSystem& sys, const Eigen::VectorXd& x) {
  return std::vector<double>(x.data(), x.data() + sys.dim());
}

template <class System>
auto logit_qre_impl(const System& sys, const LogitQreOptions& options) {
  validate_logit_options("logit_qre", options);
  using Profile = decltype(to_profile(sys, Eigen::VectorXd()));
  LogitQreResult<Profile> result;
  result.options = options;
  LogitTracer<System> tracer(sys, options, "logit_qre");
  const Eigen::Index n = Eigen::Index(sys.dim());
  const Eigen::VectorXd z = tracer.trace(
      -1.0,
      [&](const Eigen::VectorXd& point) {
        if (!options.record_branch) return;
        result.branch.lambdas.push_back(point[n]);
        result.branch.profiles.push_back(to_profile(sys, tracer.probabilities(point)));
      },
      result.num_iter, result.message, result.converged);
  result.lambda = z[n];
  Eigen::VectorXd x = tracer.probabilities(z), U;
  result.qre = to_profile(sys, x);
  sys.evaluate(x, U, nullptr);
  result.regret = logit_regret(sys, x, U);
  // Candidate supports: actions above support_tol, and coarser cuts for
  // limits approached slowly (large games stop with a loose regret bound).
  const Eigen::VectorXd traced = x;
  for (double cut : {options.support_tol, 1e-4, 1e-2}) {
    if (cut < options.support_tol) continue;
    Eigen::VectorXd refined = traced;
    if (!refine_on_support(sys, refined, cut)) continue;
    sys.evaluate(refined, U, nullptr);
    const double regret = logit_regret(sys, refined, U);
    if (regret <= result.regret) {
      x = refined;
      result.regret = regret;
    }
  }
  result.equilibrium = to_profile(sys, x);
  const double scale = sys.payoff_range() > 0 ? sys.payoff_range() : 1.0;
  result.converged = result.regret <= options.regret_tol * scale;
  return result;
}

template <class System>
auto logit_qre_at_impl(const System& sys, double lambda, const LogitQreOptions& options) {
  if (!std::isfinite(lambda) || lambda < 0)
    fail("logit_qre_at", "lambda must be finite and >= 0, got ", lambda);
  validate_logit_options("logit_qre_at", options);
  LogitTracer<System> tracer(sys, options, "logit_qre_at");
  std::size_t steps = 0;
  std::string message;
  bool converged = false;
  const Eigen::VectorXd z = tracer.trace(lambda, [](const Eigen::VectorXd&) {}, steps, message, converged);
  if (!converged)
    detail::raise<NotConverged>("logit_qre_at", "could not follow the branch to lambda = ", lambda, ": ", message);
  return to_profile(sys, tracer.probabilities(z));
}

}  // namespace detail

/// Traces the principal branch of the logit QRE of a dense game from
/// lambda = 0 to its limiting Nash equilibrium.
///
/// \returns the branch, the limit (refined to an exact equilibrium of its
/// support when that lowers the regret), convergence flag and step count.
/// Throws InvalidArgument on bad options and NotConverged (a
/// std::runtime_error) when options.max_iter steps do not reach the limit.
/// Complexity: at most options.max_iter steps, each a few evaluations of
/// O(n * P) (contractions of the payoff tensors, with the Jacobian) and
/// O(N^3) QR factorisations, for n players, P profiles and N = sum_i m_i;
/// O(P + N^2) extra memory besides the recorded branch.
///
/// \code
/// auto result = dilemma::logit_qre(game);
/// result.equilibrium;        // the limiting Nash equilibrium
/// result.branch.lambdas;     // the path, for plotting
/// \endcode
/// \sa logit_qre_at
inline LogitQreResult<MixedProfile> logit_qre(const NormalFormGame& game, const LogitQreOptions& options = {}) {
  return detail::logit_qre_impl(detail::DenseLogitSystem(game), options);
}

/// The same for a symmetric game, in count form (no dense tensor): the
/// branch of symmetric profiles, every player mixing with the same strategy.
/// Profiles are that common strategy (one probability per action).
/// Complexity: s * C payoff evaluations for the payoff range (C =
/// num_count_vectors()), then at most options.max_iter steps, each a few
/// evaluations of s^2 * K payoffs (K = O(n^((s-1)/2)) likely count vectors,
/// see action_payoffs) and O(s^3) factorisations.
inline LogitQreResult<std::vector<double>> logit_qre(const SymmetricGame& game,
                                                     const LogitQreOptions& options = {}) {
  return detail::logit_qre_impl(detail::SymmetricLogitSystem(game), options);
}

/// The QRE at precision lambda on the principal branch: the first point of
/// the branch (followed from lambda = 0) where lambda is reached. Throws
/// InvalidArgument if lambda < 0 or not finite, NotConverged when the
/// branch cannot be followed to lambda.
/// Complexity: as logit_qre, O(n * P + N^3) per step up to lambda, at most
/// options.max_iter steps.
inline MixedProfile logit_qre_at(const NormalFormGame& game, double lambda, const LogitQreOptions& options = {}) {
  return detail::logit_qre_at_impl(detail::DenseLogitSystem(game), lambda, options);
}

/// The common strategy of the symmetric QRE at lambda on the principal branch.
/// Complexity: as logit_qre for symmetric games, per step about s^2 * K payoff
/// evaluations plus O(s^3), at most options.max_iter steps.
inline std::vector<double> logit_qre_at(const SymmetricGame& game, double lambda,
                                        const LogitQreOptions& options = {}) {
  return detail::logit_qre_at_impl(detail::SymmetricLogitSystem(game), lambda, options);
}

}  // namespace dilemma

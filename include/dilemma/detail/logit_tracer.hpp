// Path following on the logit QRE branch H(y, lambda) = 0 of a logit system
// (detail/logit_system.hpp): used by logit_qre, logit_qre_at and
// invariance_report. See solvers/logit_qre.hpp for the method.
#pragma once

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <type_traits>

#include "dilemma/core/errors.hpp"
#include "dilemma/core/monitor.hpp"
#include "dilemma/core/shape.hpp"
#include "dilemma/detail/logit_system.hpp"
#include "dilemma/solvers/logit_qre.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma::detail {

/// Corrector steps per predictor step before the step is rejected (a
/// corrector that has not converged by then is not contracting).
inline constexpr std::size_t kMaxCorrectorSteps = 50;
/// Added to the previous corrector step (as a fraction of corrector_tol) in
/// the contraction ratio, so that a tiny previous step does not reject.
inline constexpr double kContractionFloor = 0.1;
/// Newton steps at a fixed lambda when landing on logit_qre_at's target.
inline constexpr int kLandingSteps = 100;
/// A landing Newton step this short (max norm) has converged.
inline constexpr double kLandingStep = 1e-13;
/// The landed point must solve H to this residual (max norm).
inline constexpr double kLandingResidual = 1e-8;
/// Path following on H(y, lambda) = 0 for one logit system.
template <class System>
class LogitTracer {
 public:
  LogitTracer(const System& system, const LogitQreOptions& options, const char* function)
      : sys_(system), o_(options), function_(function), n_(Eigen::Index(system.dim())) {
    // The Jacobian, the action payoffs' derivatives and the QR factors: about
    // five dense (n + 1) x (n + 1) matrices (a 2 x 50000 game: 100 GB).
    const std::size_t size = system.dim() + 1;
    check_fits_in_memory(function, size * size, 5 * sizeof(double),
                         "the Jacobians and QR factors of " + std::to_string(system.dim()) + " unknowns");
  }

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
  Eigen::VectorXd trace(double target, Record&& record, SolveReport& report) const {
    std::size_t& steps = report.num_iter;
    std::string& message = report.message;
    bool& converged = report.converged;
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
    const double scale = sys_.payoff_range();
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
    double furthest = 0.0;  // lambda turns back at the folds of the branch; the progress does not
    while (true) {
      // Progress in log(1 + lambda), the furthest reached, towards max_lambda or the target.
      furthest = std::max(furthest, z[n_]);
      checkpoint(function_, std::log1p(furthest), std::log1p(target < 0 ? o_.max_lambda : target));
      if (target < 0) {
        if (regret <= o_.tol * scale) {
          converged = true;
          message = "regret below tol * payoff range";
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
      if (steps >= o_.max_iter) {
        message = "max_iter = " + std::to_string(o_.max_iter) + " steps reached at lambda = " +
                  std::to_string(z[n_]) + "; raise max_iter or lower max_lambda";
        return z;
      }
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
        if (!std::isfinite(dist) || dist >= o_.max_distance || iter >= kMaxCorrectorSteps) {
          accept = false;
          break;
        }
        u += dz;
        decel = std::max(decel, std::sqrt(dist / o_.max_distance) * o_.max_accel);
        if (iter > 0) {
          const double contraction = dist / (previous + kContractionFloor * o_.corrector_tol);
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
    for (int iter = 0; iter < kLandingSteps; ++iter) {
      system(w, F, &J);
      const Eigen::VectorXd dy = J.leftCols(n_).colPivHouseholderQr().solve(-F);
      if (!dy.allFinite()) break;
      w.head(n_) += dy;
      if (dy.lpNorm<Eigen::Infinity>() < kLandingStep) return w;
    }
    system(w, F, nullptr);
    if (!(F.lpNorm<Eigen::Infinity>() < kLandingResidual))
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

}  // namespace dilemma::detail

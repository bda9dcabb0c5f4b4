// logit_qre and logit_qre_at: the principal branch of the logit QRE traced
// by predictor-corrector path following (see solvers/logit_qre.hpp).
#include "dilemma/solvers/logit_qre.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>
#include <utility>

#include "dilemma/core/errors.hpp"
#include "dilemma/core/monitor.hpp"
#include "dilemma/detail/logit_system.hpp"
#include "dilemma/detail/logit_tracer.hpp"

namespace dilemma {

namespace detail {

namespace {

/// Coarser support cuts tried after support_tol, for limits approached
/// slowly (large games stop with a loose regret bound).
constexpr double kCoarseSupportCuts[] = {1e-4, 1e-2};

void validate_logit_options(const char* function, const LogitQreOptions& o) {
  auto positive = [&](const char* name, double value) {
    if (!std::isfinite(value) || value <= 0) fail(function, name, " must be finite and > 0, got ", value);
  };
  positive("first_step", o.first_step);
  positive("max_lambda", o.max_lambda);
  positive("tol", o.tol);
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
        check_growth("logit_qre", result.branch.profiles, 1, "the recorded branch",
                     sizeof(Profile) + sizeof(double) * (sys.dim() + sys.num_blocks() + 1));
        result.branch.lambdas.push_back(point[n]);
        result.branch.profiles.push_back(to_profile(sys, tracer.probabilities(point)));
      },
      result.report);
  result.report.method = "logit_qre";
  result.report.exhaustive = false;
  result.lam = z[n];
  Eigen::VectorXd x = tracer.probabilities(z), U;
  result.qre = to_profile(sys, x);
  sys.evaluate(x, U, nullptr);
  result.regret = logit_regret(sys, x, U);
  // Candidate supports: actions above support_tol, and coarser cuts for
  // limits approached slowly (large games stop with a loose regret bound).
  const Eigen::VectorXd traced = x;
  std::vector<double> cuts{options.support_tol};
  for (double cut : kCoarseSupportCuts)
    if (cut >= options.support_tol) cuts.push_back(cut);
  for (double cut : cuts) {
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
  // The report says whether the refined limit meets the bound; a cap that
  // ended the trace keeps converged false whatever the refinement achieved.
  const bool capped = !result.report.converged && result.report.message.rfind("max_iter", 0) == 0;
  result.report.converged = !capped && result.regret <= options.tol * sys.payoff_range();
  return result;
}

template <class System>
auto logit_qre_at_impl(const System& sys, double lam, const LogitQreOptions& options) {
  if (!std::isfinite(lam) || lam < 0)
    fail("logit_qre_at", "lam must be finite and >= 0, got ", lam);
  validate_logit_options("logit_qre_at", options);
  LogitTracer<System> tracer(sys, options, "logit_qre_at");
  using Profile = decltype(to_profile(sys, Eigen::VectorXd()));
  LogitQrePoint<Profile> point;
  point.lam = lam;
  const Eigen::VectorXd z = tracer.trace(lam, [](const Eigen::VectorXd&) {}, point.report);
  point.report.method = "logit_qre_at";
  point.report.exhaustive = false;
  if (point.report.converged)
    point.qre = to_profile(sys, tracer.probabilities(z));
  else
    point.report.message = "could not follow the branch to lam = " + std::to_string(lam) + ": " + point.report.message;
  return point;
}

}  // namespace

}  // namespace detail

LogitQreResult<MixedProfile> logit_qre(const NormalFormGame& game, const LogitQreOptions& options) {
  const detail::SolverName name("logit_qre");  // for the checkpoints of the system's construction
  return detail::logit_qre_impl(detail::DenseLogitSystem(game), options);
}

LogitQreResult<std::vector<double>> logit_qre(const SymmetricGame& game, const LogitQreOptions& options) {
  const detail::SolverName name("logit_qre");
  return detail::logit_qre_impl(detail::SymmetricLogitSystem(game), options);
}

LogitQrePoint<MixedProfile> logit_qre_at(const NormalFormGame& game, double lam, const LogitQreOptions& options) {
  const detail::SolverName name("logit_qre_at");
  return detail::logit_qre_at_impl(detail::DenseLogitSystem(game), lam, options);
}

LogitQrePoint<std::vector<double>> logit_qre_at(const SymmetricGame& game, double lam,
                                                const LogitQreOptions& options) {
  const detail::SolverName name("logit_qre_at");
  return detail::logit_qre_at_impl(detail::SymmetricLogitSystem(game), lam, options);
}


}  // namespace dilemma

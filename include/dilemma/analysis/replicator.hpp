// Replicator dynamics of a symmetric n-player game (each player's n - 1
// opponents drawn from the population state x):
//   dx_a/dt = x_a (U(a; x) - x . U(x)).
#pragma once

#include <Eigen/Dense>
#include <boost/numeric/odeint.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "dilemma/core/monitor.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/symmetric_payoffs.hpp"
#include "dilemma/solvers/symmetric_equilibria.hpp"

namespace dilemma {

/// The replicator vector field at population state x.
/// Complexity: one action_payoffs(game, x) (s * K payoff evaluations, K the
/// likely count vectors, see there) plus O(s).
inline std::vector<double> replicator_field(const SymmetricGame& game, const std::vector<double>& x) {
  double half_offset = 0;  // differences are what matter: centered (payoffs near 2^53), halved
  const std::vector<double> half = detail::halved_action_payoffs(game, x, "replicator_field", half_offset);
  const double mean = detail::dot(x, half);
  std::vector<double> field(x.size());
  for (std::size_t a = 0; a < x.size(); ++a) field[a] = 2 * x[a] * (half[a] - mean);
  return field;
}

struct ReplicatorTrajectory {
  std::vector<double> times;
  std::vector<std::vector<double>> states;
};

/// Integrates the replicator dynamics from x0 over [0, t_end] with an
/// adaptive Dormand-Prince (5)4 stepper (Boost.Odeint); the state is
/// renormalised onto the simplex after each step. Tolerances are absolute
/// and relative error per step.
/// Complexity: at most max_steps step attempts (accepted or rejected), each
/// about 6 evaluations of replicator_field; O(s * T) memory for the T states
/// returned.
inline ReplicatorTrajectory replicator_trajectory(const SymmetricGame& game, std::vector<double> x0, double t_end,
                                                  double abs_tol = 1e-10, double rel_tol = 1e-8,
                                                  std::size_t max_steps = 100000) {
  detail::validate_symmetric_strategy("replicator_trajectory", game, x0);
  if (!std::isfinite(t_end) || t_end <= 0) detail::fail("replicator_trajectory", "t_end must be finite and > 0, got ", t_end);
  if (!(abs_tol > 0) || !(rel_tol > 0)) detail::fail("replicator_trajectory", "tolerances must be > 0");
  namespace odeint = boost::numeric::odeint;
  using State = std::vector<double>;
  const auto project = [](State& x) {  // keep the state on the simplex despite rounding
    double sum = 0;
    for (double& p : x) sum += p = std::max(p, 0.0);
    for (double& p : x) p /= sum;
  };
  constexpr double kFirstStep = 1e-3;  // first step, a fraction of t_end; the controller adapts it
  ReplicatorTrajectory trajectory;
  auto stepper = odeint::make_controlled(abs_tol, rel_tol, odeint::runge_kutta_dopri5<State>());
  State x = x0;
  double t = 0, dt = kFirstStep * t_end;
  trajectory.times.push_back(t);
  trajectory.states.push_back(x);
  const auto system = [&](const State& state, State& dxdt, double) {
    State clipped = state;
    project(clipped);
    dxdt = replicator_field(game, clipped);
  };
  for (std::size_t step = 0; t < t_end; ++step) {
    detail::checkpoint("replicator_trajectory", t, t_end);
    if (step >= max_steps)
      detail::fail("replicator_trajectory", "did not reach t_end = ", t_end, " within ", max_steps, " steps (t = ", t, ")");
    dt = std::min(dt, t_end - t);
    if (stepper.try_step(system, x, t, dt) == odeint::success) {
      project(x);
      trajectory.times.push_back(t);
      trajectory.states.push_back(x);
    }
  }
  return trajectory;
}

/// Linear stability of a rest point from the eigenvalues of the field's
/// Jacobian on the simplex (tangent space, transversal directions included).
struct RestPoint {
  std::vector<double> state;
  std::vector<double> eigenvalues_real;  ///< real parts, s - 1 of them
  std::string stability;                 ///< "asymptotically stable", "unstable" or "neutral"
  bool is_equilibrium = false;           ///< also a symmetric Nash equilibrium
};

namespace detail {

/// The field's Jacobian at x in the tangent basis e_j - e_r, by forward
/// differences of step h that stay in the simplex.
inline Eigen::MatrixXd replicator_jacobian(const SymmetricGame& game, const std::vector<double>& x,
                                           const std::vector<double>& field, std::size_t r, double h) {
  const std::size_t s = x.size();
  Eigen::MatrixXd jacobian(s - 1, s - 1);
  std::size_t column = 0;
  for (std::size_t j = 0; j < s; ++j) {
    if (j == r) continue;
    std::vector<double> shifted = x;
    shifted[j] += h, shifted[r] -= h;
    const std::vector<double> moved = replicator_field(game, shifted);
    std::size_t row = 0;
    for (std::size_t i = 0; i < s; ++i)
      if (i != r) jacobian(Eigen::Index(row++), Eigen::Index(column)) = (moved[i] - field[i]) / h;
    ++column;
  }
  return jacobian;
}

}  // namespace detail

/// The Jacobian's eigenvalues at x in the tangent basis e_j - e_r (r: the
/// action with the largest share), by forward differences that stay in the
/// simplex. An eigenvalue counts as zero ("neutral") within tol times
/// payoff_range(game), plus the
/// differences' own error, estimated from a second Jacobian at half the
/// step: so a point on a continuum of rest points, whose eigenvalue along
/// the continuum is zero, is not called stable or unstable by rounding.
/// is_equilibrium: regret within symmetric_equilibria's default tol.
/// Complexity: 2s - 1 evaluations of replicator_field, one regret,
/// payoff_range (s * C payoff evaluations) and an O(s^3) eigenvalue problem.
inline RestPoint classify_rest_point(const SymmetricGame& game, const std::vector<double>& x, double tol = 1e-7) {
  const std::size_t s = x.size();
  std::size_t r = 0;
  for (std::size_t a = 1; a < s; ++a)
    if (x[a] > x[r]) r = a;
  constexpr double kStep = 1e-6;  // forward-difference step: about sqrt(machine epsilon)
  const double h = std::min(kStep, 0.5 * x[r]);  // at most half the largest share: stays in the simplex
  const std::vector<double> field = replicator_field(game, x);
  const Eigen::MatrixXd jacobian = detail::replicator_jacobian(game, x, field, r, h);
  const double scale = payoff_range(game);
  double threshold = tol * scale;
  if (s > 1)  // the error of a forward difference halves with the step
    threshold += (s - 1) * (jacobian - detail::replicator_jacobian(game, x, field, r, h / 2)).cwiseAbs().maxCoeff();
  RestPoint point;
  point.state = x;
  double largest = -HUGE_VAL;
  if (s > 1) {
    const Eigen::VectorXcd eigenvalues = Eigen::EigenSolver<Eigen::MatrixXd>(jacobian).eigenvalues();
    for (Eigen::Index k = 0; k < eigenvalues.size(); ++k) {
      point.eigenvalues_real.push_back(eigenvalues[k].real());
      largest = std::max(largest, eigenvalues[k].real());
    }
  }
  point.stability = s == 1               ? "neutral"
                    : largest < -threshold ? "asymptotically stable"
                    : largest > threshold  ? "unstable"
                                           : "neutral";
  point.is_equilibrium = regret(game, x) <= SymmetricEquilibriumOptions{}.tol * scale;
  return point;
}

/// The rest points of the replicator dynamics (every point whose used actions
/// earn the same), found as the symmetric equilibria are but without the
/// best-reply condition, each with its linear stability. Singular supports
/// (continua of rest points, as in payoff-invariant games) are listed in
/// `singular_supports` with one representative. The report reads as
/// symmetric_equilibria's (num_iter: supports searched; exhaustive,
/// converged: see SymmetricEquilibria).
struct RestPoints {
  std::vector<RestPoint> points;
  std::vector<std::vector<std::size_t>> singular_supports;
  SolveReport report;
  /// The options of the run.
  SymmetricEquilibriumOptions options;
};

/// The rest points of the replicator dynamics with their stability (see RestPoints).
/// Complexity: as symmetric_equilibria (root isolation for s = 2, exponential
/// support enumeration with Newton for s >= 3), plus classify_rest_point per
/// rest point found. \sa symmetric_equilibria, classify_rest_point
inline RestPoints replicator_rest_points(const SymmetricGame& game, const SymmetricEquilibriumOptions& options = {}) {
  const SymmetricEquilibria found = detail::symmetric_search(game, options, "replicator_rest_points", false);
  RestPoints result;
  result.singular_supports = found.singular_supports;
  result.report = found.report;
  result.options = options;
  for (const auto& x : found.equilibria) result.points.push_back(classify_rest_point(game, x));
  return result;
}

}  // namespace dilemma

// Newton's method on the indifference equations of a support.
#include "dilemma/detail/support_newton.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "dilemma/core/monitor.hpp"
#include "dilemma/core/shape.hpp"

namespace dilemma::detail {

namespace {

/// Newton steps on the equations of a support (quadratic convergence from
/// the near-equilibria the solvers hand over needs far fewer).
constexpr std::size_t kSupportNewtonSteps = 50;
/// A step this short has reached the root to rounding.
constexpr double kSupportNewtonStep = 1e-14;
/// A refined probability this far below 0 is off the simplex, not rounding.
constexpr double kSimplexSlack = 1e-9;

}  // namespace

bool newton_solve(const NewtonSystem& system, Eigen::VectorXd& v, const NewtonSettings& settings,
                  double* residual, std::size_t* num_steps) {
  Eigen::VectorXd F;
  Eigen::MatrixXd J;
  bool finite = true;
  std::size_t iteration = 0;
  for (; iteration < settings.max_iter; ++iteration) {
    system(v, F, J);
    if (F.size() == 0 || F.lpNorm<Eigen::Infinity>() <= settings.stop_residual) break;
    const Eigen::VectorXd step = J.completeOrthogonalDecomposition().solve(F);
    if (!step.allFinite()) {
      finite = false;
      break;
    }
    v -= step;
    if (step.lpNorm<Eigen::Infinity>() <= settings.step_tol) {
      ++iteration;
      break;
    }
  }
  if (num_steps) *num_steps = iteration;
  if (residual) {
    system(v, F, J);
    *residual = F.size() == 0 ? 0.0 : F.lpNorm<Eigen::Infinity>();
  }
  return finite;
}

bool support_equilibrium(const ProfileBlocks& blocks, const ActionPayoffMap& payoffs, Eigen::VectorXd& x,
                         double support_tol) {
  const Eigen::Index n = Eigen::Index(blocks.dim());
  std::vector<Eigen::Index> support;  // columns
  std::vector<std::pair<Eigen::Index, Eigen::Index>> rows;  // (first support action of block, action) or (-1, block)
  for (std::size_t k = 0; k < blocks.offsets.size(); ++k) {
    const Eigen::Index o = Eigen::Index(blocks.offsets[k]), m = Eigen::Index(blocks.sizes[k]);
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
  const Eigen::Index r = Eigen::Index(support.size());
  // dU (n x n), and J with its decomposition (about three r x r).
  const auto squared = [](Eigen::Index k) { return std::size_t(k) * std::size_t(k); };
  check_fits_in_memory(current_solver("support_equilibrium"), squared(n) + 3 * squared(r), sizeof(double),
                       "the Jacobians of Newton's method on a support");
  Eigen::VectorXd start(r);
  for (Eigen::Index c = 0; c < r; ++c) start[c] = x[support[std::size_t(c)]];
  Eigen::VectorXd v = Eigen::VectorXd::Zero(n), U;
  Eigen::MatrixXd dU;
  const auto system = [&](const Eigen::VectorXd& w, Eigen::VectorXd& F, Eigen::MatrixXd& J) {
    for (Eigen::Index c = 0; c < r; ++c) v[support[std::size_t(c)]] = w[c];
    payoffs(v, U, &dU);
    F.resize(r);
    J.resize(r, r);
    for (Eigen::Index row = 0; row < r; ++row) {
      const auto [first, a] = rows[std::size_t(row)];
      if (first < 0) {
        const Eigen::Index o = Eigen::Index(blocks.offsets[std::size_t(a)]);
        const Eigen::Index m = Eigen::Index(blocks.sizes[std::size_t(a)]);
        F[row] = v.segment(o, m).sum() - 1.0;
        for (Eigen::Index c = 0; c < r; ++c) J(row, c) = support[std::size_t(c)] >= o && support[std::size_t(c)] < o + m;
      } else {
        F[row] = U[a] - U[first];
        for (Eigen::Index c = 0; c < r; ++c) J(row, c) = dU(a, support[std::size_t(c)]) - dU(first, support[std::size_t(c)]);
      }
    }
  };
  NewtonSettings settings;
  settings.max_iter = kSupportNewtonSteps;
  settings.step_tol = kSupportNewtonStep;
  if (!newton_solve(system, start, settings)) return false;
  v.setZero();
  for (Eigen::Index c = 0; c < r; ++c) v[support[std::size_t(c)]] = start[c];
  for (Eigen::Index c = 0; c < n; ++c) {
    if (!std::isfinite(v[c]) || v[c] < -kSimplexSlack) return false;
    v[c] = std::max(0.0, v[c]);
  }
  for (std::size_t k = 0; k < blocks.offsets.size(); ++k) {
    auto block = v.segment(Eigen::Index(blocks.offsets[k]), Eigen::Index(blocks.sizes[k]));
    const double sum = block.sum();
    if (!(sum > 0)) return false;
    block /= sum;
  }
  x = v;
  return true;
}

}  // namespace dilemma::detail

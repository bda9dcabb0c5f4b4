// Newton's method on the indifference equations of a support: the one
// implementation that enumerate_equilibria, logit_qre, simplicial_subdivision
// and symmetric_equilibria (with replicator_rest_points) refine their candidates with.
#pragma once

#include <Eigen/Dense>

#include <cstddef>
#include <functional>
#include <vector>

namespace dilemma::detail {

/// The stopping rules of newton_solve.
struct NewtonSettings {
  /// Most Newton steps.
  std::size_t max_iter = 50;
  /// Stop once a step is at most this long (max norm).
  double step_tol = 1e-14;
  /// Stop once the residual is at most this (max norm); 0: never early.
  double stop_residual = 0.0;
};

/// F(v) and its Jacobian J(v) (rows: equations, columns: unknowns).
using NewtonSystem = std::function<void(const Eigen::VectorXd& v, Eigen::VectorXd& F, Eigen::MatrixXd& J)>;

/// Newton's method on F(v) = 0 from v, with minimum-norm steps
/// -J^+ F (complete orthogonal decomposition), so that a singular or
/// non-square Jacobian gives Gauss-Newton steps. Returns false when a step
/// is not finite; v holds the last iterate, `residual` (if given) the
/// max norm of F there, and `num_steps` (if given) the steps taken
/// (settings.max_iter when the cap ended it).
bool newton_solve(const NewtonSystem& system, Eigen::VectorXd& v, const NewtonSettings& settings,
                  double* residual = nullptr, std::size_t* num_steps = nullptr);

/// The action payoffs U (flat, block after block) at the flat profile x and,
/// if dU is given, dU(a, b) = dU_a / dx_b.
using ActionPayoffMap = std::function<void(const Eigen::VectorXd& x, Eigen::VectorXd& U, Eigen::MatrixXd* dU)>;

/// A profile as blocks of a flat vector: block k (a player, or the common
/// strategy of a symmetric game) is [offsets[k], offsets[k] + sizes[k]).
struct ProfileBlocks {
  std::vector<std::size_t> offsets, sizes;
  std::size_t dim() const { return offsets.empty() ? 0 : offsets.back() + sizes.back(); }
};

/// An equilibrium of the support {a : x_a >= support_tol} (or the most
/// likely action of a block with none) near the flat profile x: Newton on
/// the support's indifference equations (each support action pays what the
/// block's first support action pays; each block sums to 1), unused
/// actions held at 0. On success x becomes the refined profile (negative
/// rounding clipped, blocks renormalized) and the result is true; false when
/// Newton fails or leaves the simplex by more than rounding.
bool support_equilibrium(const ProfileBlocks& blocks, const ActionPayoffMap& payoffs, Eigen::VectorXd& x,
                         double support_tol);

}  // namespace dilemma::detail

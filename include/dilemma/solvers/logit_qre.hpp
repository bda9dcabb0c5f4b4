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
// use the gradient formula (docs/model.md: Formulas),
//   dU(a; x)/dx_b = (n-1) sum_{m in M_{n-2}} Mult(n-2; m) x^m u(a, m + e_b),
// over the likely count vectors of n - 2 others (detail::LikelyCounts), and
// U(a; x) = sum_b x_b dU(a; x)/dx_b / (n-1) (Euler, U is homogeneous of
// degree n-1), so one pass gives both.
//
// The limit: tracing stops when the QRE's regret is at most
// tol * payoff_range(game) (Gambit's criterion, in the library's one unit:
// the largest range of one player's payoffs) or when lambda exceeds
// max_lambda. The final profile is then refined to an exact
// equilibrium of the support it converges to (actions with probability at
// least support_tol, then at least 1e-4 and 1e-2): Newton on that support's
// indifference equations (detail/support_newton.hpp); a refined profile is
// kept only when it is a profile whose regret is smaller.
//
// The bodies are in src/solvers/logit_qre.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <tuple>
#include <vector>

#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma {

/// Options of logit_qre and logit_qre_at; every default is Gambit's
/// gambit-logit default where Gambit has one.
struct LogitQreOptions {
  double first_step = 0.03;
  double max_accel = 1.1;
  double max_lambda = 1e6;
  double tol = 1e-8;
  double corrector_tol = 1e-4;
  double max_distance = 0.4;
  double max_contraction = 0.6;
  double min_step = 1e-10;
  std::size_t max_iter = 100000;
  double support_tol = 1e-6;
  bool record_branch = true;
  static constexpr auto fields() {
    using O = LogitQreOptions;
    return std::make_tuple(
        option("max_lambda", &O::max_lambda, "Tracing stops once lambda exceeds this (gambit-logit)."),
        option("tol", &O::tol,
               "Tracing stops when the regret is at most tol times the payoff range (gambit-logit -m); "
               "converged says whether the limit meets it."),
        option("first_step", &O::first_step, "First arc-length step of the predictor (gambit-logit -s)."),
        option("max_accel", &O::max_accel,
               "Largest factor by which the step grows or shrinks from one step to the next (gambit-logit -a)."),
        option("corrector_tol", &O::corrector_tol, "The Newton corrector stops when its step is shorter than this."),
        option("max_distance", &O::max_distance, "A corrector step longer than this rejects the predictor step."),
        option("max_contraction", &O::max_contraction, "A corrector contracting slower than this rejects the step."),
        option("min_step", &O::min_step, "Smallest arc-length step; below it tracing stops unconverged."),
        option("max_iter", &O::max_iter, "Most predictor-corrector steps; reaching it ends the run unconverged."),
        option("support_tol", &O::support_tol,
               "Actions with at least this probability form the support the limit is refined on "
               "(the cuts 1e-4 and 1e-2 are tried too)."),
        option("record_branch", &O::record_branch, "Record every point of the branch (for plotting)."));
  }
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
  double lam = 0.0;
  /// The QRE at that lambda (before refinement).
  Profile qre;
  /// The path from lambda = 0 (empty unless options.record_branch).
  LogitBranch<Profile> branch;
  /// method "logit_qre"; converged: regret <= options.tol * payoff_range
  /// and no cap (max_iter) ended the trace; exhaustive false (one
  /// equilibrium); num_iter: accepted predictor-corrector steps; message:
  /// why tracing stopped.
  SolveReport report;
  LogitQreOptions options;
};

/// Result of logit_qre_at: one point of the principal branch.
template <class Profile>
struct LogitQrePoint {
  /// The QRE where the branch first reaches `lam` (empty unless converged).
  Profile qre;
  double lam = 0.0;
  /// method "logit_qre_at"; converged: the branch was followed to lam (false
  /// when a cap or a turning point stopped it, the message saying which);
  /// exhaustive false; num_iter: accepted predictor-corrector steps.
  SolveReport report;
};

/// Traces the principal branch of the logit QRE of a dense game from
/// lambda = 0 to its limiting Nash equilibrium.
///
/// \returns the branch, the limit (refined to an exact equilibrium of its
/// support when that lowers the regret) and the report. Throws
/// InvalidArgument on bad options; a cap (options.max_iter steps) ends the
/// run with report.converged false and the message saying so.
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
LogitQreResult<MixedProfile> logit_qre(const NormalFormGame& game, const LogitQreOptions& options = {});

/// The same for a symmetric game, in count form (no dense tensor): the
/// branch of symmetric profiles, every player mixing with the same strategy.
/// Profiles are that common strategy (one probability per action).
/// Complexity: s * C payoff evaluations for the payoff range (C =
/// num_count_vectors()), then at most options.max_iter steps, each a few
/// evaluations of s^2 * K payoffs (K = O(n^((s-1)/2)) likely count vectors,
/// see action_payoffs) and O(s^3) factorisations.
LogitQreResult<std::vector<double>> logit_qre(const SymmetricGame& game, const LogitQreOptions& options = {});

/// The QRE at precision lam on the principal branch: the first point of
/// the branch (followed from lambda = 0) where lam is reached. Throws
/// InvalidArgument if lam < 0 or not finite; when the branch cannot be
/// followed to lam (a cap or a turning point) the report says so
/// (converged false) and `qre` is empty.
/// Complexity: as logit_qre, O(n * P + N^3) per step up to lam, at most
/// options.max_iter steps.
LogitQrePoint<MixedProfile> logit_qre_at(const NormalFormGame& game, double lam,
                                         const LogitQreOptions& options = {});

/// The common strategy of the symmetric QRE at lam on the principal branch.
/// Complexity: as logit_qre for symmetric games, per step about s^2 * K payoff
/// evaluations plus O(s^3), at most options.max_iter steps.
LogitQrePoint<std::vector<double>> logit_qre_at(const SymmetricGame& game, double lam,
                                                const LogitQreOptions& options = {});

}  // namespace dilemma

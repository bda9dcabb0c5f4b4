// Symmetric mixed equilibria of symmetric games: everybody mixes with the
// same x. Two actions: the roots of a Bernstein polynomial; three or more:
// support enumeration with the shared Newton on each support
// (detail/support_newton.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <tuple>
#include <vector>

#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/symmetric_payoffs.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma {

struct SymmetricEquilibriumOptions {
  /// An equilibrium's regret may not exceed tol * payoff_range(game).
  double tol = 1e-9;
  /// Newton starts per support (s >= 3), besides the barycenter.
  std::size_t num_starts = 24;
  /// Newton iterations per start; a start cut by it leaves the run unconverged.
  std::size_t max_iter = 100;
  /// Seed of the random Newton starts.
  std::uint64_t random_state = 0;

  static constexpr auto fields() {
    using O = SymmetricEquilibriumOptions;
    return std::make_tuple(
        option("tol", &O::tol, "Accept a profile when its regret is at most tol times the payoff range."),
        option("num_starts", &O::num_starts, "Random Newton starts per support (3 or more actions), besides the barycenter."),
        option("max_iter", &O::max_iter, "Newton iterations per start; a start cut by it ends the run unconverged."),
        option("random_state", &O::random_state, "Seed of the random Newton starts."));
  }
};

/// Result of symmetric_equilibria (and, without the best-reply condition,
/// of the rest-point search of replicator_rest_points).
///
/// report: `num_iter` counts the supports searched (2^s - 1; 3 for two
/// actions). `exhaustive`: the method proves that no other isolated
/// equilibrium exists (2 actions: the roots found match the Descartes bound,
/// or rigorous subdivision of the gain and of its derivative, whose sign
/// changes locate the roots where the gain touches zero; a root of even
/// multiplicity, or roots closer than rounding, are reported once per stretch
/// where |gain| <= tol; not exhaustive when the gain at an extremum is above
/// tol but within rounding; s >= 3: only when every support was trivial or
/// singular). `converged`: no Newton start was cut by `max_iter` while its
/// residual was above tol (two actions and trivial supports always converge).
struct SymmetricEquilibria {
  /// Verified symmetric equilibria, one probability per action; for a
  /// singular support its barycenter stands for the whole continuum.
  std::vector<std::vector<double>> equilibria;
  /// Supports whose indifference conditions hold identically: every profile
  /// with that support solves them (a continuum, as in payoff-invariant games;
  /// s >= 3: every payoff difference of the support's actions, at every count
  /// vector of the others on it, is within tol, or Newton met a rank-deficient
  /// Jacobian at a solution).
  std::vector<std::vector<std::size_t>> singular_supports;
  SolveReport report;
};

namespace detail {

/// The gain sequence of a 2-action game: d_k = u(0, (k, N-k)) - u(1, (k, N-k)),
/// k = others on action 0, N = n - 1. g(p) = sum_k B_{k,N}(p) d_k.
/// Complexity: 2n payoff evaluations.
std::vector<double> two_action_gains(const SymmetricGame& game);

/// Interior roots on (0, 1) of the gain polynomial g with gains d.
class BernsteinRoots {
 public:
  explicit BernsteinRoots(std::vector<double> d);

  /// g(p), summed outwards from the mode of the binomial weights: O(sqrt(N)) terms.
  double g(double p) const;

  /// Roots where g changes sign, and whether they are provably all of
  /// those: a root of even multiplicity may be missing (two_action_search
  /// finds those with the derivative). Complexity: see symmetric_equilibria.
  std::vector<double> find(bool& exhaustive);

  /// The root of g in (lo, hi) by TOMS 748 when g(lo) and g(hi) are nonzero
  /// and of opposite signs, else NaN.
  double crossing(double lo, double hi) const;

 private:
  void bracket(double lo, double hi);
  void add(double p);
  void subdivide(const std::vector<double>& b, double lo, double hi, std::size_t depth, bool& exhaustive);
  void sample();
  double scale() const;

  std::vector<double> d_;
  std::vector<double> log_factorial_;
  std::vector<double> roots_;
};

/// The search behind symmetric_equilibria (require_best_reply) and
/// replicator_rest_points (every rest point), reported as `method`.
SymmetricEquilibria symmetric_search(const SymmetricGame& game, const SymmetricEquilibriumOptions& options,
                                     const char* method, bool require_best_reply);

}  // namespace detail

/// All symmetric equilibria found: 2 actions by isolating the roots of the
/// gain polynomial g(p) (docs/model.md: Formulas; Pena, Lehmann & Noldeke 2014)
/// plus the boundary equilibria; s >= 3 by enumerating supports and solving
/// each indifference system with Newton's method (detail::newton_solve, the
/// analytic Jacobian of the action payoffs) from several starts; a start
/// that leaves the support's simplex is dropped.
/// Every equilibrium returned has regret <= options.tol * payoff_range(game).
/// See SymmetricEquilibria for what the report says.
/// Complexity: s * C payoff evaluations for payoff_range (C =
/// num_count_vectors(): 2 * 10^6 for two actions and n = 10^6). s = 2: 2n
/// payoff evaluations, then root isolation on the degree-(n-1) gain
/// polynomial and of its derivative (O(n^2) per Bernstein split, depth <= 48;
/// above degree 1500 a grid of at most 2e5 points, O(n) each). s >= 3 (at most 20): exponential,
/// 2^s - 1 supports, each with up to (options.num_starts + 1) *
/// options.max_iter Newton steps (a support that passes the random test of
/// singularity is confirmed on every count vector of the others on it, at
/// most s * C payoff evaluations), each one evaluation of the action payoffs
/// and their Jacobian (s^2 * K payoff evaluations, K the likely count
/// vectors, see action_payoffs) and an O(s^3) decomposition.
/// \sa pure_nash, replicator_rest_points
SymmetricEquilibria symmetric_equilibria(const SymmetricGame& game, const SymmetricEquilibriumOptions& options = {});

}  // namespace dilemma

// One Nash equilibrium of an n-player game by simplicial subdivision: the
// variable-dimension restart algorithm of van der Laan, Talman & van der
// Heyden (1987, "Simplicial variable dimension algorithms for solving the
// nonlinear complementarity problem on a product of unit simplices using a
// general labelling", Math. Oper. Res. 12), on the product of the players'
// simplices, as Gambit's gambit-simpdiv uses it; then Newton on the support
// of the approximate equilibrium, so that the result is an equilibrium
// verified by its regret.
//
// Grid. A profile is a grid point of mesh 1/K when every probability is a
// multiple of 1/K; vertices are held as integers (K times the
// probabilities), so "probability 0" is exact. Each restart starts at a grid
// point v (at first the start profile, later the best vertex of the previous
// restart) and refines the mesh by options.grid.
//
// Regions. Per player j with actions 0..m_j-1, the direction of action h is
// q(j, h) = e(j, h+1) - e(j, h) (cyclically): it moves 1/K of player j's
// probability from h to the next action. For a set T of pairs (j, h) with
// T_j a proper subset of player j's actions, the region
//   A(T) = { v + sum_{(j,h) in T} lambda_jh q(j, h) / K : lambda >= 0 } ∩ S
// is |T|-dimensional and bounded, and is triangulated by Freudenthal's
// triangulation in lambda (simplices sigma(a, pi): vertex 1 at lambda = a,
// an integer vector, vertex k+1 = vertex k + q(pi_k), pi an ordering of T).
// The hyperplanes x_jh = 0 are triangulation hyperplanes, so the product of
// simplices S is a union of simplices.
//
// Labels. Every vertex y gets one label (j, h) from Nash's map
//   f_jh(y) = (y_jh + g_jh^+) / (1 + sum_k g_jk^+),  g_jh = u_j(h, y_-j) - u_j(y):
// j is the player whose strategy f moves most, D_j = max_h (y_jh - f_jh) being
// largest, and h the action whose probability f lowers most, always an
// action with y_jh > 0 (a Sperner labelling). Because label (j, h) requires
// y_jh > 0 and A(T) can only reach the face x_jh = 0 when (j, h) is in T, no
// door of the path lies on the boundary of S.
//
// The path. Its nodes are simplices of A(T) whose labels contain T: either
// one label of T twice (the vertex that did not just enter is dropped by a
// Freudenthal pivot; dropping the last vertex when a(pi_t) = 0 lands on
// the face lambda(pi_t) = 0, a simplex of A(T - pi_t), whose vertex labelled
// pi_t is dropped next) or a label (j, h) outside T (T grows by it, unless
// T_j + h would be all of j's actions: then the simplex carries every label
// of player j and the restart ends). From v the path is unique and finite.
// At the end every action of j is where f lowers j's strategy most among
// all players, so as the mesh shrinks the simplex shrinks to a fixed point
// of f: a Nash equilibrium. Integer labels make the path non-degenerate
// whatever the payoffs (constant payoffs, duplicated strategies, indifferent
// players): at worst the start vertex is already an equilibrium.
//
// Polish. After each restart, the best vertex (least regret) is refined by
// Newton's method on the indifference equations of its support (actions
// with at least c/K probability for a few cuts c), as logit_qre does; the
// result is accepted when its regret is at most options.tol times the
// payoff range (the largest range of one player's payoffs, 1 when all are equal).
//
// The bodies are in src/solvers/simplicial_subdivision.cpp.
//
// Cost: each label contracts every player's payoff tensor, O(n P) for P
// pure profiles; a restart takes a number of pivots that grows with the
// dimension sum_j (m_j - 1) and the distance travelled on the grid.
#pragma once

#include <cstddef>
#include <cstdint>
#include <tuple>

#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma {

/// Options of simplicial_subdivision; defaults as gambit-simpdiv where it
/// has one.
struct SimplicialSubdivisionOptions {
  MixedProfile start;
  double tol = 1e-10;
  std::size_t grid = 2;
  std::size_t max_iter = 1000000;
  std::int64_t max_denominator = std::int64_t(1) << 40;
  static constexpr auto fields() {
    using O = SimplicialSubdivisionOptions;
    return std::make_tuple(
        option("start", &O::start,
               "Start profile (one probability vector per player, or a pure profile); none: every player's "
               "first action, as Gambit. Rounded to a grid point of denominator at most 1000."),
        option("tol", &O::tol, "Accept a profile when its regret is at most tol times the payoff range."),
        option("max_iter", &O::max_iter, "Most pivots over all restarts; reaching it ends the run unconverged."),
        option("grid", &O::grid, "Factor by which the mesh is refined at each restart (gambit-simpdiv -g), >= 2."),
        option("max_denominator", &O::max_denominator,
               "Largest grid denominator K (mesh 1/K); a finer grid ends the run unconverged."));
  }
};

/// Result of simplicial_subdivision.
struct SimplicialSubdivisionResult {
  /// The best profile found: a Nash equilibrium (regret <= options.tol *
  /// payoff range) when report.converged.
  MixedProfile equilibrium;
  /// Its regret (largest gain of any player from a pure deviation).
  double regret = 0.0;
  /// Restarts (grid refinements) made.
  std::size_t num_refinements = 0;
  /// Mesh 1/denominator of the last grid.
  std::int64_t denominator = 1;
  /// method "simplicial_subdivision"; converged: the equilibrium was
  /// verified (false when max_iter pivots or max_denominator ended the run
  /// first, the message saying which); exhaustive false (one equilibrium);
  /// num_iter: pivots over all restarts.
  SolveReport report;
  SimplicialSubdivisionOptions options;
};

/// One Nash equilibrium of a dense n-player game by simplicial subdivision
/// (van der Laan, Talman & van der Heyden's restart algorithm on the product
/// of simplices, as gambit-simpdiv), refined by Newton on its support and
/// verified: the returned profile's regret is at most
/// options.tol * payoff range (the largest range of one player's payoffs).
///
/// \returns the equilibrium, its regret, restarts and the report (num_iter:
/// pivots). Throws InvalidArgument on a bad start profile or options; when
/// options.max_iter pivots or options.max_denominator do not suffice, the
/// best profile found is returned with report.converged false.
/// Complexity: O(n * P) time per pivot for n players and P pure profiles,
/// at most options.max_iter pivots over all grids (each refinement multiplies
/// the denominator by options.grid, up to options.max_denominator), plus one
/// Newton polish on the support per grid; the pivot count is not polynomial
/// in general (finding a Nash equilibrium is PPAD-complete).
///
/// \code
/// auto result = dilemma::simplicial_subdivision(game);
/// result.equilibrium;  // one probability vector per player
/// \endcode
/// \sa logit_qre, lemke_howson
SimplicialSubdivisionResult simplicial_subdivision(const NormalFormGame& game,
                                                   const SimplicialSubdivisionOptions& options = {});

}  // namespace dilemma

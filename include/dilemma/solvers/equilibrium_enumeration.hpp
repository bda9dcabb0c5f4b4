// All Nash equilibria of small n-player games (as gambit-enumpoly aims to).
//
// Support profiles are visited in the order of Porter, Nudelman & Shoham
// (2008): by total support size, then by balance (largest minus smallest
// support), each player's support chosen in turn with conditionally
// dominated actions removed as soon as the others' domains shrink. For each
// surviving support the indifference equations (every action of a support
// pays the same as its last action) are a multilinear system in the
// probabilities. It is solved by interval subdivision of the product of
// simplices with the Krawczyk test (Moore 1977; Neumaier 1990): a box is
// dropped when the interval enclosure of the equations excludes zero, and
// accepted when the Krawczyk operator maps it into its own interior, which
// proves it holds exactly one root. Every isolated root of every support is
// therefore found, each is refined by Newton's method and kept only when its
// regret is within tolerance. Where roots are not isolated (a continuum of
// equilibria, a singular Jacobian) boxes can neither be dropped nor proven;
// such supports are reported as singular, with an equilibrium found in them
// when one exists, instead of being skipped.
//
// With two players each one's equations are linear in the other's strategy:
// a support's solutions are a product of polytopes, found exactly (up to
// rounding) by linear algebra and a small linear program; a continuum of
// equilibria is then one singular support, not millions of boxes.
//
// The bodies are in src/solvers/equilibrium_enumeration.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <tuple>
#include <vector>

#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma {

/// The actions each player uses, ascending.
using SupportProfile = std::vector<std::vector<std::size_t>>;

/// Options of enumerate_equilibria (and enumerate_equilibria_gen in Python).
struct EquilibriumEnumerationOptions {
  double tol = 1e-9;
  double min_width = 1e-9;
  std::size_t max_boxes = 1000000;
  double max_supports = 1e8;
  static constexpr auto fields() {
    using O = EquilibriumEnumerationOptions;
    return std::make_tuple(
        option("tol", &O::tol, "A root is an equilibrium when its regret is at most tol times the payoff range."),
        option("min_width", &O::min_width,
               "A box narrower than this (in probability) that is neither excluded nor proven is left unresolved."),
        option("max_boxes", &O::max_boxes,
               "Boxes examined per support before the rest are left unresolved (the run is then unconverged)."),
        option("max_supports", &O::max_supports,
               "Games with more support profiles (prod(2**m_i - 1)) are refused before any work."));
  }
};

/// A support whose equations have non-isolated or singular roots.
struct SingularSupport {
  SupportProfile support;
  /// The equations vanish identically: every profile with this support
  /// solves them (it is an equilibrium unless an unused action pays more).
  bool whole_face = false;
  /// Boxes that could be neither excluded nor proven (0 for a whole face,
  /// and for two players, whose supports are solved without boxes).
  std::size_t unresolved_boxes = 0;
  /// An equilibrium with this support, when one was found.
  std::optional<MixedProfile> example;
};

struct EquilibriumEnumeration {
  /// Each support's isolated roots that are equilibria, in the order found.
  std::vector<MixedProfile> equilibria;
  /// supports[k] is the support whose equations gave equilibria[k].
  std::vector<SupportProfile> supports;
  std::vector<SingularSupport> singular_supports;
  /// Support profiles that survived dominance pruning and were solved.
  std::size_t supports_solved = 0;
  /// Boxes examined over all supports.
  std::size_t boxes = 0;
  /// method "enumerate_equilibria"; exhaustive: no box was left unresolved,
  /// so every isolated equilibrium is in `equilibria` and the singular
  /// supports hold the rest (two-player games: always, their supports being
  /// solved by linear algebra); converged: no support's search was cut by
  /// max_boxes; num_iter: boxes examined (0 for two players); message: why.
  SolveReport report;
  EquilibriumEnumerationOptions options;
};

/// All isolated Nash equilibria of a game with any number of players, and
/// the supports where equilibria are not isolated (see the file comment).
/// `visit`, if given, sees each equilibrium as soon as it is found (the
/// result lists it too, with its support).
///
/// Complexity: one box search per support profile that survives dominance
/// pruning (at most prod_i (2^{m_i} - 1)); a search costs at most
/// `max_boxes` interval evaluations of the support's equations and Jacobian.
EquilibriumEnumeration enumerate_equilibria(const NormalFormGame& game,
                                            const EquilibriumEnumerationOptions& options = {},
                                            const Visitor<MixedProfile>& visit = {});

/// The same for a symmetric game, solved in its dense normal form (refused,
/// naming the size, when that does not fit in memory).
/// Complexity: that of the dense game, plus O(n * P) to expand it.
EquilibriumEnumeration enumerate_equilibria(const SymmetricGame& game,
                                            const EquilibriumEnumerationOptions& options = {},
                                            const Visitor<MixedProfile>& visit = {});

}  // namespace dilemma

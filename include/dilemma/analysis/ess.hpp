// Evolutionarily stable strategies of symmetric n-player games (Broom,
// Cannings & Vickers 1997): x is an ESS when every mutant y != x, entering
// with a small share eps, earns less than x against the mixed population
// (1 - eps) x + eps y.
#pragma once

#include <cstddef>
#include <tuple>
#include <vector>

#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/solvers/solver.hpp"
#include "dilemma/solvers/symmetric_equilibria.hpp"

namespace dilemma {

/// The options of evolutionarily_stable_strategies: those of the symmetric
/// equilibrium search it tests, plus the number of random mutants.
struct EssOptions : SymmetricEquilibriumOptions {
  /// Random mutants tested (3 or more actions), besides the pure ones.
  std::size_t num_mutants = 64;

  static constexpr auto fields() {
    return std::tuple_cat(
        inherited_fields<EssOptions, SymmetricEquilibriumOptions>(),
        std::make_tuple(option("num_mutants", &EssOptions::num_mutants,
                               "Random mutants tested (3 or more actions), besides the pure ones.")));
  }
};

/// The ESSs found. report: `num_iter` counts the symmetric equilibria
/// tested; `exhaustive` and `converged` are those of the symmetric
/// equilibrium search (every ESS is a symmetric equilibrium, so when all of
/// those were found, every ESS was tested; for 3 or more actions the test is
/// numerical, see `exact`).
struct EssResult {
  std::vector<std::vector<double>> strategies;  ///< the ESSs found among the symmetric equilibria
  bool exact = false;  ///< 2 actions: decided by the sign pattern of g; otherwise a numerical test
  SolveReport report;
  EssOptions options;  ///< the options of the run
};

/// Two actions, exact: with g(p) the gain of action 0 over action 1 when the
/// others play action 0 with probability p, p = 1 is an ESS iff the last
/// nonzero gain d_k is positive, p = 0 iff the first is negative, and an
/// interior root iff g changes sign from + to -. g identically 0: no ESS.
/// s >= 3: each symmetric equilibrium is tested against the pure mutants and
/// `num_mutants` random ones at shares 1e-3 and 1e-5; an equality counts as
/// failure, so neutral strategies (payoff-invariant games) are not ESS.
/// Complexity: symmetric_equilibria(game, options), then O(n) per equilibrium
/// for s = 2; for s >= 3, up to 2 (s + num_mutants) calls of action_payoffs
/// per equilibrium (s * K payoff evaluations each, see action_payoffs).
/// \sa symmetric_equilibria
EssResult evolutionarily_stable_strategies(const SymmetricGame& game, const EssOptions& options = {});

}  // namespace dilemma

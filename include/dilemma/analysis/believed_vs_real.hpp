// Believed versus real: behaviour comes from the game players believe in,
// outcomes from the game that is real (the confession model's hoped_leniency preset).
//
// Two different quantities judge the behaviour a belief induces (per person):
// - inefficiency: the real social optimum's welfare minus the behaviour's real
//   welfare; it is there whenever the real game is a dilemma, belief or not;
// - cost of the belief: the behaviour's real welfare against what the real
//   game's own (pure) equilibria give, from its worst to its best one; it is
//   (0, 0) when the behaviour is the real game's only equilibrium; when the
//   behaviour is one of several real equilibria the range straddles 0.
#pragma once

#include <cmath>
#include <utility>
#include <vector>

#include "dilemma/analysis/welfare.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/solvers/symmetric_pure_nash.hpp"

namespace dilemma {

/// One equilibrium of the believed game, judged in both games.
struct BelievedOutcome {
  CountClass behaviour;                  ///< an equilibrium count class of the believed game
  std::vector<double> believed_payoffs;  ///< per action, u_believed(a, c - e_a) (NaN if unused)
  std::vector<double> real_payoffs;      ///< per action, u_real(a, c - e_a) (NaN if unused)
  double believed_welfare = 0, real_welfare = 0;
  /// Per person: the real game's best welfare (over all profiles) minus the real welfare here.
  double inefficiency = 0;
  /// Per person: (real welfare of the worst real equilibrium, of the best one) minus the real
  /// welfare here. The first can be negative (the belief did better than the worst real
  /// equilibrium); both are NaN when the real game has no pure equilibrium.
  std::pair<double, double> cost_of_belief_range{0, 0};
};

struct BelievedVersusReal {
  std::vector<BelievedOutcome> outcomes;  ///< one per pure equilibrium class of the believed game
  CountClass real_best;                   ///< a welfare-maximising class of the real game
  double real_best_welfare = 0;
  std::vector<CountClass> real_equilibria;  ///< what players would do if they knew the real game
  CountClass real_worst_equilibrium, real_best_equilibrium;  ///< by real welfare (empty if none)
  double real_worst_equilibrium_welfare = NAN, real_best_equilibrium_welfare = NAN;
};

/// Compares the behaviour of the believed game with its outcomes in the
/// real one. Both games must have the same players and actions. Only pure
/// equilibria (count classes) are compared.
/// Complexity: s payoff evaluations of the real game for each of the
/// K = C(n + s - 1, s - 1) count classes, pure_nash on both games, and O(s)
/// evaluations per equilibrium of either game. \sa pure_nash, welfare
inline BelievedVersusReal believed_versus_real(const SymmetricGame& believed, const SymmetricGame& real,
                                               double tol = 0.0) {
  if (believed.num_players() != real.num_players() || believed.num_actions() != real.num_actions())
    detail::fail("believed_versus_real", "the believed game has ", believed.num_players(), " players and ",
                 believed.num_actions(), " actions, the real game ", real.num_players(), " and ", real.num_actions());
  BelievedVersusReal result;
  result.real_best_welfare = -HUGE_VAL;
  const CountVectors classes(real.num_actions(), real.num_players());
  Counts c = classes.first();
  do {
    const double w = welfare(real, c);
    if (w > result.real_best_welfare) result.real_best_welfare = w, result.real_best = CountClass{c};
  } while (classes.next(c));
  result.real_equilibria = pure_nash(real, {tol});
  for (const CountClass& equilibrium : result.real_equilibria) {
    const double w = welfare(real, equilibrium.counts);
    if (!(w >= result.real_worst_equilibrium_welfare))  // NaN before the first
      result.real_worst_equilibrium_welfare = w, result.real_worst_equilibrium = equilibrium;
    if (!(w <= result.real_best_equilibrium_welfare))
      result.real_best_equilibrium_welfare = w, result.real_best_equilibrium = equilibrium;
  }
  const double n = double(real.num_players());
  for (CountClass& equilibrium : pure_nash(believed, {tol})) {
    BelievedOutcome outcome;
    outcome.believed_payoffs = class_payoffs(believed, equilibrium.counts);
    outcome.real_payoffs = class_payoffs(real, equilibrium.counts);
    outcome.believed_welfare = welfare(believed, equilibrium.counts);
    outcome.real_welfare = welfare(real, equilibrium.counts);
    outcome.inefficiency = (result.real_best_welfare - outcome.real_welfare) / n;
    outcome.cost_of_belief_range = {(result.real_worst_equilibrium_welfare - outcome.real_welfare) / n,
                                    (result.real_best_equilibrium_welfare - outcome.real_welfare) / n};
    outcome.behaviour = std::move(equilibrium);
    result.outcomes.push_back(std::move(outcome));
  }
  return result;
}

}  // namespace dilemma

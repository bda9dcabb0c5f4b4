// Evolutionarily stable strategies of symmetric n-player games (Broom,
// Cannings & Vickers 1997): x is an ESS when every mutant y != x, entering
// with a small share eps, earns less than x against the mixed population
// (1 - eps) x + eps y.
#pragma once

#include <random>
#include <vector>

#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/symmetric_payoffs.hpp"
#include "dilemma/solvers/symmetric_equilibria.hpp"

namespace dilemma {

struct EssResult {
  std::vector<std::vector<double>> strategies;  ///< the ESSs found among the symmetric equilibria
  bool exact = false;  ///< 2 actions: decided by the sign pattern of g; otherwise a numerical test
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
inline EssResult evolutionarily_stable_strategies(const SymmetricGame& game, const SymmetricEquilibriumOptions& options = {},
                                                  std::size_t num_mutants = 64) {
  EssResult result;
  const SymmetricEquilibria equilibria = symmetric_equilibria(game, options);
  if (game.num_actions() == 2) {
    result.exact = true;
    const std::vector<double> d = detail::two_action_gains(game);
    const detail::BernsteinRoots g(d);
    for (const auto& x : equilibria.equilibria) {
      const double p = x[0];
      bool stable = false;
      if (p == 1.0 || p == 0.0) {
        const bool at_one = p == 1.0;
        for (std::size_t i = 0; i < d.size(); ++i) {
          const double gain = at_one ? d[d.size() - 1 - i] : d[i];
          if (gain != 0) {
            stable = at_one ? gain > 0 : gain < 0;
            break;
          }
        }
      } else {
        const double delta = 1e-6 * std::min(p, 1 - p);
        stable = g.g(p - delta) > 0 && g.g(p + delta) < 0;
      }
      if (stable) result.strategies.push_back(x);
    }
    return result;
  }
  std::mt19937_64 engine(options.random_state + 1);
  std::gamma_distribution<double> gamma(1.0, 1.0);
  const std::size_t s = game.num_actions();
  for (const auto& x : equilibria.equilibria) {
    std::vector<std::vector<double>> mutants;
    for (std::size_t a = 0; a < s; ++a) {
      std::vector<double> pure(s, 0.0);
      pure[a] = 1.0;
      mutants.push_back(pure);
    }
    for (std::size_t k = 0; k < num_mutants; ++k) {
      std::vector<double> y(s);
      double sum = 0;
      for (double& p : y) sum += p = gamma(engine);
      for (double& p : y) p /= sum;
      mutants.push_back(y);
    }
    bool stable = true;
    for (const auto& y : mutants) {
      double distance = 0;
      for (std::size_t a = 0; a < s; ++a) distance = std::max(distance, std::abs(y[a] - x[a]));
      if (distance < 1e-9) continue;
      for (double eps : {1e-3, 1e-5}) {
        std::vector<double> population(s);
        for (std::size_t a = 0; a < s; ++a) population[a] = (1 - eps) * x[a] + eps * y[a];
        double half_offset = 0;  // the comparison is of differences: centered (payoffs near 2^53)
        const std::vector<double> values =
            detail::halved_action_payoffs(game, population, "evolutionarily_stable_strategies", half_offset);
        if (!(detail::dot(x, values) > detail::dot(y, values))) stable = false;
      }
      if (!stable) break;
    }
    if (stable) result.strategies.push_back(x);
  }
  return result;
}

}  // namespace dilemma

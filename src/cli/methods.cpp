// The solution methods of `dilemma solve`. A method is one entry of
// kMethods; adding a method is adding an entry (name, description,
// function).
#include "methods.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/solvers/equilibrium_enumeration.hpp"
#include "dilemma/solvers/lemke_howson.hpp"
#include "dilemma/solvers/logit_qre.hpp"
#include "dilemma/solvers/nash_components.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/solvers/simplicial_subdivision.hpp"
#include "dilemma/solvers/support_enumeration.hpp"
#include "dilemma/solvers/symmetric_equilibria.hpp"
#include "dilemma/solvers/zero_sum.hpp"
#include "output.hpp"

namespace dilemma::cli {

namespace {

void solve_enumpure(const NormalFormGame& game, const SolveOptions& options,
                    EquilibriumWriter& out) {
  std::vector<PureProfile> equilibria = dilemma::pure_nash(game, {options.tol});
  // Gambit lists profiles with player 1's action varying fastest.
  std::sort(equilibria.begin(), equilibria.end(), [](const PureProfile& a, const PureProfile& b) {
    return std::lexicographical_compare(a.rbegin(), a.rend(), b.rbegin(), b.rend());
  });
  for (const PureProfile& profile : equilibria) out.pure(profile);
}

/// Runs solve(Scalar()) with Scalar exact (Rational), as Gambit's two-player
/// tools do by default, or double when -d was given.
template <class Solve>
void in_arithmetic(const SolveOptions& options, Solve&& solve) {
  if (options.decimals_given)
    solve(0.0);
  else
    solve(dilemma::Rational());
}

void solve_enummixed(const NormalFormGame& game, const SolveOptions& options,
                     EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    using Scalar = decltype(scalar);
    if (!options.connected) {
      for (const auto& profile : dilemma::vertex_enumeration<Scalar>(game)) out.profile(profile);
      return;
    }
    const auto components = dilemma::nash_components<Scalar>(game);
    for (const auto& component : components)
      for (const auto& profile : component.equilibria) out.profile(profile);
    std::size_t clique = 0;  // Gambit's "convex-N" lines: every pair of each maximal Nash subset
    for (const auto& component : components)
      for (const auto& subset : component.nash_subsets) {
        const std::string label = "convex-" + std::to_string(++clique);
        for (const auto& x : subset.row_strategies)
          for (const auto& y : subset.column_strategies) out.profile({x, y}, label.c_str());
      }
  });
}

void solve_lcp(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    for (const auto& profile : dilemma::lemke_howson_all<decltype(scalar)>(game)) out.profile(profile);
  });
}

/// QuantEcon's support_enumeration: the extreme equilibria, support pair by
/// support pair (the set of enummixed, in another order).
void solve_support(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    for (const auto& profile : dilemma::support_enumeration<decltype(scalar)>(game)) out.profile(profile);
  });
}

/// One Lemke-Howson path, from the artificial equilibrium dropping the label
/// --init-pivot (QuantEcon's lemke_howson); NotConverged if it is too long.
void solve_lh(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    const auto result = dilemma::lemke_howson<decltype(scalar)>(game, {options.init_pivot});
    if (!result.report.converged) throw dilemma::NotConverged("lemke_howson: " + result.report.message);
    out.profile(result.equilibrium);
  });
}

void solve_lp(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    const auto solution = dilemma::solve_zero_sum<decltype(scalar)>(game);
    out.profile({solution.row_strategy, solution.column_strategy});
  });
}

/// As gambit-logit: one line "lambda,probabilities" per point of the branch,
/// then "NE,..." with the limit (refined to an exact equilibrium of its support).
void solve_logit(const NormalFormGame& game, const SolveOptions&, EquilibriumWriter& out) {
  const auto result = dilemma::logit_qre(game);
  char lambda[64];
  for (std::size_t k = 0; k < result.branch.lambdas.size(); ++k) {
    std::snprintf(lambda, sizeof lambda, "%.6f", result.branch.lambdas[k]);
    out.profile(result.branch.profiles[k], lambda);
  }
  out.profile(result.equilibrium);
}

/// As gambit-enumpoly: one "NE,..." line per isolated equilibrium, in the
/// order found. A support whose equilibria are not isolated gets one line
/// "singular,..." with an equilibrium in it when one was found, else
/// "singular-support,..." with 1 for each action of the support.
void solve_enumpoly(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  dilemma::EquilibriumEnumerationOptions settings;
  if (options.tol > 0) settings.tol = options.tol;
  const auto result = dilemma::enumerate_equilibria(game, settings);
  for (const auto& profile : result.equilibria) out.profile(profile);
  for (const auto& singular : result.singular_supports) {
    if (singular.example) {
      out.profile(*singular.example, "singular");
      continue;
    }
    dilemma::MixedProfile indicator(game.num_players());
    for (std::size_t i = 0; i < indicator.size(); ++i) {
      indicator[i].assign(game.num_actions(i), 0.0);
      for (std::size_t a : singular.support[i]) indicator[i][a] = 1;
    }
    out.profile(indicator, "singular-support");
  }
}

/// As gambit-simpdiv: one line "NE,..." with the equilibrium found by
/// simplicial subdivision from every player's first action, refined and
/// verified (regret at most 1e-10 times the payoff range, or --tol if given).
void solve_simpdiv(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  dilemma::SimplicialSubdivisionOptions settings;
  if (options.tol > 0) settings.tol = options.tol;
  out.profile(dilemma::simplicial_subdivision(game, settings).equilibrium);
}

/// One line "CE,..." (or "CCE,..." with --coarse): the probability of every
/// pure profile, in Gambit's order (the order of the .nfg payoffs, player 1's
/// strategy varying fastest).
void solve_correlated(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  const auto result = dilemma::correlated_equilibrium(game, {options.objective, options.coarse});
  out.distribution(result.distribution, options.coarse ? "CCE" : "CE");
}

/// Every player mixing with the same x, each symmetric equilibrium found as
/// one line "NE,x,x,...,x" (a continuum by its barycenter, when that is an
/// equilibrium); then each support whose indifference conditions hold
/// identically as a line "singular-support,..." with 1 for each of its actions.
void solve_symmetric(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  dilemma::SymmetricEquilibriumOptions settings;
  if (options.tol > 0) settings.tol = options.tol;
  const auto result = dilemma::symmetric_equilibria(to_symmetric(game), settings);
  for (const auto& x : result.equilibria) out.profile(dilemma::MixedProfile(game.num_players(), x));
  for (const auto& support : result.singular_supports) {
    std::vector<double> indicator(game.num_actions(0), 0.0);
    for (std::size_t a : support) indicator[a] = 1;
    out.profile(dilemma::MixedProfile(game.num_players(), indicator), "singular-support");
  }
}

constexpr Method kMethods[] = {
    {"enumpure", "all pure-strategy Nash equilibria, by enumeration (as gambit-enumpure)",
     solve_enumpure},
    {"enummixed", "two players: all extreme equilibria (as gambit-enummixed; -c: maximal\n"
                  "              Nash subsets as convex-N lines)",
     solve_enummixed},
    {"lcp", "two players: equilibria reachable by Lemke-Howson paths (as gambit-lcp)", solve_lcp},
    {"support", "two players: all extreme equilibria by support enumeration, support\n"
                "              pair by pair (QuantEcon's support_enumeration; the set of\n"
                "              enummixed, in another order)",
     solve_support},
    {"lh", "two players: the equilibrium at the end of one Lemke-Howson path, from\n"
           "              the artificial equilibrium dropping label --init-pivot K\n"
           "              (QuantEcon's lemke_howson; gambit-lcp follows all paths)",
     solve_lh},
    {"lp", "two-player constant-sum games: an equilibrium by linear programming\n"
           "              (as gambit-lp)",
     solve_lp},
    {"enumpoly", "all isolated equilibria of any number of players: supports enumerated,\n"
                 "              each solved by interval subdivision (as gambit-enumpoly;\n"
                 "              non-isolated ones as lines \"singular,...\"; --tol: regret\n"
                 "              tolerance relative to the payoff range)",
     solve_enumpoly},
    {"logit", "the limit of the principal logit QRE branch, with the branch (as\n"
              "              gambit-logit: lines \"lambda,...\", then \"NE,...\")",
     solve_logit},
    {"simpdiv", "one equilibrium of any number of players by simplicial subdivision,\n"
                "              refined on its support and verified (as gambit-simpdiv;\n"
                "              --tol: regret tolerance relative to the payoff range)",
     solve_simpdiv},
    {"symmetric", "symmetric games (every player's payoff the same function of its own\n"
                  "              strategy and the counts of the others'): the equilibria in\n"
                  "              which everybody mixes alike, by the count-form solver\n"
                  "              (roots of a polynomial for 2 strategies, supports and\n"
                  "              Newton's method for more; supports of continua as lines\n"
                  "              \"singular-support,...\"; --tol: regret tolerance relative\n"
                  "              to the payoff scale)",
     solve_symmetric},
    {"correlated", "a correlated equilibrium of any number of players by linear\n"
                   "              programming, maximising --objective; one line \"CE,q_1,...,q_P\"\n"
                   "              (\"CCE,...\" with --coarse): the probability of every pure\n"
                   "              profile, in the order of the .nfg payoffs (player 1's\n"
                   "              strategy varying fastest)",
     solve_correlated},
};

}  // namespace

const Method* find_method(std::string_view name) {
  for (const Method& method : kMethods)
    if (name == method.name) return &method;
  return nullptr;
}

std::string method_list() {
  std::string text;
  for (const Method& method : kMethods) {
    std::string name = method.name;
    name.resize(std::max<std::size_t>(name.size() + 2, 12), ' ');
    text += "  " + name + method.description + "\n";
  }
  return text;
}

const Method* default_method() { return &kMethods[0]; }

}  // namespace dilemma::cli

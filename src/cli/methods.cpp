// The solution methods of `dilemma solve`. A method is one entry of
// kMethods; adding a method is adding an entry (name, description,
// function).
#include "methods.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "dilemma/detail/bimatrix.hpp"
#include "dilemma/detail/rational.hpp"
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

/// Thrown by a visitor once -e EQA equilibria are printed: ends the search.
struct Enough {};

/// As gambit-lcp: the equilibria reachable by Lemke-Howson paths. -e 1: the
/// end of the one path that drops player 1's first strategy; -r 1: the ends
/// of the paths from the artificial equilibrium only; otherwise every path
/// from every equilibrium found (the first EQA of them with -e EQA).
void solve_lcp(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    using Scalar = decltype(scalar);
    if (options.stop_after == 1) {
      const auto path = dilemma::lemke_howson<Scalar>(game);
      if (!path.report.converged) throw dilemma::NotConverged("lemke_howson: " + path.report.message);
      return out.profile(path.equilibrium);
    }
    dilemma::Equilibria<dilemma::BasicMixedProfile<Scalar>> found;
    if (options.depth == 1) {
      const std::size_t labels = game.num_actions(0) + game.num_actions(1);
      for (std::size_t label = 0; label < labels; ++label) {
        const auto path = dilemma::lemke_howson<Scalar>(game, {label});
        if (path.report.converged) found.push_back(path.equilibrium);
      }
      dilemma::detail::sort_by_value(found);
      found.erase(std::unique(found.begin(), found.end()), found.end());
    } else {
      found = dilemma::lemke_howson_all<Scalar>(game);
    }
    const std::size_t count = options.stop_after == 0 ? found.size() : std::min(found.size(), options.stop_after);
    for (std::size_t k = 0; k < count; ++k) out.profile(found[k]);
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

/// Gambit's words for a game that is not constant-sum, with the profiles of
/// the largest and the smallest sum of payoffs, strategies counted from 1.
std::string not_constant_sum(const NormalFormGame& game) {
  const std::size_t n = game.num_actions(1), count = game.num_profiles();
  std::size_t high = 0, low = 0;
  auto sum = [&](std::size_t k) { return game.payoffs(0)[k] + game.payoffs(1)[k]; };
  for (std::size_t k = 1; k < count; ++k) {
    if (sum(k) > sum(high)) high = k;
    if (sum(k) < sum(low)) low = k;
  }
  auto profile = [&](std::size_t k) {
    return "(" + std::to_string(k / n + 1) + ", " + std::to_string(k % n + 1) + ")";
  };
  char sums[96];
  std::snprintf(sums, sizeof sums, "%.10g at profile %s and to %.10g at ", sum(high), profile(high).c_str(), sum(low));
  return "Method only valid for constant-sum games: the payoffs sum to " + std::string(sums) + profile(low) + ".";
}

void solve_lp(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    try {
      const auto solution = dilemma::solve_zero_sum<decltype(scalar)>(game);
      out.profile({solution.row_strategy, solution.column_strategy});
    } catch (const dilemma::InvalidArgument& error) {
      if (std::strstr(error.what(), "not constant-sum") == nullptr) throw;
      throw dilemma::InvalidArgument(not_constant_sum(game));
    }
  });
}

/// As gambit-logit: one line "lambda,probabilities" per point of the branch
/// (none with -e), then "NE,..." with the limit (refined to an exact
/// equilibrium of its support). With -l LAMBDA...: the branch up to the
/// largest LAMBDA (none with -e), then the QRE at each LAMBDA in the order given.
void solve_logit(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  dilemma::LogitQreOptions settings;
  if (options.tol > 0) settings.tol = options.tol;
  if (options.first_step > 0) settings.first_step = options.first_step;
  if (options.max_accel > 0) settings.max_accel = options.max_accel;
  settings.record_branch = !options.terminal_only;
  auto lambda_label = [&](double lambda) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", options.decimals, lambda);
    return std::string(text);
  };
  auto print_branch = [&](const dilemma::LogitBranch<dilemma::MixedProfile>& branch, double up_to) {
    for (std::size_t k = 0; k < branch.lambdas.size() && branch.lambdas[k] <= up_to; ++k)
      out.logit_point(branch.profiles[k], lambda_label(branch.lambdas[k]));
  };
  if (options.lambdas.empty()) {
    const auto result = dilemma::logit_qre(game, settings);
    print_branch(result.branch, HUGE_VAL);
    out.logit_point(result.equilibrium, "NE");
    return;
  }
  const double largest = *std::max_element(options.lambdas.begin(), options.lambdas.end());
  if (!options.terminal_only && largest > 0) {
    dilemma::LogitQreOptions up_to = settings;  // no regret criterion: trace to the largest LAMBDA
    up_to.tol = std::numeric_limits<double>::min();
    up_to.max_lambda = largest;
    print_branch(dilemma::logit_qre(game, up_to).branch, largest);
  }
  for (double lambda : options.lambdas) {
    const auto point = dilemma::logit_qre_at(game, lambda, settings);
    if (!point.report.converged) throw dilemma::NotConverged("logit_qre_at: " + point.report.message);
    out.logit_point(point.qre, lambda_label(lambda));
  }
}

/// As gambit-enumpoly: one "NE,..." line per isolated equilibrium, printed
/// as found (-e EQA: the first EQA); with -V, then each support whose
/// equilibria are not isolated as "singular,<one digit per strategy>".
void solve_enumpoly(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  dilemma::EquilibriumEnumerationOptions settings;
  if (options.tol > 0) settings.tol = options.tol;
  if (options.max_boxes > 0) settings.max_boxes = options.max_boxes;
  std::size_t found = 0;
  try {
    const auto result = dilemma::enumerate_equilibria(game, settings, [&](const dilemma::MixedProfile& profile) {
      out.profile(profile);
      if (++found == options.stop_after) throw Enough{};
    });
    if (options.verbose)
      for (const auto& singular : result.singular_supports) out.support(singular.support, "singular");
  } catch (const Enough&) {
  }
}

/// `profile` in fractions, as gambit-simpdiv prints its grid points: each
/// probability the simplest fraction within 1e-9 of it, the largest of each
/// player's taking the rest of 1 (so a Newton-refined 0.4285714285714285
/// prints as 3/7, and every strategy sums to 1 exactly).
dilemma::BasicMixedProfile<dilemma::Rational> as_fractions(const dilemma::MixedProfile& profile) {
  constexpr double kWithin = 1e-9;
  dilemma::BasicMixedProfile<dilemma::Rational> result(profile.size());
  for (std::size_t i = 0; i < profile.size(); ++i) {
    const std::vector<double>& x = profile[i];
    const auto largest = static_cast<std::size_t>(std::max_element(x.begin(), x.end()) - x.begin());
    dilemma::Rational rest(1);
    result[i].assign(x.size(), dilemma::Rational(0));
    for (std::size_t a = 0; a < x.size(); ++a) {
      if (a == largest || x[a] <= kWithin) continue;
      result[i][a] = dilemma::detail::simplest_between(dilemma::Rational(x[a] - kWithin),
                                                       dilemma::Rational(x[a] + kWithin));
      rest -= result[i][a];
    }
    result[i][largest] = rest;
  }
  return result;
}

/// As gambit-simpdiv: one line "NE,..." with the equilibrium found by
/// simplicial subdivision from every player's first action (-V: that start
/// first, as a line "start,..."), refined and verified (regret at most 1e-10
/// times the payoff range, or -m/--tol if given); in fractions as Gambit
/// prints them, or with -d N > 0 decimals.
void solve_simpdiv(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  dilemma::SimplicialSubdivisionOptions settings;
  if (options.tol > 0) settings.tol = options.tol;
  if (options.grid > 0) settings.grid = options.grid;
  const bool fractions = !options.decimals_given || options.decimals == 0;
  auto print = [&](const dilemma::MixedProfile& profile, const char* label) {
    fractions ? out.profile(as_fractions(profile), label) : out.profile(profile, label);
  };
  if (options.verbose) {
    dilemma::MixedProfile start(game.num_players());
    for (std::size_t i = 0; i < start.size(); ++i) {
      start[i].assign(game.num_actions(i), 0.0);
      start[i][0] = 1;
    }
    print(start, "start");
  }
  print(dilemma::simplicial_subdivision(game, settings).equilibrium, "NE");
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
     solve_enumpure, "ASD", "Search for Nash equilibria in pure strategies"},
    {"enummixed", "two players: all extreme equilibria (as gambit-enummixed; -c: maximal\n"
                  "              Nash subsets as convex-N lines)",
     solve_enummixed, "cd:", "Compute Nash equilibria by enumerating extreme points", true},
    {"lcp", "two players: equilibria reachable by Lemke-Howson paths (as gambit-lcp)", solve_lcp,
     "d:DSe:r:", "Compute Nash equilibria by solving a linear complementarity program", true},
    {"support", "two players: all extreme equilibria by support enumeration, support\n"
                "              pair by pair (QuantEcon's support_enumeration; the set of\n"
                "              enummixed, in another order)",
     solve_support, nullptr, nullptr, true},
    {"lh", "two players: the equilibrium at the end of one Lemke-Howson path, from\n"
           "              the artificial equilibrium dropping label --init-pivot K\n"
           "              (QuantEcon's lemke_howson; gambit-lcp follows all paths)",
     solve_lh, nullptr, nullptr, true},
    {"lp", "two-player constant-sum games: an equilibrium by linear programming\n"
           "              (as gambit-lp)",
     solve_lp, "d:DS", "Compute Nash equilibria by solving a linear program", true},
    {"enumpoly", "all isolated equilibria of any number of players: supports enumerated,\n"
                 "              each solved by interval subdivision (as gambit-enumpoly;\n"
                 "              -V: supports of non-isolated ones as lines \"singular,...\")",
     solve_enumpoly, "d:Sm:e:r:V", "Compute Nash equilibria by solving polynomial systems"},
    {"logit", "the limit of the principal logit QRE branch, with the branch (as\n"
              "              gambit-logit: lines \"lambda,...\", then \"NE,...\")",
     solve_logit, "d:s:a:m:eSL:l:", "Compute a branch of the logit equilibrium correspondence"},
    {"simpdiv", "one equilibrium of any number of players by simplicial subdivision,\n"
                "              refined on its support and verified (as gambit-simpdiv;\n"
                "              fractions unless -d N > 0)",
     solve_simpdiv, "g:Vn:r:s:m:d:R:", "Compute Nash equilibria using simplicial subdivision"},
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
const Method* methods_begin() { return std::begin(kMethods); }
const Method* methods_end() { return std::end(kMethods); }

bool takes_flag(const Method& method, char letter) {
  return method.gambit_flags != nullptr && letter != ':' && std::strchr(method.gambit_flags, letter) != nullptr;
}

bool flag_takes_value(const Method& method, char letter) {
  return takes_flag(method, letter) && std::strchr(method.gambit_flags, letter)[1] == ':';
}

}  // namespace dilemma::cli

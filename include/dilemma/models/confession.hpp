// The confession dilemma of the Great Purge (docs/model.md): n arrested players
// choose deny (D), confess alone (C) or confess and name accomplices (N).
// A player's cost, in sentence units, is
//
//   c(a, m) = S + sigma_a + tau_a - l [a = N] L(m_N) + eta m_N
//             + kappa (m_C + m_N) + xi [a = D] m_N,
//
// where m counts the other players' actions, and the payoff is u = -c.
#pragma once

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "dilemma/games/symmetric_game.hpp"

namespace dilemma {

/// Action indices of the confession game.
enum ConfessionAction : std::size_t { deny = 0, confess = 1, name = 2 };

/// The cost parameters of docs/model.md (Players, actions and costs), named as the Python keywords.
struct ConfessionParameters {
  double base = 10.0;                           ///< S: the quota sentence, whatever one does
  std::array<double, 3> sentence{0, 0, 0};      ///< sigma_a: sentence adjustment by own action
  std::array<double, 3> torture{0, 0, 0};       ///< tau_a: interrogation cost by own action
  double leniency = 0.0;                        ///< l: leniency for naming
  std::vector<double> leniency_tiers;           ///< l_1 >= l_2 >= ...: ordered tiers; empty = flat
  double named_cost = 0.0;                      ///< eta: cost per other player who names
  double confession_cost = 0.0;                 ///< kappa: cost per other player who confesses
  double sucker_cost = 0.0;                     ///< xi: extra cost to a denier per other namer

  /// Throws InvalidArgument naming the parameter if a value is not finite
  /// or the tiers are not positive-first and non-increasing.
  void validate(const char* function) const;
  /// True when c = f(a) + h(m): flat leniency and no sucker premium.
  bool is_separable() const { return leniency_tiers.empty() && sucker_cost == 0.0; }
  /// L(m_N): 1 when flat; with tiers, the mean of l_1..l_{m_N+1} over l_1
  /// (a random place in the queue of namers; the last tier repeats).
  double leniency_share(std::size_t others_naming) const {
    if (leniency_tiers.empty()) return 1.0;
    const std::size_t places = others_naming + 1, counted = std::min(places, leniency_tiers.size());
    double sum = double(places - counted) * leniency_tiers.back();
    for (std::size_t r = 0; r < counted; ++r) sum += leniency_tiers[r];
    return sum / (double(places) * leniency_tiers[0]);  // one division: this is the hot path of large games
  }
  /// c(a, m) for others' counts m = (m_D, m_C, m_N).
  double cost(std::size_t action, const Counts& m) const {
    const double namers = double(m[2]), confessors = double(m[1]) + namers;
    double c = base + sentence[action] + torture[action] + named_cost * namers + confession_cost * confessors;
    if (action == 2) c -= leniency * leniency_share(m[2]);
    if (action == 0) c += sucker_cost * namers;
    return c;
  }
};

/// u(a, m) = -c(a, m) as a plain function object: template solvers such as
/// detail::for_each_pure_nash(n, 3, ConfessionPayoff{p}, visit) inline it (pure_nash does).
struct ConfessionPayoff {
  ConfessionParameters parameters;
  double operator()(std::size_t action, const Counts& others) const { return -parameters.cost(action, others); }
};

/// A preset of docs/model.md (Presets): the game players believe in (which
/// decides behaviour) and the real one (which decides outcomes). They differ
/// only for hoped_leniency.
struct ConfessionPreset {
  std::string name;
  std::string description;
  ConfessionParameters believed;
  ConfessionParameters real;
};

/// Names of all presets, in the order of docs/model.md.
/// Complexity: O(1) (a fixed list of eight names).
std::vector<std::string> confession_preset_names();
/// A preset by name; InvalidArgument listing the names if unknown.
/// Complexity: O(1) (a fixed number of string comparisons).
ConfessionPreset confession_preset(const std::string& name);

/// The confession game with n players: a symmetric game with actions
/// deny, confess, name and payoffs -c(a, m), evaluated on demand (no table,
/// so n can be large). Validates the parameters.
/// Complexity: O(n + t) time and O(n) memory for n players and t leniency tiers (the
/// ranking table of the count vectors); no payoff is evaluated here.
/// \sa confession_preset, SymmetricGame::tabulate
SymmetricGame confession_game(std::size_t num_players, const ConfessionParameters& parameters);

/// The confession game of a preset (its believed parameters, or the real
/// ones with real = true).
/// Complexity: as above, O(n + t).
SymmetricGame confession_game(std::size_t num_players, const std::string& preset, bool real = false);

// The closed forms of docs/model.md for the separable case; each throws
// InvalidArgument if the parameters are not separable.

/// g = l - (sigma_N - sigma_D) - (tau_N - tau_D): private gain from naming instead of denying.
/// Complexity: O(1) (a closed form).
double naming_gain(const ConfessionParameters& p);
/// (sigma_D + tau_D) - (sigma_C + tau_C): private gain from confessing instead of denying.
/// Complexity: O(1) (a closed form).
double confession_gain(const ConfessionParameters& p);
/// Everyone naming is worse for all than everyone denying: (eta + kappa)(n - 1) > g.
/// Complexity: O(1) (a closed form).
bool all_naming_worse_than_all_denying(const ConfessionParameters& p, std::size_t num_players);
/// An n-person prisoner's dilemma (Hamburger 1973; Dawes 1980): 0 < g < (eta + kappa)(n - 1).
/// Complexity: O(1) (a closed form).
bool is_n_person_prisoners_dilemma(const ConfessionParameters& p, std::size_t num_players);
/// Schelling's minimum coalition of deniers, k* = floor(g / (eta + kappa)) + 2;
/// InvalidArgument when eta + kappa = 0 (no coalition size is enough).
/// Complexity: O(1) (a closed form).
std::size_t schelling_minimum_coalition(const ConfessionParameters& p);
/// Per-capita social cost (S + w_a) when everybody plays a, for a = D, C, N.
/// Complexity: O(1) (a closed form).
std::array<double, 3> per_capita_costs(const ConfessionParameters& p, std::size_t num_players);
/// (S + w_N) / (S + min_a w_a): the price of anarchy when all-N is the worst
/// equilibrium and costs are positive.
/// Complexity: O(1) (a closed form).
double price_of_anarchy_closed_form(const ConfessionParameters& p, std::size_t num_players);

}  // namespace dilemma

// Welfare, Pareto efficiency and the prices of anarchy and stability over
// pure equilibria, for dense and symmetric games.
#pragma once

#include <algorithm>
#include <map>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/solvers/symmetric_pure_nash.hpp"

namespace dilemma {

/// Utilitarian welfare (sum of payoffs) of a pure profile.
/// Complexity: O(n) for n players.
inline double welfare(const NormalFormGame& game, const PureProfile& profile) {
  const std::vector<double> payoffs = game.payoffs_at(profile);
  return std::accumulate(payoffs.begin(), payoffs.end(), 0.0);
}

/// Payoff of a player taking each action in count class c (sum n): entry a is
/// u(a, c - e_a); NaN for actions nobody takes.
/// Complexity: at most s payoff evaluations (O(s) each from a table) for s actions.
inline std::vector<double> class_payoffs(const SymmetricGame& game, const Counts& counts) {
  game.check_counts("class_payoffs", counts, game.num_players(), "count class");
  std::vector<double> payoffs(game.num_actions(), std::nan(""));
  Counts others = counts;
  for (std::size_t a = 0; a < counts.size(); ++a) {
    if (counts[a] == 0) continue;
    --others[a];
    payoffs[a] = game.payoff_at(a, others);
    ++others[a];
  }
  return payoffs;
}

/// Welfare of count class c: sum_a c_a u(a, c - e_a).
/// Complexity: as class_payoffs, at most s payoff evaluations.
inline double welfare(const SymmetricGame& game, const Counts& counts) {
  const std::vector<double> payoffs = class_payoffs(game, counts);
  double total = 0.0;
  for (std::size_t a = 0; a < counts.size(); ++a)
    if (counts[a] > 0) total += double(counts[a]) * payoffs[a];
  return total;
}

/// Welfare over all pure profiles and over the pure equilibria, and the
/// prices of anarchy and stability. With payoffs that are costs (welfare
/// <= 0 everywhere) PoA = worst equilibrium cost / least cost; with welfare
/// >= 0 everywhere PoA = best welfare / worst equilibrium welfare; PoS uses
/// the best equilibrium. Both are 1 when every profile is equally good.
struct Efficiency {
  double best_welfare = 0, worst_welfare = 0;
  double best_equilibrium_welfare = 0, worst_equilibrium_welfare = 0;
  std::size_t num_equilibria = 0;  ///< pure profiles (dense) or count classes (symmetric)
  double price_of_anarchy = 1, price_of_stability = 1;
  std::string convention;  ///< "cost" or "welfare"
};

namespace detail {

inline double efficiency_ratio(double optimum, double equilibrium, bool costs) {
  const double numerator = costs ? -equilibrium : optimum, denominator = costs ? -optimum : equilibrium;
  if (numerator == denominator) return 1.0;
  return denominator == 0 ? HUGE_VAL : numerator / denominator;
}

/// Fills the ratios once the four welfare values are known.
inline Efficiency finish_efficiency(const char* function, Efficiency e) {
  if (e.num_equilibria == 0) detail::fail(function, "the game has no pure equilibrium");
  if (e.best_welfare <= 0) e.convention = "cost";
  else if (e.worst_welfare >= 0) e.convention = "welfare";
  else
    detail::fail(function, "welfare changes sign (from ", e.worst_welfare, " to ", e.best_welfare,
                 "), so ratios of welfare are not meaningful");
  const bool costs = e.convention == "cost";
  e.price_of_anarchy = efficiency_ratio(e.best_welfare, e.worst_equilibrium_welfare, costs);
  e.price_of_stability = efficiency_ratio(e.best_welfare, e.best_equilibrium_welfare, costs);
  return e;
}

}  // namespace detail

/// Efficiency of the pure equilibria of a dense game.
/// Complexity: O(n * P) time for n players and P profiles (welfare of every
/// profile, then pure_nash), O(P) extra memory. \sa pure_nash
inline Efficiency efficiency(const NormalFormGame& game, double tol = 0.0) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("efficiency", "tol must be finite and >= 0, got ", tol);
  Efficiency e;
  e.best_welfare = -HUGE_VAL;
  e.worst_welfare = HUGE_VAL;
  std::vector<double> total(game.num_profiles(), 0.0);
  for (std::size_t i = 0; i < game.num_players(); ++i)
    for (std::size_t k = 0; k < game.num_profiles(); ++k) total[k] += game.payoffs(i)[k];
  for (double w : total) e.best_welfare = std::max(e.best_welfare, w), e.worst_welfare = std::min(e.worst_welfare, w);
  e.best_equilibrium_welfare = -HUGE_VAL;
  e.worst_equilibrium_welfare = HUGE_VAL;
  for (std::size_t index : detail::pure_nash_indices(game, detail::pure_nash_gain("efficiency", game, {tol}))) {
    ++e.num_equilibria;
    e.best_equilibrium_welfare = std::max(e.best_equilibrium_welfare, total[index]);
    e.worst_equilibrium_welfare = std::min(e.worst_equilibrium_welfare, total[index]);
  }
  return detail::finish_efficiency("efficiency", e);
}

/// Efficiency of the pure equilibria of a symmetric game, over count classes.
/// Complexity: s payoff evaluations for each of the K = C(n + s - 1, s - 1)
/// count classes, plus pure_nash (about s * C(n + s - 2, s - 1)
/// evaluations and O(s^2) per class). \sa pure_nash
inline Efficiency efficiency(const SymmetricGame& game, double tol = 0.0) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("efficiency", "tol must be finite and >= 0, got ", tol);
  Efficiency e;
  e.best_welfare = e.best_equilibrium_welfare = -HUGE_VAL;
  e.worst_welfare = e.worst_equilibrium_welfare = HUGE_VAL;
  const CountVectors classes(game.num_actions(), game.num_players());
  Counts c = classes.first();
  do {
    const double w = welfare(game, c);
    e.best_welfare = std::max(e.best_welfare, w);
    e.worst_welfare = std::min(e.worst_welfare, w);
  } while (classes.next(c));
  pure_nash(game, {tol}, [&](const CountClass& equilibrium) {
    const double w = welfare(game, equilibrium.counts);
    ++e.num_equilibria;
    e.best_equilibrium_welfare = std::max(e.best_equilibrium_welfare, w);
    e.worst_equilibrium_welfare = std::min(e.worst_equilibrium_welfare, w);
  });
  return detail::finish_efficiency("efficiency", e);
}

namespace detail {

/// Indices of the points not Pareto-dominated by another point, given each
/// point's welfare; the points must be distinct (callers merge equal payoff
/// vectors first). dominates(a, b): a is weakly better for all, strictly for
/// one. A dominator has larger welfare, so after sorting by welfare each
/// point is compared only with efficient points of larger welfare, up to
/// rounding of the sums.
template <class Dominates>
std::vector<std::size_t> pareto_skyline(const std::vector<double>& welfare, Dominates&& dominates) {
  std::vector<std::size_t> order(welfare.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return welfare[a] > welfare[b]; });
  std::vector<std::size_t> efficient;
  for (std::size_t candidate : order) {
    bool dominated = false;
    for (std::size_t kept : efficient) {
      const double slack = 1e-9 * (1.0 + std::abs(welfare[kept]) + std::abs(welfare[candidate]));
      if (welfare[kept] < welfare[candidate] - slack) break;  // sorted: no later kept point can dominate
      if (dominates(kept, candidate)) {
        dominated = true;
        break;
      }
    }
    if (!dominated) efficient.push_back(candidate);
  }
  // Within rounding, a dominator may have come after the point it dominates.
  std::vector<std::size_t> result;
  for (std::size_t a : efficient) {
    bool dominated = false;
    for (std::size_t b : efficient) {
      const double slack = 1e-9 * (1.0 + std::abs(welfare[a]) + std::abs(welfare[b]));
      if (b != a && std::abs(welfare[a] - welfare[b]) <= slack && dominates(b, a)) {
        dominated = true;
        break;
      }
    }
    if (!dominated) result.push_back(a);
  }
  std::sort(result.begin(), result.end());
  return result;
}

}  // namespace detail

/// Flat indices of the Pareto-efficient pure profiles of a dense game.
/// Complexity: O(n * P log P) to group the P profiles by payoff vector, then
/// O(n * G^2) in the worst case for G distinct payoff vectors (sorted by
/// welfare, so usually far less); O(n * P) memory.
inline std::vector<std::size_t> pareto_efficient_profiles(const NormalFormGame& game) {
  const std::size_t n = game.num_players(), P = game.num_profiles();
  // Profiles with equal payoff vectors are efficient together: merge them.
  std::map<std::vector<double>, std::vector<std::size_t>> groups;
  for (std::size_t k = 0; k < P; ++k) groups[game.payoffs_at(game.profile_at(k))].push_back(k);
  std::vector<const std::vector<double>*> points;
  std::vector<double> total;
  for (const auto& group : groups) {
    points.push_back(&group.first);
    total.push_back(std::accumulate(group.first.begin(), group.first.end(), 0.0));
  }
  const auto efficient = detail::pareto_skyline(total, [&](std::size_t a, std::size_t b) {
    bool strict = false;
    for (std::size_t i = 0; i < n; ++i) {
      const double ua = (*points[a])[i], ub = (*points[b])[i];
      if (ua < ub) return false;
      strict = strict || ua > ub;
    }
    return strict;
  });
  std::vector<std::size_t> profiles;
  for (std::size_t k : efficient) {
    const auto& members = groups.at(*points[k]);
    profiles.insert(profiles.end(), members.begin(), members.end());
  }
  std::sort(profiles.begin(), profiles.end());
  return profiles;
}

/// The Pareto-efficient count classes of a symmetric game. Class c' makes
/// a profile of class c Pareto-worse iff the sorted payoff vector of c'
/// dominates that of c (players can be matched in sorted order).
/// Complexity: s payoff evaluations and O(s log K) map work for each of the
/// K = C(n + s - 1, s - 1) count classes, then O(s * G^2) in the worst case
/// for G distinct sorted payoff vectors; O(s * K) memory.
inline std::vector<CountClass> pareto_efficient_classes(const SymmetricGame& game) {
  const CountVectors classes(game.num_actions(), game.num_players());
  // Each distinct sorted (payoff, how many players get it) vector, with the
  // classes that have it: equal vectors are efficient together.
  using Steps = std::vector<std::pair<double, std::size_t>>;
  std::map<Steps, std::vector<Counts>> groups;
  Counts c = classes.first();
  do {
    const std::vector<double> payoffs = class_payoffs(game, c);
    Steps sorted;
    for (std::size_t a = 0; a < c.size(); ++a)
      if (c[a] > 0) sorted.emplace_back(payoffs[a], c[a]);
    std::sort(sorted.begin(), sorted.end());
    groups[std::move(sorted)].push_back(c);
  } while (classes.next(c));
  std::vector<const Steps*> steps;
  std::vector<double> total;
  for (const auto& group : groups) {
    double w = 0.0;
    for (const auto& [payoff, count] : group.first) w += double(count) * payoff;
    steps.push_back(&group.first);
    total.push_back(w);
  }
  const auto dominates = [&](std::size_t a, std::size_t b) {
    // Walk both sorted vectors of n payoffs in step with each other.
    const Steps &x = *steps[a], &y = *steps[b];
    std::size_t i = 0, j = 0, left_x = x[0].second, left_y = y[0].second;
    bool strict = false;
    while (i < x.size() && j < y.size()) {
      if (x[i].first < y[j].first) return false;
      strict = strict || x[i].first > y[j].first;
      const std::size_t step = std::min(left_x, left_y);
      left_x -= step, left_y -= step;
      if (left_x == 0 && ++i < x.size()) left_x = x[i].second;
      if (left_y == 0 && ++j < y.size()) left_y = y[j].second;
    }
    return strict;
  };
  std::vector<CountClass> efficient;
  for (std::size_t k : detail::pareto_skyline(total, dominates))
    for (const Counts& members : groups.at(*steps[k])) efficient.push_back(CountClass{members});
  std::sort(efficient.begin(), efficient.end(), [](const CountClass& a, const CountClass& b) { return a.counts < b.counts; });
  return efficient;
}

}  // namespace dilemma

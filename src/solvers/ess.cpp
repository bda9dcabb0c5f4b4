// Evolutionarily stable strategies among the symmetric equilibria.
#include "dilemma/analysis/ess.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "dilemma/profiles/symmetric_payoffs.hpp"

namespace dilemma {

namespace {

/// Distance of the probes p -/+ delta from an interior root, as a fraction of min(p, 1 - p).
constexpr double kRootProbe = 1e-6;
/// Invasion shares of the numerical test: a large and a small one (second order effects show at the first).
constexpr double kInvasionShares[] = {1e-3, 1e-5};
/// A mutant this close to x (max norm) is x itself.
constexpr double kSameStrategy = 1e-9;

/// Two actions: the exact sign-pattern rule.
bool two_action_stable(const std::vector<double>& d, const detail::BernsteinRoots& g, double p) {
  if (p == 1.0 || p == 0.0) {
    const bool at_one = p == 1.0;
    for (std::size_t i = 0; i < d.size(); ++i) {
      const double gain = at_one ? d[d.size() - 1 - i] : d[i];
      if (gain != 0) return at_one ? gain > 0 : gain < 0;
    }
    return false;
  }
  const double delta = kRootProbe * std::min(p, 1 - p);
  return g.g(p - delta) > 0 && g.g(p + delta) < 0;
}

/// Three or more actions: x against the pure mutants and `mutants` random ones.
bool invasion_stable(const SymmetricGame& game, const std::vector<double>& x,
                     const std::vector<std::vector<double>>& mutants) {
  const std::size_t s = game.num_actions();
  for (const auto& y : mutants) {
    double distance = 0;
    for (std::size_t a = 0; a < s; ++a) distance = std::max(distance, std::abs(y[a] - x[a]));
    if (distance < kSameStrategy) continue;
    for (double eps : kInvasionShares) {
      std::vector<double> population(s);
      for (std::size_t a = 0; a < s; ++a) population[a] = (1 - eps) * x[a] + eps * y[a];
      double half_offset = 0;  // the comparison is of differences: centered (payoffs near 2^53)
      const std::vector<double> values =
          detail::halved_action_payoffs(game, population, "evolutionarily_stable_strategies", half_offset);
      if (!(detail::dot(x, values) > detail::dot(y, values))) return false;
    }
  }
  return true;
}

}  // namespace

EssResult evolutionarily_stable_strategies(const SymmetricGame& game, const EssOptions& options) {
  EssResult result;
  result.options = options;
  const SymmetricEquilibria equilibria =
      detail::symmetric_search(game, options, "evolutionarily_stable_strategies", true);
  result.report = equilibria.report;
  result.report.num_iter = equilibria.equilibria.size();
  const std::size_t s = game.num_actions();
  if (s == 2) {
    result.exact = true;
    const std::vector<double> d = detail::two_action_gains(game);
    const detail::BernsteinRoots g(d);
    for (const auto& x : equilibria.equilibria)
      if (two_action_stable(d, g, x[0])) result.strategies.push_back(x);
  } else {
    // A seed other than the search's, so mutants are not its Newton starts.
    std::mt19937_64 engine(options.random_state + 1);
    std::gamma_distribution<double> gamma(1.0, 1.0);
    std::vector<std::vector<double>> mutants;
    for (const auto& x : equilibria.equilibria) {
      mutants.clear();
      for (std::size_t a = 0; a < s; ++a) {
        std::vector<double> pure(s, 0.0);
        pure[a] = 1.0;
        mutants.push_back(pure);
      }
      for (std::size_t k = 0; k < options.num_mutants; ++k) {
        std::vector<double> y(s);
        double sum = 0;
        for (double& p : y) sum += p = gamma(engine);
        for (double& p : y) p /= sum;
        mutants.push_back(y);
      }
      if (invasion_stable(game, x, mutants)) result.strategies.push_back(x);
    }
  }
  result.report.message = std::to_string(result.strategies.size()) + " ESS among " +
                          std::to_string(equilibria.equilibria.size()) + " symmetric equilibria (" +
                          (result.exact ? "sign pattern of g" : "numerical invasion test") +
                          "); equilibrium search: " + equilibria.report.message;
  return result;
}

}  // namespace dilemma

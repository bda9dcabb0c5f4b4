// Expected payoffs when every player of a symmetric game mixes the same way.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/mixed_profile.hpp"

namespace dilemma {

namespace detail {

inline void validate_symmetric_strategy(const char* function, const SymmetricGame& game,
                                        const std::vector<double>& x, double tol = kProbabilityTolerance) {
  if (x.size() != game.num_actions())
    detail::fail(function, "strategy has ", x.size(), " probabilities, the game has ", game.num_actions(),
                 " actions");
  double sum = 0.0;
  for (std::size_t a = 0; a < x.size(); ++a) {
    if (!std::isfinite(x[a]) || x[a] < -tol)
      detail::fail(function, "probability of action ", a, " is ", x[a],
                   "; probabilities must be finite and nonnegative");
    sum += x[a];
  }
  if (std::abs(sum - 1.0) > tol) detail::fail(function, "probabilities sum to ", sum, ", not 1");
}

}  // namespace detail

/// U(a; x) = sum over the others' count vectors m of
/// Mult(n-1; m) prod_b x_b^{m_b} u(a, m), for every action a: the expected
/// payoff of action a when the n - 1 others each mix with x. Multinomial
/// weights are formed in log space from a log-factorial table, so large n
/// neither overflows nor underflows to a wrong sum. O(s * C(n+s-2, s-1)).
inline std::vector<double> action_payoffs(const SymmetricGame& game, const std::vector<double>& x) {
  detail::validate_symmetric_strategy("action_payoffs", game, x);
  const std::size_t s = game.num_actions(), others = game.num_players() - 1;
  std::vector<double> log_factorial(others + 1, 0.0), log_x(s);
  for (std::size_t k = 2; k <= others; ++k) log_factorial[k] = log_factorial[k - 1] + std::log(double(k));
  for (std::size_t b = 0; b < s; ++b) log_x[b] = x[b] > 0 ? std::log(x[b]) : -HUGE_VAL;
  std::vector<double> values(s, 0.0);
  Counts m = game.others().first();
  std::size_t r = 0;
  do {
    double log_weight = log_factorial[others];
    for (std::size_t b = 0; b < s; ++b)
      if (m[b] > 0) log_weight += double(m[b]) * log_x[b] - log_factorial[m[b]];
    const double weight = std::exp(log_weight);  // exp(-inf) = 0 for impossible counts
    if (weight > 0)
      for (std::size_t a = 0; a < s; ++a) values[a] += weight * game.payoff_at_rank(a, r, m);
    ++r;
  } while (game.others().next(m));
  return values;
}

/// Expected payoff of a player when everybody mixes with x.
inline double expected_payoff(const SymmetricGame& game, const std::vector<double>& x) {
  return detail::dot(x, action_payoffs(game, x));
}

/// Gain from the best deviation when everybody mixes with x.
inline double regret(const SymmetricGame& game, const std::vector<double>& x) {
  const std::vector<double> values = action_payoffs(game, x);
  return std::max(0.0, detail::max_of(values) - detail::dot(x, values));
}

/// True when the symmetric profile "everybody mixes with x" is a Nash
/// equilibrium within tol.
inline bool is_nash(const SymmetricGame& game, const std::vector<double>& x, double tol = kNashTolerance) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("is_nash", "tol must be finite and >= 0, got ", tol);
  return regret(game, x) <= tol;
}

}  // namespace dilemma

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

namespace detail {

/// log k! for k = 0..n, by summing logs (no factorials, no overflow).
inline std::vector<double> log_factorials(std::size_t n) {
  std::vector<double> table(n + 1, 0.0);
  for (std::size_t k = 2; k <= n; ++k) table[k] = table[k - 1] + std::log(double(k));
  return table;
}

/// Calls visit(m, w) for the count vectors m of `total` players who each
/// draw an action from x, with their multinomial probability w, skipping the
/// count vectors whose probability is negligible: each count m_b stays
/// within 10 standard deviations plus 25 of its mean (the margin keeps the
/// heavier, Poisson-like tails of rare actions: the mass left out is far
/// below 1e-20). Weights come from log factorials, so any total is safe.
/// Cost: about prod_b (2 k sigma_b) vectors instead of C(total+s-1, s-1).
template <class Visit>
void for_each_likely_count(std::size_t total, const std::vector<double>& x, const std::vector<double>& log_factorial,
                           Visit&& visit) {
  constexpr double kWindowSigmas = 10.0, kWindowMargin = 25.0;
  const std::size_t s = x.size();
  std::vector<std::size_t> low(s), high(s);
  std::vector<double> log_x(s);
  for (std::size_t b = 0; b < s; ++b) {
    const double mean = double(total) * x[b], sigma = std::sqrt(std::max(0.0, double(total) * x[b] * (1 - x[b])));
    const double spread = kWindowSigmas * sigma + kWindowMargin;
    low[b] = x[b] <= 0 ? 0 : static_cast<std::size_t>(std::max(0.0, std::floor(mean - spread)));
    high[b] = x[b] <= 0 ? 0 : static_cast<std::size_t>(std::min(double(total), std::ceil(mean + spread)));
    log_x[b] = x[b] > 0 ? std::log(x[b]) : -HUGE_VAL;
  }
  Counts m(low.begin(), low.end());
  for (;;) {
    std::size_t used = 0;
    for (std::size_t b = 0; b + 1 < s; ++b) used += m[b];
    if (used <= total) {
      m[s - 1] = total - used;
      if (m[s - 1] >= low[s - 1] && m[s - 1] <= high[s - 1]) {
        double log_weight = log_factorial[total];
        for (std::size_t b = 0; b < s; ++b)
          if (m[b] > 0) log_weight += double(m[b]) * log_x[b] - log_factorial[m[b]];
        const double weight = std::exp(log_weight);
        if (weight > 0) visit(static_cast<const Counts&>(m), weight);
      }
    }
    // Odometer over the box of the first s - 1 counts, last one fastest.
    std::size_t b = s - 1;
    while (b-- > 0) {
      if (m[b] < high[b]) {
        ++m[b];
        break;
      }
      m[b] = low[b];
    }
    if (b == std::size_t(-1)) return;
  }
}

}  // namespace detail

/// U(a; x) = sum over the others' count vectors m of
/// Mult(n-1; m) prod_b x_b^{m_b} u(a, m), for every action a: the expected
/// payoff of action a when the n - 1 others each mix with x. Only count
/// vectors of non-negligible probability are visited (see
/// detail::for_each_likely_count): O(s * prod_b sigma_b) payoff evaluations,
/// about s (20 sqrt(n))^(s-1), instead of s * C(n+s-2, s-1).
inline std::vector<double> action_payoffs(const SymmetricGame& game, const std::vector<double>& x) {
  detail::validate_symmetric_strategy("action_payoffs", game, x);
  const std::size_t s = game.num_actions(), others = game.num_players() - 1;
  const std::vector<double> log_factorial = detail::log_factorials(others);
  std::vector<double> values(s, 0.0);
  detail::for_each_likely_count(others, x, log_factorial, [&](const Counts& m, double weight) {
    for (std::size_t a = 0; a < s; ++a) values[a] += weight * game.payoff_at(a, m);
  });
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

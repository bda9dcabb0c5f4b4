// Expected payoffs when every player of a symmetric game mixes the same way.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
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
  // The rounding of the sum itself (m * epsilon) is allowed on top of tol.
  const double slack = tol + double(x.size()) * std::numeric_limits<double>::epsilon();
  if (std::abs(sum - 1.0) > slack) detail::fail(function, "probabilities sum to ", sum, ", not 1");
}

}  // namespace detail

/// x checked with the tolerance of profiles as people write them (sum within
/// kProfileSumTolerance of 1) and normalized: what every function taking a
/// symmetric strategy computes with. Complexity: O(s).
inline std::vector<double> normalized_strategy(const char* function, const SymmetricGame& game,
                                               std::vector<double> x) {
  detail::validate_symmetric_strategy(function, game, x, kProfileSumTolerance);
  detail::normalize_strategy(x);
  return x;
}

namespace detail {

/// log k! for k = 0..n, by summing logs (no factorials, no overflow).
inline std::vector<double> log_factorials(std::size_t n) {
  std::vector<double> table(n + 1, 0.0);
  for (std::size_t k = 2; k <= n; ++k) table[k] = table[k - 1] + std::log(double(k));
  return table;
}

/// The multinomial distribution of the count vector of `total` players who
/// each draw an action from x, as a chain of binomials: m_0 ~ Bin(total, q_0),
/// then m_1 ~ Bin(total - m_0, q_1), ..., with q_b = x_b / (x_b + ... + x_{s-1});
/// the last count takes the rest. Each level walks outward from its mode with
/// the ratio recurrence of binomial probabilities (no exp per vector) and
/// stops where the marginal probability falls below kNegligible times the
/// largest one: the visited vectors are a level set of the distribution
/// (an ellipsoid of about 8.6 standard deviations), and the mass left out is
/// about kNegligible.
class LikelyCounts {
 public:
  static constexpr double kNegligible = 1e-16;

  LikelyCounts(std::size_t total, const std::vector<double>& x, const std::vector<double>& log_factorial)
      : total_(total), s_(x.size()), q_(x.size()), floor_(x.size()), log_factorial_(log_factorial) {
    double rest = 1.0;  // x_b + ... + x_{s-1}, as a running difference
    for (std::size_t b = 0; b < s_; ++b) {
      q_[b] = rest > 0 ? std::clamp(x[b] / rest, 0.0, 1.0) : 0.0;
      rest = std::max(0.0, rest - x[b]);
    }
    // The most likely path: each count at its conditional mode.
    double weight = 1.0;
    std::size_t remaining = total;
    for (std::size_t b = 0; b + 1 < s_; ++b) {
      const std::size_t mode = binomial_mode(remaining, q_[b]);
      weight *= binomial_pmf(remaining, mode, q_[b]);
      floor_[b] = kNegligible * weight;
      remaining -= mode;
    }
  }

  /// Calls visit(m, w) for every likely count vector m, w its probability
  /// (millions for 10^5 players and a few actions: every kRowsPerCheckpoint
  /// of them a checkpoint).
  template <class Visit>
  void for_each(Visit&& visit) const {
    Counts m(s_, 0);
    std::size_t visited = 0;
    walk(0, total_, 1.0, m, visit, visited);
  }

 private:
  static std::size_t binomial_mode(std::size_t trials, double q) {
    return std::min(trials, static_cast<std::size_t>(std::floor(double(trials + 1) * q)));
  }
  double binomial_pmf(std::size_t trials, std::size_t k, double q) const {
    if (q <= 0) return k == 0 ? 1.0 : 0.0;
    if (q >= 1) return k == trials ? 1.0 : 0.0;
    return std::exp(log_factorial_[trials] - log_factorial_[k] - log_factorial_[trials - k] + double(k) * std::log(q) +
                    double(trials - k) * std::log1p(-q));
  }
  // Level b: m_b ~ Bin(remaining, q_b) given the counts before b, whose
  // probability is `weight`.
  template <class Visit>
  void walk(std::size_t b, std::size_t remaining, double weight, Counts& m, Visit& visit, std::size_t& visited) const {
    if (b + 1 == s_) {
      if (++visited % kRowsPerCheckpoint == 0) checkpoint(current_solver("action_payoffs"));
      m[b] = remaining;
      visit(static_cast<const Counts&>(m), weight);
      return;
    }
    const double q = q_[b];
    const std::size_t mode = binomial_mode(remaining, q);
    const double at_mode = binomial_pmf(remaining, mode, q);
    if (q <= 0 || q >= 1) {  // a point mass
      m[b] = mode;
      walk(b + 1, remaining - mode, weight, m, visit, visited);
      return;
    }
    const double odds = q / (1 - q);
    double p = at_mode;
    for (std::size_t k = mode; k <= remaining && weight * p >= floor_[b]; ++k) {  // upward
      m[b] = k;
      walk(b + 1, remaining - k, weight * p, m, visit, visited);
      p *= double(remaining - k) / double(k + 1) * odds;
    }
    p = at_mode;
    for (std::size_t k = mode; k > 0;) {  // downward
      p *= double(k) / double(remaining - k + 1) / odds;
      --k;
      if (weight * p < floor_[b]) break;
      m[b] = k;
      walk(b + 1, remaining - k, weight * p, m, visit, visited);
    }
  }

  std::size_t total_, s_;
  std::vector<double> q_;      // conditional probabilities of the chain
  std::vector<double> floor_;  // per level: the smallest marginal probability kept
  const std::vector<double>& log_factorial_;
};

}  // namespace detail

namespace detail {

/// h with U(a; x) = 2 (h[a] + half_offset) for every action a (see
/// action_payoffs). The first payoff read, c, is subtracted before the
/// weighted sum, so that differences between actions survive payoffs near
/// 2^53; both are halved first, so that no difference overflows whatever the
/// payoffs (+-1.7e308). half_offset is c / 2 times the probability mass
/// visited, so U is restored exactly (in exact arithmetic) even where
/// negligible count vectors were skipped. Differences of U are 2 (h[a] - h[b]).
inline std::vector<double> halved_action_payoffs(const SymmetricGame& game, const std::vector<double>& given,
                                                 const char* function, double& half_offset) {
  const std::vector<double> x = normalized_strategy(function, game, given);
  const std::size_t s = game.num_actions(), others = game.num_players() - 1;
  const std::vector<double> log_factorial = log_factorials(others);
  std::vector<double> half(s, 0.0);
  double half_first = 0, visited = 0;
  bool first = true;
  LikelyCounts(others, x, log_factorial).for_each([&](const Counts& m, double weight) {
    if (first) half_first = game.payoff_at(0, m) / 2, first = false;
    for (std::size_t a = 0; a < s; ++a) half[a] += weight * (game.payoff_at(a, m) / 2 - half_first);
    visited += weight;
  });
  half_offset = half_first * visited;
  return half;
}

}  // namespace detail

/// U(a; x) = sum over the others' count vectors m of
/// Mult(n-1; m) prod_b x_b^{m_b} u(a, m), for every action a: the expected
/// payoff of action a when the n - 1 others each mix with x. Only count
/// vectors of non-negligible probability are visited (see
/// detail::LikelyCounts).
/// Complexity: s * K payoff evaluations (each O(s) from a table, for the
/// rank) plus O(n) time and memory for a table of log-factorials, where
/// K = O(n^((s-1)/2)) is the number of likely count vectors, at most
/// C(n + s - 2, s - 1), for n players and s actions.
inline std::vector<double> action_payoffs(const SymmetricGame& game, const std::vector<double>& x) {
  double half_offset = 0;
  std::vector<double> values = detail::halved_action_payoffs(game, x, "action_payoffs", half_offset);
  for (double& value : values) value = 2 * (value + half_offset);
  return values;
}

/// Expected payoff of a player when everybody mixes with x.
/// Complexity: as action_payoffs, s * K payoff evaluations plus O(n).
inline double expected_payoff(const SymmetricGame& game, const std::vector<double>& x) {
  double half_offset = 0;
  const std::vector<double> half = detail::halved_action_payoffs(game, x, "expected_payoff", half_offset);
  return 2 * (detail::dot(x, half) + half_offset * detail::sum_of(x));
}

/// Gain from the best deviation when everybody mixes with x.
/// Complexity: as action_payoffs, s * K payoff evaluations plus O(n).
inline double regret(const SymmetricGame& game, const std::vector<double>& x) {
  double half_offset = 0;
  const std::vector<double> half = detail::halved_action_payoffs(game, x, "regret", half_offset);
  return 2 * std::max(0.0, detail::max_of(half) - detail::dot(x, half));
}

/// True when the symmetric profile "everybody mixes with x" is a Nash
/// equilibrium within tol * payoff_range(game), the unit of every solver.
/// Complexity: as regret, s * K payoff evaluations plus O(n), and s * C for
/// the payoff range when the regret is not 0 (C = num_count_vectors()). \sa regret
inline bool is_nash(const SymmetricGame& game, const std::vector<double>& x, double tol = kNashTolerance) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("is_nash", "tol must be finite and >= 0, got ", tol);
  const double r = regret(game, x);  // the range (s * C payoffs) only when r > 0
  return r <= 0 || (tol > 0 && r <= tol * payoff_range(game));
}

}  // namespace dilemma

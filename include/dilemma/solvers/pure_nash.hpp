// All pure Nash equilibria of a dense game.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "dilemma/core/monitor.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma {

namespace detail {

/// Clears is_candidate at every profile where player i is not best
/// responding: one sequential pass over i's tensor computing i's
/// best-response value against every opponents' profile.
template <class Scalar>
void strike_non_best_responses(const BasicNormalFormGame<Scalar>& game, std::size_t i,
                               const Scalar& tol, std::vector<std::uint8_t>& is_candidate,
                               std::vector<Scalar>& best) {
  const Scalar* u = game.payoffs(i);
  const std::size_t stride = game.strides()[i];
  const std::size_t m = game.nums_actions()[i];
  const std::size_t block = m * stride;
  best.resize(stride);
  // Each block holds every action of player i against `stride` opponent profiles.
  for (std::size_t start = 0; start < game.num_profiles(); start += block) {
    if (stride == 1) {  // the last player: actions are adjacent
      Scalar top = u[start];
      for (std::size_t a = 1; a < m; ++a) top = std::max(top, u[start + a]);
      for (std::size_t a = 0; a < m; ++a)
        if (top - u[start + a] > tol) is_candidate[start + a] = 0;
      continue;
    }
    std::copy(u + start, u + start + stride, best.begin());
    for (std::size_t a = 1; a < m; ++a) {
      const Scalar* row = u + start + a * stride;
      for (std::size_t r = 0; r < stride; ++r) best[r] = std::max(best[r], row[r]);
    }
    for (std::size_t a = 0; a < m; ++a) {
      const Scalar* row = u + start + a * stride;
      std::uint8_t* keep = is_candidate.data() + start + a * stride;
      for (std::size_t r = 0; r < stride; ++r) keep[r] &= static_cast<std::uint8_t>(best[r] - row[r] <= tol);
    }
  }
}

/// True when player i cannot gain more than tol by deviating at profile `index`.
template <class Scalar>
bool is_best_response_at(const BasicNormalFormGame<Scalar>& game, std::size_t i, std::size_t index,
                         const Scalar& tol) {
  const Scalar* u = game.payoffs(i);
  const std::size_t stride = game.strides()[i];
  const std::size_t m = game.nums_actions()[i];
  const std::size_t base = index - (index / stride % m) * stride;
  for (std::size_t a = 0; a < m; ++a)
    if (u[base + a * stride] - u[index] > tol) return false;
  return true;
}

/// Flat C-order indices of all pure Nash equilibria, ascending.
///
/// A profile is an equilibrium when no player gains more than `gain` (an absolute payoff) by a
/// unilateral deviation, best - u <= gain, the same test as is_nash (`gain` = 0:
/// exact comparison, ties are equilibria).
/// One pass per player over its tensor computes the best-response value for
/// every opponents' profile and strikes out the profiles below it. Once the
/// surviving profiles are few enough that checking their deviations directly
/// is cheaper than the remaining passes, the remaining players are checked on
/// the survivors only (random games: about 1/m of profiles survive a pass).
/// Complexity: O(n * P) time for n players and P = num_profiles() profiles;
/// P bytes plus O(P / m_0) payoffs of extra memory.
/// \sa pure_nash, pure_nash_brute
template <class Scalar>
std::vector<std::size_t> pure_nash_indices(const BasicNormalFormGame<Scalar>& game, const Scalar& tol) {
  const std::size_t num_profiles = game.num_profiles();
  const std::size_t n = game.num_players();
  std::vector<std::uint8_t> is_candidate(num_profiles, 1);
  std::vector<Scalar> best;
  std::size_t next = 0;
  while (next < n) {
    detail::checkpoint("pure_nash", static_cast<double>(next), static_cast<double>(n));
    detail::strike_non_best_responses(game, next++, tol, is_candidate, best);
    if (next == n) break;
    std::size_t survivors = 0;
    for (std::uint8_t keep : is_candidate) survivors += keep;
    std::size_t remaining_checks = 0;  // deviations to test if we switch now
    for (std::size_t j = next; j < n; ++j) remaining_checks += survivors * game.nums_actions()[j];
    if (remaining_checks * 4 < (n - next) * num_profiles) break;  // random access costs ~4x
  }
  std::vector<std::size_t> equilibria;
  for (std::size_t index = 0; index < num_profiles; ++index) {
    if (!is_candidate[index]) continue;
    bool stable = true;
    for (std::size_t j = next; stable && j < n; ++j)
      stable = detail::is_best_response_at(game, j, index, tol);
    if (stable) equilibria.push_back(index);
  }
  return equilibria;
}

}  // namespace detail

/// Options of pure_nash and pure_nash_brute.
struct PureNashOptions {
  /// A profile is an equilibrium when no deviation gains more than
  /// tol * payoff_range(game) (0: exact comparison, ties are equilibria).
  double tol = 0.0;
  static constexpr auto fields() {
    return std::make_tuple(option("tol", &PureNashOptions::tol,
                                  "No deviation may gain more than tol times the payoff range (0: exact)."));
  }
};

namespace detail {

/// options.tol as an absolute gain in the game's payoffs, checked.
template <class Scalar>
Scalar pure_nash_gain(const char* function, const BasicNormalFormGame<Scalar>& game, const PureNashOptions& options) {
  if (!std::isfinite(options.tol) || options.tol < 0) fail(function, "tol must be finite and >= 0, got ", options.tol);
  return options.tol == 0 ? Scalar(0) : Scalar(options.tol) * payoff_range(game);
}

template <class Scalar>
Equilibria<PureProfile> pure_profiles(const char* method, const BasicNormalFormGame<Scalar>& game,
                                      const std::vector<std::size_t>& indices, const Visitor<PureProfile>& visit) {
  Equilibria<PureProfile> result;
  for (std::size_t index : indices) {
    if (visit)
      visit(game.profile_at(index));
    else
      result.push_back(game.profile_at(index));
  }
  result.report = {method, true, true, game.num_profiles(), "every profile checked"};
  return result;
}

}  // namespace detail

/// All pure Nash equilibria by the textbook method (QuantEcon's
/// pure_nash_brute): every profile, every player, every deviation. The
/// same set as pure_nash; kept as an independent reference for tests and
/// benchmarks. The report as pure_nash's.
/// Complexity: O(P * sum_i m_i) time in the worst case (a profile is left at
/// its first profitable deviation), O(n) extra memory besides the result.
template <class Scalar>
Equilibria<PureProfile> pure_nash_brute(const BasicNormalFormGame<Scalar>& game, const PureNashOptions& options = {}) {
  const Scalar tol = detail::pure_nash_gain("pure_nash_brute", game, options);
  std::vector<std::size_t> equilibria;
  PureProfile profile(game.num_players(), 0);
  std::size_t index = 0;
  do {
    bool stable = true;
    for (std::size_t i = 0; stable && i < game.num_players(); ++i) {
      const Scalar* u = game.payoffs(i);
      const std::size_t base = index - profile[i] * game.strides()[i];
      for (std::size_t a = 0; stable && a < game.nums_actions()[i]; ++a)
        stable = u[base + a * game.strides()[i]] - u[index] <= tol;
    }
    if (stable) equilibria.push_back(index);
    ++index;
  } while (game.advance(profile));
  return detail::pure_profiles("pure_nash_brute", game, equilibria, {});
}

/// All pure Nash equilibria as action profiles, in C order (last player's
/// action fastest), by the pass-per-player method of
/// detail::pure_nash_indices. With `visit`, each is handed to it and none
/// is kept. The report: exhaustive and converged, num_iter the profiles
/// checked (num_profiles()).
/// Complexity: O(n * P) time, plus O(n) per equilibrium found.
template <class Scalar>
Equilibria<PureProfile> pure_nash(const BasicNormalFormGame<Scalar>& game, const PureNashOptions& options = {},
                                  const Visitor<PureProfile>& visit = {}) {
  const Scalar tol = detail::pure_nash_gain("pure_nash", game, options);
  return detail::pure_profiles("pure_nash", game, detail::pure_nash_indices(game, tol), visit);
}

}  // namespace dilemma

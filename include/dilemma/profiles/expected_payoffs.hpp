// Expected payoffs, best responses and regret of pure and mixed profiles.
#pragma once

#include <algorithm>
#include <type_traits>
#include <utility>
#include <vector>

#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/profiles/mixed_profile.hpp"

namespace dilemma {

/// Per player, per action: the payoff vectors u_i(a, x_{-i}).
template <class Scalar>
using ActionPayoffs = std::vector<std::vector<Scalar>>;

namespace detail {

/// Contracts player `i`'s tensor, minus `offset`, with the other players'
/// strategies, leaving the vector over i's own actions. Leading axes first (a
/// zero probability skips a whole block), then trailing axes; each step reads
/// its input once, so the cost is about P * (1 + 1/m + 1/m^2 + ...). The
/// offset is subtracted as the payoffs are first read, so it costs nothing.
template <class Scalar>
std::vector<Scalar> contract_except(const BasicNormalFormGame<Scalar>& game,
                                    const BasicMixedProfile<Scalar>& profile, std::size_t i,
                                    const Scalar& offset = Scalar(0)) {
  const auto& m = game.nums_actions();
  const std::size_t n = game.num_players();
  const Scalar* source = game.payoffs(i);
  Scalar shift = offset;  // applies to the payoffs only, not to the partial sums
  std::size_t size = game.num_profiles();
  std::vector<Scalar> buffer, next;
  for (std::size_t j = 0; j < i; ++j) {
    const std::size_t rest = size / m[j];
    next.assign(rest, Scalar(0));
    for (std::size_t a = 0; a < m[j]; ++a) {
      const Scalar p = profile[j][a];
      if (p == Scalar(0)) continue;
      const Scalar* block = source + a * rest;
      for (std::size_t r = 0; r < rest; ++r) next[r] += p * (block[r] - shift);
    }
    buffer.swap(next);
    source = buffer.data();
    size = rest;
    shift = Scalar(0);
  }
  for (std::size_t j = n; j-- > i + 1;) {
    const std::size_t rest = size / m[j];
    next.assign(rest, Scalar(0));
    const auto& x = profile[j];
    for (std::size_t r = 0; r < rest; ++r) {
      const Scalar* row = source + r * m[j];
      Scalar sum(0);
      for (std::size_t a = 0; a < m[j]; ++a) sum += x[a] * (row[a] - shift);
      next[r] = sum;
    }
    buffer.swap(next);
    source = buffer.data();
    size = rest;
    shift = Scalar(0);
  }
  std::vector<Scalar> result(source, source + size);
  for (Scalar& value : result) value -= shift;  // no other player: nothing was contracted
  return result;
}

/// Per player: u_i(a, x_{-i}) minus an offset, and the offsets. The offset
/// c_i = payoff_midpoint(game, i) is subtracted from the payoffs before they
/// are weighted and summed, so that differences between actions are kept
/// where the payoffs themselves are large (integers near 2^53); the offset
/// returned is c_i times the others' total probability (1 up to rounding),
/// what adding back restores u_i(a, x_{-i}) exactly in exact arithmetic.
template <class Scalar>
std::pair<ActionPayoffs<Scalar>, std::vector<Scalar>> centered_action_payoffs(
    const BasicNormalFormGame<Scalar>& game, const BasicMixedProfile<Scalar>& given, const char* function) {
  const BasicMixedProfile<Scalar> profile = normalized_profile(function, game, given);
  ActionPayoffs<Scalar> values(game.num_players());
  std::vector<Scalar> offsets(game.num_players());
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    const Scalar midpoint = payoff_midpoint(game, i);
    values[i] = contract_except(game, profile, i, midpoint);
    offsets[i] = midpoint;
    for (std::size_t j = 0; j < game.num_players(); ++j)
      if (j != i) offsets[i] *= sum_of(profile[j]);
  }
  return {std::move(values), std::move(offsets)};
}

}  // namespace detail

/// u_i(a, x_{-i}) for every player i and action a. Each player's tensor is
/// read once (zero probabilities skip whole blocks). Validates the profile.
/// Complexity: O(n * P) time for n players and P = num_profiles() profiles,
/// O(P) extra memory (the partial contractions).
template <class Scalar>
ActionPayoffs<Scalar> action_payoffs(const BasicNormalFormGame<Scalar>& game,
                                     const BasicMixedProfile<Scalar>& profile) {
  auto [values, offsets] = detail::centered_action_payoffs(game, profile, "action_payoffs");
  for (std::size_t i = 0; i < values.size(); ++i)
    for (Scalar& value : values[i]) value += offsets[i];
  return values;
}

/// u_i(a, a_{-i}) for every player i and action a at a pure profile.
/// Complexity: O(sum_i m_i) time and memory for m_i actions of player i.
template <class Scalar>
ActionPayoffs<Scalar> action_payoffs(const BasicNormalFormGame<Scalar>& game,
                                     const PureProfile& profile) {
  const std::size_t index = game.profile_index(profile, "action_payoffs");
  ActionPayoffs<Scalar> values(game.num_players());
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    const std::size_t stride = game.strides()[i];
    const std::size_t base = index - profile[i] * stride;
    const Scalar* u = game.payoffs(i);
    values[i].resize(game.nums_actions()[i]);
    for (std::size_t a = 0; a < values[i].size(); ++a) values[i][a] = u[base + a * stride];
  }
  return values;
}

/// Expected payoff of every player under a mixed profile.
/// Complexity: O(n * P) time, O(P) extra memory (as action_payoffs).
template <class Scalar>
std::vector<Scalar> expected_payoffs(const BasicNormalFormGame<Scalar>& game,
                                     const BasicMixedProfile<Scalar>& profile) {
  const auto [values, offsets] = detail::centered_action_payoffs(game, profile, "expected_payoffs");
  std::vector<Scalar> result(game.num_players());
  for (std::size_t i = 0; i < result.size(); ++i)
    result[i] = detail::dot(values[i], profile[i]) + offsets[i] * detail::sum_of(profile[i]);
  return result;
}

/// Actions of `player` whose payoff against the others' strategies in
/// `profile` is within `tol` of the best (ascending).
/// Complexity: that of action_payoffs on `profile`: O(n * P) for a mixed
/// profile, O(sum_i m_i) for a pure one. \sa regrets
template <class Scalar, class Profile>
std::vector<std::size_t> best_responses(const BasicNormalFormGame<Scalar>& game,
                                        const Profile& profile, std::size_t player,
                                        const typename BasicNormalFormGame<Scalar>::scalar_type& tol =
                                            Scalar(0)) {
  if (!is_finite_scalar(tol) || tol < Scalar(0))
    detail::fail("best_responses", "tol must be finite and >= 0, got ", tol);
  if (player >= game.num_players())
    detail::fail("best_responses", "player ", player, " is out of range; the game has ",
                 game.num_players(), " players");
  const std::vector<Scalar> values = [&] {  // differences matter: centered for a mixed profile
    if constexpr (std::is_same_v<Profile, PureProfile>) return action_payoffs(game, profile)[player];
    else return detail::centered_action_payoffs(game, profile, "best_responses").first[player];
  }();
  const Scalar best = detail::max_of(values);
  std::vector<std::size_t> actions;
  for (std::size_t a = 0; a < values.size(); ++a)
    if (best - values[a] <= tol) actions.push_back(a);
  return actions;
}

namespace detail {

template <class Scalar>
std::vector<Scalar> mixed_regrets(const BasicNormalFormGame<Scalar>& game, const BasicMixedProfile<Scalar>& profile,
                                  const char* function) {
  const ActionPayoffs<Scalar> values = centered_action_payoffs(game, profile, function).first;
  std::vector<Scalar> result(game.num_players());
  for (std::size_t i = 0; i < result.size(); ++i)
    result[i] = std::max(Scalar(0), max_of(values[i]) - dot(values[i], profile[i]));
  return result;
}

}  // namespace detail

/// Per player: best action payoff minus the player's own payoff (>= 0).
/// Complexity: O(n * P) time, O(P) extra memory.
template <class Scalar>
std::vector<Scalar> regrets(const BasicNormalFormGame<Scalar>& game,
                            const BasicMixedProfile<Scalar>& profile) {
  return detail::mixed_regrets(game, profile, "regrets");
}

/// As above, at a pure profile. Complexity: O(sum_i m_i) time and memory.
template <class Scalar>
std::vector<Scalar> regrets(const BasicNormalFormGame<Scalar>& game, const PureProfile& profile) {
  const ActionPayoffs<Scalar> values = action_payoffs(game, profile);
  std::vector<Scalar> result(game.num_players());
  for (std::size_t i = 0; i < result.size(); ++i)
    result[i] = detail::max_of(values[i]) - values[i][profile[i]];
  return result;
}

/// The largest gain any player has from a unilateral deviation.
/// Complexity: as regrets: O(n * P) for a mixed profile, O(sum_i m_i) for a pure one.
template <class Scalar, class Profile>
Scalar regret(const BasicNormalFormGame<Scalar>& game, const Profile& profile) {
  if constexpr (std::is_same_v<Profile, PureProfile>) return detail::max_of(regrets(game, profile));
  else return detail::max_of(detail::mixed_regrets(game, profile, "regret"));
}

/// True when no player gains more than tol * payoff_range(game) by
/// deviating, the tolerance unit of every solver (see solvers/solver.hpp).
/// Complexity: as regret: O(n * P) for a mixed profile, O(sum_i m_i) for a
/// pure one, plus O(n * P) for the payoff range when the regret is not 0.
/// \sa regret, best_responses, payoff_range
template <class Scalar, class Profile>
bool is_nash(const BasicNormalFormGame<Scalar>& game, const Profile& profile,
             const typename BasicNormalFormGame<Scalar>::scalar_type& tol = Scalar(kNashTolerance)) {
  if (!is_finite_scalar(tol) || tol < Scalar(0))
    detail::fail("is_nash", "tol must be finite and >= 0, got ", tol);
  const Scalar r = regret(game, profile);  // the range is only needed when r > 0
  return r <= Scalar(0) || (tol > Scalar(0) && r <= Scalar(tol * payoff_range(game)));
}

}  // namespace dilemma

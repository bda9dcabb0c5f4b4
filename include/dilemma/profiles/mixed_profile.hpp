// Mixed strategy profiles: one probability vector per player.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "dilemma/games/normal_form_game.hpp"

namespace dilemma {

/// profile[i][a] is the probability that player i plays action a.
template <class Scalar>
using BasicMixedProfile = std::vector<std::vector<Scalar>>;
using MixedProfile = BasicMixedProfile<double>;

/// Default tolerance on a probability vector's sum and on negative entries.
inline constexpr double kProbabilityTolerance = 1e-9;

/// A probability vector may sum to 1 within this much (relative), and an
/// entry may be this far below 0, as profiles printed with six decimals
/// (Gambit's NE,0.333333,...) are: it is then clipped and normalized.
inline constexpr double kProfileSumTolerance = 1e-6;

/// Default tolerance of is_nash: regret at most 1e-8 times the payoff range.
inline constexpr double kNashTolerance = 1e-8;

namespace detail {

template <class Scalar>
Scalar dot(const std::vector<Scalar>& a, const std::vector<Scalar>& b) {
  Scalar sum(0);
  for (std::size_t k = 0; k < a.size(); ++k) sum += a[k] * b[k];
  return sum;
}

template <class Scalar>
Scalar sum_of(const std::vector<Scalar>& values) {
  Scalar sum(0);
  for (const Scalar& value : values) sum += value;
  return sum;
}

template <class Scalar>
Scalar max_of(const std::vector<Scalar>& values) {
  return *std::max_element(values.begin(), values.end());
}

}  // namespace detail

/// Throws unless `profile` has one probability vector per player of the right
/// length, with finite entries >= -tol summing to 1 within tol.
/// Complexity: O(sum_i m_i) time for m_i actions of player i, O(1) extra memory.
template <class Scalar>
void validate_mixed_profile(const char* function, const BasicNormalFormGame<Scalar>& game,
                            const BasicMixedProfile<Scalar>& profile,
                            double tol = kProbabilityTolerance) {
  if (profile.size() != game.num_players())
    detail::fail(function, "mixed profile has ", profile.size(), " strategies, the game has ",
                 game.num_players(), " players");
  for (std::size_t i = 0; i < profile.size(); ++i) {
    const auto& x = profile[i];
    if (x.size() != game.nums_actions()[i])
      detail::fail(function, "strategy of player ", i, " has ", x.size(),
                   " probabilities, the player has ", game.nums_actions()[i], " actions");
    Scalar sum(0);
    for (std::size_t a = 0; a < x.size(); ++a) {
      if (!is_finite_scalar(x[a]) || x[a] < Scalar(-tol))
        detail::fail(function, "probability of action ", a, " of player ", i, " is ", x[a],
                     "; probabilities must be finite and nonnegative");
      sum += x[a];
    }
    // The rounding of the sum itself (m * epsilon) is allowed on top of tol.
    const double slack = tol + double(x.size()) * std::numeric_limits<double>::epsilon();
    if (sum > Scalar(1 + slack) || sum < Scalar(1 - slack))
      detail::fail(function, "probabilities of player ", i, " sum to ", sum, ", not 1");
  }
}

namespace detail {

/// One probability vector divided by its sum, negative entries (at most
/// kProfileSumTolerance, as validated) set to 0 first.
template <class Scalar>
void normalize_strategy(std::vector<Scalar>& x) {
  Scalar sum(0);
  for (Scalar& p : x) {
    if (p < Scalar(0)) p = Scalar(0);
    sum += p;
  }
  if (sum != Scalar(1))
    for (Scalar& p : x) p /= sum;
}

}  // namespace detail

/// `profile` checked with the tolerance of profiles as people write them
/// (sums within kProfileSumTolerance of 1) and normalized: what every
/// function taking a mixed profile computes with.
/// Complexity: O(sum_i m_i) time and memory.
template <class Scalar>
BasicMixedProfile<Scalar> normalized_profile(const char* function, const BasicNormalFormGame<Scalar>& game,
                                             BasicMixedProfile<Scalar> profile) {
  validate_mixed_profile(function, game, profile, kProfileSumTolerance);
  for (auto& x : profile) detail::normalize_strategy(x);
  return profile;
}

/// The profile in which every player plays a pure action with probability 1.
/// Complexity: O(sum_i m_i) time and memory. \sa uniform_profile
template <class Scalar = double>
BasicMixedProfile<Scalar> to_mixed(const BasicNormalFormGame<Scalar>& game,
                                   const PureProfile& profile) {
  game.profile_index(profile, "to_mixed");
  BasicMixedProfile<Scalar> mixed(game.num_players());
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    mixed[i].assign(game.nums_actions()[i], Scalar(0));
    mixed[i][profile[i]] = Scalar(1);
  }
  return mixed;
}

/// Every player mixes uniformly over all actions.
/// Complexity: O(sum_i m_i) time and memory.
template <class Scalar>
BasicMixedProfile<Scalar> uniform_profile(const BasicNormalFormGame<Scalar>& game) {
  BasicMixedProfile<Scalar> mixed(game.num_players());
  for (std::size_t i = 0; i < game.num_players(); ++i)
    mixed[i].assign(game.nums_actions()[i], Scalar(1) / Scalar(game.nums_actions()[i]));
  return mixed;
}

}  // namespace dilemma

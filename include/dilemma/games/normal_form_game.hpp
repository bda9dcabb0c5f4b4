// Dense n-player normal-form games.
//
// Layout: player i's payoffs are one flat C-order tensor over the joint
// profile (a_0, ..., a_{n-1}); the last player's action varies fastest, so
// profile (a_0, ..., a_{n-1}) sits at index sum_j a_j * stride_j with
// stride_j = prod_{k > j} m_k. The tensors of all players are stored one
// after the other (player-major) in a single buffer.
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "dilemma/core/errors.hpp"
#include "dilemma/core/scalar.hpp"
#include "dilemma/core/shape.hpp"

namespace dilemma {

/// One action index per player.
using PureProfile = std::vector<std::size_t>;

/// A dense normal-form game with payoffs of type Scalar.
///
/// \code
/// dilemma::NormalFormGame game({2, 2});
/// game.set_payoffs({0, 1}, {0.0, 5.0});
/// \endcode
template <class Scalar>
class BasicNormalFormGame {
 public:
  using scalar_type = Scalar;

  /// A game with the given action counts and all payoffs zero; throws when
  /// the payoffs would not fit in the memory available.
  /// Complexity: O(n * P + sum_i m_i) time and memory for n players with m_i
  /// actions and P = prod_i m_i profiles.
  explicit BasicNormalFormGame(std::vector<std::size_t> nums_actions)
      : nums_actions_(std::move(nums_actions)),
        num_profiles_(detail::checked_num_profiles("NormalFormGame", nums_actions_)),
        strides_(detail::c_order_strides(nums_actions_)) {
    detail::check_fits_in_memory("NormalFormGame", num_profiles_,
                                 nums_actions_.size() * sizeof(Scalar),
                                 "a dense game with action counts " +
                                     detail::format_tuple(nums_actions_));
    payoffs_.assign(num_profiles_ * nums_actions_.size(), Scalar(0));
    set_default_labels();
  }

  /// A game from all payoffs, player-major: entries [i*P, (i+1)*P) are
  /// player i's C-order tensor, P = num_profiles().
  /// Complexity: O(n * P + sum_i m_i) time (every payoff is checked finite);
  /// the payoffs are moved in, O(sum_i m_i) extra memory for the labels.
  BasicNormalFormGame(std::vector<std::size_t> nums_actions, std::vector<Scalar> payoffs)
      : nums_actions_(std::move(nums_actions)),
        num_profiles_(detail::checked_num_profiles("NormalFormGame", nums_actions_)),
        strides_(detail::c_order_strides(nums_actions_)),
        payoffs_(std::move(payoffs)) {
    const long double expected = static_cast<long double>(num_profiles_) * nums_actions_.size();
    if (static_cast<long double>(payoffs_.size()) != expected)
      detail::fail("NormalFormGame", "expected ", static_cast<double>(expected),
                   " payoffs for action counts ", detail::format_tuple(nums_actions_), " and ",
                   nums_actions_.size(), " players, got ", payoffs_.size());
    for (std::size_t k = 0; k < payoffs_.size(); ++k)
      if (!is_finite_scalar(payoffs_[k]))
        detail::fail("NormalFormGame", "payoff of player ", k / num_profiles_, " at profile ",
                     detail::format_tuple(profile_at(k % num_profiles_)), " is ", payoffs_[k],
                     "; payoffs must be finite");
    set_default_labels();
  }

  /// A game whose payoffs are payoff_function(profile) -> n payoffs,
  /// called once per joint profile in C order.
  /// Complexity: P calls of payoff_function plus O(n * P) time, O(n * P) memory.
  template <class PayoffFunction>
  static BasicNormalFormGame from_function(std::vector<std::size_t> nums_actions,
                                           PayoffFunction&& payoff_function) {
    BasicNormalFormGame game(std::move(nums_actions));
    PureProfile profile(game.num_players(), 0);
    for (std::size_t index = 0; index < game.num_profiles_; ++index) {
      game.set_payoffs(profile, payoff_function(static_cast<const PureProfile&>(profile)),
                       "NormalFormGame.from_function");
      game.advance(profile);
    }
    return game;
  }

  std::size_t num_players() const noexcept { return nums_actions_.size(); }
  const std::vector<std::size_t>& nums_actions() const noexcept { return nums_actions_; }
  std::size_t num_actions(std::size_t player) const {
    check_player("num_actions", player);
    return nums_actions_[player];
  }
  /// Number of joint pure profiles, prod_i m_i.
  std::size_t num_profiles() const noexcept { return num_profiles_; }
  /// C-order stride of each player's action in a tensor index.
  const std::vector<std::size_t>& strides() const noexcept { return strides_; }

  /// Player's payoff tensor: num_profiles() entries in C order.
  const Scalar* payoffs(std::size_t player) const {
    check_player("payoffs", player);
    return payoffs_.data() + player * num_profiles_;
  }
  /// All payoffs, player-major (see the layout note at the top of the file).
  const std::vector<Scalar>& payoff_data() const noexcept { return payoffs_; }

  /// Flat C-order index of a pure profile; validates its length and entries.
  /// Complexity: O(n).
  std::size_t profile_index(const PureProfile& profile,
                            const char* function = "profile_index") const {
    if (profile.size() != num_players())
      detail::fail(function, "profile ", detail::format_tuple(profile), " has ", profile.size(),
                   " entries, the game has ", num_players(), " players");
    std::size_t index = 0;
    for (std::size_t i = 0; i < profile.size(); ++i) {
      if (profile[i] >= nums_actions_[i])
        detail::fail(function, "action ", profile[i], " of player ", i,
                     " is out of range; the player has ", nums_actions_[i], " actions");
      index += profile[i] * strides_[i];
    }
    return index;
  }

  /// The pure profile at a flat C-order index.
  /// Complexity: O(n).
  PureProfile profile_at(std::size_t index) const {
    if (index >= num_profiles_)
      detail::fail("profile_at", "index ", index, " is out of range; the game has ",
                   num_profiles_, " profiles");
    PureProfile profile(num_players());
    for (std::size_t i = 0; i < num_players(); ++i) {
      profile[i] = index / strides_[i];
      index %= strides_[i];
    }
    return profile;
  }

  Scalar payoff(std::size_t player, const PureProfile& profile) const {
    check_player("payoff", player);
    return payoffs_[player * num_profiles_ + profile_index(profile, "payoff")];
  }

  /// Every player's payoff at a pure profile.
  std::vector<Scalar> payoffs_at(const PureProfile& profile) const {
    const std::size_t index = profile_index(profile, "payoffs_at");
    std::vector<Scalar> result(num_players());
    for (std::size_t i = 0; i < num_players(); ++i) result[i] = payoffs_[i * num_profiles_ + index];
    return result;
  }

  void set_payoff(std::size_t player, const PureProfile& profile, const Scalar& value) {
    check_player("set_payoff", player);
    const std::size_t index = profile_index(profile, "set_payoff");
    check_value("set_payoff", player, profile, value);
    payoffs_[player * num_profiles_ + index] = value;
  }

  /// Sets every player's payoff at a pure profile.
  void set_payoffs(const PureProfile& profile, const std::vector<Scalar>& values,
                   const char* function = "set_payoffs") {
    const std::size_t index = profile_index(profile, function);
    if (values.size() != num_players())
      detail::fail(function, "got ", values.size(), " payoffs at profile ",
                   detail::format_tuple(profile), ", the game has ", num_players(), " players");
    for (std::size_t i = 0; i < num_players(); ++i) check_value(function, i, profile, values[i]);
    for (std::size_t i = 0; i < num_players(); ++i) payoffs_[i * num_profiles_ + index] = values[i];
  }

  const std::string& title() const noexcept { return title_; }
  void set_title(std::string title) { title_ = std::move(title); }

  const std::vector<std::string>& player_labels() const noexcept { return player_labels_; }
  void set_player_labels(std::vector<std::string> labels) {
    if (labels.size() != num_players())
      detail::fail("set_player_labels", "got ", labels.size(), " labels for ", num_players(),
                   " players");
    player_labels_ = std::move(labels);
  }

  const std::vector<std::string>& action_labels(std::size_t player) const {
    check_player("action_labels", player);
    return action_labels_[player];
  }
  void set_action_labels(std::size_t player, std::vector<std::string> labels) {
    check_player("set_action_labels", player);
    if (labels.size() != nums_actions_[player])
      detail::fail("set_action_labels", "got ", labels.size(), " labels for player ", player,
                   ", who has ", nums_actions_[player], " actions");
    action_labels_[player] = std::move(labels);
  }

  /// Steps a pure profile to the next one in C order (last player fastest);
  /// returns false after the last profile, leaving all zeros.
  bool advance(PureProfile& profile) const {
    for (std::size_t i = num_players(); i-- > 0;) {
      if (++profile[i] < nums_actions_[i]) return true;
      profile[i] = 0;
    }
    return false;
  }

  /// Same action counts and payoffs (labels are ignored).
  friend bool operator==(const BasicNormalFormGame& a, const BasicNormalFormGame& b) {
    return a.nums_actions_ == b.nums_actions_ && a.payoffs_ == b.payoffs_;
  }
  friend bool operator!=(const BasicNormalFormGame& a, const BasicNormalFormGame& b) {
    return !(a == b);
  }
  /// Same action counts and payoffs within an absolute tolerance.
  /// Complexity: O(n * P), stopping at the first difference larger than tol.
  bool approx_equal(const BasicNormalFormGame& other, const Scalar& tol) const {
    if (!is_finite_scalar(tol) || tol < Scalar(0)) detail::fail("approx_equal", "tol must be finite and >= 0, got ", tol);
    if (nums_actions_ != other.nums_actions_) return false;
    for (std::size_t k = 0; k < payoffs_.size(); ++k) {
      const Scalar difference = payoffs_[k] - other.payoffs_[k];
      if (difference > tol || -difference > tol) return false;
    }
    return true;
  }

 private:
  void check_player(const char* function, std::size_t player) const {
    if (player >= num_players())
      detail::fail(function, "player ", player, " is out of range; the game has ", num_players(),
                   " players");
  }
  void check_value(const char* function, std::size_t player, const PureProfile& profile,
                   const Scalar& value) const {
    if (!is_finite_scalar(value))
      detail::fail(function, "payoff of player ", player, " at profile ",
                   detail::format_tuple(profile), " is ", value, "; payoffs must be finite");
  }
  void set_default_labels() {
    player_labels_.resize(num_players());
    action_labels_.resize(num_players());
    for (std::size_t i = 0; i < num_players(); ++i) {
      player_labels_[i] = "Player " + std::to_string(i + 1);
      action_labels_[i].resize(nums_actions_[i]);
      for (std::size_t a = 0; a < nums_actions_[i]; ++a)
        action_labels_[i][a] = std::to_string(a + 1);
    }
  }

  std::vector<std::size_t> nums_actions_;
  std::size_t num_profiles_;
  std::vector<std::size_t> strides_;
  std::vector<Scalar> payoffs_;
  std::string title_;
  std::vector<std::string> player_labels_;
  std::vector<std::vector<std::string>> action_labels_;
};

/// The game type used throughout: double payoffs.
using NormalFormGame = BasicNormalFormGame<double>;

namespace detail {

/// The largest payoff magnitude (0 for an all-zero game).
inline double largest_magnitude(const NormalFormGame& game) {
  double largest = 0.0;
  for (double value : game.payoff_data()) largest = std::max(largest, std::abs(value));
  return largest;
}

/// The midpoint of `player`'s payoffs, halves added so that it cannot
/// overflow. Subtracting it before payoffs are summed keeps their differences:
/// integers near 2^53 would otherwise lose them when weighted and added.
template <class Scalar>
Scalar payoff_midpoint(const BasicNormalFormGame<Scalar>& game, std::size_t player) {
  if constexpr (!std::is_floating_point_v<Scalar>) {
    return Scalar(0);  // exact arithmetic loses nothing
  } else {
    const Scalar* u = game.payoffs(player);
    if (game.num_profiles() == 0) return Scalar(0);
    const auto [low, high] = std::minmax_element(u, u + game.num_profiles());
    return *low / 2 + *high / 2;
  }
}

/// The game with player i's payoffs replaced by (u_i - midpoint_i) / divisor:
/// a positive affine map per player, so the same equilibria, dominance and
/// best responses. Solvers that sum payoffs run on it (see payoff_midpoint).
/// Complexity: O(n * P) time and memory.
inline NormalFormGame centered_game(const NormalFormGame& game, double divisor = 1.0) {
  check_fits_in_memory("centered_game", game.payoff_data().size(), sizeof(double), "a centered copy of the game");
  std::vector<double> payoffs(game.payoff_data());
  const std::size_t size = game.num_profiles();
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    const double midpoint = payoff_midpoint(game, i);
    for (std::size_t k = i * size; k < (i + 1) * size; ++k) payoffs[k] = (payoffs[k] - midpoint) / divisor;
  }
  return NormalFormGame(game.nums_actions(), std::move(payoffs));
}

/// Calls visit(base) for every line of profiles along `player`'s axis: the
/// profiles base + a * strides()[player], a = 0..m-1, share the others' actions.
template <class Scalar, class Visit>
void for_each_fiber(const BasicNormalFormGame<Scalar>& game, std::size_t player, Visit&& visit) {
  const std::size_t stride = game.strides()[player], m = game.nums_actions()[player];
  for (std::size_t start = 0; start < game.num_profiles(); start += m * stride)
    for (std::size_t r = 0; r < stride; ++r) visit(start + r);
}

}  // namespace detail

/// The game restricted to a subset of each player's actions (in the given
/// order); labels follow the kept actions.
/// Complexity: O(n * P') time and memory for P' = prod_i kept_actions[i].size()
/// profiles of the subgame (plus the labels).
template <class Scalar>
BasicNormalFormGame<Scalar> subgame(const BasicNormalFormGame<Scalar>& game,
                                    const std::vector<std::vector<std::size_t>>& kept_actions) {
  if (kept_actions.size() != game.num_players())
    detail::fail("subgame", "got action lists for ", kept_actions.size(), " players, the game has ",
                 game.num_players());
  std::vector<std::size_t> sub_nums(game.num_players());
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    if (kept_actions[i].empty()) detail::fail("subgame", "player ", i, " keeps no action");
    for (std::size_t a : kept_actions[i])
      if (a >= game.nums_actions()[i])
        detail::fail("subgame", "action ", a, " of player ", i, " is out of range; the player has ",
                     game.nums_actions()[i], " actions");
    sub_nums[i] = kept_actions[i].size();
  }
  BasicNormalFormGame<Scalar> sub(sub_nums);
  const std::size_t n = game.num_players();
  PureProfile sub_profile(n, 0), profile(n);
  std::vector<Scalar> values(n);
  do {
    for (std::size_t i = 0; i < n; ++i) profile[i] = kept_actions[i][sub_profile[i]];
    const std::size_t index = game.profile_index(profile);
    for (std::size_t i = 0; i < n; ++i) values[i] = game.payoffs(i)[index];
    sub.set_payoffs(sub_profile, values);
  } while (sub.advance(sub_profile));
  sub.set_title(game.title());
  sub.set_player_labels(game.player_labels());
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::string> labels;
    for (std::size_t a : kept_actions[i]) labels.push_back(game.action_labels(i)[a]);
    sub.set_action_labels(i, std::move(labels));
  }
  return sub;
}

extern template class BasicNormalFormGame<double>;

/// The unit of every tolerance in dilemma: the largest range (highest minus
/// lowest payoff) of any one player, 1 when every player's payoffs are
/// constant. A solver's `tol` bounds regrets by tol * payoff_range(game).
/// Unchanged when a player's payoffs are shifted (unlike the range over all
/// players); also the divisor that brings centered_game's payoffs into
/// [-1/2, 1/2]. (payoff_scale in decomposition.hpp is the largest magnitude.)
/// Complexity: O(n * P) for n players and P profiles, O(1) extra memory.
template <class Scalar>
Scalar payoff_range(const BasicNormalFormGame<Scalar>& game) {
  Scalar largest(0);
  for (std::size_t i = 0; i < game.num_players() && game.num_profiles() > 0; ++i) {
    const Scalar* u = game.payoffs(i);
    const auto [low, high] = std::minmax_element(u, u + game.num_profiles());
    if constexpr (std::is_floating_point_v<Scalar>)
      largest = std::max(largest, *high / 2 - *low / 2);  // halves: no overflow
    else
      largest = std::max(largest, Scalar(*high - *low));
  }
  if constexpr (std::is_floating_point_v<Scalar>)
    return largest > 0 ? std::min(2 * largest, std::numeric_limits<Scalar>::max()) : Scalar(1);
  else
    return largest > 0 ? largest : Scalar(1);
}

}  // namespace dilemma

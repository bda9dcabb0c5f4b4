// Symmetric (anonymous) games in compact form.
//
// n players share s actions; a player's payoff u(a, m) depends only on its
// own action a and on the counts m of the other n - 1 players' actions
// (m[b] = how many others play b, sum m = n - 1). The game is backed either
// by a table over all count vectors of the others, s * C(n + s - 2, s - 1)
// numbers stored as table[a * num_count_vectors() + rank(m)] (ranks from
// CountVectors), or by a callable u(a, m) evaluated on demand, so that n can
// be large without a table.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dilemma/core/combinatorics.hpp"
#include "dilemma/core/errors.hpp"
#include "dilemma/core/monitor.hpp"
#include "dilemma/core/shape.hpp"
#include "dilemma/games/normal_form_game.hpp"

namespace dilemma {

/// Rows of payoffs SymmetricGame::for_each_payoff_row reads between two
/// checkpoints: a checkpoint costs about as much as one row of a table.
inline constexpr std::size_t kRowsPerCheckpoint = 1 << 12;

class SymmetricGame {
 public:
  /// u(action, others' counts).
  using PayoffFunction = std::function<double(std::size_t action, const Counts& others)>;

  /// Table-backed: table[a * num_count_vectors() + rank(m)] = u(a, m).
  /// Complexity: O(s * C) time to check the table (moved in) for s actions and
  /// C = num_count_vectors() = C(n + s - 2, s - 1), plus O((n + s) * s) time and
  /// memory for the binomial table of the ranking.
  SymmetricGame(std::size_t num_players, std::size_t num_actions, std::vector<double> table)
      : SymmetricGame(num_players, num_actions) {
    const long double expected = static_cast<long double>(num_actions) * others_->size();
    if (static_cast<long double>(table.size()) != expected)
      detail::fail("SymmetricGame", "expected ", static_cast<double>(expected), " table entries for ",
                   num_players, " players and ", num_actions, " actions, got ", table.size());
    for (std::size_t k = 0; k < table.size(); ++k)
      if (!std::isfinite(table[k]))
        detail::fail("SymmetricGame", "payoff of action ", k / others_->size(), " against others' counts ",
                     detail::format_tuple(others_->unrank(k % others_->size())), " is ", table[k],
                     "; payoffs must be finite");
    table_ = std::make_shared<const std::vector<double>>(std::move(table));
  }

  /// Callable-backed: payoff(a, m) is called whenever a payoff is needed.
  /// thread_safe: the function may be called from several threads at once
  /// (a pure function of its arguments), so solvers may use all cores.
  /// Complexity: O((n + s) * s) time and memory (the binomial table of the
  /// ranking); payoff is not called here. \sa tabulate
  SymmetricGame(std::size_t num_players, std::size_t num_actions, PayoffFunction payoff, bool thread_safe = false)
      : SymmetricGame(num_players, num_actions) {
    if (!payoff) detail::fail("SymmetricGame", "the payoff function is empty");
    function_ = std::move(payoff);
    thread_safe_ = thread_safe;
  }

  /// Evaluates `payoff` once per (action, count vector) into a table.
  /// Complexity: s * C calls of payoff plus O(s * C) time, O(s * C) memory,
  /// C = C(n + s - 2, s - 1).
  static SymmetricGame tabulate(std::size_t num_players, std::size_t num_actions,
                                const PayoffFunction& payoff) {
    const SymmetricGame shape(num_players, num_actions, payoff);
    detail::check_fits_in_memory("SymmetricGame.tabulate", shape.num_count_vectors(),
                                 num_actions * sizeof(double),
                                 "a payoff table of " + std::to_string(num_players) + " players");
    std::vector<double> table(num_actions * shape.num_count_vectors());
    std::size_t r = 0;
    shape.for_each_payoff_row([&](const Counts&, const std::vector<double>& u) {
      for (std::size_t a = 0; a < num_actions; ++a) table[a * shape.num_count_vectors() + r] = u[a];
      ++r;
    });
    SymmetricGame game(num_players, num_actions, std::move(table));
    game.title_ = shape.title_;
    game.action_labels_ = shape.action_labels_;
    return game;
  }

  std::size_t num_players() const noexcept { return num_players_; }
  std::size_t num_actions() const noexcept { return num_actions_; }
  /// The count vectors of the n - 1 others, with their ranking.
  const CountVectors& others() const noexcept { return *others_; }
  /// Number of count vectors of the others, C(n + s - 2, s - 1).
  std::size_t num_count_vectors() const noexcept { return others_->size(); }
  bool has_table() const noexcept { return static_cast<bool>(table_); }
  /// The payoff function object if it is of type F (else nullptr), so that
  /// solvers can call a known payoff type directly, inlined.
  template <class F>
  const F* function_target() const noexcept {
    return function_ ? function_.template target<F>() : nullptr;
  }
  /// True when payoffs may be read from several threads at once: a table,
  /// or a function declared thread-safe.
  bool thread_safe() const noexcept { return has_table() || thread_safe_; }
  /// The table (empty for a callable-backed game).
  const std::vector<double>& table() const {
    static const std::vector<double> none;
    return table_ ? *table_ : none;
  }

  /// u(a, m) with m validated (length s, sum n - 1).
  /// Complexity: O(s) for a table (validation and rank), else one call.
  double payoff(std::size_t action, const Counts& others) const {
    check_action("payoff", action);
    check_others("payoff", others);
    return payoff_at(action, others);
  }

  /// u(a, m) for a valid m, without checks; table lookup or one call.
  double payoff_at(std::size_t action, const Counts& others) const {
    if (table_) return (*table_)[action * others_->size() + others_->rank(others)];
    const double value = function_(action, others);
    if (!std::isfinite(value))
      detail::fail("SymmetricGame", "the payoff function returned ", value, " for action ", action,
                   " against others' counts ", detail::format_tuple(others), "; payoffs must be finite");
    return value;
  }

  /// u(a, m) where m is given by its rank; the table path needs no unranking.
  double payoff_at_rank(std::size_t action, std::size_t rank, const Counts& others) const {
    return table_ ? (*table_)[action * others_->size() + rank] : payoff_at(action, others);
  }

  /// Calls visit(m, u) for every count vector m of the others in rank order,
  /// with u[a] = u(a, m) for every action: the one loop that tables,
  /// dominance, security levels and invariance measures share. A function
  /// game of 10^5 players has billions of rows, so every
  /// kRowsPerCheckpoint rows are a checkpoint (time limits, Ctrl-C) naming
  /// the function running (detail::SolverName).
  /// Complexity: C calls of visit and s * C table lookups (or calls of the
  /// payoff function), O(s * C) time besides, O(s) extra memory.
  template <class Visit>
  void for_each_payoff_row(Visit&& visit) const {
    std::vector<double> row(num_actions_);
    Counts m = others_->first();
    std::size_t r = 0;
    do {
      if (r % kRowsPerCheckpoint == kRowsPerCheckpoint - 1)
        detail::checkpoint(detail::current_solver("SymmetricGame"), double(r), double(others_->size()));
      for (std::size_t a = 0; a < num_actions_; ++a) row[a] = payoff_at_rank(a, r, m);
      visit(static_cast<const Counts&>(m), static_cast<const std::vector<double>&>(row));
      ++r;
    } while (others_->next(m));
  }

  const std::string& title() const noexcept { return title_; }
  void set_title(std::string title) { title_ = std::move(title); }
  const std::vector<std::string>& action_labels() const noexcept { return action_labels_; }
  void set_action_labels(std::vector<std::string> labels) {
    if (labels.size() != num_actions_)
      detail::fail("set_action_labels", "got ", labels.size(), " labels for ", num_actions_, " actions");
    action_labels_ = std::move(labels);
  }

  void check_action(const char* function, std::size_t action) const {
    if (action >= num_actions_)
      detail::fail(function, "action ", action, " is out of range; the game has ", num_actions_,
                   " actions");
  }
  /// Throws unless `others` is a count vector of the n - 1 others.
  void check_others(const char* function, const Counts& others) const {
    check_counts(function, others, num_players_ - 1, "others' counts");
  }
  /// Throws unless `counts` has one entry per action summing to `total`.
  void check_counts(const char* function, const Counts& counts, std::size_t total,
                    const char* what) const {
    std::size_t sum = 0;
    for (std::size_t c : counts) sum += std::min(c, total + 1);  // no wraparound
    if (counts.size() != num_actions_ || sum != total)
      detail::fail(function, what, " ", detail::format_tuple(counts), " must have ", num_actions_,
                   " entries summing to ", total);
  }

 private:
  SymmetricGame(std::size_t num_players, std::size_t num_actions)
      : num_players_(num_players), num_actions_(num_actions) {
    if (num_players == 0) detail::fail("SymmetricGame", "a game needs at least one player, got 0");
    if (num_actions == 0) detail::fail("SymmetricGame", "a game needs at least one action, got 0");
    others_ = std::make_shared<const CountVectors>(num_actions, num_players - 1);
    for (std::size_t a = 0; a < num_actions; ++a) action_labels_.push_back(std::to_string(a + 1));
  }

  std::size_t num_players_, num_actions_;
  std::shared_ptr<const CountVectors> others_;    // shared: copies are cheap
  std::shared_ptr<const std::vector<double>> table_;
  PayoffFunction function_;
  bool thread_safe_ = false;
  std::string title_;
  std::vector<std::string> action_labels_;
};

/// The dense normal form of a symmetric game: s^n profiles, each player's
/// payoff u(a_i, counts of the others). Checks the size before allocating.
/// Complexity: O(s^n * n * s) time, at most s * C calls of the payoff
/// function (cached), O(n * s^n + s * C) memory, C = num_count_vectors().
inline NormalFormGame to_normal_form(const SymmetricGame& game) {
  const std::size_t n = game.num_players(), s = game.num_actions();
  const std::vector<std::size_t> nums(n, s);
  const std::size_t num_profiles = detail::checked_num_profiles("to_normal_form", nums);
  detail::check_fits_in_memory("to_normal_form", num_profiles, n * sizeof(double),
                               "the dense form of a symmetric game with " + std::to_string(n) +
                                   " players and " + std::to_string(s) + " actions");
  // Each player's payoff depends on (own action, others' counts): evaluate
  // u once per distinct pair and fill every profile from that cache.
  std::vector<double> cache(s * game.num_count_vectors(), std::nan(""));
  Counts counts(s, 0), others(s);
  NormalFormGame dense = NormalFormGame::from_function(nums, [&](const PureProfile& profile) {
    std::fill(counts.begin(), counts.end(), 0);
    for (std::size_t a : profile) ++counts[a];
    std::vector<double> payoffs(n);
    for (std::size_t i = 0; i < n; ++i) {
      others = counts;
      --others[profile[i]];
      double& slot = cache[profile[i] * game.num_count_vectors() + game.others().rank(others)];
      if (std::isnan(slot)) slot = game.payoff_at(profile[i], others);
      payoffs[i] = slot;
    }
    return payoffs;
  });
  dense.set_title(game.title());
  for (std::size_t i = 0; i < n; ++i) dense.set_action_labels(i, game.action_labels());
  return dense;
}

/// The symmetric game of a dense game whose players are interchangeable
/// (the inverse of to_normal_form): u(a, m) for every own action a and
/// others' counts m, read off the profiles. The title and player 1's action
/// labels are kept.
/// \returns a table-backed SymmetricGame with the game's n players and s
///          actions, to_normal_form of which has the game's payoffs.
/// \throws InvalidArgument "to_symmetric: ..." when the players' action
///         counts differ, or naming a player and a profile where that
///         player's payoff differs from another player's for the same own
///         action against the same counts of the others' actions.
/// Complexity: O(n * P) payoffs read for n players and P profiles, each with
/// its others' counts ranked in O(s) for s actions (O(1) for s = 2), so
/// O(n * s * P) time; O(s * C) memory for the table, C = C(n + s - 2, s - 1).
SymmetricGame to_symmetric(const NormalFormGame& game);

namespace detail {

/// The largest payoff magnitude (0 for an all-zero game).
inline double largest_magnitude(const SymmetricGame& game) {
  double largest = 0.0;
  game.for_each_payoff_row([&](const Counts&, const std::vector<double>& u) {
    for (double value : u) largest = std::max(largest, std::abs(value));
  });
  return largest;
}

}  // namespace detail

/// The unit of every tolerance (see payoff_range of a dense game): the
/// range of the payoff u(a, m) over own actions a and others' counts m,
/// which is every player's range; 1 for a constant game.
/// Complexity: s * C payoff lookups or calls, C = num_count_vectors().
inline double payoff_range(const SymmetricGame& game) {
  const detail::SolverName name("payoff_range");
  double low = HUGE_VAL, high = -HUGE_VAL;
  game.for_each_payoff_row([&](const Counts&, const std::vector<double>& u) {
    for (double value : u) low = std::min(low, value), high = std::max(high, value);
  });
  const double half_range = high / 2 - low / 2;  // halves: no overflow
  return half_range > 0 ? std::min(2 * half_range, std::numeric_limits<double>::max()) : 1.0;
}

}  // namespace dilemma

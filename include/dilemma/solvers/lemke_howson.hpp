// The Lemke-Howson algorithm for two-player games.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "dilemma/detail/bimatrix.hpp"
#include "dilemma/detail/tableau.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma {

/// Default iteration cap of lemke_howson (QuantEcon's).
inline constexpr std::size_t kLemkeHowsonMaxIter = 1000000;

/// Options of lemke_howson.
struct LemkeHowsonOptions {
  /// The label dropped first: 0..m-1 the row player's strategies, m..m+n-1
  /// the column player's.
  std::size_t init_pivot = 0;
  /// Pivots before the path is abandoned (converged = false).
  std::size_t max_iter = kLemkeHowsonMaxIter;
  /// Zero test of the pivots, relative to the payoff range: in
  /// [kMinPivotTolerance, kMaxPivotTolerance].
  double tol = kBimatrixTolerance;
  static constexpr auto fields() {
    return std::make_tuple(
        option("init_pivot", &LemkeHowsonOptions::init_pivot, "The label dropped first (0..m+n-1)."),
        option("max_iter", &LemkeHowsonOptions::max_iter, "Pivots before the path is abandoned (converged False)."),
        option("tol", &LemkeHowsonOptions::tol,
               "Zero test of the pivots, relative to the payoff range (1e-13 to 1e-5)."));
  }
};

/// Options of lemke_howson_all.
struct LemkeHowsonAllOptions {
  /// Pivots of one path before it is abandoned (converged = false).
  std::size_t max_iter = kLemkeHowsonMaxIter;
  /// Zero test of the pivots, relative to the payoff range: in
  /// [kMinPivotTolerance, kMaxPivotTolerance].
  double tol = kBimatrixTolerance;
  static constexpr auto fields() {
    return std::make_tuple(
        option("max_iter", &LemkeHowsonAllOptions::max_iter, "Pivots of one path before it is abandoned."),
        option("tol", &LemkeHowsonAllOptions::tol,
               "Zero test of the pivots, relative to the payoff range (1e-13 to 1e-5)."));
  }
};

/// What lemke_howson returns.
template <class Scalar>
struct BasicLemkeHowsonResult {
  BasicMixedProfile<Scalar> equilibrium;  ///< {x, y}; empty unless report.converged
  /// num_iter: the pivots made; exhaustive false (one equilibrium).
  SolveReport report;
};
using LemkeHowsonResult = BasicLemkeHowsonResult<double>;

namespace detail {

/// The complementary pivoting system of Lemke and Howson on the polytopes
/// P = {x >= 0: B^T x <= 1} and Q = {y >= 0: A y <= 1} (payoffs positive):
/// rows r_i + (A y)_i = 1 and s_j + (B^T x)_j = 1. Variables: x_i = i, y_j =
/// m + j, r_i = m + n + i, s_j = 2m + n + j; variable v has label v mod
/// (m + n). The all-slack basis is the artificial equilibrium (0, 0).
template <class Scalar, class Entry = DefaultEntry<Scalar>>
class LemkeHowsonSystem {
 public:
  LemkeHowsonSystem(const Bimatrix<Scalar>& game, double eps)
      : m_(game.m), n_(game.n), tableau_(game.m + game.n, 2 * (game.m + game.n), eps) {
    const Bimatrix<Scalar> g = normalized(game);
    const std::size_t k = m_ + n_;
    for (std::size_t i = 0; i < m_; ++i)
      for (std::size_t j = 0; j < n_; ++j) {
        tableau_.set(i, m_ + j, Entry(to_entry(g.A(i, j))));
        tableau_.set(m_ + j, i, Entry(to_entry(g.B(i, j))));
      }
    for (std::size_t r = 0; r < k; ++r) {
      tableau_.set(r, k + r, Entry(1));
      tableau_.set_rhs(r, Entry(1));
      tableau_.set_basic(r, k + r);
      slack_columns_.push_back(k + r);
    }
  }

  std::size_t num_labels() const { return m_ + n_; }
  /// Bytes of its tableau (see Tableau::bytes).
  std::size_t bytes() const noexcept { return tableau_.bytes(); }

  /// How a path ended.
  enum class End { equilibrium, budget, numerical };

  /// Follows the path that drops `label` from the current complementary
  /// basis until that label is picked up again (then an equilibrium, unless
  /// rounding broke the path: numerical); `budget` pivots at most, `pivots`
  /// counts those made.
  End follow(std::size_t label, std::size_t budget, std::size_t& pivots) {
    const std::size_t k = m_ + n_;
    std::size_t entering = tableau_.is_basic(label) ? label + k : label;
    while (pivots < budget) {
      // P and Q are bounded, so only rounding can leave the path unbounded.
      const std::size_t row = tableau_.lexicographic_row(entering, slack_columns_);
      if (row == kNone) return End::numerical;
      const std::size_t leaving = tableau_.basic(row);
      tableau_.pivot(row, entering);
      ++pivots;
      if (leaving % k == label) return is_valid_end() ? End::equilibrium : End::numerical;
      entering = (leaving + k) % (2 * k);  // the complement of the leaving variable
    }
    return End::budget;
  }

  /// At the artificial equilibrium (x, y) = (0, 0).
  bool is_artificial() const {
    for (std::size_t v = 0; v < m_ + n_; ++v)
      if (tableau_.value_sign(v) > 0) return false;
    return true;
  }

  /// The basic solution is finite and >= 0 (within the tolerance), and
  /// either both parts are nonzero (profile() is a pair of probability
  /// vectors) or both are zero (the artificial equilibrium).
  bool is_valid_end() const {
    bool positive[2] = {false, false};
    for (std::size_t v = 0; v < m_ + n_; ++v) {
      if (!is_finite_scalar(tableau_.value(v)) || tableau_.value_sign(v) < 0) return false;
      if (tableau_.value_sign(v) > 0) positive[v < m_ ? 0 : 1] = true;
    }
    return positive[0] == positive[1];
  }

  /// The current basic solution, each part scaled to a probability vector.
  BasicMixedProfile<Scalar> profile() const {
    BasicMixedProfile<Scalar> profile{std::vector<Scalar>(m_, Scalar(0)), std::vector<Scalar>(n_, Scalar(0))};
    for (std::size_t v = 0; v < m_ + n_; ++v)
      if (tableau_.value_sign(v) > 0) (v < m_ ? profile[0][v] : profile[1][v - m_]) = tableau_.value(v);
    for (auto& strategy : profile) {
      Scalar sum(0);
      for (const Scalar& p : strategy) sum += p;
      for (Scalar& p : strategy) p /= sum;
    }
    return profile;
  }

  /// Which variables are basic: identifies the (perturbed) vertex.
  std::string basis_key() const {
    std::string key(2 * (m_ + n_), '0');
    for (std::size_t v = 0; v < key.size(); ++v) key[v] = tableau_.is_basic(v) ? '1' : '0';
    return key;
  }

 private:
  std::size_t m_, n_;
  Tableau<Scalar, Entry> tableau_;
  std::vector<std::size_t> slack_columns_;
};

template <class Scalar, class Payoff>
void check_lemke_howson(const char* function, const BasicNormalFormGame<Payoff>& game, double tol) {
  check_two_players(function, game);
  check_pivot_tolerance<Scalar>(function, tol);
}

}  // namespace detail

/// One Nash equilibrium of a two-player game by the Lemke-Howson algorithm:
/// the path of complementary pivots that starts at the artificial
/// equilibrium by dropping label `options.init_pivot` (0..m-1: the row
/// player's strategies, m..m+n-1: the column player's) and ends at an
/// equilibrium.
///
/// The minimum-ratio test is lexicographic, so on degenerate games it
/// follows the perturbed game's path and cannot cycle (von Stengel 2002,
/// Handbook of Game Theory vol. 3, ch. 45, section 3.5). Stops after
/// `max_iter` pivots with report.converged = false (and no equilibrium);
/// never divides by zero; a path that rounding breaks (no limiting row, or an
/// end that is not a pair of probability vectors) also ends with converged =
/// false, never with a NaN profile. Scalar: double (`tol` in
/// [kMinPivotTolerance, kMaxPivotTolerance], else InvalidArgument) or
/// Rational (exact, `tol` ignored).
/// Complexity: O(k (m + n)^2) time for an m x n game and a path of
/// k <= max_iter pivots, O((m + n)^2) memory; k can be exponential in m + n
/// (Savani & von Stengel 2006), but is small on most games.
/// \sa lemke_howson_all
template <class Scalar = double, class Payoff>
BasicLemkeHowsonResult<Scalar> lemke_howson(const BasicNormalFormGame<Payoff>& game,
                                            const LemkeHowsonOptions& options = {}) {
  const detail::SolverName solver_name("lemke_howson");
  detail::check_lemke_howson<Scalar>("lemke_howson", game, options.tol);
  const std::size_t labels = game.nums_actions()[0] + game.nums_actions()[1];
  if (options.init_pivot >= labels)
    detail::fail("lemke_howson", "init_pivot must be in 0..", labels - 1, " (the game has ", labels,
                 " strategies), got ", options.init_pivot);
  const auto matrices = detail::to_bimatrix<Scalar>("lemke_howson", game);
  return detail::with_arithmetic<Scalar>([&](auto entry) {
    detail::LemkeHowsonSystem<Scalar, decltype(entry)> system(matrices, options.tol);
    BasicLemkeHowsonResult<Scalar> result;
    result.report.method = "lemke_howson";
    using End = typename decltype(system)::End;
    const End end = system.follow(options.init_pivot, options.max_iter, result.report.num_iter);
    result.report.converged = end == End::equilibrium;
    if (result.report.converged) {
      result.equilibrium = system.profile();
      result.report.message = "the path ended at an equilibrium";
    } else if (end == End::numerical) {
      result.report.message = detail::numerical_failure_message(options.tol);
    } else {
      result.report.message = "no equilibrium within max_iter = " + std::to_string(options.max_iter) +
                              " pivots from init_pivot = " + std::to_string(options.init_pivot) +
                              "; raise max_iter or try another init_pivot";
    }
    return result;
  });
}

/// Every equilibrium reachable by Lemke-Howson paths: from the artificial
/// equilibrium with every label, then from each equilibrium found with
/// every label, until nothing new appears (Gambit's `lcp` method). Finds
/// the equilibria of the artificial equilibrium's component of the
/// Lemke-Howson graph, which need not be all (Shapley 1974 gives a game
/// with an unreachable one), so the report is never exhaustive; sorted
/// lexicographically. A path longer than `max_iter` pivots is abandoned and
/// the report says so (converged = false); num_iter counts all pivots.
/// Complexity: (E + 1) (m + n) paths for E equilibria found, each of at most
/// max_iter pivots of O((m + n)^2): O((E + 1) (m + n)^3 max_iter) time in the
/// worst case; O((E + 1) (m + n)^2) memory for the tableaux kept.
template <class Scalar = double, class Payoff>
Equilibria<BasicMixedProfile<Scalar>> lemke_howson_all(const BasicNormalFormGame<Payoff>& game,
                                                       const LemkeHowsonAllOptions& options = {}) {
  const detail::SolverName solver_name("lemke_howson_all");
  detail::check_lemke_howson<Scalar>("lemke_howson_all", game, options.tol);
  const auto matrices = detail::to_bimatrix<Scalar>("lemke_howson_all", game);
  return detail::with_arithmetic<Scalar>([&](auto entry) {
    using System = detail::LemkeHowsonSystem<Scalar, decltype(entry)>;
    const System start(matrices, options.tol);
    std::vector<System> queue{start};
    std::map<std::string, bool> seen{{start.basis_key(), true}};
    Equilibria<BasicMixedProfile<Scalar>> result;
    result.report = {"lemke_howson_all", true, false, 0, "every path from the equilibria found was followed"};
    std::size_t abandoned = 0, broken = 0;
    for (std::size_t next = 0; next < queue.size(); ++next)
      for (std::size_t label = 0; label < start.num_labels(); ++label) {
        // One tableau per equilibrium found, and the copy that follows a path.
        if (!detail::surely_fits(queue.size() + 1, start.bytes()))
          detail::check_fits_in_memory("lemke_howson_all", queue.size() + 1, start.bytes(),
                                       "the tableaux of the equilibria found");
        System system = queue[next];
        std::size_t pivots = 0;
        const typename System::End end = system.follow(label, options.max_iter, pivots);
        result.report.num_iter += pivots;
        if (end != System::End::equilibrium) {
          ++(end == System::End::budget ? abandoned : broken);
          continue;
        }
        if (!seen.emplace(system.basis_key(), true).second || system.is_artificial()) continue;
        result.push_back(system.profile());
        queue.push_back(std::move(system));
      }
    if (abandoned > 0) {
      result.report.converged = false;
      result.report.message = std::to_string(abandoned) + " path(s) took more than max_iter = " +
                              std::to_string(options.max_iter) + " pivots and were abandoned";
    }
    if (broken > 0) {
      result.report.converged = false;
      result.report.message += (abandoned > 0 ? "; " : "") + std::to_string(broken) + " path(s) broke: " +
                               detail::numerical_failure_message(options.tol);
    }
    detail::sort_by_value(result);
    detail::remove_duplicates(result, options.tol);
    return result;
  });
}

}  // namespace dilemma

// Payoff invariance (the theorem of docs/model.md): how much a player's own choice can
// change the player's own payoff, and the consequences when it cannot.
#pragma once

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "dilemma/analysis/dominance.hpp"
#include "dilemma/analysis/security.hpp"
#include "dilemma/analysis/welfare.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/symmetric_payoffs.hpp"

namespace dilemma {

/// Delta_i for every player: max over the others' profiles of
/// (max_a u_i - min_a u_i), the most one's own choice can change one's own
/// payoff. Every pure or mixed profile is a max_i Delta_i - equilibrium.
/// Complexity: O(n * P) time for n players and P profiles, O(n) memory.
inline std::vector<double> max_stakes(const NormalFormGame& game) {
  std::vector<double> stakes(game.num_players(), 0.0);
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    const double* u = game.payoffs(i);
    const std::size_t stride = game.strides()[i], m = game.nums_actions()[i];
    detail::for_each_fiber(game, i, [&](std::size_t base) {
      double low = HUGE_VAL, high = -HUGE_VAL;
      for (std::size_t a = 0; a < m; ++a) low = std::min(low, u[base + a * stride]), high = std::max(high, u[base + a * stride]);
      stakes[i] = std::max(stakes[i], high - low);
    });
  }
  return stakes;
}

/// True when `player`'s payoff never changes with the player's own action by
/// more than tol: u_i(a, a_{-i}) = u_i(b, a_{-i}) for all a, b, a_{-i}.
/// Complexity: O(n * P) (max_stakes of every player).
inline bool is_payoff_invariant(const NormalFormGame& game, std::size_t player, double tol = 0.0) {
  detail::check_action("is_payoff_invariant", game, player, 0);
  if (!std::isfinite(tol) || tol < 0) detail::fail("is_payoff_invariant", "tol must be finite and >= 0, got ", tol);
  return max_stakes(game)[player] <= tol;
}

/// Delta of a symmetric game (the same for every player).
/// Complexity: s * M payoff evaluations for M = C(n + s - 2, s - 1) count
/// vectors of the others, O(s) memory.
inline double max_stake(const SymmetricGame& game) {
  const detail::SolverName name("max_stake");
  double stake = 0.0;
  game.for_each_payoff_row([&](const Counts&, const std::vector<double>& u) {
    const auto [low, high] = std::minmax_element(u.begin(), u.end());
    stake = std::max(stake, *high - *low);
  });
  return stake;
}

/// rho = ||u - u_N|| / ||u||, where u_N(a_i, a_{-i}) = mean_b u_i(b, a_{-i})
/// is the nonstrategic part; norms sum over players and profiles. 0 iff
/// every player is payoff-invariant; 0 for the all-zero game. Not invariant
/// to duplicated strategies or affine rescaling (Abdou et al. 2019).
/// Complexity: O(n * P) time, O(1) extra memory.
inline double strategic_share(const NormalFormGame& game) {
  // Sums of squares of payoffs times an exact power of two: no overflow at 1e300.
  const double unit = detail::unit_for_magnitude(detail::largest_magnitude(game));
  double strategic = 0.0, total = 0.0;
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    const double* u = game.payoffs(i);
    const std::size_t stride = game.strides()[i], m = game.nums_actions()[i];
    detail::for_each_fiber(game, i, [&](std::size_t base) {
      double mean = 0.0;
      for (std::size_t a = 0; a < m; ++a) mean += u[base + a * stride] * unit;
      mean /= double(m);
      for (std::size_t a = 0; a < m; ++a) {
        const double value = u[base + a * stride] * unit;
        strategic += (value - mean) * (value - mean);
        total += value * value;
      }
    });
  }
  return total == 0 ? 0.0 : std::sqrt(strategic / total);
}

/// rho of a symmetric game, the dense norm computed over count vectors:
/// each (a, m) stands for n Mult(n-1; m) entries of the dense tensors.
/// Complexity: 2 s * M payoff evaluations (a first pass for the scale) and O(s * M) time, M =
/// C(n + s - 2, s - 1); O(n) memory for a table of log-factorials.
inline double strategic_share(const SymmetricGame& game) {
  const detail::SolverName name("strategic_share");  // names the checkpoints of the scans over count vectors
  const std::size_t s = game.num_actions(), others = game.num_players() - 1;
  // Weights Mult(n-1; m) / s^(n-1), in log space so that large n is safe.
  const std::vector<double> log_factorial = detail::log_factorials(others);
  const double unit = detail::unit_for_magnitude(detail::largest_magnitude(game));
  double strategic = 0.0, total = 0.0;
  game.for_each_payoff_row([&](const Counts& m, const std::vector<double>& row) {
    std::vector<double> u(row);
    for (double& value : u) value *= unit;
    double log_weight = log_factorial[others] - double(others) * std::log(double(s));
    for (std::size_t b = 0; b < s; ++b) log_weight -= log_factorial[m[b]];
    const double weight = std::exp(log_weight);
    const double mean = std::accumulate(u.begin(), u.end(), 0.0) / double(s);
    for (std::size_t a = 0; a < s; ++a) {
      strategic += weight * (u[a] - mean) * (u[a] - mean);
      total += weight * u[a] * u[a];
    }
  });
  return total == 0 ? 0.0 : std::sqrt(strategic / total);
}

/// What the theorem of docs/model.md predicts for a payoff-invariant game, computed
/// on the given game (each field is a computation, not an assumption).
struct InvarianceReport {
  std::vector<double> max_stakes;  ///< Delta_i per player (one entry for a symmetric game)
  double epsilon = 0;              ///< every profile is an epsilon-equilibrium
  double strategic_share = 0;      ///< rho; 0 iff payoff-invariant
  bool payoff_invariant = false;   ///< every Delta_i <= tol
  double num_profiles = 0;         ///< pure profiles (a double: inf beyond its range)
  double num_pure_equilibria = 0;  ///< pure equilibrium profiles (class multiplicities summed)
  double log10_num_profiles = 0;   ///< exact in log form for any n
  double log10_num_pure_equilibria = -HUGE_VAL;
  std::size_t num_classes = 0, num_equilibrium_classes = 0;  ///< symmetric games: count classes
  double num_strict_equilibria = 0;
  bool every_profile_is_equilibrium = false;
  std::size_t num_dominated_strict = 0, num_dominated_weak = 0;  ///< (player, action) pairs
  std::vector<std::vector<double>> security_levels;             ///< per player, per action
  bool equal_security_levels = false;                           ///< all actions of each player
  /// Candogan et al.'s decomposition (rms sizes of the parts); purely
  /// nonstrategic when both are 0. Not computed (false) for symmetric games
  /// too large for the count-form decomposition.
  bool decomposition_computed = false;
  double potential_norm = 0, harmonic_norm = 0;
  bool exact_potential = false;  ///< the game has an exact potential
  /// The largest coefficient of the correlated-equilibrium incentive rows
  /// (max_incentive_gain, payoff units; count form for symmetric games).
  double max_incentive_gain = 0;
  /// Every distribution over pure profiles is a correlated and a coarse
  /// correlated equilibrium: max_incentive_gain <= tol.
  bool every_distribution_correlated = false;
  /// The logit QRE's principal branch, followed from lambda = 0 towards
  /// qre_max_lambda and stopped at the first point farther than qre_tol
  /// from the uniform profile. qre_computed is false when it could not be
  /// followed (qre_note says why).
  bool qre_computed = false;
  bool qre_uniform = false;  ///< uniform (within qre_tol) on all of [0, qre_max_lambda]
  /// Largest distance (max |x_ia - 1/m_i|) of a traced point from uniform.
  double qre_max_deviation_from_uniform = 0;
  double qre_lambda = 0;  ///< lambda of the last traced point
  std::string qre_note;
  Efficiency efficiency;
  bool efficiency_defined = true;  ///< false when welfare changes sign
  std::string efficiency_note;
};

/// Default qre_tol of invariance_report: largest distance from the uniform
/// profile (in probability) of a QRE that counts as uniform.
inline constexpr double kQreUniformTolerance = 1e-9;
/// Default qre_max_lambda of invariance_report (gambit-logit's max_lambda).
inline constexpr double kQreMaxLambda = 1e6;

/// The invariance report of a dense game. tol: payoff differences up to
/// tol count as ties (0: exact). qre_tol, qre_max_lambda: the QRE check
/// follows the logit branch from lambda = 0 to qre_max_lambda (steps may
/// grow 4x, so about 13 points when the branch stays uniform) and stops
/// at the first point farther than qre_tol from the uniform profile.
/// Complexity: O(P * sum_i m_i) for the pure equilibria, dominance, security
/// and correlated parts, plus decompose (O(k * n * P) for k conjugate-gradient
/// steps) and the logit steps (O(n * P + N^3) each, N = sum_i m_i; about 13
/// while the branch stays uniform). \sa describe
InvarianceReport invariance_report(const NormalFormGame& game, double tol = 0.0,
                                   double qre_tol = kQreUniformTolerance, double qre_max_lambda = kQreMaxLambda);
/// The invariance report of a symmetric game, over count classes (the QRE
/// check on the branch of symmetric profiles, in count form).
/// Complexity: O(s^2) payoff evaluations per count vector and class (K =
/// C(n + s - 1, s - 1) classes) for the equilibria, dominance, security,
/// correlated and potential parts, plus the count-form decompose (O(K s^2)
/// per conjugate-gradient step) and the symmetric logit steps.
InvarianceReport invariance_report(const SymmetricGame& game, double tol = 0.0,
                                   double qre_tol = kQreUniformTolerance, double qre_max_lambda = kQreMaxLambda);

/// A readable multi-line summary of a report.
/// Complexity: O(sum of the sizes of the report's vectors).
std::string describe(const InvarianceReport& report);

}  // namespace dilemma

// The decomposition of a game into nonstrategic, potential and harmonic
// parts (Candogan, Menache, Ozdaglar & Parrilo 2011, "Flows and
// decompositions of games", Math. Oper. Res. 36(3)), and exact potentials.
//
// The game graph has a node per pure profile and an edge between profiles
// that differ in one player's action; u induces the flow X(p, q) = u_i(q) -
// u_i(p) on it, i the player who moves. With uniform weights:
//   u_N,i = P_i u_i                 (P_i: mean over player i's own action)
//   phi   = argmin sum over edges (phi(q) - phi(p) - X(p, q))^2
//   u_P,i = (I - P_i) phi,  u_H,i = (I - P_i)(u_i - phi)
// The normal equations are L phi = sum_i m_i (I - P_i) u_i with the graph
// Laplacian L = sum_i m_i (I - P_i), a sum of commuting projections: its
// eigenvalues are the sums of m_i over subsets of players, so conjugate
// gradients converge in as many steps as there are distinct such sums
// (n + 1 when all players have m actions).
//
// For a symmetric game phi is symmetric, a function psi of the count class;
// the least-squares problem lives on the graph of count classes, the edge
// c -> c - e_a + e_b carrying Mult(n; c) c_a profile edges (docs/model.md: Formulas).
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "dilemma/core/monitor.hpp"
#include "dilemma/core/combinatorics.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"

namespace dilemma {

/// Sizes of the three parts, each the root mean square of its payoffs over
/// players and pure profiles (so that dense and symmetric forms of one game
/// agree and large games stay finite).
struct DecompositionNorms {
  double game = 0, nonstrategic = 0, potential = 0, harmonic = 0;
  /// ||u_P|| / (||u_P|| + ||u_H||); 1 when the strategic part is zero (a
  /// game without strategic part is a potential game with constant potential).
  double potentialness() const {
    const double strategic = potential + harmonic;
    return strategic == 0 ? 1.0 : potential / strategic;
  }
};

/// u = nonstrategic + potential + harmonic, each a game of the same shape.
struct GameDecomposition {
  NormalFormGame nonstrategic, potential, harmonic;
  /// phi: one value per pure profile in C order, mean 0; u_P,i = (I - P_i) phi.
  std::vector<double> potential_function;
  DecompositionNorms norms;
  std::size_t num_iter = 0;  ///< conjugate-gradient steps
};

/// The same for a symmetric game: the parts are symmetric games (tables) and
/// psi has one value per count class of all n players, in CountVectors(s, n)
/// rank order.
struct SymmetricDecomposition {
  SymmetricGame nonstrategic, potential, harmonic;
  std::vector<double> potential_function;
  DecompositionNorms norms;
  std::size_t num_iter = 0;
};

namespace detail {

/// out = (I - P_i) v along player i's axis (v and out may be the same).
inline void remove_own_mean(const NormalFormGame& game, std::size_t player, const double* v, double* out) {
  const std::size_t stride = game.strides()[player], m = game.nums_actions()[player];
  for_each_fiber(game, player, [&](std::size_t base) {
    double mean = 0;
    for (std::size_t a = 0; a < m; ++a) mean += v[base + a * stride];
    mean /= double(m);
    for (std::size_t a = 0; a < m; ++a) out[base + a * stride] = v[base + a * stride] - mean;
  });
}

inline void check_decomposition_options(const char* function, double tol, std::size_t max_iter) {
  if (!std::isfinite(tol) || tol <= 0 || tol >= 1)
    fail(function, "tol must be in (0, 1), got ", tol);
  if (max_iter == 0) fail(function, "max_iter must be >= 1, got 0");
}

/// Solves A x = b for a symmetric positive semidefinite A (b in its range) by
/// conjugate gradients preconditioned with the positive diagonal `diagonal`
/// (an empty vector: none), in the inner product weighted by `weight` (empty:
/// plain). Stops when ||r|| <= tol ||b||; throws NotConverged naming
/// `function` after max_iter steps.
template <class Apply>
std::pair<std::vector<double>, std::size_t> conjugate_gradients(const char* function, Apply&& apply,
                                                                const std::vector<double>& b,
                                                                const std::vector<double>& diagonal, double tol,
                                                                std::size_t max_iter) {
  const std::size_t size = b.size();
  const auto dot = [](const std::vector<double>& x, const std::vector<double>& y) {
    double sum = 0;
    for (std::size_t k = 0; k < x.size(); ++k) sum += x[k] * y[k];
    return sum;
  };
  const auto precondition = [&](const std::vector<double>& r) {
    if (diagonal.empty()) return r;
    std::vector<double> z(size);
    for (std::size_t k = 0; k < size; ++k) z[k] = diagonal[k] > 0 ? r[k] / diagonal[k] : 0.0;
    return z;
  };
  std::vector<double> x(size, 0.0), r = b, z = precondition(r), p = z, q(size);
  const double target = tol * std::sqrt(dot(b, b));
  double rz = dot(r, z);
  for (std::size_t step = 0; step <= max_iter; ++step) {
    checkpoint(function, static_cast<double>(step), static_cast<double>(max_iter));
    if (std::sqrt(dot(r, r)) <= target) return {x, step};
    if (step == max_iter) break;
    apply(p, q);
    const double pq = dot(p, q);
    if (!(pq > 0)) return {x, step};  // p in the kernel: nothing left to solve
    const double alpha = rz / pq;
    for (std::size_t k = 0; k < size; ++k) x[k] += alpha * p[k], r[k] -= alpha * q[k];
    z = precondition(r);
    const double rz_next = dot(r, z);
    for (std::size_t k = 0; k < size; ++k) p[k] = z[k] + rz_next / rz * p[k];
    rz = rz_next;
  }
  throw NotConverged(std::string(function) + ": conjugate gradients did not reach the relative residual " +
                           std::to_string(tol) + " within max_iter = " + std::to_string(max_iter) + " steps");
}

}  // namespace detail

/// Candogan et al.'s decomposition of a dense game. `tol`: relative residual
/// of the least-squares solve (default 1e-12).
/// Complexity: O(k * n * P) time for k <= max_iter conjugate-gradient steps,
/// n players and P profiles; O(n * P) memory. \sa potential_function
GameDecomposition decompose(const NormalFormGame& game, double tol = 1e-12, std::size_t max_iter = 1000);

namespace detail {

/// Mult(total; c) / max_c Mult(total; c) for every count vector c, in rank
/// order (the largest is at the most even split).
inline std::vector<double> relative_multinomial_weights(const CountVectors& vectors) {
  const std::size_t s = vectors.num_actions(), total = vectors.total();
  Counts center(s, total / s);
  for (std::size_t a = 0; a < total % s; ++a) ++center[a];
  const double log_largest = log_multinomial(center);
  std::vector<double> weight;
  weight.reserve(vectors.size());
  Counts c = vectors.first();
  do weight.push_back(std::exp(log_multinomial(c) - log_largest));
  while (vectors.next(c));
  return weight;
}

/// The largest payoff magnitude (at least 1), the scale of relative tolerances.
inline double payoff_scale(const NormalFormGame& game) { return std::max(1.0, largest_magnitude(game)); }

inline double payoff_scale(const SymmetricGame& game) { return std::max(1.0, largest_magnitude(game)); }

}  // namespace detail

/// An exact potential of a dense game: phi with u_i(b, a_-i) - u_i(a, a_-i) =
/// phi(b, a_-i) - phi(a, a_-i) for every player and deviation, within
/// tol * max(1, max |u|); one value per pure profile in C order, phi(0..0) =
/// 0. nullopt when the game has none. phi is built along one path to each
/// profile and then checked on every edge, exact in its logic.
/// Complexity: O(n * P) time, O(P) memory for n players and P profiles.
inline std::optional<std::vector<double>> potential_function(const NormalFormGame& game, double tol = 1e-9) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("potential_function", "tol must be finite and >= 0, got ", tol);
  const std::size_t n = game.num_players(), size = game.num_profiles();
  std::vector<double> phi(size, 0.0);
  // Profile k reaches phi from the profile with the last nonzero action set to 0.
  for (std::size_t k = 1; k < size; ++k) {
    std::size_t i = n;
    while (i-- > 0)
      if ((k / game.strides()[i]) % game.nums_actions()[i] != 0) break;
    const std::size_t from = k - ((k / game.strides()[i]) % game.nums_actions()[i]) * game.strides()[i];
    phi[k] = phi[from] + game.payoffs(i)[k] - game.payoffs(i)[from];
  }
  // u_i - phi must not depend on player i's own action.
  const double limit = tol * detail::payoff_scale(game);
  for (std::size_t i = 0; i < n; ++i) {
    const double* u = game.payoffs(i);
    const std::size_t stride = game.strides()[i], m = game.nums_actions()[i];
    bool consistent = true;
    detail::for_each_fiber(game, i, [&](std::size_t base) {
      for (std::size_t a = 1; a < m && consistent; ++a)
        consistent = std::abs((u[base + a * stride] - phi[base + a * stride]) - (u[base] - phi[base])) <= limit;
    });
    if (!consistent) return std::nullopt;
  }
  return phi;
}

/// True when the dense game has an exact potential (see potential_function).
/// Complexity: O(n * P) time, O(P) memory.
inline bool is_potential_game(const NormalFormGame& game, double tol = 1e-9) {
  return potential_function(game, tol).has_value();
}

/// An exact potential of a symmetric game as a function psi of the count
/// class (in CountVectors(s, n) rank order, psi(0, ..., 0, n) = 0), within
/// tol * max(1, max |u|); nullopt when there is none. Every symmetric
/// 2-action game has one (docs/model.md: Formulas).
/// Complexity: O(s^2 K) time and 2 K + s M payoff evaluations for
/// K = C(n + s - 1, s - 1) count classes and M = num_count_vectors(); O(K) memory.
inline std::optional<std::vector<double>> potential_function(const SymmetricGame& game, double tol = 1e-9) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("potential_function", "tol must be finite and >= 0, got ", tol);
  const std::size_t n = game.num_players(), s = game.num_actions();
  const CountVectors classes(s, n);
  detail::check_fits_in_memory("potential_function", classes.size(), sizeof(double), "one potential per count class");
  std::vector<double> psi(classes.size(), 0.0);
  // In rank order, c follows c' = c - e_a + e_{s-1} (a: first used action
  // before the last), where one player switches from s-1 to a.
  Counts c = classes.first(), m(s);
  std::size_t rank = 0;
  while (classes.next(c)) {
    ++rank;
    const std::size_t a = static_cast<std::size_t>(std::find_if(c.begin(), c.end(), [](std::size_t k) { return k > 0; }) - c.begin());
    m = c;
    --m[a];
    const double gain = game.payoff_at(a, m) - game.payoff_at(s - 1, m);
    ++m[s - 1];
    psi[rank] = psi[classes.rank(m)] + gain;
  }
  const double limit = tol * detail::payoff_scale(game);
  bool consistent = true;
  Counts with(s);
  game.for_each_payoff_row([&](const Counts& others, const std::vector<double>& u) {
    if (!consistent) return;
    double first = 0;
    for (std::size_t a = 0; a < s; ++a) {
      with = others;
      ++with[a];
      const double residual = u[a] - psi[classes.rank(with)];
      if (a == 0) first = residual;
      else if (std::abs(residual - first) > limit) consistent = false;
    }
  });
  if (!consistent) return std::nullopt;
  return psi;
}

/// True when the symmetric game has an exact potential (see potential_function).
/// Complexity: O(s^2 K) time, O(K) memory, K = C(n + s - 1, s - 1).
inline bool is_potential_game(const SymmetricGame& game, double tol = 1e-9) {
  return potential_function(game, tol).has_value();
}

/// Candogan et al.'s decomposition of a symmetric game in count form:
/// weighted least squares on the graph of count classes with
/// preconditioned conjugate gradients (at most n + 1 distinct eigenvalues).
/// Each class is weighted by Mult(n; c) relative to the largest, so n is
/// limited to where the smallest weight stays a double (about n = 640 for 3
/// actions); InvalidArgument beyond.
/// Complexity: s * M payoff evaluations for the scale, O(K s^3) time and 2 K s (s - 1) payoff evaluations to build
/// the edges of the K = C(n + s - 1, s - 1) count classes, then O(K s^2) per
/// conjugate-gradient step, at most max_iter steps (0: 20 n + 100);
/// O(K s^2 + s M) memory, M = num_count_vectors().
SymmetricDecomposition decompose(const SymmetricGame& game, double tol = 1e-12, std::size_t max_iter = 0);

}  // namespace dilemma

// Helpers of the two-player solver tests: games from matrices, exact
// verification, and an independent brute-force reference for the extreme
// equilibria of small games.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "dilemma/detail/rational.hpp"
#include "dilemma/games/generators.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"

namespace dilemma::testing {

using Matrix = std::vector<std::vector<double>>;
using ExactProfile = BasicMixedProfile<Rational>;

/// The game with payoff matrices A (row player) and B (column player).
inline NormalFormGame bimatrix_game(const Matrix& A, const Matrix& B) {
  const std::size_t m = A.size(), n = A.front().size();
  std::vector<double> payoffs;
  for (const Matrix* matrix : {&A, &B})
    for (const auto& row : *matrix) payoffs.insert(payoffs.end(), row.begin(), row.end());
  return NormalFormGame({m, n}, std::move(payoffs));
}

/// The same game with exact payoffs (each the simplest fraction of its double).
inline BasicNormalFormGame<Rational> exact_game(const NormalFormGame& game) {
  std::vector<Rational> payoffs;
  for (double value : game.payoff_data()) payoffs.push_back(detail::to_rational(value));
  return BasicNormalFormGame<Rational>(game.nums_actions(), std::move(payoffs));
}

/// Every profile is an equilibrium: exactly (regret 0).
inline void check_exact_equilibria(const NormalFormGame& game, const std::vector<ExactProfile>& profiles) {
  const BasicNormalFormGame<Rational> exact = exact_game(game);
  for (const ExactProfile& profile : profiles) CHECK(regret(exact, profile) == 0);
}

/// Every profile is an equilibrium within tol (regret <= tol).
inline void check_equilibria(const NormalFormGame& game, const std::vector<MixedProfile>& profiles,
                             double tol = 1e-9) {
  for (const MixedProfile& profile : profiles) CHECK(regret(game, profile) <= tol);
}

inline MixedProfile to_double(const ExactProfile& profile) {
  MixedProfile result;
  for (const auto& strategy : profile) {
    result.emplace_back();
    for (const Rational& p : strategy) result.back().push_back(p.convert_to<double>());
  }
  return result;
}

inline std::vector<MixedProfile> to_double(const std::vector<ExactProfile>& profiles) {
  std::vector<MixedProfile> result;
  for (const ExactProfile& profile : profiles) result.push_back(to_double(profile));
  return result;
}

/// Two lists of profiles hold the same profiles within tol, in any order.
inline bool same_profiles(std::vector<MixedProfile> a, std::vector<MixedProfile> b, double tol = 1e-7) {
  if (a.size() != b.size()) return false;
  for (const MixedProfile& p : a) {
    const auto match = std::find_if(b.begin(), b.end(), [&](const MixedProfile& q) {
      for (std::size_t i = 0; i < p.size(); ++i)
        for (std::size_t k = 0; k < p[i].size(); ++k)
          if (std::abs(p[i][k] - q[i][k]) > tol) return false;
      return true;
    });
    if (match == b.end()) return false;
    b.erase(match);
  }
  return true;
}

inline std::set<ExactProfile> as_set(const std::vector<ExactProfile>& profiles) {
  return {profiles.begin(), profiles.end()};
}

/// von Stengel (1999), "New maximal numbers of equilibria in bimatrix
/// games", Discrete & Computational Geometry 21, 557-568: the 6 x 6 game
/// with 75 equilibria (integer form of the published matrices).
inline NormalFormGame von_stengel_75() {
  const Matrix A = {{9504, -660, 19976, -20526, 1776, -8976},
                                      {-111771, 31680, -130944, 168124, -8514, 52764},
                                      {397584, -113850, 451176, -586476, 29216, -178761},
                                      {171204, -45936, 208626, -263076, 14124, -84436},
                                      {1303104, -453420, 1227336, -1718376, 72336, -461736},
                                      {737154, -227040, 774576, -1039236, 48081, -300036}};
  const Matrix B = {{72336, 48081, 29216, 14124, 1776, -8514},
                                      {-461736, -300036, -178761, -84436, -8976, 52764},
                                      {1227336, 774576, 451176, 208626, 19976, -130944},
                                      {-1718376, -1039236, -586476, -263076, -20526, 168124},
                                      {1303104, 737154, 397584, 171204, 9504, -111771},
                                      {-453420, -227040, -113850, -45936, -660, 31680}};
  return bimatrix_game(A, B);
}

/// Random integer payoffs 0..high (ties, hence degeneracy, are common for small high).
inline NormalFormGame random_bimatrix(std::size_t m, std::size_t n, std::uint64_t seed, int high) {
  return random_game({m, n}, seed, 0, high, true);
}

/// Calls check(game) on random games of every size up to max_size x
/// max_size, with payoffs 0..1, 0..3 (degenerate) and 0..99.
template <class Check>
void for_random_bimatrices(std::size_t max_size, std::uint64_t seed, Check&& check) {
  for (std::size_t m = 1; m <= max_size; ++m)
    for (std::size_t n = 1; n <= max_size; ++n)
      for (int high : {1, 3, 99}) check(random_bimatrix(m, n, seed++, high));
}

namespace detail_brute {

/// Solves the square system M z = r exactly; false if singular.
inline bool solve(std::vector<std::vector<Rational>> M, std::vector<Rational> r, std::vector<Rational>& z) {
  const std::size_t k = r.size();
  for (std::size_t c = 0; c < k; ++c) {
    std::size_t p = c;
    while (p < k && M[p][c] == 0) ++p;
    if (p == k) return false;
    std::swap(M[p], M[c]);
    std::swap(r[p], r[c]);
    for (std::size_t i = 0; i < k; ++i) {
      if (i == c || M[i][c] == 0) continue;
      const Rational f = M[i][c] / M[c][c];
      for (std::size_t j = c; j < k; ++j) M[i][j] -= f * M[c][j];
      r[i] -= f * r[c];
    }
  }
  z.resize(k);
  for (std::size_t c = 0; c < k; ++c) z[c] = r[c] / M[c][c];
  return true;
}

/// Vertices (strategy, label set) of {z >= 0, sum z = 1, C^T z <= v}: one
/// player's best-response polyhedron, C[s][t] the opponent's payoff when
/// this player plays s and the opponent t. Labels: own strategies 0..s-1
/// (z_s = 0), then the opponent's strategies (best responses).
inline std::vector<std::pair<std::vector<Rational>, std::vector<bool>>> vertices(
    const std::vector<std::vector<Rational>>& C) {
  const std::size_t s = C.size(), t = C.front().size(), labels = s + t;
  std::vector<std::pair<std::vector<Rational>, std::vector<bool>>> found;
  // Every choice of s tight labels: with sum z = 1, s + 1 equations in (z, v).
  std::vector<bool> chosen(labels, false);
  std::fill(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(s), true);
  std::sort(chosen.begin(), chosen.end());
  do {
    std::vector<std::vector<Rational>> M;
    std::vector<Rational> r;
    for (std::size_t l = 0; l < labels; ++l) {
      if (!chosen[l]) continue;
      std::vector<Rational> row(s + 1, Rational(0));
      if (l < s) {
        row[l] = 1;
      } else {
        for (std::size_t k = 0; k < s; ++k) row[k] = C[k][l - s];
        row[s] = -1;
      }
      M.push_back(row);
      r.push_back(0);
    }
    std::vector<Rational> last(s + 1, Rational(1));
    last[s] = 0;
    M.push_back(last);
    r.push_back(1);
    std::vector<Rational> z;
    if (!solve(M, r, z)) continue;
    bool feasible = true;
    std::vector<bool> tight(labels);
    for (std::size_t k = 0; k < s; ++k) {
      feasible = feasible && z[k] >= 0;
      tight[k] = z[k] == 0;
    }
    for (std::size_t u = 0; u < t; ++u) {
      Rational payoff = 0;
      for (std::size_t k = 0; k < s; ++k) payoff += z[k] * C[k][u];
      feasible = feasible && payoff <= z[s];
      tight[s + u] = payoff == z[s];
    }
    z.pop_back();
    if (feasible && std::none_of(found.begin(), found.end(), [&](const auto& v) { return v.first == z; }))
      found.emplace_back(z, tight);
  } while (std::next_permutation(chosen.begin(), chosen.end()));
  return found;
}

}  // namespace detail_brute

/// All extreme equilibria by brute force: every vertex of each player's
/// best-response polyhedron from every square subsystem, then the pairs
/// whose labels cover all strategies. Exponential; for games up to about 4 x 4.
inline std::set<ExactProfile> brute_force_extreme_equilibria(const NormalFormGame& game) {
  const auto exact = exact_game(game);
  const std::size_t m = game.nums_actions()[0], n = game.nums_actions()[1];
  std::vector<std::vector<Rational>> B(m, std::vector<Rational>(n)), At(n, std::vector<Rational>(m));
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      B[i][j] = exact.payoff(1, {i, j});
      At[j][i] = exact.payoff(0, {i, j});
    }
  const auto xs = detail_brute::vertices(B), ys = detail_brute::vertices(At);
  std::set<ExactProfile> equilibria;
  for (const auto& [x, x_labels] : xs)
    for (const auto& [y, y_labels] : ys) {
      bool complete = true;
      for (std::size_t i = 0; i < m; ++i) complete = complete && (x_labels[i] || y_labels[n + i]);
      for (std::size_t j = 0; j < n; ++j) complete = complete && (x_labels[m + j] || y_labels[j]);
      if (complete) equilibria.insert({x, y});
    }
  return equilibria;
}

}  // namespace dilemma::testing

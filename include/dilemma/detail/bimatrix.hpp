// The payoff matrices of a two-player game in the arithmetic of a solver,
// and the checks every two-player solver applies to its input. Not public API.
#pragma once

#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "dilemma/core/errors.hpp"
#include "dilemma/games/normal_form_game.hpp"

namespace dilemma::detail {

/// Payoff matrices A (row player) and B (column player), m x n, row-major.
template <class Scalar>
struct Bimatrix {
  std::size_t m = 0, n = 0;
  std::vector<Scalar> a, b;
  const Scalar& A(std::size_t i, std::size_t j) const { return a[i * n + j]; }
  const Scalar& B(std::size_t i, std::size_t j) const { return b[i * n + j]; }
};

/// Throws unless the game has exactly two players.
template <class Payoff>
void check_two_players(const char* function, const BasicNormalFormGame<Payoff>& game) {
  if (game.num_players() != 2)
    fail(function, "needs a two-player game, got ", game.num_players(), " players with action counts ",
         format_tuple(game.nums_actions()));
}

/// Throws unless `tol` is finite and >= 0.
inline void check_tolerance(const char* function, const char* name, double tol) {
  if (!std::isfinite(tol) || tol < 0) fail(function, name, " must be finite and >= 0, got ", tol);
}

/// The game's matrices converted to Scalar (exactly, for rational Scalar).
template <class Scalar, class Payoff>
Bimatrix<Scalar> to_bimatrix(const char* function, const BasicNormalFormGame<Payoff>& game) {
  check_two_players(function, game);
  Bimatrix<Scalar> result;
  result.m = game.nums_actions()[0];
  result.n = game.nums_actions()[1];
  const std::size_t size = result.m * result.n;
  for (std::size_t k = 0; k < size; ++k) {
    result.a.push_back(Scalar(game.payoffs(0)[k]));
    result.b.push_back(Scalar(game.payoffs(1)[k]));
  }
  return result;
}

/// Each player's payoffs mapped by a positive affine map onto [1, 2] (a
/// constant matrix becomes all ones). Equilibria do not change, all payoffs
/// are positive as the polytope methods need, and tolerances become
/// relative to each player's payoff range.
template <class Scalar>
Bimatrix<Scalar> normalized(Bimatrix<Scalar> game) {
  for (std::vector<Scalar>* matrix : {&game.a, &game.b}) {
    Scalar low = matrix->front(), high = matrix->front();
    for (const Scalar& value : *matrix) {
      if (value < low) low = value;
      if (value > high) high = value;
    }
    const Scalar range = high - low;
    for (Scalar& value : *matrix)
      value = range == Scalar(0) ? Scalar(1) : Scalar(1) + (value - low) / range;
  }
  return game;
}

}  // namespace dilemma::detail

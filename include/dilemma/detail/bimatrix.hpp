// The payoff matrices of a two-player game in the arithmetic of a solver,
// and the checks every two-player solver applies to its input. Not public API.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "dilemma/core/errors.hpp"
#include "dilemma/core/monitor.hpp"
#include "dilemma/core/shape.hpp"
#include "dilemma/detail/rational.hpp"
#include "dilemma/detail/tableau.hpp"
#include "dilemma/games/normal_form_game.hpp"

namespace dilemma {

/// Default tolerance of the floating-point two-player solvers, relative to
/// each player's payoff range (payoffs are rescaled onto [1, 2] first).
inline constexpr double kBimatrixTolerance = 1e-9;

}  // namespace dilemma

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

/// The game's matrices converted to Scalar; doubles become the Rational of
/// their shortest decimal form (to_rational).
template <class Scalar, class Payoff>
Bimatrix<Scalar> to_bimatrix(const char* function, const BasicNormalFormGame<Payoff>& game) {
  check_two_players(function, game);
  Bimatrix<Scalar> result;
  result.m = game.nums_actions()[0];
  result.n = game.nums_actions()[1];
  const std::size_t size = result.m * result.n;
  check_fits_in_memory(function, 2 * size, sizeof(Scalar), "the two payoff matrices");
  result.a.reserve(size);
  result.b.reserve(size);
  for (std::size_t k = 0; k < size; ++k)
    for (std::size_t player = 0; player < 2; ++player) {
      if constexpr (!std::is_floating_point_v<Scalar>) checkpoint(function);  // exact: microseconds a payoff
      const Payoff& payoff = game.payoffs(player)[k];
      Scalar value;
      if constexpr (std::is_same_v<Scalar, Rational> && std::is_floating_point_v<Payoff>)
        value = to_rational(static_cast<double>(payoff));
      else
        value = Scalar(payoff);
      (player == 0 ? result.a : result.b).push_back(std::move(value));
    }
  return result;
}

/// Each player's payoffs mapped by a positive affine map onto positive
/// numbers; equilibria do not change. Floating point: onto [1, 2] (a
/// constant matrix becomes all ones), so tolerances are relative to each
/// player's payoff range. Rational: onto integers >= 1 (times the common
/// denominator, minus the minimum), as the fraction-free tableaux need.
template <class Scalar>
Bimatrix<Scalar> normalized(Bimatrix<Scalar> game) {
  for (std::vector<Scalar>* matrix : {&game.a, &game.b}) {
    Scalar low = matrix->front(), high = matrix->front();
    for (const Scalar& value : *matrix) {
      if (value < low) low = value;
      if (value > high) high = value;
    }
    if constexpr (std::is_floating_point_v<Scalar>) {
      // In halves, so that payoffs near +-DBL_MAX do not overflow the range.
      const Scalar half_low = low / 2, range = high / 2 - half_low;
      for (Scalar& value : *matrix)
        value = range == Scalar(0) ? Scalar(1) : Scalar(1) + (value / 2 - half_low) / range;
    } else {
      // The common denominator of many fractions has thousands of digits:
      // each step is a checkpoint, and each integer payoff (and each tableau
      // entry made from it) holds about as many bits as the denominator and
      // the range: refused as soon as they would not fit.
      const char* function = current_solver("normalized");
      const Scalar range = high - low;
      const Integer whole_range = numerator(range) / denominator(range) + 1;
      const auto check_bits = [&](const Integer& scale) {
        const std::size_t bits = boost::multiprecision::msb(scale) + boost::multiprecision::msb(whole_range) + 2;
        check_fits_in_memory(function, 2 * matrix->size(), sizeof(Scalar) + bits / 8,
                             "the integer payoffs of " + std::to_string(bits) +
                                 " bits over their common denominator (in the matrices and the tableau)");
      };
      Integer scale = 1;
      for (std::size_t k = 0; k < matrix->size(); ++k) {
        checkpoint(function);
        const Integer d = denominator((*matrix)[k]);
        scale *= d / gcd(d, Integer(scale % d));  // lcm; the remainder first keeps the gcd small
        if (k % 64 == 63) check_bits(scale);
      }
      check_bits(scale);
      for (Scalar& value : *matrix) {
        checkpoint(function);
        value = (value - low) * scale + 1;
      }
    }
  }
  return game;
}

/// A normalised payoff as a tableau entry: itself, or its integer value.
inline double to_entry(double value) { return value; }
inline Integer to_entry(const Rational& value) { return numerator(value); }

inline void append_doubles(std::vector<double>& key, double value) { key.push_back(value); }
inline void append_doubles(std::vector<double>& key, const Rational& value) {
  key.push_back(value.convert_to<double>());
}
template <class Element>
void append_doubles(std::vector<double>& key, const std::vector<Element>& values) {
  for (const Element& value : values) append_doubles(key, value);
}

/// Sorts strategies or profiles (nested vectors of double or Rational)
/// lexicographically by their values as doubles, ties broken exactly: a
/// stable order, and far cheaper than comparing rationals throughout.
template <class Value>
void sort_by_value(std::vector<Value>& values) {
  using Keyed = std::pair<std::vector<double>, Value>;
  std::vector<Keyed> keyed;
  keyed.reserve(values.size());
  for (Value& value : values) {
    std::vector<double> key;
    append_doubles(key, value);
    keyed.emplace_back(std::move(key), std::move(value));
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  for (std::size_t k = 0; k < keyed.size(); ++k) values[k] = std::move(keyed[k].second);
}

/// Largest absolute difference of two nested vectors of the same shape.
inline double max_difference(double a, double b) { return std::fabs(a - b); }
inline double max_difference(const Rational& a, const Rational& b) { return a == b ? 0.0 : HUGE_VAL; }
template <class Element>
double max_difference(const std::vector<Element>& a, const std::vector<Element>& b) {
  double result = 0;
  for (std::size_t k = 0; k < a.size(); ++k) result = std::max(result, max_difference(a[k], b[k]));
  return result;
}

/// Removes values equal to an earlier one (within `tol` for doubles, exactly
/// for rationals), keeping the order.
template <class Value>
void remove_duplicates(std::vector<Value>& values, double tol) {
  std::vector<Value> kept;
  for (Value& value : values) {
    bool seen = false;
    for (const Value& other : kept) seen = seen || max_difference(value, other) <= tol;
    if (!seen) kept.push_back(std::move(value));
  }
  values = std::move(kept);
}

}  // namespace dilemma::detail

// All pure Nash equilibria of a symmetric game, as count classes.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "dilemma/core/combinatorics.hpp"
#include "dilemma/games/symmetric_game.hpp"

namespace dilemma {

/// The pure profiles in which counts[a] players take action a: all
/// permutations of one profile, equilibria together or not at all.
struct CountClass {
  Counts counts;
  /// Number of pure profiles in the class, Mult(n; counts), exactly.
  boost::multiprecision::cpp_int multiplicity() const { return multinomial(counts); }
  /// log Mult(n; counts), for sizes beyond double range.
  double log_multiplicity() const { return log_multinomial(counts); }
  /// Mult(n; counts) as a double: exact below 2^52, rounded above (inf past
  /// double range).
  double multiplicity_as_double() const {
    const double log_value = log_multiplicity();
    return log_value < 36.0 ? static_cast<double>(multiplicity()) : std::exp(log_value);
  }
  friend bool operator==(const CountClass& a, const CountClass& b) { return a.counts == b.counts; }
};

namespace detail {

/// is_best[r * s + b]: action b is within tol of the best reply to the
/// others' count vector of rank r. One evaluation of u per (b, m).
inline std::vector<std::uint8_t> best_reply_flags(const SymmetricGame& game, double tol) {
  const std::size_t s = game.num_actions();
  std::vector<std::uint8_t> is_best(s * game.num_count_vectors());
  std::vector<double> values(s);
  Counts m = game.others().first();
  std::size_t r = 0;
  do {
    double best = -HUGE_VAL;
    for (std::size_t b = 0; b < s; ++b) best = std::max(best, values[b] = game.payoff_at_rank(b, r, m));
    for (std::size_t b = 0; b < s; ++b) is_best[r * s + b] = values[b] >= best - tol;
    ++r;
  } while (game.others().next(m));
  return is_best;
}

}  // namespace detail

/// Calls visit(counts) for every pure Nash equilibrium class c (sum n) of a
/// symmetric game, in lexicographic order, without storing them. Class c is
/// an equilibrium when every used action a (c[a] > 0) is within `tol` of a
/// best reply to c - e_a. Complexity: s * C(n+s-2, s-1) payoff evaluations,
/// then O(s^2) per class; memory s * C(n+s-2, s-1) bytes.
template <class Visitor>
void for_each_pure_nash(const SymmetricGame& game, Visitor&& visit, double tol = 0.0) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("pure_nash", "tol must be finite and >= 0, got ", tol);
  const std::size_t s = game.num_actions();
  const std::vector<std::uint8_t> is_best = detail::best_reply_flags(game, tol);
  const CountVectors classes(s, game.num_players());
  Counts c = classes.first();
  do {
    bool stable = true;
    for (std::size_t a = 0; stable && a < s; ++a) {
      if (c[a] == 0) continue;
      --c[a];
      stable = is_best[game.others().rank(c) * s + a];
      ++c[a];
    }
    if (stable) visit(static_cast<const Counts&>(c));
  } while (classes.next(c));
}

/// All pure Nash equilibria of a symmetric game as count classes, in
/// lexicographic order (see for_each_pure_nash).
inline std::vector<CountClass> pure_nash(const SymmetricGame& game, double tol = 0.0) {
  std::vector<CountClass> equilibria;
  for_each_pure_nash(game, [&](const Counts& c) { equilibria.push_back(CountClass{c}); }, tol);
  return equilibria;
}

}  // namespace dilemma

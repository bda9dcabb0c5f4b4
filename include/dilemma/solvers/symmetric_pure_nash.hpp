// All pure Nash equilibria of a symmetric game, as count classes.
#pragma once

#include <algorithm>
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

/// Calls visit(counts) for every pure Nash equilibrium class c (sum n) of the
/// anonymous game with n players, s actions and payoffs payoff(a, m) (m: the
/// others' counts), in lexicographic order, without storing them. Class c is
/// an equilibrium when every used action a (c[a] > 0) is within `tol` of a
/// best reply to c - e_a.
///
/// The others' count vectors are visited in layers of equal m_0; a class
/// with c_0 = j needs only the layers j - 1 and j, so memory is two layers
/// (O(s n^(s-2))) and every payoff is evaluated once: s * C(n+s-2, s-1)
/// evaluations, then O(s^2) per class. `payoff` is a template parameter so
/// that a plain function object is inlined.
template <class Payoff, class Visitor>
void for_each_pure_nash(std::size_t n, std::size_t s, Payoff&& payoff, Visitor&& visit, double tol = 0.0) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("pure_nash", "tol must be finite and >= 0, got ", tol);
  if (n == 0 || s == 0) detail::fail("pure_nash", "needs at least one player and one action, got ", n, " and ", s);
  if (s == 1) {  // one action: its single class is an equilibrium
    visit(static_cast<const Counts&>(Counts{n}));
    return;
  }
  const CountVectors rest(s - 1, n);  // counts of actions 1..s-1, any total <= n
  const auto first = [&](Counts& v, std::size_t offset, std::size_t total) {
    std::fill(v.begin() + offset, v.end(), 0);
    v.back() = total;
  };
  // Next composition of the entries [offset, end) in lexicographic order.
  const auto next = [&](Counts& v, std::size_t offset) {
    std::size_t last = v.size();
    while (last-- > offset)
      if (v[last] != 0) break;
    if (last <= offset || last >= v.size()) return false;
    const std::size_t moved = v[last];
    v[last] = 0;
    ++v[last - 1];
    v.back() = moved - 1;
    return true;
  };
  std::vector<std::uint8_t> previous, current;  // flags [rank * s + b] of the layers m_0 = j - 1 and j
  std::vector<double> values(s);
  Counts m(s), c(s);
  for (std::size_t j = 0; j <= n; ++j) {
    if (j < n) {  // the others' vectors with m_0 = j
      const std::size_t total = n - 1 - j;
      current.assign(rest.size(total) * s, 0);
      m[0] = j;
      first(m, 1, total);
      std::size_t r = 0;
      do {
        double best = -HUGE_VAL;
        for (std::size_t b = 0; b < s; ++b) best = std::max(best, values[b] = payoff(b, static_cast<const Counts&>(m)));
        for (std::size_t b = 0; b < s; ++b) current[r * s + b] = best - values[b] <= tol;
        ++r;
      } while (next(m, 1));
    }
    c[0] = j;
    first(c, 1, n - j);
    do {
      bool stable = j == 0 || previous[rest.rank(c.data() + 1, n - j) * s];
      for (std::size_t a = 1; stable && a < s; ++a) {
        if (c[a] == 0) continue;
        --c[a];
        stable = current[rest.rank(c.data() + 1, n - 1 - j) * s + a];
        ++c[a];
      }
      if (stable) visit(static_cast<const Counts&>(c));
    } while (next(c, 1));
    previous.swap(current);
  }
}

/// for_each_pure_nash on a SymmetricGame (table lookups or on-demand calls).
template <class Visitor>
void for_each_pure_nash(const SymmetricGame& game, Visitor&& visit, double tol = 0.0) {
  for_each_pure_nash(
      game.num_players(), game.num_actions(),
      [&](std::size_t a, const Counts& m) { return game.payoff_at(a, m); }, std::forward<Visitor>(visit), tol);
}

/// All pure Nash equilibria of a symmetric game as count classes, in
/// lexicographic order (see for_each_pure_nash).
inline std::vector<CountClass> pure_nash(const SymmetricGame& game, double tol = 0.0) {
  std::vector<CountClass> equilibria;
  for_each_pure_nash(game, [&](const Counts& c) { equilibria.push_back(CountClass{c}); }, tol);
  return equilibria;
}

}  // namespace dilemma

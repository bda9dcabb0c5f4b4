// All pure Nash equilibria of a symmetric game, as count classes.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <future>
#include <thread>
#include <vector>

#include "dilemma/core/monitor.hpp"
#include "dilemma/core/combinatorics.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma {

/// The pure profiles in which counts[a] players take action a: all
/// permutations of one profile, equilibria together or not at all.
struct CountClass {
  Counts counts;
  /// Number of pure profiles in the class, Mult(n; counts), exactly.
  /// Throws InvalidArgument beyond kMaxMultinomialBits (use log_multiplicity).
  boost::multiprecision::cpp_int multiplicity() const {
    detail::check_exact_multinomial("CountClass.multiplicity", counts);
    return multinomial(counts);
  }
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

/// The layered scan behind pure_nash (detail::for_each_pure_nash). Layer j holds, for every
/// count vector m of the others with m_0 = j, a flag per action b: "b is
/// within tol of a best reply to m". A class c with c_0 = j reads only the
/// layers j - 1 (for action 0) and j (for the other actions), so a range of
/// classes [j_begin, j_end) is checked independently of the others.
template <class Payoff>
class PureNashScan {
 public:
  PureNashScan(std::size_t n, std::size_t s, const Payoff& payoff, double tol)
      : n_(n), s_(s), payoff_(payoff), tol_(tol), rest_(s - 1, n) {}

  /// Number of classes with c_0 = j.
  std::size_t classes_in_layer(std::size_t j) const { return rest_.size(n_ - j); }

  /// Calls emit(c) for the equilibrium classes with c_0 in [j_begin, j_end),
  /// in lexicographic order.
  template <class Emit>
  void scan(std::size_t j_begin, std::size_t j_end, Emit&& emit) const {
    std::vector<std::uint8_t> previous, current;  // flags [rank * s + b] of the layers j - 1 and j
    Counts m(s_), c(s_);
    if (j_begin > 0) fill_layer(j_begin - 1, m, previous);
    for (std::size_t j = j_begin; j < j_end; ++j) {
      checkpoint("pure_nash", static_cast<double>(j), static_cast<double>(n_ + 1));  // no-op on worker threads
      if (j < n_) fill_layer(j, m, current);
      if (s_ == 3) {  // the hot case: within a layer, ranks are the counts of action 1
        const std::size_t rest = n_ - j;
        for (std::size_t k = 0; k <= rest; ++k)
          if ((j == 0 || previous[3 * k]) && (k == 0 || current[3 * (k - 1) + 1]) &&
              (k == rest || current[3 * k + 2])) {
            c = {j, k, rest - k};
            emit(static_cast<const Counts&>(c));
          }
      } else {
        c[0] = j;
        first(c, n_ - j);
        std::size_t r = 0;  // rank of c in its layer, also that of c - e_0 in the previous layer
        do {
          bool stable = j == 0 || previous[r++ * s_];
          for (std::size_t a = 1; stable && a < s_; ++a) {
            if (c[a] == 0) continue;
            --c[a];
            stable = current[rest_.rank(c.data() + 1, n_ - 1 - j) * s_ + a];
            ++c[a];
          }
          if (stable) emit(static_cast<const Counts&>(c));
        } while (next(c));
      }
      previous.swap(current);
    }
  }

 private:
  // The others' vectors with m_0 = j: flags of every action against each.
  void fill_layer(std::size_t j, Counts& m, std::vector<std::uint8_t>& flags) const {
    // Locals, not members: the byte stores below may alias any object, so
    // members would be reloaded after each one.
    const std::size_t s = s_, total = n_ - 1 - j;
    const double tol = tol_;
    const Payoff payoff = payoff_;
    check_fits_in_memory("pure_nash", 2 * rest_.size(total), s, "two layers of best-reply flags");
    flags.resize(rest_.size(total) * s);
    m[0] = j;
    first(m, total);
    std::uint8_t* flag = flags.data();
    if (s == 3) {  // (j, k, total - k) for k = 0..total, as next() would step; all inline
      for (std::size_t k = 0; k <= total; ++k, flag += 3) {
        m[1] = k;
        m[2] = total - k;
        const double u0 = payoff(0, static_cast<const Counts&>(m)), u1 = payoff(1, static_cast<const Counts&>(m)),
                     u2 = payoff(2, static_cast<const Counts&>(m));
        const double best = std::max(u0, std::max(u1, u2));
        flag[0] = best - u0 <= tol;
        flag[1] = best - u1 <= tol;
        flag[2] = best - u2 <= tol;
      }
    } else {
      std::vector<double> values(s);
      do {
        double best = -HUGE_VAL;
        for (std::size_t b = 0; b < s; ++b) best = std::max(best, values[b] = payoff(b, static_cast<const Counts&>(m)));
        for (std::size_t b = 0; b < s; ++b) *flag++ = best - values[b] <= tol;
      } while (next(m));
    }
  }
  // (v_0, 0, ..., 0, total): the first vector of a layer.
  static void first(Counts& v, std::size_t total) {
    std::fill(v.begin() + 1, v.end(), 0);
    v.back() = total;
  }
  // Next composition of the entries 1..s-1 in lexicographic order.
  static bool next(Counts& v) {
    std::size_t last = v.size();
    while (last-- > 1)
      if (v[last] != 0) break;
    if (last <= 1 || last >= v.size()) return false;
    const std::size_t moved = v[last];
    v[last] = 0;
    ++v[last - 1];
    v.back() = moved - 1;
    return true;
  }

  std::size_t n_, s_;
  Payoff payoff_;  // a copy: a function reference decays to a pointer that must outlive the scan
  double tol_;
  CountVectors rest_;  // counts of actions 1..s-1, any total <= n
};

/// Calls visit(counts) for every pure Nash equilibrium class c (sum n) of the
/// anonymous game with n players, s actions and payoffs payoff(a, m) (m: the
/// others' counts), in lexicographic order, without storing them. Class c is
/// an equilibrium when every used action a (c[a] > 0) is within `tol` (an
/// absolute payoff) of a best reply to c - e_a.
///
/// The others' count vectors are visited in layers of equal m_0; a class
/// with c_0 = j needs only the layers j - 1 and j, so every payoff is
/// evaluated about once. `payoff` is a template parameter so that a plain
/// function object is inlined.
/// Complexity: about s * C(n + s - 2, s - 1) payoff evaluations (one layer
/// more per block when threaded), then O(s^2) time for each of the
/// C(n + s - 1, s - 1) classes; O(s n^(s-2)) memory per thread (two layers).
///
/// With threads > 1 blocks of layers are scanned concurrently (threads is
/// capped at the hardware threads; 0 means all of them), so payoff must then
/// be safe to call from several threads at once; visit is still called from
/// the calling thread, in order.
/// Each block recomputes one layer, and the equilibria of blocks finished
/// ahead of their turn wait in memory (at most a few blocks of ~4 million
/// classes).
template <class Payoff, class Visitor>
void for_each_pure_nash(std::size_t n, std::size_t s, Payoff&& payoff, Visitor&& visit, double tol = 0.0,
                        std::size_t threads = 1) {
  if (!std::isfinite(tol) || tol < 0) detail::fail("pure_nash", "tol must be finite and >= 0, got ", tol);
  if (n == 0 || s == 0) detail::fail("pure_nash", "needs at least one player and one action, got ", n, " and ", s);
  if (s == 1) {  // one action: its single class is an equilibrium
    visit(static_cast<const Counts&>(Counts{n}));
    return;
  }
  const detail::PureNashScan<std::decay_t<Payoff>> scan(n, s, payoff, tol);
  const std::size_t hardware = std::max(1u, std::thread::hardware_concurrency());
  if (threads == 0 || threads > hardware) threads = hardware;
  // Blocks of consecutive layers with at least `target` classes (and 8 first
  // layers, so that recomputing one layer per block costs little).
  const std::size_t target = std::max<std::size_t>(std::size_t{1} << 22, 8 * scan.classes_in_layer(0));
  std::vector<std::size_t> bounds{0};
  for (std::size_t j = 0, size = 0; j <= n; ++j) {
    size += scan.classes_in_layer(j);
    if (size >= target || j == n) {
      bounds.push_back(j + 1);
      size = 0;
    }
  }
  const std::size_t blocks = bounds.size() - 1;
  if (threads == 1 || blocks == 1) {
    scan.scan(0, n + 1, visit);
    return;
  }
  // Waves of `threads` blocks: the calling thread scans the first block of a
  // wave and visits its equilibria at once, then those of the others in order.
  using Found = std::vector<std::size_t>;  // flat count vectors
  Counts c(s);
  const auto replay = [&](const Found& found) {
    for (std::size_t k = 0; k < found.size(); k += s) {
      std::copy(found.begin() + k, found.begin() + k + s, c.begin());
      visit(static_cast<const Counts&>(c));
    }
  };
  for (std::size_t wave = 0; wave < blocks; wave += threads) {
    const std::size_t end = std::min(blocks, wave + threads);
    std::vector<std::future<Found>> others;
    for (std::size_t b = wave + 1; b < end; ++b)
      others.push_back(std::async(std::launch::async, [&scan, &bounds, b] {
        Found found;
        scan.scan(bounds[b], bounds[b + 1], [&](const Counts& e) {
          check_growth("pure_nash", found, e.size(), "the equilibrium classes of a block waiting for its turn");
          found.insert(found.end(), e.begin(), e.end());
        });
        return found;
      }));
    // If visit or payoff throws here, the futures' destructors wait for the
    // other blocks before the exception leaves.
    scan.scan(bounds[wave], bounds[wave + 1], visit);
    for (auto& other : others) replay(other.get());
  }
}

}  // namespace detail

/// All pure Nash equilibria of a symmetric game as count classes, in
/// lexicographic order: class c is an equilibrium when every used action
/// (c[a] > 0) is within options.tol * payoff_range(game) of a best reply to
/// c - e_a. With `visit`, each class is handed to it as the scan finds it
/// and none is kept (n = 10^5 players without storing 5 * 10^9 classes).
/// Blocks of layers are scanned on every hardware thread when the game's
/// payoff may be called concurrently (SymmetricGame::thread_safe()). The
/// report: exhaustive and converged, num_iter the classes checked,
/// C(n + s - 1, s - 1).
/// Complexity: about s * C(n + s - 2, s - 1) payoff lookups or calls (a
/// table lookup costs O(s), the rank), O(s^2) for each class, O(s) memory
/// per equilibrium kept; s * C more for payoff_range when tol > 0.
Equilibria<CountClass> pure_nash(const SymmetricGame& game, const PureNashOptions& options = {},
                                 const Visitor<CountClass>& visit = {});

}  // namespace dilemma

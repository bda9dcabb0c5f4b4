// Count vectors (how many players take each action) and multinomial
// coefficients, computed stably for large populations.
#pragma once

#include <algorithm>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "dilemma/core/errors.hpp"
#include "dilemma/core/shape.hpp"

namespace dilemma {

/// counts[a] = number of players taking action a.
using Counts = std::vector<std::size_t>;

/// All count vectors of `total` players over `num_actions` actions (the
/// compositions of total into num_actions parts), in lexicographic order:
/// (0, ..., 0, total) first, (total, 0, ..., 0) last. rank() and unrank()
/// map them to 0 .. size()-1 with a table of binomials.
class CountVectors {
 public:
  /// Complexity: O((total + s) * s) time and memory for the binomial table,
  /// s = num_actions.
  CountVectors(std::size_t num_actions, std::size_t total) : parts_(num_actions), total_(total) {
    if (num_actions == 0) detail::fail("CountVectors", "need at least one action, got 0");
    if (total > (std::size_t{1} << 40) || num_actions > (std::size_t{1} << 20))
      detail::fail("CountVectors", "cannot index count vectors of ", total, " players over ", num_actions, " actions");
    // binomial_[x * (parts + 1) + p] = C(x, p) for x <= total + parts, p <= parts.
    const std::size_t rows = total + num_actions + 1, columns = num_actions + 1;
    const long double size = std::exp(std::lgamma(static_cast<long double>(total + num_actions)) -
                                      std::lgamma(static_cast<long double>(total + 1)) -
                                      std::lgamma(static_cast<long double>(num_actions)));
    if (size > 1e18L)
      detail::fail("CountVectors", "there are about ", static_cast<double>(size), " count vectors of ",
                   total, " players over ", num_actions, " actions, more than can be indexed");
    detail::check_fits_in_memory("CountVectors", rows * columns, sizeof(std::uint64_t), "a table of binomial coefficients");
    binomial_.assign(rows * columns, 0);
    for (std::size_t x = 0; x < rows; ++x) {
      binomial_[x * columns] = 1;
      for (std::size_t p = 1; p <= std::min(x, parts_); ++p)
        binomial_[x * columns + p] = binomial_[(x - 1) * columns + p - 1] +
                                     (p <= x - 1 ? binomial_[(x - 1) * columns + p] : 0);
    }
    size_ = binomial(total + parts_ - 1, parts_ - 1);
  }

  std::size_t num_actions() const noexcept { return parts_; }
  std::size_t total() const noexcept { return total_; }
  /// Number of count vectors, C(total + num_actions - 1, num_actions - 1).
  std::size_t size() const noexcept { return size_; }

  /// Position of `counts` in lexicographic order (counts must be valid).
  /// Complexity: O(s).
  std::size_t rank(const Counts& counts) const noexcept { return rank(counts.data(), total_); }

  /// Position of the count vector counts[0 .. num_actions) among those with
  /// the given total (total <= this->total(): the binomial table is shared).
  std::size_t rank(const std::size_t* counts, std::size_t total) const noexcept {
    if (parts_ == 2) return counts[0];  // (0, t), (1, t-1), ...: the hot case of 3-action games
    std::size_t result = 0, remaining = total;
    for (std::size_t j = 0; j + 1 < parts_; ++j) {
      const std::size_t p = parts_ - j - 1;
      // Vectors that agree before j and have a smaller entry at j (hockey-stick identity).
      result += binomial(remaining + p, p) - binomial(remaining - counts[j] + p, p);
      remaining -= counts[j];
    }
    return result;
  }

  /// Number of count vectors with the given total (<= this->total()).
  std::size_t size(std::size_t total) const noexcept { return binomial(total + parts_ - 1, parts_ - 1); }

  /// The count vector at a position (inverse of rank).
  /// Complexity: O(s + total).
  Counts unrank(std::size_t position) const {
    if (position >= size_)
      detail::fail("CountVectors::unrank", "position ", position, " is out of range; there are ",
                   size_, " count vectors");
    Counts counts(parts_, 0);
    std::size_t remaining = total_;
    for (std::size_t j = 0; j + 1 < parts_; ++j) {
      const std::size_t p = parts_ - j - 1;
      std::size_t value = 0;
      // Count vectors with entry v at j: C(remaining - v + p - 1, p - 1).
      while (position >= binomial(remaining - value + p - 1, p - 1)) {
        position -= binomial(remaining - value + p - 1, p - 1);
        ++value;
      }
      counts[j] = value;
      remaining -= value;
    }
    counts[parts_ - 1] = remaining;
    return counts;
  }

  /// The first count vector, (0, ..., 0, total).
  Counts first() const {
    Counts counts(parts_, 0);
    counts[parts_ - 1] = total_;
    return counts;
  }

  /// Steps to the next count vector in lexicographic order; false after the
  /// last one (total, 0, ..., 0), which is left unchanged.
  /// Complexity: O(s).
  bool next(Counts& counts) const noexcept {
    std::size_t last = parts_;  // last nonzero position
    while (last-- > 0)
      if (counts[last] != 0) break;
    if (last == 0 || last >= parts_) return false;
    const std::size_t moved = counts[last];
    counts[last] = 0;
    ++counts[last - 1];
    counts[parts_ - 1] = moved - 1;
    return true;
  }

  /// C(x, p) for x <= total + num_actions and p <= num_actions.
  std::size_t binomial(std::size_t x, std::size_t p) const noexcept {
    return p > x ? 0 : binomial_[x * (parts_ + 1) + p];
  }

 private:
  std::size_t parts_, total_, size_ = 0;
  std::vector<std::uint64_t> binomial_;
};

/// log of the multinomial coefficient total! / prod_a counts[a]!, by Boost's
/// log-gamma (no factorials, no overflow).
/// Complexity: O(s) time for s = counts.size(), O(1) extra memory.
/// \sa multinomial
inline double log_multinomial(const Counts& counts) {
  double total = 0.0, result = 0.0;
  for (std::size_t c : counts) {
    total += static_cast<double>(c);
    result -= boost::math::lgamma(static_cast<double>(c) + 1.0);
  }
  return result + boost::math::lgamma(total + 1.0);
}

/// The largest exact multinomial computed (bits): the product takes time
/// quadratic in its size (about a second at 2^18 bits, half a minute at
/// 2^20); log_multinomial gives any size at once.
inline constexpr double kMaxMultinomialBits = double(1 << 20);

namespace detail {

/// Throws InvalidArgument naming `function` when Mult(N; counts) has more
/// than kMaxMultinomialBits bits.
inline void check_exact_multinomial(const char* function, const Counts& counts) {
  const double log_value = log_multinomial(counts), bits = log_value / std::log(2.0);
  if (bits > kMaxMultinomialBits)
    fail(function, "the multiplicity of ", format_tuple(counts), " has about ", std::floor(log_value / std::log(10.0)) + 1,
         " decimal digits, too many to compute exactly (the limit is ", kMaxMultinomialBits,
         " bits); use log_multiplicity, here ", log_value);
}

}  // namespace detail

/// The multinomial coefficient as an exact integer. Throws InvalidArgument,
/// naming log_multinomial, when it has more than kMaxMultinomialBits bits.
/// Complexity: O(N - max_a counts[a]) big-integer multiplications and
/// divisions for N = sum of counts (each on numbers of O(log result) bits).
/// \sa log_multinomial
inline boost::multiprecision::cpp_int multinomial(const Counts& counts) {
  detail::check_exact_multinomial("multinomial", counts);
  // Product of binomials C(c_0 + ... + c_j, c_j), each built exactly,
  // starting from the largest count so that the work is O(total - max).
  boost::multiprecision::cpp_int result = 1;
  const auto largest = std::max_element(counts.begin(), counts.end());
  std::size_t running = largest == counts.end() ? 0 : *largest;
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it == largest) continue;
    for (std::size_t k = 1; k <= *it; ++k) {
      ++running;
      result *= running;
      result /= k;
    }
  }
  return result;
}

}  // namespace dilemma

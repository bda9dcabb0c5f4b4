// A small dense simplex tableau shared by the two-player solvers (vertex
// enumeration, Lemke-Howson, linear programs). Not public API.
//
// Rows are equations sum_j T[r][j] z_j = rhs_r over variables z; each row
// has one basic variable, so the basic solution sets z_{basic(r)} = rhs_r
// and every other variable to 0.
//
// Scalar = double: Gauss-Jordan pivoting; signs are taken within an absolute
// tolerance `eps`. Scalar = Rational: integer pivoting (the fraction-free
// method of Edmonds and Bareiss, as in lrs): integer entries of type Entry
// (CheckedInt, Integer) over one common positive denominator, every
// division exact, no gcds; signs and ratio comparisons exact.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "dilemma/core/errors.hpp"
#include "dilemma/core/monitor.hpp"
#include "dilemma/core/shape.hpp"
#include "dilemma/detail/rational.hpp"

namespace dilemma {

/// The tolerances a floating-point pivoting method can use (the tableau's
/// zero test on payoffs rescaled onto [1, 2]): below kMinPivotTolerance
/// rounding noise reads as a sign and a pivot on it corrupts the path; above
/// kMaxPivotTolerance genuine entries read as zero. Measured on 600 random
/// games (benchmarks/RESULTS.md): 1e-16 and 0 broke Lemke-Howson paths and
/// vertex enumeration, 1e-3 gave regrets of 1e-3 to 1e-2, 1e-15 to 1e-4
/// were exact to rounding; the range keeps a factor of 10 to 100 from both.
/// Exact arithmetic ignores tol.
inline constexpr double kMinPivotTolerance = 1e-13;
inline constexpr double kMaxPivotTolerance = 1e-5;

}  // namespace dilemma

namespace dilemma::detail {

/// Throws unless `tol` is finite and >= 0.
inline void check_tolerance(const char* function, const char* name, double tol) {
  if (!std::isfinite(tol) || tol < 0) fail(function, name, " must be finite and >= 0, got ", tol);
}

/// Throws unless `tol` is one a pivoting method in Scalar's arithmetic can
/// use: in [kMinPivotTolerance, kMaxPivotTolerance] for double; finite and
/// >= 0 when exact (then ignored).
template <class Scalar>
void check_pivot_tolerance(const char* function, double tol) {
  if constexpr (std::is_floating_point_v<Scalar>) {
    if (!(tol >= kMinPivotTolerance && tol <= kMaxPivotTolerance))
      fail(function, "tol must be in [", kMinPivotTolerance, ", ", kMaxPivotTolerance,
           "] (relative to the payoff range; rounding noise reads as a sign below, genuine payoff differences "
           "read as zero above; rational=True computes exactly), got ",
           tol);
  } else {
    check_tolerance(function, "tol", tol);
  }
}

/// Why a floating-point pivoting method gave up: rounding broke a path that
/// exact arithmetic follows to its end.
inline std::string numerical_failure_message(double tol) {
  std::ostringstream out;
  out << "rounding broke the pivoting at tol = ";
  append_value(out, tol);
  out << "; try another tol in [";
  append_value(out, kMinPivotTolerance);
  out << ", ";
  append_value(out, kMaxPivotTolerance);
  out << "] or rational=True";
  return out.str();
}

inline constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

/// The default storage of a tableau of Scalar values.
template <class Scalar>
using DefaultEntry = std::conditional_t<std::is_floating_point_v<Scalar>, Scalar, Integer>;

template <class Scalar, class Entry = DefaultEntry<Scalar>>
class Tableau {
  static_assert(std::is_floating_point_v<Scalar> ? std::is_same_v<Scalar, Entry> : std::is_same_v<Scalar, Rational>,
                "Tableau supports double, and Rational over integer entries");

 public:
  static constexpr bool exact = !std::is_floating_point_v<Scalar>;

  Tableau() = default;
  /// All entries zero, no basic variables; `eps` is ignored when exact.
  Tableau(std::size_t rows, std::size_t vars, double eps = 0)
      : rows_(rows), vars_(vars), width_(vars + 1), data_(checked_size(rows, vars + 1), Entry(0)),
        basic_(rows, kNone), row_of_(vars, kNone), eps_(exact ? 0 : eps) {}

  std::size_t rows() const noexcept { return rows_; }
  /// The zero test's tolerance (0 when exact).
  double eps() const noexcept { return eps_; }
  /// Bytes of the entries (their own, not those of big integers' digits).
  std::size_t bytes() const noexcept { return data_.size() * sizeof(Entry); }
  std::size_t vars() const noexcept { return vars_; }
  std::size_t basic(std::size_t r) const { return basic_[r]; }
  /// Row where `var` is basic, or kNone.
  std::size_t row_of(std::size_t var) const { return row_of_[var]; }
  bool is_basic(std::size_t var) const { return row_of_[var] != kNone; }

  /// Sets an entry before the first pivot (integers only when exact).
  void set(std::size_t r, std::size_t var, const Entry& value) { at(r, var) = value; }
  void set_rhs(std::size_t r, const Entry& value) { at(r, vars_) = value; }
  /// Declares `var` basic in row r without pivoting: its column must
  /// already be the unit vector e_r (before any pivot).
  void set_basic(std::size_t r, std::size_t var) {
    basic_[r] = var;
    row_of_[var] = r;
  }

  /// Sign of T[r][var], of rhs_r, of the value of `var` (-1, 0, 1).
  int sign(std::size_t r, std::size_t var) const { return entry_sign(at(r, var)); }
  int rhs_sign(std::size_t r) const { return entry_sign(at(r, vars_)); }
  int value_sign(std::size_t var) const { return is_basic(var) ? rhs_sign(row_of_[var]) : 0; }

  /// Value of `var` in the basic solution (exact when Scalar is Rational).
  Scalar value(std::size_t var) const {
    if (!is_basic(var)) return Scalar(0);
    if constexpr (exact)
      return Rational(to_integer(at(row_of_[var], vars_)), to_integer(det_));
    else
      return at(row_of_[var], vars_);
  }
  /// T[r][var] (exact when Scalar is Rational).
  Scalar entry(std::size_t r, std::size_t var) const {
    if constexpr (exact)
      return Rational(to_integer(at(r, var)), to_integer(det_));
    else
      return at(r, var);
  }
  /// The value of `var` as a double (for heuristics only).
  double approx_value(std::size_t var) const {
    return is_basic(var) ? as_double(at(row_of_[var], vars_)) / as_double(det_) : 0.0;
  }

  /// |T[r][a]| > |T[r][b]|.
  bool larger_magnitude(std::size_t r, std::size_t a, std::size_t b) const {
    return abs_entry(at(r, a)) > abs_entry(at(r, b));
  }

  /// Sets a rhs that is zero within the tolerance to exactly zero.
  void clean_rhs(std::size_t r) {
    if (rhs_sign(r) == 0) at(r, vars_) = Entry(0);
  }

  /// Makes `var` basic in row r; the variable basic there before (if any)
  /// becomes nonbasic. T[r][var] must be nonzero.
  void pivot(std::size_t r, std::size_t var) {
    checkpoint(current_solver("pivot"));  // every pivoting method (Lemke-Howson, vertex enumeration, LPs) stops here
    Entry* pivot_row = &data_[r * width_];
    if constexpr (exact) {
      Entry p = pivot_row[var];
      for (std::size_t i = 0; i < rows_; ++i) {
        if (i == r) continue;
        // One pivot of a big tableau of big integers can take seconds.
        if constexpr (std::is_same_v<Entry, Integer>) checkpoint(current_solver("pivot"));
        Entry* row = &data_[i * width_];
        const Entry factor = row[var];
        if (factor == 0) {  // only the common denominator changes
          for (std::size_t j = 0; j < width_; ++j)
            if (row[j] != 0) row[j] = row[j] * p / det_;
          continue;
        }
        for (std::size_t j = 0; j < width_; ++j) {
          if (row[j] == 0 && pivot_row[j] == 0) continue;
          row[j] = (row[j] * p - factor * pivot_row[j]) / det_;  // exact (Bareiss)
        }
        row[var] = 0;
      }
      if (p < 0) {  // keep the common denominator positive
        for (Entry& entry : data_) entry = -entry;
        p = -p;
      }
      det_ = p;
    } else {
      const Entry p = pivot_row[var];
      nonzero_.clear();
      for (std::size_t j = 0; j < width_; ++j)
        if (pivot_row[j] != Entry(0)) {
          pivot_row[j] /= p;
          nonzero_.push_back(j);
        }
      pivot_row[var] = Entry(1);
      for (std::size_t i = 0; i < rows_; ++i) {
        if (i == r) continue;
        Entry* row = &data_[i * width_];
        const Entry factor = row[var];
        if (factor == Entry(0)) continue;
        for (std::size_t j : nonzero_) row[j] -= factor * pivot_row[j];
        row[var] = Entry(0);
      }
    }
    if (basic_[r] != kNone) row_of_[basic_[r]] = kNone;
    basic_[r] = var;
    row_of_[var] = r;
  }

  /// rhs_a / T[a][var] compared with rhs_b / T[b][var] (both entries
  /// positive, negative rhs read as 0): -1, 0 (equal within eps), 1.
  int compare_ratios(std::size_t a, std::size_t b, std::size_t var) const {
    return compare_quotients(clamped_rhs(a), at(a, var), clamped_rhs(b), at(b, var));
  }

  /// Throws NotConverged, naming the running solver: rounding broke what
  /// exact arithmetic guarantees (a bounded increase, a nonzero pivot).
  [[noreturn]] void numerical_failure() const {
    raise<NotConverged>(current_solver("pivot"), numerical_failure_message(eps_));
  }

  /// The row that limits raising nonbasic `var` by the lexicographic
  /// minimum-ratio rule: among rows with T[r][var] > 0, the least
  /// (rhs_r, T[r][c] for c in `columns`) / T[r][var]. With `columns` those
  /// of the initial identity basis the rows never tie, so degenerate
  /// pivoting cannot cycle (the lexicographic perturbation of the rhs).
  /// kNone when nothing limits the increase.
  std::size_t lexicographic_row(std::size_t var, const std::vector<std::size_t>& columns) const {
    std::size_t best = kNone;
    for (std::size_t r = 0; r < rows_; ++r) {
      if (sign(r, var) <= 0) continue;
      if (best == kNone) {
        best = r;
        continue;
      }
      int order = compare_quotients(at(r, vars_), at(r, var), at(best, vars_), at(best, var));
      for (std::size_t k = 0; order == 0 && k < columns.size(); ++k)
        order = compare_quotients(at(r, columns[k]), at(r, var), at(best, columns[k]), at(best, var));
      if (order < 0) best = r;
    }
    return best;
  }

  /// The rows (other than `skip_row`) that limit raising nonbasic `var`:
  /// T[r][var] > 0 with the least ratio rhs_r / T[r][var] (ties included).
  /// Empty when nothing limits the increase.
  void ratio_test(std::size_t var, std::vector<std::size_t>& rows, std::size_t skip_row = kNone) const {
    rows.clear();
    for (std::size_t r = 0; r < rows_; ++r) {
      if (r == skip_row || sign(r, var) <= 0) continue;
      const int order = rows.empty() ? -1 : compare_ratios(r, rows.front(), var);
      if (order < 0) rows.assign(1, r);
      else if (order == 0) rows.push_back(r);
    }
  }

 private:
  // rows * width, refused (naming the solver running) beyond memory_limit().
  static std::size_t checked_size(std::size_t rows, std::size_t width) {
    const char* function = current_solver("Tableau");
    if (rows > std::numeric_limits<std::size_t>::max() / width)
      fail(function, "a simplex tableau of ", rows, " rows and ", width, " columns has more entries than fit in 64 bits");
    if (!surely_fits(rows * width, sizeof(Entry)))
      check_fits_in_memory(function, rows * width, sizeof(Entry),
                           "a simplex tableau of " + std::to_string(rows) + " rows and " + std::to_string(width) +
                               " columns");
    return rows * width;
  }
  Entry& at(std::size_t r, std::size_t var) { return data_[r * width_ + var]; }
  const Entry& at(std::size_t r, std::size_t var) const { return data_[r * width_ + var]; }
  /// a / p compared with b / q for p, q > 0: -1, 0 (within eps), 1.
  int compare_quotients(const Entry& a, const Entry& p, const Entry& b, const Entry& q) const {
    if constexpr (exact) {
      const Entry left = a * q, right = b * p;
      return left < right ? -1 : right < left ? 1 : 0;
    } else {
      const Scalar left = a / p, right = b / q;
      return left < right - eps_ ? -1 : right < left - eps_ ? 1 : 0;
    }
  }
  Entry clamped_rhs(std::size_t r) const { return at(r, vars_) < 0 ? Entry(0) : at(r, vars_); }
  int entry_sign(const Entry& x) const {
    if constexpr (exact)
      return sign_of(x);
    else
      return x > eps_ ? 1 : x < -eps_ ? -1 : 0;
  }
  static Entry abs_entry(const Entry& x) { return x < 0 ? Entry(-x) : x; }
  static double as_double(const Entry& x) {
    if constexpr (exact)
      return to_double(x);
    else
      return x;
  }

  std::size_t rows_ = 0, vars_ = 0, width_ = 1;
  std::vector<Entry> data_;
  std::vector<std::size_t> basic_, row_of_;
  Entry det_ = Entry(1);  // common denominator (exact only)
  double eps_ = 0;
  std::vector<std::size_t> nonzero_;  // scratch of pivot()
};

}  // namespace dilemma::detail

// A small dense simplex tableau shared by the two-player solvers (vertex
// enumeration, Lemke-Howson, linear programs). Not public API.
//
// Rows are equations sum_j T[r][j] z_j = rhs_r over nonnegative variables z;
// each row has one basic variable whose column is a unit vector, so the
// basic solution sets z_{basic(r)} = rhs_r and every other variable to 0.
// Scalar is double (comparisons within an absolute tolerance) or an exact
// rational type (tolerance zero, comparisons exact).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace dilemma::detail {

inline constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

/// Sign tests within an absolute tolerance `eps` (zero for exact types).
template <class Scalar>
struct Signs {
  Scalar eps{};
  bool positive(const Scalar& x) const { return x > eps; }
  bool negative(const Scalar& x) const { return x < -eps; }
  bool zero(const Scalar& x) const { return !positive(x) && !negative(x); }
};

template <class Scalar>
class Tableau {
 public:
  Tableau() = default;
  Tableau(std::size_t rows, std::size_t vars)
      : rows_(rows), vars_(vars), width_(vars + 1), data_(rows * (vars + 1), Scalar(0)),
        basic_(rows, kNone), row_of_(vars, kNone) {}

  std::size_t rows() const noexcept { return rows_; }
  std::size_t vars() const noexcept { return vars_; }

  Scalar& operator()(std::size_t r, std::size_t var) { return data_[r * width_ + var]; }
  const Scalar& operator()(std::size_t r, std::size_t var) const { return data_[r * width_ + var]; }
  Scalar& rhs(std::size_t r) { return data_[r * width_ + vars_]; }
  const Scalar& rhs(std::size_t r) const { return data_[r * width_ + vars_]; }

  std::size_t basic(std::size_t r) const { return basic_[r]; }
  /// Row where `var` is basic, or kNone.
  std::size_t row_of(std::size_t var) const { return row_of_[var]; }
  bool is_basic(std::size_t var) const { return row_of_[var] != kNone; }
  /// Value of `var` in the basic solution.
  Scalar value(std::size_t var) const { return is_basic(var) ? rhs(row_of_[var]) : Scalar(0); }

  /// Makes `var` basic in row r by Gauss-Jordan elimination; the variable
  /// basic there before (if any) becomes nonbasic. T[r][var] must be nonzero.
  void pivot(std::size_t r, std::size_t var) {
    Scalar* pivot_row = &data_[r * width_];
    const Scalar p = pivot_row[var];
    for (std::size_t j = 0; j < width_; ++j)
      if (pivot_row[j] != Scalar(0)) pivot_row[j] /= p;
    pivot_row[var] = Scalar(1);
    // Only the pivot row's nonzero columns change the other rows.
    nonzero_.clear();
    for (std::size_t j = 0; j < width_; ++j)
      if (pivot_row[j] != Scalar(0) && j != var) nonzero_.push_back(j);
    for (std::size_t i = 0; i < rows_; ++i) {
      if (i == r) continue;
      Scalar* row = &data_[i * width_];
      if (row[var] == Scalar(0)) continue;
      const Scalar factor = row[var];
      for (std::size_t j : nonzero_) row[j] -= factor * pivot_row[j];
      row[var] = Scalar(0);
    }
    if (basic_[r] != kNone) row_of_[basic_[r]] = kNone;
    basic_[r] = var;
    row_of_[var] = r;
  }

  /// The minimum-ratio rows for raising nonbasic `var`: rows r (other than
  /// `skip_row`) with T[r][var] > eps minimising rhs_r / T[r][var], ties
  /// within eps included. Empty when nothing limits the increase.
  void ratio_test(std::size_t var, const Signs<Scalar>& signs, std::vector<std::size_t>& rows,
                  std::size_t skip_row = kNone) const {
    rows.clear();
    Scalar best{};
    for (std::size_t r = 0; r < rows_; ++r) {
      if (r == skip_row) continue;
      const Scalar& a = (*this)(r, var);
      if (!signs.positive(a)) continue;
      const Scalar b = rhs(r) < Scalar(0) ? Scalar(0) : rhs(r);
      const Scalar ratio = b / a;
      if (rows.empty() || ratio < best - signs.eps) {
        rows.assign(1, r);
        best = ratio;
      } else if (!(ratio > best + signs.eps)) {
        rows.push_back(r);
        if (ratio < best) best = ratio;
      }
    }
  }

 private:
  std::size_t rows_ = 0, vars_ = 0, width_ = 1;
  std::vector<Scalar> data_;
  std::vector<std::size_t> basic_, row_of_;
  std::vector<std::size_t> nonzero_;  // scratch of pivot()
};

}  // namespace dilemma::detail

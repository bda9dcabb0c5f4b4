// The logit systems of dense and symmetric games: action payoffs and their
// Jacobian at a flat profile (logit_qre; simplicial_subdivision's polish).
#pragma once

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "dilemma/core/errors.hpp"
#include "dilemma/detail/support_newton.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/profiles/symmetric_payoffs.hpp"

namespace dilemma::detail {

/// Contracts axis `axis` of a C-order tensor of shape `dims` with w:
/// out[a, b] = sum_c w[c] in[a, c, b]. Removes the axis from dims.
inline void contract_axis(const double* in, std::vector<std::size_t>& dims, std::size_t axis, const double* w,
                          std::vector<double>& out) {
  std::size_t before = 1, after = 1;
  for (std::size_t k = 0; k < axis; ++k) before *= dims[k];
  for (std::size_t k = axis + 1; k < dims.size(); ++k) after *= dims[k];
  const std::size_t m = dims[axis];
  out.assign(before * after, 0.0);
  for (std::size_t a = 0; a < before; ++a) {
    double* target = out.data() + a * after;
    const double* block = in + a * m * after;
    if (after == 1) {
      double sum = 0;
      for (std::size_t c = 0; c < m; ++c) sum += w[c] * block[c];
      *target = sum;
      continue;
    }
    for (std::size_t c = 0; c < m; ++c) {
      const double wc = w[c];
      if (wc == 0) continue;  // underflowed probabilities near the limit
      const double* row = block + c * after;
      for (std::size_t b = 0; b < after; ++b) target[b] += wc * row[b];
    }
  }
  dims.erase(dims.begin() + static_cast<std::ptrdiff_t>(axis));
}

/// The logit system of a dense game: per player one block of actions.
class DenseLogitSystem {
 public:
  explicit DenseLogitSystem(const NormalFormGame& game)
      : game_(centered_game(game)), scale_(dilemma::payoff_range(game)) {
    std::size_t offset = 0;
    for (std::size_t m : game.nums_actions()) {
      offsets_.push_back(offset);
      offset += m;
    }
    dim_ = offset;
  }
  std::size_t dim() const { return dim_; }
  std::size_t num_blocks() const { return offsets_.size(); }
  std::size_t offset(std::size_t k) const { return offsets_[k]; }
  std::size_t size(std::size_t k) const { return game_.nums_actions()[k]; }
  /// The unit of tol: detail::payoff_range of the game.
  double payoff_range() const { return scale_; }

  /// U(x) (dim entries) and, if dU is given, dU(ia, jb) = dU_ia / dx_jb.
  void evaluate(const Eigen::VectorXd& x, Eigen::VectorXd& U, Eigen::MatrixXd* dU) const {
    const std::size_t n = game_.num_players();
    U.setZero(dim_);
    if (dU) dU->setZero(dim_, dim_);
    for (std::size_t i = 0; i < n; ++i) {
      const double* payoffs = game_.payoffs(i);
      std::vector<std::size_t> dims = game_.nums_actions(), players(n);
      for (std::size_t j = 0; j < n; ++j) players[j] = j;
      if (!dU || n <= 2) {  // contract every other player: U_i
        std::vector<double> tensor, next;
        const double* source = payoffs;
        for (std::size_t j = n; j-- > 0;) {
          if (j == i) continue;
          if (dU) write_pair(source, i, j, dims, *dU);
          contract_axis(source, dims, j, x.data() + offsets_[j], next);
          tensor.swap(next);
          source = tensor.data();
        }
        for (std::size_t a = 0; a < size(i); ++a) U[offsets_[i] + a] = source[a];
        continue;
      }
      std::vector<std::size_t> keep;
      for (std::size_t j = 0; j < n; ++j)
        if (j != i) keep.push_back(j);
      pairs(payoffs, std::move(dims), std::move(players), keep, i, x, *dU);
      const std::size_t j = keep.front();  // U_ia = sum_b u_i(a, b, x_{-ij}) x_jb
      for (std::size_t a = 0; a < size(i); ++a) {
        double sum = 0;
        for (std::size_t b = 0; b < size(j); ++b) sum += (*dU)(offsets_[i] + a, offsets_[j] + b) * x[offsets_[j] + b];
        U[offsets_[i] + a] = sum;
      }
    }
  }

 private:
  // tensor over exactly the axes of players i and j: write it into dU.
  void write_pair(const double* tensor, std::size_t i, std::size_t j,
                  const std::vector<std::size_t>& dims, Eigen::MatrixXd& dU) const {
    if (dims.size() != 2) return;
    for (std::size_t a = 0; a < size(i); ++a)
      for (std::size_t b = 0; b < size(j); ++b)
        dU(offsets_[i] + a, offsets_[j] + b) = i < j ? tensor[a * size(j) + b] : tensor[b * size(i) + a];
  }
  // Divide and conquer over the players to keep: contract one half, recurse
  // on the other; about 3 P multiply-adds per player in all.
  void pairs(const double* tensor, std::vector<std::size_t> dims, std::vector<std::size_t> players,
             const std::vector<std::size_t>& keep, std::size_t i, const Eigen::VectorXd& x,
             Eigen::MatrixXd& dU) const {
    if (keep.size() == 1) {
      write_pair(tensor, i, keep.front(), dims, dU);
      return;
    }
    const std::size_t half = keep.size() / 2;
    const std::vector<std::size_t> first(keep.begin(), keep.begin() + static_cast<std::ptrdiff_t>(half)),
        second(keep.begin() + static_cast<std::ptrdiff_t>(half), keep.end());
    for (int side = 0; side < 2; ++side) {
      const auto& kept = side == 0 ? first : second;
      const auto& dropped = side == 0 ? second : first;
      std::vector<double> t, next;
      const double* source = tensor;
      std::vector<std::size_t> d = dims, p = players;
      for (std::size_t k = p.size(); k-- > 0;) {
        if (std::find(dropped.begin(), dropped.end(), p[k]) == dropped.end()) continue;
        contract_axis(source, d, k, x.data() + offsets_[p[k]], next);
        t.swap(next);
        source = t.data();
        p.erase(p.begin() + static_cast<std::ptrdiff_t>(k));
      }
      pairs(source, std::move(d), std::move(p), kept, i, x, dU);
    }
  }

  NormalFormGame game_;  // centered: U keeps its differences near 2^53
  double scale_ = 1.0;
  std::vector<std::size_t> offsets_;
  std::size_t dim_ = 0;
};

/// The logit system of a symmetric game: one block, the common strategy.
class SymmetricLogitSystem {
 public:
  explicit SymmetricLogitSystem(const SymmetricGame& game)
      : game_(game), log_factorial_(log_factorials(game.num_players() >= 2 ? game.num_players() - 2 : 0)) {
    double low = std::numeric_limits<double>::infinity(), high = -low;
    game.for_each_payoff_row([&](const Counts& m, const std::vector<double>& u) {
      for (double v : u) {
        if (!std::isfinite(v))
          fail("logit_qre", "payoff ", v, " against others' counts ", format_tuple(m), "; payoffs must be finite");
        low = std::min(low, v);
        high = std::max(high, v);
      }
    });
    scale_ = dilemma::payoff_range(game);
    midpoint_ = high >= low ? low / 2 + high / 2 : 0.0;
  }
  std::size_t dim() const { return game_.num_actions(); }
  std::size_t num_blocks() const { return 1; }
  std::size_t offset(std::size_t) const { return 0; }
  std::size_t size(std::size_t) const { return game_.num_actions(); }
  /// The unit of tol: detail::payoff_range of the game.
  double payoff_range() const { return scale_; }

  void evaluate(const Eigen::VectorXd& x, Eigen::VectorXd& U, Eigen::MatrixXd* dU) const {
    const std::size_t s = dim(), n = game_.num_players();
    U.setZero(s);
    Eigen::MatrixXd G = Eigen::MatrixXd::Zero(s, s);
    if (n >= 2) {
      std::vector<double> p(x.data(), x.data() + s);
      double sum = 0;
      for (double v : p) sum += v;
      for (double& v : p) v = sum > 0 ? v / sum : 1.0 / double(s);
      detail::LikelyCounts(n - 2, p, log_factorial_).for_each([&](const Counts& m, double w) {
        Counts shifted = m;
        for (std::size_t b = 0; b < s; ++b) {
          ++shifted[b];
          for (std::size_t a = 0; a < s; ++a) G(a, b) += w * (game_.payoff_at(a, shifted) - midpoint_);
          --shifted[b];
        }
      });
      U = G * Eigen::Map<const Eigen::VectorXd>(p.data(), static_cast<Eigen::Index>(s));
      G *= double(n - 1);
    } else {
      const Counts none(s, 0);
      for (std::size_t a = 0; a < s; ++a) U[a] = game_.payoff_at(a, none) - midpoint_;
    }
    if (dU) *dU = G;
  }

 private:
  const SymmetricGame& game_;
  std::vector<double> log_factorial_;
  double scale_ = 1.0;
  double midpoint_ = 0.0;  // subtracted from every payoff: U keeps its differences near 2^53
};

/// Regret of the profile x (flat, normalized) with action payoffs U.
template <class System>
double logit_regret(const System& system, const Eigen::VectorXd& x, const Eigen::VectorXd& U) {
  double worst = 0;
  for (std::size_t k = 0; k < system.num_blocks(); ++k) {
    const std::size_t o = system.offset(k), m = system.size(k);
    const double best = U.segment(static_cast<Eigen::Index>(o), static_cast<Eigen::Index>(m)).maxCoeff();
    const double mean = x.segment(static_cast<Eigen::Index>(o), static_cast<Eigen::Index>(m))
                            .dot(U.segment(static_cast<Eigen::Index>(o), static_cast<Eigen::Index>(m)));
    worst = std::max(worst, best - mean);
  }
  return worst;
}

/// The blocks of a logit system's flat profiles.
template <class System>
ProfileBlocks profile_blocks(const System& system) {
  ProfileBlocks blocks;
  for (std::size_t k = 0; k < system.num_blocks(); ++k) {
    blocks.offsets.push_back(system.offset(k));
    blocks.sizes.push_back(system.size(k));
  }
  return blocks;
}

/// support_equilibrium on a logit system's action payoffs.
template <class System>
bool refine_on_support(const System& system, Eigen::VectorXd& x, double support_tol) {
  return support_equilibrium(
      profile_blocks(system),
      [&](const Eigen::VectorXd& v, Eigen::VectorXd& U, Eigen::MatrixXd* dU) { system.evaluate(v, U, dU); }, x,
      support_tol);
}

inline MixedProfile to_profile(const DenseLogitSystem& sys, const Eigen::VectorXd& x) {
  MixedProfile profile(sys.num_blocks());
  for (std::size_t k = 0; k < sys.num_blocks(); ++k)
    profile[k].assign(x.data() + sys.offset(k), x.data() + sys.offset(k) + sys.size(k));
  return profile;
}
inline std::vector<double> to_profile(const SymmetricLogitSystem& sys, const Eigen::VectorXd& x) {
  return std::vector<double>(x.data(), x.data() + sys.dim());
}

}  // namespace dilemma::detail

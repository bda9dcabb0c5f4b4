// enumerate_equilibria: supports in Porter-Nudelman-Shoham order, each
// solved by interval subdivision with the Krawczyk test (see the header).
#include "dilemma/solvers/equilibrium_enumeration.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <optional>
#include <queue>
#include <string>
#include <vector>

#include "dilemma/core/errors.hpp"
#include "dilemma/core/monitor.hpp"
#include "dilemma/detail/interval.hpp"
#include "dilemma/detail/simplex.hpp"
#include "dilemma/detail/support_newton.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"

namespace dilemma {

namespace detail {

namespace {

/// Probabilities may leave [0, 1] by this much inside the search, so that a
/// root on the simplex's boundary lies inside a box and can be proven.
constexpr double kSimplexMargin = 1e-7;
/// Boxes this close to a face's boundary are left to the smaller supports.
constexpr double kBoundaryWidth = 1e-6;
/// When every box left is narrower than kContinuumWidth and there are more
/// than kContinuumBoxes of them, the search stops: they cover a continuum.
constexpr double kContinuumWidth = 1e-3;
constexpr std::size_t kContinuumBoxes = 5000;
/// Newton steps refining a proven root (it converges quadratically from
/// the box's midpoint; these allow for slow Gauss-Newton on singular ones).
constexpr std::size_t kNewtonSteps = 60;
/// Newton stops once the residual is this fraction of the tolerance it must meet.
constexpr double kNewtonEarlyStop = 1e-3;
/// A Newton step this short (max norm) has reached the root to rounding.
constexpr double kNewtonStep = 1e-16;
/// Roots are refined to this residual (in units of the payoff range).
constexpr double kRootResidual = 1e-9;
/// A gain at most this (times the payoff range) is rounding, not a better action.
constexpr double kGainRounding = 1e-13;
/// Boxes narrower than this that Krawczyk leaves undecided are retried
/// inflated by kInflation of their width plus kInflationFloor.
constexpr double kInflateWidth = 1e-4;
constexpr double kInflation = 0.1;
constexpr double kInflationFloor = 1e-13;
/// Pivots below this in the point Jacobian's LU count as zero (its rank).
constexpr double kKernelRankTolerance = 1e-10;
/// Slopes below this (times the payoff range) are the rounding dust of
/// structural zeros, never worth a split.
constexpr double kSlopeDust = 1e-200;
/// A point Jacobian this ill-conditioned cannot prove a root.
constexpr double kKrawczykCondition = 1e-13;
/// Krawczyk images this much narrower than the box replace it.
constexpr double kContraction = 0.7;

/// The indifference equations of one support profile in reduced coordinates:
/// player j's unknowns y_j are the probabilities of its support's actions but
/// the last, which gets 1 - sum(y_j). Player i's equations say each of its
/// support's actions but the last pays what the last pays; its gains say how
/// much more each unused action pays than the last support action (an
/// equilibrium needs every gain <= 0). Each is multilinear: degree at most
/// one in every other player's block, zero in its own. Players with a
/// one-action support have no unknowns.
class SupportSystem {
 public:
  SupportSystem(const NormalFormGame& game, const SupportProfile& support) : support_(support) {
    const std::size_t n = support.size();
    offsets_.assign(n + 1, 0);
    gain_offsets_.assign(n + 1, 0);
    for (std::size_t j = 0; j < n; ++j) {
      offsets_[j + 1] = offsets_[j] + support[j].size() - 1;
      gain_offsets_[j + 1] = gain_offsets_[j] + game.num_actions(j) - support[j].size();
    }
    for (std::size_t i = 0; i < n; ++i)
      if (game.num_actions(i) > 1) blocks_.push_back(make_block(game, i));
  }

  std::size_t dimension() const { return offsets_.back(); }
  std::size_t num_gains() const { return gain_offsets_.back(); }
  /// First unknown of player j and the number of its unknowns.
  std::size_t offset(std::size_t j) const { return offsets_[j]; }
  std::size_t block_size(std::size_t j) const { return offsets_[j + 1] - offsets_[j]; }
  std::size_t num_players() const { return support_.size(); }

  /// Every equation's coefficients are zero: each profile of the face solves them.
  bool vanishes() const {
    for (const Block& block : blocks_) {
      const std::size_t rows = block.dims[0], per_row = block.tensor.size() / rows;
      for (std::size_t k = 0; k < block.equations * per_row; ++k)
        if (block.tensor[k] != 0) return false;
    }
    return true;
  }

  /// Equations of player i come at rows [offset(i), offset(i + 1)) of
  /// `values`; `gains`, when given, gets every unused action's gain.
  template <class T>
  void evaluate(const std::vector<T>& y, std::vector<T>& values, std::vector<T>* gains = nullptr) const {
    values.assign(dimension(), T(0.0));
    if (gains) gains->assign(num_gains(), T(0.0));
    const std::vector<std::vector<T>> weights = basis_weights(y);
    std::vector<T> rows;
    for (const Block& block : blocks_) {
      if (!gains && block.equations == 0) continue;
      contract(block, weights, rows, 0, gains ? block.dims[0] : block.equations);
      std::copy(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(block.equations),
                values.begin() + static_cast<std::ptrdiff_t>(offsets_[block.player]));
      if (gains)
        std::copy(rows.begin() + static_cast<std::ptrdiff_t>(block.equations), rows.end(),
                  gains->begin() + static_cast<std::ptrdiff_t>(gain_offsets_[block.player]));
    }
  }

  /// Row-major Jacobian of the equations: entry (r, c) = d equation_r / d y_c.
  template <class T>
  void jacobian(const std::vector<T>& y, std::vector<T>& matrix) const {
    const std::size_t d = dimension();
    matrix.assign(d * d, T(0.0));
    const std::vector<std::vector<T>> weights = basis_weights(y);
    std::vector<T> kept;
    for (const Block& block : blocks_) {
      if (block.equations == 0) continue;
      for (std::size_t axis = 1; axis < block.players.size(); ++axis) {
        // Every axis but `axis` contracted: the coefficients of (1, y_j).
        contract(block, weights, kept, axis, block.equations);
        const std::size_t j = block.players[axis], dim = block.dims[axis];
        for (std::size_t e = 0; e < block.equations; ++e)
          for (std::size_t l = 0; l < block_size(j); ++l)
            matrix[(offsets_[block.player] + e) * d + offsets_[j] + l] = kept[e * dim + l + 1];
      }
    }
  }

  /// The profile of reduced coordinates y (zero off the support).
  MixedProfile profile(const NormalFormGame& game, const std::vector<double>& y) const {
    MixedProfile x(num_players());
    for (std::size_t j = 0; j < num_players(); ++j) {
      x[j].assign(game.num_actions(j), 0.0);
      double rest = 1;
      for (std::size_t l = 0; l < block_size(j); ++l) {
        x[j][support_[j][l]] = y[offsets_[j] + l];
        rest -= y[offsets_[j] + l];
      }
      x[j][support_[j].back()] = rest;
    }
    return x;
  }

 private:
  /// Player i's rows (its equations, then its unused actions' gains) as one
  /// tensor over axes (row, then every other player with unknowns,
  /// ascending); along player j's axis, index 0 holds the coefficient of 1
  /// and index l + 1 that of y_j[l].
  struct Block {
    std::size_t player;
    std::size_t equations;
    std::vector<std::size_t> players;  // players[0] = player; then the axes' players
    std::vector<std::size_t> dims;
    std::vector<double> tensor;
  };

  Block make_block(const NormalFormGame& game, std::size_t i) const {
    // Row actions: the support but its last action, then the unused ones.
    std::vector<std::size_t> row_actions(support_[i].begin(), support_[i].end() - 1);
    for (std::size_t a = 0; a < game.num_actions(i); ++a)
      if (!std::binary_search(support_[i].begin(), support_[i].end(), a)) row_actions.push_back(a);
    Block block{i, support_[i].size() - 1, {i}, {row_actions.size()}, {}};
    for (std::size_t j = 0; j < num_players(); ++j)
      if (j != i && support_[j].size() > 1) block.players.push_back(j), block.dims.push_back(support_[j].size());
    std::size_t size = 1;
    for (std::size_t dim : block.dims) size *= dim;
    block.tensor.resize(size);
    // Payoff differences u_i(a, s) - u_i(last, s) over the supports; an axis
    // position p < k - 1 is support action p, p = k - 1 the last one.
    const double* u = game.payoffs(i);
    const auto& strides = game.strides();
    std::size_t fixed = 0;  // the offset of one-action supports
    for (std::size_t j = 0; j < num_players(); ++j)
      if (j != i && support_[j].size() == 1) fixed += support_[j][0] * strides[j];
    std::vector<std::size_t> position(block.dims.size(), 0);
    for (std::size_t k = 0; k < size; ++k) {
      std::size_t base = fixed;
      for (std::size_t axis = 1; axis < block.dims.size(); ++axis)
        base += support_[block.players[axis]][position[axis]] * strides[block.players[axis]];
      block.tensor[k] = u[base + row_actions[position[0]] * strides[i]] -
                        u[base + support_[i].back() * strides[i]];
      for (std::size_t axis = block.dims.size(); axis-- > 0;) {
        if (++position[axis] < block.dims[axis]) break;
        position[axis] = 0;
      }
    }
    // To the basis (1, y_j): index 0 gets the last action's value, index
    // l + 1 the difference of action l from it.
    std::size_t inner = size;
    for (std::size_t axis = 0; axis < block.dims.size(); ++axis) {
      const std::size_t dim = block.dims[axis];
      inner /= dim;
      if (axis == 0) continue;
      std::vector<double> fiber(dim);
      for (std::size_t outer = 0; outer < size / (dim * inner); ++outer)
        for (std::size_t r = 0; r < inner; ++r) {
          double* first = &block.tensor[outer * dim * inner + r];
          for (std::size_t p = 0; p < dim; ++p) fiber[p] = first[p * inner];
          first[0] = fiber[dim - 1];
          for (std::size_t l = 0; l + 1 < dim; ++l) first[(l + 1) * inner] = fiber[l] - fiber[dim - 1];
        }
    }
    return block;
  }

  template <class T>
  std::vector<std::vector<T>> basis_weights(const std::vector<T>& y) const {
    std::vector<std::vector<T>> weights(num_players());
    for (std::size_t j = 0; j < num_players(); ++j) {
      weights[j].assign(block_size(j) + 1, T(1.0));
      for (std::size_t l = 0; l < block_size(j); ++l) weights[j][l + 1] = y[offsets_[j] + l];
    }
    return weights;
  }

  /// Contracts every axis but the first (and `kept`, if not 0) with its
  /// player's weights, the last axis first (nested sums keep interval
  /// enclosures tight), for the first `rows` rows only (the equations come
  /// before the gains). The result is C-order over (row, kept axis).
  template <class T>
  static void contract(const Block& block, const std::vector<std::vector<T>>& weights, std::vector<T>& out,
                       std::size_t kept, std::size_t rows) {
    const std::size_t per_row = block.tensor.size() / block.dims[0];
    std::vector<T> current(block.tensor.begin(), block.tensor.begin() + static_cast<std::ptrdiff_t>(rows * per_row));
    std::vector<T> next;
    std::size_t size = current.size(), inner = 1;
    for (std::size_t axis = block.dims.size(); axis-- > 1;) {
      const std::size_t dim = block.dims[axis];
      if (axis == kept) {
        inner = dim;
        continue;
      }
      const std::vector<T>& w = weights[block.players[axis]];
      next.resize(size / dim);
      for (std::size_t o = 0; o < next.size() / inner; ++o)
        for (std::size_t r = 0; r < inner; ++r) {
          const T* first = &current[o * dim * inner + r];
          T sum = first[0] * w[0];
          for (std::size_t t = 1; t < dim; ++t) sum += first[t * inner] * w[t];
          next[o * inner + r] = sum;
        }
      current.swap(next);
      size /= dim;
    }
    out = std::move(current);
  }

  SupportProfile support_;
  std::vector<std::size_t> offsets_, gain_offsets_;
  std::vector<Block> blocks_;
};

/// Newton's method from y (detail::newton_solve: Gauss-Newton with
/// minimum-norm steps when the Jacobian is singular); true when the
/// residual ends below `residual_tol`.
bool newton_refine(const SupportSystem& system, std::vector<double>& y, double residual_tol) {
  const std::size_t d = system.dimension();
  if (d == 0) return true;
  std::vector<double> point(d), values, matrix;
  const auto equations = [&](const Eigen::VectorXd& v, Eigen::VectorXd& F, Eigen::MatrixXd& J) {
    for (std::size_t k = 0; k < d; ++k) point[k] = v[Eigen::Index(k)];
    system.evaluate(point, values);
    system.jacobian(point, matrix);
    F = Eigen::Map<const Eigen::VectorXd>(values.data(), Eigen::Index(d));
    J = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
        matrix.data(), Eigen::Index(d), Eigen::Index(d));
  };
  Eigen::VectorXd v = Eigen::Map<const Eigen::VectorXd>(y.data(), Eigen::Index(d));
  NewtonSettings settings;
  settings.max_iter = kNewtonSteps;
  settings.step_tol = kNewtonStep;
  settings.stop_residual = kNewtonEarlyStop * residual_tol;
  double residual = 0;
  const bool finite = newton_solve(equations, v, settings, &residual);
  for (std::size_t k = 0; k < d; ++k) y[k] = v[Eigen::Index(k)];
  return finite && residual <= residual_tol;
}

/// The roots of one support's equations in the (slightly widened) product of
/// simplices, by interval subdivision with the Krawczyk test. Boxes where an
/// unused action pays more than the support everywhere are dropped too.
class BoxSearch {
 public:
  struct Result {
    std::vector<std::vector<double>> roots;         // proven isolated, refined
    std::vector<std::vector<Interval>> unresolved;  // neither excluded nor proven
    std::optional<std::vector<double>> feasible;    // kFeasible: a point of an all-equilibrium box
    std::size_t boxes = 0;
    bool capped = false;  // max_boxes ended the search
  };

  /// kRoots: every isolated root. kFeasible (the equations vanish): one box
  /// where no unused action pays more, or proof that there is none.
  enum class Mode { kRoots, kFeasible };

  /// Some probability of the box (the last ones too) is at most kBoundaryWidth.
  static bool at_boundary(const SupportSystem& system, const std::vector<Interval>& box) {
    for (std::size_t j = 0; j < system.num_players(); ++j) {
      if (system.block_size(j) == 0) continue;
      double lower_sum = 0;
      for (std::size_t l = 0; l < system.block_size(j); ++l) {
        if (box[system.offset(j) + l].hi <= kBoundaryWidth) return true;
        lower_sum += box[system.offset(j) + l].lo;
      }
      if (1 - lower_sum <= kBoundaryWidth) return true;
    }
    return false;
  }

  /// `work_done` of `work_total` support profiles are behind this search (for progress reports).
  BoxSearch(const SupportSystem& system, const EquilibriumEnumerationOptions& options, double scale,
            double work_done = 0, double work_total = 0)
      : system_(system), options_(options), scale_(scale), d_(system.dimension()), work_done_(work_done),
        work_total_(work_total) {}

  /// `equations` and `variables` select a subsystem: only those equations
  /// exclude boxes, only those variables are bisected (the others keep
  /// their full range). Roots are proven only for the whole square system.
  Result run(const std::vector<bool>& equations, const std::vector<bool>& variables, Mode mode) const {
    const bool whole = mode == Mode::kRoots &&
                       std::all_of(equations.begin(), equations.end(), [](bool b) { return b; }) &&
                       std::all_of(variables.begin(), variables.end(), [](bool b) { return b; });
    const bool use_gains = std::all_of(variables.begin(), variables.end(), [](bool b) { return b; });
    const bool any_equation = std::any_of(equations.begin(), equations.end(), [](bool b) { return b; });
    Result result;
    auto wider = [](const Node& a, const Node& b) { return a.width < b.width; };
    std::priority_queue<Node, std::vector<Node>, decltype(wider)> queue(wider);
    queue.push(make_node(std::vector<Interval>(d_, Interval(-kSimplexMargin, 1 + kSimplexMargin)), variables));
    std::vector<Interval> values, gains, jac;
    while (!queue.empty()) {
      if (result.boxes >= options_.max_boxes) {
        result.capped = true;
        for (; !queue.empty(); queue.pop()) result.unresolved.push_back(queue.top().box);
        break;
      }
      // Largest first: once every box left is this narrow and there are
      // many, they trace a continuum, not isolated roots.
      if (queue.top().width < kContinuumWidth && queue.size() > kContinuumBoxes) {
        for (; !queue.empty(); queue.pop()) result.unresolved.push_back(queue.top().box);
        break;
      }
      Node node = queue.top();
      queue.pop();
      ++result.boxes;
      checkpoint("enumerate_equilibria", work_done_, work_total_);
      std::vector<Interval>& box = node.box;
      if (!clip_to_simplices(box)) continue;
      system_.evaluate(box, values, use_gains ? &gains : nullptr);
      bool feasible = use_gains, beaten = false;  // beaten: an unused action pays more throughout
      if (use_gains)
        for (const Interval& gain : gains) {
          beaten = beaten || gain.lo > 0;
          feasible = feasible && gain.hi <= kGainRounding * scale_;
        }
      if (beaten) continue;
      // kFeasible wants a box of the face's interior where no unused action
      // pays more anywhere (a tolerance for rounding only): all equilibria.
      if (mode == Mode::kFeasible && feasible && inside_face(box)) {
        result.feasible = midpoint(box);
        return result;
      }
      bool has_zero = true;  // every selected equation's natural enclosure holds 0
      for (std::size_t r = 0; r < d_ && has_zero; ++r) has_zero = !equations[r] || values[r].contains_zero();
      if (!has_zero) continue;
      if (any_equation) system_.jacobian(box, jac);
      const Midpoint middle = any_equation ? at_midpoint(box) : Midpoint{};
      if (any_equation && excluded(box, values, jac, middle, equations)) continue;
      if (whole) {
        std::vector<Interval> image;
        Krawczyk verdict = krawczyk(box, jac, middle, image);
        std::vector<Interval> contracted = image;  // K(X) and X: every root of X, perhaps a smaller box
        if (verdict == Krawczyk::kUndecided && node.width < kInflateWidth) {
          // A root on a face between boxes is interior to neither; a
          // slightly inflated box has it inside.
          std::vector<Interval> inflated = box, inflated_jac;
          for (Interval& y : inflated) {
            const double pad = kInflation * y.width() + kInflationFloor;
            y = Interval(y.lo - pad, y.hi + pad);
          }
          system_.jacobian(inflated, inflated_jac);
          verdict = krawczyk(inflated, inflated_jac, middle, image);
          if (verdict == Krawczyk::kContracted) verdict = Krawczyk::kUndecided;
        }
        if (verdict == Krawczyk::kEmpty) continue;
        if (verdict == Krawczyk::kUnique) {
          add_root(image, result);
          continue;
        }
        if (verdict == Krawczyk::kContracted) {
          queue.push(make_node(std::move(image), variables));
          continue;
        }
        if (contracted.size() == d_) box = std::move(contracted);
      }
      // What lies within kBoundaryWidth of the face's boundary has a smaller
      // support and is that support's business.
      if ((mode == Mode::kFeasible || node.width <= kBoundaryWidth) && at_boundary(system_, box)) continue;
      const std::size_t split = split_variable(box, jac, equations, variables);
      if (split == d_ || box[split].width() < options_.min_width) {
        result.unresolved.push_back(box);
        continue;
      }
      const double cut = box[split].mid();
      std::vector<Interval> left = box;
      left[split].hi = cut;
      box[split].lo = cut;
      queue.push(make_node(std::move(left), variables));
      queue.push(make_node(std::move(box), variables));
    }
    return result;
  }

 private:
  struct Node {
    std::vector<Interval> box;
    double width;
  };

  enum class Krawczyk { kEmpty, kUnique, kContracted, kUndecided };

  static Node make_node(std::vector<Interval> box, const std::vector<bool>& variables) {
    double width = 0;
    for (std::size_t c = 0; c < box.size(); ++c)
      if (variables[c]) width = std::max(width, box[c].width());
    return {std::move(box), width};
  }

  static std::vector<double> midpoint(const std::vector<Interval>& box) {
    std::vector<double> middle(box.size());
    for (std::size_t c = 0; c < box.size(); ++c) middle[c] = box[c].mid();
    return middle;
  }

  /// The box's midpoint m with F(m) (enclosed) and J(m), shared by the
  /// mean-value and Krawczyk tests (valid for any m in the box, so also for
  /// the inflated box).
  struct Midpoint {
    std::vector<double> point;
    std::vector<Interval> values;
    std::vector<double> jacobian;
  };

  Midpoint at_midpoint(const std::vector<Interval>& box) const {
    Midpoint m{midpoint(box), {}, {}};
    system_.evaluate(std::vector<Interval>(m.point.begin(), m.point.end()), m.values);
    system_.jacobian(m.point, m.jacobian);
    return m;
  }

  /// Some selected equation has no zero in the box by its mean-value form
  /// F(m) + J(X) (X - m) intersected with its natural enclosure `values`.
  bool excluded(const std::vector<Interval>& box, const std::vector<Interval>& values,
                const std::vector<Interval>& jac, const Midpoint& mid, const std::vector<bool>& equations) const {
    const std::vector<double>& middle = mid.point;
    const std::vector<Interval>& at_middle = mid.values;
    for (std::size_t r = 0; r < d_; ++r) {
      if (!equations[r]) continue;
      Interval mean_value = at_middle[r];
      for (std::size_t c = 0; c < d_; ++c) mean_value += jac[r * d_ + c] * (box[c] - Interval(middle[c]));
      if (!intersect(mean_value, values[r]).contains_zero()) return true;
    }
    // Where the selected equations' Jacobian at m has dependent rows (more
    // equations than unknowns, or a singular square system), a combination
    // w with w^T J(m) = 0 cancels the first-order terms: w^T F(X) is then
    // nearly the constant w^T F(m), which excludes the thin slabs where
    // each equation alone has a zero but all together have none.
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < d_; ++r)
      if (equations[r]) rows.push_back(r);
    if (rows.empty()) return false;
    const std::vector<double>& point_jacobian = mid.jacobian;
    Eigen::MatrixXd transposed(static_cast<Eigen::Index>(d_), static_cast<Eigen::Index>(rows.size()));
    for (std::size_t k = 0; k < rows.size(); ++k)
      for (std::size_t c = 0; c < d_; ++c) transposed(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k)) = point_jacobian[rows[k] * d_ + c];
    Eigen::FullPivLU<Eigen::MatrixXd> lu(transposed);
    lu.setThreshold(kKernelRankTolerance);
    if (lu.rank() == static_cast<Eigen::Index>(rows.size())) return false;
    const Eigen::MatrixXd kernel = lu.kernel();
    for (Eigen::Index v = 0; v < kernel.cols(); ++v) {
      Interval combination(0.0);
      for (std::size_t k = 0; k < rows.size(); ++k) {
        const Interval w(kernel(static_cast<Eigen::Index>(k), v));
        combination += w * at_middle[rows[k]];
      }
      for (std::size_t c = 0; c < d_; ++c) {
        Interval slope(0.0);
        for (std::size_t k = 0; k < rows.size(); ++k)
          slope += Interval(kernel(static_cast<Eigen::Index>(k), v)) * jac[rows[k] * d_ + c];
        combination += slope * (box[c] - Interval(middle[c]));
      }
      if (!combination.contains_zero()) return true;
    }
    return false;
  }

  /// Where the equations change most across the box (largest width times
  /// derivative bound); variables no equation depends on are never split, so
  /// a free direction of a continuum does not multiply boxes. Without
  /// equations, the widest variable. d_ when none can be split.
  std::size_t split_variable(const std::vector<Interval>& box, const std::vector<Interval>& jac,
                             const std::vector<bool>& equations, const std::vector<bool>& variables) const {
    const bool any_equation = std::any_of(equations.begin(), equations.end(), [](bool b) { return b; });
    std::size_t split = d_;
    double best = any_equation ? kSlopeDust * scale_ : 0.0;
    for (std::size_t c = 0; c < d_; ++c) {
      if (!variables[c]) continue;
      double slope = any_equation ? 0.0 : 1.0;
      for (std::size_t r = 0; r < d_; ++r)
        if (equations[r]) slope = std::max(slope, jac[r * d_ + c].magnitude());
      const double smear = slope * box[c].width();
      if (smear > best) best = smear, split = c;
    }
    return split;
  }

  /// Every probability of the box is >= 0 (the last ones too).
  bool inside_face(const std::vector<Interval>& box) const {
    for (std::size_t j = 0; j < system_.num_players(); ++j) {
      double upper_sum = 0;
      for (std::size_t l = 0; l < system_.block_size(j); ++l) {
        if (box[system_.offset(j) + l].lo < 0) return false;
        upper_sum += box[system_.offset(j) + l].hi;
      }
      if (upper_sum > 1) return false;
    }
    return true;
  }

  /// Cuts each player's block to sum(y_j) <= 1 + margin; false when empty.
  bool clip_to_simplices(std::vector<Interval>& box) const {
    for (std::size_t j = 0; j < system_.num_players(); ++j) {
      const std::size_t first = system_.offset(j), count = system_.block_size(j);
      double lower_sum = 0;
      for (std::size_t l = 0; l < count; ++l) lower_sum += box[first + l].lo;
      if (lower_sum > 1 + kSimplexMargin) return false;
      for (std::size_t l = 0; l < count; ++l) {
        Interval& y = box[first + l];
        y.hi = std::min(y.hi, 1 + kSimplexMargin - (lower_sum - y.lo));
        if (y.hi < y.lo) return false;
      }
    }
    return true;
  }

  /// K(X) = m - Y F(m) + (I - Y J(X)) (X - m) with Y the inverse of J(m):
  /// empty intersection with X means no root, K(X) inside X's interior
  /// means exactly one.
  Krawczyk krawczyk(const std::vector<Interval>& box, const std::vector<Interval>& jac, const Midpoint& mid,
                    std::vector<Interval>& image) const {
    const std::vector<double>& middle = mid.point;
    const std::vector<double>& point_jacobian = mid.jacobian;
    const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> jm(
        point_jacobian.data(), static_cast<Eigen::Index>(d_), static_cast<Eigen::Index>(d_));
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(jm);
    image.clear();
    if (!lu.isInvertible() || lu.rcond() < kKrawczykCondition) return Krawczyk::kUndecided;
    const Eigen::MatrixXd inverse = lu.inverse();
    const std::vector<Interval>& at_middle = mid.values;
    image.assign(d_, Interval(0.0));
    bool inside = true;
    for (std::size_t r = 0; r < d_; ++r) {
      Interval k(middle[r]);
      for (std::size_t c = 0; c < d_; ++c) k = k - Interval(inverse(r, c)) * at_middle[c];
      for (std::size_t c = 0; c < d_; ++c) {
        Interval entry(r == c ? 1.0 : 0.0);
        for (std::size_t l = 0; l < d_; ++l) entry = entry - Interval(inverse(r, l)) * jac[l * d_ + c];
        k += entry * (box[c] - Interval(middle[c]));
      }
      image[r] = intersect(k, box[r]);
      if (image[r].lo > image[r].hi) return Krawczyk::kEmpty;
      inside = inside && box[r].strictly_contains(k);
    }
    if (inside) return Krawczyk::kUnique;
    double before = 0, after = 0;
    for (std::size_t c = 0; c < d_; ++c)
      before = std::max(before, box[c].width()), after = std::max(after, image[c].width());
    return after < kContraction * before ? Krawczyk::kContracted : Krawczyk::kUndecided;
  }

  void add_root(const std::vector<Interval>& box, Result& result) const {
    std::vector<double> y = midpoint(box), refined = y;
    // The box holds exactly one root; Newton stays in it or the midpoint,
    // already within the box's width of the root, is kept.
    if (newton_refine(system_, refined, kRootResidual * scale_)) {
      bool in_box = true;
      for (std::size_t c = 0; c < d_; ++c) in_box = in_box && box[c].contains(refined[c]);
      if (in_box) y = refined;
    }
    result.roots.push_back(std::move(y));
  }

  const SupportSystem& system_;
  const EquilibriumEnumerationOptions& options_;
  double scale_;
  std::size_t d_;
  double work_done_, work_total_;
};

/// One player's half of a two-player support profile: the strategies x_j of
/// the other player, with support support[j], that make player i indifferent
/// among support[i] with no unused action paying more. Player i's equations
/// are linear in x_j alone, so this set is a polytope, and the support's
/// equilibria are the product of the two halves: found by linear algebra
/// and a small linear program, where subdivision would need millions of
/// boxes to cover a continuum of equilibria.
struct TwoPlayerHalf {
  bool feasible = false;  ///< such an x_j exists (positive on support[j] unless isolated)
  bool isolated = false;  ///< the equations fix x_j
  bool vanishes = true;   ///< every indifference coefficient is zero
  std::vector<double> strategy;  ///< one such x_j, over all of j's actions
};

/// Pivots below this fraction of the largest count as zero in the rank of
/// an indifference system (payoffs centered and scaled to [-1/2, 1/2]).
constexpr double kTwoPlayerRankTolerance = 1e-10;
/// A solution of the indifference system must solve it to this residual.
constexpr double kTwoPlayerResidual = 1e-9;
/// Zero test of the small linear programs' pivots.
constexpr double kLinearProgramTolerance = 1e-12;
/// A depth (or slack) above this is positive: inside the face, not on it.
constexpr double kPositive = 1e-9;
/// Singular supports get up to this many Newton starts, spread over their
/// unresolved boxes, to find an example equilibrium.
constexpr std::size_t kExampleStarts = 16;
/// Rounding may take a probability this far outside [0, 1].
constexpr double kProbabilityRounding = 1e-10;
/// Equilibria closer than this (max norm) are one (found on two supports).
constexpr double kDuplicateDistance = 1e-8;

TwoPlayerHalf two_player_half(const NormalFormGame& game, const SupportProfile& support, std::size_t i) {
  const std::size_t j = 1 - i, k = support[j].size(), equations = support[i].size() - 1;
  const std::size_t last = support[i].back();
  const auto payoff = [&](std::size_t a, std::size_t b) {  // u_i(a, b): a of player i, b of player j
    return game.payoffs(i)[a * game.strides()[i] + b * game.strides()[j]];
  };
  const auto gain = [&](std::size_t a, std::size_t c) { return payoff(a, support[j][c]) - payoff(last, support[j][c]); };
  std::vector<std::size_t> unused;
  for (std::size_t a = 0; a < game.num_actions(i); ++a)
    if (!std::binary_search(support[i].begin(), support[i].end(), a)) unused.push_back(a);
  TwoPlayerHalf half;
  half.strategy.assign(game.num_actions(j), 0.0);
  // E x = f: each support action pays what the last one pays; x sums to 1.
  Eigen::MatrixXd E(equations + 1, k);
  Eigen::VectorXd f = Eigen::VectorXd::Zero(Eigen::Index(equations + 1));
  for (std::size_t r = 0; r < equations; ++r)
    for (std::size_t c = 0; c < k; ++c) {
      E(Eigen::Index(r), Eigen::Index(c)) = gain(support[i][r], c);
      half.vanishes = half.vanishes && E(Eigen::Index(r), Eigen::Index(c)) == 0;
    }
  E.row(Eigen::Index(equations)).setOnes();
  f[Eigen::Index(equations)] = 1;
  Eigen::FullPivLU<Eigen::MatrixXd> lu(E);
  lu.setThreshold(kTwoPlayerRankTolerance);
  if (std::size_t(lu.rank()) == k) {
    const Eigen::VectorXd x = lu.solve(f);
    if (!((E * x - f).lpNorm<Eigen::Infinity>() <= kTwoPlayerResidual)) return half;  // inconsistent
    for (std::size_t c = 0; c < k; ++c) half.strategy[support[j][c]] = x[Eigen::Index(c)];
    half.feasible = half.isolated = true;  // the caller checks signs and regret
    return half;
  }
  // A polytope: its point deepest inside the face, by max t subject to
  // t <= w_c, E' w = 0 (two inequalities each), gains . w <= 0, sum w <= 1,
  // w >= 0 (the cone over the face, cut off; the origin is feasible).
  const std::size_t rows = 2 * equations + unused.size() + 1 + k, columns = k + 1;
  std::vector<double> M(rows * columns, 0.0), b(rows, 0.0), objective(columns, 0.0);
  std::size_t row = 0;
  for (std::size_t r = 0; r < equations; ++r, row += 2)
    for (std::size_t c = 0; c < k; ++c) {
      M[row * columns + c] = E(Eigen::Index(r), Eigen::Index(c));
      M[(row + 1) * columns + c] = -E(Eigen::Index(r), Eigen::Index(c));
    }
  for (std::size_t a : unused) {
    for (std::size_t c = 0; c < k; ++c) M[row * columns + c] = gain(a, c);
    ++row;
  }
  for (std::size_t c = 0; c < k; ++c) M[row * columns + c] = 1;
  b[row++] = 1;
  for (std::size_t c = 0; c < k; ++c, ++row) M[row * columns + c] = -1, M[row * columns + k] = 1;
  objective[k] = 1;
  const auto solution = maximize<double, double>(rows, columns, M, b, objective, kLinearProgramTolerance);
  double sum = 0;
  for (std::size_t c = 0; c < k; ++c) sum += solution.primal[c];
  if (!(solution.primal[k] > kPositive) || !(sum > 0)) return half;  // only the face's boundary: smaller supports
  for (std::size_t c = 0; c < k; ++c) half.strategy[support[j][c]] = solution.primal[c] / sum;
  half.feasible = true;
  // An unused action that pays as much as the support everywhere in the
  // polytope is an implicit equation: it may leave a single point.
  Eigen::MatrixXd implicit = E;
  for (std::size_t u = 0; u < unused.size(); ++u) {
    const std::size_t gain_row = 2 * equations + u;
    std::vector<double> slack(columns, 0.0);
    for (std::size_t c = 0; c < k; ++c) slack[c] = -M[gain_row * columns + c];
    if (maximize<double, double>(rows, columns, M, b, slack, kLinearProgramTolerance).value > kPositive) continue;
    implicit.conservativeResize(implicit.rows() + 1, Eigen::NoChange);
    for (std::size_t c = 0; c < k; ++c) implicit(implicit.rows() - 1, Eigen::Index(c)) = M[gain_row * columns + c];
  }
  Eigen::FullPivLU<Eigen::MatrixXd> pinned(implicit);
  pinned.setThreshold(kTwoPlayerRankTolerance);
  half.isolated = std::size_t(pinned.rank()) == k;  // then the point found is the only one
  return half;
}

/// The search of enumerate_equilibria: supports in Porter-Nudelman-Shoham
/// order, each solved by BoxSearch (two players: by two_player_half).
class EquilibriumEnumerator {
 public:

  /// `scale`: the unit of options.tol in the game's payoffs.
  EquilibriumEnumerator(const NormalFormGame& game, const EquilibriumEnumerationOptions& options, double scale)
      : game_(game), options_(options), n_(game.num_players()), scale_(scale) {
    for (std::size_t m : game.nums_actions()) work_total_ *= std::ldexp(1.0, static_cast<int>(m)) - 1;
  }

  EquilibriumEnumeration run(const Visitor<MixedProfile>& visit) {
    visit_ = visit;
    result_.report.converged = result_.report.exhaustive = true;
    double finished = 0;
    for (const std::vector<std::size_t>& sizes : size_profiles()) {
      sizes_ = sizes;
      std::vector<std::vector<std::size_t>> domains(n_);
      for (std::size_t j = 0; j < n_; ++j)
        for (std::size_t a = 0; a < game_.num_actions(j); ++a) domains[j].push_back(a);
      choose_support(0, domains);
      // Pruned domains make the counts inside a size profile fall short; this is exact.
      double supports = 1;
      for (std::size_t j = 0; j < n_; ++j) supports *= subsets(game_.num_actions(j), sizes[j]);
      work_done_ = finished += supports;
    }
    return std::move(result_);
  }

 private:
  /// The number of k-subsets of m actions.
  static double subsets(std::size_t m, std::size_t k) {
    double count = 1;
    for (std::size_t t = 0; t < k; ++t) count = count * static_cast<double>(m - t) / static_cast<double>(t + 1);
    return count;
  }

  /// Support sizes by total, then by balance (max - min), then lexicographically.
  std::vector<std::vector<std::size_t>> size_profiles() const {
    std::vector<std::vector<std::size_t>> profiles;
    std::vector<std::size_t> sizes(n_, 1);
    while (true) {
      profiles.push_back(sizes);
      std::size_t j = n_;
      while (j-- > 0) {
        if (++sizes[j] <= game_.num_actions(j)) break;
        sizes[j] = 1;
      }
      if (j == static_cast<std::size_t>(-1)) break;
    }
    auto key = [](const std::vector<std::size_t>& s) {
      std::size_t total = 0;
      for (std::size_t k : s) total += k;
      const auto [low, high] = std::minmax_element(s.begin(), s.end());
      return std::make_pair(total, *high - *low);
    };
    std::stable_sort(profiles.begin(), profiles.end(),
                     [&](const auto& a, const auto& b) { return key(a) < key(b); });
    return profiles;
  }

  /// Chooses player i's support within its domain; the domains of players
  /// after i still hold every action not yet found dominated.
  void choose_support(std::size_t i, const std::vector<std::vector<std::size_t>>& domains) {
    if (i == n_) {
      solve(domains);
      return;
    }
    const std::vector<std::size_t>& domain = domains[i];
    const std::size_t k = sizes_[i];
    if (domain.size() < k) return;
    std::vector<std::size_t> pick(k);
    for (std::size_t t = 0; t < k; ++t) pick[t] = t;
    while (true) {
      std::vector<std::vector<std::size_t>> next = domains;
      next[i].clear();
      for (std::size_t t : pick) next[i].push_back(domain[t]);
      if (remove_dominated(next, i)) {
        choose_support(i + 1, next);
      } else {  // the supports of the later players that this choice rules out
        double skipped = 1;
        for (std::size_t j = i + 1; j < n_; ++j) skipped *= subsets(game_.num_actions(j), sizes_[j]);
        work_done_ += skipped;
        checkpoint("enumerate_equilibria", work_done_, work_total_);
      }
      // Next k-subset of the domain's positions, lexicographically.
      std::size_t t = k;
      while (t-- > 0 && pick[t] == domain.size() - k + t) {
      }
      if (t == static_cast<std::size_t>(-1)) break;
      ++pick[t];
      for (std::size_t u = t + 1; u < k; ++u) pick[u] = pick[u - 1] + 1;
    }
  }

  /// Iterated removal of actions strictly dominated (by any action) against
  /// every profile of the others' domains. False when an action of a chosen
  /// support (players 0..last) goes, or a domain becomes smaller than its size.
  bool remove_dominated(std::vector<std::vector<std::size_t>>& domains, std::size_t last) const {
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t j = 0; j < n_; ++j)
        for (std::size_t t = 0; t < domains[j].size();) {
          if (!dominated(j, domains[j][t], domains)) {
            ++t;
            continue;
          }
          if (j <= last) return false;
          domains[j].erase(domains[j].begin() + static_cast<std::ptrdiff_t>(t));
          if (domains[j].size() < sizes_[j]) return false;
          changed = true;
        }
    }
    return true;
  }

  bool dominated(std::size_t j, std::size_t a, const std::vector<std::vector<std::size_t>>& domains) const {
    const double* u = game_.payoffs(j);
    const auto& strides = game_.strides();
    for (std::size_t b = 0; b < game_.num_actions(j); ++b) {
      if (b == a) continue;
      bool better_everywhere = true;
      std::vector<std::size_t> position(n_, 0);
      while (better_everywhere) {
        std::size_t base = 0;
        for (std::size_t k = 0; k < n_; ++k)
          if (k != j) base += domains[k][position[k]] * strides[k];
        better_everywhere = u[base + b * strides[j]] > u[base + a * strides[j]];
        std::size_t k = n_;
        while (k-- > 0) {
          if (k == j) continue;
          if (++position[k] < domains[k].size()) break;
          position[k] = 0;
        }
        if (k == static_cast<std::size_t>(-1)) break;
      }
      if (better_everywhere) return true;
    }
    return false;
  }

  void solve(const SupportProfile& support) {
    ++result_.supports_solved;
    work_done_ += 1;
    checkpoint("enumerate_equilibria", work_done_, work_total_);
    if (n_ == 2) return solve_two_player(support);
    const SupportSystem system(game_, support);
    const std::size_t d = system.dimension();
    const BoxSearch search(system, options_, scale_, work_done_, work_total_);
    const std::vector<bool> all(d, true);
    if (system.vanishes()) {
      if (d == 0) return accept(system, {}, support);
      // Every profile of the face is indifferent; look for one where no
      // unused action pays more.
      BoxSearch::Result face = search.run(std::vector<bool>(d, false), all, BoxSearch::Mode::kFeasible);
      drop_boundary_boxes(system, face.unresolved);
      result_.boxes += face.boxes;
      if (face.capped) result_.report.converged = false;
      if (face.feasible || !face.unresolved.empty()) {
        SingularSupport singular{support, true, face.unresolved.size(), std::nullopt};
        if (face.feasible) singular.example = equilibrium_at(system, *face.feasible);
        if (!face.unresolved.empty()) result_.report.exhaustive = false;
        result_.singular_supports.push_back(std::move(singular));
      }
      return;
    }
    // A player with more equations than the others have unknowns makes every
    // root non-isolated; its equations alone, over the others' unknowns,
    // usually show there is none.
    for (std::size_t i = 0; i < n_; ++i) {
      const std::size_t own = system.block_size(i);
      if (2 * own <= d) continue;
      std::vector<bool> equations(d, false), variables(d, true);
      for (std::size_t l = 0; l < own; ++l)
        equations[system.offset(i) + l] = true, variables[system.offset(i) + l] = false;
      const BoxSearch::Result overdetermined = search.run(equations, variables, BoxSearch::Mode::kRoots);
      result_.boxes += overdetermined.boxes;
      if (overdetermined.capped) result_.report.converged = false;
      if (overdetermined.unresolved.empty()) return;
    }
    BoxSearch::Result found = search.run(all, all, BoxSearch::Mode::kRoots);
    result_.boxes += found.boxes;
    if (found.capped) result_.report.converged = false;
    for (const std::vector<double>& y : found.roots) accept(system, y, support);
    drop_boundary_boxes(system, found.unresolved);
    if (found.unresolved.empty()) return;
    result_.report.exhaustive = false;
    SingularSupport singular{support, false, found.unresolved.size(), std::nullopt};
    // Look for an equilibrium in the unresolved region, from boxes spread over it.
    const std::size_t tries = std::min<std::size_t>(found.unresolved.size(), kExampleStarts);
    for (std::size_t t = 0; t < tries && !singular.example; ++t) {
      const auto& box = found.unresolved[t * found.unresolved.size() / tries];
      std::vector<double> y(d);
      for (std::size_t c = 0; c < d; ++c) y[c] = box[c].mid();
      if (!newton_refine(system, y, kRootResidual * scale_)) continue;
      singular.example = equilibrium_at(system, y);
    }
    result_.singular_supports.push_back(std::move(singular));
  }

  void solve_two_player(const SupportProfile& support) {
    MixedProfile x(2);
    bool isolated = true, vanishes = true;
    for (std::size_t i = 0; i < 2; ++i) {
      TwoPlayerHalf half = two_player_half(game_, support, i);
      if (!half.feasible) return;
      isolated = isolated && half.isolated;
      vanishes = vanishes && half.vanishes;
      x[1 - i] = std::move(half.strategy);
    }
    if (isolated) return accept_profile(std::move(x), support);
    // A continuum: it has this exact support only if the fixed half is positive on it.
    for (std::size_t j = 0; j < 2; ++j)
      for (std::size_t a : support[j])
        if (!(x[j][a] > kPositive)) return;
    std::optional<MixedProfile> example = checked_equilibrium(std::move(x));
    if (example) result_.singular_supports.push_back(SingularSupport{support, vanishes, 0, std::move(example)});
  }

  static void drop_boundary_boxes(const SupportSystem& system, std::vector<std::vector<Interval>>& boxes) {
    boxes.erase(std::remove_if(boxes.begin(), boxes.end(),
                               [&](const auto& box) { return BoxSearch::at_boundary(system, box); }),
                boxes.end());
  }

  /// The profile at root y when it is a probability profile with regret
  /// within tolerance.
  std::optional<MixedProfile> equilibrium_at(const SupportSystem& system, const std::vector<double>& y) const {
    return checked_equilibrium(system.profile(game_, y));
  }

  /// x with rounding below 0 or above 1 clipped, when it is a probability
  /// profile with regret within tolerance.
  std::optional<MixedProfile> checked_equilibrium(MixedProfile x) const {
    for (auto& strategy : x)
      for (double& p : strategy) {
        if (!(p >= -kProbabilityRounding && p <= 1 + kProbabilityRounding)) return std::nullopt;
        p = std::clamp(p, 0.0, 1.0);
      }
    if (!(regret(game_, x) <= options_.tol * scale_)) return std::nullopt;
    return x;
  }

  void accept(const SupportSystem& system, const std::vector<double>& y, const SupportProfile& support) {
    accept_profile(system.profile(game_, y), support);
  }

  void accept_profile(MixedProfile profile, const SupportProfile& support) {
    std::optional<MixedProfile> x = checked_equilibrium(std::move(profile));
    if (!x) return;
    // A root on the boundary of its face is also a root of a smaller support.
    for (const MixedProfile& known : result_.equilibria) {
      double distance = 0;
      for (std::size_t j = 0; j < n_; ++j)
        for (std::size_t a = 0; a < known[j].size(); ++a)
          distance = std::max(distance, std::abs(known[j][a] - (*x)[j][a]));
      if (distance <= kDuplicateDistance) return;
    }
    if (visit_) visit_(*x);
    result_.equilibria.push_back(std::move(*x));
    result_.supports.push_back(support);
  }

  const NormalFormGame& game_;
  const EquilibriumEnumerationOptions& options_;
  std::size_t n_;
  double scale_;
  std::vector<std::size_t> sizes_;
  Visitor<MixedProfile> visit_;
  EquilibriumEnumeration result_;
  double work_done_ = 0, work_total_ = 1;  // support profiles behind / in all, for progress reports
};

void validate_enumeration_options(const char* function, const NormalFormGame& game,
                                         const EquilibriumEnumerationOptions& options) {
  if (!(options.tol >= 0) || !std::isfinite(options.tol))
    fail(function, "tol must be finite and >= 0, got ", options.tol);
  if (!(options.min_width > 0) || !(options.min_width < 1))
    fail(function, "min_width must be in (0, 1), got ", options.min_width);
  if (options.max_boxes == 0) fail(function, "max_boxes must be positive, got 0");
  if (!(options.max_supports >= 1)) fail(function, "max_supports must be >= 1, got ", options.max_supports);
  double supports = 1;
  for (std::size_t m : game.nums_actions()) supports *= std::ldexp(1.0, static_cast<int>(std::min<std::size_t>(m, 2000))) - 1;
  if (!(supports <= options.max_supports))
    fail(function, "the game has ", supports, " support profiles, more than max_supports = ",
         options.max_supports, "; use simplicial_subdivision or logit_qre for one equilibrium");
}

}  // namespace

}  // namespace detail

EquilibriumEnumeration enumerate_equilibria(const NormalFormGame& game, const EquilibriumEnumerationOptions& options,
                                            const Visitor<MixedProfile>& visit) {
  const detail::SolverName solver_name("enumerate_equilibria");
  detail::validate_enumeration_options("enumerate_equilibria", game, options);
  // Solved on the game centered and divided by its payoff range (payoffs in
  // [-1/2, 1/2]): the same equilibria, differences kept near 2^53 and 1e300.
  const NormalFormGame unit = detail::centered_game(game, payoff_range(game));
  EquilibriumEnumeration result = detail::EquilibriumEnumerator(unit, options, 1.0).run(visit);
  result.options = options;
  SolveReport& report = result.report;
  report.method = "enumerate_equilibria";
  report.num_iter = result.boxes;
  if (!report.converged)
    report.message = "max_boxes = " + std::to_string(options.max_boxes) +
                     " reached on some support: the boxes left there are unresolved, so the list may be incomplete";
  else if (!report.exhaustive)
    report.message = "some supports hold non-isolated roots (see singular_supports): boxes there are unresolved";
  else
    report.message = "every support solved: every isolated equilibrium listed";
  return result;
}

EquilibriumEnumeration enumerate_equilibria(const SymmetricGame& game, const EquilibriumEnumerationOptions& options,
                                            const Visitor<MixedProfile>& visit) {
  return enumerate_equilibria(to_normal_form(game), options, visit);
}

}  // namespace dilemma

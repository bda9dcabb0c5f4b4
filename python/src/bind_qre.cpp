// Logit quantal response equilibrium: the principal branch and its limit.
#include "solver_binding.hpp"
#include "dilemma/solvers/logit_qre.hpp"

namespace dilemma::python {

namespace {

/// The branch and the limit, converted to numpy once the solver is done.
struct PyLogitBranch {
  py::object lambdas, profiles;
};

struct PyLogitResult {
  py::object equilibrium, qre;
  double regret = 0, lam = 0;
  PyLogitBranch branch;
  SolveReport report;
  py::dict params;
};

struct PyLogitPoint {
  py::object qre;
  double lam = 0;
  SolveReport report;
  py::dict params;
};

py::object convert(const MixedProfile& x) { return to_python(x); }
py::object convert(const std::vector<double>& x) { return to_array(x); }

/// Rows of a 2-D array (steps, actions): column block [first, first + width).
py::array_t<double> stack(const std::vector<std::vector<double>>& rows, std::size_t width) {
  py::array_t<double> array({static_cast<py::ssize_t>(rows.size()), static_cast<py::ssize_t>(width)});
  double* out = array.mutable_data();
  for (const auto& row : rows) out = std::copy(row.begin(), row.end(), out);
  return array;
}

/// Dense: a tuple of (steps, m_i) arrays, one per player.
py::object stack_profiles(const std::vector<MixedProfile>& profiles, const std::vector<std::size_t>& nums) {
  py::tuple result(nums.size());
  for (std::size_t i = 0; i < nums.size(); ++i) {
    std::vector<std::vector<double>> rows;
    rows.reserve(profiles.size());
    for (const auto& profile : profiles) rows.push_back(profile[i]);
    result[i] = stack(rows, nums[i]);
  }
  return result;
}
py::object stack_profiles(const std::vector<std::vector<double>>& profiles, const std::vector<std::size_t>& nums) {
  return stack(profiles, nums.front());
}

template <class Profile>
PyLogitResult to_python_result(const LogitQreResult<Profile>& r, const std::vector<std::size_t>& nums) {
  PyLogitResult out;
  out.equilibrium = convert(r.equilibrium);
  out.qre = convert(r.qre);
  out.regret = r.regret, out.lam = r.lam, out.report = r.report;
  out.branch.lambdas = to_array(r.branch.lambdas);
  out.branch.profiles = stack_profiles(r.branch.profiles, nums);
  out.params = options_to_dict(r.options);
  return out;
}

const char* const logit_qre_doc = R"doc(
Trace the principal branch of the logit quantal response equilibrium.

Follows the curve of logit QRE from ``lambda = 0`` (the uniform profile) by
predictor-corrector path following in log-probability coordinates
(McKelvey & Palfrey 1995; Turocy 2005), parametrized by arc length so that
turning points in lambda are passed, until the profile's regret is at most
``tol`` times the game's payoff range (Gambit's criterion) or lambda
exceeds ``max_lambda``. The final profile is refined to an exact equilibrium
of the support it converges to when that lowers its regret.

Parameters
----------
game : NormalFormGame or SymmetricGame
    A dense game, or a symmetric game in count form (never expanded: the
    branch is the symmetric one, every player mixing the same way).

Returns
-------
LogitQreResult
    ``equilibrium``: the limiting Nash equilibrium, a tuple of 1-D arrays
    (one per player) for a dense game, one 1-D array (the common strategy)
    for a symmetric game; ``qre``: the QRE at the last lambda, same form;
    ``lam``, ``regret``, ``params`` (a dict), ``report`` (``converged``:
    the limit's regret is within ``tol`` and no ``max_iter`` cap ended the
    trace; ``num_iter``: accepted predictor-corrector steps; ``message``); ``branch.lambdas`` (1-D array) and
    ``branch.profiles`` (dense: a tuple of ``(steps, m_i)`` arrays;
    symmetric: one ``(steps, s)`` array).

See Also
--------
logit_qre_at : the QRE at a given lambda.
dilemma.plotting.qre_branch : plot the branch.

Examples
--------
>>> import dilemma
>>> game = dilemma.NormalFormGame.from_arrays([[4, 0], [3, 3]], [[4, 3], [0, 3]])
>>> result = dilemma.logit_qre(game)   # a stag hunt: the risk-dominant equilibrium
>>> [x.tolist() for x in result.equilibrium]
[[0.0, 1.0], [0.0, 1.0]]
>>> result.converged, float(result.branch.lambdas[0])
(True, 0.0)
)doc";

const char* const logit_qre_at_doc = R"doc(
The logit QRE at precision ``lam`` on the principal branch.

Follows the branch from ``lambda = 0`` to the first point where ``lam`` is
reached and solves there exactly (Newton at fixed lambda). Where the branch
turns back in lambda, further QRE at the same ``lam`` exist; this returns
the first one along the branch.

Parameters
----------
game : NormalFormGame or SymmetricGame
lam : float
    The precision, ``lam >= 0`` (0: the uniform profile).

Returns
-------
LogitQrePoint
    ``qre``: one probability vector per player (dense game), or the common
    strategy (symmetric game); None when the branch cannot be followed to
    ``lam`` (then ``converged`` is False and ``message`` says why).
    ``num_iter`` counts the accepted path steps.

Examples
--------
>>> import dilemma
>>> point = dilemma.logit_qre_at(dilemma.matching_pennies(), 2.0)
>>> [x.tolist() for x in point.qre], point.converged
([[0.5, 0.5], [0.5, 0.5]], True)
)doc";

template <class Game>
void bind_for(py::module_& m) {
  m.def(
      "_logit_qre",
      [](const Game& game, const py::kwargs& kwargs) {
        const auto o = options_from_kwargs<LogitQreOptions>("logit_qre", kwargs);
        auto result = [&] {
          SolverScope release;
          return logit_qre(game, o);
        }();
        std::vector<std::size_t> nums;
        if constexpr (std::is_same_v<Game, SymmetricGame>)
          nums = {game.num_actions()};
        else
          nums = game.nums_actions();
        return to_python_result(result, nums);
      },
      py::arg("game"));
  m.def(
      "_logit_qre_at",
      [](const Game& game, double lam, const py::kwargs& kwargs) {
        const auto o = options_from_kwargs<LogitQreOptions>("logit_qre_at", kwargs);
        auto point = [&] {
          SolverScope release;
          return logit_qre_at(game, lam, o);
        }();
        return PyLogitPoint{point.report.converged ? convert(point.qre) : py::none(), point.lam, point.report,
                            options_to_dict(o)};
      },
      py::arg("game"), py::arg("lam"));
}

}  // namespace

void bind_qre(py::module_& m) {
  py::class_<PyLogitBranch> logit_branch_class(m, "LogitBranch", "The traced branch: ``lambdas`` and the ``profiles`` at them.");
  def_fields(logit_branch_class,
             field("lambdas", &PyLogitBranch::lambdas),
             field("profiles", &PyLogitBranch::profiles));
  logit_branch_class.def("__len__", [](const PyLogitBranch& b) { return py::len(b.lambdas); });
  py::class_<PyLogitResult> logit_qre_result_class(m, "LogitQreResult", "Result of logit_qre: the limiting equilibrium and the branch.");
  def_fields(logit_qre_result_class,
             field("equilibrium", &PyLogitResult::equilibrium),
             field("qre", &PyLogitResult::qre),
             field("regret", &PyLogitResult::regret),
             field("lam", &PyLogitResult::lam),
             field("branch", &PyLogitResult::branch),
             field("report", &PyLogitResult::report, "The SolveReport of the run."),
             field("params", &PyLogitResult::params, "The options the method ran with."));
  def_report_properties(logit_qre_result_class);
  logit_qre_result_class.def("__repr__", [](const PyLogitResult& r) {
        return "LogitQreResult(converged=" + std::string(r.report.converged ? "True" : "False") +
               ", lam=" + std::to_string(r.lam) + ", regret=" + py::repr(py::float_(r.regret)).cast<std::string>() +
               ", num_iter=" + std::to_string(r.report.num_iter) + ")";
      });
  py::class_<PyLogitPoint> logit_point_class(m, "LogitQrePoint", "Result of logit_qre_at: the QRE at one lambda.");
  def_fields(logit_point_class,
             field("qre", &PyLogitPoint::qre, "The QRE where the branch first reaches lam, or None."),
             field("lam", &PyLogitPoint::lam),
             field("report", &PyLogitPoint::report, "The SolveReport of the run."),
             field("params", &PyLogitPoint::params, "The options the method ran with."));
  def_report_properties(logit_point_class);
  logit_point_class.def("__repr__", [](const PyLogitPoint& p) {
    return "LogitQrePoint(lam=" + py::repr(py::float_(p.lam)).cast<std::string>() +
           ", converged=" + (p.report.converged ? "True" : "False") + ")";
  });
  bind_for<NormalFormGame>(m);
  bind_for<SymmetricGame>(m);
  register_solver<LogitQreOptions>(m, "logit_qre", false, false, logit_qre_doc);
  register_solver<LogitQreOptions>(m, "logit_qre_at", false, false, logit_qre_at_doc);
}

}  // namespace dilemma::python

// Symmetric mixed equilibria, heterogeneous mixing, replicator dynamics, ESS.
#include "solver_binding.hpp"
#include "dilemma/analysis/ess.hpp"
#include "dilemma/analysis/replicator.hpp"
#include "dilemma/profiles/heterogeneous_payoffs.hpp"
#include "dilemma/solvers/symmetric_equilibria.hpp"

namespace dilemma::python {

namespace {

py::list to_arrays(const std::vector<std::vector<double>>& rows) {
  py::list result;
  for (const auto& row : rows) result.append(to_array(row));
  return result;
}

std::vector<double> to_vector(const char* function, py::handle x) {
  const auto array = to_real_array(function, "the strategy", x);
  if (array.ndim() != 1) detail::fail(function, "needs a 1-D probability vector");
  return {array.data(), array.data() + array.size()};
}

constexpr const char* kSymmetricEquilibriaDoc = R"doc(
All symmetric equilibria found: everybody mixes with the same ``x``.

Two actions: the interior roots of the gain polynomial (a Bernstein
polynomial, docs/model.md: Formulas), isolated by subdivision or, for large n,
by sampling near the sign changes of the gains, and polished with
TOMS 748, and the roots where the gain touches zero without changing sign,
at the roots of its derivative; plus the boundary equilibria. Three or more actions: every
support, each indifference system solved by Newton steps (the shared Newton on a support) from
``num_starts`` random starts and the barycenter. Each equilibrium's regret
is at most ``tol`` times the payoff range. ``num_iter`` counts the supports
searched; ``exhaustive``: no other isolated equilibrium exists (two
actions: all roots isolated, a multiple root reported once; False when the
gain at an extremum is above ``tol`` but within rounding; three or more:
every support trivial or singular); ``converged``: no Newton start was cut by ``max_iter``.

Parameters
----------
game : SymmetricGame

Returns
-------
EquilibriumList
    1-D probability arrays, with ``singular_supports``: supports on which
    every profile solves the indifference conditions (a continuum; its
    barycenter is listed as the representative).

Examples
--------
>>> import dilemma
>>> found = dilemma.symmetric_equilibria(dilemma.confession_game(50, "leniency_for_naming"))
>>> [x.tolist() for x in found], found.singular_supports, found.converged
([[0.0, 0.0, 1.0]], [(0, 1)], True)
)doc";

constexpr const char* kRestPointsDoc = R"doc(
Rest points of the replicator dynamics (every state whose used actions earn
the same), found as :func:`symmetric_equilibria` finds equilibria but
without the best-reply condition, each classified by the Jacobian's
eigenvalues on the simplex. ``num_iter`` counts the supports searched;
``exhaustive`` and ``converged`` as for :func:`symmetric_equilibria`.

Parameters
----------
game : SymmetricGame

Returns
-------
RestPoints
    ``points`` (each a ``RestPoint``), ``singular_supports``, ``report``,
    ``params``.

Examples
--------
>>> import dilemma
>>> rest = dilemma.replicator_rest_points(dilemma.confession_game(8, "leniency_for_naming"))
>>> [p.stability for p in rest.points], rest.num_iter
(['unstable', 'unstable', 'asymptotically stable', 'unstable'], 7)
)doc";

constexpr const char* kEssDoc = R"doc(
The ESSs among the symmetric equilibria: exact for 2 actions (sign pattern of
the gain polynomial), a numerical invasion test against pure and
``num_mutants`` random mutants for 3 or more actions. ``num_iter`` counts
the symmetric equilibria tested; ``exhaustive`` and ``converged`` are those
of the equilibrium search.

Parameters
----------
game : SymmetricGame

Returns
-------
EssResult
    ``strategies`` (1-D arrays), ``exact``, ``report``, ``params``.

Examples
--------
>>> import dilemma
>>> ess = dilemma.evolutionarily_stable_strategies(dilemma.confession_game(8, "leniency_for_naming"))
>>> [x.tolist() for x in ess.strategies], ess.exact
([[0.0, 0.0, 1.0]], False)
)doc";

/// Options back from their params dict (unpickling).
template <class Options>
Options options_from_dict(const char* function, py::handle params) {
  return options_from_kwargs<Options>(function, py::reinterpret_borrow<py::kwargs>(params));
}

/// The overload of `_name` after the SymmetricGame one: any other game is a
/// ValueError naming the function (not pybind11's "incompatible arguments").
void def_needs_symmetric(py::module_& m, const char* name, const char* function) {
  m.def(
      name,
      [function](const py::object& game, const py::kwargs&) {
        detail::fail(function, "needs a SymmetricGame, got ", py::type::of(game).attr("__name__").cast<std::string>());
      },
      py::arg("game"));
}

py::list to_tuples(const std::vector<std::vector<std::size_t>>& supports) {
  py::list result;
  for (const auto& support : supports) result.append(py::tuple(py::cast(support)));
  return result;
}

}  // namespace

HeterogeneousProfile to_heterogeneous(const char* function, py::handle profile) {
  const auto array = to_real_array(function, "the profile", profile);
  if (array.ndim() != 2) detail::fail(function, "needs one strategy per player: a 2-D array (players, actions)");
  HeterogeneousProfile result(static_cast<std::size_t>(array.shape(0)));
  for (std::size_t i = 0; i < result.size(); ++i)
    result[i].assign(array.data() + i * array.shape(1), array.data() + (i + 1) * array.shape(1));
  return result;
}

void bind_dynamics(py::module_& m) {
  m.def(
      "_symmetric_equilibria",
      [](const SymmetricGame& game, const py::kwargs& kwargs) {
        const auto options = options_from_kwargs<SymmetricEquilibriumOptions>("symmetric_equilibria", kwargs);
        const SymmetricEquilibria found = released([&] { return symmetric_equilibria(game, options); });
        py::dict extras;
        extras["singular_supports"] = to_tuples(found.singular_supports);
        py::tuple result = listed(to_arrays(found.equilibria), found.report, options);
        return py::make_tuple(result[0], result[1], result[2], extras);
      },
      py::arg("game"));
  def_needs_symmetric(m, "_symmetric_equilibria", "symmetric_equilibria");
  register_solver<SymmetricEquilibriumOptions>(m, "symmetric_equilibria", false, false, kSymmetricEquilibriaDoc);

  m.def("replicator_field", [](const SymmetricGame& g, const py::object& x) {
    return to_array(replicator_field(g, to_vector("replicator_field", x)));
  }, py::arg("game"), py::arg("state"), "dx_a/dt = x_a (U(a; x) - x . U(x)) at population state x.");
  m.def(
      "replicator_trajectory",
      [](const SymmetricGame& g, const py::object& x0, double t_end, double abs_tol, double rel_tol, const py::object& max_steps) {
        ReplicatorTrajectory trajectory;
        const std::size_t steps = to_nonnegative("replicator_trajectory", "max_steps", max_steps);
        const std::vector<double> start = to_vector("replicator_trajectory", x0);
        {
          SolverScope release;
          trajectory = replicator_trajectory(g, start, t_end, abs_tol, rel_tol, steps);
        }
        py::array_t<double> states({static_cast<py::ssize_t>(trajectory.states.size()), static_cast<py::ssize_t>(g.num_actions())});
        for (std::size_t k = 0; k < trajectory.states.size(); ++k)
          std::copy(trajectory.states[k].begin(), trajectory.states[k].end(), states.mutable_data() + k * g.num_actions());
        return py::make_tuple(to_array(trajectory.times), states);
      },
      py::arg("game"), py::arg("state"), py::arg("t_end"), py::kw_only(), py::arg("abs_tol") = 1e-10,
      py::arg("rel_tol") = 1e-8, py::arg("max_steps") = 100000, R"doc(
Integrates the replicator dynamics from ``state`` to ``t_end`` with an adaptive
Dormand-Prince stepper. Returns ``(times, states)``, states of shape (steps, actions).
)doc");

  py::class_<RestPoint>(m, "RestPoint", "A rest point of the replicator dynamics with its linear stability.")
      .def_property_readonly("state", [](const RestPoint& p) { return to_array(p.state); })
      .def_readonly("eigenvalues_real", &RestPoint::eigenvalues_real)
      .def_readonly("stability", &RestPoint::stability)
      .def_readonly("is_equilibrium", &RestPoint::is_equilibrium)
      .def("__repr__", [](const RestPoint& p) {
        return "<RestPoint " + detail::format_tuple(p.state) + " " + p.stability + ">";
      });
  def_pickle(m, "RestPoint", &RestPoint::state, &RestPoint::eigenvalues_real, &RestPoint::stability,
             &RestPoint::is_equilibrium);
  py::class_<RestPoints> rest_points_class(m, "RestPoints", "Rest points of the replicator dynamics.");
  rest_points_class.def_readonly("points", &RestPoints::points)
      .def_readonly("singular_supports", &RestPoints::singular_supports)
      .def_readonly("report", &RestPoints::report, "The SolveReport of the run.")
      .def_property_readonly(
          "params", [](const RestPoints& r) { return options_to_dict(r.options); }, "The options the method ran with.")
      .def(py::pickle(
          [](const RestPoints& r) {
            return py::make_tuple(r.points, r.singular_supports, r.report, options_to_dict(r.options));
          },
          [](const py::tuple& state) {
            RestPoints r;
            r.points = state[0].cast<std::vector<RestPoint>>();
            r.singular_supports = state[1].cast<std::vector<std::vector<std::size_t>>>();
            r.report = state[2].cast<SolveReport>();
            r.options = options_from_dict<SymmetricEquilibriumOptions>("RestPoints", state[3]);
            return r;
          }));
  def_report_properties(rest_points_class);
  m.def(
      "_replicator_rest_points",
      [](const SymmetricGame& game, const py::kwargs& kwargs) {
        const auto options = options_from_kwargs<SymmetricEquilibriumOptions>("replicator_rest_points", kwargs);
        SolverScope release;
        return replicator_rest_points(game, options);
      },
      py::arg("game"));
  def_needs_symmetric(m, "_replicator_rest_points", "replicator_rest_points");
  register_solver<SymmetricEquilibriumOptions>(m, "replicator_rest_points", false, false, kRestPointsDoc);

  py::class_<EssResult> ess_class(m, "EssResult", "Evolutionarily stable strategies found.");
  ess_class.def_property_readonly("strategies", [](const EssResult& r) { return to_arrays(r.strategies); })
      .def_readonly("exact", &EssResult::exact, "True for 2 actions (sign pattern); False for the numerical test.")
      .def_readonly("report", &EssResult::report, "The SolveReport of the run.")
      .def_property_readonly(
          "params", [](const EssResult& r) { return options_to_dict(r.options); }, "The options the method ran with.")
      .def(py::pickle(
          [](const EssResult& r) {
            return py::make_tuple(r.strategies, r.exact, r.report, options_to_dict(r.options));
          },
          [](const py::tuple& state) {
            EssResult r;
            r.strategies = state[0].cast<std::vector<std::vector<double>>>();
            r.exact = state[1].cast<bool>();
            r.report = state[2].cast<SolveReport>();
            r.options = options_from_dict<EssOptions>("EssResult", state[3]);
            return r;
          }));
  def_report_properties(ess_class);
  m.def(
      "_evolutionarily_stable_strategies",
      [](const SymmetricGame& game, const py::kwargs& kwargs) {
        const auto options = options_from_kwargs<EssOptions>("evolutionarily_stable_strategies", kwargs);
        SolverScope release;
        return evolutionarily_stable_strategies(game, options);
      },
      py::arg("game"));
  def_needs_symmetric(m, "_evolutionarily_stable_strategies", "evolutionarily_stable_strategies");
  register_solver<EssOptions>(m, "evolutionarily_stable_strategies", false, false, kEssDoc);
}

}  // namespace dilemma::python

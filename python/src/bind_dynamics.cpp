// Symmetric mixed equilibria, heterogeneous mixing, replicator dynamics, ESS.
#include "bindings.hpp"
#include "dilemma/analysis/ess.hpp"
#include "dilemma/analysis/replicator.hpp"
#include "dilemma/profiles/heterogeneous_payoffs.hpp"
#include "dilemma/solvers/symmetric_equilibria.hpp"

namespace dilemma::python {

namespace {

py::array_t<double> to_array(const std::vector<double>& values) {
  return py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data());
}

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

SymmetricEquilibriumOptions make_options(double tol, std::size_t num_starts, std::size_t max_iter, std::uint64_t seed) {
  SymmetricEquilibriumOptions options;
  options.tol = tol, options.num_starts = num_starts, options.max_iter = max_iter, options.random_state = seed;
  return options;
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
  py::class_<SymmetricEquilibria>(m, "SymmetricEquilibria", "Result of the symmetric mixed-equilibrium search.")
      .def_property_readonly("equilibria", [](const SymmetricEquilibria& r) { return to_arrays(r.equilibria); })
      .def_readonly("singular_supports", &SymmetricEquilibria::singular_supports)
      .def_readonly("exhaustive", &SymmetricEquilibria::exhaustive)
      .def_readonly("supports_searched", &SymmetricEquilibria::supports_searched);
  def_pickle(m, "SymmetricEquilibria", &SymmetricEquilibria::equilibria, &SymmetricEquilibria::singular_supports,
             &SymmetricEquilibria::exhaustive, &SymmetricEquilibria::supports_searched);
  m.def(
      "_symmetric_equilibria",
      [](const SymmetricGame& g, double tol, std::size_t num_starts, std::size_t max_iter, std::uint64_t seed) {
        SolverScope release;
        return symmetric_equilibria(g, make_options(tol, num_starts, max_iter, seed));
      },
      py::arg("game"), py::arg("tol"), py::arg("num_starts"), py::arg("max_iter"), py::arg("random_state"));

  m.def("replicator_field", [](const SymmetricGame& g, const py::object& x) {
    return to_array(replicator_field(g, to_vector("replicator_field", x)));
  }, py::arg("game"), py::arg("state"), "dx_a/dt = x_a (U(a; x) - x . U(x)) at population state x.");
  m.def(
      "replicator_trajectory",
      [](const SymmetricGame& g, const py::object& x0, double t_end, double abs_tol, double rel_tol, std::size_t max_steps) {
        ReplicatorTrajectory trajectory;
        const std::vector<double> start = to_vector("replicator_trajectory", x0);
        {
          SolverScope release;
          trajectory = replicator_trajectory(g, start, t_end, abs_tol, rel_tol, max_steps);
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
  def_fields(rest_points_class,
             field("points", &RestPoints::points),
             field("singular_supports", &RestPoints::singular_supports),
             field("exhaustive", &RestPoints::exhaustive));
  m.def(
      "replicator_rest_points",
      [](const SymmetricGame& g, double tol, std::size_t num_starts, std::size_t max_iter, std::uint64_t seed) {
        SolverScope release;
        return replicator_rest_points(g, make_options(tol, num_starts, max_iter, seed));
      },
      py::arg("game"), py::kw_only(), py::arg("tol") = 1e-9, py::arg("num_starts") = 24, py::arg("max_iter") = 100,
      py::arg("random_state") = 0,
      "Rest points of the replicator dynamics, each classified by the Jacobian's eigenvalues on the simplex.");

  py::class_<EssResult>(m, "EssResult", "Evolutionarily stable strategies found.")
      .def_property_readonly("strategies", [](const EssResult& r) { return to_arrays(r.strategies); })
      .def_readonly("exact", &EssResult::exact, "True for 2 actions (sign pattern); False for the numerical test.");
  def_pickle(m, "EssResult", &EssResult::strategies, &EssResult::exact);
  m.def(
      "evolutionarily_stable_strategies",
      [](const SymmetricGame& g, double tol, std::size_t num_starts, std::size_t max_iter, std::uint64_t seed,
         std::size_t num_mutants) {
        SolverScope release;
        return evolutionarily_stable_strategies(g, make_options(tol, num_starts, max_iter, seed), num_mutants);
      },
      py::arg("game"), py::kw_only(), py::arg("tol") = 1e-9, py::arg("num_starts") = 24, py::arg("max_iter") = 100,
      py::arg("random_state") = 0, py::arg("num_mutants") = 64, R"doc(
The ESSs among the symmetric equilibria: exact for 2 actions (sign pattern of
the gain polynomial), a numerical invasion test against pure and random
mutants for 3 or more actions.
)doc");
}

}  // namespace dilemma::python

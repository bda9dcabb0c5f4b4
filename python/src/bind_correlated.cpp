// Correlated equilibria, dominance by mixed strategies and mixed security
// strategies of n-player games (linear programs).
#include <string>

#include "dilemma/analysis/mixed_dominance.hpp"
#include "dilemma/solvers/correlated_equilibrium.hpp"
#include "solver_binding.hpp"

namespace dilemma::python {

namespace {

CorrelatedObjective to_objective(const std::string& objective) {
  if (objective == "welfare" || objective == "max_welfare") return CorrelatedObjective::welfare;
  if (objective == "min_welfare") return CorrelatedObjective::min_welfare;
  if (objective == "feasible") return CorrelatedObjective::feasible;
  detail::fail("correlated_equilibrium", "objective must be \"welfare\", \"min_welfare\" or \"feasible\", got \"",
               objective, "\"");
}

}  // namespace

/// The objective as its Python string.
template <>
struct OptionCodec<CorrelatedObjective> {
  static py::object to_python(CorrelatedObjective objective) {
    switch (objective) {
      case CorrelatedObjective::feasible: return py::str("feasible");
      case CorrelatedObjective::min_welfare: return py::str("min_welfare");
      default: return py::str("welfare");
    }
  }
  static CorrelatedObjective from_python(const char*, const char*, py::handle value) {
    return to_objective(py::str(value).cast<std::string>());
  }
};

namespace {


/// A correlated equilibrium as Python sees it: the distribution (an array
/// shaped like the game's profile tensor, or count classes and their
/// probabilities), its numbers, the report and the options it ran with.
struct PyCorrelated {
  py::object distribution;
  double welfare = 0, max_violation = 0;
  SolveReport report;
  py::dict params;
};
struct PySymmetricCorrelated {
  py::object classes, probabilities;
  double welfare = 0, max_violation = 0;
  SolveReport report;
  py::dict params;
};

Dominance to_kind(bool weak) { return weak ? Dominance::weak : Dominance::strict; }

const char* correlated_doc = R"doc(
A correlated equilibrium (Aumann 1974) maximising ``objective``, by linear
programming.

Parameters
----------
game : NormalFormGame or SymmetricGame
    A dense game (one variable per pure profile) or a symmetric game, solved
    in count form: an exchangeable distribution, one variable per count
    class, s (s - 1) incentive rows (polynomial in the number of players).

Returns
-------
CorrelatedEquilibrium or SymmetricCorrelatedEquilibrium
    ``distribution`` (an array shaped like the game's profile tensor) or
    ``classes`` and ``probabilities`` (count classes with positive
    probability), with ``welfare`` and ``max_violation``, the largest
    incentive-constraint value in payoff units (0 up to rounding), and the
    report (``num_iter``: simplex pivots; never ``exhaustive``: one point
    of the polytope).

Examples
--------
>>> import dilemma
>>> chicken = dilemma.NormalFormGame.from_arrays([[0, 7], [2, 6]], [[0, 2], [7, 6]])
>>> round(dilemma.correlated_equilibrium(chicken).welfare, 9)
10.5
>>> ce = dilemma.correlated_equilibrium(dilemma.confession_game(200, "leniency_for_naming"))
>>> ce.classes.tolist()
[[0, 0, 200]]
)doc";

}  // namespace

void bind_correlated(py::module_& m) {
  py::class_<PyCorrelated> dense(m, "CorrelatedEquilibrium", "A correlated equilibrium of a dense game.");
  def_fields(dense, field("distribution", &PyCorrelated::distribution,
                          "Probability of each pure profile, shaped like the game's profile tensor."),
             field("welfare", &PyCorrelated::welfare, "Expected sum of the players' payoffs."),
             field("max_violation", &PyCorrelated::max_violation,
                   "Largest incentive-constraint value (payoff units, >= 0)."),
             field("report", &PyCorrelated::report), field("params", &PyCorrelated::params));
  def_report_properties(dense);
  dense.def("__repr__", [](const PyCorrelated& ce) {
    return "<CorrelatedEquilibrium welfare=" + std::string(py::str(py::float_(ce.welfare))) + ">";
  });
  py::class_<PySymmetricCorrelated> symmetric(m, "SymmetricCorrelatedEquilibrium",
                                              "An exchangeable correlated equilibrium of a symmetric game.");
  def_fields(symmetric,
             field("classes", &PySymmetricCorrelated::classes,
                   "Count classes with positive probability, one row each (counts per action)."),
             field("probabilities", &PySymmetricCorrelated::probabilities,
                   "Probability of each class, spread uniformly over its profiles."),
             field("welfare", &PySymmetricCorrelated::welfare, "Expected sum of the n players' payoffs."),
             field("max_violation", &PySymmetricCorrelated::max_violation,
                   "Largest incentive-constraint value (payoff units, >= 0)."),
             field("report", &PySymmetricCorrelated::report), field("params", &PySymmetricCorrelated::params));
  def_report_properties(symmetric);
  symmetric.def("__repr__", [](const PySymmetricCorrelated& ce) {
    return "<SymmetricCorrelatedEquilibrium welfare=" + std::string(py::str(py::float_(ce.welfare))) + ", " +
           std::to_string(py::len(ce.probabilities)) + " classes>";
  });
  m.def(
      "_correlated_equilibrium",
      [](const NormalFormGame& game, const py::kwargs& kwargs) {
        const auto options = options_from_kwargs<CorrelatedEquilibriumOptions>("correlated_equilibrium", kwargs);
        check_numpy_dimensions("correlated_equilibrium", game.num_players(), " (one per player) for the distribution");
        const CorrelatedEquilibrium ce = released([&] { return correlated_equilibrium(game, options); });
        const auto& shape = game.nums_actions();
        py::array_t<double> distribution(std::vector<py::ssize_t>(shape.begin(), shape.end()), ce.distribution.data());
        return PyCorrelated{distribution, ce.welfare, ce.max_violation, ce.report, options_to_dict(options)};
      },
      py::arg("game"));
  m.def(
      "_correlated_equilibrium",
      [](const SymmetricGame& game, const py::kwargs& kwargs) {
        const auto options = options_from_kwargs<CorrelatedEquilibriumOptions>("correlated_equilibrium", kwargs);
        const SymmetricCorrelatedEquilibrium ce = released([&] { return correlated_equilibrium(game, options); });
        const std::size_t s = game.num_actions();
        py::array_t<long long> classes({static_cast<py::ssize_t>(ce.classes.size()), static_cast<py::ssize_t>(s)});
        auto view = classes.mutable_unchecked<2>();
        for (std::size_t k = 0; k < ce.classes.size(); ++k)
          for (std::size_t a = 0; a < s; ++a) view(k, a) = static_cast<long long>(ce.classes[k][a]);
        return PySymmetricCorrelated{classes, to_array(ce.probabilities), ce.welfare, ce.max_violation, ce.report,
                                     options_to_dict(options)};
      },
      py::arg("game"));
  register_solver<CorrelatedEquilibriumOptions>(m, "correlated_equilibrium", false, false, correlated_doc);
  m.def("max_incentive_gain", py::overload_cast<const NormalFormGame&>(&max_incentive_gain), py::arg("game"),
        R"doc(
The largest coefficient of the correlated-equilibrium incentive constraints,
in payoff units: the most any player gains by deviating from a
recommendation when the distribution is a point mass on one profile. Every
distribution over profiles is a correlated (and coarse correlated)
equilibrium iff it is 0 (docs/model.md: theorem).

Examples
--------
>>> import dilemma
>>> dilemma.max_incentive_gain(dilemma.prisoners_dilemma()) > 0
True
>>> dilemma.max_incentive_gain(dilemma.confession_game(5, "invariant_purge"))
0.0
)doc",
        py::call_guard<SolverScope>());
  m.def("max_incentive_gain", py::overload_cast<const SymmetricGame&>(&max_incentive_gain), py::arg("game"),
        "The same for a symmetric game, from the count-form constraints (per recommended player).",
        py::call_guard<SolverScope>());

  py::class_<MixedDominance> mixed_dominance_class(m, "MixedDominance", "Result of mixed_dominance.");
  mixed_dominance_class.def_readonly("dominated", &MixedDominance::dominated)
      .def_property_readonly(
          "strategy",
          [](const MixedDominance& d) { return d.dominated ? py::object(to_array(d.strategy)) : py::none(); },
          "A dominating mixture over all the player's actions (0 on the tested one), or None.")
      .def_readonly("margin", &MixedDominance::margin,
                    "Strict: the mixture's least gain over the action; weak: its largest gain.")
      .def("__repr__", [](const MixedDominance& d) {
        return std::string("<MixedDominance dominated=") + (d.dominated ? "True" : "False") + ">";
      });
  def_pickle(mixed_dominance_class, &MixedDominance::dominated, &MixedDominance::strategy, &MixedDominance::margin);
  m.def(
      "mixed_dominance",
      [](const NormalFormGame& game, const py::object& player, const py::object& action, bool weak, double tol) {
        const std::size_t i = to_nonnegative("mixed_dominance", "player", player);
        const std::size_t a = to_nonnegative("mixed_dominance", "action", action);
        SolverScope release;
        return mixed_dominance(game, i, a, to_kind(weak), tol);
      },
      py::arg("game"), py::arg("player"), py::arg("action"), py::kw_only(), py::arg("weak") = false,
      py::arg("tol") = 0.0, R"doc(
Whether ``action`` of ``player`` is dominated by a mixed strategy of the
player's other actions (strictly, or weakly with ``weak=True``), by one
linear program, and a dominating mixture: a ``MixedDominance``.

Examples
--------
>>> import dilemma
>>> game = dilemma.NormalFormGame.from_arrays([[2, -1], [0, 0], [-1, 2]], [[0, 0]] * 3)
>>> dilemma.mixed_dominance(game, 0, 1).strategy.round(9).tolist()
[0.5, 0.0, 0.5]
)doc");
  m.def(
      "mixed_dominance",
      [](const SymmetricGame& game, const py::object& action, bool weak, double tol) {
        const std::size_t a = to_nonnegative("mixed_dominance", "action", action);
        SolverScope release;
        return mixed_dominance(game, a, to_kind(weak), tol);
      },
      py::arg("game"), py::arg("action"), py::kw_only(), py::arg("weak") = false, py::arg("tol") = 0.0,
      "Mixed dominance of ``action`` in a symmetric game, against the others' count vectors.");
  m.def(
      "is_dominated",
      [](const NormalFormGame& game, const py::object& player, const py::object& action, bool mixed, bool weak, double tol) {
        const std::size_t i = to_nonnegative("is_dominated", "player", player);
        const std::size_t a = to_nonnegative("is_dominated", "action", action);
        SolverScope release;
        return is_dominated(game, i, a, mixed, to_kind(weak), tol);
      },
      py::arg("game"), py::arg("player"), py::arg("action"), py::kw_only(), py::arg("mixed") = true,
      py::arg("weak") = false, py::arg("tol") = 0.0, R"doc(
True when ``action`` of ``player`` is dominated: by a mixed strategy of the
player's other actions (``mixed=True``, a linear program) or by a pure one;
strictly (better by more than ``tol`` against every profile of the others)
or, with ``weak=True``, never worse by more than ``tol`` and better by more
than ``tol`` somewhere.

Examples
--------
>>> import dilemma
>>> game = dilemma.NormalFormGame.from_arrays([[2, -1], [0, 0], [-1, 2]], [[0, 0]] * 3)
>>> dilemma.is_dominated(game, 0, 1), dilemma.is_dominated(game, 0, 1, mixed=False)
(True, False)
)doc");
  m.def(
      "is_dominated",
      [](const SymmetricGame& game, const py::object& action, bool mixed, bool weak, double tol) {
        const std::size_t a = to_nonnegative("is_dominated", "action", action);
        SolverScope release;
        return is_dominated(game, a, mixed, to_kind(weak), tol);
      },
      py::arg("game"), py::arg("action"), py::kw_only(), py::arg("mixed") = true, py::arg("weak") = false,
      py::arg("tol") = 0.0, "True when ``action`` of a symmetric game is dominated (see the dense overload).");
  m.def(
      "iterated_elimination",
      [](const NormalFormGame& game, bool mixed, double tol) {
        SolverScope release;
        return mixed ? iterated_mixed_elimination(game, tol) : iterated_elimination(game, tol);
      },
      py::arg("game"), py::kw_only(), py::arg("mixed"), py::arg("tol") = 0.0,
      "With ``mixed=True``: removes actions strictly dominated by mixed strategies, round by round.");
}

}  // namespace dilemma::python

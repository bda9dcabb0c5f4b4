// Correlated equilibria, dominance by mixed strategies and mixed security
// strategies of n-player games (linear programs).
#include <string>

#include "bindings.hpp"
#include "dilemma/analysis/mixed_dominance.hpp"
#include "dilemma/solvers/correlated_equilibrium.hpp"

namespace dilemma::python {

namespace {

CorrelatedObjective to_objective(const std::string& objective) {
  if (objective == "welfare" || objective == "max_welfare") return CorrelatedObjective::welfare;
  if (objective == "min_welfare") return CorrelatedObjective::min_welfare;
  if (objective == "feasible") return CorrelatedObjective::feasible;
  detail::fail("correlated_equilibrium", "objective must be \"welfare\", \"min_welfare\" or \"feasible\", got \"",
               objective, "\"");
}

py::array_t<double> to_array(const std::vector<double>& values) {
  return py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data());
}

py::tuple to_python(const SecurityStrategy& security) { return py::make_tuple(to_array(security.strategy), security.level); }

/// A dense correlated equilibrium with the shape of its game.
struct PyCorrelated {
  CorrelatedEquilibrium result;
  std::vector<std::size_t> shape;
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
objective : {"welfare", "min_welfare", "feasible"}
    Largest or smallest expected sum of payoffs, or any equilibrium.
coarse : bool
    A coarse correlated equilibrium instead (no player gains by committing
    to an action before hearing the recommendation).
tol : float
    Simplex tolerance, relative to each player's payoff range.

Returns
-------
CorrelatedEquilibrium or SymmetricCorrelatedEquilibrium
    ``distribution`` (an array shaped like the game's profile tensor) or
    ``classes`` and ``probabilities`` (count classes with positive
    probability), with ``welfare`` and ``max_violation``, the largest
    incentive-constraint value in payoff units (0 up to rounding).

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
  py::class_<PyCorrelated>(m, "CorrelatedEquilibrium", "A correlated equilibrium of a dense game.")
      .def_property_readonly(
          "distribution",
          [](const PyCorrelated& ce) {
            return py::array_t<double>(std::vector<py::ssize_t>(ce.shape.begin(), ce.shape.end()),
                                       ce.result.distribution.data());
          },
          "Probability of each pure profile, shaped like the game's profile tensor.")
      .def_property_readonly("welfare", [](const PyCorrelated& ce) { return ce.result.welfare; },
                             "Expected sum of the players' payoffs.")
      .def_property_readonly("max_violation", [](const PyCorrelated& ce) { return ce.result.max_violation; },
                             "Largest incentive-constraint value (payoff units, >= 0).")
      .def("__repr__", [](const PyCorrelated& ce) {
        return "<CorrelatedEquilibrium welfare=" + std::string(py::str(py::float_(ce.result.welfare))) + ">";
      });
  py::class_<SymmetricCorrelatedEquilibrium>(m, "SymmetricCorrelatedEquilibrium",
                                             "An exchangeable correlated equilibrium of a symmetric game.")
      .def_property_readonly(
          "classes",
          [](const SymmetricCorrelatedEquilibrium& ce) {
            const std::size_t s = ce.classes.empty() ? 0 : ce.classes[0].size();
            py::array_t<long long> out({static_cast<py::ssize_t>(ce.classes.size()), static_cast<py::ssize_t>(s)});
            auto view = out.mutable_unchecked<2>();
            for (std::size_t k = 0; k < ce.classes.size(); ++k)
              for (std::size_t a = 0; a < s; ++a) view(k, a) = static_cast<long long>(ce.classes[k][a]);
            return out;
          },
          "Count classes with positive probability, one row each (counts per action).")
      .def_property_readonly("probabilities",
                             [](const SymmetricCorrelatedEquilibrium& ce) { return to_array(ce.probabilities); },
                             "Probability of each class, spread uniformly over its profiles.")
      .def_readonly("welfare", &SymmetricCorrelatedEquilibrium::welfare, "Expected sum of the n players' payoffs.")
      .def_readonly("max_violation", &SymmetricCorrelatedEquilibrium::max_violation,
                    "Largest incentive-constraint value (payoff units, >= 0).")
      .def("__repr__", [](const SymmetricCorrelatedEquilibrium& ce) {
        return "<SymmetricCorrelatedEquilibrium welfare=" + std::string(py::str(py::float_(ce.welfare))) + ", " +
               std::to_string(ce.classes.size()) + " classes>";
      });
  def_pickle(m, "SymmetricCorrelatedEquilibrium", &SymmetricCorrelatedEquilibrium::classes,
             &SymmetricCorrelatedEquilibrium::probabilities, &SymmetricCorrelatedEquilibrium::welfare,
             &SymmetricCorrelatedEquilibrium::max_violation);
  py::reinterpret_borrow<py::class_<PyCorrelated>>(m.attr("CorrelatedEquilibrium"))
      .def(py::pickle(
          [](const PyCorrelated& ce) {
            return py::make_tuple(ce.shape, ce.result.distribution, ce.result.welfare, ce.result.max_violation,
                                  ce.result.pivots);
          },
          [](const py::tuple& state) {
            if (state.size() != 5) throw py::value_error("unpickling CorrelatedEquilibrium: expected 5 fields");
            PyCorrelated ce;
            ce.shape = state[0].cast<std::vector<std::size_t>>();
            ce.result = {state[1].cast<std::vector<double>>(), state[2].cast<double>(), state[3].cast<double>(),
                         state[4].cast<std::size_t>()};
            return ce;
          }));
  m.def(
      "correlated_equilibrium",
      [](const NormalFormGame& game, const std::string& objective, bool coarse, double tol) {
        const CorrelatedObjective goal = to_objective(objective);
        SolverScope release;
        return PyCorrelated{correlated_equilibrium(game, goal, coarse, tol), game.nums_actions()};
      },
      py::arg("game"), py::arg("objective") = "welfare", py::kw_only(), py::arg("coarse") = false,
      py::arg("tol") = kCorrelatedTolerance, correlated_doc);
  m.def(
      "correlated_equilibrium",
      [](const SymmetricGame& game, const std::string& objective, bool coarse, double tol) {
        const CorrelatedObjective goal = to_objective(objective);
        SolverScope release;
        return correlated_equilibrium(game, goal, coarse, tol);
      },
      py::arg("game"), py::arg("objective") = "welfare", py::kw_only(), py::arg("coarse") = false,
      py::arg("tol") = kCorrelatedTolerance, correlated_doc);
  m.def("max_incentive_gain", py::overload_cast<const NormalFormGame&>(&max_incentive_gain), py::arg("game"),
        R"doc(
The largest coefficient of the correlated-equilibrium incentive constraints,
in payoff units: the most any player gains by deviating from a
recommendation when the distribution is a point mass on one profile. Every
distribution over profiles is a correlated (and coarse correlated)
equilibrium iff it is 0 (MODEL.md section 3).

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
      [](const NormalFormGame& game, long long player, long long action, bool weak, double tol) {
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
      [](const SymmetricGame& game, long long action, bool weak, double tol) {
        const std::size_t a = to_nonnegative("mixed_dominance", "action", action);
        SolverScope release;
        return mixed_dominance(game, a, to_kind(weak), tol);
      },
      py::arg("game"), py::arg("action"), py::kw_only(), py::arg("weak") = false, py::arg("tol") = 0.0,
      "Mixed dominance of ``action`` in a symmetric game, against the others' count vectors.");
  m.def(
      "is_dominated",
      [](const NormalFormGame& game, long long player, long long action, bool mixed, bool weak, double tol) {
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
      [](const SymmetricGame& game, long long action, bool mixed, bool weak, double tol) {
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
  m.def(
      "security_strategies",
      [](const NormalFormGame& game, bool mixed) {
        std::vector<SecurityStrategy> result;
        {
          SolverScope release;
          result = security_strategies(game, mixed);
        }
        py::list out;
        for (const auto& security : result) out.append(to_python(security));
        return out;
      },
      py::arg("game"), py::kw_only(), py::arg("mixed") = true, R"doc(
Each player's security (maxmin) strategy and level: a list of
``(strategy, level)`` pairs. Mixed (default): the mixed strategy maximising
the worst expected payoff over the others' pure profiles, one linear program
per player; ``mixed=False``: the best pure action by its worst payoff.

Examples
--------
>>> import dilemma
>>> [abs(level) < 1e-12 for _, level in dilemma.security_strategies(dilemma.matching_pennies())]
[True, True]
)doc");
  m.def(
      "security_strategies",
      [](const SymmetricGame& game, bool mixed) {
        SecurityStrategy result;
        {
          SolverScope release;
          result = security_strategies(game, mixed);
        }
        return to_python(result);
      },
      py::arg("game"), py::kw_only(), py::arg("mixed") = true,
      "The ``(strategy, level)`` security pair of a symmetric game (the same for every player).");
}

}  // namespace dilemma::python

// Equilibrium solvers and dominance.
#include "bindings.hpp"
#include "dilemma/analysis/dominance.hpp"
#include "dilemma/solvers/pure_nash.hpp"

namespace dilemma::python {

namespace {

/// A binding of a finder of pure equilibria (profile indices), run without
/// the GIL, returning action tuples.
template <class Find>
auto pure_profiles(Find find) {
  return [find](const NormalFormGame& g, double tol) {
    std::vector<std::size_t> indices;
    {
      SolverScope release;
      indices = find(g, tol);
    }
    py::list result;
    for (std::size_t index : indices) result.append(to_python(g.profile_at(index)));
    return result;
  };
}

}  // namespace

void bind_solvers(py::module_& m) {
  m.def(
      "pure_nash",
      pure_profiles([](const NormalFormGame& g, double tol) { return pure_nash_indices(g, tol); }),
      py::arg("game"), py::kw_only(), py::arg("tol") = 0.0, R"doc(
All pure Nash equilibria, as a list of action-index tuples in C order (the
last player's action varies fastest).

A profile is an equilibrium when no player gains more than ``tol`` by a
unilateral deviation; ``tol=0`` compares exactly, so ties are equilibria.
Cost: one pass per player over its payoff tensor.
)doc");

  m.def(
      "pure_nash_brute",
      pure_profiles([](const NormalFormGame& g, double tol) { return pure_nash_brute(g, tol); }),
      py::arg("game"), py::kw_only(), py::arg("tol") = 0.0, R"doc(
The same list as :func:`pure_nash` by the textbook method (QuantEcon's name):
every profile, every player, every deviation. Kept as an independent
reference; :func:`pure_nash` is faster.

Examples
--------
>>> import dilemma
>>> dilemma.pure_nash_brute(dilemma.prisoners_dilemma())
[(1, 1)]
)doc");

  py::enum_<Dominance>(m, "Dominance")
      .value("strict", Dominance::strict)
      .value("weak", Dominance::weak);

  m.def(
      "dominates",
      [](const NormalFormGame& g, std::size_t player, std::size_t action, std::size_t other, bool weak,
         double tol) {
        return dominates(g, player, action, other, weak ? Dominance::weak : Dominance::strict, tol);
      },
      py::arg("game"), py::arg("player"), py::arg("action"), py::arg("other"), py::kw_only(),
      py::arg("weak") = false, py::arg("tol") = 0.0, R"doc(
True when pure ``action`` of ``player`` dominates ``other``: strictly (better
by more than ``tol`` against every opponents' profile) or, with ``weak=True``,
never worse by more than ``tol`` and better by more than ``tol`` somewhere.
)doc");
  m.def(
      "dominated_actions",
      [](const NormalFormGame& g, std::size_t player, bool weak, double tol) {
        return dominated_actions(g, player, weak ? Dominance::weak : Dominance::strict, tol);
      },
      py::arg("game"), py::arg("player"), py::kw_only(), py::arg("weak") = false, py::arg("tol") = 0.0,
      "Actions of ``player`` dominated by another pure action (strictly, or weakly with ``weak=True``).");

  py::class_<Elimination>(m, "Elimination", "Result of iterated_elimination.")
      .def_readonly("game", &Elimination::game, "The reduced game.")
      .def_readonly("original_actions", &Elimination::original_actions,
                    "Per player, the original index of each action kept.")
      .def_readonly("rounds", &Elimination::rounds, "Rounds that removed at least one action.")
      .def("__repr__", [](const Elimination& e) {
        return "<Elimination " + std::to_string(e.rounds) + " rounds, kept " +
               detail::format_tuple(e.game.nums_actions()) + " actions>";
      });
  def_pickle(m, "Elimination", &Elimination::game, &Elimination::original_actions, &Elimination::rounds);
  m.def("iterated_elimination", &iterated_elimination<double>, py::arg("game"), py::kw_only(),
        py::arg("tol") = 0.0, R"doc(
Iterated elimination of strictly dominated pure strategies. Returns an
``Elimination`` with the reduced ``game`` and ``original_actions``, the map
from the reduced game's actions back to the original indices.
)doc");
}

}  // namespace dilemma::python

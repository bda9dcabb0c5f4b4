// Equilibrium solvers and dominance.
#include "dilemma/analysis/dominance.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/solvers/symmetric_pure_nash.hpp"
#include "solver_binding.hpp"

namespace dilemma::python {

namespace {

constexpr const char* kPureNashDoc = R"doc(
All pure Nash equilibria. A dense game gives action-index tuples in C order
(the last player's action varies fastest); a symmetric game gives
``CountClass`` objects in lexicographic order of counts, scanned in layers
of count vectors (n = 10^5 players with ``visit`` or ``pure_nash_gen``,
nothing stored).

A profile is an equilibrium when no player gains more than ``tol`` times
the payoff range by a unilateral deviation; ``tol=0`` compares exactly, so
ties are equilibria. Cost: one pass per player over each payoff tensor (a
symmetric game: about s payoffs per count vector of the others).
``num_iter`` counts the profiles (count classes) checked.

Parameters
----------
game : NormalFormGame or SymmetricGame

Returns
-------
EquilibriumList
    Exhaustive: every pure equilibrium.

Examples
--------
>>> import dilemma
>>> found = dilemma.pure_nash(dilemma.prisoners_dilemma())
>>> found, found.num_iter
([(1, 1)], 4)
>>> [c.counts for c in dilemma.pure_nash(dilemma.confession_game(3, "leniency_for_naming"))]
[(0, 0, 3)]
)doc";

constexpr const char* kPureNashBruteDoc = R"doc(
The same list as :func:`pure_nash` by the textbook method (QuantEcon's name):
every profile, every player, every deviation. Kept as an independent
reference; :func:`pure_nash` is faster.

Parameters
----------
game : NormalFormGame

Returns
-------
EquilibriumList
    Exhaustive: every pure equilibrium, in the order of pure_nash.

Examples
--------
>>> import dilemma
>>> dilemma.pure_nash_brute(dilemma.prisoners_dilemma())
[(1, 1)]
)doc";

/// The compiled pure_nash / pure_nash_brute of a dense game: run without
/// the GIL, each profile handed to `visit` (if any) with the GIL held.
template <class Find>
auto dense_pure_nash(const char* name, bool streams, Find find) {
  return [name, streams, find](const NormalFormGame& game, const py::kwargs& kwargs) {
    const auto options = streams ? options_from_kwargs<PureNashOptions>(name, kwargs, {"visit"})
                                 : options_from_kwargs<PureNashOptions>(name, kwargs);
    const py::object visit = visit_from_kwargs(name, kwargs);
    Equilibria<PureProfile> found;
    {
      SolverScope release;
      found = find(game, options, python_visitor<PureProfile>(visit, [](const PureProfile& p) { return to_python(p); }));
    }
    py::list equilibria;
    for (const PureProfile& profile : found) equilibria.append(to_python(profile));
    return listed(equilibria, found.report, options);
  };
}

}  // namespace

void bind_solvers(py::module_& m) {
  m.def("_pure_nash",
        dense_pure_nash("pure_nash", true,
                        [](const NormalFormGame& g, const PureNashOptions& o, const Visitor<PureProfile>& v) {
                          return pure_nash(g, o, v);
                        }),
        py::arg("game"));
  m.def(
      "_pure_nash",
      [](const SymmetricGame& game, const py::kwargs& kwargs) {
        const auto options = options_from_kwargs<PureNashOptions>("pure_nash", kwargs, {"visit"});
        const py::object visit = visit_from_kwargs("pure_nash", kwargs);
        Equilibria<CountClass> found;
        {
          SolverScope release;
          found = pure_nash(game, options, python_visitor<CountClass>(visit, [](const CountClass& c) { return c; }));
        }
        return listed(py::cast(static_cast<const std::vector<CountClass>&>(found)), found.report, options);
      },
      py::arg("game"));
  register_solver<PureNashOptions>(m, "pure_nash", false, true, kPureNashDoc);
  m.def("_pure_nash_brute",
        dense_pure_nash("pure_nash_brute", false,
                        [](const NormalFormGame& g, const PureNashOptions& o, const Visitor<PureProfile>&) {
                          return pure_nash_brute(g, o);
                        }),
        py::arg("game"));
  register_solver<PureNashOptions>(m, "pure_nash_brute", false, false, kPureNashBruteDoc);

  py::enum_<Dominance>(m, "Dominance")
      .value("strict", Dominance::strict)
      .value("weak", Dominance::weak);

  m.def(
      "dominates",
      [](const NormalFormGame& g, const py::object& player, const py::object& action, const py::object& other,
         bool weak, double tol) {
        return dominates(g, to_nonnegative("dominates", "player", player), to_nonnegative("dominates", "action", action),
                         to_nonnegative("dominates", "other", other), weak ? Dominance::weak : Dominance::strict, tol);
      },
      py::arg("game"), py::arg("player"), py::arg("action"), py::arg("other"), py::kw_only(),
      py::arg("weak") = false, py::arg("tol") = 0.0, R"doc(
True when pure ``action`` of ``player`` dominates ``other``: strictly (better
by more than ``tol`` against every opponents' profile) or, with ``weak=True``,
never worse by more than ``tol`` and better by more than ``tol`` somewhere.
)doc");
  m.def(
      "dominated_actions",
      [](const NormalFormGame& g, const py::object& player, bool weak, double tol) {
        return dominated_actions(g, to_nonnegative("dominated_actions", "player", player), weak ? Dominance::weak : Dominance::strict, tol);
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

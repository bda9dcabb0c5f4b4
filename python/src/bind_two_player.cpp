// Two-player solvers: vertex and support enumeration, Nash components,
// Lemke-Howson, zero-sum games and security strategies.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "solver_binding.hpp"
#include "dilemma/analysis/mixed_dominance.hpp"
#include "dilemma/solvers/lemke_howson.hpp"
#include "dilemma/solvers/nash_components.hpp"
#include "dilemma/solvers/support_enumeration.hpp"
#include "dilemma/solvers/vertex_enumeration.hpp"
#include "dilemma/solvers/zero_sum.hpp"

namespace dilemma::python {

namespace {

py::object to_value(double value) { return py::float_(value); }
py::object to_value(const Rational& value) { return to_python(value); }

template <class Scalar>
py::tuple to_pair(const BasicMixedProfile<Scalar>& profile) {
  return py::make_tuple(to_array(profile[0]), to_array(profile[1]));
}

template <class Scalar>
py::list to_pairs(const std::vector<BasicMixedProfile<Scalar>>& profiles) {
  py::list result;
  for (const auto& profile : profiles) result.append(to_pair(profile));
  return result;
}

template <class Scalar>
py::list to_arrays(const std::vector<std::vector<Scalar>>& strategies) {
  py::list result;
  for (const auto& strategy : strategies) result.append(to_array(strategy));
  return result;
}

// Python-side results: plain attributes, so that exact and floating results
// share one class.
struct PyNashSubset {
  py::list row_strategies, column_strategies;
};
struct PyNashComponent {
  py::list row_strategies, column_strategies, equilibria, nash_subsets;
};
struct PyLemkeHowsonResult {
  py::object equilibrium;
  SolveReport report;
  py::dict params;
};
struct PyZeroSumSolution {
  py::object value, row_strategy, column_strategy;
  SolveReport report;
  py::dict params;
};
struct PySecurityStrategy {
  py::object strategy, level;
};

template <class Scalar>
py::object convert(const std::vector<BasicMixedProfile<Scalar>>& profiles) {
  return to_pairs(profiles);
}


template <class Scalar>
py::object convert(const std::vector<BasicNashComponent<Scalar>>& components) {
  py::list result;
  for (const auto& component : components) {
    PyNashComponent out{to_arrays(component.row_strategies), to_arrays(component.column_strategies),
                        to_pairs(component.equilibria), py::list()};
    for (const auto& subset : component.nash_subsets)
      out.nash_subsets.append(
          py::cast(PyNashSubset{to_arrays(subset.row_strategies), to_arrays(subset.column_strategies)}));
    result.append(py::cast(std::move(out)));
  }
  return result;
}

/// A one-equilibrium result with the options it ran with (see convert).
template <class Result, class Options>
struct WithOptions {
  Result result;
  Options options;
};
template <class Result, class Options>
WithOptions<Result, Options> with_options(Result result, const Options& options) {
  return {std::move(result), options};
}

template <class Scalar, class Options>
py::object convert(const WithOptions<BasicZeroSumSolution<Scalar>, Options>& found) {
  const auto& solution = found.result;
  return py::cast(PyZeroSumSolution{to_value(solution.value), to_array(solution.row_strategy),
                                    to_array(solution.column_strategy), solution.report,
                                    options_to_dict(found.options)});
}

template <class Scalar>
py::object convert(const BasicSecurityStrategy<Scalar>& security) {
  return py::cast(PySecurityStrategy{to_array(security.strategy), to_value(security.level)});
}

template <class Scalar>
py::object convert(const std::vector<BasicSecurityStrategy<Scalar>>& strategies) {
  py::list result;
  for (const auto& security : strategies) result.append(convert(security));
  return result;
}

template <class Scalar, class Options>
py::object convert(const WithOptions<BasicLemkeHowsonResult<Scalar>, Options>& found) {
  const auto& result = found.result;
  return py::cast(PyLemkeHowsonResult{result.report.converged ? py::object(to_pair(result.equilibrium)) : py::none(),
                                      result.report, options_to_dict(found.options)});
}

/// An enumeration's result with the options it ran with, converted once the
/// GIL is held again (see convert).
template <class Item, class Options>
struct Listed {
  Equilibria<Item> result;
  Options options;
};
template <class Item, class Options>
Listed<Item, Options> listed_in(Equilibria<Item> result, const Options& options) {
  return {std::move(result), options};
}
template <class Item, class Options>
py::object convert(const Listed<Item, Options>& found) {
  return listed(py::list(convert(found.result)), found.result.report, found.options);
}

/// Runs solve(Scalar()) without the GIL, Scalar double or Rational, and
/// converts its result with `convert`.
template <class Solve>
py::object solve_in(bool rational, Solve&& solve) {
  const auto run = [&](auto scalar) {
    std::optional<decltype(solve(scalar))> result;
    {
      SolverScope release;
      result.emplace(solve(scalar));
    }
    return convert(*result);
  };
  return rational ? run(Rational()) : run(0.0);
}




/// Defines the private `_<name>(game, **kwargs)` and registers `name`: the
/// options come from the keywords, `rational` selects the arithmetic, and
/// solve(scalar, game, options, visit) runs without the GIL (`visit` is the
/// Python callable or None, for methods that stream).
template <class Options, class Solve>
void def_two_player(py::module_& m, const char* name, bool streams, Solve solve, const char* doc) {
  m.def(
      ("_" + std::string(name)).c_str(),
      [name, streams, solve](const NormalFormGame& game, const py::kwargs& kwargs) {
        const Options options = streams ? options_from_kwargs<Options>(name, kwargs, {"rational", "visit"})
                                        : options_from_kwargs<Options>(name, kwargs, {"rational"});
        const py::object visit = visit_from_kwargs(name, kwargs);
        const bool rational = rational_from_kwargs(name, kwargs);
        py::object found = solve_in(rational, [&](auto scalar) { return solve(scalar, game, options, visit); });
        py::dict params = py::isinstance<py::tuple>(found) ? py::dict(found.cast<py::tuple>()[2]) : py::dict(found.attr("params"));
        params["rational"] = rational;  // the arithmetic is part of what the method ran with
        return found;
      },
      py::arg("game"));
  register_solver<Options>(m, name, true, streams, doc);
  m.attr("_solvers")[name]["game"] = "NormalFormGame\n    Two players.";
}

}  // namespace

void bind_two_player(py::module_& m) {
  py::class_<PyNashSubset>(m, "NashSubset", R"doc(
A maximal Nash subset: every pair of a mixture of ``row_strategies`` and a
mixture of ``column_strategies`` is an equilibrium, and no larger such
product set contains it.
)doc")
      .def_readonly("row_strategies", &PyNashSubset::row_strategies, "Extreme row strategies (1-D arrays).")
      .def_readonly("column_strategies", &PyNashSubset::column_strategies,
                    "Extreme column strategies (1-D arrays).")
      .def("__repr__", [](const PyNashSubset& s) {
        return "<NashSubset " + std::to_string(py::len(s.row_strategies)) + " x " +
               std::to_string(py::len(s.column_strategies)) + " extreme strategies>";
      });
  def_pickle(m, "NashSubset", &PyNashSubset::row_strategies, &PyNashSubset::column_strategies);
  py::class_<PyNashComponent> nash_component_class(m, "NashComponent", R"doc(
A connected component of the equilibrium set: the union of its maximal Nash
subsets. ``equilibria`` lists its extreme equilibria as (x, y) tuples.
)doc");
  def_fields(nash_component_class,
             field("row_strategies", &PyNashComponent::row_strategies),
             field("column_strategies", &PyNashComponent::column_strategies),
             field("equilibria", &PyNashComponent::equilibria),
             field("nash_subsets", &PyNashComponent::nash_subsets));
  nash_component_class.def_property_readonly("is_singleton", [](const PyNashComponent& c) { return py::len(c.equilibria) == 1; },
                             "True for an isolated equilibrium, False for a continuum.")
      .def("__repr__", [](const PyNashComponent& c) {
        return "<NashComponent " + std::to_string(py::len(c.equilibria)) + " extreme equilibria, " +
               std::to_string(py::len(c.nash_subsets)) + " Nash subsets>";
      });
  py::class_<PyLemkeHowsonResult> lemke_howson_result_class(m, "LemkeHowsonResult", R"doc(
What ``lemke_howson`` returns: ``equilibrium`` ((x, y), or None when the
path was cut at ``max_iter``), ``report`` (and its attributes) and ``params``.
)doc");
  def_fields(lemke_howson_result_class,
             field("equilibrium", &PyLemkeHowsonResult::equilibrium),
             field("report", &PyLemkeHowsonResult::report),
             field("params", &PyLemkeHowsonResult::params));
  def_report_properties(lemke_howson_result_class);
  lemke_howson_result_class.def("__repr__", [](const PyLemkeHowsonResult& r) {
        return std::string("<LemkeHowsonResult converged=") + (r.report.converged ? "True" : "False") +
               ", num_iter=" + std::to_string(r.report.num_iter) + ">";
      });
  py::class_<PyZeroSumSolution> zero_sum_class(m, "ZeroSumSolution",
                                                "Value and optimal strategies of a constant-sum game.");
  def_fields(zero_sum_class,
             field("value", &PyZeroSumSolution::value, "The row player's payoff at every equilibrium."),
             field("row_strategy", &PyZeroSumSolution::row_strategy),
             field("column_strategy", &PyZeroSumSolution::column_strategy),
             field("report", &PyZeroSumSolution::report),
             field("params", &PyZeroSumSolution::params));
  def_report_properties(zero_sum_class);
  zero_sum_class.def_property_readonly("profile",
                             [](const PyZeroSumSolution& s) { return py::make_tuple(s.row_strategy, s.column_strategy); },
                             "(row_strategy, column_strategy): an equilibrium.")
      .def("__repr__", [](const PyZeroSumSolution& s) {
        return "<ZeroSumSolution value=" + std::string(py::str(s.value)) + ">";
      });
  py::class_<PySecurityStrategy> security_strategy_class(m, "SecurityStrategy", "A mixed maxmin strategy and the payoff it guarantees.");
  def_fields(security_strategy_class,
             field("strategy", &PySecurityStrategy::strategy),
             field("level", &PySecurityStrategy::level));
  security_strategy_class.def("__repr__", [](const PySecurityStrategy& s) {
        return "<SecurityStrategy level=" + std::string(py::str(s.level)) + ">";
      });

  def_two_player<VertexEnumerationOptions>(
      m, "vertex_enumeration", true,
      [](auto scalar, const NormalFormGame& game, const auto& options, const py::object& visit) {
        using Scalar = decltype(scalar);
        return listed_in(
            vertex_enumeration<Scalar>(game, options, python_visitor<BasicMixedProfile<Scalar>>(visit, to_pair<Scalar>)),
            options);
      },
      R"doc(
All extreme Nash equilibria of a two-player game, as a list of (x, y) tuples
of 1-D arrays, sorted. Complete on degenerate games (each equilibrium once);
every equilibrium is a convex combination of extreme ones (see
``nash_components``). The set equals lrsnash's.

Method: a depth-first search over which strategies are unplayed or best
responses, pruned as soon as either player's best-response face is empty
(simplex pivots, Bland's rule). ``num_iter`` counts the search nodes.

Returns
-------
EquilibriumList
    Exhaustive: every extreme equilibrium, each once.

Examples
--------
>>> import dilemma
>>> found = dilemma.vertex_enumeration(dilemma.matching_pennies())
>>> [[p.tolist() for p in profile] for profile in found], found.exhaustive
([[[0.5, 0.5], [0.5, 0.5]]], True)
)doc");
  def_two_player<NashComponentsOptions>(
      m, "nash_components", false,
      [](auto scalar, const NormalFormGame& game, const auto& options, const py::object&) {
        return listed_in(nash_components<decltype(scalar)>(game, options), options);
      },
      R"doc(
The equilibrium set of a two-player game as a list of ``NashComponent``:
connected components, each the union of its maximal Nash subsets (products
of convex hulls of extreme strategies). A continuum of equilibria is one
component with ``is_singleton`` False. ``num_iter`` counts the extreme
equilibria found (the edges of the graph whose components these are).

Returns
-------
EquilibriumList
    Of NashComponent; exhaustive.

Examples
--------
>>> import dilemma
>>> purge = dilemma.NormalFormGame.from_arrays([[1, 1], [1, 1]], [[1, 1], [1, 1]])
>>> [component.is_singleton for component in dilemma.nash_components(purge)]
[False]
)doc");
  def_two_player<SupportEnumerationOptions>(
      m, "support_enumeration", true,
      [](auto scalar, const NormalFormGame& game, const auto& options, const py::object& visit) {
        using Scalar = decltype(scalar);
        return listed_in(support_enumeration<Scalar>(
                             game, options, python_visitor<BasicMixedProfile<Scalar>>(visit, to_pair<Scalar>)),
                         options);
      },
      R"doc(
The extreme equilibria of a two-player game by support enumeration, as a
list of (x, y) tuples, support pair by support pair (row supports by size).
On nondegenerate games: every equilibrium, as QuantEcon's function finds
them; with ties, supports of unequal size and continua are handled too, so
the set equals ``vertex_enumeration``'s. Exponential in the number of
strategies; prefer ``vertex_enumeration`` beyond about 10 x 10.
``num_iter`` counts the support pairs searched.

Returns
-------
EquilibriumList
    Exhaustive: every extreme equilibrium.

Examples
--------
>>> import dilemma
>>> found = dilemma.support_enumeration(dilemma.battle_of_the_sexes(), rational=True)
>>> sorted(tuple(map(str, x)) for x, y in found)
[('0', '1'), ('1', '0'), ('2/3', '1/3')]
)doc");
  def_two_player<LemkeHowsonOptions>(
      m, "lemke_howson", false,
      [](auto scalar, const NormalFormGame& game, const auto& options, const py::object&) {
        return with_options(lemke_howson<decltype(scalar)>(game, options), options);
      },
      R"doc(
One Nash equilibrium of a two-player game by the Lemke-Howson algorithm,
starting by dropping label ``init_pivot`` (0..m-1 the row player's
strategies, m..m+n-1 the column player's). The ratio test is
lexicographic, so degenerate games cannot make it cycle. ``num_iter``
counts the pivots; a path longer than ``max_iter`` ends with ``converged``
False and ``equilibrium`` None.

Returns
-------
LemkeHowsonResult
    ``equilibrium`` (x, y) or None, and the report.

Examples
--------
>>> import dilemma
>>> result = dilemma.lemke_howson(dilemma.matching_pennies())
>>> [x.tolist() for x in result.equilibrium], result.converged
([[0.5, 0.5], [0.5, 0.5]], True)
)doc");
  def_two_player<LemkeHowsonAllOptions>(
      m, "lemke_howson_all", false,
      [](auto scalar, const NormalFormGame& game, const auto& options, const py::object&) {
        return listed_in(lemke_howson_all<decltype(scalar)>(game, options), options);
      },
      R"doc(
Every equilibrium reachable by Lemke-Howson paths from the artificial
equilibrium and, recursively, from those found, over all labels (Gambit's
``lcp``). Not necessarily all equilibria (Shapley 1974), so never
``exhaustive``; use ``vertex_enumeration`` for all. ``num_iter`` counts the
pivots of all paths; a path longer than ``max_iter`` is abandoned and
``converged`` is False.

Returns
-------
EquilibriumList
    The equilibria reached, sorted; never exhaustive.

Examples
--------
>>> import dilemma
>>> found = dilemma.lemke_howson_all(dilemma.battle_of_the_sexes(), rational=True)
>>> len(found), found.exhaustive
(3, False)
)doc");
  def_two_player<ZeroSumOptions>(
      m, "solve_zero_sum", false,
      [](auto scalar, const NormalFormGame& game, const auto& options, const py::object&) {
        return with_options(solve_zero_sum<decltype(scalar)>(game, options), options);
      },
      R"doc(
Value and optimal strategies of a two-player constant-sum game (payoffs
adding up to the same number at every profile, within ``tol`` times the
payoff range), by linear programming. Raises ValueError for other games.
``num_iter`` counts the simplex pivots.

Returns
-------
ZeroSumSolution
    ``value``, ``row_strategy``, ``column_strategy``, ``profile`` and the report.

Examples
--------
>>> import dilemma
>>> solution = dilemma.solve_zero_sum(dilemma.matching_pennies(), rational=True)
>>> str(solution.value), solution.exhaustive
('0', False)
)doc");
  // Security strategies are not two-player only, but share this file's exact arithmetic.
  m.def(
      "security_strategies",
      [](const NormalFormGame& game, bool mixed, bool rational) {
        return solve_in(rational, [&](auto scalar) { return security_strategies<decltype(scalar)>(game, mixed); });
      },
      py::arg("game"), py::kw_only(), py::arg("mixed") = true, py::arg("rational") = false, R"doc(
Each player's security (maxmin) strategy and the payoff it guarantees
whatever the others do: a list of ``SecurityStrategy`` (``strategy``,
``level``), one per player. Mixed (default): the mixed strategy maximising
the worst expected payoff over the others' pure profiles, one linear program
per player (for two players, the zero-sum game of the player's own
payoffs); ``mixed=False``: the best pure action by its worst payoff
(``security_levels``). ``rational=True`` computes exactly (strategies and
levels as ``fractions.Fraction``). A symmetric game gives one
``SecurityStrategy``, the same for every player.

Examples
--------
>>> import dilemma
>>> [abs(s.level) < 1e-12 for s in dilemma.security_strategies(dilemma.matching_pennies())]
[True, True]
>>> [str(p) for p in dilemma.security_strategies(dilemma.battle_of_the_sexes(), rational=True)[1].strategy]
['2/3', '1/3']
)doc");
  m.def(
      "security_strategies",
      [](const SymmetricGame& game, bool mixed) {
        return convert(released([&] { return security_strategies(game, mixed); }));
      },
      py::arg("game"), py::kw_only(), py::arg("mixed") = true,
      "The ``SecurityStrategy`` of a symmetric game (the same for every player), mixed or pure.");
}

}  // namespace dilemma::python

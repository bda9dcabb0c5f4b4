// Two-player solvers: vertex and support enumeration, Nash components,
// Lemke-Howson, zero-sum games and security strategies.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "solver_binding.hpp"
#include "dilemma/solvers/lemke_howson.hpp"
#include "dilemma/solvers/nash_components.hpp"
#include "dilemma/solvers/support_enumeration.hpp"
#include "dilemma/solvers/vertex_enumeration.hpp"
#include "dilemma/solvers/zero_sum.hpp"

namespace dilemma::python {

namespace {

/// A fractions.Fraction with the exact value of a Rational.
py::object to_python(const Rational& value) {
  const py::object fraction = py::module_::import("fractions").attr("Fraction");
  // to_python_int takes magnitudes only (hexadecimal text).
  const py::object magnitude = to_python_int(abs(numerator(value)));
  return fraction(value < 0 ? magnitude.attr("__neg__")() : magnitude, to_python_int(denominator(value)));
}

/// A 1-D array: float64, or dtype object holding Fractions.
py::object to_array(const std::vector<double>& strategy) {
  return py::array_t<double>(static_cast<py::ssize_t>(strategy.size()), strategy.data());
}
py::object to_array(const std::vector<Rational>& strategy) {
  py::list values;
  for (const Rational& p : strategy) values.append(to_python(p));
  return py::module_::import("numpy").attr("array")(values, py::arg("dtype") = "object");
}

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
  py::object NE;
  bool converged;
  std::size_t num_iter, max_iter, init_pivot;
};
struct PyZeroSumSolution {
  py::object value, row_strategy, column_strategy;
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

template <class Scalar>
py::object convert(const BasicZeroSumSolution<Scalar>& solution) {
  return py::cast(PyZeroSumSolution{to_value(solution.value), to_array(solution.row_strategy),
                                    to_array(solution.column_strategy)});
}

template <class Scalar>
py::object convert(const BasicSecurityStrategy<Scalar>& security) {
  return py::cast(PySecurityStrategy{to_array(security.strategy), to_value(security.level)});
}

template <class Scalar>
py::object convert(const BasicLemkeHowsonResult<Scalar>& result) {
  return py::make_tuple(result.converged ? py::object(to_pair(result.profile)) : py::none(), result.converged,
                        result.num_iter, result.init_pivot);
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
  return listed(py::list(convert(found.result.equilibria)), found.result.report, found.options);
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



/// support_enumeration_gen: a Python iterator over a SupportEnumeration.
class SupportEnumerationIterator {
 public:
  SupportEnumerationIterator(const NormalFormGame& game, bool rational, double tol) {
    if (rational)
      exact_.emplace(game, tol);
    else
      floating_.emplace(game, tol);
  }
  py::object next() {
    const auto step = [](auto& search) {
      std::optional<std::decay_t<decltype(*search.next())>> profile;
      {
        SolverScope release;
        const detail::SolverName solver_name("support_enumeration_gen");
        profile = search.next();
      }
      if (!profile) throw py::stop_iteration();
      return py::object(to_pair(*profile));
    };
    return exact_ ? step(*exact_) : step(*floating_);
  }

 private:
  std::optional<SupportEnumeration<double>> floating_;
  std::optional<SupportEnumeration<Rational>> exact_;
};

constexpr const char* kArithmetic = R"doc(
With ``rational=True`` the computation is exact (Boost.Multiprecision
rationals; each payoff is read as the simplest fraction that rounds to it,
so 0.1 is 1/10) and probabilities are ``fractions.Fraction`` in arrays of
dtype object; ``tol`` is then ignored. Otherwise comparisons are made within
``tol``, relative to each player's payoff range.)doc";

std::string with_arithmetic_note(const char* text) { return std::string(text) + kArithmetic; }

/// Defines name(game, rational=False, *, tol) as solve(Scalar(), game, tol)
/// in the arithmetic `rational` selects.
template <class Solve>
void def_solver(py::module_& m, const char* name, Solve solve, const char* doc) {
  m.def(
      name,
      [solve](const NormalFormGame& game, bool rational, double tol) {
        return solve_in(rational, [&](auto scalar) { return solve(scalar, game, tol); });
      },
      py::arg("game"), py::arg("rational") = false, py::kw_only(), py::arg("tol") = kBimatrixTolerance,
      with_arithmetic_note(doc).c_str());
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
What ``lemke_howson(..., full_output=True)`` reports, as QuantEcon's
NashResult: ``NE`` (the equilibrium, or None if not converged),
``converged``, ``num_iter`` (pivots), ``max_iter`` and ``init_pivot``.
)doc");
  def_fields(lemke_howson_result_class,
             field("NE", &PyLemkeHowsonResult::NE),
             field("converged", &PyLemkeHowsonResult::converged),
             field("num_iter", &PyLemkeHowsonResult::num_iter),
             field("max_iter", &PyLemkeHowsonResult::max_iter),
             field("init_pivot", &PyLemkeHowsonResult::init_pivot));
  lemke_howson_result_class.def("__repr__", [](const PyLemkeHowsonResult& r) {
        return std::string("<LemkeHowsonResult converged=") + (r.converged ? "True" : "False") +
               ", num_iter=" + std::to_string(r.num_iter) + ">";
      });
  py::class_<PyZeroSumSolution>(m, "ZeroSumSolution", "Value and optimal strategies of a constant-sum game.")
      .def_readonly("value", &PyZeroSumSolution::value, "The row player's payoff at every equilibrium.")
      .def_readonly("row_strategy", &PyZeroSumSolution::row_strategy)
      .def_readonly("column_strategy", &PyZeroSumSolution::column_strategy)
      .def_property_readonly("profile",
                             [](const PyZeroSumSolution& s) { return py::make_tuple(s.row_strategy, s.column_strategy); },
                             "(row_strategy, column_strategy): an equilibrium.")
      .def("__repr__", [](const PyZeroSumSolution& s) {
        return "<ZeroSumSolution value=" + std::string(py::str(s.value)) + ">";
      });
  def_pickle(m, "ZeroSumSolution", &PyZeroSumSolution::value, &PyZeroSumSolution::row_strategy,
             &PyZeroSumSolution::column_strategy);
  py::class_<PySecurityStrategy> security_strategy_class(m, "SecurityStrategy", "A mixed maxmin strategy and the payoff it guarantees.");
  def_fields(security_strategy_class,
             field("strategy", &PySecurityStrategy::strategy),
             field("level", &PySecurityStrategy::level));
  security_strategy_class.def("__repr__", [](const PySecurityStrategy& s) {
        return "<SecurityStrategy level=" + std::string(py::str(s.level)) + ">";
      });
  py::class_<SupportEnumerationIterator>(m, "SupportEnumerationIterator",
                                         "The iterator of support_enumeration_gen.")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &SupportEnumerationIterator::next);

  m.def(
      "_vertex_enumeration",
      [](const NormalFormGame& game, const py::kwargs& kwargs) {
        const char* name = "vertex_enumeration";
        const auto options = options_from_kwargs<VertexEnumerationOptions>(name, kwargs, {"rational", "visit"});
        const py::object visit = visit_from_kwargs(name, kwargs);
        return solve_in(rational_from_kwargs(name, kwargs), [&](auto scalar) {
          using Scalar = decltype(scalar);
          return listed_in(vertex_enumeration<Scalar>(
                               game, options, python_visitor<BasicMixedProfile<Scalar>>(visit, to_pair<Scalar>)),
                           options);
        });
      },
      py::arg("game"));
  register_solver<VertexEnumerationOptions>(m, "vertex_enumeration", true, true, R"doc(
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
  def_solver(
      m, "nash_components",
      [](auto scalar, const NormalFormGame& game, double tol) { return nash_components<decltype(scalar)>(game, tol); },
      R"doc(
The equilibrium set of a two-player game as a list of ``NashComponent``:
connected components, each the union of its maximal Nash subsets (products
of convex hulls of extreme strategies). A continuum of equilibria is one
component with ``is_singleton`` False.
)doc");
  def_solver(
      m, "support_enumeration",
      [](auto scalar, const NormalFormGame& game, double tol) { return support_enumeration<decltype(scalar)>(game, tol); },
      R"doc(
The extreme equilibria of a two-player game by support enumeration, as a
list of (x, y) tuples, support pair by support pair (row supports by size).
On nondegenerate games: every equilibrium, as QuantEcon's function finds
them; with ties, supports of unequal size and continua are handled too, so
the set equals ``vertex_enumeration``'s. Exponential in the number of
strategies; prefer ``vertex_enumeration`` beyond about 10 x 10.
)doc");
  m.def(
      "support_enumeration_gen",
      [](const NormalFormGame& game, bool rational, double tol) {
        return SupportEnumerationIterator(game, rational, tol);
      },
      py::arg("game"), py::arg("rational") = false, py::kw_only(), py::arg("tol") = kBimatrixTolerance,
      "The generator form of ``support_enumeration``: yields (x, y) tuples one by one.");
  m.def(
      "lemke_howson",
      [](const NormalFormGame& game, long long init_pivot_arg, long long max_iter_arg, bool full_output,
         bool rational, double tol) -> py::object {
        const std::size_t init_pivot = to_nonnegative("lemke_howson", "init_pivot", init_pivot_arg);
        const std::size_t max_iter = to_nonnegative("lemke_howson", "max_iter", max_iter_arg);
        const py::tuple found = solve_in(rational, [&](auto scalar) {
          auto result = lemke_howson_full<decltype(scalar)>(game, init_pivot, max_iter, tol);
          if (!full_output) detail::require_converged(result, max_iter);
          return result;
        });
        if (!full_output) return found[0];
        return py::make_tuple(found[0], PyLemkeHowsonResult{found[0], found[1].cast<bool>(),
                                                            found[2].cast<std::size_t>(), max_iter, init_pivot});
      },
      py::arg("game"), py::arg("init_pivot") = 0, py::kw_only(), py::arg("max_iter") = kLemkeHowsonMaxIter,
      py::arg("full_output") = false, py::arg("rational") = false, py::arg("tol") = kBimatrixTolerance,
      with_arithmetic_note(R"doc(
One Nash equilibrium of a two-player game by the Lemke-Howson algorithm,
starting by dropping label ``init_pivot`` (0..m-1 the row player's
strategies, m..m+n-1 the column player's). Returns (x, y); with
``full_output=True``, ((x, y), LemkeHowsonResult) and no exception when the
iteration cap is reached (then ``NE`` is None).

The ratio test is lexicographic, so degenerate games cannot make it cycle.
Raises RuntimeError after ``max_iter`` pivots (unless ``full_output``).
)doc")
          .c_str());
  m.def(
      "lemke_howson_all",
      [](const NormalFormGame& game, long long max_iter_arg, bool rational, double tol) {
        const std::size_t max_iter = to_nonnegative("lemke_howson_all", "max_iter", max_iter_arg);
        return solve_in(rational, [&](auto scalar) { return lemke_howson_all<decltype(scalar)>(game, max_iter, tol); });
      },
      py::arg("game"), py::kw_only(), py::arg("max_iter") = kLemkeHowsonMaxIter, py::arg("rational") = false,
      py::arg("tol") = kBimatrixTolerance,
      with_arithmetic_note(R"doc(
Every equilibrium reachable by Lemke-Howson paths from the artificial
equilibrium and, recursively, from those found, over all labels (Gambit's
``lcp``). Not necessarily all equilibria (Shapley 1974); use
``vertex_enumeration`` for all. Raises RuntimeError if a path exceeds
``max_iter`` pivots.
)doc")
          .c_str());
  def_solver(
      m, "solve_zero_sum",
      [](auto scalar, const NormalFormGame& game, double tol) { return solve_zero_sum<decltype(scalar)>(game, tol); },
      R"doc(
Value and optimal strategies of a two-player constant-sum game (payoffs
adding up to the same number at every profile, within ``tol`` times the
payoff range), by linear programming: a ``ZeroSumSolution``. Raises
ValueError for other games.
)doc");
  m.def(
      "security_strategy",
      [](const NormalFormGame& game, long long player_arg, bool rational, double tol) {
        const std::size_t player = to_nonnegative("security_strategy", "player", player_arg);
        return solve_in(rational,
                        [&](auto scalar) { return security_strategy<decltype(scalar)>(game, player, tol); });
      },
      py::arg("game"), py::arg("player"), py::arg("rational") = false, py::kw_only(),
      py::arg("tol") = kBimatrixTolerance,
      with_arithmetic_note(R"doc(
A mixed security (maxmin) strategy of ``player`` in a two-player game and
the payoff it guarantees whatever the opponent does: a ``SecurityStrategy``
(``strategy``, ``level``), by linear programming.
)doc")
          .c_str());
}

}  // namespace dilemma::python

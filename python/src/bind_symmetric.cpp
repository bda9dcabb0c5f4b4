// SymmetricGame, count classes and the symmetric solvers.
#include <sstream>

#include <pybind11/operators.h>

#include "bindings.hpp"
#include "dilemma/analysis/dominance.hpp"
#include "dilemma/profiles/heterogeneous_payoffs.hpp"
#include "dilemma/profiles/symmetric_payoffs.hpp"
#include "dilemma/models/confession.hpp"
#include "dilemma/solvers/symmetric_pure_nash.hpp"

namespace dilemma::python {

namespace {

/// Every count vector of `total` players over s actions, rows in rank order.
py::array_t<std::int64_t> count_vector_array(const char* function, const CountVectors& vectors) {
  detail::check_fits_in_memory(function, vectors.size(), vectors.num_actions() * sizeof(std::int64_t),
                               "the array of count vectors");
  py::array_t<std::int64_t> result({static_cast<py::ssize_t>(vectors.size()), static_cast<py::ssize_t>(vectors.num_actions())});
  auto out = result.mutable_unchecked<2>();
  Counts m = vectors.first();
  py::ssize_t r = 0;
  do {
    for (std::size_t a = 0; a < m.size(); ++a) out(r, static_cast<py::ssize_t>(a)) = static_cast<std::int64_t>(m[a]);
    ++r;
  } while (vectors.next(m));
  return result;
}


/// One payoff returned by a per-count-vector Python payoff function.
double to_payoff(const py::object& value, std::size_t action, const Counts& counts) {
  const auto array = to_real_array("SymmetricGame.from_function", "the payoff function's value", value);
  if (array.size() != 1)
    detail::fail("SymmetricGame.from_function", "the payoff function must return one number, got ",
                 std::string(py::repr(value)), " for action ", action, " and counts ", detail::format_tuple(counts));
  return *array.data();
}

SymmetricGame from_python_function(const py::object& n, const py::object& s, const py::function& f, bool vectorized, bool tabulate) {
  const char* name = "SymmetricGame.from_function";
  const std::size_t players = to_nonnegative(name, "num_players", n), actions = to_nonnegative(name, "num_actions", s);
  if (!tabulate) {
    // Called on demand, holding the GIL: slow, but no table is ever built.
    // A vectorized function gets a one-row array of counts.
    return SymmetricGame(players, actions, [f, vectorized](std::size_t a, const Counts& m) {
      py::gil_scoped_acquire gil;
      if (!vectorized) return to_payoff(f(a, py::tuple(py::cast(m))), a, m);
      py::array_t<std::int64_t> row({py::ssize_t{1}, static_cast<py::ssize_t>(m.size())});
      std::copy(m.begin(), m.end(), row.mutable_data());
      const auto values = to_real_array("SymmetricGame.from_function", "the payoff function's values", f(a, row));
      if (values.size() != 1)
        detail::fail("SymmetricGame.from_function", "a vectorized payoff function must return one payoff per row");
      return *values.data();
    });
  }
  if (!vectorized)
    return SymmetricGame::tabulate(players, actions, [&](std::size_t a, const Counts& m) {
      return to_payoff(f(a, py::tuple(py::cast(m))), a, m);
    });
  const SymmetricGame shape(players, actions, [](std::size_t, const Counts&) { return 0.0; });
  detail::check_fits_in_memory(name, shape.num_count_vectors(), (actions + 1) * sizeof(double),
                               "the count vectors and payoff table of " + std::to_string(players) + " players and " +
                                   std::to_string(actions) + " actions");
  const py::array_t<std::int64_t> counts = count_vector_array(name, shape.others());
  std::vector<double> table;
  table.reserve(actions * shape.num_count_vectors());
  for (std::size_t a = 0; a < actions; ++a) {
    const py::object result = f(a, counts);
    const auto values = to_real_array(name, "the payoff function's values", result);
    if (values.ndim() != 1 || static_cast<std::size_t>(values.size()) != shape.num_count_vectors())
      detail::fail(name, "a vectorized payoff function must return one payoff per count vector (",
                   shape.num_count_vectors(), ") for action ", a);
    table.insert(table.end(), values.data(), values.data() + values.size());
  }
  return SymmetricGame(players, actions, std::move(table));
}

/// A 2-D array: one strategy per player (heterogeneous mixing).
bool is_per_player(py::handle x) {
  const py::array array = py::array::ensure(x);
  return array && array.ndim() == 2;
}

py::array_t<double> to_matrix(const std::vector<std::vector<double>>& rows, std::size_t columns) {
  py::array_t<double> result({static_cast<py::ssize_t>(rows.size()), static_cast<py::ssize_t>(columns)});
  for (std::size_t i = 0; i < rows.size(); ++i) std::copy(rows[i].begin(), rows[i].end(), result.mutable_data() + i * columns);
  return result;
}

/// The common mixed strategy of a symmetric profile, checked in the name of `function`.
std::vector<double> to_strategy(const char* function, const SymmetricGame& game, py::handle x) {
  const auto array = to_real_array(function, "the strategy", x);
  if (array.ndim() != 1) detail::fail(function, "the strategy must be a 1-D probability vector, got ", array.ndim(), " dimensions");
  std::vector<double> strategy(array.data(), array.data() + array.size());
  return normalized_strategy(function, game, std::move(strategy));
}

}  // namespace

py::object to_python_int(const boost::multiprecision::cpp_int& value) {
  // Hexadecimal: Python limits the length of decimal strings it converts.
  return py::module_::import("builtins").attr("int")(value.str(0, std::ios_base::hex), 16);
}

void bind_symmetric(py::module_& m) {
  py::class_<CountClass>(m, "CountClass", R"doc(
The pure profiles in which ``counts[a]`` players take action ``a``: every
permutation of one profile. ``multiplicity`` is their number, a Python int.
)doc")
      .def(py::init([](const py::object& counts) { return CountClass{to_counts("CountClass", counts)}; }),
           py::arg("counts"))
      .def_property_readonly("counts", [](const CountClass& c) { return py::tuple(py::cast(c.counts)); })
      .def_property_readonly("multiplicity", [](const CountClass& c) { return to_python_int(c.multiplicity()); })
      .def_property_readonly("log_multiplicity", &CountClass::log_multiplicity)
      .def(py::self == py::self)
      .def("__hash__", [](const CountClass& c) { return py::hash(py::tuple(py::cast(c.counts))); })
      .def(py::pickle([](const CountClass& c) { return py::cast(c.counts); },
                      [](const py::object& counts) { return CountClass{counts.cast<Counts>()}; }))
      .def("__repr__", [](const CountClass& c) { return "CountClass(counts=" + detail::format_tuple(c.counts) + ")"; });

  py::class_<SymmetricGame>(m, "SymmetricGame", R"doc(
A symmetric (anonymous) game: ``num_players`` players share ``num_actions``
actions and a player's payoff ``u(a, m)`` depends on its own action ``a``
and the counts ``m`` of the other players' actions (``sum(m) = n - 1``).

Parameters
----------
num_players, num_actions : int
table : array_like, shape (num_actions, num_count_vectors)
    ``table[a, r]`` is ``u(a, m)`` for the count vector ``m`` of rank ``r``;
    ``count_vectors(num_actions, num_players - 1)`` lists them in rank order.
)doc")
      .def(py::init([](const py::object& n, const py::object& s, const py::object& table) {
             const std::size_t players = to_nonnegative("SymmetricGame", "num_players", n);
             const std::size_t actions = to_nonnegative("SymmetricGame", "num_actions", s);
             if (players == 0 || actions == 0)
               detail::fail("SymmetricGame", "a game needs at least one player and one action, got num_players = ", players,
                            " and num_actions = ", actions);
             const auto values = to_real_array("SymmetricGame", "table", table);
             const CountVectors others(actions, players == 0 ? 0 : players - 1);
             if (values.ndim() != 2 || static_cast<std::size_t>(values.shape(0)) != actions ||
                 static_cast<std::size_t>(values.shape(1)) != others.size())
               detail::fail("SymmetricGame", "table must have shape (", actions, ", ", others.size(),
                            ") = (num_actions, number of the others' count vectors), got ",
                            detail::format_tuple(std::vector<py::ssize_t>(values.shape(), values.shape() + values.ndim())));
             return SymmetricGame(players, actions, std::vector<double>(values.data(), values.data() + values.size()));
           }),
           py::arg("num_players"), py::arg("num_actions"), py::arg("table"))
      .def_static("from_function", &from_python_function, py::arg("num_players"), py::arg("num_actions"),
                  py::arg("payoff_function"), py::kw_only(), py::arg("vectorized") = true,
                  py::arg("tabulate") = true, R"doc(
A game from a payoff function. With ``vectorized=True`` (default) it is
called once per action as ``f(a, counts)`` with ``counts`` the
``(num_count_vectors, num_actions)`` array of count vectors and must return
one payoff per row; otherwise ``f(a, m)`` is called per count vector tuple.
With ``tabulate=False`` (implies per-call evaluation) no table is built and
``f`` is called whenever a payoff is needed (slow from Python, but any n).
)doc")
      .def_property_readonly("num_players", &SymmetricGame::num_players)
      .def_property_readonly("num_actions", &SymmetricGame::num_actions)
      .def_property_readonly("num_count_vectors", &SymmetricGame::num_count_vectors,
                             "Number of count vectors of the others, C(n + s - 2, s - 1).")
      .def_property_readonly("has_table", &SymmetricGame::has_table)
      .def_property_readonly(
          "table",
          [](const py::object& self) -> py::object {
            const auto& game = self.cast<const SymmetricGame&>();
            if (!game.has_table()) return py::none();
            py::array view(py::dtype::of<double>(),
                           {static_cast<py::ssize_t>(game.num_actions()), static_cast<py::ssize_t>(game.num_count_vectors())},
                           {static_cast<py::ssize_t>(game.num_count_vectors() * sizeof(double)), static_cast<py::ssize_t>(sizeof(double))},
                           game.table().data(), self);
            py::detail::array_proxy(view.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
            return std::move(view);
          },
          "Read-only view of the payoff table, shape (num_actions, num_count_vectors); None without a table.")
      .def_property("title", &SymmetricGame::title, &SymmetricGame::set_title)
      .def_property("action_labels", &SymmetricGame::action_labels, &SymmetricGame::set_action_labels)
      .def(
          "payoff",
          [](const SymmetricGame& g, const py::object& action, const py::object& others) {
            return g.payoff(to_nonnegative("payoff", "action", action), to_counts("payoff", others));
          },
          py::arg("action"), py::arg("others"), "u(action, m) for the others' counts m (sum n - 1).")
      .def("count_vectors", [](const SymmetricGame& g) { return count_vector_array("SymmetricGame.count_vectors", g.others()); },
           "The others' count vectors in rank order, shape (num_count_vectors, num_actions).")
      .def("to_normal_form", &to_normal_form, "The dense normal form (s^n profiles; checked against memory).")
      .def("tabulate",
           [](const SymmetricGame& g) {
             SymmetricGame table = SymmetricGame::tabulate(
                 g.num_players(), g.num_actions(), [&](std::size_t a, const Counts& m) { return g.payoff_at(a, m); });
             table.set_title(g.title());
             table.set_action_labels(g.action_labels());
             return table;
           },
           "A table-backed copy (evaluates every payoff once).")
      .def("__repr__", [](const SymmetricGame& g) {
        std::ostringstream out;
        out << "<SymmetricGame " << (g.title().empty() ? "" : "'" + g.title() + "' ") << g.num_players()
            << " players, actions " << detail::format_tuple(g.action_labels()) << (g.has_table() ? ", table" : ", on demand")
            << '>';
        return out.str();
      })
      // A table-backed game pickles its table, the confession game its
      // parameters; a game on a Python function cannot (its function is not
      // reachable from the C++ game), so the error says how to get a table.
      .def(py::pickle(
          [](const SymmetricGame& g) {
            py::object payoff;
            if (g.has_table()) {
              payoff = py::cast(std::vector<double>(g.table().begin(), g.table().end()));
            } else if (const auto* confession = g.function_target<ConfessionPayoff>()) {
              payoff = py::cast(confession->parameters);
            } else {
              detail::fail("SymmetricGame.__getstate__", "a game defined by a payoff function cannot be pickled (",
                           g.num_players(), " players, ", g.num_count_vectors(),
                           " count classes of the others); pickle game.tabulate() instead");
            }
            return py::make_tuple(g.num_players(), g.num_actions(), payoff, g.title(), g.action_labels());
          },
          [](const py::tuple& state) {
            if (state.size() != 5) throw py::value_error("unpickling SymmetricGame: expected 5 fields");
            const auto n = state[0].cast<std::size_t>(), s = state[1].cast<std::size_t>();
            SymmetricGame game = py::isinstance<ConfessionParameters>(state[2])
                                     ? confession_game(n, state[2].cast<ConfessionParameters>())
                                     : SymmetricGame(n, s, state[2].cast<std::vector<double>>());
            game.set_title(state[3].cast<std::string>());
            game.set_action_labels(state[4].cast<std::vector<std::string>>());
            return game;
          }));

  m.def(
      "count_vectors",
      [](const py::object& num_actions, const py::object& total) {
        return count_vector_array("count_vectors", CountVectors(to_nonnegative("count_vectors", "num_actions", num_actions),
                                               to_nonnegative("count_vectors", "total", total)));
      },
      py::arg("num_actions"), py::arg("total"),
      "All count vectors of ``total`` players over ``num_actions`` actions, in the library's rank order.");

  m.def(
      "pure_nash_counts",
      [](const SymmetricGame& g, double tol) {
        std::vector<std::int64_t> flat;
        {
          SolverScope release;
          pure_nash(g, {tol}, [&](const CountClass& c) {
            // and as much again for the array returned
            detail::check_growth("pure_nash_counts", flat, c.counts.size(), "the equilibrium count classes",
                                 2 * sizeof(std::int64_t));
            flat.insert(flat.end(), c.counts.begin(), c.counts.end());
          });
        }
        const auto s = static_cast<py::ssize_t>(g.num_actions());
        py::array_t<std::int64_t> result({static_cast<py::ssize_t>(flat.size()) / s, s});
        std::copy(flat.begin(), flat.end(), result.mutable_data());
        return result;
      },
      py::arg("game"), py::kw_only(), py::arg("tol") = 0.0, R"doc(
The equilibrium count classes of ``pure_nash(game, tol=tol)`` as one integer
array of shape (number of classes, num_actions): fast when there are millions.
)doc");
  m.def(
      "action_payoffs", [](const SymmetricGame& g, const py::object& x) -> py::array_t<double> {
        if (is_per_player(x)) return to_matrix(action_payoffs(g, to_heterogeneous("action_payoffs", x)), g.num_actions());
        const auto values = action_payoffs(g, to_strategy("action_payoffs", g, x));
        return py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data());
      },
      py::arg("game"), py::arg("profile"), R"doc(
With a 1-D ``x``: U(a; x), the expected payoff of each action when the n - 1
others all mix with ``x`` (only count vectors of non-negligible probability are
visited). With a 2-D array (players, actions), one strategy per player: the
(players, actions) array of each player's action payoffs against the others'
own strategies (Poisson-multinomial convolution).
)doc");
  m.def(
      "regrets",
      [](const SymmetricGame& g, const py::object& x) {
        const auto values = regrets(g, to_heterogeneous("regrets", x));
        return py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data());
      },
      py::arg("game"), py::arg("profile"), "Each player's regret when player i mixes with profile[i] (2-D array).");
  m.def(
      "best_responses",
      [](const SymmetricGame& g, const py::object& x, const py::object& player, double tol) {
        return best_responses(g, to_heterogeneous("best_responses", x), to_nonnegative("best_responses", "player", player),
                              tol);
      },
      py::arg("game"), py::arg("profile"), py::arg("player"), py::kw_only(), py::arg("tol") = 0.0,
      "Best replies of ``player`` to the others' strategies in a 2-D profile (players, actions).");
  m.def("expected_payoff", [](const SymmetricGame& g, const py::object& x) { return expected_payoff(g, to_strategy("expected_payoff", g, x)); },
        py::arg("game"), py::arg("profile"), "Expected payoff of a player when everybody mixes with ``x``.");
  m.def(
      "regret",
      [](const SymmetricGame& g, const py::object& x) {
        if (is_per_player(x)) {
          const std::vector<double> each = regrets(g, to_heterogeneous("regret", x));
          return *std::max_element(each.begin(), each.end());
        }
        return regret(g, to_strategy("regret", g, x));
      },
      py::arg("game"), py::arg("profile"),
      "Gain from the best deviation when everybody mixes with ``x`` (or, 2-D, the largest player's regret).");
  m.def(
      "is_nash",
      [](const SymmetricGame& g, const py::object& x, double tol) {
        if (is_per_player(x)) return is_nash(g, to_heterogeneous("is_nash", x), tol);
        return is_nash(g, to_strategy("is_nash", g, x), tol);
      },
      py::arg("game"), py::arg("profile"), py::kw_only(), py::arg("tol") = kNashTolerance,
      "True when everybody mixing with ``x`` is a Nash equilibrium within ``tol * payoff_range(game)``.");
  m.def("payoff_range", [](const SymmetricGame& g) { return released([&] { return payoff_range(g); }); },
        py::arg("game"),
        "The range of the payoff u(a, m) over actions and others' counts (every player's), 1 if constant; "
        "s * C payoff evaluations.");
  m.def(
      "dominates",
      [](const SymmetricGame& g, const py::object& action, const py::object& other, bool weak, double tol) {
        return dominates(g, to_nonnegative("dominates", "action", action), to_nonnegative("dominates", "other", other), weak ? Dominance::weak : Dominance::strict, tol);
      },
      py::arg("game"), py::arg("action"), py::arg("other"), py::kw_only(), py::arg("weak") = false,
      py::arg("tol") = 0.0, "Dominance between two actions of a symmetric game (over all others' counts).");
  m.def(
      "dominated_actions",
      [](const SymmetricGame& g, bool weak, double tol) {
        return dominated_actions(g, weak ? Dominance::weak : Dominance::strict, tol);
      },
      py::arg("game"), py::kw_only(), py::arg("weak") = false, py::arg("tol") = 0.0,
      "Actions of a symmetric game dominated by another pure action.");
  m.def("to_symmetric", &to_symmetric, py::arg("game"), R"doc(
The symmetric game of a dense game whose players are interchangeable: the
inverse of ``SymmetricGame.to_normal_form``.

Parameters
----------
game : NormalFormGame
    A game in which every player has the same actions and each player's
    payoff depends only on its own action and on how many of the others
    play each action.

Returns
-------
SymmetricGame
    A table-backed symmetric game, ``u(a, m)`` read off the profiles, with
    the game's title and player 1's action labels.

Raises
------
ValueError
    If the players' numbers of actions differ, or if the game is not
    symmetric: the message names a player and a profile where that player's
    payoff differs from another player's for the same action against the
    same counts of the others' actions.

Examples
--------
>>> import dilemma
>>> game = dilemma.to_symmetric(dilemma.prisoners_dilemma())
>>> game.num_players, game.num_actions
(2, 2)
>>> game.payoff(1, (1, 0))  # defect while the other cooperates
5.0
>>> game.table.tolist()  # rows: cooperate, defect; columns: the other's counts (0, 1), (1, 0)
[[0.0, 3.0], [1.0, 5.0]]
>>> dilemma.to_symmetric(dilemma.battle_of_the_sexes())
Traceback (most recent call last):
    ...
ValueError: to_symmetric: the game is not symmetric: player 2's payoff at profile (1, 1) (strategies numbered from 1) is 1, another player's for the same strategy against the same counts of the others' strategies is 2
)doc");
}

}  // namespace dilemma::python

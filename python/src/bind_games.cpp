// NormalFormGame and the game generators.
#include <random>
#include <sstream>
#include <string>

#include <pybind11/operators.h>

#include <optional>

#include "bindings.hpp"
#include "dilemma/core/errors.hpp"
#include "dilemma/games/generators.hpp"

namespace dilemma::python {

namespace {

std::string shape_text(const py::array& array) {
  std::vector<py::ssize_t> shape(array.shape(), array.shape() + array.ndim());
  return detail::format_tuple(shape);
}

/// From QuantEcon's payoff profile array: shape (m_0, ..., m_{n-1}, n); or
/// a square matrix (m, m) read as a symmetric two-player game.
/// The shape of nested lists and tuples (or an ndarray), or nothing when
/// ragged or not an array of numbers.
std::optional<std::vector<std::size_t>> nested_shape(py::handle value) {
  if (py::isinstance<py::array>(value)) {
    const auto array = py::reinterpret_borrow<py::array>(value);
    return std::vector<std::size_t>(array.shape(), array.shape() + array.ndim());
  }
  if (!(py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value))) return std::vector<std::size_t>{};
  std::optional<std::vector<std::size_t>> inner;
  for (py::handle element : value) {
    auto shape = nested_shape(element);
    if (!shape || (inner && *inner != *shape)) return std::nullopt;
    inner = std::move(shape);
  }
  std::vector<std::size_t> shape{py::len(value)};
  if (inner) shape.insert(shape.end(), inner->begin(), inner->end());
  return shape;
}

/// Refuses a list or tuple of n arrays of one shape with n dimensions: one
/// payoff array per player (from_arrays' form) or, read as nested lists, a
/// payoff profile array; the two give different games, so the caller says
/// which. An ndarray is always a payoff profile array.
void refuse_per_player_list(py::handle data) {
  if (!(py::isinstance<py::list>(data) || py::isinstance<py::tuple>(data)) || py::len(data) == 0) return;
  const auto shape = nested_shape(data);
  const std::size_t n = py::len(data);
  if (!shape || shape->size() != n + 1) return;  // ragged, or not n arrays of n dimensions
  const std::vector<std::size_t> each(shape->begin() + 1, shape->end());
  detail::fail("NormalFormGame", "a list of ", n, " arrays of shape ", detail::format_tuple(each),
               " could be one payoff array per player or a payoff profile array; write "
               "NormalFormGame.from_arrays(",
               n == 2 ? "A, B" : "*arrays", ") for one array per player, or NormalFormGame(numpy.asarray(...)) "
               "for a payoff profile array of shape (m_0, ..., m_{n-1}, n)");
}

NormalFormGame from_profile_array(py::handle data) {
  const auto array = to_real_array("NormalFormGame", "payoffs", data);
  const auto ndim = static_cast<std::size_t>(array.ndim());
  if (ndim == 2 && array.shape(0) == array.shape(1) && array.shape(0) > 1) {
    const std::size_t m = array.shape(0);
    std::vector<double> payoffs(2 * m * m);
    const double* a = array.data();
    for (std::size_t r = 0; r < m; ++r)
      for (std::size_t c = 0; c < m; ++c) {
        payoffs[r * m + c] = a[r * m + c];
        payoffs[m * m + r * m + c] = a[c * m + r];
      }
    return NormalFormGame({m, m}, std::move(payoffs));
  }
  if (ndim < 2 || static_cast<std::size_t>(array.shape(ndim - 1)) != ndim - 1)
    detail::fail("NormalFormGame", "a payoff array must have shape (m_0, ..., m_{n-1}, n), got ",
                 shape_text(array));
  const std::size_t n = ndim - 1;
  std::vector<std::size_t> nums(array.shape(), array.shape() + n);
  const std::size_t num_profiles = detail::checked_num_profiles("NormalFormGame", nums);
  std::vector<double> payoffs(num_profiles * n);
  const double* source = array.data();
  for (std::size_t k = 0; k < num_profiles; ++k)
    for (std::size_t i = 0; i < n; ++i) payoffs[i * num_profiles + k] = source[k * n + i];
  return NormalFormGame(std::move(nums), std::move(payoffs));
}

NormalFormGame from_arrays(const py::args& arrays) {
  if (arrays.size() == 0) detail::fail("NormalFormGame.from_arrays", "needs one array per player, got none");
  std::vector<RealArray> tensors;
  for (py::handle item : arrays) {
    auto tensor = to_real_array("NormalFormGame.from_arrays", "payoffs", item);
    tensors.push_back(tensor);
  }
  const std::size_t n = tensors.size();
  for (std::size_t i = 0; i < n; ++i)
    if (static_cast<std::size_t>(tensors[i].ndim()) != n ||
        shape_text(tensors[i]) != shape_text(tensors[0]))
      detail::fail("NormalFormGame.from_arrays", "player ", i, "'s array has shape ",
                   shape_text(tensors[i]), "; each of the ", n,
                   " arrays must have one axis per player and the same shape as player 0's ",
                   shape_text(tensors[0]));
  std::vector<std::size_t> nums(tensors[0].shape(), tensors[0].shape() + n);
  const std::size_t num_profiles = detail::checked_num_profiles("NormalFormGame.from_arrays", nums);
  std::vector<double> payoffs;
  payoffs.reserve(num_profiles * n);
  for (const auto& tensor : tensors) payoffs.insert(payoffs.end(), tensor.data(), tensor.data() + num_profiles);
  return NormalFormGame(std::move(nums), std::move(payoffs));
}

NormalFormGame from_callable(py::handle nums_actions, const py::function& payoff_function) {
  const char* name = "NormalFormGame.from_function";
  return NormalFormGame::from_function(to_nums_actions(name, nums_actions), [&](const PureProfile& profile) {
    const py::object result = payoff_function(to_python(profile));
    const auto values = to_real_array(name, "the function's payoffs", result);
    if (values.ndim() != 1)
      detail::fail(name, "the function must return one payoff per player, got ",
                   std::string(py::repr(result)), " at profile ", detail::format_tuple(profile));
    return std::vector<double>(values.data(), values.data() + values.size());
  });
}

void apply_labels(NormalFormGame& game, const py::object& title, const py::object& player_labels,
                  const py::object& action_labels) {
  if (!title.is_none()) game.set_title(title.cast<std::string>());
  if (!player_labels.is_none()) game.set_player_labels(player_labels.cast<std::vector<std::string>>());
  if (!action_labels.is_none()) {
    const auto labels = action_labels.cast<std::vector<std::vector<std::string>>>();
    if (labels.size() != game.num_players())
      detail::fail("NormalFormGame", "got action labels for ", labels.size(), " players, the game has ",
                   game.num_players());
    for (std::size_t i = 0; i < labels.size(); ++i) game.set_action_labels(i, labels[i]);
  }
}

/// A read-only numpy view of game memory that keeps the game alive.
py::array read_only_view(const char* function, const py::object& owner, std::vector<py::ssize_t> shape,
                         std::vector<py::ssize_t> strides, const double* data) {
  check_numpy_dimensions(function, shape.size(), "; read payoffs with game[profile] instead");
  py::array view(py::dtype::of<double>(), std::move(shape), std::move(strides), data, owner);
  py::detail::array_proxy(view.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return view;
}

std::vector<py::ssize_t> tensor_shape(const NormalFormGame& game) {
  return {game.nums_actions().begin(), game.nums_actions().end()};
}

std::vector<py::ssize_t> tensor_strides(const NormalFormGame& game) {
  std::vector<py::ssize_t> strides;
  for (std::size_t s : game.strides()) strides.push_back(static_cast<py::ssize_t>(s * sizeof(double)));
  return strides;
}

std::uint64_t seed_from(const py::object& random_state) {
  if (random_state.is_none()) return std::random_device{}() * 0x9E3779B97F4A7C15ull ^ std::random_device{}();
  if (is_integer_scalar(random_state)) return to_integer<std::uint64_t>("random_game", "random_state", random_state);
  if (py::hasattr(random_state, "integers"))  // numpy.random.Generator
    return random_state.attr("integers")(0, py::int_(std::int64_t{1} << 62)).cast<std::uint64_t>();
  detail::fail("random_game", "random_state must be None, an int or a numpy Generator, got ",
               std::string(py::repr(random_state)));
}

}  // namespace

void bind_games(py::module_& m) {
  py::class_<NormalFormGame>(m, "NormalFormGame", R"doc(
A dense n-player normal-form game.

Player ``i``'s payoffs are a C-order tensor over the joint profile
``(a_0, ..., a_{n-1})``; ``payoffs(i)`` is a read-only view of it.

Parameters
----------
data : array_like or sequence of int
    A payoff profile array of shape ``(m_0, ..., m_{n-1}, n)`` (entry
    ``[a_0, ..., a_{n-1}, i]`` is player ``i``'s payoff), a square matrix
    (a symmetric two-player game: the column player's payoffs are its
    transpose), or the action counts ``(m_0, ..., m_{n-1})`` of a game with
    all payoffs zero. A list or tuple of n arrays of one n-dimensional
    shape is refused as ambiguous (one array per player, or nested lists
    of a profile array?): write ``NormalFormGame.from_arrays(A, B)`` or
    pass ``numpy.asarray(...)``.
title, player_labels, action_labels : optional
    Labels; default "Player 1", ... and "1", "2", ...
)doc")
      .def(py::init([](const py::object& data, const py::object& title, const py::object& player_labels,
                       const py::object& action_labels) {
             const bool counts = py::isinstance<py::sequence>(data) && !py::isinstance<py::str>(data) &&
                                 (py::len(data) == 0 || is_integer_scalar(data[py::int_(0)]));
             if (!counts) refuse_per_player_list(data);
             NormalFormGame game = counts ? NormalFormGame(to_nums_actions("NormalFormGame", data))
                                          : from_profile_array(data);
             apply_labels(game, title, player_labels, action_labels);
             return game;
           }),
           py::arg("data"), py::kw_only(), py::arg("title") = py::none(),
           py::arg("player_labels") = py::none(), py::arg("action_labels") = py::none())
      .def_static("from_arrays", &from_arrays, R"doc(
A game from one payoff array per player, each of shape ``(m_0, ..., m_{n-1})``:
``NormalFormGame.from_arrays(A, B)`` is the bimatrix game (A, B).
)doc")
      .def_static("from_function", &from_callable, py::arg("nums_actions"), py::arg("payoff_function"),
                  R"doc(
A game whose payoffs are ``payoff_function(profile)``, called once per pure
profile (a tuple of action indices) and returning one payoff per player.
)doc")
      .def_property_readonly("num_players", &NormalFormGame::num_players)
      .def_property_readonly("nums_actions",
                             [](const NormalFormGame& g) { return py::tuple(py::cast(g.nums_actions())); })
      .def_property_readonly("num_profiles", &NormalFormGame::num_profiles)
      .def_property("title", &NormalFormGame::title, &NormalFormGame::set_title)
      .def_property("player_labels", &NormalFormGame::player_labels, &NormalFormGame::set_player_labels)
      .def_property(
          "action_labels",
          [](const NormalFormGame& g) {
            py::list labels;
            for (std::size_t i = 0; i < g.num_players(); ++i) labels.append(py::cast(g.action_labels(i)));
            return labels;
          },
          [](NormalFormGame& g, const py::object& labels) {
            apply_labels(g, py::none(), py::none(), labels);
          })
      .def(
          "payoffs",
          [](const py::object& self, const py::object& player) {
            const auto& game = self.cast<const NormalFormGame&>();
            const std::size_t i = to_nonnegative("NormalFormGame.payoffs", "player", player);
            return read_only_view("NormalFormGame.payoffs", self, tensor_shape(game), tensor_strides(game), game.payoffs(i));
          },
          py::arg("player"), "Read-only view of a player's payoff tensor, shape (m_0, ..., m_{n-1}).")
      .def_property_readonly(
          "payoff_profile_array",
          [](const py::object& self) {
            const auto& game = self.cast<const NormalFormGame&>();
            auto shape = tensor_shape(game);
            auto strides = tensor_strides(game);
            shape.push_back(static_cast<py::ssize_t>(game.num_players()));
            strides.push_back(static_cast<py::ssize_t>(game.num_profiles() * sizeof(double)));
            return read_only_view("NormalFormGame.payoff_profile_array", self, shape, strides, game.payoff_data().data());
          },
          "Read-only view of shape (m_0, ..., m_{n-1}, n), QuantEcon's layout; no copy.")
      .def("__getitem__",
           [](const NormalFormGame& g, const py::object& profile) {
             const AnyProfile p = to_profile("NormalFormGame.__getitem__", g, profile);
             if (!std::holds_alternative<PureProfile>(p))
               detail::fail("NormalFormGame.__getitem__", "index with one action index per player");
             const auto values = g.payoffs_at(std::get<PureProfile>(p));
             return py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data());
           })
      .def("__setitem__",
           [](NormalFormGame& g, const py::object& profile, const std::vector<double>& values) {
             const AnyProfile p = to_profile("NormalFormGame.__setitem__", g, profile);
             if (!std::holds_alternative<PureProfile>(p))
               detail::fail("NormalFormGame.__setitem__", "index with one action index per player");
             g.set_payoffs(std::get<PureProfile>(p), values, "NormalFormGame.__setitem__");
           })
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("approx_equal", &NormalFormGame::approx_equal, py::arg("other"), py::arg("tol"),
           "Same action counts and payoffs within an absolute tolerance.")
      .def("copy", [](const NormalFormGame& g) { return NormalFormGame(g); })
      .def("__copy__", [](const NormalFormGame& g) { return NormalFormGame(g); })
      .def("__deepcopy__", [](const NormalFormGame& g, py::dict) { return NormalFormGame(g); })
      .def(py::pickle(
          [](const NormalFormGame& g) {
            std::vector<std::vector<std::string>> labels;
            for (std::size_t i = 0; i < g.num_players(); ++i) labels.push_back(g.action_labels(i));
            return py::make_tuple(g.nums_actions(), g.payoff_data(), g.title(), g.player_labels(), labels);
          },
          [](const py::tuple& state) {
            NormalFormGame g(state[0].cast<std::vector<std::size_t>>(), state[1].cast<std::vector<double>>());
            apply_labels(g, state[2], state[3], state[4]);
            return g;
          }))
      .def("__repr__", [](const NormalFormGame& g) {
        std::ostringstream out;
        out << "<NormalFormGame " << (g.title().empty() ? "" : "'" + g.title() + "' ") << g.num_players()
            << " players, actions " << detail::format_tuple(g.nums_actions()) << '>';
        return out.str();
      });

  m.def(
      "subgame",
      [](const NormalFormGame& g, const py::object& kept_actions) {
        if (!py::isinstance<py::sequence>(kept_actions) && !py::isinstance<py::array>(kept_actions))
          detail::fail("subgame", "kept_actions must be a sequence of action lists, got ",
                       std::string(py::repr(kept_actions)));
        std::vector<std::vector<std::size_t>> kept;
        for (py::handle actions : kept_actions) kept.push_back(to_sizes("subgame", "kept actions", actions));
        return subgame(g, kept);
      },
      py::arg("game"), py::arg("kept_actions"),
        "The game restricted to the listed actions of each player (labels follow).");

  m.def(
      "random_game",
      [](const py::object& nums_actions, const py::object& random_state, double low, double high,
         bool integer) {
        return random_game(to_nums_actions("random_game", nums_actions), seed_from(random_state), low,
                           high, integer);
      },
      py::arg("nums_actions"), py::kw_only(), py::arg("random_state") = py::none(),
      py::arg("low") = 0.0, py::arg("high") = 1.0, py::arg("integer") = false, R"doc(
A game with independent payoffs, uniform on [low, high), or on the integers
low..high with ``integer=True``. ``random_state``: None, an int seed or a
``numpy.random.Generator``.
)doc");
  m.def("prisoners_dilemma", &prisoners_dilemma, "Prisoner's dilemma, Axelrod's payoffs (3,0,5,1).");
  m.def("matching_pennies", &matching_pennies, "Matching pennies (zero-sum, payoffs +-1).");
  m.def("battle_of_the_sexes", &battle_of_the_sexes, "Battle of the sexes (Luce & Raiffa 1957).");
  m.def(
      "coordination_game",
      [](const py::object& num_players, const py::object& num_actions) {
        return coordination_game(to_nonnegative("coordination_game", "num_players", num_players),
                                 to_nonnegative("coordination_game", "num_actions", num_actions));
      },
      py::arg("num_players") = 2, py::arg("num_actions") = 2,
        "Every player gets 1 when all choose the same action, else 0.");
}

}  // namespace dilemma::python

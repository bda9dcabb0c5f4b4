// Candogan et al.'s decomposition and exact potentials.
#include <sstream>

#include "bindings.hpp"
#include "dilemma/analysis/decomposition.hpp"

namespace dilemma::python {

namespace {

// phi of a dense game as an array shaped like a payoff tensor.
py::array_t<double> profile_array(const NormalFormGame& game, const std::vector<double>& values) {
  std::vector<py::ssize_t> shape(game.nums_actions().begin(), game.nums_actions().end());
  py::array_t<double> result(shape);
  std::copy(values.begin(), values.end(), result.mutable_data());
  return result;
}

py::array_t<double> class_array(const std::vector<double>& values) {
  return py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data());
}

std::string describe(const DecompositionNorms& norms) {
  std::ostringstream out;
  out << "rms: game " << norms.game << ", nonstrategic " << norms.nonstrategic << ", potential " << norms.potential
      << ", harmonic " << norms.harmonic << "; potentialness " << norms.potentialness();
  return out.str();
}

template <class Result>
void bind_norm_properties(py::class_<Result>& result) {
  result.def_property_readonly("norm", [](const Result& r) { return r.norms.game; })
      .def_property_readonly("nonstrategic_norm", [](const Result& r) { return r.norms.nonstrategic; })
      .def_property_readonly("potential_norm", [](const Result& r) { return r.norms.potential; })
      .def_property_readonly("harmonic_norm", [](const Result& r) { return r.norms.harmonic; })
      .def_property_readonly("potentialness", [](const Result& r) { return r.norms.potentialness(); },
                             "||u_P|| / (||u_P|| + ||u_H||); 1 when the strategic part is zero.")
      .def_readonly("nonstrategic", &Result::nonstrategic)
      .def_readonly("potential", &Result::potential)
      .def_readonly("harmonic", &Result::harmonic)
      .def_readonly("num_iter", &Result::num_iter)
      .def("__repr__", [](const Result& r) { return "<Decomposition " + describe(r.norms) + ">"; });
  result.def(py::pickle(
      [](const Result& r) {
        return py::make_tuple(r.nonstrategic, r.potential, r.harmonic, r.potential_function,
                              std::vector<double>{r.norms.game, r.norms.nonstrategic, r.norms.potential,
                                                  r.norms.harmonic},
                              r.num_iter);
      },
      [](const py::tuple& state) {
        using Game = decltype(Result::nonstrategic);
        if (state.size() != 6) throw py::value_error("unpickling a decomposition: expected 6 fields");
        const auto norms = state[4].cast<std::vector<double>>();
        if (norms.size() != 4) throw py::value_error("unpickling a decomposition: expected 4 norms");
        return Result{state[0].cast<Game>(), state[1].cast<Game>(), state[2].cast<Game>(),
                      state[3].cast<std::vector<double>>(), DecompositionNorms{norms[0], norms[1], norms[2], norms[3]},
                      state[5].cast<std::size_t>()};
      }));
}

}  // namespace

void bind_decomposition(py::module_& m) {
  py::class_<GameDecomposition> dense(m, "Decomposition", R"doc(
u = nonstrategic + potential + harmonic (Candogan, Menache, Ozdaglar &
Parrilo 2011), each part a game of the same shape. Norms are root mean
squares over players and profiles.
)doc");
  bind_norm_properties(dense);
  dense.def_property_readonly(
      "potential_function", [](const GameDecomposition& d) { return profile_array(d.potential, d.potential_function); },
      "phi, shaped like a payoff tensor (mean 0): the potential part is u_P,i = phi - mean over i's own action.");

  py::class_<SymmetricDecomposition> symmetric(m, "SymmetricDecomposition", R"doc(
The decomposition of a symmetric game in count form: the parts are symmetric
games and ``potential_function`` has one value per count class of all n
players, in the order of ``count_vectors(num_actions, num_players)``.
)doc");
  bind_norm_properties(symmetric);
  symmetric.def_property_readonly("potential_function",
                                  [](const SymmetricDecomposition& d) { return class_array(d.potential_function); });

  const char* decompose_doc = R"doc(
Decompose a game into its nonstrategic, potential and harmonic parts.

Parameters
----------
game : NormalFormGame or SymmetricGame
tol : float, optional
    Relative residual of the least-squares solve (conjugate gradients).
max_iter : int, optional
    Cap on conjugate-gradient steps (0: 1000 for dense games, 20 n + 100
    for symmetric ones); RuntimeError when reached.

Returns
-------
Decomposition or SymmetricDecomposition

Examples
--------
>>> import dilemma
>>> d = dilemma.decompose(dilemma.matching_pennies())
>>> round(d.potentialness, 12), round(d.harmonic_norm, 12)
(0.0, 1.0)
>>> dilemma.decompose(dilemma.confession_game(5, "invariant_purge")).potential_norm
0.0
)doc";
  m.def(
      "decompose",
      [](const NormalFormGame& g, double tol, const py::object& max_iter) {
        const std::size_t cap = to_nonnegative("decompose", "max_iter", max_iter);
        SolverScope release;
        return decompose(g, tol, cap == 0 ? 1000 : cap);
      },
      py::arg("game"), py::kw_only(), py::arg("tol") = 1e-12, py::arg("max_iter") = 0, decompose_doc);
  m.def(
      "decompose",
      [](const SymmetricGame& g, double tol, const py::object& max_iter) {
        const std::size_t cap = to_nonnegative("decompose", "max_iter", max_iter);
        SolverScope release;
        return decompose(g, tol, cap);
      },
      py::arg("game"), py::kw_only(), py::arg("tol") = 1e-12, py::arg("max_iter") = 0, decompose_doc);

  const char* potential_doc = R"doc(
An exact potential of the game, or None if it has none.

phi satisfies u_i(b, a_-i) - u_i(a, a_-i) = phi(b, a_-i) - phi(a, a_-i) for
every player and deviation, within ``tol`` times the largest payoff
magnitude (at least 1). Dense games: an array shaped like a payoff tensor
with phi = 0 at the first profile; symmetric games: one value per count
class (order of ``count_vectors(num_actions, num_players)``). Every
symmetric 2-action game has one.

Examples
--------
>>> import dilemma
>>> dilemma.potential_function(dilemma.prisoners_dilemma()).tolist()
[[0.0, 2.0], [2.0, 3.0]]
>>> dilemma.potential_function(dilemma.matching_pennies()) is None
True
)doc";
  m.def(
      "potential_function",
      [](const NormalFormGame& g, double tol) -> py::object {
        std::optional<std::vector<double>> phi;
        {
          SolverScope release;
          phi = potential_function(g, tol);
        }
        if (!phi) return py::none();
        return profile_array(g, *phi);
      },
      py::arg("game"), py::kw_only(), py::arg("tol") = 1e-9, potential_doc);
  m.def(
      "potential_function",
      [](const SymmetricGame& g, double tol) -> py::object {
        std::optional<std::vector<double>> psi;
        {
          SolverScope release;
          psi = potential_function(g, tol);
        }
        if (!psi) return py::none();
        return class_array(*psi);
      },
      py::arg("game"), py::kw_only(), py::arg("tol") = 1e-9, potential_doc);
  m.def("is_potential_game", py::overload_cast<const NormalFormGame&, double>(&is_potential_game), py::arg("game"),
        py::kw_only(), py::arg("tol") = 1e-9, "True when the game has an exact potential (see potential_function).",
        py::call_guard<SolverScope>());
  m.def("is_potential_game", py::overload_cast<const SymmetricGame&, double>(&is_potential_game), py::arg("game"),
        py::kw_only(), py::arg("tol") = 1e-9, "True when the game has an exact potential (see potential_function).",
        py::call_guard<SolverScope>());
}

}  // namespace dilemma::python

// Shared declarations of the binding translation units.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <boost/multiprecision/cpp_int.hpp>
#include <variant>

#include "dilemma/core/combinatorics.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/profiles/mixed_profile.hpp"

namespace dilemma::python {

namespace py = pybind11;

void bind_games(py::module_& m);
void bind_profiles(py::module_& m);
void bind_solvers(py::module_& m);
void bind_io(py::module_& m);
void bind_symmetric(py::module_& m);
void bind_analysis(py::module_& m);
void bind_models(py::module_& m);
void bind_dynamics(py::module_& m);
void bind_two_player(py::module_& m);
void bind_correlated(py::module_& m);
void bind_qre(py::module_& m);
void bind_simpdiv(py::module_& m);
void bind_decomposition(py::module_& m);
void bind_enumeration(py::module_& m);

/// A profile from Python: a sequence of action indices (pure) or a sequence
/// of probability vectors, one per player (mixed).
using AnyProfile = std::variant<PureProfile, MixedProfile>;
AnyProfile to_profile(const char* function, const NormalFormGame& game, py::handle profile);

/// A tuple of action indices.
py::tuple to_python(const PureProfile& profile);
/// A tuple of 1-D float64 arrays, one per player.
py::tuple to_python(const MixedProfile& profile);

/// A Python int or numpy integer (not a bool).
bool is_integer_scalar(py::handle value);

/// One strategy per player from a 2-D array (players, actions).
std::vector<std::vector<double>> to_heterogeneous(const char* function, py::handle profile);

/// A count vector from a sequence of non-negative integers or a CountClass.
Counts to_counts(const char* function, py::handle counts);

/// `value` as a size, or ValueError "<function>: <name> must be >= 0, got <value>".
std::size_t to_nonnegative(const char* function, const char* name, long long value);

/// A Python int with the value of an exact integer.
py::object to_python_int(const boost::multiprecision::cpp_int& value);

/// Action counts from a Python sequence of positive integers.
std::vector<std::size_t> to_nums_actions(const char* function, py::handle nums_actions);

}  // namespace dilemma::python

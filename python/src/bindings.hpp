// Shared declarations of the binding translation units.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <boost/multiprecision/cpp_int.hpp>
#include <limits>
#include <type_traits>
#include <utility>
#include <variant>

#include "dilemma/core/combinatorics.hpp"
#include "dilemma/core/monitor.hpp"
#include "dilemma/detail/rational.hpp"
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
void bind_monitor(py::module_& m);
void bind_report(py::module_& m);
/// Last: a keyword no overload of a function of `m` takes raises the TypeError
/// of dilemma._keywords.unexpected_keyword (keywords.cpp).
void name_unexpected_keywords(py::module_& m);

/// Runs a solver with the GIL released and stoppable: at the solver's
/// checkpoints a pending Ctrl-C raises KeyboardInterrupt, and the progress
/// callback, time limit and cancel token of the innermost
/// `with dilemma.monitor(...)` block of this thread apply. Use it where a
/// binding would use py::gil_scoped_release (also as py::call_guard).
class SolverScope {
 public:
  SolverScope();
  SolverScope(const SolverScope&) = delete;
  SolverScope& operator=(const SolverScope&) = delete;

 private:
  // Copies the innermost block's monitor; progress and cancel own its
  // callable and CancelToken while the solver runs.
  static Monitor make_monitor(py::object& progress, py::object& cancel);
  py::object progress_ = py::none();  // released last, with the GIL held again
  py::object cancel_ = py::none();
  MonitorScope scope_;
  py::gil_scoped_release release_;
};

/// solve() run in a SolverScope (GIL released, stoppable); its result, a
/// C++ value, is returned once the GIL is held again.
template <class Solve>
auto released(Solve&& solve) {
  SolverScope release;
  return solve();
}

template <class T, class... Members, std::size_t... I>
T from_pickle_state(const py::tuple& state, std::index_sequence<I...>, Members T::*... members) {
  if constexpr (std::is_default_constructible_v<T>) {
    T value;  // every member is assigned below
    ((value.*members = state[I].template cast<Members>()), ...);
    return value;
  } else {  // an aggregate holding games: the members must be listed in declaration order
    return T{state[I].template cast<Members>()...};
  }
}

/// Pickling by value: the state is the tuple of the given data members,
/// each castable to and from Python. A T without default constructor is
/// built by aggregate initialization: list all its members, in order.
template <class T, class... Members>
void def_pickle(py::class_<T>& cls, Members T::*... members) {
  cls.def(py::pickle([members...](const T& value) { return py::make_tuple(value.*members...); },
                     [members...](const py::tuple& state) {
                       if (state.size() != sizeof...(Members))
                         throw py::value_error("unpickling: expected a state of " +
                                               std::to_string(sizeof...(Members)) + " fields, got " +
                                               std::to_string(state.size()));
                       return from_pickle_state<T>(state, std::index_sequence_for<Members...>{}, members...);
                     }));
}

/// def_pickle for the class bound as `name` in module m.
template <class T, class... Members>
void def_pickle(py::module_& m, const char* name, Members T::*... members) {
  auto cls = py::reinterpret_borrow<py::class_<T>>(m.attr(name));
  def_pickle(cls, members...);
}

/// A data member exposed read-only under `name` (see def_fields).
template <class T, class Member>
struct Field {
  const char* name;
  Member T::*member;
  const char* doc;
};
template <class T, class Member>
Field<T, Member> field(const char* name, Member T::*member, const char* doc = "") {
  return {name, member, doc};
}

/// Read-only attributes for the fields, and pickling by their values.
template <class T, class... Members>
void def_fields(py::class_<T>& cls, Field<T, Members>... fields) {
  (cls.def_readonly(fields.name, fields.member, fields.doc), ...);
  def_pickle(cls, fields.member...);
}

/// A profile from Python: a sequence of action indices (pure) or a sequence
/// of probability vectors, one per player (mixed).
using AnyProfile = std::variant<PureProfile, MixedProfile>;
AnyProfile to_profile(const char* function, const NormalFormGame& game, py::handle profile);

/// A tuple of action indices.
py::tuple to_python(const PureProfile& profile);
/// A tuple of 1-D float64 arrays, one per player.
py::tuple to_python(const MixedProfile& profile);

/// A fractions.Fraction with the exact value of a Rational.
py::object to_python(const Rational& value);

/// A 1-D float64 array.
py::array_t<double> to_array(const std::vector<double>& values);
/// A 1-D array of dtype object holding Fractions.
py::object to_array(const std::vector<Rational>& values);

/// Real numbers from Python (array_like) as a C-order float64 array.
/// Complex, date, string and other non-numeric input is refused with
/// ValueError "<function>: <what> must be real numbers, got ...", not
/// converted with a warning or an unnamed numpy error.
using RealArray = py::array_t<double, py::array::c_style | py::array::forcecast>;
RealArray to_real_array(const char* function, const char* what, py::handle value);

/// A Python int or numpy integer (not a bool).
bool is_integer_scalar(py::handle value);

/// An integer argument from Python (int or numpy integer, not bool) as a
/// long long, or ValueError "<function>: <name> must be ..." naming the value
/// when it is not one or lies outside [low, high]. The bindings take every
/// integer argument as a py::object and convert it here (pybind11's own
/// integer casts fail with errors that name neither function nor value;
/// test_reliability_bindings.py checks that no signature has an int).
long long to_integer(const char* function, const char* name, py::handle value, long long low, long long high);

/// to_integer within the range of T (for an unsigned T: 0 to LLONG_MAX).
template <class T>
T to_integer(const char* function, const char* name, py::handle value) {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
  constexpr long long low = std::is_signed_v<T> ? static_cast<long long>(std::numeric_limits<T>::min()) : 0;
  constexpr long long high = sizeof(T) >= sizeof(long long) ? std::numeric_limits<long long>::max()
                                                            : static_cast<long long>(std::numeric_limits<T>::max());
  return static_cast<T>(to_integer(function, name, value, low, high));
}

/// Whether a Python exception means a bad value (TypeError, ValueError,
/// OverflowError): such are reported as the caller's ValueError, any other
/// (KeyboardInterrupt, MemoryError, the user's own) propagates unchanged.
bool is_value_error(const py::error_already_set& error);

/// ValueError "<function>: needs a numpy array of <dimensions> dimensions<why>,
/// numpy allows at most 32" beyond numpy's limit (not numpy's unnamed error).
void check_numpy_dimensions(const char* function, std::size_t dimensions, const char* why = "");

/// One strategy per player from a 2-D array (players, actions).
std::vector<std::vector<double>> to_heterogeneous(const char* function, py::handle profile);

/// Non-negative integers from a Python sequence, each through to_integer.
std::vector<std::size_t> to_sizes(const char* function, const char* name, py::handle values);

/// A count vector from a sequence of non-negative integers or a CountClass.
Counts to_counts(const char* function, py::handle counts);

/// `value` (a Python integer) as a size, or ValueError "<function>: <name> must be >= 0, got <value>".
std::size_t to_nonnegative(const char* function, const char* name, py::handle value);

/// A Python int with the value of an exact integer.
py::object to_python_int(const boost::multiprecision::cpp_int& value);

/// Action counts from a Python sequence of positive integers.
std::vector<std::size_t> to_nums_actions(const char* function, py::handle nums_actions);

}  // namespace dilemma::python

// The solver contract in Python: options from keyword arguments, read off
// each options struct's field table (fields()), so that no default or
// keyword is written twice. The compiled solvers are private (`_core._name`);
// dilemma/solvers.py makes the public functions from `_core._solvers`.
#pragma once

#include <cmath>
#include <set>
#include <string>
#include <type_traits>

#include "bindings.hpp"
#include "dilemma/core/errors.hpp"
#include "dilemma/solvers/solver.hpp"

namespace dilemma::python {

/// How an option of type T crosses to Python; enums specialise it (as
/// strings) in the binding file that uses them.
template <class T, class Enable = void>
struct OptionCodec {
  static py::object to_python(const T& value) { return py::cast(value); }
  static T from_python(const char* function, const char* name, py::handle value) {
    const std::string shown = py::repr(value).cast<std::string>();
    if constexpr (std::is_same_v<T, bool>) {
      if (!PyBool_Check(value.ptr())) detail::fail(function, name, " must be True or False, got ", shown);
      return value.cast<bool>();
    } else if constexpr (std::is_integral_v<T>) {
      return to_integer<T>(function, name, value);
    } else if constexpr (std::is_floating_point_v<T>) {
      if (PyBool_Check(value.ptr()) || !PyNumber_Check(value.ptr()) || PyComplex_Check(value.ptr()))
        detail::fail(function, name, " must be a real number, got ", shown);
      const double number = PyFloat_AsDouble(value.ptr());  // the solver checks the range (NaN included)
      if (number == -1.0 && PyErr_Occurred() != nullptr) {   // an int beyond the doubles, 10**400
        py::error_already_set error;
        if (!is_value_error(error)) throw error;
        detail::fail(function, name, " must be a real number within the doubles' range, got ", shown);
      }
      return number;
    } else {
      return value.cast<T>();
    }
  }
};

/// The options of `function` from its keyword arguments; `extra` keywords
/// (rational, visit ...) are the caller's. An unknown keyword is a
/// TypeError naming the function, the keyword and the accepted ones.
template <class Options>
Options options_from_kwargs(const char* function, const py::kwargs& kwargs,
                            std::initializer_list<const char*> extra = {}) {
  Options options;
  std::set<std::string> known(extra.begin(), extra.end()), accepted;
  for_each_option<Options>([&](const auto& field) { accepted.insert(field.name); });
  for (const auto& item : kwargs) {
    const std::string key = py::str(item.first);
    if (accepted.count(key) || known.count(key)) continue;
    std::string names;
    for (const auto& name : accepted) names += (names.empty() ? "" : ", ") + name;
    for (const auto& name : known) names += (names.empty() ? "" : ", ") + name;
    throw py::type_error(std::string(function) + "() got an unexpected keyword argument '" + key +
                         "'; its keywords are " + names);
  }
  for_each_option<Options>([&](const auto& field) {
    using T = std::decay_t<decltype(options.*(field.member))>;
    if (kwargs.contains(field.name))
      options.*(field.member) = OptionCodec<T>::from_python(function, field.name, kwargs[field.name]);
  });
  return options;
}

/// {name: value} of every option (what `params` reports).
template <class Options>
py::dict options_to_dict(const Options& options) {
  py::dict result;
  for_each_option<Options>([&](const auto& field) {
    using T = std::decay_t<decltype(options.*(field.member))>;
    result[field.name] = OptionCodec<T>::to_python(options.*(field.member));
  });
  return result;
}

/// Records `name` in `_core._solvers`: its options as (keyword, default,
/// doc) rows, and whether it takes `rational=` (exact arithmetic) and
/// `visit=` (streams). dilemma/solvers.py builds the public function from it.
template <class Options>
void register_solver(py::module_& m, const char* name, bool rational, bool streams, const char* doc) {
  if (!py::hasattr(m, "_solvers")) m.attr("_solvers") = py::dict();
  py::list rows;
  const Options defaults;
  for_each_option<Options>([&](const auto& field) {
    using T = std::decay_t<decltype(defaults.*(field.member))>;
    rows.append(py::make_tuple(field.name, OptionCodec<T>::to_python(defaults.*(field.member)), field.doc));
  });
  py::dict spec;
  spec["options"] = rows;
  spec["rational"] = rational;
  spec["streams"] = streams;
  spec["doc"] = doc;
  m.attr("_solvers")[name] = spec;
}

/// Read-only properties method, converged, exhaustive, num_iter and message
/// of a result class, forwarded to its `report` member.
template <class T>
void def_report_properties(py::class_<T>& cls) {
  cls.def_property_readonly("method", [](const T& r) { return r.report.method; }, "The solver's name.")
      .def_property_readonly("converged", [](const T& r) { return r.report.converged; },
                             "The solver reached its own stopping rule.")
      .def_property_readonly("exhaustive", [](const T& r) { return r.report.exhaustive; },
                             "Every equilibrium of the kind looked for is in the result.")
      .def_property_readonly("num_iter", [](const T& r) { return r.report.num_iter; }, "The solver's unit of work.")
      .def_property_readonly("message", [](const T& r) { return r.report.message; }, "Why the solver stopped.");
}

/// A Python callable from the `visit` keyword, or none.
py::object visit_from_kwargs(const char* function, const py::kwargs& kwargs);

/// The `rational` keyword (False when absent).
bool rational_from_kwargs(const char* function, const py::kwargs& kwargs);

/// A C++ visitor that hands each item, converted, to the Python callable
/// `visit` (kept alive by the caller), taking the GIL; none when visit is None.
template <class T, class Convert>
Visitor<T> python_visitor(const py::object& visit, Convert convert) {
  if (visit.is_none()) return {};
  return [&visit, convert](const T& item) {
    py::gil_scoped_acquire acquire;
    visit(convert(item));
  };
}

/// The report as the Python class SolveReport.
py::object to_python(const SolveReport& report);

/// (equilibria, report, params): what the compiled enumerators return; the
/// public function wraps it in an EquilibriumList.
template <class Options>
py::tuple listed(py::list equilibria, const SolveReport& report, const Options& options) {
  return py::make_tuple(std::move(equilibria), to_python(report), options_to_dict(options));
}

}  // namespace dilemma::python

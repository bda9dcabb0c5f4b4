// The compiled module dilemma._core; the Python package re-exports it.
#include "bindings.hpp"

#include "dilemma/version.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "Compiled core of dilemma; use the `dilemma` package instead.";
  m.attr("__version__") = dilemma::version;
  dilemma::python::bind_monitor(m);
  dilemma::python::bind_report(m);
  dilemma::python::bind_games(m);
  dilemma::python::bind_profiles(m);
  dilemma::python::bind_solvers(m);
  dilemma::python::bind_io(m);
  dilemma::python::bind_symmetric(m);
  dilemma::python::bind_analysis(m);
  dilemma::python::bind_models(m);
  dilemma::python::bind_dynamics(m);
  dilemma::python::bind_two_player(m);
  dilemma::python::bind_correlated(m);
  dilemma::python::bind_qre(m);
  dilemma::python::bind_simpdiv(m);
  dilemma::python::bind_enumeration(m);
  dilemma::python::bind_decomposition(m);
  dilemma::python::name_unexpected_keywords(m);
}

// SolveReport, the report every solver's result carries (solvers/solver.hpp).
#include "solver_binding.hpp"

namespace dilemma::python {

py::object to_python(const SolveReport& report) { return py::cast(report); }

py::object visit_from_kwargs(const char* function, const py::kwargs& kwargs) {
  if (!kwargs.contains("visit") || kwargs["visit"].is_none()) return py::none();
  py::object visit = kwargs["visit"];
  if (!PyCallable_Check(visit.ptr()))
    throw py::type_error(std::string(function) + ": visit must be callable or None, got " +
                         py::repr(visit).cast<std::string>());
  return visit;
}

bool rational_from_kwargs(const char* function, const py::kwargs& kwargs) {
  return kwargs.contains("rational") && OptionCodec<bool>::from_python(function, "rational", kwargs["rational"]);
}

void bind_report(py::module_& m) {
  py::class_<SolveReport> report(m, "SolveReport", R"doc(
What a solver reports about its own run (every result has one as ``report``).

Attributes
----------
method : str
    The public name of the solver.
converged : bool
    The method reached its own stopping rule; False when an iteration, box
    or step cap ended it first (``message`` says which).
exhaustive : bool
    Every equilibrium of the kind the method looks for is in the result.
    False for methods that find one equilibrium and for a search cut short.
num_iter : int
    The method's unit of work (documented with each method).
message : str
    Why the method stopped.
)doc");
  def_fields(report,
             field("method", &SolveReport::method, "The public name of the solver."),
             field("converged", &SolveReport::converged, "The method reached its own stopping rule."),
             field("exhaustive", &SolveReport::exhaustive, "Every equilibrium of the kind looked for is listed."),
             field("num_iter", &SolveReport::num_iter, "The method's unit of work."),
             field("message", &SolveReport::message, "Why the method stopped."));
  report.def("__repr__", [](const SolveReport& r) {
    return "SolveReport(method='" + r.method + "', converged=" + (r.converged ? "True" : "False") +
           ", exhaustive=" + (r.exhaustive ? "True" : "False") + ", num_iter=" + std::to_string(r.num_iter) +
           ", message=" + py::repr(py::str(r.message)).cast<std::string>() + ")";
  });
}

}  // namespace dilemma::python

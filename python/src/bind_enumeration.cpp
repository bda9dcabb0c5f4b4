// All isolated equilibria of n-player games (enumerate_equilibria).
#include "solver_binding.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/solvers/equilibrium_enumeration.hpp"

namespace dilemma::python {

namespace {

struct PySingularSupport {
  py::tuple support;
  bool whole_face = false;
  std::size_t unresolved_boxes = 0;
  py::object example = py::none();
};

struct PyEnumeration {
  py::list equilibria, supports, singular_supports;
  std::size_t supports_solved = 0, boxes = 0;
  SolveReport report;
  py::dict params;
};

py::tuple support_to_python(const SupportProfile& support) {
  py::tuple result(support.size());
  for (std::size_t i = 0; i < support.size(); ++i) result[i] = py::tuple(py::cast(support[i]));
  return result;
}

const char* const enumerate_equilibria_doc = R"doc(
All isolated Nash equilibria of a game with any number of players.

Support profiles are visited in the order of Porter, Nudelman & Shoham
(2008): small and balanced supports first, conditionally dominated actions
pruned as each player's support is chosen. Each support's indifference
equations (multilinear in the probabilities) are solved by interval
subdivision of the product of simplices with the Krawczyk test, which
proves a box holds exactly one root or none. Every isolated root is thus
found; each is refined by Newton's method and kept when its regret is
within tolerance. Supports whose roots are not isolated (a continuum of
equilibria, a singular Jacobian) are reported in ``singular_supports``
instead of being skipped. With two players the equations of a support are
linear in the other player's strategy: they are solved by linear algebra
and a small linear program, without boxes, and the result is exhaustive.

Parameters
----------
game : NormalFormGame or SymmetricGame
    A symmetric game is solved in its dense normal form.

Returns
-------
EquilibriumEnumeration
    ``equilibria`` (list of profiles, each a tuple of 1-D arrays),
    ``supports`` (the support each came from), ``singular_supports`` (list
    of ``SingularSupport``: ``support``, ``whole_face``,
    ``unresolved_boxes``, ``example`` - an equilibrium there or None),
    ``supports_solved``, ``boxes``, ``params`` and ``report``:
    ``exhaustive`` (no box was left unresolved, so every isolated
    equilibrium is listed, and the singular supports hold the rest),
    ``converged`` (False when ``max_boxes`` cut a support's search),
    ``num_iter`` (boxes examined) and ``message``. With ``visit``, each
    equilibrium is also handed to it as soon as it is found.

See Also
--------
enumerate_equilibria_gen : the same, yielding each equilibrium as found.
vertex_enumeration : the extreme equilibria of two-player games, exactly.

Examples
--------
>>> import dilemma
>>> game = dilemma.NormalFormGame.from_arrays([[1, 0], [0, 1]], [[1, 0], [0, 1]])
>>> result = dilemma.enumerate_equilibria(game)
>>> [[x.round(3).tolist() for x in profile] for profile in result.equilibria]
[[[1.0, 0.0], [1.0, 0.0]], [[0.0, 1.0], [0.0, 1.0]], [[0.5, 0.5], [0.5, 0.5]]]
>>> result.exhaustive, result.converged
(True, True)
)doc";

}  // namespace

void bind_enumeration(py::module_& m) {
  py::class_<PySingularSupport> singular_support_class(m, "SingularSupport",
                                "A support whose equilibria are not isolated (see enumerate_equilibria).");
  def_fields(singular_support_class,
             field("support", &PySingularSupport::support),
             field("whole_face", &PySingularSupport::whole_face),
             field("unresolved_boxes", &PySingularSupport::unresolved_boxes),
             field("example", &PySingularSupport::example));
  singular_support_class.def("__repr__", [](const PySingularSupport& s) {
        return "SingularSupport(support=" + py::repr(s.support).cast<std::string>() +
               ", whole_face=" + (s.whole_face ? "True" : "False") +
               ", unresolved_boxes=" + std::to_string(s.unresolved_boxes) + ")";
      });
  py::class_<PyEnumeration> equilibrium_enumeration_class(m, "EquilibriumEnumeration", "Result of enumerate_equilibria.");
  def_fields(equilibrium_enumeration_class,
             field("equilibria", &PyEnumeration::equilibria),
             field("supports", &PyEnumeration::supports),
             field("singular_supports", &PyEnumeration::singular_supports),
             field("supports_solved", &PyEnumeration::supports_solved),
             field("boxes", &PyEnumeration::boxes),
             field("report", &PyEnumeration::report, "The SolveReport of the run."),
             field("params", &PyEnumeration::params, "The options the method ran with."));
  def_report_properties(equilibrium_enumeration_class);
  equilibrium_enumeration_class.def("__len__", [](const PyEnumeration& r) { return py::len(r.equilibria); })
      .def("__repr__", [](const PyEnumeration& r) {
        return "EquilibriumEnumeration(" + std::to_string(py::len(r.equilibria)) + " equilibria, " +
               std::to_string(py::len(r.singular_supports)) +
               " singular supports, exhaustive=" + (r.report.exhaustive ? "True" : "False") + ")";
      });
  const auto run = [](const auto& game, const py::kwargs& kwargs) {
    const char* name = "enumerate_equilibria";
    const auto options = options_from_kwargs<EquilibriumEnumerationOptions>(name, kwargs, {"visit"});
    const py::object visit = visit_from_kwargs(name, kwargs);
    const EquilibriumEnumeration found = [&] {
      SolverScope release;
      return enumerate_equilibria(game, options,
                                  python_visitor<MixedProfile>(visit, [](const MixedProfile& x) { return to_python(x); }));
    }();
    PyEnumeration out;
    for (const MixedProfile& profile : found.equilibria) out.equilibria.append(to_python(profile));
    for (const SupportProfile& support : found.supports) out.supports.append(support_to_python(support));
    for (const SingularSupport& singular : found.singular_supports) {
      PySingularSupport s;
      s.support = support_to_python(singular.support);
      s.whole_face = singular.whole_face, s.unresolved_boxes = singular.unresolved_boxes;
      if (singular.example) s.example = to_python(*singular.example);
      out.singular_supports.append(py::cast(std::move(s)));
    }
    out.supports_solved = found.supports_solved, out.boxes = found.boxes, out.report = found.report;
    out.params = options_to_dict(options);
    return out;
  };
  m.def("_enumerate_equilibria", [run](const NormalFormGame& game, const py::kwargs& kwargs) { return run(game, kwargs); },
        py::arg("game"));
  m.def("_enumerate_equilibria", [run](const SymmetricGame& game, const py::kwargs& kwargs) { return run(game, kwargs); },
        py::arg("game"));
  register_solver<EquilibriumEnumerationOptions>(m, "enumerate_equilibria", false, true, enumerate_equilibria_doc);
}

}  // namespace dilemma::python

// All isolated equilibria of n-player games (enumerate_equilibria).
#include "bindings.hpp"
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
  bool exhaustive = true;
  py::dict options;
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
regret_tol : float, default 1e-9
    A root is an equilibrium when its regret is at most
    ``regret_tol`` times the largest range of one player's payoffs.
min_width : float, default 1e-9
    Boxes narrower than this that are neither excluded nor proven are left
    unresolved.
max_boxes : int, default 1000000
    Boxes examined per support before the rest are left unresolved.
max_supports : float, default 1e8
    Games with more support profiles (``prod(2**m_i - 1)``) raise
    ``ValueError`` before any work.
visit : callable, optional
    Called as ``visit(profile, support)`` for each equilibrium as soon as it
    is found; an exception it raises stops the search and propagates.

Returns
-------
EquilibriumEnumeration
    ``equilibria`` (list of profiles, each a tuple of 1-D arrays),
    ``supports`` (the support each came from), ``singular_supports`` (list
    of ``SingularSupport``: ``support``, ``whole_face``,
    ``unresolved_boxes``, ``example`` - an equilibrium there or None),
    ``supports_solved``, ``boxes``, ``exhaustive`` (no box was left
    unresolved, so every isolated equilibrium is listed, and the singular
    supports hold the rest) and ``options``.

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
>>> bool(result.exhaustive)
True
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
             field("exhaustive", &PyEnumeration::exhaustive),
             field("options", &PyEnumeration::options));
  equilibrium_enumeration_class.def("__len__", [](const PyEnumeration& r) { return py::len(r.equilibria); })
      .def("__repr__", [](const PyEnumeration& r) {
        return "EquilibriumEnumeration(" + std::to_string(py::len(r.equilibria)) + " equilibria, " +
               std::to_string(py::len(r.singular_supports)) +
               " singular supports, exhaustive=" + (r.exhaustive ? "True" : "False") + ")";
      });
  const auto run = [](const NormalFormGame& game, double regret_tol, double min_width, long long max_boxes,
                      double max_supports, const py::object& visit) {
    EquilibriumEnumerationOptions options;
    options.regret_tol = regret_tol, options.min_width = min_width, options.max_supports = max_supports;
    options.max_boxes = to_nonnegative("enumerate_equilibria", "max_boxes", max_boxes);
    std::function<void(const MixedProfile&, const SupportProfile&)> visitor;
    if (!visit.is_none()) {
      if (!PyCallable_Check(visit.ptr()))
        throw py::type_error("enumerate_equilibria: visit must be callable or None, got " +
                             py::repr(visit).cast<std::string>());
      // Runs with the GIL released; an exception raised by `visit` stops the search and reaches the caller.
      visitor = [&visit](const MixedProfile& profile, const SupportProfile& support) {
        py::gil_scoped_acquire acquire;
        visit(to_python(profile), support_to_python(support));
      };
    }
    const EquilibriumEnumeration found = [&] {
      SolverScope release;
      return enumerate_equilibria(game, options, visitor);
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
    out.supports_solved = found.supports_solved, out.boxes = found.boxes, out.exhaustive = found.exhaustive;
    out.options["regret_tol"] = regret_tol, out.options["min_width"] = min_width;
    out.options["max_boxes"] = max_boxes, out.options["max_supports"] = max_supports;
    return out;
  };
  m.def("enumerate_equilibria", run, py::arg("game"), py::kw_only(), py::arg("regret_tol") = 1e-9,
        py::arg("min_width") = 1e-9, py::arg("max_boxes") = 1000000, py::arg("max_supports") = 1e8,
        py::arg("visit") = py::none(), enumerate_equilibria_doc);
  // A symmetric game is solved in its dense normal form (refused when too large).
  m.def(
      "enumerate_equilibria",
      [run](const SymmetricGame& game, double regret_tol, double min_width, long long max_boxes, double max_supports,
            const py::object& visit) {
        return run(to_normal_form(game), regret_tol, min_width, max_boxes, max_supports, visit);
      },
      py::arg("game"), py::kw_only(), py::arg("regret_tol") = 1e-9, py::arg("min_width") = 1e-9,
      py::arg("max_boxes") = 1000000, py::arg("max_supports") = 1e8, py::arg("visit") = py::none());
}

}  // namespace dilemma::python

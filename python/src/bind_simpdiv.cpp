// Simplicial subdivision: one verified Nash equilibrium of an n-player game.
#include "solver_binding.hpp"
#include "dilemma/solvers/simplicial_subdivision.hpp"

namespace dilemma::python {

namespace {

/// The result, converted to Python once the solver is done.
struct PySimpdivResult {
  py::object equilibrium;
  double regret = 0;
  std::size_t num_refinements = 0;
  long long denominator = 1;
  SolveReport report;
  py::dict params;
};

const char* const simplicial_subdivision_doc = R"doc(
One Nash equilibrium by simplicial subdivision, refined and verified.

The variable-dimension restart algorithm of van der Laan, Talman & van der
Heyden (1987) on the product of the players' simplices, as gambit-simpdiv:
a path of simplices of a grid of mesh ``1/K``, started at ``start``, ends at
a simplex that approximates an equilibrium; the grid is then refined by the
factor ``grid`` and the path restarted from there. After each restart the
approximate equilibrium is refined by Newton's method on the indifference
equations of its support; the result is returned only when its regret (the
largest gain of any player from a pure deviation) is at most ``tol`` times
the payoff range (the largest range of one player's payoffs). Works for any
number of players and is never stuck on degenerate games (constant payoffs,
duplicated strategies).

Parameters
----------
game : NormalFormGame

Returns
-------
SimplicialSubdivisionResult
    ``equilibrium`` (a tuple of 1-D arrays, one per player), ``regret``,
    ``num_refinements`` (restarts), ``denominator`` (of the last grid),
    ``params`` (a dict) and ``report``: ``converged`` (False when
    ``max_iter`` or ``max_denominator`` ended the run first: then
    ``equilibrium`` is the best profile found and ``message`` says which
    cap), ``num_iter`` (pivots), ``exhaustive`` (False: one equilibrium).

Raises
------
ValueError
    A malformed start profile or bad options.

See Also
--------
logit_qre : the equilibrium selected by the logit QRE branch.
enumerate_equilibria : all isolated equilibria of small games.

Examples
--------
>>> import dilemma
>>> result = dilemma.simplicial_subdivision(dilemma.matching_pennies())
>>> [x.tolist() for x in result.equilibrium]
[[0.5, 0.5], [0.5, 0.5]]
>>> result.converged, result.regret <= 1e-10 * 2
(True, True)
)doc";

}  // namespace


/// The start profile: None when empty; from Python, a mixed profile (a pure
/// one is converted by the binding, which knows the game).
template <>
struct OptionCodec<MixedProfile> {
  static py::object to_python(const MixedProfile& value) {
    return value.empty() ? py::object(py::none()) : py::object(py::cast(value));
  }
  static MixedProfile from_python(const char*, const char*, py::handle value) {
    return value.is_none() ? MixedProfile{} : value.cast<MixedProfile>();
  }
};

void bind_simpdiv(py::module_& m) {
  py::class_<PySimpdivResult> simplicial_subdivision_result_class(m, "SimplicialSubdivisionResult",
                              "Result of simplicial_subdivision: a verified equilibrium when converged.");
  def_fields(simplicial_subdivision_result_class,
             field("equilibrium", &PySimpdivResult::equilibrium),
             field("regret", &PySimpdivResult::regret),
             field("num_refinements", &PySimpdivResult::num_refinements),
             field("denominator", &PySimpdivResult::denominator),
             field("report", &PySimpdivResult::report, "The SolveReport of the run."),
             field("params", &PySimpdivResult::params, "The options the method ran with."));
  def_report_properties(simplicial_subdivision_result_class);
  simplicial_subdivision_result_class.def("__repr__", [](const PySimpdivResult& r) {
        return "SimplicialSubdivisionResult(converged=" + std::string(r.report.converged ? "True" : "False") +
               ", regret=" + py::repr(py::float_(r.regret)).cast<std::string>() +
               ", num_iter=" + std::to_string(r.report.num_iter) +
               ", num_refinements=" + std::to_string(r.num_refinements) + ")";
      });
  m.def(
      "_simplicial_subdivision",
      [](const NormalFormGame& game, const py::kwargs& kwargs) {
        const char* name = "simplicial_subdivision";
        py::kwargs rest;  // every keyword but start, which needs the game to read a pure profile
        for (const auto& item : kwargs)
          if (py::str(item.first).cast<std::string>() != "start") rest[item.first] = item.second;
        SimplicialSubdivisionOptions o = options_from_kwargs<SimplicialSubdivisionOptions>(name, rest, {"start"});
        if (kwargs.contains("start") && !kwargs["start"].is_none()) {
          const AnyProfile profile = to_profile(name, game, kwargs["start"]);
          if (const auto* pure = std::get_if<PureProfile>(&profile))
            o.start = to_mixed(game, *pure);
          else
            o.start = std::get<MixedProfile>(profile);
        }
        auto result = [&] {
          SolverScope release;
          return simplicial_subdivision(game, o);
        }();
        PySimpdivResult out;
        out.equilibrium = to_python(result.equilibrium);
        out.regret = result.regret, out.num_refinements = result.num_refinements, out.report = result.report;
        out.denominator = static_cast<long long>(result.denominator);
        out.params = options_to_dict(o);
        return out;
      },
      py::arg("game"));
  register_solver<SimplicialSubdivisionOptions>(m, "simplicial_subdivision", false, false, simplicial_subdivision_doc);
}

}  // namespace dilemma::python

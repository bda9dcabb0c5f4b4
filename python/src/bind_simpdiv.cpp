// Simplicial subdivision: one verified Nash equilibrium of an n-player game.
#include "bindings.hpp"
#include "dilemma/solvers/simplicial_subdivision.hpp"

namespace dilemma::python {

namespace {

/// The result, converted to Python once the solver is done.
struct PySimpdivResult {
  py::object equilibrium;
  double regret = 0;
  std::size_t num_iter = 0, num_refinements = 0;
  long long denominator = 1;
  bool converged = false;
  py::dict options;
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
start : sequence of probability vectors, optional
    The start profile (one vector per player); default: every player's
    first action, as Gambit. It is rounded to a grid point with denominator
    at most 1000.
tol : float, default 1e-10
    Regret tolerance, relative to the payoff range.
max_iter : int, default 1000000
    Most pivots over all restarts; beyond it a ``RuntimeError`` is raised.
grid : int, default 2
    Factor by which the mesh is refined at each restart (gambit-simpdiv -g).

Returns
-------
SimplicialSubdivisionResult
    ``equilibrium`` (a tuple of 1-D arrays, one per player), ``regret``,
    ``num_iter`` (pivots), ``num_refinements`` (restarts), ``denominator``
    (of the last grid), ``converged`` and ``options`` (a dict).

Raises
------
ValueError
    A malformed start profile or bad options.
RuntimeError
    No verified equilibrium within ``max_iter`` pivots or grids up to
    denominator 2**40.

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
>>> bool(result.converged), result.regret <= 1e-10 * 2
(True, True)
)doc";

}  // namespace

void bind_simpdiv(py::module_& m) {
  py::class_<PySimpdivResult> simplicial_subdivision_result_class(m, "SimplicialSubdivisionResult",
                              "Result of simplicial_subdivision: a verified equilibrium.");
  def_fields(simplicial_subdivision_result_class,
             field("equilibrium", &PySimpdivResult::equilibrium),
             field("regret", &PySimpdivResult::regret),
             field("num_iter", &PySimpdivResult::num_iter),
             field("num_refinements", &PySimpdivResult::num_refinements),
             field("denominator", &PySimpdivResult::denominator),
             field("converged", &PySimpdivResult::converged),
             field("options", &PySimpdivResult::options));
  simplicial_subdivision_result_class.def("__repr__", [](const PySimpdivResult& r) {
        return "SimplicialSubdivisionResult(converged=" + std::string(r.converged ? "True" : "False") +
               ", regret=" + py::repr(py::float_(r.regret)).cast<std::string>() +
               ", num_iter=" + std::to_string(r.num_iter) +
               ", num_refinements=" + std::to_string(r.num_refinements) + ")";
      });
  m.def(
      "simplicial_subdivision",
      [](const NormalFormGame& game, py::object start, double tol, long long max_iter, long long grid) {
        SimplicialSubdivisionOptions o;
        o.tol = tol;
        o.max_iter = to_nonnegative("simplicial_subdivision", "max_iter", max_iter);
        o.grid = to_nonnegative("simplicial_subdivision", "grid", grid);
        if (!start.is_none()) {
          const AnyProfile profile = to_profile("simplicial_subdivision", game, start);
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
        out.regret = result.regret, out.num_iter = result.num_iter;
        out.num_refinements = result.num_refinements, out.converged = result.converged;
        out.denominator = static_cast<long long>(result.denominator);
        out.options["tol"] = o.tol, out.options["max_iter"] = o.max_iter, out.options["grid"] = o.grid;
        out.options["start"] = start;
        return out;
      },
      py::arg("game"), py::kw_only(), py::arg("start") = py::none(), py::arg("tol") = 1e-10,
      py::arg("max_iter") = 1000000, py::arg("grid") = 2, simplicial_subdivision_doc);
}

}  // namespace dilemma::python

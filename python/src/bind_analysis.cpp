// Welfare, security levels, invariance and believed-versus-real analyses.
#include <sstream>

#include "bindings.hpp"
#include "dilemma/analysis/believed_vs_real.hpp"
#include "dilemma/analysis/invariance.hpp"
#include "dilemma/analysis/security.hpp"
#include "dilemma/analysis/welfare.hpp"

namespace dilemma::python {

namespace {

Counts to_class_counts(const char* function, const SymmetricGame& game, const py::object& counts) {
  Counts result = to_counts(function, counts);
  game.check_counts(function, result, game.num_players(), "count class");
  return result;
}

}  // namespace

void bind_analysis(py::module_& m) {
  m.def(
      "security_levels",
      [](const NormalFormGame& g, const py::object& player) {
        return security_levels(g, to_nonnegative("security_levels", "player", player));
      },
      py::arg("game"), py::arg("player"), "Worst payoff of each action of ``player`` over the others' pure profiles.");
  m.def("security_levels", py::overload_cast<const SymmetricGame&>(&security_levels), py::arg("game"),
        "Worst payoff of each action over the others' count vectors.", py::call_guard<SolverScope>());

  m.def(
      "welfare",
      [](const NormalFormGame& g, const py::object& profile) {
        const AnyProfile p = to_profile("welfare", g, profile);
        if (const auto* pure = std::get_if<PureProfile>(&p)) return welfare(g, *pure);
        detail::fail("welfare", "needs a pure profile (one action index per player)");
      },
      py::arg("game"), py::arg("profile"), "Sum of the players' payoffs at a pure profile.");
  m.def(
      "welfare", [](const SymmetricGame& g, const py::object& counts) { return welfare(g, to_class_counts("welfare", g, counts)); },
      py::arg("game"), py::arg("counts"), "Welfare of a count class: sum_a c_a u(a, c - e_a).");
  m.def(
      "class_payoffs",
      [](const SymmetricGame& g, const py::object& counts) { return to_array(class_payoffs(g, to_class_counts("class_payoffs", g, counts))); },
      py::arg("game"), py::arg("counts"), "Payoff of a player taking each action in a count class (NaN if unused).");

  py::class_<Efficiency> efficiency_class(m, "Efficiency", "Welfare of all profiles and of the pure equilibria, with PoA and PoS.");
  def_fields(efficiency_class,
             field("best_welfare", &Efficiency::best_welfare),
             field("worst_welfare", &Efficiency::worst_welfare),
             field("best_equilibrium_welfare", &Efficiency::best_equilibrium_welfare),
             field("worst_equilibrium_welfare", &Efficiency::worst_equilibrium_welfare),
             field("num_equilibria", &Efficiency::num_equilibria),
             field("price_of_anarchy", &Efficiency::price_of_anarchy),
             field("price_of_stability", &Efficiency::price_of_stability),
             field("convention", &Efficiency::convention));
  efficiency_class.def("__repr__", [](const Efficiency& e) {
        std::ostringstream out;
        out << "<Efficiency PoA " << e.price_of_anarchy << ", PoS " << e.price_of_stability << " (" << e.convention << ")>";
        return out.str();
      });
  const char* efficiency_doc = R"doc(
Welfare over all pure profiles and over the pure equilibria, and the prices
of anarchy and stability. Costs convention when welfare <= 0 everywhere
(PoA = worst equilibrium cost / least cost), welfare convention when >= 0.
Raises ValueError if there is no pure equilibrium or welfare changes sign.
)doc";
  m.def("efficiency", py::overload_cast<const NormalFormGame&, double>(&efficiency), py::arg("game"), py::kw_only(),
        py::arg("tol") = 0.0, efficiency_doc, py::call_guard<SolverScope>());
  m.def("efficiency", py::overload_cast<const SymmetricGame&, double>(&efficiency), py::arg("game"), py::kw_only(),
        py::arg("tol") = 0.0, efficiency_doc, py::call_guard<SolverScope>());
  m.def(
      "pareto_efficient_profiles",
      [](const NormalFormGame& g) {
        py::list result;
        for (std::size_t index : pareto_efficient_profiles(g)) result.append(to_python(g.profile_at(index)));
        return result;
      },
      py::arg("game"), "The Pareto-efficient pure profiles of a dense game.");
  m.def("pareto_efficient_classes", &pareto_efficient_classes, py::arg("game"),
        "The Pareto-efficient count classes of a symmetric game.", py::call_guard<SolverScope>());

  m.def("max_stakes", [](const NormalFormGame& g) { return to_array(max_stakes(g)); }, py::arg("game"),
        "Delta_i: the most each player's own choice can change the player's payoff.");
  m.def(
      "is_payoff_invariant",
      [](const NormalFormGame& g, const py::object& player, double tol) {
        return is_payoff_invariant(g, to_nonnegative("is_payoff_invariant", "player", player), tol);
      },
      py::arg("game"), py::arg("player"), py::kw_only(),
        py::arg("tol") = 0.0, "True when the player's own action never changes the player's payoff by more than tol.");
  m.def(
      "is_payoff_invariant", [](const SymmetricGame& g, double tol) { return max_stake(g) <= tol; }, py::arg("game"),
      py::kw_only(), py::arg("tol") = 0.0, "True when no player's own action changes the player's payoff by more than tol.",
      py::call_guard<SolverScope>());
  m.def("max_stake", &max_stake, py::arg("game"), "Delta of a symmetric game (the same for every player).",
        py::call_guard<SolverScope>());
  m.def("strategic_share", py::overload_cast<const NormalFormGame&>(&strategic_share), py::arg("game"),
        "rho = ||u - u_N|| / ||u||: 0 iff payoff-invariant.", py::call_guard<SolverScope>());
  m.def("strategic_share", py::overload_cast<const SymmetricGame&>(&strategic_share), py::arg("game"),
        "rho = ||u - u_N|| / ||u|| with the dense norm, computed over count vectors.", py::call_guard<SolverScope>());

  py::class_<InvarianceReport> invariance_report_class(m, "InvarianceReport", R"doc(
What the theorem of docs/model.md predicts for a payoff-invariant game, each item
computed on the given game. ``str(report)`` is a readable summary.
)doc");
  def_fields(invariance_report_class,
             field("max_stakes", &InvarianceReport::max_stakes),
             field("epsilon", &InvarianceReport::epsilon),
             field("strategic_share", &InvarianceReport::strategic_share),
             field("payoff_invariant", &InvarianceReport::payoff_invariant),
             field("num_profiles", &InvarianceReport::num_profiles),
             field("num_pure_equilibria", &InvarianceReport::num_pure_equilibria),
             field("log10_num_profiles", &InvarianceReport::log10_num_profiles),
             field("log10_num_pure_equilibria", &InvarianceReport::log10_num_pure_equilibria),
             field("num_classes", &InvarianceReport::num_classes),
             field("num_equilibrium_classes", &InvarianceReport::num_equilibrium_classes),
             field("num_strict_equilibria", &InvarianceReport::num_strict_equilibria),
             field("every_profile_is_equilibrium", &InvarianceReport::every_profile_is_equilibrium),
             field("num_dominated_strict", &InvarianceReport::num_dominated_strict),
             field("num_dominated_weak", &InvarianceReport::num_dominated_weak),
             field("security_levels", &InvarianceReport::security_levels),
             field("equal_security_levels", &InvarianceReport::equal_security_levels),
             field("decomposition_computed", &InvarianceReport::decomposition_computed),
             field("potential_norm", &InvarianceReport::potential_norm),
             field("harmonic_norm", &InvarianceReport::harmonic_norm),
             field("exact_potential", &InvarianceReport::exact_potential),
             field("max_incentive_gain", &InvarianceReport::max_incentive_gain,
                   "Largest coefficient of the correlated-equilibrium incentive constraints (payoff units)."),
             field("every_distribution_correlated", &InvarianceReport::every_distribution_correlated,
                   "Every distribution over profiles is a correlated and coarse correlated equilibrium."),
             field("qre_computed", &InvarianceReport::qre_computed,
                   "The logit branch was followed (to qre_max_lambda, or until it left the uniform profile)."),
             field("qre_uniform", &InvarianceReport::qre_uniform,
                   "The logit QRE is uniform (within qre_tol) for every lambda up to qre_max_lambda."),
             field("qre_max_deviation_from_uniform", &InvarianceReport::qre_max_deviation_from_uniform,
                   "Largest max |x_ia - 1/m_i| over the traced points of the branch."),
             field("qre_lambda", &InvarianceReport::qre_lambda,
                   "Lambda of the last traced point."),
             field("qre_note", &InvarianceReport::qre_note,
                   "Why the branch was not followed, if it was not."),
             field("efficiency", &InvarianceReport::efficiency),
             field("efficiency_defined", &InvarianceReport::efficiency_defined),
             field("efficiency_note", &InvarianceReport::efficiency_note));
  invariance_report_class
      .def("__str__", &describe)
      .def("__repr__", [](const InvarianceReport& r) {
        return std::string("<InvarianceReport payoff_invariant=") + (r.payoff_invariant ? "True" : "False") + ">";
      });
  const char* report_doc = R"doc(
The payoff-invariance report (docs/model.md: theorem): an ``InvarianceReport``.

``tol`` is the payoff difference that counts as a tie (0: exact). The QRE
check follows the logit branch from lambda = 0 to ``qre_max_lambda`` (default
1e6), stopping at the first point farther than ``qre_tol`` (default 1e-9)
from the uniform profile; a branch that stays uniform takes about 13
steps, so the check is cheap for symmetric games of any n.
)doc";
  m.def("invariance_report",
        py::overload_cast<const NormalFormGame&, double, double, double>(&invariance_report), py::arg("game"),
        py::kw_only(), py::arg("tol") = 0.0, py::arg("qre_tol") = kQreUniformTolerance,
        py::arg("qre_max_lambda") = kQreMaxLambda, report_doc, py::call_guard<SolverScope>());
  m.def("invariance_report",
        py::overload_cast<const SymmetricGame&, double, double, double>(&invariance_report), py::arg("game"),
        py::kw_only(), py::arg("tol") = 0.0, py::arg("qre_tol") = kQreUniformTolerance,
        py::arg("qre_max_lambda") = kQreMaxLambda, report_doc, py::call_guard<SolverScope>());

  py::class_<BelievedOutcome> believed_outcome_class(m, "BelievedOutcome", "One equilibrium of the believed game, judged in both games.");
  believed_outcome_class.def_readonly("behaviour", &BelievedOutcome::behaviour)
      .def_property_readonly("believed_payoffs", [](const BelievedOutcome& o) { return to_array(o.believed_payoffs); })
      .def_property_readonly("real_payoffs", [](const BelievedOutcome& o) { return to_array(o.real_payoffs); })
      .def_readonly("believed_welfare", &BelievedOutcome::believed_welfare)
      .def_readonly("real_welfare", &BelievedOutcome::real_welfare)
      .def_readonly("inefficiency", &BelievedOutcome::inefficiency,
                    "Per person: the real game's best welfare (over all profiles) minus the real welfare here.")
      .def_readonly("cost_of_belief_range", &BelievedOutcome::cost_of_belief_range,
                    "Per person: (worst, best) real equilibrium welfare minus the real welfare here; "
                    "(0, 0) when the behaviour is the real game's only equilibrium, NaN when it has no pure equilibrium.");
  def_pickle(believed_outcome_class, &BelievedOutcome::behaviour, &BelievedOutcome::believed_payoffs,
             &BelievedOutcome::real_payoffs, &BelievedOutcome::believed_welfare, &BelievedOutcome::real_welfare,
             &BelievedOutcome::inefficiency, &BelievedOutcome::cost_of_belief_range);
  py::class_<BelievedVersusReal> believed_versus_real_class(m, "BelievedVersusReal", "Behaviour from the believed game, outcomes from the real one.");
  def_fields(believed_versus_real_class,
             field("outcomes", &BelievedVersusReal::outcomes),
             field("real_best", &BelievedVersusReal::real_best),
             field("real_best_welfare", &BelievedVersusReal::real_best_welfare),
             field("real_equilibria", &BelievedVersusReal::real_equilibria),
             field("real_worst_equilibrium", &BelievedVersusReal::real_worst_equilibrium),
             field("real_best_equilibrium", &BelievedVersusReal::real_best_equilibrium),
             field("real_worst_equilibrium_welfare", &BelievedVersusReal::real_worst_equilibrium_welfare),
             field("real_best_equilibrium_welfare", &BelievedVersusReal::real_best_equilibrium_welfare));
  m.def("believed_versus_real", &believed_versus_real, py::arg("believed"), py::arg("real"), py::kw_only(),
        py::arg("tol") = 0.0, R"doc(
Behaviour is the pure equilibria of the ``believed`` game; each is judged by
its payoffs and welfare in the ``real`` game, per person, in two ways:
``inefficiency`` against the real social optimum (there whenever the real
game is a dilemma, belief or not) and ``cost_of_belief_range`` against the
real game's own pure equilibria, (worst, best): what the false belief cost,
(0, 0) when the behaviour is the real game's only equilibrium. For ``hoped_leniency``
every profile is a real equilibrium, so the range is (0, eta (n - 1)).
)doc",
        py::call_guard<SolverScope>());
}

}  // namespace dilemma::python

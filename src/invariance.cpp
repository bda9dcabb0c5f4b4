#include "dilemma/analysis/invariance.hpp"

#include <iomanip>
#include <sstream>

#include "dilemma/profiles/expected_payoffs.hpp"
#include "dilemma/analysis/decomposition.hpp"
#include "dilemma/solvers/correlated_equilibrium.hpp"
#include "dilemma/detail/logit_tracer.hpp"
#include "dilemma/solvers/logit_qre.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/solvers/symmetric_pure_nash.hpp"

namespace dilemma {

namespace {

bool all_equal(const std::vector<double>& values, double tol) {
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  return *high - *low <= tol;
}

template <class Game>
void fill_efficiency(InvarianceReport& report, const Game& game, double tol) {
  try {
    report.efficiency = efficiency(game, tol);
  } catch (const InvalidArgument& error) {  // no pure equilibrium, or welfare changes sign
    report.efficiency_defined = false;
    report.efficiency_note = error.what();
  }
}

// The decomposition's sizes and the exact-potential test; symmetric games
// beyond the count form's range of class weights (or memory) are left out
// (decomposition_computed stays false).
template <class Game>
void fill_decomposition(InvarianceReport& report, const Game& game, double tol) {
  try {
    report.exact_potential = is_potential_game(game, std::max(tol, 1e-9));
    const auto parts = decompose(game);
    report.potential_norm = parts.norms.potential;
    report.harmonic_norm = parts.norms.harmonic;
    report.decomposition_computed = true;
  } catch (const InvalidArgument&) {
  }
}

void check_qre_options(double qre_tol, double qre_max_lambda) {
  if (!std::isfinite(qre_tol) || qre_tol < 0)
    detail::fail("invariance_report", "qre_tol must be finite and >= 0, got ", qre_tol);
  if (!std::isfinite(qre_max_lambda) || qre_max_lambda <= 0)
    detail::fail("invariance_report", "qre_max_lambda must be finite and > 0, got ", qre_max_lambda);
}

// docs/model.md (theorem, item 3): every distribution is a (coarse) correlated equilibrium iff
// no incentive row has a positive coefficient.
template <class Game>
void fill_correlated(InvarianceReport& report, const Game& game, double tol) {
  report.max_incentive_gain = max_incentive_gain(game);
  report.every_distribution_correlated = report.max_incentive_gain <= tol;
}

// docs/model.md (theorem, item 4): follows the logit branch from lambda = 0 to qre_max_lambda,
// stopping at the first point farther than qre_tol from uniform. Steps may
// grow 4x (max_accel), so a branch that stays uniform (where the predictor
// is exact) reaches lambda = 1e6 in about 13 steps, and a branch that
// leaves it stops at its first point (one step).
template <class System>
void fill_qre(InvarianceReport& report, const System& system, double qre_tol, double qre_max_lambda) {
  LogitQreOptions options;
  options.max_accel = 4.0;
  options.max_lambda = qre_max_lambda;
  options.record_branch = false;
  const detail::LogitTracer<System> tracer(system, options, "invariance_report");
  const Eigen::Index dim = Eigen::Index(system.dim());
  const auto record = [&](const Eigen::VectorXd& z) {
    const Eigen::VectorXd x = tracer.probabilities(z);
    for (std::size_t k = 0; k < system.num_blocks(); ++k)
      for (std::size_t a = 0; a < system.size(k); ++a)
        report.qre_max_deviation_from_uniform =
            std::max(report.qre_max_deviation_from_uniform,
                     std::abs(x[Eigen::Index(system.offset(k) + a)] - 1.0 / double(system.size(k))));
    report.qre_lambda = z[dim];
    return report.qre_max_deviation_from_uniform <= qre_tol;
  };
  SolveReport trace;
  try {
    tracer.trace(qre_max_lambda, record, trace);
    report.qre_note = trace.message;
  } catch (const std::runtime_error& error) {  // NotConverged: the branch could not be followed
    report.qre_note = error.what();
  }
  const bool reached = trace.converged;
  const bool left_uniform = report.qre_max_deviation_from_uniform > qre_tol;
  report.qre_computed = reached || left_uniform;
  report.qre_uniform = reached && !left_uniform;
  if (report.qre_computed) report.qre_note.clear();
}

/// log10(10^a + 10^b) without overflow.
double log10_add(double a, double b) {
  if (a == -HUGE_VAL) return b;
  const double high = std::max(a, b), low = std::min(a, b);
  return high + std::log10(1.0 + std::pow(10.0, low - high));
}

/// A count that may exceed double range: plain when small, 10^x otherwise.
std::string format_count(double value, double log10_value) {
  std::ostringstream out;
  if (log10_value < 15) out << std::llround(value);
  else out << "10^" << std::fixed << std::setprecision(1) << log10_value;
  return out.str();
}

void fill_stakes(InvarianceReport& report, double tol) {
  report.epsilon = *std::max_element(report.max_stakes.begin(), report.max_stakes.end());
  report.payoff_invariant = report.epsilon <= tol;
}

}  // namespace

InvarianceReport invariance_report(const NormalFormGame& game, double tol, double qre_tol, double qre_max_lambda) {
  const detail::SolverName name("invariance_report");
  if (!std::isfinite(tol) || tol < 0) detail::fail("invariance_report", "tol must be finite and >= 0, got ", tol);
  check_qre_options(qre_tol, qre_max_lambda);
  InvarianceReport report;
  report.max_stakes = max_stakes(game);
  fill_stakes(report, tol);
  report.strategic_share = strategic_share(game);
  report.num_profiles = double(game.num_profiles());
  report.log10_num_profiles = std::log10(report.num_profiles);
  const std::vector<std::size_t> equilibria = detail::pure_nash_indices(game, tol);
  report.num_pure_equilibria = double(equilibria.size());
  report.log10_num_pure_equilibria = std::log10(report.num_pure_equilibria);
  report.every_profile_is_equilibrium = equilibria.size() == game.num_profiles();
  for (std::size_t index : equilibria) {
    bool strict = true;  // every player's action is the unique best reply by more than tol
    const PureProfile profile = game.profile_at(index);
    const ActionPayoffs<double> values = action_payoffs(game, profile);
    for (std::size_t i = 0; strict && i < game.num_players(); ++i)
      for (std::size_t a = 0; strict && a < values[i].size(); ++a)
        strict = a == profile[i] || values[i][a] < values[i][profile[i]] - tol;
    report.num_strict_equilibria += strict;
  }
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    report.num_dominated_strict += dominated_actions(game, i, Dominance::strict, tol).size();
    report.num_dominated_weak += dominated_actions(game, i, Dominance::weak, tol).size();
    report.security_levels.push_back(security_levels(game, i));
  }
  report.equal_security_levels = std::all_of(report.security_levels.begin(), report.security_levels.end(),
                                             [&](const std::vector<double>& levels) { return all_equal(levels, tol); });
  fill_correlated(report, game, tol);
  fill_qre(report, detail::DenseLogitSystem(game), qre_tol, qre_max_lambda);
  fill_decomposition(report, game, tol);
  fill_efficiency(report, game, tol);
  return report;
}

InvarianceReport invariance_report(const SymmetricGame& game, double tol, double qre_tol, double qre_max_lambda) {
  const detail::SolverName name("invariance_report");  // every scan over count vectors below checks in under it
  if (!std::isfinite(tol) || tol < 0) detail::fail("invariance_report", "tol must be finite and >= 0, got ", tol);
  check_qre_options(qre_tol, qre_max_lambda);
  InvarianceReport report;
  report.max_stakes = {max_stake(game)};
  fill_stakes(report, tol);
  report.strategic_share = strategic_share(game);
  const std::size_t n = game.num_players(), s = game.num_actions();
  report.num_profiles = std::pow(double(s), double(n));
  report.log10_num_profiles = double(n) * std::log10(double(s));
  report.num_classes = CountVectors(s, n).size();
  // The report's tol is an absolute payoff; pure_nash's is relative to the payoff range.
  const PureNashOptions relative{tol == 0 ? 0.0 : tol / payoff_range(game)};
  pure_nash(
      game, relative,
      [&](const CountClass& equilibrium) {
        const Counts& counts = equilibrium.counts;
        ++report.num_equilibrium_classes;
        const double multiplicity = equilibrium.multiplicity_as_double();
        report.num_pure_equilibria += multiplicity;
        report.log10_num_pure_equilibria =
            log10_add(report.log10_num_pure_equilibria, equilibrium.log_multiplicity() / std::log(10.0));
        const std::vector<double> payoffs = class_payoffs(game, counts);
        bool strict = true;
        Counts others = counts;
        for (std::size_t a = 0; strict && a < s; ++a) {
          if (counts[a] == 0) continue;
          --others[a];
          for (std::size_t b = 0; strict && b < s; ++b) strict = b == a || game.payoff_at(b, others) < payoffs[a] - tol;
          ++others[a];
        }
        if (strict) report.num_strict_equilibria += multiplicity;
      });
  report.every_profile_is_equilibrium = report.num_equilibrium_classes == report.num_classes;
  report.num_dominated_strict = dominated_actions(game, Dominance::strict, tol).size();
  report.num_dominated_weak = dominated_actions(game, Dominance::weak, tol).size();
  report.security_levels = {security_levels(game)};
  report.equal_security_levels = all_equal(report.security_levels[0], tol);
  fill_correlated(report, game, tol);
  fill_qre(report, detail::SymmetricLogitSystem(game), qre_tol, qre_max_lambda);
  fill_decomposition(report, game, tol);
  fill_efficiency(report, game, tol);
  return report;
}

std::string describe(const InvarianceReport& r) {
  std::ostringstream out;
  out.precision(6);
  const auto yes = [](bool value) { return value ? "yes" : "no"; };
  out << "payoff-invariant: " << yes(r.payoff_invariant) << " (largest stake of one's own choice "
      << r.epsilon << ", strategic share " << r.strategic_share << ")\n";
  out << "every profile is an epsilon-equilibrium for epsilon = " << r.epsilon << '\n';
  out << "pure equilibria: " << format_count(r.num_pure_equilibria, r.log10_num_pure_equilibria) << " of "
      << format_count(r.num_profiles, r.log10_num_profiles) << " profiles";
  if (r.num_classes > 0) out << " (" << r.num_equilibrium_classes << " of " << r.num_classes << " count classes)";
  out << ", strict: " << r.num_strict_equilibria << '\n';
  out << "every profile an equilibrium: " << yes(r.every_profile_is_equilibrium) << '\n';
  out << "dominated actions: " << r.num_dominated_strict << " strictly, " << r.num_dominated_weak << " weakly\n";
  out << "equal security levels: " << yes(r.equal_security_levels) << '\n';
  out << "every distribution over profiles a correlated (and coarse correlated) equilibrium: "
      << yes(r.every_distribution_correlated) << " (largest incentive-constraint coefficient " << r.max_incentive_gain
      << ")\n";
  if (!r.qre_computed)
    out << "logit QRE: branch not followed (" << r.qre_note << ")\n";
  else if (r.qre_uniform)
    out << "logit QRE uniform for every lambda: yes (branch followed from lambda = 0 to " << r.qre_lambda
        << ", largest distance from uniform " << r.qre_max_deviation_from_uniform << ")\n";
  else
    out << "logit QRE uniform for every lambda: no (at lambda = " << r.qre_lambda << " the QRE is "
        << r.qre_max_deviation_from_uniform << " from uniform; followed no further)\n";
  if (r.decomposition_computed)
    out << "decomposition: potential part " << r.potential_norm << ", harmonic part " << r.harmonic_norm
        << " (rms); purely nonstrategic: " << yes(r.potential_norm <= 1e-9 && r.harmonic_norm <= 1e-9) << '\n';
  else
    out << "decomposition: not computed (the game is too large for its least-squares problem)\n";
  out << "exact potential game: " << yes(r.exact_potential) << '\n';
  if (r.efficiency_defined)
    out << "price of anarchy " << r.efficiency.price_of_anarchy << ", price of stability "
        << r.efficiency.price_of_stability << " (" << r.efficiency.convention << " convention)\n";
  else
    out << "prices of anarchy and stability undefined: " << r.efficiency_note << '\n';
  return out.str();
}

}  // namespace dilemma

// Expected payoffs, best responses, regret and the Nash test.
#include "bindings.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"

namespace dilemma::python {

namespace {

py::list to_python_lists(const ActionPayoffs<double>& values) {
  py::list result;
  for (const auto& v : values) result.append(py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data()));
  return result;
}

template <class Function>
auto visit_profile(const char* name, const NormalFormGame& game, const py::object& profile, Function&& f) {
  return std::visit(f, to_profile(name, game, profile));
}

}  // namespace

void bind_profiles(py::module_& m) {
  m.def(
      "action_payoffs",
      [](const NormalFormGame& g, const py::object& profile) {
        return to_python_lists(
            visit_profile("action_payoffs", g, profile, [&](const auto& p) { return action_payoffs(g, p); }));
      },
      py::arg("game"), py::arg("profile"), R"doc(
Payoff of each pure action of each player against the others' strategies:
a list with one array per player, entry ``a`` = u_i(a, x_{-i}). ``profile``
is a tuple of action indices or a tuple of probability vectors. Each
player's payoff tensor is read once.
)doc");
  m.def(
      "expected_payoffs",
      [](const NormalFormGame& g, const py::object& profile) {
        const auto values = visit_profile("expected_payoffs", g, profile, [&](const auto& p) {
          using P = std::decay_t<decltype(p)>;
          if constexpr (std::is_same_v<P, PureProfile>) return g.payoffs_at(p);
          else return expected_payoffs(g, p);
        });
        return py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data());
      },
      py::arg("game"), py::arg("profile"), "Expected payoff of every player under a profile.");
  m.def(
      "best_responses",
      [](const NormalFormGame& g, const py::object& profile, const py::object& player, double tol) {
        const std::size_t i = to_nonnegative("best_responses", "player", player);
        return visit_profile("best_responses", g, profile,
                             [&](const auto& p) { return best_responses(g, p, i, tol); });
      },
      py::arg("game"), py::arg("profile"), py::arg("player"), py::kw_only(), py::arg("tol") = 0.0,
      "Actions of ``player`` within ``tol`` of the best reply to the others' strategies in ``profile``.");
  m.def(
      "regrets",
      [](const NormalFormGame& g, const py::object& profile) {
        const auto values =
            visit_profile("regrets", g, profile, [&](const auto& p) { return regrets(g, p); });
        return py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data());
      },
      py::arg("game"), py::arg("profile"), "Each player's gain from the best unilateral deviation.");
  m.def(
      "regret",
      [](const NormalFormGame& g, const py::object& profile) {
        return visit_profile("regret", g, profile, [&](const auto& p) { return regret(g, p); });
      },
      py::arg("game"), py::arg("profile"), "The largest gain any player has from a unilateral deviation.");
  m.def(
      "is_nash",
      [](const NormalFormGame& g, const py::object& profile, double tol) {
        return visit_profile("is_nash", g, profile, [&](const auto& p) { return is_nash(g, p, tol); });
      },
      py::arg("game"), py::arg("profile"), py::kw_only(), py::arg("tol") = kNashTolerance, R"doc(
True when no player gains more than ``tol`` (default 1e-8) times
``payoff_range(game)`` by deviating unilaterally, the tolerance unit of
every solver. ``profile`` is a tuple of action indices (pure) or of
probability vectors (mixed); a vector summing to 1 within 1e-6 (as printed
with six decimals) is normalized.
)doc");
  m.def("payoff_range", [](const NormalFormGame& g) { return payoff_range(g); }, py::arg("game"), R"doc(
The unit of every tolerance: the largest range (highest minus lowest
payoff) of one player's payoffs, 1 for a constant game. A solver's ``tol``
bounds regrets by ``tol * payoff_range(game)``.

Examples
--------
>>> import dilemma
>>> dilemma.payoff_range(dilemma.prisoners_dilemma())
5.0
)doc");
  m.def(
      "to_mixed",
      [](const NormalFormGame& g, const py::object& profile) {
        return to_python(std::visit(
            [&](const auto& p) -> MixedProfile {
              using P = std::decay_t<decltype(p)>;
              if constexpr (std::is_same_v<P, PureProfile>) return to_mixed(g, p);
              else return p;
            },
            to_profile("to_mixed", g, profile)));
      },
      py::arg("game"), py::arg("profile"), "The profile as a tuple of probability vectors.");
  m.def(
      "uniform_profile", [](const NormalFormGame& g) { return to_python(uniform_profile(g)); },
      py::arg("game"), "Every player mixes uniformly over all actions.");
}

}  // namespace dilemma::python

// A first tour of dilemma from C++: build games, find their pure equilibria,
// check a mixed profile, eliminate dominated strategies.
#include <dilemma/dilemma.hpp>

#include <iostream>

int main() {
  using namespace dilemma;

  // The prisoner's dilemma: defection is strictly dominant.
  const NormalFormGame pd = prisoners_dilemma();
  const auto pd_equilibria = pure_nash(pd);
  std::cout << pd.title() << ": " << pd_equilibria.size() << " pure equilibrium "
            << detail::format_tuple(pd_equilibria.at(0)) << '\n';

  // Three arrested people; whatever each does, the sentence is the same (10).
  // Every one of the 27 profiles is then an equilibrium.
  const NormalFormGame same_fate = NormalFormGame::from_function(
      {3, 3, 3}, [](const PureProfile&) { return std::vector<double>(3, -10.0); });
  std::cout << "Payoff-invariant 3-player game: " << pure_nash(same_fate).size() << " of "
            << same_fate.num_profiles() << " profiles are pure equilibria\n";

  // Matching pennies has no pure equilibrium; uniform mixing is one.
  const NormalFormGame pennies = matching_pennies();
  std::cout << pennies.title() << ": " << pure_nash(pennies).size()
            << " pure equilibria; uniform mixing is Nash: " << std::boolalpha
            << is_nash(pennies, uniform_profile(pennies)) << '\n';

  const Elimination reduced = iterated_elimination(pd);
  std::cout << "Iterated elimination leaves actions " << detail::format_tuple(reduced.game.nums_actions())
            << " of the prisoner's dilemma after " << reduced.rounds << " round(s)\n";
  const bool as_expected = pd_equilibria.size() == 1 && pure_nash(same_fate).size() == 27 &&
                           pure_nash(pennies).empty() && reduced.game.num_profiles() == 1;
  return as_expected ? 0 : 1;
}

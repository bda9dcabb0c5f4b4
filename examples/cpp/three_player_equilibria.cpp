// All equilibria of a three-player game with enumerate_equilibria.
//
// Unanimity: three players choose left or right and each wins 1 when all
// three agree. Its equilibria are the two agreements and one in which
// everybody mixes 1/2-1/2 (a player is indifferent when the other two agree
// on left as often as on right: y_L z_L = y_R z_R for every player, whose
// only interior solution is all halves). Exits 1 on a wrong answer.
#include <dilemma/games/normal_form_game.hpp>
#include <dilemma/profiles/expected_payoffs.hpp>
#include <dilemma/solvers/equilibrium_enumeration.hpp>

#include <cmath>
#include <iostream>

int main() {
  using namespace dilemma;
  const NormalFormGame unanimity = NormalFormGame::from_function({2, 2, 2}, [](const PureProfile& a) {
    const double win = a[0] == a[1] && a[1] == a[2] ? 1.0 : 0.0;
    return std::vector<double>(3, win);
  });
  const EquilibriumEnumeration result = enumerate_equilibria(unanimity);

  std::size_t pure = 0, halves = 0;
  bool all_nash = true;
  for (const MixedProfile& x : result.equilibria) {
    std::cout << "equilibrium: P(left) = " << x[0][0] << ", " << x[1][0] << ", " << x[2][0]
              << "; regret " << regret(unanimity, x) << '\n';
    all_nash = all_nash && is_nash(unanimity, x);
    const bool agree = (x[0][0] == 1 && x[1][0] == 1 && x[2][0] == 1) ||
                       (x[0][0] == 0 && x[1][0] == 0 && x[2][0] == 0);
    pure += agree ? 1 : 0;
    bool half = true;
    for (const auto& strategy : x) half = half && std::abs(strategy[0] - 0.5) < 1e-9;
    halves += half ? 1 : 0;
  }
  std::cout << "complete: " << std::boolalpha << result.report.exhaustive << ", " << result.singular_supports.size()
            << " continua\n";
  const bool as_expected = result.equilibria.size() == 3 && pure == 2 && halves == 1 && all_nash &&
                           result.report.exhaustive && result.singular_supports.empty();
  std::cout << (as_expected ? "as expected" : "WRONG") << '\n';
  return as_expected ? 0 : 1;
}

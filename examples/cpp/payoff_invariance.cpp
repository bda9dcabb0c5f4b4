// The payoff-invariance argument of docs/model.md for 1000 prisoners, in C++.
//
// When the sentence is the same whatever one chooses ("invariant_purge"),
// no player can gain by deviating from any profile: all 3^1000 pure
// profiles are equilibria, so equilibrium analysis predicts nothing. Once
// naming earns leniency ("leniency_for_naming") the game is an n-person
// prisoner's dilemma with everybody naming as its only pure equilibrium.
// The game is symmetric, so it is solved over its C(1002, 2) = 501501 count
// classes, never over the 3^1000 profiles. Exits 1 on a wrong answer.
#include <dilemma/analysis/invariance.hpp>
#include <dilemma/core/combinatorics.hpp>
#include <dilemma/models/confession.hpp>
#include <dilemma/solvers/symmetric_pure_nash.hpp>

#include <iostream>

int main() {
  using namespace dilemma;
  constexpr std::size_t n = 1000;
  bool as_expected = true;
  const auto check = [&](bool condition, const char* claim) {
    std::cout << (condition ? "  ok: " : "  WRONG: ") << claim << '\n';
    as_expected = as_expected && condition;
  };

  const SymmetricGame purge = confession_game(n, "invariant_purge");
  const auto purge_equilibria = pure_nash(purge);
  std::cout << "invariant_purge, n = " << n << ": largest stake " << max_stake(purge) << ", "
            << purge_equilibria.size() << " equilibrium count classes\n";
  check(max_stake(purge) == 0, "no player's choice changes its own payoff");
  // The classes partition the profiles, so all 3^1000 profiles are equilibria.
  check(purge_equilibria.size() == CountVectors(3, n).size(), "every count class is an equilibrium");

  const ConfessionParameters lenient = confession_preset("leniency_for_naming").believed;
  const auto lenient_equilibria = pure_nash(confession_game(n, lenient));
  std::cout << "leniency_for_naming, n = " << n << ": " << lenient_equilibria.size()
            << " equilibrium count class(es)\n";
  check(lenient_equilibria.size() == 1 && lenient_equilibria[0].counts == Counts{0, 0, n},
        "everybody naming is the only pure equilibrium");
  check(is_n_person_prisoners_dilemma(lenient, n), "and everybody is worse off than if all denied");
  return as_expected ? 0 : 1;
}

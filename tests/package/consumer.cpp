// Built against an installed dilemma by tests/package/run_consumer.cmake.
#include <dilemma/dilemma.hpp>

#include <iostream>

int main() {
  const dilemma::NormalFormGame game = dilemma::prisoners_dilemma();
  const auto equilibria = dilemma::pure_nash(game);
  // The only equilibrium of the prisoner's dilemma is mutual defection.
  const bool ok = equilibria.size() == 1 && equilibria[0] == dilemma::PureProfile{1, 1};
  std::cout << "dilemma " << dilemma::version << ": " << equilibria.size()
            << " pure equilibrium, " << (ok ? "as expected" : "WRONG") << '\n';
  return ok ? 0 : 1;
}

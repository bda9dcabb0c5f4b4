// The umbrella header: every public header together in one translation unit
// (catches two headers defining the same detail helper).
#include <doctest/doctest.h>

#include <string>

#include "dilemma/dilemma.hpp"

TEST_CASE("dilemma.hpp: includes every public header without clashes") {
  const dilemma::NormalFormGame game = dilemma::battle_of_the_sexes();
  CHECK(dilemma::vertex_enumeration(game).equilibria.size() == 3);
  CHECK(dilemma::enumerate_equilibria(game).equilibria.size() == 3);
  CHECK(dilemma::pure_nash(dilemma::confession_game(10, "invariant_purge")).size() == 66);
  CHECK(std::string(dilemma::version).size() >= 5);
}

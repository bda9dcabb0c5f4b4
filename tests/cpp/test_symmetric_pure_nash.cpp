#include "dilemma/solvers/symmetric_pure_nash.hpp"

#include <set>

#include "dilemma/solvers/pure_nash.hpp"
#include "test_helpers.hpp"

using dilemma::CountClass;
using dilemma::Counts;
using dilemma::SymmetricGame;

TEST_CASE("pure_nash (symmetric): count classes equal the dense equilibria, with multiplicities") {
  std::uint64_t seed = 100;
  for (std::size_t n : {1, 2, 3, 4, 6})
    for (std::size_t s : {1, 2, 3})
      for (int trial = 0; trial < 8; ++trial) {
        const SymmetricGame game = dilemma::testing::random_symmetric_game(n, s, seed++);
        const dilemma::NormalFormGame dense = dilemma::to_normal_form(game);
        std::set<Counts> dense_classes;
        std::size_t dense_count = 0;
        for (const auto& profile : dilemma::pure_nash(dense)) {
          dense_classes.insert(dilemma::testing::counts_of(profile, s));
          ++dense_count;
        }
        const std::vector<CountClass> classes = dilemma::pure_nash(game);
        std::set<Counts> compact_classes;
        boost::multiprecision::cpp_int total = 0;
        for (const CountClass& c : classes) {
          compact_classes.insert(c.counts);
          total += c.multiplicity();
        }
        CHECK(compact_classes == dense_classes);
        CHECK(total == dense_count);
      }
}

TEST_CASE("pure_nash (symmetric): a constant game has every class as an equilibrium") {
  const SymmetricGame game(200, 3, [](std::size_t, const Counts&) { return -10.0; });
  const auto classes = dilemma::pure_nash(game);
  CHECK(classes.size() == 201 * 202 / 2);
  // The multiplicities add up to all 3^200 profiles.
  boost::multiprecision::cpp_int total = 0;
  for (const auto& c : classes) total += c.multiplicity();
  CHECK(total == boost::multiprecision::pow(boost::multiprecision::cpp_int(3), 200));
}

TEST_CASE("pure_nash (symmetric): n-person prisoner's dilemma has all-defect only") {
  // Two actions, cooperate (0) and defect (1): defecting gains 1, each other defector costs 3.
  const SymmetricGame game(10, 2, [](std::size_t a, const Counts& m) { return double(a) - 3.0 * double(m[1]); });
  const auto classes = dilemma::pure_nash(game);
  REQUIRE(classes.size() == 1);
  CHECK(classes[0].counts == Counts{0, 10});
  CHECK(classes[0].multiplicity() == 1);
  CHECK(dilemma::pure_nash(game, 1.0).size() == 11);  // with tol = gain, every class
}

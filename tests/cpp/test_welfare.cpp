#include "dilemma/analysis/welfare.hpp"

#include <set>

#include "dilemma/games/generators.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;
using dilemma::NormalFormGame;
using dilemma::SymmetricGame;

TEST_CASE("efficiency: the prisoner's dilemma's PoA in the welfare convention") {
  // Axelrod's payoffs: best welfare 6 (both cooperate), equilibrium welfare 2.
  const dilemma::Efficiency e = dilemma::efficiency(dilemma::prisoners_dilemma());
  CHECK(e.convention == "welfare");
  CHECK(e.best_welfare == 6);
  CHECK(e.worst_equilibrium_welfare == 2);
  CHECK(e.price_of_anarchy == doctest::Approx(3.0));
  CHECK(e.price_of_stability == doctest::Approx(3.0));
}

TEST_CASE("efficiency: cost convention, no equilibrium, and sign changes") {
  // Costs: payoffs -1 and -2 in a one-player game; the equilibrium is the optimum.
  CHECK(dilemma::efficiency(NormalFormGame({2}, {-1.0, -2.0})).price_of_anarchy == 1.0);
  const NormalFormGame coordination({2, 2}, {-1, -3, -3, -2, -1, -3, -3, -2});
  const auto e = dilemma::efficiency(coordination);
  CHECK(e.convention == "cost");
  CHECK(e.price_of_anarchy == doctest::Approx(2.0));  // worst equilibrium cost 4 over least cost 2
  CHECK(e.price_of_stability == 1.0);
  CHECK(dilemma::testing::error_message([] { dilemma::efficiency(dilemma::matching_pennies()); })
            .find("no pure equilibrium") != std::string::npos);
  CHECK(dilemma::testing::error_message([] { dilemma::efficiency(NormalFormGame({2}, {-1.0, 2.0})); })
            .find("welfare changes sign") != std::string::npos);
}

TEST_CASE("welfare, efficiency and Pareto sets: compact form equals dense form") {
  std::uint64_t seed = 31;
  for (std::size_t n : {2, 3, 5})
    for (std::size_t s : {2, 3})
      for (int trial = 0; trial < 5; ++trial) {
        const SymmetricGame game = dilemma::testing::random_symmetric_game(n, s, seed++, 1, 6);
        const NormalFormGame dense = dilemma::to_normal_form(game);
        dilemma::PureProfile profile(n, 0);
        do CHECK(dilemma::welfare(dense, profile) == dilemma::welfare(game, dilemma::testing::counts_of(profile, s)));
        while (dense.advance(profile));
        if (dilemma::pure_nash(game).empty()) {
          CHECK(dilemma::testing::error_message([&] { dilemma::efficiency(dense); }).find("no pure equilibrium") !=
                std::string::npos);
        } else {
          const auto compact_e = dilemma::efficiency(game), dense_e = dilemma::efficiency(dense);
          CHECK(compact_e.price_of_anarchy == doctest::Approx(dense_e.price_of_anarchy));
          CHECK(compact_e.price_of_stability == doctest::Approx(dense_e.price_of_stability));
          CHECK(compact_e.best_welfare == dense_e.best_welfare);
        }
        std::set<Counts> dense_efficient, compact_efficient;
        for (std::size_t index : dilemma::pareto_efficient_profiles(dense))
          dense_efficient.insert(dilemma::testing::counts_of(dense.profile_at(index), s));
        for (const auto& c : dilemma::pareto_efficient_classes(game)) compact_efficient.insert(c.counts);
        CHECK(compact_efficient == dense_efficient);
      }
}

TEST_CASE("pareto_efficient_profiles: the prisoner's dilemma") {
  // Every profile but mutual defection is efficient.
  CHECK(dilemma::pareto_efficient_profiles(dilemma::prisoners_dilemma()) == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("pareto_efficient_profiles: dominance hidden by rounded welfare sums is still found") {
  // Both welfare sums round to 1e16, yet profile 0 dominates profile 1.
  CHECK(dilemma::pareto_efficient_profiles(NormalFormGame({2, 1}, {1e16, 1e16, 1, 0})) == std::vector<std::size_t>{0});
}

TEST_CASE("pareto_efficient_classes: a payoff-invariant population is efficient everywhere, quickly") {
  const SymmetricGame game(400, 3, [](std::size_t, const Counts&) { return -10.0; });
  CHECK(dilemma::pareto_efficient_classes(game).size() == 401 * 402 / 2);
}

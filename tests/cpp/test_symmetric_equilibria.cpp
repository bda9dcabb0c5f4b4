#include "dilemma/solvers/symmetric_equilibria.hpp"

#include "dilemma/models/confession.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;
using dilemma::SymmetricGame;

namespace {

// Diekmann's (1985) volunteer's dilemma: action 0 volunteers at cost c; all
// get b if somebody volunteers. Symmetric equilibrium: nobody else volunteers
// with probability (c / b)^(1 / (n - 1)).
SymmetricGame volunteers_dilemma(std::size_t n, double b, double c) {
  return SymmetricGame(n, 2, [=](std::size_t a, const Counts& m) { return a == 0 ? b - c : (m[0] > 0 ? b : 0.0); });
}

}  // namespace

TEST_CASE("symmetric_equilibria: the volunteer's dilemma, from n = 2 to n = 10^6") {
  for (std::size_t n : {2, 3, 10, 50, 1000, 100000, 1000000}) {
    const SymmetricGame game = volunteers_dilemma(n, 4.0, 1.0);
    const auto result = dilemma::symmetric_equilibria(game);
    REQUIRE(result.equilibria.size() == 1);
    CHECK(result.report.exhaustive);
    const double p = 1.0 - std::pow(0.25, 1.0 / double(n - 1));
    CHECK(result.equilibria[0][0] == doctest::Approx(p).epsilon(1e-9));
    CHECK(dilemma::regret(game, result.equilibria[0]) <= 1e-9 * 4);
  }
}

TEST_CASE("symmetric_equilibria: two actions agree with the dense form") {
  std::uint64_t seed = 900;
  for (std::size_t n : {2, 3, 4, 6})
    for (int trial = 0; trial < 10; ++trial) {
      const SymmetricGame game = dilemma::testing::random_symmetric_game(n, 2, seed++, -5, 5);
      const auto result = dilemma::symmetric_equilibria(game);
      CHECK(result.report.exhaustive);
      const dilemma::NormalFormGame dense = dilemma::to_normal_form(game);
      for (const auto& x : result.equilibria) CHECK(dilemma::regret(dense, dilemma::MixedProfile(n, x)) <= 1e-8);
      // Every pure symmetric profile that is an equilibrium is found.
      for (std::size_t a = 0; a < 2; ++a)
        if (dilemma::is_nash(dense, dilemma::PureProfile(n, a), 0.0)) {
          bool listed = false;
          for (const auto& x : result.equilibria) listed = listed || x[a] == 1.0;
          CHECK(listed);
        }
      // The gain polynomial changes sign between consecutive roots only.
      const dilemma::detail::BernsteinRoots g(dilemma::detail::two_action_gains(game));
      std::size_t sign_changes = 0;
      double previous = g.g(1e-6);
      for (int k = 1; k <= 4000; ++k) {
        const double value = g.g(1e-6 + (1 - 2e-6) * k / 4000.0);
        if (value != 0 && previous != 0 && (value > 0) != (previous > 0)) ++sign_changes;
        if (value != 0) previous = value;
      }
      std::size_t interior = 0;
      for (const auto& x : result.equilibria) interior += x[0] > 0 && x[0] < 1;
      CHECK(interior >= sign_changes);
    }
}

TEST_CASE("symmetric_equilibria: rock-paper-scissors has the uniform equilibrium only") {
  // Standard zero-sum RPS for two players: win 1, lose -1, tie 0.
  const SymmetricGame game(2, 3, [](std::size_t a, const Counts& m) {
    const std::size_t other = m[0] ? 0 : m[1] ? 1 : 2;
    return a == other ? 0.0 : ((a + 3 - other) % 3 == 1 ? 1.0 : -1.0);
  });
  const auto result = dilemma::symmetric_equilibria(game);
  REQUIRE(result.equilibria.size() == 1);
  for (double p : result.equilibria[0]) CHECK(p == doctest::Approx(1.0 / 3));
  CHECK(result.singular_supports.empty());
}

TEST_CASE("symmetric_equilibria: three actions, every result verified on the dense form") {
  std::uint64_t seed = 77;
  for (std::size_t n : {2, 3, 4})
    for (int trial = 0; trial < 6; ++trial) {
      const SymmetricGame game = dilemma::testing::random_symmetric_game(n, 3, seed++, -9, 9);
      const auto result = dilemma::symmetric_equilibria(game);
      CHECK(result.report.num_iter == 7);
      const dilemma::NormalFormGame dense = dilemma::to_normal_form(game);
      for (const auto& x : result.equilibria) CHECK(dilemma::regret(dense, dilemma::MixedProfile(n, x)) <= 1e-7);
      for (std::size_t a = 0; a < 3; ++a)  // pure symmetric equilibria are never missed
        if (dilemma::is_nash(dense, dilemma::PureProfile(n, a), 0.0)) {
          bool listed = false;
          for (const auto& x : result.equilibria) listed = listed || x[a] == 1.0;
          CHECK(listed);
        }
    }
}

TEST_CASE("symmetric_equilibria: payoff-invariant games are one continuum") {
  for (std::size_t n : {2, 5, 40}) {
    const auto game = dilemma::confession_game(n, dilemma::confession_preset("invariant_purge_externality").believed);
    const auto result = dilemma::symmetric_equilibria(game);
    CHECK(result.report.exhaustive);
    CHECK(result.singular_supports.size() == 4);  // every support with two or more actions
    CHECK(result.equilibria.size() == 7);          // vertices, edge midpoints, barycenter as representatives
  }
  // Duplicated actions (deny and confess cost the same) give a continuum too.
  const auto ordered = dilemma::confession_game(8, dilemma::confession_preset("ordered_leniency").believed);
  const auto result = dilemma::symmetric_equilibria(ordered);
  CHECK_FALSE(result.singular_supports.empty());
  for (const auto& x : result.equilibria) CHECK(dilemma::regret(ordered, x) <= 1e-8);
}

TEST_CASE("symmetric_equilibria: bad options are named") {
  dilemma::SymmetricEquilibriumOptions options;
  options.tol = 0;
  CHECK(dilemma::testing::error_message([&] { dilemma::symmetric_equilibria(volunteers_dilemma(3, 2, 1), options); }) ==
        "symmetric_equilibria: tol must be finite and > 0, got 0");
}

TEST_CASE("symmetric_equilibria: max_iter = 0 leaves the search unconverged, and the message says why") {
  const SymmetricGame game = dilemma::testing::weighted_rock_paper_scissors();
  dilemma::SymmetricEquilibriumOptions capped_options;
  capped_options.max_iter = 0;
  const auto capped = dilemma::symmetric_equilibria(game, capped_options);
  dilemma::testing::check_cut_short(capped.report, "symmetric_equilibria", "max_iter = 0 cut");
  for (const auto& x : capped.equilibria) CHECK(dilemma::regret(game, x) <= 1e-9 * dilemma::payoff_range(game));
  const auto full = dilemma::symmetric_equilibria(game);
  CHECK(full.report.converged);
  CHECK_FALSE(full.report.exhaustive);  // Newton on a non-trivial support proves nothing
  CHECK(full.report.num_iter == 7);
  REQUIRE(full.equilibria.size() == 1);
  CHECK(full.equilibria[0][0] == doctest::Approx(1.0 / 3));
  CHECK(full.equilibria[0][1] == doctest::Approx(7.0 / 15));
  CHECK(dilemma::regret(game, full.equilibria[0]) <= 1e-9 * dilemma::payoff_range(game));
}

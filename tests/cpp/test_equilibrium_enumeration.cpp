#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "dilemma/games/generators.hpp"
#include "dilemma/solvers/equilibrium_enumeration.hpp"
#include "dilemma/solvers/logit_qre.hpp"
#include "dilemma/solvers/nash_components.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/solvers/vertex_enumeration.hpp"
#include "test_helpers.hpp"

using namespace dilemma;

namespace {

/// A game from its outcomes listed as Gambit's .nfg files do: player 1's
/// action varying fastest.
NormalFormGame from_outcomes(std::vector<std::size_t> nums, const std::vector<std::vector<double>>& outcomes) {
  return NormalFormGame::from_function(nums, [&](const PureProfile& profile) {
    std::size_t index = 0, stride = 1;
    for (std::size_t i = 0; i < profile.size(); ++i) index += profile[i] * stride, stride *= nums[i];
    return outcomes[index];
  });
}

double distance(const MixedProfile& a, const MixedProfile& b) {
  double d = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t k = 0; k < a[i].size(); ++k) d = std::max(d, std::abs(a[i][k] - b[i][k]));
  return d;
}

bool contains(const std::vector<MixedProfile>& set, const MixedProfile& x, double tol = 1e-6) {
  return std::any_of(set.begin(), set.end(), [&](const MixedProfile& y) { return distance(x, y) <= tol; });
}

double overall_range(const NormalFormGame& game) {  // over all players: at least dilemma::payoff_range
  const double* first = game.payoffs(0);
  const auto [low, high] = std::minmax_element(first, first + game.num_profiles() * game.num_players());
  return std::max(*high - *low, 1.0);
}

/// Every equilibrium and every singular example is verified by its regret.
void check_verified(const NormalFormGame& game, const EquilibriumEnumeration& result) {
  const double tol = EquilibriumEnumerationOptions().tol * overall_range(game);
  for (const MixedProfile& x : result.equilibria) CHECK(regret(game, x) <= tol);
  for (const SingularSupport& singular : result.singular_supports)
    if (singular.example) CHECK(regret(game, *singular.example) <= tol);
}

}  // namespace

TEST_CASE("enumerate_equilibria: the 2x2x2 game of McKelvey & McLennan has 9 equilibria, 2 totally mixed") {
  // McKelvey & McLennan (1996), as shipped with Gambit (contrib/games/2x2x2.nfg).
  const NormalFormGame game = from_outcomes({2, 2, 2}, {{9, 8, 12}, {0, 0, 0}, {0, 0, 0}, {9, 8, 2},
                                                        {0, 0, 0}, {3, 4, 6}, {3, 4, 6}, {0, 0, 0}});
  const EquilibriumEnumeration result = enumerate_equilibria(game);
  check_verified(game, result);
  CHECK(result.report.exhaustive);
  CHECK(result.singular_supports.empty());
  REQUIRE(result.equilibria.size() == 9);
  CHECK(contains(result.equilibria, {{0.5, 0.5}, {0.4, 0.6}, {0.25, 0.75}}));
  CHECK(contains(result.equilibria, {{0.4, 0.6}, {0.5, 0.5}, {1.0 / 3, 2.0 / 3}}));
  for (const PureProfile& pure : pure_nash(game)) {
    MixedProfile x{{0, 0}, {0, 0}, {0, 0}};
    for (std::size_t i = 0; i < 3; ++i) x[i][pure[i]] = 1;
    CHECK(contains(result.equilibria, x));
  }
}

TEST_CASE("enumerate_equilibria: a unique equilibrium in irrational strategies (Nau et al. 2004, section 4)") {
  const NormalFormGame game = from_outcomes({2, 2, 2}, {{3, 0, 2}, {0, 1, 0}, {0, 2, 0}, {1, 0, 0},
                                                        {1, 0, 0}, {0, 3, 0}, {0, 1, 0}, {2, 0, 3}});
  const EquilibriumEnumeration result = enumerate_equilibria(game);
  check_verified(game, result);
  CHECK(result.report.exhaustive);
  REQUIRE(result.equilibria.size() == 1);
  const MixedProfile& x = result.equilibria[0];
  CHECK(x[0][0] == doctest::Approx(0.619233).epsilon(1e-6));
  CHECK(x[1][0] == doctest::Approx(0.479804).epsilon(1e-6));
  CHECK(x[2][0] == doctest::Approx(0.378825).epsilon(1e-6));
  CHECK(regret(game, x) <= 1e-12);  // refined to machine precision, not a grid point
}

TEST_CASE("enumerate_equilibria: two-player games give vertex_enumeration's set (nondegenerate)") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const std::size_t m = 2 + seed % 4, n = 2 + (seed * 7) % 4;
    const NormalFormGame game = random_game({m, n}, seed);
    const EquilibriumEnumeration result = enumerate_equilibria(game);
    check_verified(game, result);
    CHECK(result.report.exhaustive);
    const auto extreme = vertex_enumeration(game);
    CHECK(result.equilibria.size() == extreme.size());
    for (const MixedProfile& x : extreme) CHECK(contains(result.equilibria, x));
  }
}

TEST_CASE("enumerate_equilibria: a degenerate two-player game is solved support by support, without boxes") {
  // Rows 0 and 2 are equal for the row player, as are rows 1 and 3: found by
  // the property tests, where the box search took 7.4 million boxes (40 s).
  const NormalFormGame game = NormalFormGame::from_function({4, 4}, [](const PureProfile& a) {
    const double A[4][4] = {{2, -1, -1, -2}, {0, 0, 0, 0}, {2, -1, -1, -2}, {0, 0, 0, 0}};
    const double B[4][4] = {{0, 0, 0, 0}, {0, 1, 3, 0}, {-1, -1, -2, -2}, {-3, -5, -5, 0}};
    return std::vector<double>{A[a[0]][a[1]], B[a[0]][a[1]]};
  });
  const EquilibriumEnumeration result = enumerate_equilibria(game);
  check_verified(game, result);
  CHECK(result.report.exhaustive);
  CHECK(result.boxes == 0);
  REQUIRE_FALSE(result.singular_supports.empty());
  for (const SingularSupport& singular : result.singular_supports) {
    REQUIRE(singular.example.has_value());
    for (std::size_t j = 0; j < 2; ++j)  // the example has exactly the support reported
      for (std::size_t a = 0; a < 4; ++a)
        CHECK(((*singular.example)[j][a] > 0) ==
              std::binary_search(singular.support[j].begin(), singular.support[j].end(), a));
  }
  // Every isolated equilibrium of the game (a singleton component) is listed.
  for (const auto& component : nash_components(game))
    if (component.is_singleton()) CHECK(contains(result.equilibria, component.equilibria.front()));
}

TEST_CASE("enumerate_equilibria: an unused action that pins a two-player support's solutions to a point") {
  // Support ({0}, {0, 1}): the column player is indifferent against row 0 (a
  // segment of strategies solves its equations), but rows 1 and 2 pay more
  // than row 0 unless the columns are mixed evenly: one isolated equilibrium.
  const double A[3][2] = {{0, 0}, {1, -1}, {-1, 1}}, B[3][2] = {{0, 0}, {1, 0}, {1, 0}};
  const NormalFormGame game = NormalFormGame::from_function({3, 2}, [&](const PureProfile& a) {
    return std::vector<double>{A[a[0]][a[1]], B[a[0]][a[1]]};
  });
  const EquilibriumEnumeration result = enumerate_equilibria(game);
  check_verified(game, result);
  CHECK(result.report.exhaustive);
  CHECK(contains(result.equilibria, {{1, 0, 0}, {0.5, 0.5}}));
  for (const SingularSupport& singular : result.singular_supports)
    CHECK(singular.support != SupportProfile{{0}, {0, 1}});
}

TEST_CASE("enumerate_equilibria: the same equilibria after shifting payoffs to 2^53 or scaling them to 1e300") {
  const NormalFormGame game = random_game({3, 3, 2}, 7);
  for (const auto& [offset, factor] : {std::pair{std::ldexp(1.0, 53), 1.0}, std::pair{0.0, 1e300}}) {
    std::vector<double> payoffs = game.payoff_data();
    for (double& u : payoffs) u = offset - std::round(10 * u) * factor;  // integers, so exact near 2^53
    const NormalFormGame moved(game.nums_actions(), payoffs);
    std::vector<double> unit_payoffs = payoffs;
    for (double& u : unit_payoffs) u = (u - offset) / factor;
    const EquilibriumEnumeration expected = enumerate_equilibria(NormalFormGame(game.nums_actions(), unit_payoffs));
    const EquilibriumEnumeration result = enumerate_equilibria(moved);
    CHECK(result.report.exhaustive);
    REQUIRE_FALSE(expected.equilibria.empty());
    CHECK(result.equilibria.size() == expected.equilibria.size());
    for (const MixedProfile& x : expected.equilibria) CHECK(contains(result.equilibria, x));
    check_verified(moved, result);
  }
}

TEST_CASE("enumerate_equilibria: random 3- and 4-player games; pure equilibria and the logit limit are found") {
  const std::vector<std::vector<std::size_t>> shapes = {{3, 3, 3}, {2, 3, 4}, {2, 2, 2, 2}, {4, 3, 2}};
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const NormalFormGame game = random_game(shapes[seed % shapes.size()], seed);
    const EquilibriumEnumeration result = enumerate_equilibria(game);
    check_verified(game, result);
    CHECK(result.report.exhaustive);
    CHECK(result.equilibria.size() % 2 == 1);  // generic games have an odd number (Wilson 1971)
    for (const PureProfile& pure : pure_nash(game)) {
      MixedProfile x(game.num_players());
      for (std::size_t i = 0; i < x.size(); ++i) x[i].assign(game.num_actions(i), 0.0), x[i][pure[i]] = 1;
      CHECK(contains(result.equilibria, x));
    }
    const auto logit = logit_qre(game);
    if (logit.report.converged) CHECK(contains(result.equilibria, logit.equilibrium, 1e-5));
  }
}

TEST_CASE("enumerate_equilibria: a constant game has only whole-face singular supports and pure points") {
  const NormalFormGame game = testing::constant_game({2, 2, 3}, 5.0);
  const EquilibriumEnumeration result = enumerate_equilibria(game);
  check_verified(game, result);
  CHECK(result.report.exhaustive);
  CHECK(result.equilibria.size() == 12);  // every pure profile
  // Every support with a mixing player is a face of equilibria.
  CHECK(result.singular_supports.size() == 3 * 3 * 7 - 12);
  for (const SingularSupport& singular : result.singular_supports) {
    CHECK(singular.whole_face);
    CHECK(singular.example.has_value());
  }
}

TEST_CASE("enumerate_equilibria: a continuum is reported as a singular support with an equilibrium in it") {
  // Players 1 and 2 play matching pennies whatever player 3 does; player 3
  // is indifferent: every (1/2, 1/2, 1/2, 1/2, z) is an equilibrium.
  const NormalFormGame game = NormalFormGame::from_function({2, 2, 2}, [](const PureProfile& a) {
    const double win = a[0] == a[1] ? 1.0 : -1.0;
    return std::vector<double>{win, -win, 0.0};
  });
  const EquilibriumEnumeration result = enumerate_equilibria(game);
  check_verified(game, result);
  bool full_support_reported = false;
  for (const SingularSupport& singular : result.singular_supports)
    if (singular.support == SupportProfile{{0, 1}, {0, 1}, {0, 1}}) {
      full_support_reported = true;
      REQUIRE(singular.example.has_value());
      CHECK((*singular.example)[0][0] == doctest::Approx(0.5));
      CHECK((*singular.example)[1][0] == doctest::Approx(0.5));
    }
  CHECK(full_support_reported);
  // Its ends, player 3 pure, are isolated roots of their supports.
  CHECK(contains(result.equilibria, {{0.5, 0.5}, {0.5, 0.5}, {1, 0}}));
  CHECK(contains(result.equilibria, {{0.5, 0.5}, {0.5, 0.5}, {0, 1}}));
}

TEST_CASE("enumerate_equilibria: dominated actions are pruned before any system is solved") {
  // Player 1's second action is strictly dominated: no support using it is solved.
  const NormalFormGame game = from_outcomes({2, 2, 2}, {{3, 1, 1}, {0, 2, 2}, {3, 2, 2}, {0, 1, 1},
                                                        {3, 0, 0}, {0, 1, 1}, {3, 1, 1}, {0, 0, 0}});
  const EquilibriumEnumeration result = enumerate_equilibria(game);
  check_verified(game, result);
  CHECK(result.supports_solved <= 9);  // 1 x 3 x 3 support profiles of the others at most
  for (const SupportProfile& support : result.supports)
    CHECK(support[0] == std::vector<std::size_t>{0});
}

TEST_CASE("enumerate_equilibria: the visitor sees each equilibrium as it is found") {
  const NormalFormGame game = random_game({3, 3, 2}, 42);
  std::vector<MixedProfile> seen;
  const EquilibriumEnumeration result =
      enumerate_equilibria(game, {}, [&](const MixedProfile& x) { seen.push_back(x); });
  CHECK(seen == result.equilibria);
}

TEST_CASE("enumerate_equilibria: bad options and oversized games are refused with the value named") {
  const NormalFormGame game = random_game({2, 2, 2}, 1);
  EquilibriumEnumerationOptions options;
  options.tol = std::nan("");
  CHECK(testing::error_message([&] { enumerate_equilibria(game, options); })
            .find("enumerate_equilibria: tol") != std::string::npos);
  options = {};
  options.min_width = 0;
  CHECK(testing::error_message([&] { enumerate_equilibria(game, options); }).find("min_width") !=
        std::string::npos);
  options = {};
  options.max_supports = std::nan("");
  CHECK(testing::error_message([&] { enumerate_equilibria(game, options); }).find("max_supports must be >= 1") !=
        std::string::npos);
  const NormalFormGame big = random_game({20, 20, 20}, 1);
  const std::string message = testing::error_message([&] { enumerate_equilibria(big); });
  CHECK(message.find("support profiles") != std::string::npos);
  CHECK(message.find("max_supports") != std::string::npos);
}

TEST_CASE("enumerate_equilibria: a box cap cuts the search short, and the report says so") {
  // A generic three-player game: its mixed supports need more than one box each.
  const NormalFormGame game = random_game({3, 3, 3}, 1);
  EquilibriumEnumerationOptions one_box;
  one_box.max_boxes = 1;
  testing::check_cut_short(enumerate_equilibria(game, one_box).report, "enumerate_equilibria", "max_boxes = 1");
  const EquilibriumEnumeration full = enumerate_equilibria(game);
  CHECK(full.report.converged);
  CHECK(full.report.exhaustive);
  CHECK(full.report.num_iter == full.boxes);
}

TEST_CASE("enumerate_equilibria: a symmetric game is solved in its dense form") {
  const SymmetricGame game = to_symmetric(coordination_game(3, 2));
  const EquilibriumEnumeration symmetric = enumerate_equilibria(game);
  const EquilibriumEnumeration dense = enumerate_equilibria(to_normal_form(game));
  CHECK(symmetric.equilibria.size() == dense.equilibria.size());
  CHECK(symmetric.report.exhaustive == dense.report.exhaustive);
}

#include "dilemma/solvers/symmetric_equilibria.hpp"

#include "dilemma/models/confession.hpp"
#include "dilemma/solvers/equilibrium_enumeration.hpp"
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

// A two-action game whose gain g(p) = U(0) - U(1) (p: others' probability of
// action 0) is the polynomial with power coefficients `power`: action 1 pays
// 0, action 0 the Bernstein coefficients c_k = sum_i C(k, i) / C(N, i) a_i.
SymmetricGame game_with_gain(std::size_t n, const std::vector<double>& power) {
  const std::size_t N = n - 1;
  REQUIRE(power.size() <= n);  // the gain has degree N at most
  std::vector<double> c(N + 1, 0.0);
  for (std::size_t k = 0; k <= N; ++k) {
    double ratio = 1;  // C(k, i) / C(N, i)
    for (std::size_t i = 0; i <= k && i < power.size(); ++i) {
      c[k] += ratio * power[i];
      ratio *= double(k - i) / double(N - i);
    }
  }
  return SymmetricGame(n, 2, [c](std::size_t a, const Counts& m) { return a == 0 ? c[m[0]] : 0.0; });
}

/// Power coefficients of scale * prod (p - r) over the roots r (repeated for multiplicity).
std::vector<double> with_roots(const std::vector<double>& roots, double scale = 1) {
  std::vector<double> power{scale};
  for (double r : roots) {
    std::vector<double> next(power.size() + 1, 0.0);
    for (std::size_t i = 0; i < power.size(); ++i) next[i + 1] += power[i], next[i] -= r * power[i];
    power = next;
  }
  return power;
}

/// Checks that the symmetric equilibria of a game with gain `power` are the
/// distinct roots `expected` (within `accuracy`) plus the pure profiles that
/// are equilibria, each once, each with regret within tol; returns the result.
dilemma::SymmetricEquilibria check_roots(std::size_t n, const std::vector<double>& power,
                                         const std::vector<double>& expected, double accuracy = 1e-6) {
  const SymmetricGame game = game_with_gain(n, power);
  const auto result = dilemma::symmetric_equilibria(game);
  const double tol = 1e-9 * dilemma::payoff_range(game);
  std::vector<double> interior;
  std::size_t pure = 0;
  for (const auto& x : result.equilibria) {
    CHECK(dilemma::regret(game, x) <= tol);
    if (x[0] == 0.0 || x[0] == 1.0)
      ++pure;
    else
      interior.push_back(x[0]);
  }
  double g0 = 0, g1 = 0;  // the gain at p = 0 and p = 1
  for (std::size_t i = 0; i < power.size(); ++i) g0 += i == 0 ? power[i] : 0.0, g1 += power[i];
  CHECK(pure == std::size_t(g0 <= 0) + std::size_t(g1 >= 0));
  std::string listed;
  for (double p : interior) listed += " " + std::to_string(p);
  INFO("n = ", n, ", interior equilibria:", listed, "; ", result.report.message);
  CHECK(interior.size() == expected.size());
  for (double r : expected) {
    bool found = false;
    for (double p : interior) found = found || std::abs(p - r) <= accuracy;
    CHECK_MESSAGE(found, "root ", r, " of multiplicity > 1 missed; n = ", n);
  }
  return result;
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

TEST_CASE("symmetric_equilibria: a root where the gain touches zero is found") {
  // (p - a)^2 keeps its sign: the old sign-change subdivision lost the root
  // at a (below rounding the coefficients stop changing sign) and still
  // claimed to be exhaustive.
  for (std::size_t n : {3, 4, 7, 20})
    for (double a : {0.3, 0.5, 0.25, 0.7, 0.123, 0.9}) {
      CAPTURE(a);
      CHECK(check_roots(n, with_roots({a, a}), {a}).report.exhaustive);
      CHECK(check_roots(n, with_roots({a, a}, -2.5), {a}).report.exhaustive);
    }
}

TEST_CASE("symmetric_equilibria: a touching root above degree 1500 is found, and proven by the extrema") {
  // Above degree 1500 roots were found on a grid by sign changes only.
  for (std::size_t n : {1600, 3000})
    for (double a : {0.3, 0.62}) {
      CHECK(check_roots(n, with_roots({a, a}), {a}).report.exhaustive);
      CHECK(check_roots(n, with_roots({a, a, 0.85}, -1), {a, 0.85}).report.exhaustive);
    }
}

TEST_CASE("symmetric_equilibria: a root that rounding keeps above tol makes the search not exhaustive") {
  // tol = 1e-17: the roots' regret is rounding, above tol; they were dropped
  // in silence and the search said exhaustive.
  const SymmetricGame game = game_with_gain(9, with_roots({0.3, 0.3, 0.7}));
  dilemma::SymmetricEquilibriumOptions options;
  options.tol = 1e-17;
  const auto result = dilemma::symmetric_equilibria(game, options);
  std::size_t interior = 0;
  for (const auto& x : result.equilibria) interior += x[0] > 0 && x[0] < 1;
  if (interior < 2) {
    CHECK_FALSE(result.report.exhaustive);
    CHECK(result.report.message.find("above tol") != std::string::npos);
  }
}

TEST_CASE("symmetric_equilibria: multiple roots mixed with simple ones are each found once") {
  for (std::size_t n : {6, 9, 30}) {  // N = n - 1 at least the degree
    CHECK(check_roots(n, with_roots({0.3, 0.3, 0.7}), {0.3, 0.7}).report.exhaustive);
    CHECK(check_roots(n, with_roots({0.6, 0.6, 0.2}, -1), {0.6, 0.2}).report.exhaustive);
    CHECK(check_roots(n, with_roots({0.35, 0.35, 0.8, 0.8}), {0.35, 0.8}).report.exhaustive);
    CHECK(check_roots(n, with_roots({0.1, 0.1, 0.45, 0.45, 0.9}), {0.1, 0.45, 0.9}).report.exhaustive);
  }
  // Odd multiplicity: the gain crosses zero; the root sits in a flat stretch
  // as wide as the cube root of rounding, reported once.
  for (std::size_t n : {5, 6, 12}) {
    check_roots(n, with_roots({0.3, 0.3, 0.3}), {0.3}, 1e-4);
    check_roots(n, with_roots({0.55, 0.55, 0.55, 0.2}), {0.55, 0.2}, 1e-4);
  }
  // A triple root of degree 3: the coefficients alternate in sign, the
  // subdivision narrowed to one sign change whose end values, evaluated
  // apart, agreed in sign at rounding level; the root was dropped.
  for (std::size_t n : {4, 5})
    for (double a : {0.3809417905735111, 0.07019921235273852, 0.5, 0.91})
      for (double scale : {-0.4823834899592303, 1.0, -0.051069100448013514}) {
        CAPTURE(a);
        CAPTURE(scale);
        check_roots(n, with_roots({a, a, a}, scale), {a}, 1e-4);
      }
  // Fourth order: found; exhaustive only if proven (not checked here).
  for (std::size_t n : {5, 8}) check_roots(n, with_roots({0.4, 0.4, 0.4, 0.4}), {0.4}, 1e-3);
}

TEST_CASE("symmetric_equilibria: a gain that vanishes identically is reported as one continuum") {
  for (std::size_t n : {2, 3, 9}) {
    const SymmetricGame game = game_with_gain(n, {0.0});
    const auto result = dilemma::symmetric_equilibria(game);
    REQUIRE(result.singular_supports.size() == 1);
    CHECK(result.singular_supports[0] == std::vector<std::size_t>{0, 1});
    CHECK(result.equilibria.size() == 3);  // both pure profiles and the continuum's representative
    CHECK(result.report.exhaustive);       // no isolated equilibrium besides the continuum
    CHECK(result.report.message.find("vanishes identically") != std::string::npos);
  }
}

TEST_CASE("symmetric_equilibria: tangent roots agree with the dense enumerator") {
  // Symmetric equilibria of enumerate_equilibria on the dense form, against
  // symmetric_equilibria, on games with tangencies and on random games.
  std::vector<SymmetricGame> games;
  for (double a : {0.3, 0.5, 0.8}) games.push_back(game_with_gain(3, with_roots({a, a})));
  games.push_back(game_with_gain(4, with_roots({0.3, 0.3, 0.6})));
  for (std::uint64_t seed = 500; seed < 512; ++seed)
    games.push_back(dilemma::testing::random_symmetric_game(2 + seed % 3, 2, seed, -4, 4));
  for (const auto& game : games) {
    const auto ours = dilemma::symmetric_equilibria(game);
    const auto dense = dilemma::enumerate_equilibria(game);
    const std::size_t n = game.num_players();
    for (const auto& x : ours.equilibria)
      CHECK(dilemma::regret(dilemma::to_normal_form(game), dilemma::MixedProfile(n, x)) <= 1e-8);
    for (const auto& profile : dense.equilibria) {
      bool symmetric = true;
      for (const auto& row : profile) symmetric = symmetric && std::abs(row[0] - profile[0][0]) < 1e-7;
      if (!symmetric) continue;
      bool found = false;
      for (const auto& x : ours.equilibria) found = found || std::abs(x[0] - profile[0][0]) < 1e-5;
      CHECK_MESSAGE(found, "symmetric equilibrium p = ", profile[0][0], " of the dense game missed");
    }
  }
}

TEST_CASE("symmetric_equilibria: a gain flat over most of a face is not taken for a continuum") {
  // Three actions, n = 61: action 1 against action 0 gains x0^59 (x0 - 0.97)
  // on the face {0, 1} (Bernstein coefficients 0.03 at m = (60, 0, 0),
  // -0.97 / 60 at (59, 1, 0)), below tol wherever x0 < 0.67, with a root at
  // x0 = 0.97 (an equilibrium: actions 0 and 2 always pay 0). Random points
  // alone took the face for one on which every point is indifferent, missed
  // (0.97, 0.03, 0) and reported the search exhaustive.
  const std::size_t n = 61, N = n - 1;
  const SymmetricGame game(n, 3, [=](std::size_t a, const Counts& m) {
    if (a != 1) return 0.0;
    if (m[0] == N) return 0.03;
    return m[0] == N - 1 && m[1] == 1 ? -0.97 / double(N) : 0.0;
  });
  for (std::uint64_t seed = 0; seed < 16; ++seed) {
    CAPTURE(seed);
    dilemma::SymmetricEquilibriumOptions options;
    options.random_state = seed;
    const auto result = dilemma::symmetric_equilibria(game, options);
    bool listed = false;
    for (const auto& x : result.equilibria) {
      CHECK(dilemma::regret(game, x) <= 1e-9 * dilemma::payoff_range(game));
      listed = listed || (std::abs(x[0] - 0.97) < 1e-6 && std::abs(x[2]) < 1e-9);
    }
    CHECK((listed || !result.report.exhaustive));
  }
}

#include "dilemma/profiles/symmetric_payoffs.hpp"

#include <cmath>

#include "dilemma/profiles/expected_payoffs.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;
using dilemma::SymmetricGame;

TEST_CASE("action_payoffs (symmetric): equal the dense expected payoffs under symmetric mixing") {
  std::uint64_t seed = 7;
  for (std::size_t n : {1, 2, 4, 5})
    for (std::size_t s : {2, 3}) {
      const SymmetricGame game = dilemma::testing::random_symmetric_game(n, s, seed++, -5, 5);
      const dilemma::NormalFormGame dense = dilemma::to_normal_form(game);
      std::mt19937_64 engine(seed);
      std::uniform_real_distribution<double> draw(0.1, 1.0);
      std::vector<double> x(s);
      double sum = 0;
      for (double& p : x) sum += p = draw(engine);
      for (double& p : x) p /= sum;
      const auto compact = dilemma::action_payoffs(game, x);
      const auto values = dilemma::action_payoffs(dense, dilemma::MixedProfile(n, x));
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t a = 0; a < s; ++a) CHECK(values[i][a] == doctest::Approx(compact[a]).epsilon(1e-12));
      CHECK(dilemma::regret(game, x) == doctest::Approx(dilemma::regret(dense, dilemma::MixedProfile(n, x))));
    }
}

TEST_CASE("action_payoffs (symmetric): stable for large n") {
  // u(a, m) = m[1] / (n - 1): the expected share of others on action 1 is x[1].
  const std::size_t n = 20000;
  const SymmetricGame game(n, 2, [&](std::size_t, const Counts& m) { return double(m[1]) / double(n - 1); });
  const auto values = dilemma::action_payoffs(game, {0.3, 0.7});
  CHECK(values[0] == doctest::Approx(0.7).epsilon(1e-9));
  CHECK(values[1] == doctest::Approx(0.7).epsilon(1e-9));
  // A pure strategy puts all weight on one count vector.
  CHECK(dilemma::action_payoffs(game, {0.0, 1.0})[0] == doctest::Approx(1.0));
}

TEST_CASE("is_nash (symmetric): hawk-dove's mixed equilibrium") {
  // Two players, hawk (0) and dove (1): V = 2, C = 4; hawk with probability V / C.
  const SymmetricGame game(2, 2, [](std::size_t a, const Counts& m) {
    const bool other_hawk = m[0] == 1;
    if (a == 0) return other_hawk ? (2.0 - 4.0) / 2 : 2.0;
    return other_hawk ? 0.0 : 1.0;
  });
  CHECK(dilemma::is_nash(game, {0.5, 0.5}, 1e-12));
  CHECK_FALSE(dilemma::is_nash(game, {0.4, 0.6}));
  CHECK(dilemma::testing::error_message([&] { dilemma::regret(game, {0.5, 0.6}); }) ==
        "regret: probabilities sum to 1.1, not 1");
  CHECK(dilemma::testing::error_message([&] { dilemma::regret(game, {1.0}); }) ==
        "regret: strategy has 1 probabilities, the game has 2 actions");
}

TEST_CASE("action_payoffs (symmetric): the likely count vectors carry all the mass") {
  // n = 1500, 3 actions: the exact sum over all 1.1 million count vectors of
  // the others, with log-space multinomial weights, against the pruned one.
  const std::size_t n = 1500, s = 3;
  const SymmetricGame game = dilemma::testing::random_symmetric_game(n, s, 11, -50, 50);
  for (const std::vector<double>& x : {std::vector<double>{0.2, 0.3, 0.5}, {0.001, 0.009, 0.99}, {0.0, 0.5, 0.5}}) {
    const std::vector<double> log_factorial = dilemma::detail::log_factorials(n - 1);
    std::vector<double> exact(s, 0.0);
    double mass = 0.0;
    game.for_each_payoff_row([&](const Counts& m, const std::vector<double>& u) {
      double log_weight = log_factorial[n - 1];
      for (std::size_t b = 0; b < s; ++b) {
        if (m[b] == 0) continue;
        if (x[b] == 0) return;
        log_weight += double(m[b]) * std::log(x[b]) - log_factorial[m[b]];
      }
      const double weight = std::exp(log_weight);
      mass += weight;
      for (std::size_t a = 0; a < s; ++a) exact[a] += weight * u[a];
    });
    CHECK(mass == doctest::Approx(1.0).epsilon(1e-10));  // log-space weights: about 1e-11 off
    const auto pruned = dilemma::action_payoffs(game, x);
    for (std::size_t a = 0; a < s; ++a) CHECK(pruned[a] == doctest::Approx(exact[a]).epsilon(1e-11));
  }
}

TEST_CASE("regret (symmetric): payoffs near 2^53 and near +-DBL_MAX") {
  // 2^53 - k: differences of a few units survive the weighted sums.
  const double top = std::ldexp(1.0, 53);
  const SymmetricGame near_top(4, 2, {top, top - 3, top - 1, top - 2, top - 2, top, top - 3, top - 1});
  const SymmetricGame shifted(4, 2, {0, -3, -1, -2, -2, 0, -3, -1});
  for (const double p : {0.2, 0.5, 0.7})
    CHECK(dilemma::regret(near_top, {p, 1 - p}) == doctest::Approx(dilemma::regret(shifted, {p, 1 - p})));
  // Differences of +-1.7e308 do not overflow into inf - inf = NaN.
  const double big = 1.7e308;
  const SymmetricGame extreme(3, 2, {-big, big, -big, big, -big, big});
  const double r = dilemma::regret(extreme, {0.5, 0.5});
  CHECK_FALSE(std::isnan(r));
  CHECK(r >= 0);
  const auto field = dilemma::action_payoffs(extreme, {0.5, 0.5});
  CHECK(std::isfinite(field[0]));
  CHECK(std::isfinite(field[1]));
}

TEST_CASE("is_nash (symmetric): a strategy summing to 1 within 1e-6 is normalized, tol is relative") {
  // Hawk-dove with V = 2, C = 4 (action 0 hawk): the symmetric equilibrium plays hawk with 1/2.
  const dilemma::SymmetricGame game(2, 2, [](std::size_t a, const dilemma::Counts& m) {
    return a == 0 ? -1.0 * double(m[0]) + 2.0 * double(m[1]) : 1.0 * double(m[1]);
  });
  CHECK(dilemma::regret(game, {0.5000004, 0.5}) <= 1e-6);  // normalized to (0.5000002, 0.4999998)
  CHECK(dilemma::testing::error_message([&] { dilemma::regret(game, {0.6, 0.5}); }) ==
        "regret: probabilities sum to 1.1, not 1");
  CHECK(dilemma::payoff_range(game) == 3);
  // At (0.6, 0.4): U = (0.2, 0.4), regret 0.4 - 0.28 = 0.12: within 0.05 * 3, not within 0.03 * 3.
  CHECK(dilemma::regret(game, {0.6, 0.4}) == doctest::Approx(0.12));
  CHECK(dilemma::is_nash(game, {0.6, 0.4}, 0.05));
  CHECK_FALSE(dilemma::is_nash(game, {0.6, 0.4}, 0.03));
}

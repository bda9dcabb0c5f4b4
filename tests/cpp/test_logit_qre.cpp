#include "dilemma/solvers/logit_qre.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "dilemma/games/generators.hpp"
#include "dilemma/models/confession.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"
#include "test_helpers.hpp"

using namespace dilemma;

namespace {

double logistic(double v) { return 1.0 / (1.0 + std::exp(-v)); }

/// A 2x2 game from its payoff pairs at (0,0), (0,1), (1,0), (1,1).
NormalFormGame two_by_two(const std::vector<std::vector<double>>& cells) {
  NormalFormGame game({2, 2});
  for (std::size_t k = 0; k < 4; ++k) game.set_payoffs({k / 2, k % 2}, cells[k]);
  return game;
}

void check_uniform(const std::vector<double>& x) {
  for (double p : x) CHECK(p == doctest::Approx(1.0 / double(x.size())).epsilon(1e-12));
}

}  // namespace

TEST_CASE("logit_qre: matching pennies is uniform for every lambda (McKelvey & Palfrey 1995)") {
  const NormalFormGame game = matching_pennies();
  for (double lambda : {0.0, 0.5, 3.0, 40.0})
    for (const auto& x : logit_qre_at(game, lambda).qre) check_uniform(x);
  const auto result = logit_qre(game);
  CHECK(result.report.converged);
  for (const auto& x : result.equilibrium) check_uniform(x);
}

TEST_CASE("logit_qre_at: closed form of a 2x2 game with a dominant row") {
  // Row: T pays 1, B pays 0 whatever column does, so P(T) = logistic(lambda).
  // Column: L pays 1 against T, R pays 2 against B, so
  // P(L) = logistic(lambda (p - 2 (1 - p))). Both follow from the logit
  // response x_a = exp(lambda U_a) / sum_b exp(lambda U_b).
  const NormalFormGame game = two_by_two({{1, 1}, {1, 0}, {0, 0}, {0, 2}});
  for (double lambda : {0.25, 1.0, 2.5, 7.0}) {
    const MixedProfile x = logit_qre_at(game, lambda).qre;
    const double p = logistic(lambda);
    CHECK(x[0][0] == doctest::Approx(p).epsilon(1e-10));
    CHECK(x[1][0] == doctest::Approx(logistic(lambda * (3 * p - 2))).epsilon(1e-10));
  }
  const auto result = logit_qre(game);
  CHECK(result.report.converged);
  CHECK(result.equilibrium == MixedProfile{{1, 0}, {1, 0}});
  CHECK(result.regret == 0);
  REQUIRE(result.branch.lambdas.size() == result.branch.profiles.size());
  CHECK(result.branch.lambdas.front() == 0);
  CHECK(result.branch.lambdas.back() == result.lam);
  // The column player first moves toward R (3p - 2 < 0 while p < 2/3), then to L.
  double lowest = 1;
  for (const auto& x : result.branch.profiles) lowest = std::min(lowest, x[1][0]);
  CHECK(lowest < 0.5);
}

TEST_CASE("logit_qre: the limit of a stag hunt is the risk-dominant equilibrium") {
  // Stag hunt (A, A) = 4, (A, B) = 0, (B, A) = 3, (B, B) = 3 for each player:
  // (A, A) is payoff dominant, (B, B) risk dominant (Harsanyi & Selten 1988;
  // deviation losses 1 versus 3). The logit branch selects the risk-dominant
  // equilibrium of 2x2 games with two strict equilibria (McKelvey & Palfrey
  // 1995; Turocy 2005, section 5).
  const NormalFormGame game = two_by_two({{4, 4}, {0, 3}, {3, 0}, {3, 3}});
  const auto result = logit_qre(game);
  CHECK(result.report.converged);
  CHECK(result.equilibrium == MixedProfile{{0, 1}, {0, 1}});
  CHECK(is_nash(game, result.equilibrium));
}

TEST_CASE("logit_qre: invariant confession presets are uniform for every lambda (docs/model.md: theorem, item 4)") {
  for (std::size_t n : {2u, 4u, 30u}) {
    const SymmetricGame game = confession_game(n, "invariant_purge");
    for (double lambda : {0.0, 1.0, 25.0}) check_uniform(logit_qre_at(game, lambda).qre);
    const auto result = logit_qre(game);
    CHECK(result.report.converged);
    check_uniform(result.equilibrium);
    if (n <= 4) {
      const NormalFormGame dense = to_normal_form(game);
      for (const auto& x : logit_qre_at(dense, 5.0).qre) check_uniform(x);
      for (const auto& x : logit_qre(dense).equilibrium) check_uniform(x);
    }
  }
  const SymmetricGame externality = confession_game(5, "invariant_purge_externality");
  check_uniform(logit_qre_at(externality, 10.0).qre);
}

TEST_CASE("logit_qre: dense and symmetric versions agree on a small symmetric game") {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const SymmetricGame game = testing::random_symmetric_game(3, 3, seed, 0, 9);
    const NormalFormGame dense = to_normal_form(game);
    for (double lambda : {0.3, 1.5}) {
      const std::vector<double> x = logit_qre_at(game, lambda).qre;
      for (const auto& y : logit_qre_at(dense, lambda).qre)
        for (std::size_t a = 0; a < 3; ++a) CHECK(y[a] == doctest::Approx(x[a]).epsilon(1e-7));
    }
    const auto symmetric = logit_qre(game);
    CHECK(symmetric.report.converged);
    CHECK(regret(game, symmetric.equilibrium) <= 1e-7);
    const auto full = logit_qre(dense);
    CHECK(full.report.converged);
    CHECK(regret(dense, full.equilibrium) <= 1e-7);
  }
}

TEST_CASE("logit_qre: random n-player games reach a verified equilibrium") {
  for (std::uint64_t seed = 0; seed < 6; ++seed) {
    const NormalFormGame game = random_game({3, 3, 2, 3}, seed, 0, 99, true);
    const auto result = logit_qre(game);
    CHECK(result.report.converged);
    CHECK(regret(game, result.equilibrium) == doctest::Approx(result.regret).epsilon(1e-9));
    CHECK(result.regret <= 1e-8 * 99);
    for (double lambda : result.branch.lambdas) CHECK(std::isfinite(lambda));
  }
}

TEST_CASE("logit_qre: bad input names the function and the value") {
  const NormalFormGame game = matching_pennies();
  CHECK(testing::error_message([&] { logit_qre_at(game, -1.0); }) ==
        "logit_qre_at: lam must be finite and >= 0, got -1");
  CHECK(testing::error_message([&] { logit_qre_at(game, std::nan("")); }).find("logit_qre_at: lam") == 0);
  LogitQreOptions options;
  options.max_lambda = std::numeric_limits<double>::infinity();
  CHECK(testing::error_message([&] { logit_qre(game, options); }) ==
        "logit_qre: max_lambda must be finite and > 0, got inf");
  options = {};
  options.max_accel = 1.0;
  CHECK(testing::error_message([&] { logit_qre(game, options); }).find("max_accel") != std::string::npos);
  options = {};
  options.max_iter = 2;
  NormalFormGame coordination = coordination_game(3, 3);
  coordination.set_payoff(0, {0, 0, 0}, 2.0);
  // The step cap ends the run unconverged, the report saying why.
  const auto capped = logit_qre(coordination, options);
  CHECK_FALSE(capped.report.converged);
  CHECK(capped.report.num_iter == 2);
  CHECK(capped.report.method == "logit_qre");
  CHECK(capped.report.message.find("max_iter = 2") == 0);
  CHECK_FALSE(logit_qre(coordination).report.exhaustive);
}

TEST_CASE("logit_qre_at: a step cap before lam is reported, not thrown") {
  const NormalFormGame game = dilemma::random_game({3, 3}, 11);
  LogitQreOptions options;
  options.max_iter = 1;
  const auto point = logit_qre_at(game, 50.0, options);
  CHECK_FALSE(point.report.converged);
  CHECK(point.qre.empty());
  CHECK(point.report.method == "logit_qre_at");
  CHECK(point.report.message.find("could not follow the branch to lam = 50") == 0);
  const auto reached = logit_qre_at(game, 0.5);
  CHECK(reached.report.converged);
  CHECK(reached.lam == 0.5);
  CHECK(reached.qre.size() == 2);
}

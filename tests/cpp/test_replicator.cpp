#include "dilemma/analysis/replicator.hpp"

#include "dilemma/models/confession.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;
using dilemma::SymmetricGame;

TEST_CASE("replicator_field: identically zero in payoff-invariant games (docs/model.md: theorem)") {
  const auto game = dilemma::confession_game(30, dilemma::confession_preset("invariant_purge_externality").believed);
  std::mt19937_64 engine(1);
  std::gamma_distribution<double> gamma(1.0, 1.0);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> x(3);
    double sum = 0;
    for (double& p : x) sum += p = gamma(engine);
    for (double& p : x) p /= sum;
    for (double v : dilemma::replicator_field(game, x)) CHECK(std::abs(v) <= 1e-12);
    const auto trajectory = dilemma::replicator_trajectory(game, x, 10.0);
    for (std::size_t a = 0; a < 3; ++a) CHECK(trajectory.states.back()[a] == doctest::Approx(x[a]).epsilon(1e-12));
  }
  const auto rest = dilemma::replicator_rest_points(game);
  CHECK(rest.singular_supports.size() == 4);
  for (const auto& point : rest.points) CHECK(point.stability == "neutral");
}

TEST_CASE("replicator dynamics: the n-person prisoner's dilemma converges to all naming") {
  const auto game = dilemma::confession_game(10, dilemma::confession_preset("leniency_for_naming").believed);
  const auto trajectory = dilemma::replicator_trajectory(game, {0.6, 0.3, 0.1}, 20.0);
  CHECK(trajectory.states.back()[dilemma::name] > 0.999);
  CHECK(trajectory.times.back() == doctest::Approx(20.0));
  const auto rest = dilemma::replicator_rest_points(game);
  std::size_t stable = 0;
  for (const auto& point : rest.points)
    if (point.stability == "asymptotically stable") {
      ++stable;
      CHECK(point.state[dilemma::name] == doctest::Approx(1.0));
      CHECK(point.is_equilibrium);
    }
  CHECK(stable == 1);
}

TEST_CASE("replicator rest points: hawk-dove's interior point is stable, the vertices unstable") {
  // Maynard Smith: V = 2, C = 4; hawks with share V / C = 1/2 at rest.
  const SymmetricGame game(2, 2, [](std::size_t a, const Counts& m) {
    const bool other_hawk = m[0] == 1;
    return a == 0 ? (other_hawk ? -1.0 : 2.0) : (other_hawk ? 0.0 : 1.0);
  });
  const auto rest = dilemma::replicator_rest_points(game);
  REQUIRE(rest.points.size() == 3);
  for (const auto& point : rest.points) {
    if (point.state[0] > 0 && point.state[0] < 1) {
      CHECK(point.state[0] == doctest::Approx(0.5));
      CHECK(point.stability == "asymptotically stable");
    } else {
      CHECK(point.stability == "unstable");
    }
  }
  CHECK(dilemma::testing::error_message([&] { dilemma::replicator_trajectory(game, {0.5, 0.5}, -1.0); }) ==
        "replicator_trajectory: t_end must be finite and > 0, got -1");
}

TEST_CASE("classify_rest_point: the verdict does not depend on the payoffs' unit") {
  // Hawk-dove in units of 1e-9 and 1e6: eigenvalues scale with the payoffs,
  // so an absolute threshold would call the stable point "neutral" in the
  // first and read rounding as stability in the second.
  for (const double unit : {1e-9, 1.0, 1e6}) {
    const SymmetricGame hawk_dove(2, 2, [unit](std::size_t a, const Counts& m) {
      const bool other_hawk = m[0] == 1;
      return unit * (a == 0 ? (other_hawk ? -1.0 : 2.0) : (other_hawk ? 0.0 : 1.0));
    });
    CHECK(dilemma::classify_rest_point(hawk_dove, {0.5, 0.5}).stability == "asymptotically stable");
    CHECK(dilemma::classify_rest_point(hawk_dove, {1.0, 0.0}).stability == "unstable");
    // Actions 0 and 1 pay the same, action 2 less: the edge x_2 = 0 is a
    // continuum of rest points, neutral along it.
    const SymmetricGame twins(3, 3, [unit](std::size_t a, const Counts& m) {
      const double base = 3.0 * double(m[0]) + 1.7 * double(m[1]) - 2.3 * double(m[2]);
      return unit * (a == 2 ? base - 5.0 : base);
    });
    for (const double p : {0.5, 0.2, 0.9})
      CHECK(dilemma::classify_rest_point(twins, {p, 1 - p, 0.0}).stability == "neutral");
  }
}

TEST_CASE("replicator_rest_points: max_iter = 0 leaves the search unconverged; with it the interior rest point is found") {
  const SymmetricGame game = dilemma::testing::weighted_rock_paper_scissors();
  dilemma::SymmetricEquilibriumOptions capped_options;
  capped_options.max_iter = 0;
  const auto capped = dilemma::replicator_rest_points(game, capped_options);
  dilemma::testing::check_cut_short(capped.report, "replicator_rest_points", "max_iter = 0 cut");
  const auto full = dilemma::replicator_rest_points(game);
  CHECK(full.report.converged);
  CHECK(full.points.size() == 4);  // three vertices and the interior point
  for (const auto& point : full.points)
    if (point.is_equilibrium) CHECK(dilemma::regret(game, point.state) <= 1e-9 * dilemma::payoff_range(game));
}

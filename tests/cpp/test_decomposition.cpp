#include "dilemma/analysis/decomposition.hpp"

#include "dilemma/analysis/invariance.hpp"
#include "dilemma/games/generators.hpp"
#include "dilemma/models/confession.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;
using dilemma::NormalFormGame;
using dilemma::SymmetricGame;

namespace {

double max_difference(const std::vector<double>& x, const std::vector<double>& y) {
  double largest = 0;
  for (std::size_t k = 0; k < x.size(); ++k) largest = std::max(largest, std::abs(x[k] - y[k]));
  return largest;
}

NormalFormGame bimatrix(std::vector<double> row, std::vector<double> column, std::size_t m, std::size_t k) {
  std::vector<double> payoffs = std::move(row);
  payoffs.insert(payoffs.end(), column.begin(), column.end());
  return NormalFormGame({m, k}, std::move(payoffs));
}

}  // namespace

TEST_CASE("decompose: the parts add up, and each part is what its name says") {
  for (std::uint64_t seed : {1, 2, 3}) {
    const NormalFormGame game = dilemma::random_game({3, 2, 4}, seed, -5, 5, true);
    const auto d = dilemma::decompose(game);
    std::vector<double> sum = d.nonstrategic.payoff_data();
    for (std::size_t k = 0; k < sum.size(); ++k) sum[k] += d.potential.payoff_data()[k] + d.harmonic.payoff_data()[k];
    CHECK(max_difference(sum, game.payoff_data()) < 1e-9);
    // Nonstrategic: own actions change nothing.
    for (double stake : dilemma::max_stakes(d.nonstrategic)) CHECK(stake < 1e-9);
    // The potential part has the exact potential phi; the harmonic part none.
    const auto phi = dilemma::potential_function(d.potential);
    REQUIRE(phi.has_value());
    CHECK_FALSE(dilemma::is_potential_game(game));
    CHECK_FALSE(dilemma::is_potential_game(d.harmonic));
    // Decomposing a part again gives the part back (the projections are idempotent).
    const auto again = dilemma::decompose(d.harmonic);
    CHECK(again.norms.potential < 1e-9);
    CHECK(again.norms.nonstrategic < 1e-9);
    CHECK(dilemma::decompose(d.potential).norms.harmonic < 1e-9);
    CHECK(d.norms.potentialness() > 0);
    CHECK(d.norms.potentialness() < 1);
    CHECK(d.num_iter <= 2 * 3 + 2);  // distinct eigenvalue sums of {3, 2, 4}: 7, plus rounding
  }
}

TEST_CASE("decompose: matching pennies is harmonic, a coordination game is a potential game") {
  // Candogan et al. (2011), section 4: matching pennies is a harmonic game.
  const auto pennies = dilemma::decompose(bimatrix({1, -1, -1, 1}, {-1, 1, 1, -1}, 2, 2));
  CHECK(pennies.norms.potential < 1e-12);
  CHECK(pennies.norms.harmonic == doctest::Approx(1.0));
  CHECK(pennies.norms.potentialness() < 1e-12);
  // A coordination game with a common payoff is its own potential (Monderer & Shapley 1996).
  const NormalFormGame coordination = bimatrix({2, 0, 0, 1}, {2, 0, 0, 1}, 2, 2);
  const auto d = dilemma::decompose(coordination);
  CHECK(d.norms.harmonic < 1e-12);
  CHECK(d.norms.potentialness() == doctest::Approx(1.0));
  const auto phi = dilemma::potential_function(coordination);
  REQUIRE(phi.has_value());
  CHECK(*phi == std::vector<double>{0, -2, -2, -1});  // the common payoff minus u(0, 0)
  // The decomposition's phi is the same up to a constant.
  for (std::size_t k = 0; k < 4; ++k) CHECK(d.potential_function[k] - d.potential_function[0] == doctest::Approx((*phi)[k]));
  // A prisoner's dilemma is a potential game too.
  CHECK(dilemma::is_potential_game(bimatrix({3, 0, 5, 1}, {3, 5, 0, 1}, 2, 2)));
}

TEST_CASE("decompose: a term depending only on the others' actions changes only the nonstrategic part") {
  const NormalFormGame game = dilemma::random_game({3, 3, 2}, 9, 0, 9, true);
  std::vector<double> payoffs = game.payoff_data();
  // Player i gains 7 * (sum of the others' action indices).
  for (std::size_t k = 0; k < game.num_profiles(); ++k) {
    const auto profile = game.profile_at(k);
    for (std::size_t i = 0; i < 3; ++i) {
      double others = 0;
      for (std::size_t j = 0; j < 3; ++j) others += j == i ? 0 : double(profile[j]);
      payoffs[i * game.num_profiles() + k] += 7 * others;
    }
  }
  const auto before = dilemma::decompose(game), after = dilemma::decompose(NormalFormGame(game.nums_actions(), payoffs));
  CHECK(max_difference(before.potential.payoff_data(), after.potential.payoff_data()) < 1e-9);
  CHECK(max_difference(before.harmonic.payoff_data(), after.harmonic.payoff_data()) < 1e-9);
  CHECK(max_difference(before.nonstrategic.payoff_data(), after.nonstrategic.payoff_data()) > 1);
}

TEST_CASE("decompose: the invariant confession presets are purely nonstrategic (docs/model.md: theorem, item 8)") {
  for (const char* preset : {"invariant_purge", "invariant_purge_externality"}) {
    const SymmetricGame game = dilemma::confession_game(5, preset);
    const auto compact = dilemma::decompose(game);
    CHECK(compact.norms.potential < 1e-12);
    CHECK(compact.norms.harmonic < 1e-12);
    CHECK(compact.norms.nonstrategic == doctest::Approx(compact.norms.game));
    const auto dense = dilemma::decompose(dilemma::to_normal_form(game));
    CHECK(dense.norms.potential < 1e-12);
    CHECK(dense.norms.harmonic < 1e-12);
    CHECK(dilemma::is_potential_game(game));  // with a constant potential
  }
  // A strategic preset is not: naming pays, and its decomposition says how.
  const auto lenient = dilemma::decompose(dilemma::confession_game(5, "leniency_for_naming"));
  CHECK(lenient.norms.potential > 0.1);
  CHECK(lenient.norms.harmonic < 1e-9);  // separable costs: an exact potential game
}

TEST_CASE("decompose (symmetric): count form equals the dense decomposition") {
  for (const auto& [n, s] : {std::pair<std::size_t, std::size_t>{4, 3}, {5, 2}, {3, 4}}) {
    const SymmetricGame game = dilemma::testing::random_symmetric_game(n, s, 40 + n, -9, 9);
    const NormalFormGame dense_game = dilemma::to_normal_form(game);
    const auto compact = dilemma::decompose(game);
    const auto dense = dilemma::decompose(dense_game);
    CHECK(compact.norms.game == doctest::Approx(dense.norms.game));
    CHECK(compact.norms.potential == doctest::Approx(dense.norms.potential));
    CHECK(compact.norms.harmonic == doctest::Approx(dense.norms.harmonic));
    const NormalFormGame potential = dilemma::to_normal_form(compact.potential);
    const NormalFormGame harmonic = dilemma::to_normal_form(compact.harmonic);
    CHECK(max_difference(potential.payoff_data(), dense.potential.payoff_data()) < 1e-9);
    CHECK(max_difference(harmonic.payoff_data(), dense.harmonic.payoff_data()) < 1e-9);
    // psi(class of p) = phi(p): both have mean 0 over profiles.
    const dilemma::CountVectors classes(s, n);
    for (std::size_t k = 0; k < dense_game.num_profiles(); ++k)
      CHECK(compact.potential_function[classes.rank(dilemma::testing::counts_of(dense_game.profile_at(k), s))] ==
            doctest::Approx(dense.potential_function[k]).epsilon(1e-9));
  }
}

TEST_CASE("potential_function (symmetric): two actions have Phi(k) = sum_{j<k} d_j (docs/model.md: Formulas)") {
  const std::size_t n = 300;
  const SymmetricGame game = dilemma::testing::random_symmetric_game(n, 2, 5, -20, 20);
  const auto psi = dilemma::potential_function(game);
  REQUIRE(psi.has_value());
  // Classes (k, n - k) in rank order k = 0..n; Phi relative to k = 0.
  double phi = 0;
  for (std::size_t k = 0; k <= n; ++k) {
    CHECK((*psi)[k] - (*psi)[0] == doctest::Approx(phi));
    if (k < n) phi += game.payoff(0, Counts{k, n - 1 - k}) - game.payoff(1, Counts{k, n - 1 - k});
  }
  // Three actions at random have no potential; the dense form agrees.
  const SymmetricGame three = dilemma::testing::random_symmetric_game(4, 3, 6, -20, 20);
  CHECK_FALSE(dilemma::is_potential_game(three));
  CHECK_FALSE(dilemma::is_potential_game(dilemma::to_normal_form(three)));
  // Its potential part has one, matching the dense potential up to a constant.
  const auto part = dilemma::decompose(three).potential;
  const auto psi_part = dilemma::potential_function(part);
  const auto phi_part = dilemma::potential_function(dilemma::to_normal_form(part));
  REQUIRE(psi_part.has_value());
  REQUIRE(phi_part.has_value());
  const NormalFormGame dense = dilemma::to_normal_form(part);
  const dilemma::CountVectors classes(3, 4);
  const double offset = (*psi_part)[classes.rank(dilemma::testing::counts_of(dense.profile_at(0), 3))];
  for (std::size_t k = 0; k < dense.num_profiles(); ++k)
    CHECK((*psi_part)[classes.rank(dilemma::testing::counts_of(dense.profile_at(k), 3))] - offset ==
          doctest::Approx((*phi_part)[k]));
}

TEST_CASE("decompose: bad options and sizes are named") {
  const NormalFormGame game = dilemma::random_game({2, 2}, 1, 0, 3, true);
  CHECK(dilemma::testing::error_message([&] { dilemma::decompose(game, 0.0); }) ==
        "decompose: tol must be in (0, 1), got 0");
  CHECK(dilemma::testing::error_message([&] { dilemma::decompose(game, 1e-12, 0); }) ==
        "decompose: max_iter must be >= 1, got 0");
  CHECK(dilemma::testing::error_message([&] { dilemma::potential_function(game, -1.0); }) ==
        "potential_function: tol must be finite and >= 0, got -1");
  const SymmetricGame large = dilemma::confession_game(2000, "leniency_for_naming");
  CHECK(dilemma::testing::error_message([&] { dilemma::decompose(large); }).find("decompose: n = 2000 is too large") == 0);
  // The exact-potential test has no such limit.
  CHECK(dilemma::is_potential_game(large));
}

TEST_CASE("decompose and strategic_share: payoffs of 1e300 and 1e-300 give the unit game's sizes, scaled") {
  // The sums of squares would overflow (1e600) or underflow (1e-600) if taken
  // on the payoffs themselves; the work is done in an exact power-of-two unit.
  const NormalFormGame unit = dilemma::random_game({3, 2, 2}, 11);
  for (const double factor : {1e300, 1e-300}) {
    std::vector<double> payoffs = unit.payoff_data();
    for (double& u : payoffs) u *= factor;
    const NormalFormGame scaled(unit.nums_actions(), payoffs);
    const auto expected = dilemma::decompose(unit).norms, got = dilemma::decompose(scaled).norms;
    CHECK(got.game / factor == doctest::Approx(expected.game));
    CHECK(got.potential / factor == doctest::Approx(expected.potential));
    CHECK(got.harmonic / factor == doctest::Approx(expected.harmonic));
    CHECK(got.potentialness() == doctest::Approx(expected.potentialness()));
    CHECK(dilemma::strategic_share(scaled) == doctest::Approx(dilemma::strategic_share(unit)));
    const SymmetricGame symmetric(3, 2, {factor * 1, factor * -2, factor * 3, factor * 0.5, factor * 4, factor * -1});
    const SymmetricGame symmetric_unit(3, 2, {1, -2, 3, 0.5, 4, -1});
    CHECK(dilemma::decompose(symmetric).norms.potentialness() ==
          doctest::Approx(dilemma::decompose(symmetric_unit).norms.potentialness()));
    CHECK(dilemma::decompose(symmetric).norms.harmonic / factor ==
          doctest::Approx(dilemma::decompose(symmetric_unit).norms.harmonic));
    CHECK(dilemma::strategic_share(symmetric) == doctest::Approx(dilemma::strategic_share(symmetric_unit)));
  }
}

#include "dilemma/profiles/heterogeneous_payoffs.hpp"

#include "dilemma/models/confession.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"
#include "test_helpers.hpp"

using dilemma::SymmetricGame;

namespace {

dilemma::HeterogeneousProfile random_profile(std::size_t n, std::size_t s, std::uint64_t seed) {
  std::mt19937_64 engine(seed);
  std::gamma_distribution<double> gamma(1.0, 1.0);
  dilemma::HeterogeneousProfile profile(n, std::vector<double>(s));
  for (auto& x : profile) {
    double sum = 0;
    for (double& p : x) sum += p = gamma(engine);
    for (double& p : x) p /= sum;
  }
  return profile;
}

}  // namespace

TEST_CASE("action_payoffs (heterogeneous): equal the dense computation") {
  std::uint64_t seed = 5;
  for (std::size_t n : {1, 2, 3, 5})
    for (std::size_t s : {2, 3}) {
      const SymmetricGame game = dilemma::testing::random_symmetric_game(n, s, seed, -3, 3);
      const auto profile = random_profile(n, s, seed++);
      const auto compact = dilemma::action_payoffs(game, profile);
      const auto dense = dilemma::action_payoffs(dilemma::to_normal_form(game), dilemma::MixedProfile(profile));
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t a = 0; a < s; ++a) CHECK(compact[i][a] == doctest::Approx(dense[i][a]).epsilon(1e-12));
    }
}

TEST_CASE("action_payoffs (heterogeneous): the same strategy for all equals symmetric mixing") {
  const auto game = dilemma::confession_game(60, dilemma::confession_preset("ordered_leniency").believed);
  const std::vector<double> x{0.2, 0.3, 0.5};
  const auto values = dilemma::action_payoffs(game, dilemma::HeterogeneousProfile(60, x));
  const auto symmetric = dilemma::action_payoffs(game, x);
  for (const auto& player : values)
    for (std::size_t a = 0; a < 3; ++a) CHECK(player[a] == doctest::Approx(symmetric[a]).epsilon(1e-10));
}

TEST_CASE("is_nash (heterogeneous): every profile of a payoff-invariant game, none other") {
  const auto invariant = dilemma::confession_game(20, dilemma::confession_preset("invariant_purge_externality").believed);
  for (std::uint64_t seed = 0; seed < 5; ++seed) CHECK(dilemma::is_nash(invariant, random_profile(20, 3, seed), 1e-9));
  const auto lenient = dilemma::confession_game(20, dilemma::confession_preset("leniency_for_naming").believed);
  const auto profile = random_profile(20, 3, 9);
  CHECK_FALSE(dilemma::is_nash(lenient, profile));
  CHECK(dilemma::best_responses(lenient, profile, 4) == std::vector<std::size_t>{dilemma::name});
  CHECK(dilemma::testing::error_message([&] { dilemma::regrets(lenient, random_profile(3, 3, 1)); }) ==
        "action_payoffs: profile has 3 strategies, the game has 20 players");
}

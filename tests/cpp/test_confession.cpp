#include "dilemma/models/confession.hpp"

#include "dilemma/analysis/dominance.hpp"
#include "dilemma/analysis/invariance.hpp"
#include "dilemma/analysis/welfare.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/solvers/symmetric_pure_nash.hpp"
#include "test_helpers.hpp"

using dilemma::ConfessionParameters;
using dilemma::Counts;
using dilemma::testing::error_message;

namespace {

ConfessionParameters preset(const std::string& name) { return dilemma::confession_preset(name).believed; }

}  // namespace

TEST_CASE("confession_game: the cost formula of docs/model.md") {
  ConfessionParameters p;
  p.base = 10, p.sentence = {1, 2, 3}, p.torture = {4, 5, 6}, p.leniency = 2, p.named_cost = 0.5,
  p.confession_cost = 0.25, p.sucker_cost = 3;
  const auto game = dilemma::confession_game(6, p);
  const Counts m{1, 2, 2};  // others: 1 deny, 2 confess, 2 name
  CHECK(game.payoff(dilemma::deny, m) == -(10 + 1 + 4 + 0.5 * 2 + 0.25 * 4 + 3 * 2));
  CHECK(game.payoff(dilemma::confess, m) == -(10 + 2 + 5 + 0.5 * 2 + 0.25 * 4));
  CHECK(game.payoff(dilemma::name, m) == -(10 + 3 + 6 - 2 + 0.5 * 2 + 0.25 * 4));
  CHECK(game.action_labels() == std::vector<std::string>{"deny", "confess", "name"});
}

TEST_CASE("leniency_share: the expected place in a random queue of namers") {
  ConfessionParameters p;
  p.leniency_tiers = {1.0, 0.4, 0.25, 0.1};
  CHECK(p.leniency_share(0) == 1.0);
  CHECK(p.leniency_share(1) == doctest::Approx(0.7));
  CHECK(p.leniency_share(5) == doctest::Approx((1 + 0.4 + 0.25 + 0.1 * 3) / 6));  // last tier repeats
  CHECK_FALSE(p.is_separable());
}

TEST_CASE("presets: the results of the presets table of docs/model.md, n = 5") {
  const std::size_t n = 5;
  SUBCASE("invariant_purge: every profile an equilibrium, PoA = PoS = 1") {
    const auto r = dilemma::invariance_report(dilemma::confession_game(n, preset("invariant_purge")));
    CHECK(r.payoff_invariant);
    CHECK(r.num_pure_equilibria == 243);
    CHECK(r.num_strict_equilibria == 0);
    CHECK(r.num_dominated_weak == 0);
    CHECK(r.equal_security_levels);
    CHECK(r.efficiency.price_of_anarchy == 1.0);
  }
  SUBCASE("invariant_purge_externality: all equilibria, PoA = (S + eta(n-1)) / S") {
    const auto game = dilemma::confession_game(n, preset("invariant_purge_externality"));
    const auto r = dilemma::invariance_report(game);
    CHECK(r.every_profile_is_equilibrium);
    CHECK(r.efficiency.price_of_anarchy == doctest::Approx((10.0 + 1.0 * 4) / 10.0));
    // All-N is the worst outcome for everyone; the efficient classes are those where nobody names.
    const auto efficient = dilemma::pareto_efficient_classes(game);
    CHECK(efficient.size() == n + 1);
    for (const auto& c : efficient) CHECK(c.counts[dilemma::name] == 0);
    CHECK(dilemma::welfare(game, {0, 0, n}) == doctest::Approx(r.efficiency.worst_welfare));
  }
  SUBCASE("classic_pd: Tucker's years and a unique all-name equilibrium") {
    const auto game = dilemma::confession_game(2, preset("classic_pd"));
    CHECK(-game.payoff(dilemma::deny, {1, 0, 0}) == 1);   // R
    CHECK(-game.payoff(dilemma::name, {1, 0, 0}) == 0);   // T
    CHECK(-game.payoff(dilemma::name, {0, 0, 1}) == 5);   // P
    CHECK(-game.payoff(dilemma::deny, {0, 0, 1}) == 10);  // S
    const auto classes = dilemma::pure_nash(game);
    REQUIRE(classes.size() == 1);
    CHECK(classes[0].counts == Counts{0, 0, 2});
  }
  SUBCASE("leniency_for_naming: N strictly dominant, all-N Pareto-inferior to all-D") {
    const auto p = preset("leniency_for_naming");
    const auto game = dilemma::confession_game(n, p);
    CHECK(dilemma::dominated_actions(game) == std::vector<std::size_t>{dilemma::deny, dilemma::confess});
    const auto classes = dilemma::pure_nash(game);
    REQUIRE(classes.size() == 1);
    CHECK(classes[0].counts == Counts{0, 0, n});
    CHECK(dilemma::welfare(game, {0, 0, n}) < dilemma::welfare(game, {n, 0, 0}));
    CHECK(dilemma::is_n_person_prisoners_dilemma(p, n));
    CHECK(dilemma::schelling_minimum_coalition(p) == 4);  // floor(2 / 1) + 2
  }
  SUBCASE("yezhov_method: N dominant; a dilemma iff (eta + kappa)(n - 1) > T") {
    const auto p = preset("yezhov_method");
    CHECK(dilemma::dominated_actions(dilemma::confession_game(n, p)).size() == 2);
    CHECK(dilemma::is_n_person_prisoners_dilemma(p, 5));       // 4 > 3
    CHECK_FALSE(dilemma::is_n_person_prisoners_dilemma(p, 4)); // 3 > 3 fails
  }
  SUBCASE("torture_confession_only: D strictly dominated, every C/N profile an equilibrium") {
    const auto game = dilemma::confession_game(n, preset("torture_confession_only"));
    CHECK(dilemma::dominated_actions(game) == std::vector<std::size_t>{dilemma::deny});
    const auto classes = dilemma::pure_nash(game);
    CHECK(classes.size() == n + 1);
    for (const auto& c : classes) CHECK(c.counts[dilemma::deny] == 0);
  }
  SUBCASE("ordered_leniency: not separable; the gain from naming falls with the number of namers") {
    const auto p = preset("ordered_leniency");
    const auto game = dilemma::confession_game(n, p);
    CHECK_FALSE(p.is_separable());
    double previous = HUGE_VAL;
    for (std::size_t k = 0; k < n; ++k) {
      const Counts m{n - 1 - k, 0, k};
      const double gain = game.payoff(dilemma::name, m) - game.payoff(dilemma::deny, m);
      CHECK(gain < previous);
      previous = gain;
    }
    CHECK(error_message([&] { dilemma::naming_gain(p); }).find("separable games only") != std::string::npos);
  }
}

TEST_CASE("closed forms agree with computed equilibria across n and parameters") {
  for (double leniency : {0.0, 0.5, 2.0, 7.0})
    for (double torture_deny : {0.0, 1.5})
      for (double eta : {0.0, 0.4, 1.0})
        for (std::size_t n : {2, 3, 5, 9}) {
          ConfessionParameters p;
          p.leniency = leniency, p.torture = {torture_deny, torture_deny, 0}, p.named_cost = eta,
          p.sentence = {0.0, 0.3, 0.0};
          const auto game = dilemma::confession_game(n, p);
          const double g = dilemma::naming_gain(p);
          CHECK(dilemma::dominates(game, dilemma::name, dilemma::deny) == (g > 0));
          CHECK(dilemma::dominates(game, dilemma::confess, dilemma::deny) == (dilemma::confession_gain(p) > 0));
          const bool worse = dilemma::welfare(game, {0, 0, n}) < dilemma::welfare(game, {n, 0, 0});
          CHECK(dilemma::all_naming_worse_than_all_denying(p, n) == worse);
          if (g > 0) {
            const auto classes = dilemma::pure_nash(game);
            REQUIRE(classes.size() == 1);
            CHECK(classes[0].counts == Counts{0, 0, n});
            CHECK(dilemma::is_n_person_prisoners_dilemma(p, n) == worse);
            const auto e = dilemma::efficiency(game);
            CHECK(e.price_of_anarchy == doctest::Approx(dilemma::price_of_anarchy_closed_form(p, n)));
          }
          if (g > 0 && eta > 0) {
            // Schelling: k* deniers are better off than all naming; k* - 1 are not.
            const std::size_t k = dilemma::schelling_minimum_coalition(p);
            const auto denier_cost = [&](std::size_t deniers) {
              return -game.payoff(dilemma::deny, {deniers - 1, 0, n - deniers});
            };
            const double all_name_cost = -game.payoff(dilemma::name, {0, 0, n - 1});
            if (k <= n) CHECK(denier_cost(k) < all_name_cost);
            if (k - 1 >= 1 && k - 1 <= n) CHECK(denier_cost(k - 1) >= all_name_cost);
          }
        }
}

TEST_CASE("confession parameters: invalid values and names are rejected") {
  ConfessionParameters p;
  p.named_cost = std::nan("");
  CHECK(error_message([&] { dilemma::confession_game(5, p); }) ==
        "confession_game: parameter named_cost is nan; it must be finite");
  p = ConfessionParameters{};
  p.leniency_tiers = {1.0, 2.0};
  CHECK(error_message([&] { dilemma::confession_game(5, p); }).find("non-increasing") != std::string::npos);
  CHECK(error_message([&] { dilemma::confession_game(0, ConfessionParameters{}); }) ==
        "confession_game: the number of players must be >= 1, got 0");
  CHECK(error_message([] { dilemma::confession_preset("nope"); }).find("confession_preset: unknown preset 'nope'; the presets are invariant_purge,") == 0);
  CHECK(dilemma::confession_preset_names().size() == 8);
  CHECK(dilemma::confession_game(3, "hoped_leniency", true).payoff(dilemma::name, {0, 0, 2}) == -(10.0 + 2));
  CHECK(dilemma::confession_game(3, "hoped_leniency").payoff(dilemma::name, {0, 0, 2}) == -(10.0 + 2 - 2));
}

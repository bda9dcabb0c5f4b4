#include "dilemma/models/confession.hpp"

#include <cmath>
#include <sstream>

namespace dilemma {

namespace {

void check_finite(const char* function, const char* parameter, double value) {
  if (!std::isfinite(value)) detail::fail(function, "parameter ", parameter, " is ", value, "; it must be finite");
}

void require_separable(const char* function, const ConfessionParameters& p) {
  if (!p.is_separable())
    detail::fail(function, "the closed form holds for separable games only (flat leniency, sucker_cost = 0); "
                 "got sucker_cost=", p.sucker_cost, " and ", p.leniency_tiers.size(), " leniency tiers");
}

}  // namespace

void ConfessionParameters::validate(const char* function) const {
  check_finite(function, "base", base);
  for (double v : sentence) check_finite(function, "sentence", v);
  for (double v : torture) check_finite(function, "torture", v);
  check_finite(function, "leniency", leniency);
  check_finite(function, "named_cost", named_cost);
  check_finite(function, "confession_cost", confession_cost);
  check_finite(function, "sucker_cost", sucker_cost);
  for (std::size_t r = 0; r < leniency_tiers.size(); ++r) {
    check_finite(function, "leniency_tiers", leniency_tiers[r]);
    if (leniency_tiers[r] < 0)
      detail::fail(function, "leniency_tiers[", r, "] is ", leniency_tiers[r], "; tiers must be >= 0");
    if (r > 0 && leniency_tiers[r] > leniency_tiers[r - 1])
      detail::fail(function, "leniency_tiers must be non-increasing, but tier ", r, " (", leniency_tiers[r],
                   ") exceeds tier ", r - 1, " (", leniency_tiers[r - 1], ")");
  }
  if (!leniency_tiers.empty() && leniency_tiers[0] <= 0)
    detail::fail(function, "leniency_tiers[0] is ", leniency_tiers[0], "; the first tier must be > 0");
}

std::vector<std::string> confession_preset_names() {
  return {"invariant_purge",      "invariant_purge_externality", "classic_pd",     "leniency_for_naming",
          "yezhov_method",        "torture_confession_only",     "hoped_leniency", "ordered_leniency"};
}

ConfessionPreset confession_preset(const std::string& preset) {
  ConfessionParameters p;  // S = 10, everything else 0
  std::string description;
  ConfessionParameters real;
  bool same = true;
  if (preset == "invariant_purge") {
    description = "the punishment is the same whatever one chooses";
  } else if (preset == "invariant_purge_externality") {
    p.named_cost = 1.0;
    description = "as invariant_purge, but each namer adds to everyone's cost (eta = 1)";
  } else if (preset == "classic_pd") {
    p.base = 1.0;
    p.leniency = 1.0;  // sigma_N - l = -1
    p.named_cost = 5.0;
    p.sucker_cost = 4.0;
    description = "Tucker's prisoner's dilemma in years: R = 1, T = 0, P = 5, S = 10 (n = 2)";
  } else if (preset == "leniency_for_naming") {
    p.leniency = 2.0;
    p.named_cost = 1.0;
    description = "naming earns leniency l = 2; each namer costs the others eta = 1";
  } else if (preset == "yezhov_method") {
    p.torture = {3.0, 3.0, 0.0};
    p.named_cost = 1.0;
    description = "torture (T = 3) stops only when names are given; eta = 1";
  } else if (preset == "torture_confession_only") {
    p.torture = {3.0, 0.0, 0.0};
    description = "torture (T = 3) stops on any confession";
  } else if (preset == "hoped_leniency") {
    p.leniency = 2.0;
    p.named_cost = 1.0;
    real = p;
    real.leniency = 0.0;
    same = false;
    description = "players believe naming earns leniency l = 2; in reality l = 0 (eta = 1)";
  } else if (preset == "ordered_leniency") {
    p.leniency = 4.0;
    p.leniency_tiers = {1.0, 0.4, 0.25, 0.1};
    p.sentence = {0.0, 0.0, 2.0};
    p.named_cost = 1.0;
    description = "leniency by place in the queue of namers, F = 4 x (1, .4, .25, .1, .1, ...) "
                  "(EU 2006 leniency notice shape); naming itself costs sigma_N = 2; eta = 1";
  } else {
    std::ostringstream names;
    for (const auto& known : confession_preset_names()) names << (names.tellp() ? ", " : "") << known;
    detail::fail("confession_preset", "unknown preset '", preset, "'; the presets are ", names.str());
  }
  return ConfessionPreset{preset, description, p, same ? p : real};
}

SymmetricGame confession_game(std::size_t num_players, const ConfessionParameters& parameters) {
  parameters.validate("confession_game");
  if (num_players == 0) detail::fail("confession_game", "the number of players must be >= 1, got 0");
  SymmetricGame game(num_players, 3, ConfessionPayoff{parameters}, /*thread_safe=*/true);
  game.set_action_labels({"deny", "confess", "name"});
  game.set_title("Confession dilemma, n = " + std::to_string(num_players));
  return game;
}

SymmetricGame confession_game(std::size_t num_players, const std::string& preset, bool real) {
  const ConfessionPreset chosen = confession_preset(preset);
  return confession_game(num_players, real ? chosen.real : chosen.believed);
}

double naming_gain(const ConfessionParameters& p) {
  require_separable("naming_gain", p);
  return p.leniency - (p.sentence[name] - p.sentence[deny]) - (p.torture[name] - p.torture[deny]);
}

double confession_gain(const ConfessionParameters& p) {
  require_separable("confession_gain", p);
  return (p.sentence[deny] + p.torture[deny]) - (p.sentence[confess] + p.torture[confess]);
}

namespace {

void require_players(const char* function, std::size_t n) {
  if (n == 0) detail::fail(function, "the number of players must be >= 1, got 0");
}

}  // namespace

bool all_naming_worse_than_all_denying(const ConfessionParameters& p, std::size_t n) {
  require_players("all_naming_worse_than_all_denying", n);
  return (p.named_cost + p.confession_cost) * double(n - 1) > naming_gain(p);
}

bool is_n_person_prisoners_dilemma(const ConfessionParameters& p, std::size_t n) {
  require_players("is_n_person_prisoners_dilemma", n);
  return naming_gain(p) > 0 && all_naming_worse_than_all_denying(p, n);
}

std::size_t schelling_minimum_coalition(const ConfessionParameters& p) {
  const double g = naming_gain(p), externality = p.named_cost + p.confession_cost;
  if (externality <= 0)
    detail::fail("schelling_minimum_coalition", "eta + kappa is ", externality,
                 "; with no externality no coalition of deniers gains");
  if (g <= 0)
    detail::fail("schelling_minimum_coalition", "the naming gain g is ", g,
                 "; without a private gain from naming there is no dilemma to escape");
  return static_cast<std::size_t>(std::floor(g / externality)) + 2;
}

std::array<double, 3> per_capita_costs(const ConfessionParameters& p, std::size_t n) {
  require_players("per_capita_costs", n);
  require_separable("per_capita_costs", p);
  const double others = double(n - 1);
  return {p.base + p.sentence[deny] + p.torture[deny],
          p.base + p.sentence[confess] + p.torture[confess] + p.confession_cost * others,
          p.base + p.sentence[name] + p.torture[name] - p.leniency +
              (p.named_cost + p.confession_cost) * others};
}

double price_of_anarchy_closed_form(const ConfessionParameters& p, std::size_t n) {
  const std::array<double, 3> costs = per_capita_costs(p, n);
  const double best = std::min({costs[0], costs[1], costs[2]});
  if (best <= 0)
    detail::fail("price_of_anarchy_closed_form", "needs positive costs, the lowest per-capita cost is ", best);
  return costs[name] / best;
}

}  // namespace dilemma

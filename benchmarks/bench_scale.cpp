// Anonymous games at scale (issue 4): pure equilibria of the 3-action
// confession game with an inlined payoff at n = 10^4 (and 10^5 with
// --large), symmetric mixed equilibria of a 2-action game at n = 10^6,
// expected payoffs under symmetric mixing at n = 10^4, and the dense form
// against the compact one at n = 10. One JSON object per line.
//   bench_scale [--large]
#include <dilemma/dilemma.hpp>

#include <cstdio>
#include <cstring>
#include <thread>

#include "timing.hpp"

namespace {

// threads = 0: one per hardware thread.
void pure_equilibria(std::size_t n, const char* preset, int repeats, std::size_t threads) {
  const dilemma::ConfessionPayoff payoff{dilemma::confession_preset(preset).believed};
  std::size_t found = 0;
  const double seconds = median_seconds(repeats, [&] {
    found = 0;
    // The scan itself, with the thread count chosen here (pure_nash picks it from the game).
    dilemma::detail::for_each_pure_nash(n, 3, payoff, [&](const dilemma::Counts&) { ++found; }, 0.0, threads);
  });
  std::printf("{\"benchmark\": \"pure equilibria, %s, inlined payoff\", \"n\": %zu, \"classes\": %zu, "
              "\"threads\": %u, \"found\": %zu, \"seconds\": %.6g}\n",
              preset, n, dilemma::CountVectors(3, n).size(),
              threads == 0 ? std::thread::hardware_concurrency() : unsigned(threads), found, seconds);
}

}  // namespace

int main(int argc, char** argv) {
  const bool large = argc > 1 && std::strcmp(argv[1], "--large") == 0;
  for (const char* preset : {"leniency_for_naming", "ordered_leniency"})
    for (std::size_t threads : {1, 0}) pure_equilibria(10000, preset, 3, threads);
  if (large) pure_equilibria(100000, "leniency_for_naming", 1, 0);

  // Diekmann's volunteer's dilemma, n = 10^6: one interior symmetric equilibrium.
  const std::size_t n = 1000000;
  const dilemma::SymmetricGame volunteers(n, 2, [](std::size_t a, const dilemma::Counts& m) {
    return a == 0 ? 3.0 : (m[0] > 0 ? 4.0 : 0.0);
  });
  dilemma::SymmetricEquilibria mixed;
  const double mixed_seconds = median_seconds(3, [&] { mixed = dilemma::symmetric_equilibria(volunteers); });
  std::printf("{\"benchmark\": \"symmetric mixed equilibria, 2 actions\", \"n\": %zu, \"found\": %zu, "
              "\"exhaustive\": %s, \"seconds\": %.6g}\n",
              n, mixed.equilibria.size(), mixed.report.exhaustive ? "true" : "false", mixed_seconds);

  const auto ordered = dilemma::confession_game(10000, dilemma::confession_preset("ordered_leniency").believed);
  const std::vector<double> x{0.2, 0.3, 0.5};
  const double expected_seconds = median_seconds(5, [&] { dilemma::action_payoffs(ordered, x); });
  std::printf("{\"benchmark\": \"expected payoffs under symmetric mixing, 3 actions\", \"n\": 10000, "
              "\"count_vectors\": %zu, \"seconds\": %.6g}\n", ordered.num_count_vectors(), expected_seconds);

  // Compact against dense on the same game where the dense form fits.
  const auto small = dilemma::confession_game(10, dilemma::confession_preset("ordered_leniency").believed);
  const dilemma::NormalFormGame dense = dilemma::to_normal_form(small);
  const double compact = median_seconds(50, [&] { dilemma::action_payoffs(small, x); });
  const double full = median_seconds(50, [&] { dilemma::action_payoffs(dense, dilemma::MixedProfile(10, x)); });
  std::printf("{\"benchmark\": \"expected payoffs, compact vs dense\", \"n\": 10, \"compact_seconds\": %.6g, "
              "\"dense_seconds\": %.6g, \"ratio\": %.1f}\n", compact, full, full / compact);
  return mixed.equilibria.size() == 1 ? 0 : 1;
}

// Times pure_nash in memory on random n-player games against a brute-force
// check of every profile and deviation (the reference in the tests), and
// optionally writes the game as .nfg for the CLI benchmark in run.py.
//   bench_pure_nash [players=10] [actions=3] [repeats=20] [nfg-output-path]
#include <dilemma/dilemma.hpp>

#include "timing.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  const std::size_t players = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10;
  const std::size_t actions = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 3;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 20;
  const dilemma::NormalFormGame game =
      dilemma::random_game(std::vector<std::size_t>(players, actions), 2030, 0, 99, true);
  std::vector<dilemma::PureProfile> found, reference;
  const double fast = median_seconds(repeats, [&] { found = dilemma::pure_nash(game); });
  const double brute = median_seconds(std::max(1, repeats / 10), [&] { reference = dilemma::pure_nash_brute(game); });
  std::printf("{\"players\": %zu, \"actions\": %zu, \"profiles\": %zu, \"equilibria\": %zu, "
              "\"reference_equilibria\": %zu, \"pure_nash_s\": %.6g, \"brute_force_s\": %.6g, "
              "\"speedup\": %.1f}\n",
              players, actions, game.num_profiles(), found.size(), reference.size(), fast, brute, brute / fast);
  if (argc > 4) dilemma::write_nfg(game, argv[4]);
  return found == reference ? 0 : 1;
}

// Pure equilibria of symmetric 3-action games in count form: the confession
// presets (payoffs evaluated on demand) and a random table-backed game, at
// n = 2000 (about 2 million count classes); and compact versus dense at
// n = 10 on the same game. Prints one JSON object per line.
//   bench_symmetric [n=2000] [repeats=5]
#include <dilemma/dilemma.hpp>

#include "timing.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

namespace {


dilemma::SymmetricGame random_table_game(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 engine(seed);
  std::uniform_int_distribution<int> draw(0, 99);
  return dilemma::SymmetricGame::tabulate(n, 3, [&](std::size_t, const dilemma::Counts&) { return double(draw(engine)); });
}

void report(const char* name, std::size_t n, const dilemma::SymmetricGame& game, int repeats) {
  std::size_t found = 0;
  const double seconds = median_seconds(repeats, [&] {
    found = 0;
    dilemma::pure_nash(game, {}, [&](const dilemma::CountClass&) { ++found; });
  });
  std::printf("{\"game\": \"%s\", \"n\": %zu, \"classes\": %zu, \"equilibrium_classes\": %zu, \"seconds\": %.6g}\n", name,
              n, dilemma::CountVectors(3, n).size(), found, seconds);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 2000;
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
  for (const char* preset : {"invariant_purge", "leniency_for_naming", "ordered_leniency"})
    report(preset, n, dilemma::confession_game(n, dilemma::confession_preset(preset).believed), repeats);
  report("random_table", n, random_table_game(n, 1), repeats);

  // Compact versus dense on the same game, n = 10 (59,049 profiles).
  const dilemma::SymmetricGame small = random_table_game(10, 2);
  const dilemma::NormalFormGame dense = dilemma::to_normal_form(small);
  std::size_t compact_found = 0, dense_found = 0;
  const double compact = median_seconds(repeats * 20, [&] {
    compact_found = 0;
    for (const auto& c : dilemma::pure_nash(small)) compact_found += static_cast<std::size_t>(c.multiplicity());
  });
  const double full = median_seconds(repeats * 20, [&] { dense_found = dilemma::pure_nash(dense).size(); });
  std::printf("{\"game\": \"random_table_vs_dense\", \"n\": 10, \"profiles\": %zu, \"equilibria_compact\": %zu, "
              "\"equilibria_dense\": %zu, \"compact_seconds\": %.6g, \"dense_seconds\": %.6g, \"ratio\": %.1f}\n",
              dense.num_profiles(), compact_found, dense_found, compact, full, full / compact);
  return compact_found == dense_found ? 0 : 1;
}

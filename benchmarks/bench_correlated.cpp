// Correlated equilibria by linear programming: the symmetric confession
// presets in count form at n = 200 and larger (3 actions), and dense random
// games. Prints one JSON object per line.
//   bench_correlated [repeats=3]
#include <dilemma/dilemma.hpp>
#include <dilemma/solvers/correlated_equilibrium.hpp>

#include "timing.hpp"

#include <cstdio>
#include <cstdlib>

namespace {

const char* name_of(dilemma::CorrelatedObjective objective) {
  switch (objective) {
    case dilemma::CorrelatedObjective::feasible: return "feasible";
    case dilemma::CorrelatedObjective::welfare: return "welfare";
    default: return "min_welfare";
  }
}

}  // namespace

int main(int argc, char** argv) {
  using dilemma::CorrelatedObjective;
  const int repeats = argc > 1 ? std::atoi(argv[1]) : 3;
  for (std::size_t n : {200, 500, 1000})
    for (const char* preset : {"invariant_purge", "leniency_for_naming", "ordered_leniency", "torture_confession_only"})
      for (CorrelatedObjective objective : {CorrelatedObjective::welfare, CorrelatedObjective::min_welfare})
        for (bool coarse : {false, true}) {
          const dilemma::SymmetricGame game = dilemma::confession_game(n, preset);
          dilemma::SymmetricCorrelatedEquilibrium result;
          const double seconds =
              median_seconds(repeats, [&] { result = dilemma::correlated_equilibrium(game, {objective, coarse}); });
          std::printf(
              "{\"game\": \"confession %s\", \"n\": %zu, \"classes\": %zu, \"objective\": \"%s\", \"coarse\": %s, "
              "\"support\": %zu, \"welfare\": %.10g, \"max_violation\": %.3g, \"pivots\": %zu, \"seconds\": %.4g}\n",
              preset, n, dilemma::CountVectors(3, n).size(), name_of(objective), coarse ? "true" : "false",
              result.classes.size(), result.welfare, result.max_violation, result.report.num_iter, seconds);
          std::fflush(stdout);
        }
  const std::vector<std::vector<std::size_t>> shapes = {{10, 10}, {30, 30}, {3, 3, 3}, {4, 4, 4}, {3, 3, 3, 3, 3}, {4, 4, 4, 4}, {2, 2, 2, 2, 2, 2, 2, 2}};
  for (const auto& shape : shapes)
    for (bool coarse : {false, true}) {
      const dilemma::NormalFormGame game = dilemma::random_game(shape, 1);
      dilemma::CorrelatedEquilibrium result;
      const double seconds = median_seconds(
          repeats, [&] { result = dilemma::correlated_equilibrium(game, {CorrelatedObjective::welfare, coarse}); });
      std::printf(
          "{\"game\": \"random %s\", \"profiles\": %zu, \"objective\": \"welfare\", \"coarse\": %s, \"welfare\": %.10g, "
          "\"max_violation\": %.3g, \"pivots\": %zu, \"seconds\": %.4g}\n",
          dilemma::detail::format_tuple(shape).c_str(), game.num_profiles(), coarse ? "true" : "false",
          result.welfare, result.max_violation, result.report.num_iter, seconds);
      std::fflush(stdout);
    }
}

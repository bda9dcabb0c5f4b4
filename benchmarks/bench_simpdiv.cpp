// Simplicial subdivision: time to a verified equilibrium on random games with
// integer payoffs 0..99, against logit_qre (to its refined limit) on the same
// games in the same run. Prints one Markdown row per shape: medians over the
// seeds, and the ratio of the medians (logit / simpdiv).
// Usage: bench_simpdiv [num_seeds] [largest: 8 or 9 players x 3 actions]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "dilemma/games/generators.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"
#include "dilemma/solvers/logit_qre.hpp"
#include "dilemma/solvers/simplicial_subdivision.hpp"
#include "timing.hpp"

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t k = values.size() / 2;
  return values.size() % 2 ? values[k] : 0.5 * (values[k - 1] + values[k]);
}

std::string shape_name(const std::vector<std::size_t>& shape) {
  std::string name;
  for (std::size_t m : shape) name += (name.empty() ? "" : "x") + std::to_string(m);
  return name;
}

}  // namespace

int main(int argc, char** argv) {
  const int num_seeds = argc > 1 ? std::atoi(argv[1]) : 5;
  const std::size_t largest = argc > 2 ? std::size_t(std::atoi(argv[2])) : 8;
  std::vector<std::vector<std::size_t>> shapes = {{4, 4, 4}, {3, 3, 3, 3, 3, 3}, {4, 4, 4, 4}};
  for (std::size_t n = 7; n <= largest; ++n) shapes.push_back(std::vector<std::size_t>(n, 3));
  std::printf("| game | profiles | simpdiv s (median) | min - max | pivots (median) | restarts | "
              "max regret / range | logit_qre s (median) | logit / simpdiv |\n");
  std::printf("|---|---:|---:|---|---:|---:|---:|---:|---:|\n");
  for (const auto& shape : shapes) {
    std::vector<double> simpdiv_s, logit_s, pivots, restarts;
    double worst = 0;
    std::size_t profiles = 1;
    for (std::size_t m : shape) profiles *= m;
    for (int seed = 0; seed < num_seeds; ++seed) {
      const dilemma::NormalFormGame game = dilemma::random_game(shape, std::uint64_t(seed), 0, 99, true);
      dilemma::SimplicialSubdivisionResult result;
      simpdiv_s.push_back(median_seconds(1, [&] { result = dilemma::simplicial_subdivision(game); }));
      worst = std::max(worst, dilemma::regret(game, result.equilibrium) / 99.0);
      pivots.push_back(double(result.report.num_iter));
      restarts.push_back(double(result.num_refinements));
      dilemma::LogitQreOptions logit;
      logit.record_branch = false;
      logit_s.push_back(median_seconds(1, [&] { dilemma::logit_qre(game, logit); }));
    }
    const double s = median(simpdiv_s), l = median(logit_s);
    std::printf("| %s | %zu | %.4f | %.4f - %.4f | %.0f | %.0f | %.1e | %.4f | %.2f |\n", shape_name(shape).c_str(),
                profiles, s, *std::min_element(simpdiv_s.begin(), simpdiv_s.end()),
                *std::max_element(simpdiv_s.begin(), simpdiv_s.end()), median(pivots), median(restarts), worst, l,
                l / s);
    std::fflush(stdout);
  }
}

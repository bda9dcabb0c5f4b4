// Logit QRE: principal branch to its limit on random games with integer
// payoffs 0..99 (issue 6 targets: gambit-logit needs about 7 s for 8 players
// x 3 actions and 44 s for 9 players x 3 actions on this machine).
// Usage: bench_qre [num_games] [max_players]
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "dilemma/games/generators.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"
#include "dilemma/solvers/logit_qre.hpp"
#include "timing.hpp"

int main(int argc, char** argv) {
  const int num_games = argc > 1 ? std::atoi(argv[1]) : 3;
  const std::size_t max_players = argc > 2 ? std::size_t(std::atoi(argv[2])) : 9;
  std::printf("players actions seed seconds steps lambda regret converged support_sizes\n");
  for (std::size_t n = 4; n <= max_players; ++n) {
    for (int seed = 0; seed < num_games; ++seed) {
      const dilemma::NormalFormGame game =
          dilemma::random_game(std::vector<std::size_t>(n, 3), std::uint64_t(seed), 0, 99, true);
      dilemma::LogitQreResult<dilemma::MixedProfile> result;
      const double seconds = median_seconds(1, [&] { result = dilemma::logit_qre(game); });
      std::printf("%zu 3 %d %.3f %zu %.4g %.3g %d ", n, seed, seconds, result.report.num_iter, result.lam,
                  dilemma::regret(game, result.equilibrium), int(result.report.converged));
      for (const auto& x : result.equilibrium) {
        int support = 0;
        for (double p : x) support += p > 0;
        std::printf("%d", support);
      }
      std::printf("\n");
      std::fflush(stdout);
    }
  }
}

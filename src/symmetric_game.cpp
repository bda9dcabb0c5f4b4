#include "dilemma/games/symmetric_game.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace dilemma {

SymmetricGame to_symmetric(const NormalFormGame& game) {
  const char* function = "to_symmetric";
  const std::size_t n = game.num_players(), s = game.num_actions(0);
  for (std::size_t i = 1; i < n; ++i)
    if (game.num_actions(i) != s)
      detail::fail(function, "a symmetric game needs the same number of strategies for every player, got ",
                   detail::format_tuple(game.nums_actions()));
  const CountVectors others(s, n - 1);
  const std::size_t M = others.size();
  // Every (own action, others' counts) pair occurs at some profile, so no
  // entry stays NaN; a NaN entry is one not read yet.
  std::vector<double> table(s * M, std::numeric_limits<double>::quiet_NaN());
  Counts counts(s);
  for (std::size_t k = 0; k < game.num_profiles(); ++k) {
    const PureProfile profile = game.profile_at(k);
    std::fill(counts.begin(), counts.end(), 0);
    for (std::size_t a : profile) ++counts[a];
    for (std::size_t i = 0; i < n; ++i) {
      --counts[profile[i]];
      double& entry = table[profile[i] * M + others.rank(counts)];
      ++counts[profile[i]];
      const double u = game.payoffs(i)[k];
      if (std::isnan(entry)) {
        entry = u;
      } else if (entry != u) {
        PureProfile numbered = profile;  // strategies numbered from 1, as players are
        for (std::size_t& a : numbered) ++a;
        detail::fail(function, "the game is not symmetric: player ", i + 1, "'s payoff at profile ",
                     detail::format_tuple(numbered), " (strategies numbered from 1) is ", u,
                     ", another player's for the same strategy against the same counts of the "
                     "others' strategies is ",
                     entry);
      }
    }
  }
  SymmetricGame symmetric(n, s, std::move(table));
  symmetric.set_title(game.title());
  symmetric.set_action_labels(game.action_labels(0));
  return symmetric;
}

}  // namespace dilemma

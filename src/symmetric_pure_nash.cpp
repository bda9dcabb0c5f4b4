// pure_nash of a symmetric game: the layered scan over count classes.
#include "dilemma/solvers/symmetric_pure_nash.hpp"

#include "dilemma/models/confession.hpp"

namespace dilemma {

Equilibria<CountClass> pure_nash(const SymmetricGame& game, const PureNashOptions& options,
                                 const Visitor<CountClass>& visit) {
  if (!std::isfinite(options.tol) || options.tol < 0)
    detail::fail("pure_nash", "tol must be finite and >= 0, got ", options.tol);
  const double gain = options.tol == 0 ? 0.0 : options.tol * payoff_range(game);
  Equilibria<CountClass> result;
  const std::size_t class_bytes = sizeof(CountClass) + game.num_actions() * sizeof(std::size_t);
  const auto emit = [&](const Counts& counts) {
    if (visit) {
      visit(CountClass{counts});
    } else {
      detail::check_growth("pure_nash", result, 1, "the list of equilibrium count classes", class_bytes);
      result.push_back(CountClass{counts});
    }
  };
  const std::size_t threads = game.thread_safe() ? 0 : 1;
  // The confession game's own payoff (validated, so always finite) is
  // inlined rather than called through std::function: about 5x faster.
  if (const auto* confession = game.function_target<ConfessionPayoff>())
    detail::for_each_pure_nash(game.num_players(), game.num_actions(), *confession, emit, gain, threads);
  else
    detail::for_each_pure_nash(
        game.num_players(), game.num_actions(),
        [&](std::size_t a, const Counts& m) { return game.payoff_at(a, m); }, emit, gain, threads);
  const std::size_t classes = CountVectors(game.num_actions(), game.num_players()).size();
  result.report = {"pure_nash", true, true, classes, "every count class checked"};
  return result;
}

}  // namespace dilemma

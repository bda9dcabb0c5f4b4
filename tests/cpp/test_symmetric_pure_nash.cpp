#include "dilemma/solvers/symmetric_pure_nash.hpp"

#include <set>

#include "dilemma/models/confession.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "test_helpers.hpp"

using dilemma::CountClass;
using dilemma::Counts;
using dilemma::SymmetricGame;

TEST_CASE("pure_nash (symmetric): count classes equal the dense equilibria, with multiplicities") {
  std::uint64_t seed = 100;
  for (std::size_t n : {1, 2, 3, 4, 6})
    for (std::size_t s : {1, 2, 3})
      for (int trial = 0; trial < 8; ++trial) {
        const SymmetricGame game = dilemma::testing::random_symmetric_game(n, s, seed++);
        const dilemma::NormalFormGame dense = dilemma::to_normal_form(game);
        std::set<Counts> dense_classes;
        std::size_t dense_count = 0;
        for (const auto& profile : dilemma::pure_nash(dense)) {
          dense_classes.insert(dilemma::testing::counts_of(profile, s));
          ++dense_count;
        }
        const std::vector<CountClass> classes = dilemma::pure_nash(game);
        std::set<Counts> compact_classes;
        boost::multiprecision::cpp_int total = 0;
        for (const CountClass& c : classes) {
          compact_classes.insert(c.counts);
          total += c.multiplicity();
        }
        CHECK(compact_classes == dense_classes);
        CHECK(total == dense_count);
      }
}

TEST_CASE("pure_nash (symmetric): a constant game has every class as an equilibrium") {
  const SymmetricGame game(200, 3, [](std::size_t, const Counts&) { return -10.0; });
  const auto classes = dilemma::pure_nash(game);
  CHECK(classes.size() == 201 * 202 / 2);
  // The multiplicities add up to all 3^200 profiles.
  boost::multiprecision::cpp_int total = 0;
  for (const auto& c : classes) total += c.multiplicity();
  CHECK(total == boost::multiprecision::pow(boost::multiprecision::cpp_int(3), 200));
}

TEST_CASE("pure_nash (symmetric): n-person prisoner's dilemma has all-defect only") {
  // Two actions, cooperate (0) and defect (1): defecting gains 1, each other defector costs 3.
  const SymmetricGame game(10, 2, [](std::size_t a, const Counts& m) { return double(a) - 3.0 * double(m[1]); });
  const auto classes = dilemma::pure_nash(game);
  REQUIRE(classes.size() == 1);
  CHECK(classes[0].counts == Counts{0, 10});
  CHECK(classes[0].multiplicity() == 1);
  CHECK(dilemma::payoff_range(game) == 28);
  CHECK(dilemma::pure_nash(game, {1.01 / 28}).size() == 11);  // with tol * range above the gain, every class
  CHECK(dilemma::pure_nash(game, {0.99 / 28}).size() == 1);
  CHECK(dilemma::pure_nash(game).report.num_iter == 11);      // classes checked
}

namespace {

// A payoff with ties and many equilibria, cheap enough for millions of
// classes: integer values from a hash of (a, m), in 0..3.
double hashed_payoff(std::size_t a, const Counts& m) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull * (a + 1);
  for (std::size_t c : m) h = (h ^ c) * 0xBF58476D1CE4E5B9ull;
  return double((h >> 40) % 4);
}

std::vector<std::size_t> flat_equilibria(std::size_t n, std::size_t s, std::size_t threads) {
  std::vector<std::size_t> flat;
  dilemma::detail::for_each_pure_nash(
      n, s, hashed_payoff, [&](const Counts& c) { flat.insert(flat.end(), c.begin(), c.end()); }, 0.0, threads);
  return flat;
}

}  // namespace

TEST_CASE("detail::for_each_pure_nash: several threads find the same classes in the same order") {
  // n = 6000 (18 million classes) and s = 4, n = 400 (11 million) span
  // several blocks of layers, so blocks are scanned concurrently.
  for (const auto& [n, s] : {std::pair<std::size_t, std::size_t>{6000, 3}, {400, 4}}) {
    const auto one = flat_equilibria(n, s, 1), two = flat_equilibria(n, s, 2), four = flat_equilibria(n, s, 4);
    CHECK(one.size() > 1000 * s);  // the hashed payoff has equilibria all along the layers
    CHECK(two == one);
    CHECK(four == one);
    if (s == 4) CHECK(flat_equilibria(n, s, 1000) == one);  // capped at the hardware threads
  }
  // The one-thread scan against the definition on a smaller game.
  const std::size_t n = 60, s = 3;
  const auto flat = flat_equilibria(n, s, 2);
  const dilemma::CountVectors classes(s, n);
  std::vector<std::size_t> expected;
  Counts c = classes.first();
  do {
    bool stable = true;
    for (std::size_t a = 0; a < s && stable; ++a) {
      if (c[a] == 0) continue;
      Counts m = c;
      --m[a];
      for (std::size_t b = 0; b < s; ++b) stable = stable && hashed_payoff(b, m) <= hashed_payoff(a, m);
    }
    if (stable) expected.insert(expected.end(), c.begin(), c.end());
  } while (classes.next(c));
  // The definition's order is the rank order of CountVectors; compare as sets.
  std::set<Counts> got, want;
  for (std::size_t k = 0; k < flat.size(); k += s) got.insert(Counts(flat.begin() + k, flat.begin() + k + s));
  for (std::size_t k = 0; k < expected.size(); k += s)
    want.insert(Counts(expected.begin() + k, expected.begin() + k + s));
  CHECK(got == want);
}

TEST_CASE("detail::for_each_pure_nash: an error in a worker thread reaches the caller") {
  const auto failing = [](std::size_t a, const Counts& m) {
    if (m[0] == 5000 && a == 2) dilemma::detail::fail("payoff", "no payoff at m_0 = ", m[0]);
    return 0.0;
  };
  std::size_t visited = 0;
  CHECK(dilemma::testing::error_message([&] {
          dilemma::detail::for_each_pure_nash(6000, 3, failing, [&](const Counts&) { ++visited; }, 0.0, 2);
        }) == "payoff: no payoff at m_0 = 5000");
  // A game whose payoff function is declared thread-safe is scanned by all threads.
  const SymmetricGame game(6000, 3, hashed_payoff, /*thread_safe=*/true);
  CHECK(game.thread_safe());
  std::vector<std::size_t> flat;
  const auto streamed = dilemma::pure_nash(
      game, {}, [&](const CountClass& c) { flat.insert(flat.end(), c.counts.begin(), c.counts.end()); });
  CHECK(streamed.empty());  // handed to the visitor, not kept
  CHECK(flat == flat_equilibria(6000, 3, 1));
  CHECK_FALSE(SymmetricGame(5, 3, hashed_payoff).thread_safe());
}

TEST_CASE("pure_nash (symmetric): the confession game's inlined payoff gives what its function gives") {
  for (const std::string& preset : dilemma::confession_preset_names()) {
    const SymmetricGame game = dilemma::confession_game(300, preset);
    REQUIRE(game.function_target<dilemma::ConfessionPayoff>() != nullptr);
    std::vector<std::size_t> through_function;
    dilemma::detail::for_each_pure_nash(
        300, 3, [&](std::size_t a, const Counts& m) { return game.payoff(a, m); },
        [&](const Counts& c) { through_function.insert(through_function.end(), c.begin(), c.end()); });
    std::vector<std::size_t> inlined;
    for (const CountClass& c : dilemma::pure_nash(game)) inlined.insert(inlined.end(), c.counts.begin(), c.counts.end());
    CHECK_MESSAGE(inlined == through_function, preset);
  }
}

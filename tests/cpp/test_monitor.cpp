#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "dilemma/core/monitor.hpp"
#include "dilemma/games/generators.hpp"
#include "dilemma/models/confession.hpp"
#include "dilemma/solvers/equilibrium_enumeration.hpp"
#include "dilemma/solvers/lemke_howson.hpp"
#include "dilemma/solvers/correlated_equilibrium.hpp"
#include "dilemma/solvers/logit_qre.hpp"
#include "dilemma/solvers/nash_components.hpp"
#include "dilemma/solvers/simplicial_subdivision.hpp"
#include "dilemma/solvers/symmetric_pure_nash.hpp"
#include "dilemma/solvers/vertex_enumeration.hpp"

using namespace dilemma;

namespace {

/// A game whose full enumeration takes seconds: many supports, a box search each.
NormalFormGame slow_game() { return random_game({5, 5, 5}, 7); }

}  // namespace

TEST_CASE("checkpoint: without a scope it does nothing") {
  CHECK_NOTHROW(detail::checkpoint("test", 1, 2));
  const auto result = enumerate_equilibria(random_game({2, 2, 2}, 1));
  CHECK(result.report.exhaustive);
}

TEST_CASE("MonitorScope: a cancelled token stops enumerate_equilibria, vertex_enumeration and logit_qre") {
  CancelToken token;
  token.cancel();
  Monitor monitor;
  monitor.cancel = &token;
  MonitorScope scope(monitor);
  CHECK_THROWS_WITH_AS(enumerate_equilibria(slow_game()), "enumerate_equilibria: cancelled", Cancelled);
  // The pivots of the shared tableau name the function the user called.
  CHECK_THROWS_WITH_AS(vertex_enumeration(random_game({6, 6}, 3)), "vertex_enumeration: cancelled", Cancelled);
  CHECK_THROWS_WITH_AS(nash_components(random_game({6, 6}, 3)), "nash_components: cancelled", Cancelled);
  CHECK_THROWS_WITH_AS(correlated_equilibrium(random_game({3, 3}, 3)), "correlated_equilibrium: cancelled",
                       Cancelled);
  CHECK(detail::current_solver("pivot") == std::string("pivot"));  // restored after each
  CHECK_THROWS_AS(logit_qre(random_game({3, 3, 3}, 2)), Cancelled);
  CHECK_THROWS_AS(simplicial_subdivision(random_game({3, 3, 3}, 2)), Cancelled);
  token.reset();
  CHECK(enumerate_equilibria(random_game({2, 2}, 1)).report.exhaustive);
}

TEST_CASE("MonitorScope: a token cancelled from another thread stops a running search") {
  CancelToken token;
  Monitor monitor;
  monitor.cancel = &token;
  std::thread canceller([&token] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    token.cancel();
  });
  const auto start = std::chrono::steady_clock::now();
  {
    MonitorScope scope(monitor);
    CHECK_THROWS_AS(enumerate_equilibria(slow_game()), Cancelled);
  }
  canceller.join();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("MonitorScope: the time limit stops a solver with TimeLimitExceeded naming it") {
  Monitor monitor;
  monitor.time_limit = 0.0;
  MonitorScope scope(monitor);
  CHECK_THROWS_WITH_AS(enumerate_equilibria(slow_game()),
                       "enumerate_equilibria: stopped at the time limit of 0 s", TimeLimitExceeded);
  const auto purge = confession_game(300, ConfessionParameters{});
  CHECK_THROWS_AS(pure_nash(purge), TimeLimitExceeded);
}

TEST_CASE("MonitorScope: progress rises from 0 to 1; its exception stops the solver") {
  std::vector<double> seen;
  Monitor monitor;
  monitor.interval = 0.0;
  monitor.progress = [&seen](double fraction) { seen.push_back(fraction); };
  {
    MonitorScope scope(monitor);
    enumerate_equilibria(random_game({3, 3, 3}, 4));
  }
  REQUIRE(seen.size() > 10);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(seen.front() >= 0);
  CHECK(seen.back() <= 1);
  CHECK(seen.back() > 0.5);

  struct Stop {};
  monitor.progress = [](double) { throw Stop{}; };
  MonitorScope scope(monitor);
  CHECK_THROWS_AS(logit_qre(random_game({3, 3}, 5)), Stop);
}

TEST_CASE("MonitorScope: scopes nest and restore the outer monitor; bad limits are refused") {
  CancelToken cancelled;
  cancelled.cancel();
  Monitor outer, inner;
  outer.cancel = &cancelled;
  MonitorScope outer_scope(outer);
  {
    MonitorScope inner_scope(inner);
    CHECK_NOTHROW(detail::checkpoint("test"));
  }
  CHECK_THROWS_AS(detail::checkpoint("test"), Cancelled);
  Monitor bad;
  bad.time_limit = -1;
  CHECK_THROWS_WITH_AS(MonitorScope{bad}, "MonitorScope: time_limit must be >= 0, got -1", InvalidArgument);
  bad.time_limit = std::nan("");
  CHECK_THROWS_AS(MonitorScope{bad}, InvalidArgument);
  CHECK_THROWS_AS(detail::checkpoint("test"), Cancelled);  // the refused scopes left the outer one in place
}

TEST_CASE("memory_limit: the two-player solvers check their tableaux, stacks and exact integers against it") {
  const NormalFormGame wide = random_game({2, 3000}, 0);  // tableaux of 72 and 144 MB
  set_memory_limit(16000000);
  CHECK_THROWS_WITH_AS(vertex_enumeration(wide),
                       doctest::Contains("vertex_enumeration: a simplex tableau of 3001 rows and 3004 columns needs"),
                       InvalidArgument);
  CHECK_THROWS_WITH_AS(lemke_howson(wide), doctest::Contains("lemke_howson: a simplex tableau of"), InvalidArgument);
  CHECK_THROWS_WITH_AS(logit_qre(wide), doctest::Contains("logit_qre: the Jacobians and QR factors"), InvalidArgument);
  // floats as exact rationals: a common denominator of thousands of digits
  CHECK_THROWS_WITH_AS(lemke_howson<Rational>(random_game({60, 60}, 2)),
                       doctest::Contains("lemke_howson: the integer payoffs of"), InvalidArgument);
  set_memory_limit(0);
}

TEST_CASE("MonitorScope: exact solvers check in while they build tableaux of big integers") {
  // 30 x 30 floats as exact rationals: about 13 s passed before the first checkpoint.
  const NormalFormGame game = random_game({30, 30}, 4);
  Monitor monitor;
  monitor.time_limit = 0.0;
  MonitorScope scope(monitor);
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_WITH_AS(vertex_enumeration<Rational>(game), "vertex_enumeration: stopped at the time limit of 0 s",
                       TimeLimitExceeded);
  CHECK_THROWS_WITH_AS(lemke_howson<Rational>(game), "lemke_howson: stopped at the time limit of 0 s",
                       TimeLimitExceeded);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 2.0);
}

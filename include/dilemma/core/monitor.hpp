// Progress, cancellation and time limits for long solvers.
//
// A caller installs a Monitor for the solvers its thread runs with a
// MonitorScope; every long solver calls detail::checkpoint in its loops
// (per support, per box, per pivot, per path step). Without a scope a
// checkpoint costs one thread-local load. With one, it stops the solver by
// throwing Cancelled when the token is set or TimeLimitExceeded when the time
// limit has passed, and hands the fraction of work done to `progress` at most
// every `interval` seconds. An exception thrown by `progress` also stops the
// solver and reaches the caller (the Python bindings raise KeyboardInterrupt
// this way when Ctrl-C was pressed).
//
//   dilemma::CancelToken token;               // token.cancel() from any thread
//   dilemma::Monitor monitor;
//   monitor.cancel = &token;
//   monitor.time_limit = 60.0;
//   monitor.progress = [](double done) { std::fprintf(stderr, "%.0f%%\r", 100 * done); };
//   dilemma::MonitorScope scope(monitor);
//   auto result = dilemma::enumerate_equilibria(game);   // may throw Cancelled
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "dilemma/core/errors.hpp"

namespace dilemma {

/// A solver stopped because its monitor's cancel token was set.
class Cancelled : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A solver stopped because its monitor's time limit passed. Maps to Python's TimeoutError.
class TimeLimitExceeded : public Cancelled {
 public:
  using Cancelled::Cancelled;
};

/// A flag another thread (or a signal handler: the flag is lock-free) sets to
/// stop the solvers that poll it.
class CancelToken {
 public:
  void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
  void reset() noexcept { cancelled_.store(false, std::memory_order_relaxed); }
  [[nodiscard]] bool cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> cancelled_{false};
};

/// What the solvers of one thread report to and ask of their caller.
struct Monitor {
  /// Polled at every checkpoint; when set, the solver throws Cancelled.
  /// Not owned: the token must outlive every MonitorScope of this monitor.
  const CancelToken* cancel = nullptr;
  /// Called with the fraction of the work done, in [0, 1] (NaN when the
  /// solver cannot tell), at most every `interval` seconds. May throw to stop
  /// the solver.
  std::function<void(double fraction)> progress;
  /// Seconds from the scope's start after which solvers throw TimeLimitExceeded.
  double time_limit = std::numeric_limits<double>::infinity();
  /// Seconds between two calls of `progress`.
  double interval = 0.05;
};

namespace detail {

struct ActiveMonitor {
  const Monitor* monitor = nullptr;
  std::chrono::steady_clock::time_point start, next_report;
};

inline ActiveMonitor*& active_monitor() {
  thread_local ActiveMonitor* active = nullptr;
  return active;
}

}  // namespace detail

/// Installs a copy of `monitor` (so a temporary will do; only the cancel
/// token is borrowed) for the solvers this thread runs while the scope lives.
/// Scopes nest: the innermost one applies, and the outer one is restored.
class MonitorScope {
 public:
  explicit MonitorScope(Monitor monitor) : monitor_(std::move(monitor)), previous_(detail::active_monitor()) {
    if (std::isnan(monitor_.time_limit) || monitor_.time_limit < 0)
      detail::fail("MonitorScope", "time_limit must be >= 0, got ", monitor_.time_limit);
    if (!(monitor_.interval >= 0))
      detail::fail("MonitorScope", "interval must be >= 0, got ", monitor_.interval);
    state_.monitor = &monitor_;
    state_.start = state_.next_report = std::chrono::steady_clock::now();
    detail::active_monitor() = &state_;
  }
  ~MonitorScope() { detail::active_monitor() = previous_; }
  MonitorScope(const MonitorScope&) = delete;
  MonitorScope& operator=(const MonitorScope&) = delete;

 private:
  Monitor monitor_;
  detail::ActiveMonitor state_;
  detail::ActiveMonitor* previous_;
};

namespace detail {

inline const char*& solver_name() {
  thread_local const char* name = nullptr;
  return name;
}

/// Names the public function being run, for the checkpoints of machinery
/// that many solvers share (the pivots of a tableau). The outermost name
/// stays: a solver called by another reports the one the user called.
class SolverName {
 public:
  explicit SolverName(const char* name) : owner_(solver_name() == nullptr) {
    if (owner_) solver_name() = name;
  }
  ~SolverName() {
    if (owner_) solver_name() = nullptr;
  }
  SolverName(const SolverName&) = delete;
  SolverName& operator=(const SolverName&) = delete;

 private:
  bool owner_;
};

/// The public function being run (see SolverName), else `fallback`.
inline const char* current_solver(const char* fallback) {
  return solver_name() != nullptr ? solver_name() : fallback;
}

/// Called by solvers in their loops: `done` of `total` units of work (total
/// 0 when unknown). Throws Cancelled / TimeLimitExceeded, or what `progress`
/// throws, naming `function`.
inline void checkpoint(const char* function, double done = 0.0, double total = 0.0) {
  ActiveMonitor* active = active_monitor();
  if (active == nullptr) return;
  const Monitor& monitor = *active->monitor;
  if (monitor.cancel != nullptr && monitor.cancel->cancelled())
    raise<Cancelled>(function, "cancelled");
  const auto now = std::chrono::steady_clock::now();
  if (std::isfinite(monitor.time_limit) &&
      std::chrono::duration<double>(now - active->start).count() > monitor.time_limit)
    raise<TimeLimitExceeded>(function, "stopped at the time limit of ", monitor.time_limit, " s");
  if (monitor.progress && now >= active->next_report) {
    active->next_report = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                    std::chrono::duration<double>(monitor.interval));
    monitor.progress(total > 0 ? std::min(1.0, done / total) : std::numeric_limits<double>::quiet_NaN());
  }
}

}  // namespace detail
}  // namespace dilemma

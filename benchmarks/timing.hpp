// Timing helper shared by the benchmark programs.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

/// Median wall time in seconds of `repeats` calls of `function`.
template <class Function>
double median_seconds(int repeats, Function&& function) {
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    function();
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

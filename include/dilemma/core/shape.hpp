// Sizes of joint-profile tensors: overflow-checked products and the
// memory check that runs before any dense allocation.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "dilemma/core/errors.hpp"

namespace dilemma {

/// Bytes of physical memory on this machine (0 when it cannot be read).
/// Complexity: O(1) (two sysconf calls).
std::uint64_t physical_memory_bytes();
/// Bytes that can be allocated now: the smaller of physical memory, the
/// kernel's MemAvailable and the address-space limit (0 when unknown).
/// Complexity: O(1) time and memory, but it reads /proc/meminfo on each call.
std::uint64_t available_memory_bytes();

/// The most memory one dense table, tensor or tableau of dilemma may take:
/// by default half the physical memory (so a too-large game is refused with
/// a clear error before the machine starts swapping); set_memory_limit
/// changes it for the whole process (0 restores the default).
/// Complexity: O(1).
std::uint64_t memory_limit();
/// Sets memory_limit() to `bytes` (0: back to half the physical memory).
/// Complexity: O(1).
void set_memory_limit(std::uint64_t bytes);

namespace detail {

/// Number of joint profiles prod(nums_actions); rejects zero players, zero
/// actions and products that overflow 64 bits.
inline std::size_t checked_num_profiles(const char* function,
                                        const std::vector<std::size_t>& nums_actions) {
  if (nums_actions.empty()) fail(function, "a game needs at least one player, got 0");
  std::size_t product = 1;
  for (std::size_t i = 0; i < nums_actions.size(); ++i) {
    const std::size_t m = nums_actions[i];
    if (m == 0) fail(function, "player ", i, " has 0 actions; every player needs at least one");
    if (product > std::numeric_limits<std::size_t>::max() / m)
      fail(function, "the number of joint profiles of action counts ",
           format_tuple(nums_actions), " overflows 64 bits");
    product *= m;
  }
  return product;
}

/// "16000000 bytes (16 MB)": exact below 2^64, then in scientific notation.
inline std::string format_bytes(long double bytes) {
  std::ostringstream out;
  if (bytes < 18446744073709551615.0L)
    out << static_cast<std::uint64_t>(bytes) << " bytes";
  else
    out << static_cast<double>(bytes) << " bytes";
  const char* units[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
  long double scaled = bytes;
  int unit = -1;
  while (scaled >= 1000 && unit < 5) scaled /= 1000, ++unit;
  if (unit >= 0) {
    out.precision(3);
    out << " (" << static_cast<double>(scaled) << ' ' << units[unit] << ')';
  }
  return out.str();
}

/// Below this size the memory available now is not consulted: reading it
/// (/proc/meminfo) costs more than building a small game.
inline constexpr long double kCheckAvailableFrom = 64.0L * 1024 * 1024;

/// Throws unless `count` elements of `element_size` bytes fit under
/// memory_limit() and (from kCheckAvailableFrom bytes) in the memory
/// available now. Called before allocating dense tensors, tables and tableaux.
inline void check_fits_in_memory(const char* function, std::size_t count,
                                 std::size_t element_size, const std::string& what) {
  const long double bytes = static_cast<long double>(count) * element_size;
  const std::uint64_t limit = memory_limit();
  const std::uint64_t available = bytes < kCheckAvailableFrom ? 0 : available_memory_bytes();
  if (bytes > static_cast<long double>(limit))
    fail(function, what, " needs ", format_bytes(bytes), ", more than the memory limit of ", format_bytes(limit),
         " (set_memory_limit changes it)");
  if (available != 0 && bytes > static_cast<long double>(available))
    fail(function, what, " needs ", format_bytes(bytes), ", more than the ", format_bytes(available),
         " of memory available");
}

/// True when check_fits_in_memory(count, element_size) cannot fail: hot
/// paths (a tableau per LP, a copy per search node) test this first and
/// build the message only when it is false.
inline bool surely_fits(std::size_t count, std::size_t element_size) {
  const long double bytes = static_cast<long double>(count) * element_size;
  return bytes < kCheckAvailableFrom && bytes <= static_cast<long double>(memory_limit());
}

/// Before appending `extra` elements to `values`: throws as
/// check_fits_in_memory when the reallocation due (to about twice the
/// capacity) would pass the limit. One comparison when none is due, so it
/// may guard every append of a result that grows with the input.
template <class T>
void check_growth(const char* function, const std::vector<T>& values, std::size_t extra, const char* what,
                  std::size_t element_bytes = sizeof(T)) {
  if (values.size() + extra <= values.capacity()) return;
  check_fits_in_memory(function, std::max(values.size() + extra, 2 * values.capacity()), element_bytes, what);
}

/// C-order strides: stride[i] = prod_{j > i} nums_actions[j].
inline std::vector<std::size_t> c_order_strides(const std::vector<std::size_t>& nums_actions) {
  std::vector<std::size_t> strides(nums_actions.size(), 1);
  for (std::size_t i = nums_actions.size(); i-- > 1;) strides[i - 1] = strides[i] * nums_actions[i];
  return strides;
}

}  // namespace detail
}  // namespace dilemma

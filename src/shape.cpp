#include "dilemma/core/shape.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>

namespace dilemma {

namespace {
std::atomic<std::uint64_t> memory_limit_bytes{0};  // 0: the default
}  // namespace

std::uint64_t memory_limit() {
  const std::uint64_t limit = memory_limit_bytes.load(std::memory_order_relaxed);
  if (limit != 0) return limit;
  static const std::uint64_t physical = physical_memory_bytes();  // read once: two system calls
  return physical == 0 ? UINT64_MAX : physical / 2;
}

void set_memory_limit(std::uint64_t bytes) { memory_limit_bytes.store(bytes, std::memory_order_relaxed); }

std::uint64_t physical_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
}

std::uint64_t available_memory_bytes() {
  std::uint64_t limit = physical_memory_bytes();
  // MemAvailable: what can be allocated now without swapping.
  if (std::FILE* meminfo = std::fopen("/proc/meminfo", "r")) {
    char line[256];
    unsigned long long kib = 0;
    while (std::fgets(line, sizeof line, meminfo))
      if (std::sscanf(line, "MemAvailable: %llu kB", &kib) == 1) {
        if (kib > 0) limit = std::min<std::uint64_t>(limit == 0 ? UINT64_MAX : limit, kib * 1024ull);
        break;
      }
    std::fclose(meminfo);
  }
  rlimit address_space{};
  if (::getrlimit(RLIMIT_AS, &address_space) == 0 && address_space.rlim_cur != RLIM_INFINITY)
    limit = std::min<std::uint64_t>(limit == 0 ? UINT64_MAX : limit, address_space.rlim_cur);
  return limit;
}

}  // namespace dilemma

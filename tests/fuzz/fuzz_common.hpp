// Shared helpers of the libFuzzer targets: a finding is reported by abort()
// with a message, so that libFuzzer saves the input and ASan prints a stack.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, message)                                                   \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "fuzz finding: %s (%s) at %s:%d\n", message, #condition,     \
                   __FILE__, __LINE__);                                                  \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

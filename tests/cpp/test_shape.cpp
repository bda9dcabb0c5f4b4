#include <cstdint>

#include "dilemma/core/shape.hpp"
#include "dilemma/games/normal_form_game.hpp"

#include "test_helpers.hpp"

using dilemma::testing::error_message;

TEST_CASE("checked_num_profiles: product of action counts, with errors named") {
  CHECK(dilemma::detail::checked_num_profiles("f", {3, 4, 5}) == 60);
  CHECK(error_message([] { dilemma::detail::checked_num_profiles("f", {}); }) ==
        "f: a game needs at least one player, got 0");
  CHECK(error_message([] { dilemma::detail::checked_num_profiles("f", {1ull << 40, 1ull << 40}); })
            .find("overflows") != std::string::npos);
}

TEST_CASE("physical_memory_bytes: reads this machine's memory") {
  CHECK(dilemma::physical_memory_bytes() > (std::uint64_t{1} << 28));
  CHECK(dilemma::available_memory_bytes() > 0);
  CHECK(dilemma::available_memory_bytes() <= dilemma::physical_memory_bytes());
}

TEST_CASE("c_order_strides: last axis has stride 1") {
  CHECK(dilemma::detail::c_order_strides({2, 3, 4}) == std::vector<std::size_t>{12, 4, 1});
  CHECK(dilemma::detail::c_order_strides({5}) == std::vector<std::size_t>{1});
}

TEST_CASE("memory_limit: half the physical memory by default, settable; dense games above it are refused") {
  const std::uint64_t physical = dilemma::physical_memory_bytes();
  CHECK(dilemma::memory_limit() == (physical == 0 ? UINT64_MAX : physical / 2));
  dilemma::set_memory_limit(1000000);
  CHECK(dilemma::memory_limit() == 1000000);
  CHECK_THROWS_WITH_AS(dilemma::NormalFormGame({400, 400}),
                       "NormalFormGame: a dense game with action counts (400, 400) needs 2560000 bytes (2.56 MB), more "
                       "than the memory limit of 1000000 bytes (1 MB) (set_memory_limit changes it)",
                       dilemma::InvalidArgument);
  CHECK(dilemma::NormalFormGame({100, 100}).num_profiles() == 10000);
  dilemma::set_memory_limit(0);
  CHECK(dilemma::memory_limit() == (physical == 0 ? UINT64_MAX : physical / 2));
}

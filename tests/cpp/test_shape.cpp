#include "dilemma/core/shape.hpp"

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

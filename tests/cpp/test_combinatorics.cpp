#include "dilemma/core/combinatorics.hpp"

#include <cmath>

#include "test_helpers.hpp"

using dilemma::Counts;
using dilemma::CountVectors;

TEST_CASE("CountVectors: next, rank and unrank agree in lexicographic order") {
  for (std::size_t s = 1; s <= 5; ++s)
    for (std::size_t total = 0; total <= 7; ++total) {
      const CountVectors vectors(s, total);
      Counts counts = vectors.first();
      std::size_t position = 0;
      Counts previous;
      do {
        std::size_t sum = 0;
        for (std::size_t c : counts) sum += c;
        CHECK(sum == total);
        CHECK(vectors.rank(counts) == position);
        CHECK(vectors.unrank(position) == counts);
        if (position > 0) CHECK(previous < counts);  // strictly increasing: lexicographic
        previous = counts;
        ++position;
      } while (vectors.next(counts));
      // C(total + s - 1, s - 1) vectors.
      CHECK(position == vectors.size());
      CHECK(static_cast<double>(vectors.size()) ==
            doctest::Approx(std::round(std::exp(std::lgamma(total + s) - std::lgamma(total + 1.0) -
                                                std::lgamma(double(s))))));
    }
}

TEST_CASE("CountVectors: large populations index without overflow") {
  const CountVectors vectors(3, 100000);
  CHECK(vectors.size() == 5000150001ull);  // C(100002, 2)
  const Counts middle{33333, 33333, 33334};
  CHECK(vectors.unrank(vectors.rank(middle)) == middle);
  CHECK(vectors.rank(Counts{100000, 0, 0}) == vectors.size() - 1);
  CHECK(dilemma::testing::error_message([] { CountVectors(40, 1000000); }).find("more than can be indexed") !=
        std::string::npos);
}

TEST_CASE("multinomial: exact values and the log form") {
  CHECK(dilemma::multinomial({2, 1, 1}) == 12);
  CHECK(dilemma::multinomial({0, 0}) == 1);
  CHECK(dilemma::multinomial({5}) == 1);
  // 3^n = sum of multinomials over all count vectors of n players on 3 actions.
  const CountVectors vectors(3, 20);
  Counts counts = vectors.first();
  boost::multiprecision::cpp_int sum = 0;
  do sum += dilemma::multinomial(counts);
  while (vectors.next(counts));
  CHECK(sum == boost::multiprecision::pow(boost::multiprecision::cpp_int(3), 20));
  CHECK(dilemma::log_multinomial({2, 1, 1}) == doctest::Approx(std::log(12.0)));
  // 1000! / (500! 500!) = C(1000, 500) ~ 2.7e299; its log stays finite for far larger n.
  CHECK(dilemma::log_multinomial({500, 500}) == doctest::Approx(689.4672).epsilon(1e-6));
  CHECK(std::isfinite(dilemma::log_multinomial({400000, 300000, 300000})));
}

TEST_CASE("multinomial: an exact value too large to compute is refused at once, naming log_multiplicity") {
  const dilemma::Counts huge{std::size_t{1} << 39, std::size_t{1} << 39};
  CHECK(dilemma::testing::error_message([&] { dilemma::multinomial(huge); }).find("use log_multiplicity") !=
        std::string::npos);
  CHECK(dilemma::multinomial({3000, 3000}) > 0);
}

// libFuzzer target: games built from raw arrays, as the Python layer builds
// them from NumPy arrays, then cheap solvers and their invariants.
//
// Input layout (all bytes optional; missing ones read as zero):
//   byte 0  mode: bit 0 symmetric game, bit 1 payoffs as one signed byte
//           each (small integers, many ties) instead of raw 8-byte doubles,
//           bit 2 pass exactly the payoffs present (a size mismatch must be
//           rejected) instead of zero-padding them
//   normal form:  byte 1 -> n = 1 + b % 5 players, then n bytes -> m_i = 1 + b % 6
//   symmetric:    byte 1 -> n = 1 + b % 8 players, byte 2 -> s = 1 + b % 4 actions
//   the rest      payoffs: player-major C-order tensors / the symmetric table
//
// Only dilemma::InvalidArgument is allowed, and only for a non-finite payoff
// or a size mismatch. Invariants checked: pure_nash_indices equals the
// textbook pure_nash_brute and the set of pure profiles of zero regret; the
// regret of the uniform profile is >= 0, never NaN, finite unless payoffs
// are near the double range; from_function builds the same game as the
// array constructor; to_nfg reads back; for symmetric games, the count
// classes of pure equilibria and the uniform regret agree with those of the
// dense normal form.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <set>
#include <vector>

#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/games/symmetric_game.hpp"
#include "dilemma/io/nfg.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/profiles/symmetric_payoffs.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/solvers/symmetric_pure_nash.hpp"
#include "fuzz_common.hpp"

namespace {

// Small games keep an execution near a millisecond under the sanitizers.
constexpr std::size_t kMaxPayoffs = 1024;
constexpr std::size_t kMaxDense = 256;  // payoffs of the dense form checked for a symmetric game

class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  std::size_t remaining() const { return size_ - pos_; }
  // Up to `wanted` payoffs from the remaining bytes; zero-padded to `wanted`
  // unless `exact`.
  std::vector<double> payoffs(std::size_t wanted, bool small_integers, bool exact) {
    std::vector<double> values;
    const std::size_t width = small_integers ? 1 : sizeof(double);
    while (remaining() >= width && values.size() < kMaxPayoffs + 1) {
      double value;
      if (small_integers) {
        value = static_cast<double>(static_cast<std::int8_t>(byte()));
      } else {
        std::memcpy(&value, data_ + pos_, sizeof value);
        pos_ += sizeof value;
      }
      values.push_back(value);
      if (!exact && values.size() == wanted) break;
    }
    if (!exact) values.resize(wanted, 0.0);
    return values;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

bool all_finite(const std::vector<double>& values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

double max_abs(const std::vector<double>& values) {
  double m = 0;
  for (double v : values) m = std::max(m, std::fabs(v));
  return m;
}

void check_regret(double r, double scale, const char* what) {
  FUZZ_CHECK(!std::isnan(r), what);
  FUZZ_CHECK(r >= 0, what);
  if (scale <= 1e300) FUZZ_CHECK(std::isfinite(r), what);
}

void check_normal_form(const dilemma::NormalFormGame& game, bool thorough = true) {
  const std::size_t n = game.num_players(), P = game.num_profiles();
  const double scale = max_abs(game.payoff_data());

  // Pure equilibria: the fast method, the textbook one and zero regret agree.
  const std::vector<std::size_t> fast = dilemma::pure_nash_indices(game, 0.0);
  const std::vector<std::size_t> brute = dilemma::pure_nash_brute(game, 0.0);
  FUZZ_CHECK(fast == brute, "pure_nash_indices != pure_nash_brute");
  FUZZ_CHECK(std::is_sorted(fast.begin(), fast.end()), "pure_nash_indices not ascending");
  if (P > 128) thorough = false;  // the per-profile check below costs O(P * sum m_i) allocations
  std::vector<std::size_t> zero_regret;
  for (std::size_t k = 0; thorough && k < P; ++k) {
    const double r = dilemma::regret(game, game.profile_at(k));
    FUZZ_CHECK(!std::isnan(r) && r >= 0, "regret of a pure profile is NaN or negative");
    if (r <= 0) zero_regret.push_back(k);
  }
  if (thorough) FUZZ_CHECK(fast == zero_regret, "pure equilibria != profiles of zero regret");
  const std::vector<dilemma::PureProfile> profiles = dilemma::pure_nash(game, 0.0);
  FUZZ_CHECK(profiles.size() == fast.size(), "pure_nash and pure_nash_indices disagree");
  for (std::size_t e = 0; e < profiles.size(); ++e)
    FUZZ_CHECK(game.profile_index(profiles[e]) == fast[e], "pure_nash profile has the wrong index");

  // Regret of the uniform profile.
  check_regret(dilemma::regret(game, dilemma::uniform_profile(game)), scale,
               "regret of the uniform profile is NaN, negative or overflows");

  if (!thorough) return;
  // from_function builds the same game as the array constructor.
  const dilemma::NormalFormGame same = dilemma::NormalFormGame::from_function(
      game.nums_actions(), [&](const dilemma::PureProfile& profile) {
        const std::size_t index = game.profile_index(profile);
        std::vector<double> values(n);
        for (std::size_t i = 0; i < n; ++i) values[i] = game.payoffs(i)[index];
        return values;
      });
  FUZZ_CHECK(same == game, "from_function and the array constructor disagree");

  // The .nfg writer and reader round-trip every finite payoff exactly.
  FUZZ_CHECK(dilemma::parse_nfg(dilemma::to_nfg(game)) == game, "parse_nfg(to_nfg(g)) != g");
}

void fuzz_normal_form(Bytes& in, bool small_integers, bool exact) {
  const std::size_t n = 1 + in.byte() % 5;
  std::vector<std::size_t> nums(n);
  std::size_t P = 1;
  for (std::size_t& m : nums) {
    m = 1 + in.byte() % 6;
    P *= m;
  }
  if (P * n > kMaxPayoffs) return;
  std::vector<double> payoffs = in.payoffs(P * n, small_integers, exact);
  const bool valid = payoffs.size() == P * n && all_finite(payoffs);
  try {
    const dilemma::NormalFormGame game(nums, std::move(payoffs));
    FUZZ_CHECK(valid, "NormalFormGame accepted a wrong size or a non-finite payoff");
    check_normal_form(game);
  } catch (const dilemma::InvalidArgument& error) {
    if (valid) {
      std::fprintf(stderr, "InvalidArgument on valid payoffs: %s\n", error.what());
      std::abort();
    }
  }
}

std::set<dilemma::Counts> count_classes(const std::vector<dilemma::PureProfile>& profiles,
                                        std::size_t s) {
  std::set<dilemma::Counts> classes;
  for (const dilemma::PureProfile& profile : profiles) {
    dilemma::Counts counts(s, 0);
    for (std::size_t a : profile) ++counts[a];
    classes.insert(counts);
  }
  return classes;
}

void fuzz_symmetric(Bytes& in, bool small_integers, bool exact) {
  const std::size_t n = 1 + in.byte() % 8, s = 1 + in.byte() % 4;
  const dilemma::CountVectors others(s, n - 1);
  const std::size_t wanted = s * others.size();
  std::vector<double> table = in.payoffs(wanted, small_integers, exact);
  const bool valid = table.size() == wanted && all_finite(table);
  try {
    const dilemma::SymmetricGame game(n, s, table);
    FUZZ_CHECK(valid, "SymmetricGame accepted a wrong size or a non-finite payoff");
    const double scale = max_abs(table);

    // The callable-backed game, tabulated, is the same table.
    const dilemma::SymmetricGame tabulated = dilemma::SymmetricGame::tabulate(
        n, s, [&](std::size_t a, const dilemma::Counts& m) { return game.payoff(a, m); });
    FUZZ_CHECK(tabulated.table() == game.table(), "tabulate disagrees with the table");

    const std::vector<dilemma::CountClass> classes = dilemma::pure_nash(game, 0.0);
    std::set<dilemma::Counts> symmetric_classes;
    for (const dilemma::CountClass& c : classes) symmetric_classes.insert(c.counts);
    FUZZ_CHECK(symmetric_classes.size() == classes.size(), "a count class is listed twice");

    const std::vector<double> x(s, 1.0 / static_cast<double>(s));
    const double r = dilemma::regret(game, x);
    check_regret(r, scale, "symmetric regret of the uniform strategy is NaN, negative or overflows");

    // Against the dense normal form, when it is small.
    double dense_size = n;
    for (std::size_t i = 0; i < n; ++i) dense_size *= static_cast<double>(s);
    if (dense_size > kMaxDense) return;
    const dilemma::NormalFormGame dense = dilemma::to_normal_form(game);
    FUZZ_CHECK(count_classes(dilemma::pure_nash(dense, 0.0), s) == symmetric_classes,
               "symmetric pure_nash disagrees with the dense normal form");
    const double dense_r = dilemma::regret(dense, dilemma::uniform_profile(dense));
    if (scale <= 1e300)
      FUZZ_CHECK(std::fabs(dense_r - r) <= 1e-9 * (1 + 2 * scale),
                 "symmetric and dense regret of the uniform profile disagree");
    check_normal_form(dense, false);
  } catch (const dilemma::InvalidArgument& error) {
    if (valid) {
      std::fprintf(stderr, "InvalidArgument on a valid table: %s\n", error.what());
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Bytes in(data, size);
  const std::uint8_t mode = in.byte();
  const bool symmetric = mode & 1, small_integers = mode & 2, exact = mode & 4;
  try {
    if (symmetric)
      fuzz_symmetric(in, small_integers, exact);
    else
      fuzz_normal_form(in, small_integers, exact);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "undocumented exception: %s\n", error.what());
    std::abort();
  }
  return 0;
}

#include "output.hpp"

#include <algorithm>

namespace dilemma::cli {

void EquilibriumWriter::pure(const PureProfile& profile) {
  line_ = "NE";
  for (std::size_t i = 0; i < original_.num_players(); ++i)
    for (std::size_t a = 0; a < original_.num_actions(i); ++a)
      line_ += a == kept_[i][profile[i]] ? ",1" : ",0";
  end_line();
}

template <class Scalar>
void EquilibriumWriter::write(const dilemma::BasicMixedProfile<Scalar>& profile, const char* label) {
  line_ = label;
  std::vector<Scalar> strategy;
  for (std::size_t i = 0; i < profile.size(); ++i) {
    strategy.assign(original_.num_actions(i), Scalar(0));
    for (std::size_t a = 0; a < profile[i].size(); ++a) strategy[kept_[i][a]] = profile[i][a];
    for (const Scalar& p : strategy) append_number(p);
  }
  end_line();
}

void EquilibriumWriter::profile(const dilemma::MixedProfile& profile, const char* label) { write(profile, label); }
void EquilibriumWriter::profile(const dilemma::BasicMixedProfile<dilemma::Rational>& profile, const char* label) {
  write(profile, label);
}

void EquilibriumWriter::distribution(const std::vector<double>& probabilities, const char* label) {
  const std::size_t n = original_.num_players();
  std::vector<std::size_t> strides(n, 1);  // of the game solved, C order
  for (std::size_t i = n - 1; i > 0; --i) strides[i - 1] = strides[i] * kept_[i].size();
  std::vector<std::vector<std::size_t>> position(n);  // original action -> index solved, or none
  for (std::size_t i = 0; i < n; ++i) {
    position[i].assign(original_.num_actions(i), kNone);
    for (std::size_t a = 0; a < kept_[i].size(); ++a) position[i][kept_[i][a]] = a;
  }
  line_ = label;
  PureProfile profile(n, 0);
  for (std::size_t count = 0; count < original_.num_profiles(); ++count) {
    std::size_t index = 0;
    for (std::size_t i = 0; i < n && index != kNone; ++i)
      index = position[i][profile[i]] == kNone ? kNone : index + position[i][profile[i]] * strides[i];
    append_number(index == kNone ? 0.0 : probabilities[index]);
    for (std::size_t i = 0; i < n && ++profile[i] == original_.num_actions(i); ++i) profile[i] = 0;
  }
  end_line();
}

void EquilibriumWriter::append_number(double p) {
  char number[64];
  const int length = std::snprintf(number, sizeof number, ",%.*f", decimals_, p);
  line_.append(number, static_cast<std::size_t>(std::max(length, 0)));
}

}  // namespace dilemma::cli

#include "output.hpp"

#include <algorithm>
#include <type_traits>

namespace dilemma::cli {

namespace {

/// u_i(a, x_{-i}) for every player i and strategy a, in Scalar (the payoffs
/// of the .nfg as the exact methods read them when Scalar is Rational).
/// Loops over every pure profile: -D is for games small enough to read.
template <class Scalar>
std::vector<std::vector<Scalar>> strategy_values(const NormalFormGame& game,
                                                 const dilemma::BasicMixedProfile<Scalar>& x) {
  const std::size_t n = game.num_players();
  std::vector<std::vector<Scalar>> values(n);
  for (std::size_t i = 0; i < n; ++i) values[i].assign(game.num_actions(i), Scalar(0));
  PureProfile profile(n, 0);  // C order: the last player's strategy varies fastest
  for (std::size_t index = 0; index < game.num_profiles(); ++index) {
    for (std::size_t i = 0; i < n; ++i) {
      Scalar weight(1);
      for (std::size_t j = 0; j < n && weight != Scalar(0); ++j)
        if (j != i) weight *= x[j][profile[j]];
      if (weight == Scalar(0)) continue;
      const double payoff = game.payoffs(i)[index];
      if constexpr (std::is_same_v<Scalar, dilemma::Rational>)
        values[i][profile[i]] += weight * dilemma::detail::to_rational(payoff);
      else
        values[i][profile[i]] += weight * payoff;
    }
    for (std::size_t i = n; i-- > 0 && ++profile[i] == game.num_actions(i);) profile[i] = 0;
  }
  return values;
}

/// `text` right-aligned in `width` columns.
std::string right(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

}  // namespace

void EquilibriumWriter::pure(const PureProfile& profile) {
  if (detail_) {
    dilemma::BasicMixedProfile<dilemma::Rational> exact(profile.size());
    for (std::size_t i = 0; i < profile.size(); ++i) {
      exact[i].assign(kept_[i].size(), dilemma::Rational(0));
      exact[i][profile[i]] = 1;
    }
    return write_detail(in_original(exact));
  }
  line_ = "NE";
  for (std::size_t i = 0; i < original_.num_players(); ++i)
    for (std::size_t a = 0; a < original_.num_actions(i); ++a)
      line_ += a == kept_[i][profile[i]] ? ",1" : ",0";
  end_line();
}

template <class Scalar>
dilemma::BasicMixedProfile<Scalar> EquilibriumWriter::in_original(
    const dilemma::BasicMixedProfile<Scalar>& profile) const {
  dilemma::BasicMixedProfile<Scalar> result(profile.size());
  for (std::size_t i = 0; i < profile.size(); ++i) {
    result[i].assign(original_.num_actions(i), Scalar(0));
    for (std::size_t a = 0; a < profile[i].size(); ++a) result[i][kept_[i][a]] = profile[i][a];
  }
  return result;
}

template <class Scalar>
void EquilibriumWriter::write(const dilemma::BasicMixedProfile<Scalar>& profile, const char* label) {
  if (detail_) return write_detail(in_original(profile));
  line_ = label;
  for (const auto& strategy : in_original(profile))
    for (const Scalar& p : strategy) append_number(p);
  end_line();
}

template <class Scalar>
void EquilibriumWriter::write_detail(const dilemma::BasicMixedProfile<Scalar>& profile) {
  const auto values = strategy_values(original_, profile);
  std::string text;
  for (std::size_t i = 0; i < profile.size(); ++i) {
    text += "Strategy profile for player " + std::to_string(i + 1) + ":\n";
    text += "Strategy   Prob          Value\n";
    text += "--------   -----------   -----------\n";
    for (std::size_t a = 0; a < profile[i].size(); ++a) {
      const std::string& label = original_.action_labels(i)[a];
      text += right(label.empty() ? std::to_string(a + 1) : label, 8) + "    " +
              right(number(profile[i][a]), 10) + "   " + right(number(values[i][a]), 11) + "\n";
    }
  }
  out_.append(text);
}

void EquilibriumWriter::profile(const dilemma::MixedProfile& profile, const char* label) { write(profile, label); }
void EquilibriumWriter::profile(const dilemma::BasicMixedProfile<dilemma::Rational>& profile, const char* label) {
  write(profile, label);
}

void EquilibriumWriter::logit_point(const dilemma::MixedProfile& profile, const std::string& label) {
  line_ = label;
  char number[64];
  for (const auto& strategy : in_original(profile))
    for (double p : strategy) {
      const int length = std::snprintf(number, sizeof number, ",%.*g", decimals_, p);
      line_.append(number, static_cast<std::size_t>(std::max(length, 0)));
    }
  end_line();
}

void EquilibriumWriter::support(const std::vector<std::vector<std::size_t>>& support, const char* label) {
  line_ = label;
  for (std::size_t i = 0; i < support.size(); ++i) {
    std::string digits(original_.num_actions(i), '0');
    for (std::size_t a : support[i]) digits[kept_[i][a]] = '1';
    line_ += "," + digits;
  }
  end_line();
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

std::string EquilibriumWriter::number(double p) const {
  char text[64];
  const int length = std::snprintf(text, sizeof text, "%.*f", decimals_, p);
  return std::string(text, static_cast<std::size_t>(std::max(length, 0)));
}

}  // namespace dilemma::cli

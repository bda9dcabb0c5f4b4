// The output of the `dilemma` tool: buffered standard output and the
// equilibria in Gambit's format.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "dilemma/detail/rational.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "methods.hpp"

namespace dilemma::cli {

/// Buffered standard output: one fwrite per 64 KiB, not one per line.
class Output {
 public:
  ~Output() { flush(); }
  void append(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= (1u << 16)) flush();
  }
  void flush() {
    if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
    buffer_.clear();
  }

 private:
  std::string buffer_;
};

/// Prints equilibria as Gambit does: "NE," then every player's probability of
/// every strategy, player by player. Pure strategies print as 1 and 0;
/// mixed probabilities with `decimals` digits after the point, exact ones as
/// Gambit prints rationals ("1/3"). With options.detail (Gambit's -D) each
/// profile is a table per player instead: every strategy's label (its
/// number when it has none), probability and expected payoff against the
/// others' strategies, as gambit-enumpure -D, gambit-lcp -D and gambit-lp -D
/// print it.
///
/// The methods may solve a reduced game (--eliminate): `kept[i]` lists the
/// original index of each of player i's remaining strategies, and every line
/// is written for the original game, eliminated strategies at probability 0.
class EquilibriumWriter {
 public:
  EquilibriumWriter(const NormalFormGame& original, const std::vector<std::vector<std::size_t>>& kept,
                    const SolveOptions& options, Output& out)
      : original_(original), kept_(kept), decimals_(options.decimals), detail_(options.detail), out_(out) {}

  void pure(const PureProfile& profile);

  /// A profile {x, y, ...} of the game solved, probabilities player by player.
  void profile(const dilemma::MixedProfile& profile, const char* label = "NE");
  void profile(const dilemma::BasicMixedProfile<dilemma::Rational>& profile, const char* label = "NE");

  /// A point of a logit branch as gambit-logit prints it: `label` (the
  /// lambda, or "NE" for the limit), then the probabilities with `decimals`
  /// significant digits ("0.333333", "0.5", "4.40659e-11").
  void logit_point(const dilemma::MixedProfile& profile, const std::string& label);

  /// A support profile as gambit-enumpoly -V prints one: `label`, then per
  /// player a comma and one digit per strategy, 1 in the support ("singular,10,01").
  void support(const std::vector<std::vector<std::size_t>>& support, const char* label);

  /// A distribution over the pure profiles of the game solved (C order, as
  /// CorrelatedEquilibrium::distribution), printed over the original game's
  /// profiles in Gambit's order: player 1's strategy varying fastest.
  void distribution(const std::vector<double>& probabilities, const char* label);

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::string number(double p) const;
  static std::string number(const dilemma::Rational& p) { return p.str(); }
  void append_number(double p) { line_ += "," + number(p); }
  void append_number(const dilemma::Rational& p) { line_ += "," + p.str(); }
  /// The profile of the game solved, as one of the original game.
  template <class Scalar>
  dilemma::BasicMixedProfile<Scalar> in_original(const dilemma::BasicMixedProfile<Scalar>& profile) const;
  template <class Scalar>
  void write(const dilemma::BasicMixedProfile<Scalar>& profile, const char* label);
  template <class Scalar>
  void write_detail(const dilemma::BasicMixedProfile<Scalar>& profile);
  void end_line() {
    line_ += '\n';
    out_.append(line_);
  }

  const NormalFormGame& original_;
  const std::vector<std::vector<std::size_t>>& kept_;
  int decimals_;
  bool detail_;
  Output& out_;
  std::string line_;
};

}  // namespace dilemma::cli

// The `dilemma` command-line tool: solves games in Gambit's .nfg format and
// prints equilibria in Gambit's output format ("NE,p_1,...,p_K"), so its
// output can be compared line by line with gambit-enumpure and friends.
//
// A solution method is one entry of kMethods; adding a method is adding an
// entry (name, description, function).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "dilemma/analysis/dominance.hpp"
#include "dilemma/io/nfg.hpp"
#include "dilemma/solvers/correlated_equilibrium.hpp"
#include "dilemma/solvers/equilibrium_enumeration.hpp"
#include "dilemma/solvers/lemke_howson.hpp"
#include "dilemma/solvers/logit_qre.hpp"
#include "dilemma/solvers/nash_components.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/solvers/simplicial_subdivision.hpp"
#include "dilemma/solvers/support_enumeration.hpp"
#include "dilemma/solvers/symmetric_equilibria.hpp"
#include "dilemma/solvers/zero_sum.hpp"
#include "dilemma/version.hpp"

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace {

using dilemma::NormalFormGame;
using dilemma::PureProfile;

constexpr int kBadInput = 1;
constexpr int kUsage = 2;

/// A command line that cannot be run: exit status 2.
struct UsageError {
  std::string message;
};

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

struct SolveOptions {
  double tol = 0.0;
  int decimals = 6;
  bool decimals_given = false;  // two-player methods: floating point instead of exact
  bool connected = false;       // enummixed -c: the maximal Nash subsets too
  std::size_t init_pivot = 0;   // lh: the label dropped first
  dilemma::CorrelatedObjective objective = dilemma::CorrelatedObjective::welfare;  // correlated
  bool coarse = false;          // correlated: coarse correlated equilibria
};

/// Prints equilibria as Gambit does: "NE," then every player's probability of
/// every strategy, player by player. Pure strategies print as 1 and 0;
/// mixed probabilities with `decimals` digits after the point, exact ones as
/// Gambit prints rationals ("1/3").
///
/// The methods may solve a reduced game (--eliminate): `kept[i]` lists the
/// original index of each of player i's remaining strategies, and every line
/// is written for the original game, eliminated strategies at probability 0.
class EquilibriumWriter {
 public:
  EquilibriumWriter(const NormalFormGame& original, const std::vector<std::vector<std::size_t>>& kept,
                    const SolveOptions& options, Output& out)
      : original_(original), kept_(kept), decimals_(options.decimals), out_(out) {}

  void pure(const PureProfile& profile) {
    line_ = "NE";
    for (std::size_t i = 0; i < original_.num_players(); ++i)
      for (std::size_t a = 0; a < original_.num_actions(i); ++a)
        line_ += a == kept_[i][profile[i]] ? ",1" : ",0";
    end_line();
  }

  /// A profile {x, y, ...} of the game solved, probabilities player by player.
  void profile(const dilemma::MixedProfile& profile, const char* label = "NE") { write(profile, label); }
  void profile(const dilemma::BasicMixedProfile<dilemma::Rational>& profile, const char* label = "NE") {
    write(profile, label);
  }

  /// A distribution over the pure profiles of the game solved (C order, as
  /// CorrelatedEquilibrium::distribution), printed over the original game's
  /// profiles in Gambit's order: player 1's strategy varying fastest.
  void distribution(const std::vector<double>& probabilities, const char* label) {
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

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  void append_number(double p) {
    char number[64];
    const int length = std::snprintf(number, sizeof number, ",%.*f", decimals_, p);
    line_.append(number, static_cast<std::size_t>(std::max(length, 0)));
  }
  void append_number(const dilemma::Rational& p) { line_ += "," + p.str(); }

  template <class Scalar>
  void write(const dilemma::BasicMixedProfile<Scalar>& profile, const char* label) {
    line_ = label;
    std::vector<Scalar> strategy;
    for (std::size_t i = 0; i < profile.size(); ++i) {
      strategy.assign(original_.num_actions(i), Scalar(0));
      for (std::size_t a = 0; a < profile[i].size(); ++a) strategy[kept_[i][a]] = profile[i][a];
      for (const Scalar& p : strategy) append_number(p);
    }
    end_line();
  }

  void end_line() {
    line_ += '\n';
    out_.append(line_);
  }

  const NormalFormGame& original_;
  const std::vector<std::vector<std::size_t>>& kept_;
  int decimals_;
  Output& out_;
  std::string line_;
};

// ---- methods ---------------------------------------------------------------

void solve_enumpure(const NormalFormGame& game, const SolveOptions& options,
                    EquilibriumWriter& out) {
  std::vector<PureProfile> equilibria = dilemma::pure_nash(game, options.tol);
  // Gambit lists profiles with player 1's action varying fastest.
  std::sort(equilibria.begin(), equilibria.end(), [](const PureProfile& a, const PureProfile& b) {
    return std::lexicographical_compare(a.rbegin(), a.rend(), b.rbegin(), b.rend());
  });
  for (const PureProfile& profile : equilibria) out.pure(profile);
}

/// Runs solve(Scalar()) with Scalar exact (Rational), as Gambit's two-player
/// tools do by default, or double when -d was given.
template <class Solve>
void in_arithmetic(const SolveOptions& options, Solve&& solve) {
  if (options.decimals_given)
    solve(0.0);
  else
    solve(dilemma::Rational());
}

void solve_enummixed(const NormalFormGame& game, const SolveOptions& options,
                     EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    using Scalar = decltype(scalar);
    if (!options.connected) {
      for (const auto& profile : dilemma::vertex_enumeration<Scalar>(game)) out.profile(profile);
      return;
    }
    const auto components = dilemma::nash_components<Scalar>(game);
    for (const auto& component : components)
      for (const auto& profile : component.equilibria) out.profile(profile);
    std::size_t clique = 0;  // Gambit's "convex-N" lines: every pair of each maximal Nash subset
    for (const auto& component : components)
      for (const auto& subset : component.nash_subsets) {
        const std::string label = "convex-" + std::to_string(++clique);
        for (const auto& x : subset.row_strategies)
          for (const auto& y : subset.column_strategies) out.profile({x, y}, label.c_str());
      }
  });
}

void solve_lcp(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    for (const auto& profile : dilemma::lemke_howson_all<decltype(scalar)>(game)) out.profile(profile);
  });
}

/// QuantEcon's support_enumeration: the extreme equilibria, support pair by
/// support pair (the set of enummixed, in another order).
void solve_support(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    for (const auto& profile : dilemma::support_enumeration<decltype(scalar)>(game)) out.profile(profile);
  });
}

/// One Lemke-Howson path, from the artificial equilibrium dropping the label
/// --init-pivot (QuantEcon's lemke_howson); NotConverged if it is too long.
void solve_lh(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    out.profile(dilemma::lemke_howson<decltype(scalar)>(game, options.init_pivot));
  });
}

void solve_lp(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  in_arithmetic(options, [&](auto scalar) {
    const auto solution = dilemma::solve_zero_sum<decltype(scalar)>(game);
    out.profile({solution.row_strategy, solution.column_strategy});
  });
}

/// As gambit-logit: one line "lambda,probabilities" per point of the branch,
/// then "NE,..." with the limit (refined to an exact equilibrium of its support).
void solve_logit(const NormalFormGame& game, const SolveOptions&, EquilibriumWriter& out) {
  const auto result = dilemma::logit_qre(game);
  char lambda[64];
  for (std::size_t k = 0; k < result.branch.lambdas.size(); ++k) {
    std::snprintf(lambda, sizeof lambda, "%.6f", result.branch.lambdas[k]);
    out.profile(result.branch.profiles[k], lambda);
  }
  out.profile(result.equilibrium);
}

/// As gambit-enumpoly: one "NE,..." line per isolated equilibrium, in the
/// order found. A support whose equilibria are not isolated gets one line
/// "singular,..." with an equilibrium in it when one was found, else
/// "singular-support,..." with 1 for each action of the support.
void solve_enumpoly(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  dilemma::EquilibriumEnumerationOptions settings;
  if (options.tol > 0) settings.regret_tol = options.tol;
  const auto result = dilemma::enumerate_equilibria(game, settings);
  for (const auto& profile : result.equilibria) out.profile(profile);
  for (const auto& singular : result.singular_supports) {
    if (singular.example) {
      out.profile(*singular.example, "singular");
      continue;
    }
    dilemma::MixedProfile indicator(game.num_players());
    for (std::size_t i = 0; i < indicator.size(); ++i) {
      indicator[i].assign(game.num_actions(i), 0.0);
      for (std::size_t a : singular.support[i]) indicator[i][a] = 1;
    }
    out.profile(indicator, "singular-support");
  }
}

/// As gambit-simpdiv: one line "NE,..." with the equilibrium found by
/// simplicial subdivision from every player's first action, refined and
/// verified (regret at most 1e-10 times the payoff range, or --tol if given).
void solve_simpdiv(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  dilemma::SimplicialSubdivisionOptions settings;
  if (options.tol > 0) settings.tol = options.tol;
  out.profile(dilemma::simplicial_subdivision(game, settings).equilibrium);
}

/// One line "CE,..." (or "CCE,..." with --coarse): the probability of every
/// pure profile, in Gambit's order (the order of the .nfg payoffs, player 1's
/// strategy varying fastest).
void solve_correlated(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  const auto result = dilemma::correlated_equilibrium(game, options.objective, options.coarse);
  out.distribution(result.distribution, options.coarse ? "CCE" : "CE");
}

/// The dense game as a symmetric one in count form: u(a, m) for every own
/// action a and others' counts m, read off the profiles; InvalidArgument
/// naming a profile where a player's payoff is not that function (or when
/// the players' action counts differ).
dilemma::SymmetricGame to_symmetric(const NormalFormGame& game) {
  const char* function = "symmetric";
  const std::size_t n = game.num_players(), s = game.num_actions(0);
  for (std::size_t i = 1; i < n; ++i)
    if (game.num_actions(i) != s)
      dilemma::detail::fail(function, "a symmetric game needs the same number of strategies for every player, got ",
                            dilemma::detail::format_tuple(game.nums_actions()));
  const dilemma::CountVectors others(s, n - 1);
  const std::size_t M = others.size();
  std::vector<double> table(s * M, std::numeric_limits<double>::quiet_NaN());
  dilemma::Counts counts(s);
  for (std::size_t k = 0; k < game.num_profiles(); ++k) {
    const PureProfile profile = game.profile_at(k);
    std::fill(counts.begin(), counts.end(), 0);
    for (std::size_t a : profile) ++counts[a];
    for (std::size_t i = 0; i < n; ++i) {
      --counts[profile[i]];
      double& entry = table[profile[i] * M + others.rank(counts)];
      ++counts[profile[i]];
      const double u = game.payoffs(i)[k];
      if (std::isnan(entry)) {
        entry = u;
      } else if (entry != u) {
        PureProfile numbered = profile;  // strategies numbered from 1, as players are
        for (std::size_t& a : numbered) ++a;
        dilemma::detail::fail(function, "the game is not symmetric: player ", i + 1, "'s payoff at profile ",
                              dilemma::detail::format_tuple(numbered), " (strategies numbered from 1) is ", u,
                              ", another player's for the same strategy against the same counts of the "
                              "others' strategies is ",
                              entry);
      }
    }
  }
  return dilemma::SymmetricGame(n, s, std::move(table));
}

/// Every player mixing with the same x, each symmetric equilibrium found as
/// one line "NE,x,x,...,x" (a continuum by its barycenter, when that is an
/// equilibrium); then each support whose indifference conditions hold
/// identically as a line "singular-support,..." with 1 for each of its actions.
void solve_symmetric(const NormalFormGame& game, const SolveOptions& options, EquilibriumWriter& out) {
  dilemma::SymmetricEquilibriumOptions settings;
  if (options.tol > 0) settings.tol = options.tol;
  const auto result = dilemma::symmetric_equilibria(to_symmetric(game), settings);
  for (const auto& x : result.equilibria) out.profile(dilemma::MixedProfile(game.num_players(), x));
  for (const auto& support : result.singular_supports) {
    std::vector<double> indicator(game.num_actions(0), 0.0);
    for (std::size_t a : support) indicator[a] = 1;
    out.profile(dilemma::MixedProfile(game.num_players(), indicator), "singular-support");
  }
}

struct Method {
  const char* name;
  const char* description;
  void (*solve)(const NormalFormGame&, const SolveOptions&, EquilibriumWriter&);
};

constexpr Method kMethods[] = {
    {"enumpure", "all pure-strategy Nash equilibria, by enumeration (as gambit-enumpure)",
     solve_enumpure},
    {"enummixed", "two players: all extreme equilibria (as gambit-enummixed; -c: maximal\n"
                  "              Nash subsets as convex-N lines)",
     solve_enummixed},
    {"lcp", "two players: equilibria reachable by Lemke-Howson paths (as gambit-lcp)", solve_lcp},
    {"support", "two players: all extreme equilibria by support enumeration, support\n"
                "              pair by pair (QuantEcon's support_enumeration; the set of\n"
                "              enummixed, in another order)",
     solve_support},
    {"lh", "two players: the equilibrium at the end of one Lemke-Howson path, from\n"
           "              the artificial equilibrium dropping label --init-pivot K\n"
           "              (QuantEcon's lemke_howson; gambit-lcp follows all paths)",
     solve_lh},
    {"lp", "two-player constant-sum games: an equilibrium by linear programming\n"
           "              (as gambit-lp)",
     solve_lp},
    {"enumpoly", "all isolated equilibria of any number of players: supports enumerated,\n"
                 "              each solved by interval subdivision (as gambit-enumpoly;\n"
                 "              non-isolated ones as lines \"singular,...\"; --tol: regret\n"
                 "              tolerance relative to the payoff range)",
     solve_enumpoly},
    {"logit", "the limit of the principal logit QRE branch, with the branch (as\n"
              "              gambit-logit: lines \"lambda,...\", then \"NE,...\")",
     solve_logit},
    {"simpdiv", "one equilibrium of any number of players by simplicial subdivision,\n"
                "              refined on its support and verified (as gambit-simpdiv;\n"
                "              --tol: regret tolerance relative to the payoff range)",
     solve_simpdiv},
    {"symmetric", "symmetric games (every player's payoff the same function of its own\n"
                  "              strategy and the counts of the others'): the equilibria in\n"
                  "              which everybody mixes alike, by the count-form solver\n"
                  "              (roots of a polynomial for 2 strategies, supports and\n"
                  "              Newton's method for more; supports of continua as lines\n"
                  "              \"singular-support,...\"; --tol: regret tolerance relative\n"
                  "              to the payoff scale)",
     solve_symmetric},
    {"correlated", "a correlated equilibrium of any number of players by linear\n"
                   "              programming, maximising --objective; one line \"CE,q_1,...,q_P\"\n"
                   "              (\"CCE,...\" with --coarse): the probability of every pure\n"
                   "              profile, in the order of the .nfg payoffs (player 1's\n"
                   "              strategy varying fastest)",
     solve_correlated},
};

const Method* find_method(std::string_view name) {
  for (const Method& method : kMethods)
    if (name == method.name) return &method;
  return nullptr;
}

std::string method_list() {
  std::string text;
  for (const Method& method : kMethods) {
    std::string name = method.name;
    name.resize(std::max<std::size_t>(name.size() + 2, 12), ' ');
    text += "  " + name + method.description + "\n";
  }
  return text;
}

// ---- help ------------------------------------------------------------------

const char* const kSolveOptions =
    "  -m, --method NAME   solution method (default: enumpure); see the methods below\n"
    "  --tol X             a profile is an equilibrium when no player gains more\n"
    "                      than X by deviating (default: 0, exact comparison)\n"
    "  -d, --decimals N    digits after the point for mixed probabilities\n"
    "                      (default: 6, as Gambit's -d; pure ones print as 1 and 0).\n"
    "                      The two-player methods compute exactly and print\n"
    "                      fractions unless -d is given, as Gambit's tools do\n"
    "  -c, --connected     enummixed: also print each maximal Nash subset's\n"
    "                      extreme equilibria as lines \"convex-N,...\"\n"
    "  --init-pivot K      lh: the label dropped first, 0 to m+n-1: player 1's\n"
    "                      strategies are 0 to m-1, player 2's m to m+n-1\n"
    "                      (default: 0, as QuantEcon's lemke_howson; with\n"
    "                      --eliminate, player 1's first remaining strategy)\n"
    "  --objective NAME    correlated: welfare (the largest expected sum of\n"
    "                      payoffs; default), min_welfare (the smallest) or\n"
    "                      feasible (any vertex of the polytope)\n"
    "  --coarse            correlated: a coarse correlated equilibrium instead\n"
    "  --eliminate         first remove strictly dominated strategies (by pure\n"
    "                      strategies, iterated; no equilibrium is lost), solve\n"
    "                      the reduced game and print its equilibria in the\n"
    "                      original game, removed strategies at probability 0\n"
    "  -q, --quiet         accepted for compatibility with Gambit's tools; dilemma\n"
    "                      prints no banner anyway\n"
    "  -h, --help          print the help of solve\n";

std::string main_help() {
  return std::string("dilemma ") + DILEMMA_VERSION_STRING +
         " - game theory on the command line\n"
         "\n"
         "Usage:\n"
         "  dilemma solve [OPTIONS] [GAME] print the equilibria of a game, one line each\n"
         "  dilemma info [GAME]            print a game's title, players, action counts\n"
         "                                 and number of profiles\n"
         "  dilemma --help | -h            print this help\n"
         "  dilemma --version              print the version\n"
         "\n"
         "GAME is a Gambit .nfg file (version 1, payoff or outcome form); without\n"
         "GAME, or with -, the game is read from standard input (as Gambit's tools\n"
         "read it).\n"
         "\n"
         "Options of solve:\n" +
         std::string(kSolveOptions) +
         "\n"
         "Methods of solve:\n" +
         method_list() +
         "\n"
         "Exit status: 0 on success, 1 for a game that cannot be read or solved,\n"
         "2 for a malformed command line.\n";
}

std::string solve_help() {
  return std::string(
             "Usage: dilemma solve [OPTIONS] [GAME]\n"
             "\n"
             "Prints each equilibrium found as a line \"NE,p_1,...,p_K\" (Gambit's format):\n"
             "every player's probability of each of its strategies, player 1 first.\n"
             "Lines are in Gambit's order: profiles enumerated with player 1's strategy\n"
             "varying fastest (methods that print otherwise say so below). GAME is a\n"
             "file in Gambit's .nfg format; without GAME, or with -, standard input.\n"
             "\n"
             "Options:\n") +
         kSolveOptions +
         "\n"
         "Methods:\n" +
         method_list();
}

// ---- command line ------------------------------------------------------------

/// Splits "--name=value" and takes the value of an option from the next
/// argument otherwise.
class Arguments {
 public:
  Arguments(int argc, char** argv, int first) : args_(argv + first, argv + argc) {}
  bool done() const { return next_ >= args_.size(); }
  std::string_view take() { return args_[next_++]; }
  std::string_view value_of(std::string_view option, std::string_view inline_value,
                            bool has_inline) {
    if (has_inline) return inline_value;
    if (done()) throw UsageError{"option " + std::string(option) + " needs a value"};
    return take();
  }

 private:
  std::vector<std::string_view> args_;
  std::size_t next_ = 0;
};

double parse_tol(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      value < 0)
    throw UsageError{"--tol needs a finite number >= 0, got \"" + std::string(text) + "\""};
  return value;
}

/// An integer from 0 to `high`, the value of `option`.
std::size_t parse_count(std::string_view text, const char* option, std::size_t high) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value > high)
    throw UsageError{std::string(option) + " needs an integer " +
                     (high == std::numeric_limits<std::size_t>::max() ? std::string(">= 0")
                                                                      : "from 0 to " + std::to_string(high)) +
                     ", got \"" + std::string(text) + "\""};
  return value;
}

int parse_decimals(std::string_view text) { return static_cast<int>(parse_count(text, "-d", 17)); }

dilemma::CorrelatedObjective parse_objective(std::string_view text) {
  if (text == "welfare") return dilemma::CorrelatedObjective::welfare;
  if (text == "min_welfare") return dilemma::CorrelatedObjective::min_welfare;
  if (text == "feasible") return dilemma::CorrelatedObjective::feasible;
  throw UsageError{"--objective needs welfare, min_welfare or feasible, got \"" + std::string(text) + "\""};
}

bool stdin_is_terminal() {
#ifdef _WIN32
  return _isatty(_fileno(stdin)) != 0;
#else
  return isatty(STDIN_FILENO) != 0;
#endif
}

/// GAME, or standard input ("-") when none was given, as Gambit's tools
/// read it; an error rather than waiting for a game typed at a terminal.
std::string game_or_stdin(bool have_game, const std::string& path, const char* command) {
  if (have_game) return path;
  if (stdin_is_terminal())
    throw UsageError{std::string(command) +
                     " needs a GAME: a .nfg file, or - or nothing with the game on standard "
                     "input (which is a terminal)"};
  return "-";
}

/// Every strategy of every player: the "reduced" game of no elimination.
std::vector<std::vector<std::size_t>> all_strategies(const NormalFormGame& game) {
  std::vector<std::vector<std::size_t>> kept(game.num_players());
  for (std::size_t i = 0; i < kept.size(); ++i)
    for (std::size_t a = 0; a < game.num_actions(i); ++a) kept[i].push_back(a);
  return kept;
}

/// The label of a two-player game's strategy `label` in the game reduced to
/// `kept`; an error when --eliminate removed that strategy.
std::size_t reduced_label(const NormalFormGame& game, const std::vector<std::vector<std::size_t>>& kept,
                          std::size_t label) {
  if (game.num_players() != 2) return label;  // lh reports the number of players
  const std::size_t m = game.num_actions(0), player = label < m ? 0 : 1;
  const std::size_t action = label - player * m;
  if (player == 1 && action >= game.num_actions(1))
    throw dilemma::InvalidArgument("lh: --init-pivot must be in 0.." +
                                   std::to_string(m + game.num_actions(1) - 1) + ", got " +
                                   std::to_string(label));
  const auto found = std::find(kept[player].begin(), kept[player].end(), action);
  if (found == kept[player].end())
    throw dilemma::InvalidArgument("lh: --init-pivot " + std::to_string(label) + " is strategy " +
                                   std::to_string(action + 1) + " of player " + std::to_string(player + 1) +
                                   ", which --eliminate removed (strictly dominated)");
  return static_cast<std::size_t>(found - kept[player].begin()) + (player == 0 ? 0 : kept[0].size());
}

NormalFormGame load_game(const std::string& path, const char* command) {
  if (path == "-") {
    const dilemma::detail::FileText file(0, "<stdin>", command);
    return dilemma::detail::parse_nfg(file.text(), "<stdin>");
  }
  const dilemma::detail::FileText file(path, command);
  return dilemma::detail::parse_nfg(file.text(), path);
}

int run_solve(Arguments& args, Output& out) {
  SolveOptions options;
  const Method* method = &kMethods[0];
  std::string game_path;
  bool have_game = false, eliminate = false, init_pivot_given = false;
  while (!args.done()) {
    const std::string_view arg = args.take();
    const std::size_t equals = arg.find('=');
    const bool long_option = arg.size() > 2 && arg.substr(0, 2) == "--";
    const bool has_inline = long_option && equals != std::string_view::npos;
    const std::string_view name = has_inline ? arg.substr(0, equals) : arg;
    const std::string_view inline_value = has_inline ? arg.substr(equals + 1) : std::string_view();
    if (name == "-h" || name == "--help") {
      out.append(solve_help());
      return 0;
    } else if (name == "-m" || name == "--method") {
      const std::string_view value = args.value_of(name, inline_value, has_inline);
      method = find_method(value);
      if (method == nullptr) {
        std::string list = method_list();
        list.pop_back();  // the final newline
        throw UsageError{"unknown method \"" + std::string(value) + "\"; the methods are:\n" +
                         list};
      }
    } else if (name == "--tol") {
      options.tol = parse_tol(args.value_of(name, inline_value, has_inline));
    } else if (name == "-d" || name == "--decimals") {
      options.decimals = parse_decimals(args.value_of(name, inline_value, has_inline));
      options.decimals_given = true;
    } else if (arg.size() > 2 && arg.substr(0, 2) == "-d") {  // -d6, as Gambit accepts
      options.decimals = parse_decimals(arg.substr(2));
      options.decimals_given = true;
    } else if (name == "-c" || name == "--connected") {
      options.connected = true;
    } else if (name == "--init-pivot") {
      options.init_pivot = parse_count(args.value_of(name, inline_value, has_inline), "--init-pivot",
                                       std::numeric_limits<std::size_t>::max());
      init_pivot_given = true;
    } else if (name == "--objective") {
      options.objective = parse_objective(args.value_of(name, inline_value, has_inline));
    } else if (name == "--coarse") {
      options.coarse = true;
    } else if (name == "--eliminate") {
      eliminate = true;
    } else if (name == "-q" || name == "--quiet") {
      // nothing to silence
    } else if (arg.size() > 1 && arg[0] == '-') {
      throw UsageError{"unknown option \"" + std::string(arg) + "\" for solve"};
    } else {
      if (have_game)
        throw UsageError{"solve takes one GAME, got a second: \"" + std::string(arg) + "\""};
      game_path = arg;
      have_game = true;
    }
  }
  const NormalFormGame game = load_game(game_or_stdin(have_game, game_path, "solve"), "solve");
  if (!eliminate) {
    const auto kept = all_strategies(game);
    EquilibriumWriter writer(game, kept, options, out);
    method->solve(game, options, writer);
    return 0;
  }
  const dilemma::Elimination reduced = dilemma::iterated_elimination(game);
  if (init_pivot_given) options.init_pivot = reduced_label(game, reduced.original_actions, options.init_pivot);
  EquilibriumWriter writer(game, reduced.original_actions, options, out);
  method->solve(reduced.game, options, writer);
  return 0;
}

std::string quoted(const std::string& text) {
  std::string result = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') result += '\\';
    result += c;
  }
  return result + '"';
}

int run_info(Arguments& args, Output& out) {
  std::string game_path;
  bool have_game = false;
  while (!args.done()) {
    const std::string_view arg = args.take();
    if (arg == "-h" || arg == "--help") {
      out.append(
          "Usage: dilemma info [GAME]\n"
          "\n"
          "Prints the title, the number of players, the action counts, the number of\n"
          "pure profiles and each player's label and action labels. GAME is a .nfg\n"
          "file; without GAME, or with -, standard input.\n");
      return 0;
    }
    if (arg.size() > 1 && arg[0] == '-')
      throw UsageError{"unknown option \"" + std::string(arg) + "\" for info"};
    if (have_game)
      throw UsageError{"info takes one GAME, got a second: \"" + std::string(arg) + "\""};
    game_path = arg;
    have_game = true;
  }
  const NormalFormGame game = load_game(game_or_stdin(have_game, game_path, "info"), "info");
  std::string text = "title: " + quoted(game.title()) + "\n";
  text += "players: " + std::to_string(game.num_players()) + "\n";
  text += "actions:";
  for (std::size_t m : game.nums_actions()) text += " " + std::to_string(m);
  text += "\nprofiles: " + std::to_string(game.num_profiles()) + "\n";
  for (std::size_t i = 0; i < game.num_players(); ++i) {
    text += "player " + std::to_string(i + 1) + ": " + quoted(game.player_labels()[i]) + " {";
    for (const std::string& label : game.action_labels(i)) text += " " + quoted(label);
    text += " }\n";
  }
  out.append(text);
  return 0;
}

int run(int argc, char** argv, Output& out) {
  if (argc < 2) throw UsageError{"no command given"};
  const std::string_view command = argv[1];
  Arguments args(argc, argv, 2);
  if (command == "-h" || command == "--help" || command == "help") {
    out.append(main_help());
    return 0;
  }
  if (command == "--version") {
    out.append(std::string("dilemma ") + DILEMMA_VERSION_STRING + "\n");
    return 0;
  }
  if (command == "solve") return run_solve(args, out);
  if (command == "info") return run_info(args, out);
  throw UsageError{"unknown command \"" + std::string(command) + "\""};
}

}  // namespace

int main(int argc, char** argv) {
  Output out;
  try {
    const int status = run(argc, argv, out);
    out.flush();
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      std::fprintf(stderr, "dilemma: cannot write the output\n");
      return kBadInput;
    }
    return status;
  } catch (const UsageError& error) {
    out.flush();
    std::fprintf(stderr, "dilemma: %s\nTry 'dilemma --help'.\n", error.message.c_str());
    return kUsage;
  } catch (const std::bad_alloc&) {
    out.flush();
    std::fprintf(stderr, "dilemma: out of memory\n");
  } catch (const std::exception& error) {  // InvalidArgument and NfgParseError: bad input
    out.flush();
    std::fprintf(stderr, "dilemma: %s\n", error.what());
  } catch (...) {
    out.flush();
    std::fprintf(stderr, "dilemma: unexpected error\n");
  }
  return kBadInput;
}

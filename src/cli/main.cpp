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
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "dilemma/io/nfg.hpp"
#include "dilemma/solvers/equilibrium_enumeration.hpp"
#include "dilemma/solvers/lemke_howson.hpp"
#include "dilemma/solvers/logit_qre.hpp"
#include "dilemma/solvers/nash_components.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/solvers/simplicial_subdivision.hpp"
#include "dilemma/solvers/zero_sum.hpp"
#include "dilemma/version.hpp"

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
};

/// Prints equilibria as Gambit does: "NE," then every player's probability of
/// every strategy, player by player. Pure strategies print as 1 and 0;
/// mixed probabilities with `decimals` digits after the point.
class EquilibriumWriter {
 public:
  EquilibriumWriter(const NormalFormGame& game, const SolveOptions& options, Output& out)
      : game_(game), decimals_(options.decimals), out_(out) {}

  void pure(const PureProfile& profile) {
    line_ = "NE";
    for (std::size_t i = 0; i < game_.num_players(); ++i)
      for (std::size_t a = 0; a < game_.num_actions(i); ++a) line_ += a == profile[i] ? ",1" : ",0";
    line_ += '\n';
    out_.append(line_);
  }

  /// Probabilities of all strategies, player by player (sum_i m_i entries).
  void mixed(const std::vector<double>& probabilities, const char* label = "NE") {
    line_ = label;
    char number[64];
    for (double p : probabilities) {
      const int length = std::snprintf(number, sizeof number, ",%.*f", decimals_, p);
      line_.append(number, static_cast<std::size_t>(std::max(length, 0)));
    }
    line_ += '\n';
    out_.append(line_);
  }

  /// A profile {x, y, ...}: probabilities with `decimals` digits, or exact
  /// fractions as Gambit prints rationals ("1/3").
  void profile(const dilemma::MixedProfile& profile, const char* label = "NE") {
    std::vector<double> flat;
    for (const auto& strategy : profile) flat.insert(flat.end(), strategy.begin(), strategy.end());
    mixed(flat, label);
  }
  void profile(const dilemma::BasicMixedProfile<dilemma::Rational>& profile, const char* label = "NE") {
    line_ = label;
    for (const auto& strategy : profile)
      for (const dilemma::Rational& p : strategy) line_ += "," + p.str();
    line_ += '\n';
    out_.append(line_);
  }

 private:
  const NormalFormGame& game_;
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
    "  -q, --quiet         accepted for compatibility with Gambit's tools; dilemma\n"
    "                      prints no banner anyway\n"
    "  -h, --help          print the help of solve\n";

std::string main_help() {
  return std::string("dilemma ") + DILEMMA_VERSION_STRING +
         " - game theory on the command line\n"
         "\n"
         "Usage:\n"
         "  dilemma solve [OPTIONS] GAME   print the equilibria of a game, one line each\n"
         "  dilemma info GAME              print a game's title, players, action counts\n"
         "                                 and number of profiles\n"
         "  dilemma --help | -h            print this help\n"
         "  dilemma --version              print the version\n"
         "\n"
         "GAME is a Gambit .nfg file (version 1, payoff or outcome form), or - for\n"
         "standard input.\n"
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
             "Usage: dilemma solve [OPTIONS] GAME\n"
             "\n"
             "Prints each equilibrium found as a line \"NE,p_1,...,p_K\" (Gambit's format):\n"
             "every player's probability of each of its strategies, player 1 first.\n"
             "Lines are in Gambit's order: profiles enumerated with player 1's strategy\n"
             "varying fastest. GAME is a .nfg file, or - for standard input.\n"
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

int parse_decimals(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > 17)
    throw UsageError{"-d needs an integer from 0 to 17, got \"" + std::string(text) + "\""};
  return value;
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
  bool have_game = false;
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
  if (!have_game) throw UsageError{"solve needs a GAME (a .nfg file, or - for standard input)"};
  const NormalFormGame game = load_game(game_path, "solve");
  EquilibriumWriter writer(game, options, out);
  method->solve(game, options, writer);
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
          "Usage: dilemma info GAME\n"
          "\n"
          "Prints the title, the number of players, the action counts, the number of\n"
          "pure profiles and each player's label and action labels. GAME is a .nfg\n"
          "file or - for standard input.\n");
      return 0;
    }
    if (arg.size() > 1 && arg[0] == '-')
      throw UsageError{"unknown option \"" + std::string(arg) + "\" for info"};
    if (have_game)
      throw UsageError{"info takes one GAME, got a second: \"" + std::string(arg) + "\""};
    game_path = arg;
    have_game = true;
  }
  if (!have_game) throw UsageError{"info needs a GAME (a .nfg file, or - for standard input)"};
  const NormalFormGame game = load_game(game_path, "info");
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

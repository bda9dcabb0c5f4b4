#include "arguments.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "dilemma/version.hpp"

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace dilemma::cli {

namespace {

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

const char* const kSolveOptions =
    "  -m, --method NAME   solution method (default: enumpure); see the methods below\n"
    "  --tol X             a profile is an equilibrium when no player gains more\n"
    "                      than X times the payoff range (the largest range of one\n"
    "                      player's payoffs) by deviating; the one unit of every\n"
    "                      method (default: 0 for enumpure, exact comparison)\n"
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

}  // namespace

SolveCommand parse_solve_arguments(Arguments& args) {
  SolveCommand command;
  SolveOptions& options = command.options;
  while (!args.done()) {
    const std::string_view arg = args.take();
    const std::size_t equals = arg.find('=');
    const bool long_option = arg.size() > 2 && arg.substr(0, 2) == "--";
    const bool has_inline = long_option && equals != std::string_view::npos;
    const std::string_view name = has_inline ? arg.substr(0, equals) : arg;
    const std::string_view inline_value = has_inline ? arg.substr(equals + 1) : std::string_view();
    if (name == "-h" || name == "--help") {
      command.help = true;
      return command;
    } else if (name == "-m" || name == "--method") {
      const std::string_view value = args.value_of(name, inline_value, has_inline);
      command.method = find_method(value);
      if (command.method == nullptr) {
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
      command.init_pivot_given = true;
    } else if (name == "--objective") {
      options.objective = parse_objective(args.value_of(name, inline_value, has_inline));
    } else if (name == "--coarse") {
      options.coarse = true;
    } else if (name == "--eliminate") {
      command.eliminate = true;
    } else if (name == "-q" || name == "--quiet") {
      // nothing to silence
    } else if (arg.size() > 1 && arg[0] == '-') {
      throw UsageError{"unknown option \"" + std::string(arg) + "\" for solve"};
    } else {
      if (command.have_game)
        throw UsageError{"solve takes one GAME, got a second: \"" + std::string(arg) + "\""};
      command.game_path = arg;
      command.have_game = true;
    }
  }
  return command;
}

std::string game_or_stdin(bool have_game, const std::string& path, const char* command) {
  if (have_game) return path;
  if (stdin_is_terminal())
    throw UsageError{std::string(command) +
                     " needs a GAME: a .nfg file, or - or nothing with the game on standard "
                     "input (which is a terminal)"};
  return "-";
}

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

}  // namespace dilemma::cli

#include "help.hpp"

#include <algorithm>
#include <cstring>

#include "dilemma/version.hpp"

namespace dilemma::cli {

namespace {

const char* const kSolveOptions =
    "  -m, --method NAME   solution method (default: enumpure); see the methods below.\n"
    "                      -m X with X a number is Gambit's -m MAXREGRET\n"
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
    "  -q, --quiet         no notes on standard error (solve prints no banner)\n"
    "  -h, --help          print the help of solve\n"
    "  -v, --version       print the version\n";

/// What one Gambit flag does in dilemma; `methods` lists the methods this
/// reading is for (nullptr: every method that takes the letter).
struct FlagHelp {
  char letter;
  const char* methods;
  const char* spelling;
  const char* text;
};

constexpr FlagHelp kFlagHelp[] = {
    {'d', "enummixed lcp lp", "-d DECIMALS",
     "compute in floating point, DECIMALS digits after the point\n"
     "(default: exact, in fractions)"},
    {'d', "simpdiv", "-d DECIMALS", "DECIMALS digits after the point (default: fractions)"},
    {'d', "logit", "-d DECIMALS",
     "DECIMALS digits of lambda after the point and DECIMALS\n"
     "significant digits of the probabilities (default 6)"},
    {'d', "enumpoly", "-d DECIMALS", "DECIMALS digits after the point (default 6)"},
    {'c', nullptr, "-c", "also print each maximal Nash subset's extreme\nequilibria as lines \"convex-N,...\""},
    {'D', nullptr, "-D",
     "print each equilibrium as a table per player: each\n"
     "strategy's probability and expected payoff"},
    {'S', nullptr, "-S", "accepted: a .nfg game is a strategic game already"},
    {'A', nullptr, "-A", "accepted: a strategic game is its own agent form"},
    {'e', "lcp", "-e EQA",
     "stop after EQA equilibria (0: all); -e 1 follows the one\n"
     "path that drops player 1's first strategy"},
    {'e', "enumpoly", "-e EQA", "stop after EQA equilibria (0: all)"},
    {'e', "logit", "-e", "print only the limit \"NE,...\" (with -l: only the\npoints at each LAMBDA), not the branch"},
    {'r', "lcp", "-r DEPTH",
     "1: follow only the paths from the artificial equilibrium;\n"
     "any other depth: every path (dilemma has no depth limit)"},
    {'r', "enumpoly", "-r RECTANGLES",
     "boxes examined per support before giving it up\n"
     "(dilemma's max_boxes, the nearest knob; default 1000000)"},
    {'r', "simpdiv", "-r DENOM", "random starting points: not supported"},
    {'n', nullptr, "-n COUNT", "random starting points: not supported"},
    {'R', nullptr, "-R SEED", "random starting points: not supported"},
    {'s', "logit", "-s STEP", "first step along the branch, in arc length (default 0.03)"},
    {'s', "simpdiv", "-s FILE", "starting points from a file: not supported"},
    {'a', nullptr, "-a ACCEL", "largest factor by which the step changes (default 1.1)"},
    {'m', "logit", "-m MAXREGRET",
     "stop tracing once the regret is at most MAXREGRET times\n"
     "the payoff range (default 1e-8)"},
    {'m', "simpdiv", "-m MAXREGRET",
     "accept the equilibrium when its regret is at most\n"
     "MAXREGRET times the payoff range (default 1e-10)"},
    {'m', "enumpoly", "-m MAXREGRET",
     "accept a root when its regret is at most MAXREGRET\n"
     "times the payoff range (default 1e-9)"},
    {'l', nullptr, "-l LAMBDA", "print the QRE at LAMBDA; repeat for more, printed in\nthe order given"},
    {'L', nullptr, "-L FILE", "estimation from observed frequencies: not supported yet"},
    {'g', nullptr, "-g MULT", "refine the grid by MULT at each restart (default 2)"},
    {'V', "enumpoly", "-V, --verbose", "then print the supports of non-isolated equilibria\nas lines \"singular,...\""},
    {'V', "simpdiv", "-V, --verbose", "first print the starting point as a line \"start,...\""},
};

bool for_method(const FlagHelp& help, const Method& method) {
  if (!takes_flag(method, help.letter)) return false;
  if (help.methods == nullptr) return true;
  const std::string list = std::string(" ") + help.methods + " ", name = std::string(" ") + method.name + " ";
  return list.find(name) != std::string::npos;
}

/// "  SPELLING  text", the text's lines indented to column `column`.
std::string help_line(const std::string& spelling, const std::string& text, std::size_t column) {
  std::string line = "  " + spelling;
  line.resize(std::max(line.size() + 2, column), ' ');
  for (char c : text) line += c == '\n' ? "\n" + std::string(column, ' ') : std::string(1, c);
  return line + "\n";
}


}  // namespace

std::string banner(const Method& tool) {
  return std::string(tool.purpose) + "\ndilemma " + DILEMMA_VERSION_STRING + ", standing in for gambit-" + tool.name +
         " (dilemma " + tool.name + " --help)\nThis is free software, distributed under the MIT License\n\n";
}

std::string tool_help(const Method& tool, const std::string& program) {
  std::string text = "Usage: " + program + " [OPTIONS] [GAME]\n\n" + tool.purpose + ".\ndilemma's " + tool.name +
                     " method, with the flags and the output of gambit-" + tool.name +
                     ".\nGAME is a .nfg file; without GAME, or with -, standard input. The payoff\n"
                     "range is the largest range of one player's payoffs (Gambit's: of all payoffs).\n\n"
                     "Options:\n";
  for (const FlagHelp& help : kFlagHelp)
    if (for_method(help, tool)) text += help_line(help.spelling, help.text, 19);
  text += help_line("-h, --help", "print this help", 19);
  text += help_line("-q", "quiet: no banner and no notes on standard error", 19);
  text += help_line("-v, --version", "print the banner, with the version", 19);
  return text +
         "\nLines \"NE,p_1,...,p_K\" on standard output, as gambit-" + tool.name +
         " prints them; the\nbanner and notes on standard error. Exit status 0, or 1 for any error.\n";
}

namespace {

/// Every method's Gambit flags, for the help of solve.
std::string gambit_flags_help() {
  std::string text;
  for (const Method* method = methods_begin(); method != methods_end(); ++method) {
    if (method->gambit_flags == nullptr) continue;
    std::string flags, seen;
    std::size_t width = 14;  // the column the list starts at
    for (const FlagHelp& help : kFlagHelp) {
      if (!for_method(help, *method) || seen.find(help.letter) != std::string::npos) continue;
      seen += help.letter;
      const std::string spelling(help.spelling, std::strcspn(help.spelling, ","));  // "-V", not "-V, --verbose"
      const std::size_t size = spelling.size() + 2;
      const bool wrap = width + size > 78;
      flags += std::string(flags.empty() ? "" : wrap ? ",\n" : ", ") + spelling;
      width = (wrap ? 14 : width) + size;
    }
    text += help_line(method->name, flags, 14);
  }
  return text;
}

const char* const kGambitFlags =
    "Gambit's flags: each method that stands in for a Gambit 17 tool also takes\n"
    "that tool's flags, with Gambit's meaning (-h, -q and -v for all; see\n"
    "'dilemma TOOL --help'), so that a script written for gambit-TOOL runs with\n"
    "'dilemma solve -m TOOL' or 'dilemma TOOL':\n";

}  // namespace

std::string main_help() {
  return std::string("dilemma ") + DILEMMA_VERSION_STRING +
         " - game theory on the command line\n"
         "\n"
         "Usage:\n"
         "  dilemma solve [OPTIONS] [GAME] print the equilibria of a game, one line each\n"
         "  dilemma info [GAME]            print a game's title, players, action counts\n"
         "                                 and number of profiles\n"
         "  dilemma TOOL [FLAGS] [GAME]    a Gambit tool by its name, with its flags and\n"
         "                                 output: TOOL is enumpure, enummixed, lcp, lp,\n"
         "                                 simpdiv, logit or enumpoly (also run as\n"
         "                                 gambit-TOOL or dilemma-TOOL through a link\n"
         "                                 to dilemma)\n"
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
         method_list() + "\n" + kGambitFlags + gambit_flags_help() +
         "\n"
         "Exit status: 0 on success, 1 for a game that cannot be read or solved,\n"
         "2 for a malformed command line (1 for a TOOL, as Gambit's tools).\n";
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
         method_list() + "\n" + kGambitFlags + gambit_flags_help();
}

}  // namespace dilemma::cli

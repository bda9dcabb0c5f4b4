// The `dilemma` command-line tool: solves games in Gambit's .nfg format and
// prints equilibria in Gambit's output format ("NE,p_1,...,p_K"), so its
// output can be compared line by line with gambit-enumpure and friends.
// `dilemma solve -m TOOL` takes the flags of Gambit's gambit-TOOL besides its
// own; `dilemma TOOL` (or a link named gambit-TOOL) is that tool, down to its
// banner, error words and exit status.
//
// The commands are here; the command line is parsed in arguments.cpp, the
// solution methods are in methods.cpp and the output is written by output.cpp.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "arguments.hpp"
#include "dilemma/analysis/dominance.hpp"
#include "dilemma/io/nfg.hpp"
#include "dilemma/version.hpp"
#include "help.hpp"
#include "methods.hpp"
#include "output.hpp"

namespace dilemma::cli {

namespace {

constexpr int kBadInput = 1;
constexpr int kUsage = 2;

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

/// The notes of a command on standard error, unless -q.
void print_notes(const SolveCommand& command, const std::string& program) {
  if (command.options.quiet) return;
  for (const std::string& note : command.notes) std::fprintf(stderr, "%s: note: %s\n", program.c_str(), note.c_str());
}

/// Reads the game and prints what the command's method finds.
void execute(SolveCommand& command, Output& out, const char* name) {
  SolveOptions& options = command.options;
  const Method* method = command.method;
  const NormalFormGame game = load_game(game_or_stdin(command.have_game, command.game_path, name), name);
  if (method->two_players && game.num_players() != 2)
    throw dilemma::InvalidArgument("Method only valid for two-player games (" + std::string(method->name) +
                                   "; the game has " + std::to_string(game.num_players()) + " players).");
  if (!command.eliminate) {
    const auto kept = all_strategies(game);
    EquilibriumWriter writer(game, kept, options, out);
    method->solve(game, options, writer);
    return;
  }
  const dilemma::Elimination reduced = dilemma::iterated_elimination(game);
  if (command.init_pivot_given)
    options.init_pivot = reduced_label(game, reduced.original_actions, options.init_pivot);
  EquilibriumWriter writer(game, reduced.original_actions, options, out);
  method->solve(reduced.game, options, writer);
}

int run_solve(Arguments& args, Output& out) {
  SolveCommand command = parse_solve_arguments(args);
  if (command.help) {
    out.append(solve_help());
    return 0;
  }
  if (command.version) {
    out.append(std::string("dilemma ") + DILEMMA_VERSION_STRING + "\n");
    return 0;
  }
  print_notes(command, "dilemma");
  execute(command, out, "solve");
  return 0;
}

/// A Gambit tool run by its name, as Gambit's tools behave: the banner on
/// standard error unless -q, "PROGRAM: Unknown option `-x'." and "Error:
/// ..." on standard error, exit status 1 for every error.
int run_tool(const Method& tool, const std::string& program, Arguments& args, Output& out) {
  SolveCommand command;
  try {
    command = parse_tool_arguments(args, tool);
  } catch (const UsageError& error) {
    std::fprintf(stderr, "%s: %s\n", program.c_str(), error.message.c_str());
    return kBadInput;
  }
  if (command.help) {
    out.append(tool_help(tool, program));
    return 0;
  }
  if (command.version || !command.options.quiet) std::fputs(banner(tool).c_str(), stderr);
  if (command.version) return 0;
  print_notes(command, program);
  if (command.have_game && command.game_path != "-") {  // Gambit's words for a file it cannot open
    std::FILE* file = std::fopen(command.game_path.c_str(), "rb");
    if (file == nullptr) {
      std::fprintf(stderr, "%s: %s: %s\n", program.c_str(), command.game_path.c_str(), std::strerror(errno));
      return kBadInput;
    }
    std::fclose(file);
  }
  try {
    execute(command, out, tool.name);
    return 0;
  } catch (const UsageError& error) {  // standard input is a terminal
    out.flush();
    std::fprintf(stderr, "%s: %s\n", program.c_str(), error.message.c_str());
  } catch (const std::bad_alloc&) {
    out.flush();
    std::fprintf(stderr, "Error: out of memory\n");
  } catch (const std::exception& error) {
    out.flush();
    std::fprintf(stderr, "Error: %s\n", error.what());
  }
  return kBadInput;
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
  // Run through a link named gambit-TOOL or dilemma-TOOL: that Gambit tool.
  std::string program = argc > 0 ? argv[0] : "dilemma";
  program = program.substr(program.find_last_of('/') + 1);
  for (const std::string prefix : {"gambit-", "dilemma-"})
    if (program.compare(0, prefix.size(), prefix) == 0)
      if (const Method* tool = find_tool(std::string_view(program).substr(prefix.size()))) {
        Arguments args(argc, argv, 1);
        return run_tool(*tool, program, args, out);
      }
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
  if (const Method* tool = find_tool(command)) return run_tool(*tool, "dilemma " + std::string(command), args, out);
  const std::string advice = missing_tool_advice(command);
  throw UsageError{"unknown command \"" + std::string(command) + "\"" + (advice.empty() ? "" : ": " + advice)};
}

}  // namespace

}  // namespace dilemma::cli

int main(int argc, char** argv) {
  using namespace dilemma::cli;
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

// The command line of the `dilemma` tool: arguments, the options of solve
// and the help texts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "methods.hpp"

namespace dilemma::cli {

/// A command line that cannot be run: exit status 2.
struct UsageError {
  std::string message;
};

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

/// What `dilemma solve ...` asks for.
struct SolveCommand {
  SolveOptions options;
  const Method* method = default_method();
  std::string game_path;
  bool have_game = false, eliminate = false, init_pivot_given = false;
  bool help = false;  // -h: print solve_help() and nothing else
};

/// The options and GAME of solve, up to -h if given (what follows it is not read).
/// \throws UsageError for an unknown or malformed option, or a second GAME.
SolveCommand parse_solve_arguments(Arguments& args);

/// GAME, or standard input ("-") when none was given, as Gambit's tools
/// read it; an error rather than waiting for a game typed at a terminal.
std::string game_or_stdin(bool have_game, const std::string& path, const char* command);

std::string main_help();
std::string solve_help();

}  // namespace dilemma::cli

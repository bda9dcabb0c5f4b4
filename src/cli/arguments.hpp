// The command line of the `dilemma` tool: arguments, the options of solve
// and of the Gambit tools run by their names (the help texts are in help.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "methods.hpp"

namespace dilemma::cli {

/// A command line that cannot be run: exit status 2 (1 for a Gambit tool run
/// by its name, as Gambit's tools exit).
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
  /// The arguments not taken yet.
  std::vector<std::string_view> rest() const { return {args_.begin() + static_cast<std::ptrdiff_t>(next_), args_.end()}; }
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

/// What `dilemma solve ...` or a Gambit tool run by its name asks for.
struct SolveCommand {
  SolveOptions options;
  const Method* method = default_method();
  std::string game_path;
  bool have_game = false, eliminate = false, init_pivot_given = false;
  bool help = false;     // -h: print the help and nothing else
  bool version = false;  // -v: print the version and nothing else
  /// How a Gambit flag was mapped where dilemma has no exact counterpart:
  /// printed on standard error unless -q.
  std::vector<std::string> notes;
};

/// The options and GAME of solve, up to -h or -v if given (what follows is
/// not read). Besides its own options, solve takes the flags of the Gambit
/// tool its method stands in for (Method::gambit_flags), with Gambit's
/// meaning; -m is the method, or the maximum regret when it is a number.
/// \throws UsageError for an unknown or malformed option, or a second GAME.
SolveCommand parse_solve_arguments(Arguments& args);

/// The flags and GAME of a Gambit tool run by its name (`dilemma lcp`,
/// `gambit-lcp`): that tool's flags only, as getopt reads them (-qd4,
/// -d 4, options after GAME, -- ends them), and --help, --version, --verbose.
/// \throws UsageError, its message in Gambit's words for an unknown option.
SolveCommand parse_tool_arguments(Arguments& args, const Method& tool);

/// The method standing in for the Gambit tool `name` ("lcp" for
/// gambit-lcp), or nullptr.
const Method* find_tool(std::string_view name);

/// Gambit's tools that dilemma has no method for: what to use instead, or
/// an empty string for any other name.
std::string missing_tool_advice(std::string_view name);

/// GAME, or standard input ("-") when none was given, as Gambit's tools
/// read it; an error rather than waiting for a game typed at a terminal.
std::string game_or_stdin(bool have_game, const std::string& path, const char* command);

}  // namespace dilemma::cli

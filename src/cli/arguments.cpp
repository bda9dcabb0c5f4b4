#include "arguments.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>


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

/// A number > 0 (> 1 with `above_one`), the value of `option`.
double parse_positive(std::string_view text, const char* option, bool above_one = false) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      value <= (above_one ? 1.0 : 0.0))
    throw UsageError{std::string(option) + " needs a finite number > " + (above_one ? "1" : "0") + ", got \"" +
                     std::string(text) + "\""};
  return value;
}

bool is_number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

std::string unknown_method(std::string_view name) {
  std::string list = method_list();
  list.pop_back();  // the final newline
  return "unknown method \"" + std::string(name) +
         "\" (a number is a maximum regret, Gambit's -m, for logit, simpdiv and enumpoly); the methods are:\n" +
         list;
}

/// The flags of `method`'s Gambit tool as its help lists them: "-d X -c".
std::string flag_list(const Method& method) {
  std::string text;
  for (const char* flag = method.gambit_flags; flag != nullptr && *flag != '\0'; ++flag)
    if (*flag != ':') text += std::string(text.empty() ? "-" : " -") + *flag;
  return text.empty() ? "none" : text;
}

/// The method named by the last "-m NAME" or "--method NAME" that names one,
/// so that solve reads every flag knowing its method: Gambit's -e takes a
/// value for lcp and enumpoly and none for logit.
const Method* method_named_in(const std::vector<std::string_view>& args) {
  const Method* method = default_method();
  for (std::size_t k = 0; k < args.size(); ++k) {
    const std::string_view arg = args[k];
    if (arg == "--") break;
    std::string_view name;
    if (arg == "--method" && k + 1 < args.size())
      name = args[k + 1];
    else if (arg.substr(0, 9) == "--method=")
      name = arg.substr(9);
    else if (arg.size() > 1 && arg[0] == '-' && arg[1] != '-') {  // "-m", "-mNAME", "-qm NAME"
      const std::size_t m = arg.find_first_not_of("hqvcSADV", 1);  // letters that never take a value
      if (m != std::string_view::npos && arg[m] == 'm')
        name = m + 1 < arg.size() ? arg.substr(m + 1) : k + 1 < args.size() ? args[k + 1] : std::string_view();
    }
    if (const Method* named = name.empty() ? nullptr : find_method(name)) method = named;
  }
  return method;
}

/// Reads the arguments of solve (tool == nullptr) or of a Gambit tool.
class Parser {
 public:
  Parser(Arguments& args, const Method* tool) : args_(args), tool_(tool) {
    command_.method = tool != nullptr ? tool : method_named_in(args.rest());
  }

  SolveCommand run() {
    bool options_ended = false;
    while (!args_.done() && !command_.help && !command_.version) {
      const std::string_view arg = args_.take();
      if (options_ended || arg == "-" || arg.empty() || arg[0] != '-')
        game(arg);
      else if (arg == "--")
        options_ended = true;
      else if (arg.substr(0, 2) == "--")
        long_option(arg);
      else
        short_options(arg);
    }
    return std::move(command_);
  }

 private:
  const Method& method() const { return *command_.method; }

  void game(std::string_view arg) {
    if (command_.have_game)
      throw UsageError{std::string(tool_ ? tool_->name : "solve") + " takes one GAME, got a second: \"" +
                       std::string(arg) + "\""};
    command_.game_path = arg;
    command_.have_game = true;
  }

  [[noreturn]] void unknown(std::string_view option) const {
    if (tool_ != nullptr) throw UsageError{"Unknown option `" + std::string(option) + "'."};
    if (option.substr(0, 2) == "--") throw UsageError{"unknown option \"" + std::string(option) + "\" for solve"};
    throw UsageError{"Unknown option `" + std::string(option) + "' for method " + method().name +
                     (method().gambit_flags ? " (the flags of gambit-" + std::string(method().name) +
                                                  " are " + flag_list(method()) + ")"
                                            : " (not a Gambit tool: only dilemma's options)")};
  }

  void long_option(std::string_view arg) {
    const std::size_t equals = arg.find('=');
    const bool has_inline = equals != std::string_view::npos;
    const std::string_view name = has_inline ? arg.substr(0, equals) : arg;
    const std::string_view inline_value = has_inline ? arg.substr(equals + 1) : std::string_view();
    auto value = [&] { return args_.value_of(name, inline_value, has_inline); };
    SolveOptions& options = command_.options;
    if (name == "--help") {
      command_.help = true;
    } else if (name == "--version") {
      command_.version = true;
    } else if (name == "--verbose" && takes_flag(method(), 'V')) {
      options.verbose = true;
    } else if (tool_ != nullptr) {
      unknown(arg);
    } else if (name == "--method") {
      flag('m', value());
    } else if (name == "--tol") {
      options.tol = parse_tol(value());
    } else if (name == "--decimals") {
      flag('d', value());
    } else if (name == "--connected") {
      options.connected = true;
    } else if (name == "--init-pivot") {
      options.init_pivot =
          parse_count(value(), "--init-pivot", std::numeric_limits<std::size_t>::max());
      command_.init_pivot_given = true;
    } else if (name == "--objective") {
      options.objective = parse_objective(value());
    } else if (name == "--coarse") {
      options.coarse = true;
    } else if (name == "--eliminate") {
      command_.eliminate = true;
    } else if (name == "--quiet") {
      options.quiet = true;
    } else {
      unknown(arg);
    }
  }

  /// solve's own letters, for every method.
  bool own(char letter) const { return tool_ == nullptr && std::strchr("mdc", letter) != nullptr; }

  /// "-qd4", "-d", "4", "-e5": getopt's reading of a cluster of letters.
  void short_options(std::string_view arg) {
    for (std::size_t k = 1; k < arg.size(); ++k) {
      const char letter = arg[k];
      const bool known = letter == 'h' || letter == 'q' || letter == 'v' || own(letter) || takes_flag(method(), letter);
      if (!known) unknown(std::string("-") + letter);
      if (letter == 'm' || letter == 'd' || flag_takes_value(method(), letter)) {
        const std::string option = std::string("-") + letter;
        if (k + 1 < arg.size()) return flag(letter, arg.substr(k + 1));
        if (args_.done())
          throw UsageError{tool_ ? "Option `" + option + "' requires an argument." : "option " + option + " needs a value"};
        return flag(letter, args_.take());
      }
      flag(letter, {});
      if (command_.help || command_.version) return;
    }
  }

  /// One flag, with Gambit's meaning for the method.
  void flag(char letter, std::string_view value) {
    SolveOptions& options = command_.options;
    const std::string name = method().name;
    switch (letter) {
      case 'h': command_.help = true; return;
      case 'v': command_.version = true; return;
      case 'q': options.quiet = true; return;
      case 'S': case 'A': return;  // a .nfg game is a strategic game: its own agent form
      case 'D': options.detail = true; return;
      case 'c': options.connected = true; return;
      case 'V': options.verbose = true; return;
      case 'd':
        options.decimals = static_cast<int>(parse_count(value, "-d", 17));
        options.decimals_given = true;
        return;
      case 'm':
        if (tool_ == nullptr && find_method(value) != nullptr) {  // the method, read first
          if (find_method(value) != command_.method)
            throw UsageError{"write -m " + std::string(value) + " apart from the flags before it"};
          return;
        }
        if (tool_ == nullptr && (!takes_flag(method(), 'm') || !is_number(value)))
          throw UsageError{unknown_method(value)};
        options.tol = parse_positive(value, "-m");
        return;
      case 'e':
        if (flag_takes_value(method(), 'e'))
          options.stop_after = parse_count(value, "-e", std::numeric_limits<std::size_t>::max());
        else
          options.terminal_only = true;  // logit
        return;
      case 'r':
        if (name == "lcp") {
          options.depth = parse_count(value, "-r", std::numeric_limits<std::size_t>::max());
          if (options.depth > 1)
            command_.notes.push_back("lcp -r " + std::string(value) +
                                     ": dilemma's search has no depth limit; -r 1 follows the paths from "
                                     "the artificial equilibrium only, any other depth every path");
        } else if (name == "enumpoly") {
          options.max_boxes = parse_count(value, "-r", std::numeric_limits<std::size_t>::max());
          if (options.max_boxes == 0) throw UsageError{"-r needs an integer >= 1, got \"0\""};
          command_.notes.push_back("enumpoly -r " + std::string(value) + ": at most " + std::string(value) +
                                   " boxes per support (dilemma's max_boxes, the nearest to Gambit's rectangles)");
        } else {
          not_supported("-r DENOM (random starting points)");
        }
        return;
      case 's':
        if (name != "logit") not_supported("-s FILE (starting points from a file)");
        options.first_step = parse_positive(value, "-s");
        return;
      case 'a': options.max_accel = parse_positive(value, "-a", true); return;
      case 'l': {
        double lambda = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), lambda);
        if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(lambda) || lambda < 0)
          throw UsageError{"-l needs a finite number >= 0, got \"" + std::string(value) + "\""};
        options.lambdas.push_back(lambda);
        return;
      }
      case 'L':
        throw UsageError{"-L FILE (estimating lambda from observed frequencies) is not supported yet"};
      case 'g':
        options.grid = parse_count(value, "-g", std::numeric_limits<std::size_t>::max());
        if (options.grid < 2) throw UsageError{"-g needs an integer >= 2, got \"" + std::string(value) + "\""};
        return;
      case 'n': not_supported("-n COUNT (random starting points)");
      case 'R': not_supported("-R SEED (random starting points)");
      default: unknown(std::string("-") + letter);
    }
  }

  [[noreturn]] void not_supported(const std::string& what) const {
    throw UsageError{std::string(method().name) + ": " + what +
                     " is not supported: dilemma's simplicial subdivision starts from every "
                     "player's first strategy, as gambit-" + method().name + " does without it"};
  }

  Arguments& args_;
  const Method* tool_;
  SolveCommand command_;
};

}  // namespace

SolveCommand parse_solve_arguments(Arguments& args) { return Parser(args, nullptr).run(); }

SolveCommand parse_tool_arguments(Arguments& args, const Method& tool) { return Parser(args, &tool).run(); }

const Method* find_tool(std::string_view name) {
  const Method* method = find_method(name);
  return method != nullptr && method->gambit_flags != nullptr ? method : nullptr;
}

std::string missing_tool_advice(std::string_view name) {
  if (name == "liap" || name == "gnm" || name == "ipa")
    return "dilemma has no method of gambit-" + std::string(name) +
           "; for one equilibrium of any game use simpdiv or logit, for all of them enumpoly";
  if (name == "convert") return "dilemma has no gambit-convert: it reads and writes .nfg files only";
  return {};
}

std::string game_or_stdin(bool have_game, const std::string& path, const char* command) {
  if (have_game) return path;
  if (stdin_is_terminal())
    throw UsageError{std::string(command) +
                     " needs a GAME: a .nfg file, or - or nothing with the game on standard "
                     "input (which is a terminal)"};
  return "-";
}

}  // namespace dilemma::cli

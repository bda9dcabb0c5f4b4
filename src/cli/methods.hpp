// The solution methods of `dilemma solve`: their options and the table of
// methods (methods.cpp), one entry each.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/solvers/correlated_equilibrium.hpp"

namespace dilemma::cli {

struct SolveOptions {
  double tol = 0.0;             // --tol, and Gambit's -m MAXREGRET (0: the method's default)
  int decimals = 6;
  bool decimals_given = false;  // two-player methods and simpdiv: floating point instead of exact
  bool connected = false;       // enummixed -c: the maximal Nash subsets too
  std::size_t init_pivot = 0;   // lh: the label dropped first
  dilemma::CorrelatedObjective objective = dilemma::CorrelatedObjective::welfare;  // correlated
  bool coarse = false;          // correlated: coarse correlated equilibria

  // Gambit's flags (see Method::gambit_flags for which method takes which).
  bool detail = false;           // -D: a table per player instead of "NE,..." lines
  std::size_t stop_after = 0;    // -e EQA (lcp, enumpoly): stop after EQA equilibria; 0: all
  bool terminal_only = false;    // logit -e: the limit only, not the branch
  std::size_t depth = 0;         // lcp -r DEPTH: 1 follows only the paths from the artificial
                                 // equilibrium; 0 or more than 1: no limit
  std::size_t max_boxes = 0;     // enumpoly -r RECTANGLES: boxes per support (0: the default)
  double first_step = 0.0;       // logit -s STEP (0: the default)
  double max_accel = 0.0;        // logit -a ACCEL (0: the default)
  std::vector<double> lambdas;   // logit -l LAMBDA, in the order given
  std::size_t grid = 0;          // simpdiv -g MULT (0: the default)
  bool verbose = false;          // -V: enumpoly's singular supports, simpdiv's start point
  bool quiet = false;            // -q: no notes on standard error
};

class EquilibriumWriter;

struct Method {
  const char* name;
  const char* description;
  void (*solve)(const NormalFormGame&, const SolveOptions&, EquilibriumWriter&);
  /// The flags of the Gambit 17 tool this method stands in for, in getopt's
  /// spelling (a letter followed by ':' takes a value), without -h, -q and
  /// -v, which every tool has; nullptr for the methods Gambit does not have.
  const char* gambit_flags = nullptr;
  /// What the tool does, the first line of its banner and help.
  const char* purpose = nullptr;
  /// Gambit's method needs two players (the others take any number).
  bool two_players = false;
};

/// Whether `method` takes Gambit's flag `letter`, and whether with a value.
bool takes_flag(const Method& method, char letter);
bool flag_takes_value(const Method& method, char letter);

/// The method of that name, or nullptr.
const Method* find_method(std::string_view name);
/// enumpure, the method when none is given.
const Method* default_method();
/// One line "  name        description" per method, for the help texts.
std::string method_list();
/// Every method, in the order of the help texts.
const Method* methods_begin();
const Method* methods_end();

}  // namespace dilemma::cli

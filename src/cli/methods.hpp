// The solution methods of `dilemma solve`: their options and the table of
// methods (methods.cpp), one entry each.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/solvers/correlated_equilibrium.hpp"

namespace dilemma::cli {

struct SolveOptions {
  double tol = 0.0;
  int decimals = 6;
  bool decimals_given = false;  // two-player methods: floating point instead of exact
  bool connected = false;       // enummixed -c: the maximal Nash subsets too
  std::size_t init_pivot = 0;   // lh: the label dropped first
  dilemma::CorrelatedObjective objective = dilemma::CorrelatedObjective::welfare;  // correlated
  bool coarse = false;          // correlated: coarse correlated equilibria
};

class EquilibriumWriter;

struct Method {
  const char* name;
  const char* description;
  void (*solve)(const NormalFormGame&, const SolveOptions&, EquilibriumWriter&);
};

/// The method of that name, or nullptr.
const Method* find_method(std::string_view name);
/// enumpure, the method when none is given.
const Method* default_method();
/// One line "  name        description" per method, for the help texts.
std::string method_list();

}  // namespace dilemma::cli

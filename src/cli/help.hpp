// The help texts and the banner of the `dilemma` tool: its own options, and
// what each Gambit flag does in dilemma (one table, kFlagHelp in help.cpp,
// for the help of every Gambit tool and of solve).
#pragma once

#include <string>

#include "methods.hpp"

namespace dilemma::cli {

std::string main_help();
std::string solve_help();

/// The lines a Gambit tool prints on standard error when it starts (unless -q).
std::string banner(const Method& tool);
/// The help of a Gambit tool run by its name; `program` as it was called.
std::string tool_help(const Method& tool, const std::string& program);

}  // namespace dilemma::cli

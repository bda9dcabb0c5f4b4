// The vocabulary every solver of dilemma speaks (in C++ and, 1:1, in Python).
//
// Call shape. Every equilibrium method is
//
//     Result method(const Game& game, const MethodOptions& options = {}, const Visitor<Equilibrium>& visit = {});
//
// - `game` is a NormalFormGame or a SymmetricGame (an exact game, with
//   Rational payoffs, where the method supports it; exact arithmetic of the
//   solution is the template parameter `Scalar`, `rational=True` in Python).
// - `options` is the method's own struct, `<Method>Options`, holding every
//   knob with its documented default. Each struct lists its fields once in
//   `fields()`: that table gives Python its keyword arguments, their
//   defaults and docstring lines, and `report().params`.
// - `visit`, for methods that stream, is called with each equilibrium as
//   soon as it is found; an exception it throws stops the search.
// - The result carries a SolveReport: `result.report`.
//
// One tolerance unit. Every `tol` bounds a regret: a profile is accepted
// when no player gains more than `tol * payoff_range(game)` by deviating,
// payoff_range being the largest range of one player's payoffs (1 for a
// constant game). The two-player pivoting methods apply the same unit to the
// zero test of their tableau (payoffs divided by payoff_range first).
//
// Profiles as people write them: a probability vector whose sum is within
// kProfileSumTolerance (profiles/mixed_profile.hpp, 1e-6) of 1 is
// normalized by every function that takes a profile; farther off is refused.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace dilemma {

/// What every solver reports about its own run, computed by the solver.
struct SolveReport {
  /// The public name of the solver ("vertex_enumeration", ...).
  std::string method;
  /// The method reached its own stopping rule; false when an iteration,
  /// box or step cap ended it first (then `message` says which).
  bool converged = false;
  /// Every equilibrium of the kind the method looks for is in the result
  /// (all pure ones, all extreme ones, all isolated ones ...). False for
  /// methods that find one equilibrium, and for a search cut short.
  bool exhaustive = false;
  /// The method's unit of work, documented with each method: profiles or
  /// count classes checked, pivots, support pairs, boxes, path steps.
  std::size_t num_iter = 0;
  /// Why the method stopped, in words.
  std::string message;
};

/// Called with each equilibrium as soon as a streaming method finds it.
template <class Equilibrium>
using Visitor = std::function<void(const Equilibrium&)>;

namespace detail {
template <class T>
struct NonDeduced {
  using type = T;
};
}  // namespace detail

/// The visitor parameter of a solver template: not deduced, so a lambda
/// can be passed where the solver's Scalar is its default.
template <class Equilibrium>
using VisitorArg = typename detail::NonDeduced<Visitor<Equilibrium>>::type;

/// A list of equilibria with the report of the run that found them: the
/// result of every method that enumerates. It is the list itself (as
/// Python's EquilibriumList is a list), so code written for a plain vector
/// of equilibria keeps working.
template <class Equilibrium>
struct Equilibria : std::vector<Equilibrium> {
  SolveReport report;
};

/// One row of an options struct's field table: its name (the Python
/// keyword), the member, and a one-line description.
template <class Options, class T>
struct OptionField {
  const char* name;
  T Options::*member;
  const char* doc;
};

/// A row of a field table. Complexity: O(1).
template <class Options, class T>
constexpr OptionField<Options, T> option(const char* name, T Options::*member, const char* doc) {
  return {name, member, doc};
}

/// A row of Base's table as a row of Derived (an options struct that
/// extends another). Complexity: O(1).
template <class Derived, class Base, class T>
constexpr OptionField<Derived, T> rebased(const OptionField<Base, T>& field) {
  return {field.name, field.member, field.doc};
}

/// The field table of Base as rows of Derived, for the table of an options
/// struct that extends Base: no field is written twice.
/// Complexity: one row per field of Base.
template <class Derived, class Base>
constexpr auto inherited_fields() {
  return std::apply([](const auto&... field) { return std::make_tuple(rebased<Derived>(field)...); }, Base::fields());
}

/// Calls visit(field) for every row of Options::fields().
/// Complexity: one call per option.
template <class Options, class Visit>
void for_each_option(Visit&& visit) {
  std::apply([&](const auto&... field) { (visit(field), ...); }, Options::fields());
}

}  // namespace dilemma

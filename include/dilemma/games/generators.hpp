// Random games and the classic games of the literature.
#pragma once

#include <cstdint>
#include <vector>

#include "dilemma/games/normal_form_game.hpp"

namespace dilemma {

/// Payoffs drawn independently, uniform on [low, high) or, with `integer`,
/// uniform on the integers low..high inclusive. The same seed gives the same
/// game on the same standard library.
/// Complexity: O(n * P) time and memory for n players and P = prod_i m_i profiles.
NormalFormGame random_game(const std::vector<std::size_t>& nums_actions, std::uint64_t random_state,
                           double low = 0.0, double high = 1.0, bool integer = false);

/// Prisoner's dilemma with Axelrod's (1984) payoffs T=5 > R=3 > P=1 > S=0;
/// actions cooperate, defect.
/// Complexity: O(1).
NormalFormGame prisoners_dilemma();

/// Matching pennies: player 1 wins 1 on a match, player 2 on a mismatch.
/// Complexity: O(1).
NormalFormGame matching_pennies();

/// Battle of the sexes (Luce & Raiffa 1957): (2,1) and (1,2) on the two
/// coordinated outcomes, 0 otherwise.
/// Complexity: O(1).
NormalFormGame battle_of_the_sexes();

/// Pure coordination: every player gets 1 when all choose the same action, else 0.
/// Complexity: O(n * s^n) time and memory for n players and s actions.
NormalFormGame coordination_game(std::size_t num_players = 2, std::size_t num_actions = 2);

}  // namespace dilemma

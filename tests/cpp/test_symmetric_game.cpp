#include "dilemma/games/symmetric_game.hpp"

#include "dilemma/games/generators.hpp"
#include "dilemma/models/confession.hpp"
#include "test_helpers.hpp"

using dilemma::Counts;
using dilemma::SymmetricGame;
using dilemma::testing::error_message;

TEST_CASE("SymmetricGame: table and callable backings give the same payoffs") {
  const auto u = [](std::size_t a, const Counts& m) { return double(a) * 10 + double(m[0]) - 0.5 * double(m[2]); };
  const SymmetricGame lazy(5, 3, u);
  const SymmetricGame table = SymmetricGame::tabulate(5, 3, u);
  CHECK_FALSE(lazy.has_table());
  CHECK(table.has_table());
  CHECK(table.table().size() == 3 * 15);  // C(4 + 2, 2) = 15 count vectors of 4 others
  Counts m = table.others().first();
  do
    for (std::size_t a = 0; a < 3; ++a) CHECK(table.payoff(a, m) == lazy.payoff(a, m));
  while (table.others().next(m));
  CHECK(lazy.payoff(1, {2, 1, 1}) == 10 + 2 - 0.5);
}

TEST_CASE("to_normal_form: each player's payoff depends on own action and the others' counts") {
  const SymmetricGame game(3, 2, [](std::size_t a, const Counts& m) { return double(a) + 10 * double(m[1]); });
  const dilemma::NormalFormGame dense = dilemma::to_normal_form(game);
  CHECK(dense.nums_actions() == std::vector<std::size_t>{2, 2, 2});
  CHECK(dense.payoff(0, {1, 0, 1}) == 1 + 10);   // player 0 plays 1, one other plays 1
  CHECK(dense.payoff(1, {1, 0, 1}) == 0 + 20);   // player 1 plays 0, two others play 1
  CHECK(dense.payoff(2, {1, 0, 1}) == 1 + 10);
  CHECK(error_message([] {
          dilemma::to_normal_form(SymmetricGame(60, 3, [](std::size_t, const Counts&) { return 0.0; }));
        }).find("to_normal_form") == 0);
}

TEST_CASE("SymmetricGame: bad input names the function and the value") {
  const auto zero = [](std::size_t, const Counts&) { return 0.0; };
  CHECK(error_message([&] { SymmetricGame(0, 3, zero); }) == "SymmetricGame: a game needs at least one player, got 0");
  CHECK(error_message([&] { SymmetricGame(3, 0, zero); }) == "SymmetricGame: a game needs at least one action, got 0");
  CHECK(error_message([] { SymmetricGame(3, 2, std::vector<double>(5)); }) ==
        "SymmetricGame: expected 6 table entries for 3 players and 2 actions, got 5");
  std::vector<double> table(6, 0.0);
  table[4] = std::nan("");
  CHECK(error_message([&] { SymmetricGame(3, 2, table); }).find("payoff of action 1 against others' counts (1, 1) is nan") !=
        std::string::npos);
  const SymmetricGame game(3, 2, zero);
  CHECK(error_message([&] { game.payoff(0, {1, 2}); }) == "payoff: others' counts (1, 2) must have 2 entries summing to 2");
  CHECK(error_message([&] { game.payoff(2, {1, 1}); }) == "payoff: action 2 is out of range; the game has 2 actions");
  const SymmetricGame bad(3, 2, [](std::size_t, const Counts&) { return HUGE_VAL; });
  CHECK(error_message([&] { bad.payoff(0, {1, 1}); }).find("the payoff function returned inf") != std::string::npos);
}

TEST_CASE("to_symmetric: the inverse of to_normal_form on a confession game") {
  const SymmetricGame lazy = dilemma::confession_game(4, "leniency_for_naming");  // on demand, no table
  const SymmetricGame game =
      SymmetricGame::tabulate(4, 3, [&](std::size_t a, const Counts& m) { return lazy.payoff_at(a, m); });
  const dilemma::NormalFormGame dense = dilemma::to_normal_form(game);
  const SymmetricGame back = dilemma::to_symmetric(dense);
  CHECK(back.num_players() == 4);
  CHECK(back.num_actions() == 3);
  CHECK(back.table() == game.table());
  CHECK(back.action_labels() == game.action_labels());
  CHECK(dilemma::to_normal_form(back).payoff_data() == dense.payoff_data());
  const SymmetricGame lonely = dilemma::to_symmetric(dilemma::to_normal_form(SymmetricGame(1, 2, std::vector<double>{5, 7})));
  CHECK(lonely.table() == std::vector<double>{5, 7});  // one player: no others, one count vector
}

TEST_CASE("to_symmetric: a game that is not symmetric is refused, naming the player and the profile") {
  const dilemma::NormalFormGame prisoners = dilemma::prisoners_dilemma();
  const SymmetricGame pd = dilemma::to_symmetric(prisoners);
  CHECK(pd.table() == std::vector<double>{0, 3, 1, 5});  // others' counts (0, 1) then (1, 0)
  CHECK(pd.title() == prisoners.title());
  CHECK(error_message([] { dilemma::to_symmetric(dilemma::battle_of_the_sexes()); }) ==
        "to_symmetric: the game is not symmetric: player 2's payoff at profile (1, 1) (strategies numbered from 1) "
        "is 1, another player's for the same strategy against the same counts of the others' strategies is 2");
  CHECK(error_message([] { dilemma::to_symmetric(dilemma::testing::constant_game({2, 3}, 0.0)); }) ==
        "to_symmetric: a symmetric game needs the same number of strategies for every player, got (2, 3)");
}

#include <filesystem>
#include <sstream>
#include <string>

#include "dilemma/io/nfg.hpp"
#include "test_helpers.hpp"

using dilemma::NfgParseError;
using dilemma::NormalFormGame;
using dilemma::parse_nfg;
using dilemma::PureProfile;

namespace {

std::string data_file(const char* name) { return std::string(DILEMMA_TEST_DATA_DIR) + "/" + name; }

struct ParseFailure {
  std::size_t line = 0, column = 0;
  std::string message;
};

/// Where and why parse_nfg rejects `text`; fails the test if it does not.
ParseFailure parse_failure(const std::string& text) {
  try {
    parse_nfg(text);
  } catch (const NfgParseError& error) {
    return {error.line(), error.column(), error.what()};
  }
  FAIL("parse_nfg accepted: " << text);
  return {};
}

// Two players, two actions each: the start of a valid payoff-version file.
const std::string kHeader2x2 = "NFG 1 R \"g\" { \"A\" \"B\" } { 2 2 }\n";

}  // namespace

TEST_CASE("parse_nfg: payoff version, profiles with player 1's action fastest") {
  // Matching pennies, typed in: (H,H) 1 -1, (T,H) -1 1, (H,T) -1 1, (T,T) 1 -1.
  const NormalFormGame game = dilemma::read_nfg(data_file("matching_pennies.nfg"));
  REQUIRE(game.nums_actions() == std::vector<std::size_t>{2, 2});
  CHECK(game.title() == "Matching pennies");
  CHECK(game.player_labels() == std::vector<std::string>{"Matcher", "Mismatcher"});
  CHECK(game.action_labels(0) == std::vector<std::string>{"1", "2"});  // counts: labels 1..m
  CHECK(game.payoffs_at({0, 0}) == std::vector<double>{1, -1});
  CHECK(game.payoffs_at({1, 0}) == std::vector<double>{-1, 1});
  CHECK(game.payoffs_at({0, 1}) == std::vector<double>{-1, 1});
  CHECK(game.payoffs_at({1, 1}) == std::vector<double>{1, -1});
}

TEST_CASE("parse_nfg: three players, ordering checked against hand-computed positions") {
  // 2 x 3 x 2: the k-th profile of the file (0-based) has
  // k = a_0 + 2 a_1 + 6 a_2, and every payoff below is 10 k + player.
  std::string text = "NFG 1 R \"order\" { \"1\" \"2\" \"3\" } { 2 3 2 }\n";
  for (int k = 0; k < 12; ++k)
    for (int i = 0; i < 3; ++i) text += std::to_string(10 * k + i) + " ";
  const NormalFormGame game = parse_nfg(text);
  // (1, 2, 0): k = 1 + 4 = 5. (0, 1, 1): k = 2 + 6 = 8. (1, 0, 1): k = 7.
  CHECK(game.payoffs_at({1, 2, 0}) == std::vector<double>{50, 51, 52});
  CHECK(game.payoffs_at({0, 1, 1}) == std::vector<double>{80, 81, 82});
  CHECK(game.payoffs_at({1, 0, 1}) == std::vector<double>{70, 71, 72});
  // And the C-order storage: the last player fastest.
  CHECK(game.payoffs(0)[1] == 60.0);  // C index 1 = (0, 0, 1): k = 6
}

TEST_CASE("parse_nfg: outcome version with names, commas and the null outcome") {
  const NormalFormGame pd = dilemma::read_nfg(data_file("prisoners_dilemma.nfg"));
  CHECK(pd.title() == "Prisoner's dilemma");
  CHECK(pd.action_labels(1) == std::vector<std::string>{"Cooperate", "Defect"});
  CHECK(pd.payoffs_at({0, 0}) == std::vector<double>{3, 3});
  CHECK(pd.payoffs_at({1, 0}) == std::vector<double>{5, 0});  // row defects: temptation
  CHECK(pd.payoffs_at({0, 1}) == std::vector<double>{0, 5});
  CHECK(pd.payoffs_at({1, 1}) == std::vector<double>{1, 1});

  // Commas optional (one trailing comma too), names optional, index 0 = all zeros.
  const NormalFormGame game =
      parse_nfg(kHeader2x2 + "{ { \"x\" 1 2 } { 3, 4, } { \"\" -5,6 } }\n0 1 2 3");
  CHECK(game.payoffs_at({0, 0}) == std::vector<double>{0, 0});
  CHECK(game.payoffs_at({1, 0}) == std::vector<double>{1, 2});
  CHECK(game.payoffs_at({0, 1}) == std::vector<double>{3, 4});
  CHECK(game.payoffs_at({1, 1}) == std::vector<double>{-5, 6});
}

TEST_CASE("parse_nfg: labelled strategies with a flat payoff list") {
  const NormalFormGame game = dilemma::read_nfg(data_file("unanimity_2x2x2.nfg"));
  CHECK(game.title() == "Three-player unanimity game");
  CHECK(game.player_labels() == std::vector<std::string>{"Ann", "Bob", "Cy"});
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(game.action_labels(i) == std::vector<std::string>{"left", "right"});
  CHECK(game.payoffs_at({0, 0, 0}) == std::vector<double>{1, 1, 1});
  CHECK(game.payoffs_at({1, 1, 1}) == std::vector<double>{1, 1, 1});
  CHECK(game.payoffs_at({1, 0, 1}) == std::vector<double>{0, 0, 0});
}

TEST_CASE("parse_nfg: integers, decimals, signs, exponents and rationals") {
  const NormalFormGame game = parse_nfg(
      "NFG 1 R \"\" { \"1\" } { 12 }\n"
      "1/3 -2/7 1e-3 -2.5E+2 +4 .5 3. 0.1 -0 123456789012345678901234.0 1e-400 22/7");
  const double* u = game.payoffs(0);
  CHECK(u[0] == 1.0 / 3.0);
  CHECK(u[1] == -2.0 / 7.0);
  CHECK(u[2] == 1e-3);
  CHECK(u[3] == -250.0);
  CHECK(u[4] == 4.0);
  CHECK(u[5] == 0.5);
  CHECK(u[6] == 3.0);
  CHECK(u[7] == 0.1);  // correctly rounded, as strtod
  CHECK(u[8] == 0.0);
  CHECK(u[9] == 1.2345678901234568e23);
  CHECK(u[10] == 0.0);  // underflow rounds to zero
  CHECK(u[11] == 22.0 / 7.0);
}

TEST_CASE("parse_nfg: escaped quotes, comments, tabs, CRLF and a byte-order mark") {
  const NormalFormGame game = parse_nfg(
      "\xEF\xBB\xBFNFG 1 D \"say \\\"hi\\\" \\\\o/\"\r\n{ \"P \\\"1\\\"\" }\t{ 2 }\r\n"
      "\"a comment\r\n over two lines\"\r\n7\t8\r\n");
  CHECK(game.title() == "say \"hi\" \\o/");
  CHECK(game.player_labels() == std::vector<std::string>{"P \"1\""});
  CHECK(game.payoffs(0)[1] == 8.0);
}

TEST_CASE("parse_nfg: write then read keeps payoffs, title and labels exactly") {
  NormalFormGame game = NormalFormGame::from_function({2, 3, 2}, [](const PureProfile& p) {
    const double x = static_cast<double>(p[0] * 6 + p[1] * 2 + p[2]) + 1.0;
    return std::vector<double>{x / 3.0, -x * 1e-300, 1e300 / x};
  });
  game.set_payoffs({1, 2, 1}, {0.1, -0.0, 123456789.0});
  game.set_title("a \"quoted\" title with a \\ backslash");
  game.set_player_labels({"Ann", "", "C \"3\""});
  game.set_action_labels(1, {"x", "y \"why\"", "z"});
  const std::string text = dilemma::to_nfg(game);
  const NormalFormGame again = parse_nfg(text);
  CHECK(again == game);  // bit-for-bit payoffs
  CHECK(again.title() == game.title());
  CHECK(again.player_labels() == game.player_labels());
  for (std::size_t i = 0; i < 3; ++i) CHECK(again.action_labels(i) == game.action_labels(i));
  // Integers print without a decimal point; strategies are labelled lists.
  CHECK(text.find("\n0.1 0 123456789\n") != std::string::npos);
  CHECK(text.find("{ { \"1\" \"2\" } { \"x\" \"y \\\"why\\\"\" \"z\" } { \"1\" \"2\" } }") !=
        std::string::npos);

  // The same through a stream and through a file.
  std::ostringstream stream;
  dilemma::write_nfg(game, stream);
  CHECK(stream.str() == text);
  const std::string path =
      (std::filesystem::temp_directory_path() / "dilemma_test_nfg_round_trip.nfg").string();
  dilemma::write_nfg(game, path);
  CHECK(dilemma::read_nfg(path) == game);
  std::filesystem::remove(path);
}

TEST_CASE("parse_nfg: the writer lists profiles with player 1 fastest") {
  const NormalFormGame game({2, 2}, {1, 2, 3, 4, 5, 6, 7, 8});  // C order, player-major
  // File order (0,0) (1,0) (0,1) (1,1) = C indices 0, 2, 1, 3.
  CHECK(dilemma::to_nfg(game) ==
        "NFG 1 R \"\" { \"Player 1\" \"Player 2\" }\n{ { \"1\" \"2\" } { \"1\" \"2\" } }\n\n"
        "1 5\n3 7\n2 6\n4 8\n");
}

TEST_CASE("read_nfg: text or path") {
  const NormalFormGame from_text = dilemma::read_nfg("\n  " + kHeader2x2 + "1 2 3 4 5 6 7 8");
  CHECK(from_text.payoffs_at({1, 0}) == std::vector<double>{3, 4});
  const std::string message =
      dilemma::testing::error_message([] { dilemma::read_nfg("no/such/file.nfg"); });
  CHECK(message.find("read_nfg: cannot open \"no/such/file.nfg\"") == 0);
  // Errors in a file read by read_nfg name read_nfg.
  CHECK(dilemma::testing::error_message([] {
          dilemma::read_nfg("NFG 1 R \"\" { } { }");
        }).find("read_nfg: line 1, column 14: ") == 0);
}

TEST_CASE("parse_nfg: a malformed header names the line, the column and what was expected") {
  ParseFailure f = parse_failure("NFX 1 R \"\" { \"1\" } { 1 } 0");
  CHECK(f.message ==
        "parse_nfg: line 1, column 1: expected \"NFG\" at the start of the file, found \"NFX\"");
  f = parse_failure("NFG 2 R \"\" { \"1\" } { 1 } 0");
  CHECK((f.line == 1 && f.column == 5));
  CHECK(f.message.find("expected the format version 1") != std::string::npos);
  f = parse_failure("NFG 1 Q \"\" { \"1\" } { 1 } 0");
  CHECK(f.message.find("expected the number type R or D") != std::string::npos);
  f = parse_failure("NFG 1 R { \"1\" } { 1 } 0");
  CHECK(f.message ==
        "parse_nfg: line 1, column 9: expected the game title (a quoted string), found '{'");
  f = parse_failure("");
  CHECK(f.message ==
        "parse_nfg: line 1, column 1: expected \"NFG\" at the start of the file, found the end of "
        "the file");
}

TEST_CASE("parse_nfg: players and strategies must agree") {
  // No players.
  ParseFailure f = parse_failure("NFG 1 R \"\" { } { }");
  CHECK(f.message == "parse_nfg: line 1, column 14: expected at least one player name before '}'");
  // Fewer counts than players.
  f = parse_failure("NFG 1 R \"\"\n{ \"A\" \"B\" }\n{ 2 }\n1 2");
  CHECK((f.line == 3 && f.column == 5));
  CHECK(f.message.find("expected the number of strategies of player 2 of 2, found '}'") !=
        std::string::npos);
  // More counts than players.
  f = parse_failure("NFG 1 R \"\" { \"A\" } { 2 2 } 1 2");
  CHECK(f.message.find(
            "column 24: expected '}' after the strategy counts of 1 player, found \"2\"") !=
        std::string::npos);
  // Fewer label lists than players, and more.
  f = parse_failure("NFG 1 R \"\" { \"A\" \"B\" } { { \"a\" } } 1");
  CHECK(f.message.find(
            "column 34: expected '{' opening the strategy labels of player 2 of 2, found '}'") !=
        std::string::npos);
  f = parse_failure("NFG 1 R \"\" { \"A\" } { { \"a\" } { \"b\" } } 1");
  CHECK(f.message.find(
            "column 30: expected '}' closing the strategy labels of 1 player, found '{'") !=
        std::string::npos);
  // Zero strategies.
  f = parse_failure("NFG 1 R \"\" { \"A\" \"B\" } { 2 0 } 1");
  CHECK(f.message.find("column 28: player 2 has 0 strategies") != std::string::npos);
  f = parse_failure("NFG 1 R \"\" { \"A\" \"B\" } { { \"a\" } { } } 1");
  CHECK(f.message.find("column 36: player 2 has no strategies") != std::string::npos);
  // A count that is not an integer.
  f = parse_failure("NFG 1 R \"\" { \"A\" } { 2.5 } 1 2");
  CHECK(f.message.find("expected a number of strategies (a non-negative integer), found \"2.5\"") !=
        std::string::npos);
}

TEST_CASE("parse_nfg: strings and braces must be closed") {
  // Strings may span lines (Gambit's comments do), so this one runs to the end.
  ParseFailure f = parse_failure("NFG 1 R \"title\n{ A } { 1 } 0");
  CHECK(f.message == "parse_nfg: line 1, column 9: unterminated string: no closing '\"'");
  f = parse_failure("NFG 1 R \"\" { \"A\" \"B\" { 2 2 } 1 2 3 4 5 6 7 8");
  CHECK(f.message.find("column 22: expected a player name (a quoted string) or '}', found '{'") !=
        std::string::npos);
  f = parse_failure("NFG 1 R \"\" { \"A\" } 2 } 1 2");
  CHECK(f.message.find("column 20: expected '{' opening the strategies, found \"2\"") !=
        std::string::npos);
  f = parse_failure(kHeader2x2 + "{ { \"\" 1 2 } 1 1 1 1");
  CHECK((f.line == 2 && f.column == 14));
  CHECK(f.message.find("expected '{' opening an outcome or '}' closing the outcome list") !=
        std::string::npos);
}

TEST_CASE("parse_nfg: payoff lists must be complete, numeric and finite") {
  // Too few: the end of the file comes early.
  ParseFailure f = parse_failure(kHeader2x2 + "1 2 3 4 5 6 7");
  CHECK(f.message ==
        "parse_nfg: line 2, column 14: expected a payoff (a number), found the end of the file "
        "after 7 of 8 payoffs");
  // Too many.
  f = parse_failure(kHeader2x2 + "1 2 3 4 5 6 7 8\n9");
  CHECK(f.message ==
        "parse_nfg: line 3, column 1: expected the end of the file after all 4 profiles, found "
        "\"9\"");
  // Not a number.
  f = parse_failure(kHeader2x2 + "1 2\n3 abc 5 6 7 8");
  CHECK(f.message == "parse_nfg: line 3, column 3: expected a payoff (a number), found \"abc\"");
  f = parse_failure(kHeader2x2 + "1 2 3 4 5 6 7 1.5.2");
  CHECK(f.message.find("column 15: expected a payoff (a number), found \"1.5.2\"") !=
        std::string::npos);
  for (const char* bad :
       {"nan", "inf", "-inf", "1e", "1e+", "--1", "+", ".", "0x10", "1/", "/2", "1/2/3", "1.5/2"})
    CHECK(parse_failure(kHeader2x2 + "1 2 3 4 5 6 7 " + bad)
              .message.find("expected a payoff (a number)") != std::string::npos);
  // Not finite.
  f = parse_failure(kHeader2x2 + "1 2 3 4 5 6 7 -1e999");
  CHECK(f.message ==
        "parse_nfg: line 2, column 15: the number \"-1e999\" is too large for a double; payoffs "
        "must be finite");
  // Division by zero.
  f = parse_failure(kHeader2x2 + "1 2 3 4 5 6 7 1/0");
  CHECK(f.message ==
        "parse_nfg: line 2, column 15: division by zero in the rational number \"1/0\"");
}

TEST_CASE("parse_nfg: integers are exact; those no double equals are refused, naming position and value") {
  // Exact: up to 2^53, and beyond it the integers a double holds (2^53 + 2, 2^64, 10^22 ...).
  const NormalFormGame game = parse_nfg(
      "NFG 1 R \"\" { \"1\" } { 6 }\n"
      "9007199254740992 -9007199254740994 18446744073709551616 10000000000000000000000 "
      "9007199254740993.0 9007199254740992/3");
  const double* u = game.payoffs(0);
  CHECK(u[0] == 9007199254740992.0);
  CHECK(u[1] == -9007199254740994.0);
  CHECK(u[2] == 18446744073709551616.0);
  CHECK(u[3] == 1e22);
  CHECK(u[4] == 9007199254740992.0);  // written as a decimal: rounded, by request
  CHECK(u[5] == 9007199254740992.0 / 3);
  // 2^53 + 1 would tie with 2^53: refused in the fast and the slow path, in
  // the flat list and in outcomes, signed, beyond 19 digits and in p/q.
  for (const std::string bad : {"9007199254740993", "-9007199254740993", "+9007199254740995",
                                "12345678901234567891", "123456789012345678901234", "9007199254740993/2",
                                "1/9007199254740993"}) {
    CAPTURE(bad);
    ParseFailure f = parse_failure(kHeader2x2 + "1 2 3 4 5 6 7 " + bad);
    CHECK(f.line == 2);
    CHECK(f.column == 15);
    CHECK(f.message.find("\"" + bad + "\" cannot be read exactly") != std::string::npos);
    CHECK(f.message.find("2^53 = 9007199254740992") != std::string::npos);
    f = parse_failure(kHeader2x2 + bad + " 9007199254740992 1 1 1 1 1 1");
    CHECK(f.column == 1);
    f = parse_failure(kHeader2x2 + "{ { \"a\" 1 " + bad + " } } 1 1 1 1");
    CHECK(f.message.find("cannot be read exactly") != std::string::npos);
  }
  CHECK(parse_failure(kHeader2x2 + "1 2 3 4 5 6 7 9007199254740993").message ==
        "parse_nfg: line 2, column 15: the integer \"9007199254740993\" cannot be read exactly: doubles hold "
        "integers exactly only up to 2^53 = 9007199254740992, and rounding could make payoffs that differ in "
        "the file equal; scale the payoffs down (subtract a common offset or divide by a common factor), or "
        "write it with a decimal point (\"9007199254740993.0\") to accept the nearest double");
}

TEST_CASE("to_nfg: payoffs from 2^53 on are written as their exact integers, which read back") {
  NormalFormGame game({3});
  const double values[] = {1.2345678901234568e23, -9007199254740994.0, 1.7976931348623157e308};
  for (std::size_t a = 0; a < 3; ++a) game.set_payoffs({a}, {values[a]});
  const std::string text = dilemma::to_nfg(game);
  CHECK(text.find("123456789012345685803008") != std::string::npos);  // not 123456789012345680000000
  CHECK(text.find("e+") == std::string::npos);
  CHECK(parse_nfg(text) == game);
}

TEST_CASE("parse_nfg: outcome tables and indices are checked") {
  const std::string outcomes = kHeader2x2 + "{ { \"a\" 1 2 } { \"b\" 3 4 } }\n";
  ParseFailure f = parse_failure(outcomes + "1 2 3 0");
  CHECK(f.message ==
        "parse_nfg: line 3, column 5: outcome index 3 is out of range; there are 2 outcomes");
  f = parse_failure(outcomes + "1 2 -1 0");
  CHECK(f.message.find(
            "column 5: expected an outcome index (an integer from 0 to 2), found \"-1\"") !=
        std::string::npos);
  f = parse_failure(outcomes + "1 2 1.0 0");
  CHECK(f.message.find("found \"1.0\"") != std::string::npos);
  f = parse_failure(outcomes + "1 2 1");
  CHECK(f.message ==
        "parse_nfg: line 3, column 6: expected an outcome index (an integer from 0 to 2), found "
        "the end of the file after 3 of 4 indices");
  f = parse_failure(outcomes + "1 2 1 1 2");
  CHECK(f.message.find("expected the end of the file after all 4 profiles, found \"2\"") !=
        std::string::npos);
  f = parse_failure(kHeader2x2 + "{ { \"a\" 1 } } 1 1 1 1");
  CHECK(
      f.message ==
      "parse_nfg: line 2, column 11: expected the payoff of player 2 of 2 in outcome 1, found '}'");
  f = parse_failure(kHeader2x2 + "{ { \"a\" 1 2 3 } } 1 1 1 1");
  CHECK(
      f.message ==
      "parse_nfg: line 2, column 13: expected '}' closing outcome 1 after 2 payoffs, found \"3\"");
  f = parse_failure(kHeader2x2 + "{ { \"a\" 1 x } } 1 1 1 1");
  CHECK(f.message.find("expected the payoff of player 2 of 2 in outcome 1, found \"x\"") !=
        std::string::npos);
  f = parse_failure(kHeader2x2 + "{ { \"a\" 1 1e400 } } 1 1 1 1");
  CHECK(f.message.find("is too large for a double") != std::string::npos);
}

TEST_CASE("parse_nfg: a huge declared game fails fast, before allocating") {
  ParseFailure f =
      parse_failure("NFG 1 R \"\" { \"A\" \"B\" \"C\" } { 100000 100000 100000 } 1 2 3");
  CHECK(f.message ==
        "parse_nfg: line 1, column 28: the strategy counts (100000, 100000, 100000) need "
        "3000000000000000 payoffs, more than the 5 remaining characters can hold");
  f = parse_failure("NFG 1 R \"\" { \"A\" \"B\" } { 4294967296 4294967296 } 1");
  CHECK(f.message.find("make more joint profiles than fit in 64 bits") != std::string::npos);
  f = parse_failure("NFG 1 R \"\" { \"A\" } { 99999999999999999999999 } 1");
  CHECK(f.message.find("the count \"99999999999999999999999\" is too large") != std::string::npos);
  f = parse_failure("NFG 1 R \"\" { \"A\" \"B\" } { 100000 100000 } { { \"\" 1 2 } } 1 1");
  CHECK(f.message.find("need 10000000000 outcome indices") != std::string::npos);
}

TEST_CASE("parse_nfg: NfgParseError is an InvalidArgument") {
  try {
    parse_nfg("NFG");
    FAIL("no error");
  } catch (const dilemma::InvalidArgument& error) {
    CHECK(dynamic_cast<const NfgParseError*>(&error) != nullptr);
    CHECK(std::string(error.what()) ==
          "parse_nfg: line 1, column 4: expected the format version 1 after \"NFG\", found the end "
          "of the file");
  }
}

TEST_CASE("to_nfg: payoffs in fixed notation (Gambit refuses exponents), read back exactly") {
  const dilemma::NormalFormGame game(
      {2, 2}, {1.5e20, 1e-7, 1.7976931348623157e308, 4.9406564584124654e-324, -2.5, 3, -0.0, 0.1});
  const std::string text = dilemma::to_nfg(game);
  const std::string payoffs = text.substr(text.rfind('}') + 1);
  CHECK(payoffs.find('e') == std::string::npos);
  CHECK(payoffs.find("150000000000000000000 ") != std::string::npos);
  CHECK(payoffs.find("0.0000001 ") != std::string::npos);
  const dilemma::NormalFormGame back = dilemma::parse_nfg(text);
  CHECK(back.payoff_data() == game.payoff_data());
}

TEST_CASE("read_nfg: /dev/zero ends at once with the parser's error, not when memory runs out") {
  CHECK_THROWS_WITH_AS(dilemma::read_nfg("/dev/zero"),
                       doctest::Contains("read_nfg: line 1, column 1: expected \"NFG\" at the start of the file"),
                       NfgParseError);
}

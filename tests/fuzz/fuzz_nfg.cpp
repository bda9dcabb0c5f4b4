// libFuzzer target: the .nfg reader (dilemma::parse_nfg) on arbitrary bytes.
//
// Contract checked: parse_nfg either returns a well-formed game or throws one
// of its documented exceptions (NfgParseError for malformed text,
// InvalidArgument when the declared game does not fit in memory). Anything
// else -- a sanitizer report, another exception type, a game with non-finite
// payoffs or with a shape that disagrees with its payoff buffer or labels, a
// game that does not read back from to_nfg -- is a finding and aborts.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "dilemma/io/nfg.hpp"
#include "fuzz_common.hpp"

namespace {

void check_game(const dilemma::NormalFormGame& game) {
  const std::size_t n = game.num_players();
  FUZZ_CHECK(n >= 1, "a parsed game has no players");
  FUZZ_CHECK(game.nums_actions().size() == n, "nums_actions() disagrees with num_players()");
  std::size_t profiles = 1;
  for (std::size_t m : game.nums_actions()) {
    FUZZ_CHECK(m >= 1, "a player has no actions");
    profiles *= m;
  }
  FUZZ_CHECK(game.num_profiles() == profiles, "num_profiles() is not the product of the counts");
  FUZZ_CHECK(game.payoff_data().size() == n * profiles, "payoff buffer of the wrong size");
  for (double value : game.payoff_data()) FUZZ_CHECK(std::isfinite(value), "non-finite payoff");
  FUZZ_CHECK(game.player_labels().size() == n, "one player label per player");
  for (std::size_t i = 0; i < n; ++i)
    FUZZ_CHECK(game.action_labels(i).size() == game.nums_actions()[i],
               "one action label per action");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  dilemma::NormalFormGame game({1});
  try {
    game = dilemma::parse_nfg(text);
  } catch (const dilemma::NfgParseError&) {
    return 0;  // malformed text: the documented outcome
  } catch (const dilemma::InvalidArgument&) {
    return 0;  // too large for memory: documented
  } catch (const std::exception& error) {
    std::fprintf(stderr, "undocumented exception from parse_nfg: %s\n", error.what());
    std::abort();
  }
  check_game(game);

  // Round trip: to_nfg writes what parse_nfg reads back as the same game,
  // title and labels included (parse_nfg(to_nfg(g)) == g is documented).
  const std::string written = dilemma::to_nfg(game);
  dilemma::NormalFormGame again({1});
  try {
    again = dilemma::parse_nfg(written);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "to_nfg wrote text that parse_nfg rejects: %s\n", error.what());
    std::abort();
  }
  FUZZ_CHECK(again == game, "parse_nfg(to_nfg(g)) != g");
  FUZZ_CHECK(again.title() == game.title(), "title lost in the round trip");
  FUZZ_CHECK(again.player_labels() == game.player_labels(), "player labels lost in the round trip");
  for (std::size_t i = 0; i < game.num_players(); ++i)
    FUZZ_CHECK(again.action_labels(i) == game.action_labels(i),
               "action labels lost in the round trip");
  return 0;
}

// The .nfg parser: header, players, strategies and payoffs (a flat list or
// an outcome table) into a NormalFormGame, checked against the text length
// and memory before anything large is allocated.
#include <charconv>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dilemma/io/nfg.hpp"
#include "nfg_internal.hpp"
#include "nfg_number.hpp"

#include <sys/mman.h>  // madvise (see advise_huge_pages)

namespace dilemma {

namespace detail::nfg {

namespace {

// Asks the kernel for transparent huge pages on a large buffer before its
// first touch. Faulting in 4 KiB pages dominated the parse of a 10-player
// game on a virtual machine (about 3 us a page); with huge pages the parse
// ran 20% faster. Advice only: without it, or elsewhere, nothing changes.
void advise_huge_pages(void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t kHuge = std::uintptr_t(2) << 20;
  if (bytes < 2 * kHuge) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHuge - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  static_cast<void>(data);
  static_cast<void>(bytes);
#endif
}

// Player-major C-order payoffs (the game's layout) from file-order rows:
// row(f) points to the n payoffs of the f-th profile of the file.
template <class Row>
std::vector<double> to_c_order(const std::vector<std::size_t>& nums_actions,
                               std::size_t num_profiles, Row&& row) {
  const std::size_t n = nums_actions.size();
  std::vector<double> payoffs;
  payoffs.reserve(num_profiles * n);
  advise_huge_pages(payoffs.data(), num_profiles * n * sizeof(double));
  payoffs.resize(num_profiles * n);
  double* data = payoffs.data();
  visit_profiles_tiled(nums_actions, [&](std::size_t f, std::size_t c) {
    const double* values = row(f);
    for (std::size_t i = 0; i < n; ++i) data[i * num_profiles + c] = values[i];
  });
  return payoffs;
}

// The recursive-descent parser over the tokens of Lexer.
class Parser : Lexer {
 public:
  Parser(std::string_view text, std::string source) : Lexer(text, std::move(source)) {}

  NormalFormGame parse() {
    Token token = next();
    if (token.kind != Kind::word || view(token) != "NFG")
      fail_at(token, "expected \"NFG\" at the start of the file, found ", describe(token));
    token = next();
    if (token.kind != Kind::number || view(token) != "1")
      fail_at(token, "expected the format version 1 after \"NFG\", found ", describe(token));
    token = next();
    if (token.kind != Kind::word || (view(token) != "R" && view(token) != "D"))
      fail_at(token, "expected the number type R or D after \"NFG 1\", found ", describe(token));
    std::string title = expect_text("the game title (a quoted string)");

    std::vector<std::string> players = read_players();
    const std::size_t n = players.size();

    // Strategies: counts `{ 3 2 }` or label lists `{ { "a" "b" } { "x" } }`.
    const Token strategies = expect(Kind::left_brace, "'{' opening the strategies");
    std::vector<std::size_t> nums_actions(n);
    std::vector<std::vector<std::string>> labels;
    token = next();
    if (token.kind == Kind::left_brace) {
      labels.resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) token = next();
        if (token.kind != Kind::left_brace)
          fail_at(token, "expected '{' opening the strategy labels of player ", i + 1, " of ", n,
                  ", found ", describe(token));
        for (token = next(); token.kind == Kind::text; token = next())
          labels[i].push_back(unescape(token));
        if (token.kind != Kind::right_brace)
          fail_at(token, "expected a strategy label (a quoted string) or '}', found ",
                  describe(token));
        if (labels[i].empty()) fail_at(token, "player ", i + 1, " has no strategies");
        nums_actions[i] = labels[i].size();
      }
      token = next();
      if (token.kind != Kind::right_brace)
        fail_at(token, "expected '}' closing the strategy labels of ", n,
                n == 1 ? " player" : " players", ", found ", describe(token));
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) token = next();
        if (token.kind != Kind::number)
          fail_at(token, "expected the number of strategies of player ", i + 1, " of ", n,
                  ", found ", describe(token));
        nums_actions[i] = to_count(token, "a number of strategies");
        if (nums_actions[i] == 0) fail_at(token, "player ", i + 1, " has 0 strategies");
      }
      token = next();
      if (token.kind != Kind::right_brace)
        fail_at(token, "expected '}' after the strategy counts of ", n,
                n == 1 ? " player" : " players", ", found ", describe(token));
    }

    token = next();
    if (token.kind == Kind::text) token = next();  // optional comment, not kept

    // Size checks before any allocation (see check_room).
    std::size_t num_profiles = 1;
    for (std::size_t m : nums_actions) {
      if (num_profiles > std::numeric_limits<std::size_t>::max() / m)
        fail_at(strategies, "the strategy counts ", detail::format_tuple(nums_actions),
                " make more joint profiles than fit in 64 bits");
      num_profiles *= m;
    }

    std::vector<double> payoffs;
    if (token.kind == Kind::number) {
      if (num_profiles > std::numeric_limits<std::size_t>::max() / n)
        fail_at(strategies, "the strategy counts ", detail::format_tuple(nums_actions),
                " need more payoffs than fit in 64 bits");
      check_room(strategies, nums_actions, num_profiles * n, token.begin, "payoffs");
      check_memory(nums_actions, num_profiles, 2 * n * sizeof(double));  // file order + C order
      pos_ = token.begin;
      const std::unique_ptr<double[]> file_payoffs = read_payoff_list(num_profiles * n);
      payoffs = to_c_order(nums_actions, num_profiles,
                           [&](std::size_t ordinal) { return file_payoffs.get() + ordinal * n; });
    } else if (token.kind == Kind::left_brace) {
      const std::vector<double> outcomes = read_outcomes(n);
      check_room(strategies, nums_actions, num_profiles, pos_, "outcome indices");
      check_memory(nums_actions, num_profiles, n * sizeof(double) + sizeof(std::size_t));
      const std::vector<std::size_t> indices =
          read_outcome_indices(num_profiles, outcomes.size() / n - 1);
      payoffs = to_c_order(nums_actions, num_profiles, [&](std::size_t ordinal) {
        return outcomes.data() + indices[ordinal] * n;
      });
    } else {
      fail_at(token, "expected the payoffs (numbers) or an outcome list '{', found ",
              describe(token));
    }
    token = next();
    if (token.kind != Kind::end)
      fail_at(token, "expected the end of the file after all ", num_profiles, " profiles, found ",
              describe(token));

    NormalFormGame game(std::move(nums_actions), std::move(payoffs));
    game.set_title(std::move(title));
    game.set_player_labels(std::move(players));
    for (std::size_t i = 0; i < labels.size(); ++i) game.set_action_labels(i, std::move(labels[i]));
    return game;
  }

 private:
  // ---- sections -----------------------------------------------------------
  std::vector<std::string> read_players() {
    expect(Kind::left_brace, "'{' opening the player names");
    std::vector<std::string> players;
    Token token = next();
    for (; token.kind == Kind::text; token = next()) players.push_back(unescape(token));
    if (token.kind != Kind::right_brace)
      fail_at(token, "expected a player name (a quoted string) or '}', found ", describe(token));
    if (players.empty()) fail_at(token, "expected at least one player name before '}'");
    return players;
  }

  // Before allocating for `needed` numbers: each takes at least two
  // characters (itself and a separator), so a short text cannot make us
  // allocate for a huge declared game. Small games skip the check and get
  // the precise error (where the list ends) from the parse itself.
  void check_room(const Token& strategies, const std::vector<std::size_t>& nums_actions,
                  std::size_t needed, std::size_t from, const char* what) const {
    constexpr std::size_t kAlwaysAllowed = std::size_t(1) << 16;
    const std::size_t room = (text_.size() - from + 1) / 2;
    if (needed > room && needed > kAlwaysAllowed)
      fail_at(strategies, "the strategy counts ", detail::format_tuple(nums_actions), " need ",
              needed, " ", what, ", more than the ", text_.size() - from,
              " remaining characters can hold");
  }

  static void check_memory(const std::vector<std::size_t>& nums_actions, std::size_t num_profiles,
                           std::size_t bytes_per_profile) {
    detail::check_fits_in_memory(
        "parse_nfg", num_profiles, bytes_per_profile,
        "a dense game with action counts " + detail::format_tuple(nums_actions));
  }

  // The flat payoff list, in file order: fast_number where it applies,
  // read_payoff (bounds-checked, with the error messages) elsewhere. Not
  // zero-filled first: every entry is written.
  std::unique_ptr<double[]> read_payoff_list(std::size_t total) {
    std::unique_ptr<double[]> payoffs(new double[total]);
    advise_huge_pages(payoffs.get(), total * sizeof(double));
    const char* const data = text_.data();
    const char* const last = data + text_.size();
    const char* const fast_end = last - data > kFastNumberMargin ? last - kFastNumberMargin : data;
    const char* p = data + pos_;
    double* const out = payoffs.get();  // not reloaded from `payoffs` after each read_payoff call
    for (std::size_t k = 0; k < total; ++k) {
      while (p != last && is_space(*p)) ++p;
      const char* const end = p < fast_end ? fast_number(p, out[k]) : nullptr;
      if (end != nullptr) {
        p = end;
      } else {
        pos_ = static_cast<std::size_t>(p - data);
        out[k] = read_payoff(k, total);
        p = data + pos_;
      }
    }
    pos_ = static_cast<std::size_t>(p - data);
    return payoffs;
  }

  // The outcome table after its '{'; row 0 is the null outcome (all zeros).
  std::vector<double> read_outcomes(std::size_t n) {
    std::vector<double> outcomes(n, 0.0);
    for (Token token = next();; token = next()) {
      if (token.kind == Kind::right_brace) return outcomes;
      if (token.kind != Kind::left_brace)
        fail_at(token, "expected '{' opening an outcome or '}' closing the outcome list, found ",
                describe(token));
      const std::size_t outcome = outcomes.size() / n;
      token = next();
      if (token.kind == Kind::text) token = next();  // outcome name, not kept
      for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && token.kind == Kind::comma) token = next();
        if (token.kind != Kind::number)
          fail_at(token, "expected the payoff of player ", i + 1, " of ", n, " in outcome ",
                  outcome, ", found ", describe(token));
        outcomes.push_back(to_double(token.begin, token.end, "a payoff (a number)"));
        token = next();
      }
      if (token.kind == Kind::comma) token = next();
      if (token.kind != Kind::right_brace)
        fail_at(token, "expected '}' closing outcome ", outcome, " after ", n,
                n == 1 ? " payoff" : " payoffs", ", found ", describe(token));
    }
  }

  // One outcome index per profile, in file order.
  std::vector<std::size_t> read_outcome_indices(std::size_t num_profiles,
                                                std::size_t num_outcomes) {
    std::vector<std::size_t> indices(num_profiles);
    for (std::size_t ordinal = 0; ordinal < num_profiles; ++ordinal) {
      const Token token = next();
      if (token.kind != Kind::number)
        fail_at(token, "expected an outcome index (an integer from 0 to ", num_outcomes,
                "), found ", describe(token), " after ", ordinal, " of ", num_profiles, " indices");
      const char* first = text_.data() + token.begin;
      const char* last = text_.data() + token.end;
      const auto [ptr, ec] = std::from_chars(first, last, indices[ordinal]);
      if (ptr != last)
        fail_at(token, "expected an outcome index (an integer from 0 to ", num_outcomes,
                "), found ", describe(token));
      if (ec != std::errc() || indices[ordinal] > num_outcomes)
        fail_at(token, "outcome index ", view(token), " is out of range; there ",
                num_outcomes == 1 ? "is 1 outcome"
                                  : "are " + std::to_string(num_outcomes) + " outcomes");
    }
    return indices;
  }
};

}  // namespace

}  // namespace detail::nfg

namespace detail {

NormalFormGame parse_nfg(std::string_view text, std::string source) {
  return nfg::Parser(text, std::move(source)).parse();
}

}  // namespace detail

NormalFormGame parse_nfg(std::string_view text) { return detail::parse_nfg(text, "parse_nfg"); }

NormalFormGame read_nfg(const std::string& path_or_text) {
  std::size_t k = 0;
  while (k < path_or_text.size() && detail::nfg::is_space(path_or_text[k])) ++k;
  if (path_or_text.compare(k, 3, "NFG") == 0 && k + 3 < path_or_text.size() &&
      detail::nfg::is_space(path_or_text[k + 3]))
    return detail::parse_nfg(path_or_text, "read_nfg");
  const detail::FileText file(path_or_text, "read_nfg");
  return detail::parse_nfg(file.text(), "read_nfg");
}

}  // namespace dilemma

// Private to src/io: what the .nfg files share. nfg_number.cpp converts
// numbers, nfg_text.cpp loads files and tokenizes, nfg_reader.cpp builds the
// game, nfg_writer.cpp writes it; the profile walk here serves both reader
// and writer.
#pragma once

#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dilemma/core/errors.hpp"
#include "dilemma/core/shape.hpp"

namespace dilemma::detail::nfg {

// ---- characters -------------------------------------------------------------

// Character classes by table: the lexer's inner loops test every byte.
enum : unsigned char { kSpace = 1, kDelimiter = 2 };  // spaces are delimiters too
struct CharClasses {
  unsigned char of[256] = {};
  constexpr CharClasses() {
    for (unsigned char c : {' ', '\n', '\t', '\r', '\v', '\f'}) of[c] = kSpace | kDelimiter;
    for (unsigned char c : {'{', '}', ',', '"'}) of[c] = kDelimiter;
  }
};
inline constexpr CharClasses kCharClasses;
inline bool is_space(char c) { return (kCharClasses.of[static_cast<unsigned char>(c)] & kSpace) != 0; }
// Characters that end an unquoted token.
inline bool is_delimiter(char c) {
  return (kCharClasses.of[static_cast<unsigned char>(c)] & kDelimiter) != 0;
}
inline bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// ---- numbers (nfg_number.cpp) -----------------------------------------------

enum class Conversion { ok, malformed, division_by_zero, too_large, inexact_integer };

// Reads [+-](digits[.digits*]|.digits)[(e|E)[+-]digits] or [+-]digits/digits
// from the start of [first, last) into the nearest double; `stop` is where
// the number ends (the caller checks that a delimiter follows). An integer
// (or either side of p/q) is taken as exact: inexact_integer when no double
// equals it, as two such payoffs could round to a tie the file does not have.
// Decimals and exponents are rounded to the nearest double.
Conversion scan_number(const char* first, const char* last, double& value, const char*& stop);

// The fast path of the common payoffs, fast_number, is inline in nfg_number.hpp.

// ---- profile order ----------------------------------------------------------

// Enumerates the action profiles of players [first, last) in file order
// (player `first` fastest), tracking each one's offset in the file order and
// in the C order of the whole game.
class ProfileWalk {
 public:
  ProfileWalk(const std::vector<std::size_t>& nums_actions, std::size_t first, std::size_t last)
      : action_(last - first, 0) {
    const std::vector<std::size_t> c_strides = detail::c_order_strides(nums_actions);
    std::size_t file_stride = 1;  // player i's stride in file order: prod_{j < i} m_j
    for (std::size_t i = 0; i < last; ++i) {
      if (i >= first) players_.push_back({nums_actions[i], file_stride, c_strides[i]});
      file_stride *= nums_actions[i];
    }
  }
  std::size_t file_offset() const noexcept { return file_offset_; }
  std::size_t c_offset() const noexcept { return c_offset_; }
  /// Steps to the next profile; false (and back to the first) after the last.
  bool advance() noexcept {
    for (std::size_t k = 0; k < players_.size(); ++k) {
      const Player& player = players_[k];
      if (++action_[k] < player.num_actions) {
        file_offset_ += player.file_stride;
        c_offset_ += player.c_stride;
        return true;
      }
      action_[k] = 0;
      file_offset_ -= (player.num_actions - 1) * player.file_stride;
      c_offset_ -= (player.num_actions - 1) * player.c_stride;
    }
    return false;
  }

 private:
  struct Player {
    std::size_t num_actions, file_stride, c_stride;
  };
  std::vector<Player> players_;
  std::vector<std::size_t> action_;
  std::size_t file_offset_ = 0;
  std::size_t c_offset_ = 0;
};

// Calls visit(f, c) for every joint profile, f its index in file order
// (player 1 fastest) and c in C order (last player fastest). The two orders
// reverse each other's digits, so walking either one jumps through memory on
// the other side. The walk goes by tiles instead: the first players (fastest
// in the file) against the last ones (fastest in C order), up to kTile
// profiles each, so that a tile touches few cache lines on both sides; the
// players in between index the tiles. Converting a 10-player 3-action game
// this way took half the time of a walk in C order.
template <class Visit>
void visit_profiles_tiled(const std::vector<std::size_t>& nums_actions, Visit&& visit) {
  constexpr std::size_t kTile = 16;
  const std::size_t n = nums_actions.size();
  std::size_t head_end = 0, head_size = 1;  // players [0, head_end)
  while (head_end < n && head_size * nums_actions[head_end] <= kTile)
    head_size *= nums_actions[head_end++];
  std::size_t tail_begin = n, tail_size = 1;  // players [tail_begin, n)
  while (tail_begin > head_end && tail_size * nums_actions[tail_begin - 1] <= kTile)
    tail_size *= nums_actions[--tail_begin];

  std::vector<std::size_t> head_c, tail_c, tail_file;
  ProfileWalk head(nums_actions, 0, head_end);
  do head_c.push_back(head.c_offset());  // head file offsets are 0, 1, 2, ...
  while (head.advance());
  ProfileWalk tail(nums_actions, tail_begin, n);
  do {
    tail_c.push_back(tail.c_offset());
    tail_file.push_back(tail.file_offset());
  } while (tail.advance());

  ProfileWalk middle(nums_actions, head_end, tail_begin);
  do {
    for (std::size_t t = 0; t < tail_size; ++t) {
      const std::size_t file_base = middle.file_offset() + tail_file[t];
      const std::size_t c_base = middle.c_offset() + tail_c[t];
      for (std::size_t h = 0; h < head_size; ++h) visit(file_base + h, c_base + head_c[h]);
    }
  } while (middle.advance());
}

// ---- tokens (nfg_text.cpp) --------------------------------------------------

enum class Kind { number, text, left_brace, right_brace, comma, word, end };

struct Token {
  Kind kind;
  std::size_t begin;  // offset of the first character
  std::size_t end;    // one past the last (after the closing quote for text)
};

// Hand-written lexer over the whole text, the base of the recursive-descent
// Parser of nfg_reader.cpp. Positions are byte offsets; line and column are
// computed only on error.
class Lexer {
 protected:
  Lexer(std::string_view text, std::string source);

  // ---- errors -------------------------------------------------------------
  template <class... Parts>
  [[noreturn]] void fail_at_offset(std::size_t offset, Parts&&... parts) const {
    std::ostringstream out;
    out.precision(17);
    detail::append_all(out, std::forward<Parts>(parts)...);
    fail_with(offset, out.str());
  }
  template <class... Parts>
  [[noreturn]] void fail_at(const Token& token, Parts&&... parts) const {
    fail_at_offset(token.begin, std::forward<Parts>(parts)...);
  }
  // Throws NfgParseError "<source>: line L, column C: <message>".
  [[noreturn]] void fail_with(std::size_t offset, const std::string& message) const;

  std::string describe(const Token& token) const;
  static std::string shorten(std::string_view s);

  // ---- lexer --------------------------------------------------------------
  std::string_view view(const Token& token) const {
    return text_.substr(token.begin, token.end - token.begin);
  }
  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  }
  std::size_t scan_word(std::size_t begin) const {
    std::size_t end = begin;
    while (end < text_.size() && !is_delimiter(text_[end])) ++end;
    return end;
  }
  Token next();
  Token expect(Kind kind, const char* what);
  std::string expect_text(const char* what) { return unescape(expect(Kind::text, what)); }
  std::string unescape(const Token& token) const;

  // ---- numbers ------------------------------------------------------------
  double to_double(std::size_t begin, std::size_t end, const char* what) const;
  std::size_t to_count(const Token& token, const char* what) const;
  double read_payoff(std::size_t read, std::size_t total);

  std::string_view text_;
  std::string source_;
  std::size_t pos_ = 0;
};

}  // namespace dilemma::detail::nfg

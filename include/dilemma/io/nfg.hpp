// Reading and writing Gambit's strategic-form file format (.nfg, version 1).
//
// A file is a header, then a body:
//
//   NFG 1 R "title" { "Player 1" "Player 2" } { 3 2 } "optional comment"
//   NFG 1 D "title" { "P1" "P2" } { { "a" "b" "c" } { "x" "y" } }
//
// and either a flat payoff list (each profile lists all n players' payoffs)
// or an outcome table `{ { "name" 1, 2 } ... }` (names and commas optional)
// followed by one outcome index per profile (1-based; 0 = the null outcome,
// all payoffs 0). In both, profiles are ordered with PLAYER 1's action
// varying fastest -- the reverse of the C order in which dilemma stores
// payoffs (see normal_form_game.hpp). Numbers may be integers, decimals,
// exponents (1e-3) or rationals of integers (-2/7). Integers (also either side
// of p/q) are read exactly, and refused when no double equals them (beyond
// 2^53, where two of them could round to a tie the file does not have);
// decimals, exponents and quotients are rounded to the nearest double (0.1
// is not exact). Strings may span lines; \" is a quote and \\ a backslash.
// The comment and the outcome names are not kept.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "dilemma/core/errors.hpp"
#include "dilemma/games/normal_form_game.hpp"

namespace dilemma {

/// A malformed .nfg text. what() reads
/// "<function>: line L, column C: <what was expected and found>";
/// line and column are 1-based (columns count bytes).
class NfgParseError : public InvalidArgument {
 public:
  NfgParseError(std::string message, std::size_t line, std::size_t column);
  std::size_t line() const noexcept { return line_; }
  std::size_t column() const noexcept { return column_; }

 private:
  std::size_t line_;
  std::size_t column_;
};

/// Parses the text of a .nfg file: title, player and action labels, payoffs.
/// \throws NfgParseError on malformed text (anything missing, extra or not a
///         finite number, or an integer no double equals); InvalidArgument
///         if the game does not fit in memory. The declared size is
///         checked against the text length before anything is allocated,
///         so a short text cannot claim a huge game.
/// Complexity: O(L + n * P) time for a text of L bytes and a game of n
/// players and P profiles; transient memory of two copies of the payoffs.
/// \code
/// auto game = dilemma::parse_nfg("NFG 1 R \"\" { \"1\" \"2\" } { 2 2 } 1 1 0 0 0 0 2 2");
/// \endcode
NormalFormGame parse_nfg(std::string_view text);

/// Reads a game from a file, or parses `path_or_text` itself if it starts
/// (after leading whitespace) with "NFG" followed by whitespace.
/// \throws InvalidArgument naming the path if it cannot be read;
///         NfgParseError as parse_nfg.
/// Complexity: as parse_nfg, O(L + n * P) for a file of L bytes (memory-mapped
/// when it is a regular file).
NormalFormGame read_nfg(const std::string& path_or_text);

/// Writes the payoff version with labelled strategies, one profile a line,
/// player 1 fastest; numbers in the shortest form that reads back as the
/// same double (integers without a point; from 2^53 on, the double's exact
/// integer: 123456789012345685803008 for 1.2345678901234568e23), so
/// parse_nfg(to_nfg(g)) == g with the same title and labels (a payoff -0.0
/// comes back as 0.0).
/// \sa parse_nfg, read_nfg
/// \throws InvalidArgument naming the path if it cannot be written.
/// Complexity: O(n * P + sum_i m_i) time and memory for n players, m_i
/// actions and P profiles (the text is built by to_nfg, then written).
void write_nfg(const NormalFormGame& game, const std::string& path);
/// As above, to a stream. Complexity: O(n * P + sum_i m_i) time and memory.
void write_nfg(const NormalFormGame& game, std::ostream& out);
/// As above, into a string. Complexity: O(n * P + sum_i m_i) time and memory.
std::string to_nfg(const NormalFormGame& game);

namespace detail {
/// parse_nfg with errors reading "<source>: line L, column C: ...".
NormalFormGame parse_nfg(std::string_view text, std::string source);

/// The bytes of a file, memory-mapped when it is a regular file and read
/// otherwise (pipes): copying a 10 MB file into a string costs more than
/// parsing it.
class FileText {
 public:
  /// \throws InvalidArgument "<function>: cannot open \"<path>\": <reason>".
  FileText(const std::string& path, const char* function);
  /// Reads an open descriptor (e.g. 0 for stdin), which stays open; `name` is for messages.
  FileText(int fd, const std::string& name, const char* function);
  ~FileText();
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  std::string_view text() const noexcept { return text_; }

 private:
  void load(int fd, const std::string& name, const char* function);
  void* mapping_ = nullptr;
  std::string buffer_;  // when not mapped
  std::string_view text_;
};
}  // namespace detail

}  // namespace dilemma

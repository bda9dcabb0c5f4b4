// Writing .nfg files: the payoff version with labelled strategies.
#include <cerrno>
#include <charconv>
#include <system_error>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <string>
#include <vector>

#include "dilemma/io/nfg.hpp"
#include "nfg_internal.hpp"

namespace dilemma {

namespace {

void append_quoted(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

// Shortest text that reads back as the same double; integers without ".0".
/// Room for the shortest fixed-notation form of any double: 309 digits of
/// DBL_MAX, or "0." and 323 zeros before the digits of the smallest subnormal.
constexpr std::size_t kFixedDoubleChars = 400;

/// The shortest decimal that reads back as `value`, in fixed notation:
/// Gambit's reader refuses exponents such as 1.5e+20. From 2^53 on, its
/// integer digits are all written, and the closest are the exact ones: the
/// reader, which refuses integers no double equals, reads them back.
void append_number(std::string& out, double value) {
  if (value == 0) value = 0;  // -0 as 0
  char buffer[kFixedDoubleChars];
  const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (result.ec != std::errc()) detail::fail("to_nfg", "cannot write the payoff ", value);
  out.append(buffer, result.ptr);
}

}  // namespace

std::string to_nfg(const NormalFormGame& game) {
  const std::size_t n = game.num_players();
  std::string out = "NFG 1 R ";
  append_quoted(out, game.title());
  out += " {";
  for (const std::string& label : game.player_labels()) {
    out += ' ';
    append_quoted(out, label);
  }
  out += " }\n{";
  for (std::size_t i = 0; i < n; ++i) {
    out += " {";
    for (const std::string& label : game.action_labels(i)) {
      out += ' ';
      append_quoted(out, label);
    }
    out += " }";
  }
  out += " }\n\n";

  // Profiles in file order (player 1 fastest), one per line: rows gathered
  // by tiles first, then printed in sequence.
  const std::size_t num_profiles = game.num_profiles();
  const double* data = game.payoff_data().data();
  std::vector<double> rows(num_profiles * n);
  detail::nfg::visit_profiles_tiled(game.nums_actions(), [&](std::size_t f, std::size_t c) {
    for (std::size_t i = 0; i < n; ++i) rows[f * n + i] = data[i * num_profiles + c];
  });
  out.reserve(out.size() + rows.size() * 8);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    append_number(out, rows[k]);
    out += (k + 1) % n == 0 ? '\n' : ' ';
  }
  return out;
}

void write_nfg(const NormalFormGame& game, std::ostream& out) {
  const std::string text = to_nfg(game);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) detail::fail("write_nfg", "writing to the stream failed");
}

void write_nfg(const NormalFormGame& game, const std::string& path) {
  const std::string text = to_nfg(game);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr)
    detail::fail("write_nfg", "cannot open \"", path, "\" for writing: ", std::strerror(errno));
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const int error = errno;
  if (std::fclose(file) != 0 || !written)
    detail::fail("write_nfg", "cannot write \"", path,
                 "\": ", std::strerror(written ? errno : error));
}

}  // namespace dilemma

// Reads a two-player game from a Gambit .nfg file and solves it two ways:
// every extreme equilibrium by vertex enumeration, and one equilibrium per
// Lemke-Howson path (one path per starting label), in exact arithmetic.
// Every path must end at one of the extreme equilibria.
//
//     example_bimatrix_from_nfg game.nfg [number of extreme equilibria]
//
// Exits 1 on a wrong answer (or when the count given differs), 2 on bad input.
#include <dilemma/io/nfg.hpp>
#include <dilemma/profiles/expected_payoffs.hpp>
#include <dilemma/solvers/lemke_howson.hpp>
#include <dilemma/solvers/vertex_enumeration.hpp>

#include <algorithm>
#include <exception>
#include <iostream>
#include <string>

namespace {

std::string format(const dilemma::BasicMixedProfile<dilemma::Rational>& profile) {
  std::string text;
  for (const auto& strategy : profile) {
    text += text.empty() ? "(" : " | (";
    for (std::size_t a = 0; a < strategy.size(); ++a) text += (a ? ", " : "") + strategy[a].str();
    text += ")";
  }
  return text;
}

dilemma::MixedProfile to_floating(const dilemma::BasicMixedProfile<dilemma::Rational>& profile) {
  dilemma::MixedProfile result;
  for (const auto& strategy : profile) {
    result.emplace_back();
    for (const auto& p : strategy) result.back().push_back(p.convert_to<double>());
  }
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dilemma;
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: " << argv[0] << " GAME.nfg [number of extreme equilibria]\n";
    return 2;
  }
  try {
    const NormalFormGame game = read_nfg(argv[1]);
    const auto extreme = vertex_enumeration<Rational>(game);
    std::cout << game.title() << ": " << extreme.size() << " extreme equilibria\n";
    bool as_expected = !extreme.empty();
    for (const auto& profile : extreme) {
      std::cout << "  " << format(profile) << '\n';
      as_expected = as_expected && is_nash(game, to_floating(profile));
    }
    if (argc == 3 && std::to_string(extreme.size()) != argv[2]) {
      std::cout << "WRONG: expected " << argv[2] << " extreme equilibria\n";
      as_expected = false;
    }

    const std::size_t labels = game.num_actions(0) + game.num_actions(1);
    for (std::size_t label = 0; label < labels; ++label) {
      const auto found = lemke_howson<Rational>(game, {label}).equilibrium;
      const bool known = std::find(extreme.begin(), extreme.end(), found) != extreme.end();
      std::cout << "Lemke-Howson from label " << label << ": " << format(found)
                << (known ? "" : "  WRONG: not an extreme equilibrium") << '\n';
      as_expected = as_expected && known;
    }
    std::cout << (as_expected ? "as expected" : "WRONG") << '\n';
    return as_expected ? 0 : 1;
  } catch (const std::exception& error) {
    std::cerr << argv[0] << ": " << error.what() << '\n';
    return 2;
  }
}

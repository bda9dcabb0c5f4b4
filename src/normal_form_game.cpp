#include "dilemma/games/normal_form_game.hpp"

namespace dilemma {
template class BasicNormalFormGame<double>;
}  // namespace dilemma

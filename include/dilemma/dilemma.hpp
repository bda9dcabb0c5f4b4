// Umbrella header: everything public in dilemma.
#pragma once

#include "dilemma/analysis/dominance.hpp"
#include "dilemma/core/errors.hpp"
#include "dilemma/core/shape.hpp"
#include "dilemma/games/generators.hpp"
#include "dilemma/games/normal_form_game.hpp"
#include "dilemma/io/nfg.hpp"
#include "dilemma/profiles/expected_payoffs.hpp"
#include "dilemma/profiles/mixed_profile.hpp"
#include "dilemma/solvers/pure_nash.hpp"
#include "dilemma/version.hpp"

import numpy as np
import pytest

import dilemma


def brute_force_pure_nash(game):
    """Every profile, every player, every deviation: the textbook reference."""
    payoffs = [np.asarray(game.payoffs(i)) for i in range(game.num_players)]
    equilibria = []
    for profile in np.ndindex(*game.nums_actions):
        stable = True
        for i, u in enumerate(payoffs):
            deviations = list(profile)
            deviations[i] = slice(None)
            if u[tuple(deviations)].max() > u[profile]:
                stable = False
                break
        if stable:
            equilibria.append(tuple(int(a) for a in profile))
    return equilibria


@pytest.fixture
def invariant_game():
    """Three players whose payoff is -10 whatever anyone does (MODEL.md section 3)."""
    return dilemma.NormalFormGame.from_function((3, 3, 3), lambda profile: (-10.0, -10.0, -10.0))

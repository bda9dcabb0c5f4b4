import doctest

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
    """Three players whose payoff is -10 whatever anyone does (docs/model.md: theorem)."""
    return dilemma.NormalFormGame.from_function((3, 3, 3), lambda profile: (-10.0, -10.0, -10.0))


@pytest.fixture
def run_doctests():
    """Runs the docstring examples of the given objects; fails when one fails
    or when an object has none to run."""

    def run(*objects):
        for obj in objects:
            finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
            tests = finder.find(obj, globs={"dilemma": dilemma})
            assert sum(len(test.examples) for test in tests) >= 1, f"{obj!r} has no examples"
            for test in tests:
                runner.run(test)
            assert runner.failures == 0, f"{obj!r}: {runner.failures} example(s) failed"

    return run

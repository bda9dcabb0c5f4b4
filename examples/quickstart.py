"""A first tour of dilemma from Python (run by `make demo`)."""
import numpy as np

import dilemma

# The prisoner's dilemma: defection is strictly dominant.
pd = dilemma.prisoners_dilemma()
print(f"{pd.title}: pure equilibria {dilemma.pure_nash(pd)} (defect, defect)")
print(f"  cooperation is strictly dominated: {dilemma.dominated_actions(pd, 0) == [0]}")

# Three arrested people; whatever each one does, the sentence is the same.
# Every one of the 3^3 = 27 profiles is an equilibrium, none of them strict.
same_fate = dilemma.NormalFormGame.from_function((3, 3, 3), lambda profile: (-10.0,) * 3)
same_fate.action_labels = [["deny", "confess", "name"]] * 3
equilibria = dilemma.pure_nash(same_fate)
print(f"Payoff-invariant 3-player game: {len(equilibria)} of {same_fate.num_profiles} "
      "profiles are pure equilibria")
rng = np.random.default_rng(1)
profile = tuple(rng.dirichlet(np.ones(3)) for _ in range(3))
print(f"  a random mixed profile has regret {dilemma.regret(same_fate, profile):.1f}")

# Games round-trip through Gambit's .nfg format.
text = dilemma.write_nfg(pd)
print("The prisoner's dilemma as a Gambit .nfg file:")
print(text)
assert dilemma.read_nfg(text) == pd

game = dilemma.random_game((3, 3, 3), random_state=7)
print(f"A random 3x3x3 game has {len(dilemma.pure_nash(game))} pure equilibria")

import itertools

import numpy as np
import pytest

import dilemma

N = 5


def test_every_preset_builds_and_names_its_actions():
    assert len(dilemma.confession_preset_names()) == 8
    for preset in dilemma.confession_preset_names():
        game = dilemma.confession_game(N, preset)
        assert game.action_labels == ["deny", "confess", "name"]
        assert dilemma.confession_preset(preset).description


@pytest.mark.parametrize("n", [2, 5, 30])
def test_invariant_purge_every_consequence(n):
    report = dilemma.invariance_report(dilemma.confession_game(n, "invariant_purge"))
    assert report.payoff_invariant and report.epsilon == 0 and report.strategic_share == 0
    assert report.every_profile_is_equilibrium
    assert report.num_equilibrium_classes == (n + 1) * (n + 2) // 2
    assert report.log10_num_pure_equilibria == pytest.approx(n * np.log10(3))
    assert report.num_strict_equilibria == 0
    assert report.num_dominated_strict == report.num_dominated_weak == 0
    assert report.equal_security_levels
    assert report.efficiency.price_of_anarchy == report.efficiency.price_of_stability == 1
    assert report.max_incentive_gain == 0 and report.every_distribution_correlated
    assert report.qre_computed and report.qre_uniform and report.qre_note == ""
    assert report.qre_lambda == 1e6 and report.qre_max_deviation_from_uniform < 1e-12


@pytest.mark.parametrize("preset", ["invariant_purge", "invariant_purge_externality", "classic_pd",
                                    "leniency_for_naming", "yezhov_method", "torture_confession_only",
                                    "ordered_leniency"])
def test_report_correlated_and_qre_against_the_solvers(preset):
    game = dilemma.confession_game(4, preset)
    dense = game.to_normal_form()
    invariant = preset.startswith("invariant")
    for report in (dilemma.invariance_report(game), dilemma.invariance_report(dense)):
        assert report.every_distribution_correlated == invariant
        assert report.qre_uniform == invariant and report.qre_computed
        assert (report.max_incentive_gain == 0) == invariant
    # The LP: with every distribution a correlated equilibrium, its best and
    # worst welfare are those of the best and worst profiles.
    welfare = [dense[p].sum() for p in itertools.product(range(3), repeat=4)]
    best = dilemma.correlated_equilibrium(dense, objective="welfare").welfare
    worst = dilemma.correlated_equilibrium(game, objective="min_welfare", coarse=True).welfare
    if invariant:
        assert best == pytest.approx(max(welfare)) and worst == pytest.approx(min(welfare))
    # The QRE: the report's last traced point is on the logit branch.
    report = dilemma.invariance_report(game)
    strategy = dilemma.logit_qre_at(game, report.qre_lambda).qre
    assert np.abs(strategy - 1 / 3).max() == pytest.approx(report.qre_max_deviation_from_uniform, rel=1e-3, abs=1e-12)
    if not invariant:
        assert report.qre_lambda < 1 and report.qre_max_deviation_from_uniform > 1e-9


def test_report_text_names_every_consequence():
    text = str(dilemma.invariance_report(dilemma.confession_game(5, "invariant_purge")))
    assert "payoff-invariant: yes (one's own choice changes one's payoff by at most 0" in text
    assert "pure equilibria: 243 of 243 profiles (21 of 21 count classes), strict: 0" in text
    assert "every distribution a (coarse) correlated equilibrium: yes" in text
    assert "logit QRE uniform for every lambda: yes (followed to lambda = 1e+06" in text
    assert "purely nonstrategic (Candogan et al.): yes" in text
    text = str(dilemma.invariance_report(dilemma.confession_game(5, "leniency_for_naming")))
    assert "every distribution a (coarse) correlated equilibrium: no (largest incentive-constraint coefficient 2)" \
        in text
    assert "logit QRE uniform for every lambda: no (at lambda = " in text
    with pytest.raises(ValueError, match="invariance_report: qre_tol must be finite and >= 0, got -1"):
        dilemma.invariance_report(dilemma.confession_game(5, "invariant_purge"), qre_tol=-1)


def test_is_payoff_invariant():
    assert dilemma.is_payoff_invariant(dilemma.confession_game(N, "invariant_purge_externality"))
    assert not dilemma.is_payoff_invariant(dilemma.confession_game(N, "leniency_for_naming"))
    assert dilemma.is_payoff_invariant(dilemma.confession_game(N, "leniency_for_naming"), tol=2.0)
    dense = dilemma.confession_game(3, "yezhov_method").to_normal_form()
    assert not any(dilemma.is_payoff_invariant(dense, i) for i in range(3))


def test_externality_is_a_degenerate_dilemma():
    report = dilemma.invariance_report(dilemma.confession_game(N, "invariant_purge_externality"))
    assert report.every_profile_is_equilibrium
    assert report.efficiency.price_of_anarchy == pytest.approx((10 + 1 * (N - 1)) / 10)
    game = dilemma.confession_game(N, "invariant_purge_externality")
    # All-N is the worst outcome for everyone, all-D the best.
    assert dilemma.welfare(game, (0, 0, N)) == report.efficiency.worst_welfare
    assert dilemma.welfare(game, (N, 0, 0)) == report.efficiency.best_welfare
    assert all(c.counts[2] == 0 for c in dilemma.pareto_efficient_classes(game))


def test_overrides_and_closed_forms():
    game = dilemma.confession_game(N, "leniency_for_naming", leniency=5.0, named_cost=0.5)
    assert [c.counts for c in dilemma.pure_nash(game)] == [(0, 0, N)]
    p = dilemma.confession_parameters("leniency_for_naming", leniency=5.0, named_cost=0.5)
    assert dilemma.naming_gain(p) == 5.0
    assert dilemma.is_n_person_prisoners_dilemma(p, N) == (0.5 * (N - 1) > 5.0)
    assert dilemma.schelling_minimum_coalition(p) == 12
    costs = dilemma.per_capita_costs(p, N)
    assert dilemma.price_of_anarchy_closed_form(p, N) == pytest.approx(costs[2] / min(costs))
    assert dilemma.efficiency(game).price_of_anarchy == pytest.approx(dilemma.price_of_anarchy_closed_form(p, N))


def test_hoped_leniency_cost_of_the_belief():
    believed = dilemma.confession_game(N, "hoped_leniency")
    real = dilemma.confession_game(N, "hoped_leniency", real=True)
    result = dilemma.believed_versus_real(believed, real)
    (outcome,) = result.outcomes
    assert outcome.behaviour.counts == (0, 0, N)
    # Every real profile is an equilibrium: the hope cost nothing against the worst (all naming,
    # what they did) and eta (n - 1) against the best (nobody naming); MODEL's figure is the upper end.
    assert outcome.cost_of_belief_range == pytest.approx((0.0, 1.0 * (N - 1)))
    assert outcome.inefficiency == pytest.approx(1.0 * (N - 1))
    assert dilemma.invariance_report(real).every_profile_is_equilibrium


def _cost(p, action, others):
    """The model's cost c(a, m) of one player, written out again here (independent of the library)."""
    m_d, m_c, m_n = others
    tiers = list(p.leniency_tiers)
    share = 1.0
    if tiers:
        places = [tiers[min(r, len(tiers) - 1)] for r in range(m_n + 1)]
        share = sum(places) / len(places) / tiers[0]
    cost = p.base + p.sentence[action] + p.torture[action] + p.named_cost * m_n + p.confession_cost * (m_c + m_n)
    cost -= p.leniency * share if action == 2 else 0.0
    cost += p.sucker_cost * m_n if action == 0 else 0.0
    return cost


def _others(counts, action):
    return tuple(c - (a == action) for a, c in enumerate(counts))


def _welfare(p, counts):
    return -sum(c * _cost(p, a, _others(counts, a)) for a, c in enumerate(counts) if c)


def _equilibria(p, n):
    classes = [(d, c, n - d - c) for d in range(n + 1) for c in range(n + 1 - d)]
    stable = [k for k in classes
              if all(_cost(p, a, _others(k, a)) <= _cost(p, b, _others(k, a)) + 1e-12
                     for a in range(3) if k[a] for b in range(3))]
    return classes, stable


@pytest.mark.parametrize("preset", dilemma.confession_preset_names())
def test_believed_versus_real_of_every_preset_against_the_formula(preset):
    n = 2 if preset == "classic_pd" else 6
    believed = dilemma.confession_parameters(preset)
    real = dilemma.confession_parameters(preset, real=True)
    classes, real_equilibria = _equilibria(real, n)
    best = max(_welfare(real, k) for k in classes)
    worst_eq = min(_welfare(real, k) for k in real_equilibria)
    best_eq = max(_welfare(real, k) for k in real_equilibria)
    result = dilemma.believed_versus_real(dilemma.confession_game(n, preset),
                                          dilemma.confession_game(n, preset, real=True))
    assert sorted(c.counts for c in result.real_equilibria) == sorted(real_equilibria)
    assert sorted(o.behaviour.counts for o in result.outcomes) == sorted(_equilibria(believed, n)[1])
    for outcome in result.outcomes:
        w = _welfare(real, outcome.behaviour.counts)
        assert outcome.real_welfare == pytest.approx(w)
        assert outcome.inefficiency == pytest.approx((best - w) / n)
        assert outcome.cost_of_belief_range == pytest.approx(((worst_eq - w) / n, (best_eq - w) / n))
        if preset != "hoped_leniency":  # the same game believed and real: no belief, no cost against the best
            assert outcome.cost_of_belief_range[1] >= -1e-12


def test_believed_and_real_overrides_are_separate():
    hope = dict(believed={"leniency": 3.0}, named_cost=0.5)
    believed = dilemma.confession_parameters("hoped_leniency", **hope)
    real = dilemma.confession_parameters("hoped_leniency", real=True, **hope)
    assert (believed.leniency, real.leniency) == (3.0, 0.0)
    assert (believed.named_cost, real.named_cost) == (0.5, 0.5)
    real = dilemma.confession_parameters("hoped_leniency", real=True, reality={"leniency": 1.0})
    assert (real.leniency, dilemma.confession_parameters("hoped_leniency").leniency) == (1.0, 2.0)
    # The case: believed leniency varied, the real one stays 0.
    game = dilemma.confession_game(N, "hoped_leniency", real=True, believed={"leniency": 3})
    assert dilemma.invariance_report(game).every_profile_is_equilibrium
    # A preset whose two games agree takes plain keywords for both.
    assert dilemma.confession_parameters("leniency_for_naming", real=True, leniency=5).leniency == 5.0


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(leniency=3), r"leniency=3 is ambiguous for preset hoped_leniency: .* write believed=\{'leniency': \.\.\.\}"),
        (dict(leniency=3, believed={"leniency": 2}), "parameter leniency is given for both games and in believed="),
        (dict(reality={"leniency": float("nan")}), "parameter leniency is nan"),
    ],
)
def test_ambiguous_or_bad_overrides_are_refused(kwargs, message):
    for real in (False, True):
        with pytest.raises(ValueError, match="confession_parameters: " + message):
            dilemma.confession_parameters("hoped_leniency", real=real, **kwargs)
    with pytest.raises(ValueError, match="confession_game: "):
        dilemma.confession_game(N, "hoped_leniency", **kwargs)
    with pytest.raises(TypeError, match=r"confession_game: believed= takes a dict of parameter overrides"):
        dilemma.confession_game(N, "hoped_leniency", believed=3)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(preset="nope"), "unknown preset 'nope'"),
        (dict(named_cost=float("inf")), "parameter named_cost is inf"),
        (dict(sentence=(1, 2)), "parameter sentence needs three values"),
        (dict(torture=6), r"parameter torture needs three values, one per action \(deny, confess, name\), "
                          r"such as torture=\(6, 6, 0\); got 6"),
        (dict(sentence=None), "parameter sentence needs three values"),
        (dict(leniency="high"), "parameter leniency must be a number, got 'high'"),
        (dict(leniency_tiers=[1, 2]), "non-increasing"),
    ],
)
def test_bad_parameters(kwargs, message):
    with pytest.raises(ValueError, match=message):
        dilemma.confession_game(N, **kwargs)


def test_a_misspelt_parameter_is_a_type_error_naming_the_accepted_ones():
    # a keyword, or a key of believed= / reality=, that is no parameter: in both functions
    for function in ("confession_parameters", "confession_game"):
        call = getattr(dilemma, function)
        args = (N,) if function == "confession_game" else ()
        with pytest.raises(TypeError, match=rf"^{function}\(\) got an unexpected keyword argument 'eta'; its keywords "
                                            r"are .*preset, real, believed, reality, base, sentence, .*sucker_cost; "
                                            r"did you mean 'named_cost'\?$"):
            call(*args, eta=1.0)
        with pytest.raises(TypeError, match=rf"^{function}\(\) got an unknown parameter 'lenency' in reality=; the "
                                            r"parameters are base, sentence, .*; did you mean 'leniency'\?$"):
            call(*args, "hoped_leniency", reality={"lenency": 1})


def test_a_per_action_attribute_set_to_one_number_is_refused_naming_it():
    parameters = dilemma.confession_parameters()
    with pytest.raises(ValueError, match=r"^ConfessionParameters.torture: needs three values, one per action "
                                         r"\(deny, confess, name\), such as \(6, 6, 0\); got 6$"):
        parameters.torture = 6
    parameters.sentence = [1, 2, 3]
    assert parameters.sentence == (1.0, 2.0, 3.0)


def test_the_number_of_players_is_num_players():
    assert dilemma.confession_game(num_players=5).num_players == 5
    with pytest.raises(TypeError, match=r"^confession_game\(\) got an unexpected keyword argument 'n'; .*"
                                        r"did you mean 'num_players'\?$"):
        dilemma.confession_game(n=5)


@pytest.mark.parametrize("n", [0, -3, 2.5, True])
def test_bad_player_counts(n):
    with pytest.raises(ValueError, match="confession_game: num_players must be a positive integer"):
        dilemma.confession_game(n)


def test_count_class_errors_name_the_function():
    game = dilemma.confession_game(4, "invariant_purge")
    with pytest.raises(ValueError, match=r"class_payoffs: count class \(1, 1, 1\) must have 3 entries summing to 4"):
        dilemma.class_payoffs(game, (1, 1, 1))
    with pytest.raises(ValueError, match="welfare: counts must be >= 0, got -1"):
        dilemma.welfare(game, (5, -1, 0))
    with pytest.raises(ValueError, match="efficiency: tol must be finite"):
        dilemma.efficiency(game, tol=float("nan"))
    assert dilemma.welfare(game, dilemma.CountClass((4, 0, 0))) == -40.0


def test_cost_of_belief_is_nan_when_the_real_game_has_no_pure_equilibrium():
    # Rock-paper-scissors as a 2-player symmetric game: u(a, others) with others' counts (R, P, S).
    win = np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], dtype=float)
    order = [tuple(c) for c in dilemma.count_vectors(3, 1)]
    table = np.array([[win[a, c.index(1)] for c in order] for a in range(3)])
    rps = dilemma.SymmetricGame(2, 3, table)
    assert len(dilemma.pure_nash(rps)) == 0
    coordination = dilemma.SymmetricGame(2, 3, np.array([[float(a == c.index(1)) for c in order] for a in range(3)]))
    result = dilemma.believed_versus_real(coordination, rps)
    assert len(result.outcomes) == 3 and result.real_equilibria == []
    for outcome in result.outcomes:
        assert all(np.isnan(x) for x in outcome.cost_of_belief_range)
        assert np.isfinite(outcome.inefficiency)

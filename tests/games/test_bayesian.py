"""Bayesian games: posteriors, interim payoffs and regret, the induced and agent forms, and the solvers.

Values are derived by hand (Bayes' rule, dominance in a two-type entry game), or compared with pygambit and
lrsnash run on the induced normal form.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from fractions import Fraction

import numpy as np
import pytest

import games
from games.bayesian import BayesianEquilibrium, BayesianGame


def entry_game(p_strong: float) -> BayesianGame:
    """Entrant (one type) chooses out/enter while the incumbent, strong with probability ``p_strong`` or weak,
    chooses fight/accommodate. Strong: fight strictly dominant; weak: accommodate strictly dominant.
    Entrant: 0 out; enter gives -1 against fight, +1 against accommodate."""
    u = np.zeros((1, 2, 2, 2, 2))
    #               (out, fight) (out, acc)   (enter, fight) (enter, acc)
    u[0, 0] = [[[0, 3], [0, 2]], [[-1, 1], [1, 0]]]   # strong
    u[0, 1] = [[[0, 2], [0, 3]], [[-1, -1], [1, 0]]]  # weak
    return BayesianGame(u, [[p_strong, 1 - p_strong]], players=["entrant", "incumbent"],
                        types=[["-"], ["strong", "weak"]], actions=[["out", "enter"], ["fight", "accommodate"]])


@pytest.mark.parametrize("p, plan, payoffs", [
    (0.3, (("enter",), ("fight", "accommodate")), [1 - 2 * 0.3, 0.3 * 1 + 0.7 * 0]),   # enter iff 1 - 2p > 0
    (0.7, (("out",), ("fight", "accommodate")), [0.0, 3.0]),
])
def test_entry_game_has_the_unique_equilibrium_derived_by_dominance(p, plan, payoffs):
    g = entry_game(p)
    for method in ("pure", "vertex"):
        eqs = games.equilibria(g, method=method)
        assert eqs.complete and len(eqs) == 1
        eq = eqs[0]
        assert isinstance(eq, BayesianEquilibrium) and eq.plan() == plan
        assert eq.payoffs == pytest.approx(payoffs)
        assert eq.beliefs[0][0] == pytest.approx([p, 1 - p])


def test_interim_regret_and_its_relation_to_the_normal_form_regret():
    g = entry_game(0.3)
    bad = [["out"], ["fight", "fight"]]          # the weak incumbent should accommodate: it loses 3 - 2 = 1
    regrets = g.interim_regrets(bad)
    assert regrets[0].tolist() == [0.0] and regrets[1].tolist() == pytest.approx([0.0, 1.0])
    assert g.regret(bad) == pytest.approx(1.0) and not g.is_nash(bad)
    nf = g.to_normal_form()
    strategies = [[1, 0], [1, 0, 0, 0]]          # 'out'; 'fight|fight'
    assert nf.actions[1][0] == "fight|fight"
    assert nf.regret(strategies) == pytest.approx(0.7)   # ex ante, the weak type's loss weighs 0.7
    assert g.regret(strategies) == pytest.approx(1.0)    # the same profile given as induced-form strategies


def test_posteriors_by_bayes_rule_with_correlated_types():
    prior = [[0.4, 0.1], [0.1, 0.4]]
    g = BayesianGame(np.zeros((2, 2, 1, 1, 2)), prior)
    assert g.posterior(0, 0).tolist() == pytest.approx([0.8, 0.2])
    assert g.posterior(1, 1).tolist() == pytest.approx([0.2, 0.8])
    assert g.marginal(1).tolist() == pytest.approx([0.5, 0.5])


def test_interim_and_ex_ante_payoffs_by_hand():
    # player 1's payoff is 1 when the types are equal and both play their first action; correlated prior
    u = np.zeros((2, 2, 2, 2, 2))
    u[0, 0, 0, 0] = [1, 0]
    u[1, 1, 0, 0] = [1, 0]
    g = BayesianGame(u, [[0.4, 0.1], [0.1, 0.4]])
    prof = [[[1, 0], [0.5, 0.5]], [[1, 0], [1, 0]]]
    assert g.interim_payoffs(prof)[0].tolist() == pytest.approx([0.8, 0.5 * 0.8])
    assert g.ex_ante_payoffs(prof).tolist() == pytest.approx([0.5 * 0.8 + 0.5 * 0.4, 0.0])
    assert g.action_values(0, prof).ravel().tolist() == pytest.approx([0.8, 0.0, 0.8, 0.0])


def test_agent_form_and_induced_form_have_the_same_pure_equilibria():
    rng = np.random.default_rng(5)
    for _ in range(20):
        prior = rng.dirichlet(np.ones(4)).reshape(2, 2)
        g = BayesianGame(rng.integers(-5, 6, (2, 2, 2, 3, 2)), prior)
        ours = {eq.plan() for eq in games.equilibria(g, method="pure")}
        nf = g.to_normal_form()
        via_nf = set()
        for eq in games.equilibria(nf, method="pure"):
            labels = eq.pure_actions()
            via_nf.add(tuple(tuple(lab.split("|")) for lab in labels))
        assert ours == via_nf
        agent = {tuple(eq.pure_actions()) for eq in games.equilibria(g.agent_form(), method="pure")}
        assert {tuple(a for plan in p for a in plan) for p in ours} == agent


def _marginals(game: BayesianGame, player: int, x) -> np.ndarray:
    """Per-type marginals of a mixed strategy over type -> action maps, from the strategy labels."""
    out = np.zeros((game.num_types[player], game.num_actions[player]))
    for label, prob in zip(game.strategy_labels(player), x):
        for t, a in enumerate(label.split("|")):
            out[t, game.actions[player].index(a)] += float(prob)
    return out


def _behaviour_keys(game: BayesianGame, profiles) -> set:
    return {tuple(np.round(np.concatenate([_marginals(game, i, x).ravel() for i, x in enumerate(prof)]), 6) + 0.0)
            for prof in profiles}


def _ours(game: BayesianGame) -> set:
    eqs = games.equilibria(game, method="vertex")
    assert eqs.complete
    keys = {tuple(np.round(np.concatenate([b.ravel() for b in eq.behaviour]), 6) + 0.0) for eq in eqs}
    assert len(keys) == len(eqs)   # de-duplicated
    return keys


def _random_games(count: int, seed: int):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        prior = np.array([Fraction(int(k), 10) for k in rng.multinomial(10, [0.25] * 4)]).reshape(2, 2)
        if np.any(prior.sum(axis=0) == 0) or np.any(prior.sum(axis=1) == 0):
            continue
        yield BayesianGame(rng.integers(-3, 4, (2, 2, 2, 2, 2)), prior.astype(float))


def test_vertex_matches_pygambit_on_the_induced_normal_form():
    gbt = pytest.importorskip("pygambit")
    for g in _random_games(15, seed=11):
        nf = g.to_normal_form()
        exact = np.vectorize(lambda v: Fraction(v).limit_denominator(1000))(nf.payoffs)
        gg = gbt.Game.from_arrays(exact[..., 0], exact[..., 1])
        result = gbt.nash.enummixed_solve(gg, rational=True)
        profiles = [[[eq[s] for s in p.strategies] for p in gg.players] for eq in result.equilibria]
        assert _ours(g) == _behaviour_keys(g, profiles)


def _lrsnash(nf) -> list:
    a, b = (np.vectorize(lambda v: Fraction(v).limit_denominator(1000))(nf.payoffs[..., k]) for k in range(2))
    rows = lambda M: "\n".join(" ".join(str(v) for v in r) for r in M)  # noqa: E731
    text = f"{a.shape[0]} {a.shape[1]}\n\n{rows(a)}\n\n{rows(b)}\n"
    out = subprocess.run(["lrsnash", "/dev/stdin"], input=text, capture_output=True, text=True, check=True).stdout
    profiles = []
    for block in out.split("\n\n"):
        xs, ys = [], []
        for line in block.splitlines():
            parts = line.split()
            if parts and parts[0] in ("1", "2"):
                (xs if parts[0] == "1" else ys).append([Fraction(v) for v in parts[1:-1]])
        profiles += [[x, y] for x, y in itertools.product(xs, ys)]
    return profiles


@pytest.mark.skipif(shutil.which("lrsnash") is None, reason="lrsnash (Debian package lrslib) is not installed")
def test_vertex_matches_lrsnash_on_the_induced_normal_form():
    for g in _random_games(15, seed=12):
        assert _ours(g) == _behaviour_keys(g, _lrsnash(g.to_normal_form()))


def test_auto_picks_vertex_for_small_two_player_games_and_pure_otherwise():
    assert games.equilibria(entry_game(0.3)).method == "vertex"
    three = BayesianGame(np.zeros((2, 1, 1, 2, 2, 2, 3)), np.full((2, 1, 1), 0.5))
    assert games.equilibria(three).method == "pure"
    with pytest.raises(ValueError, match="needs a game of 2 players"):
        games.equilibria(three, method="vertex")


def test_too_large_forms_are_refused_with_what_to_use():
    g = BayesianGame(np.zeros((10, 10, 5, 5, 2)), np.full((10, 10), 0.01))
    with pytest.raises(ValueError, match="MAX_FORM_PROFILES.*regret"):
        g.to_normal_form()
    with pytest.raises(ValueError, match="MAX_FORM_PROFILES"):
        games.equilibria(g, method="pure")
    with pytest.raises(ValueError, match="max_strategies=64.*method='pure'"):
        games.equilibria(BayesianGame(np.zeros((4, 1, 3, 1, 2)), np.full((4, 1), 0.25)), method="vertex")
    four_by_two = BayesianGame(np.zeros((2, 2, 4, 4, 2)), np.full((2, 2), 0.25))   # 16 x 16 induced form
    assert games.equilibria(four_by_two).method == "pure"
    with pytest.raises(ValueError, match="16 x 16 induced normal form is refused.*method='pure'"):
        games.equilibria(four_by_two, method="vertex", max_vertices=10)
    # a game too big for the forms still answers questions about given strategies
    assert g.regret([np.eye(5)[[0] * 10], np.eye(5)[[0] * 10]]) == 0.0


@pytest.mark.parametrize("kwargs, match", [
    (dict(payoffs=np.zeros((2, 2, 2, 2, 2)), prior=[[0.5, 0.5], [0.5, 0.5]]), "sums to 2"),
    (dict(payoffs=np.zeros((2, 2, 2, 2, 2)), prior=[[1.5, -0.5], [0, 0]]), "non-negative"),
    (dict(payoffs=np.zeros((2, 2, 2, 2, 2)), prior=[[0.5, 0.5], [0, 0]]), r"type\(s\) \['t1.2'\] probability 0"),
    (dict(payoffs=np.zeros((2, 2, 2, 2, 2)), prior=[0.5, 0.5]), r"prior must have shape \(2, 2\)"),
    (dict(payoffs=np.zeros((2, 2, 2, 2, 3)), prior=np.full((2, 2), 0.25)), "last axis must hold 2 payoffs"),
    (dict(payoffs=np.zeros((2, 2, 2, 2)), prior=[0.5, 0.5]), "one action axis per player|an action axis per player"),
    (dict(payoffs=np.zeros((1, 1, 2, 2, 2)), prior=[[1.0]], players=["a", "b", "c"]), "players must have 2 labels"),
    (dict(payoffs=np.zeros((1, 2, 2, 2, 2)), prior=[[0.5, 0.5]], types=[["x"], ["y"]]), r"types\[1\] must have 2"),
    (dict(payoffs=np.zeros((1, 1, 2, 2, 2)), prior=[[1.0]], actions=[["a", "a"], ["b", "c"]]), "distinct"),
    (dict(payoffs=np.zeros((1, 1, 2, 2, 2)), prior=[[1.0]], actions=[["a", "b"]]), "each of the 2 players"),
])
def test_bad_input_is_refused_clearly(kwargs, match):
    with pytest.raises(ValueError, match=match):
        BayesianGame(**kwargs)


def test_bad_profiles_are_refused_clearly():
    g = entry_game(0.3)
    with pytest.raises(ValueError, match="one strategy per player"):
        g.regret([["out"]])
    with pytest.raises(ValueError, match=r"profile\[1\]: 'retreat' is not one of"):
        g.regret([["out"], ["fight", "retreat"]])
    with pytest.raises(ValueError, match="probability vector"):
        g.regret([["out"], [[0.5, 0.6], [1, 0]]])
    with pytest.raises(ValueError, match=r"must be a \(2, 2\) array"):
        g.regret([["out"], [0.5, 0.5]])
    with pytest.raises(ValueError, match="player must be"):
        g.posterior(2, 0)
    with pytest.raises(ValueError, match="type must be"):
        g.posterior(1, "medium")


def test_protocol_and_labels():
    g = entry_game(0.3)
    assert isinstance(g, games.protocol.Game) and g.num_players == 2
    assert g.actions == (("out", "enter"), ("fight", "accommodate"))
    assert g.payoff_scale == 4.0  # the incumbent's payoffs span -1 .. 3
    assert g.posterior("incumbent", "weak").tolist() == [1.0]
    assert games.BayesianGame is BayesianGame
    eq = games.equilibria(g)[0]
    assert eq.pure_actions() == ("enter", "fight|accommodate")


def test_one_type_per_player_is_the_normal_form_and_ex_ante_payoffs_agree_with_the_induced_form():
    rng = np.random.default_rng(8)
    for _ in range(20):
        table = rng.integers(-4, 5, (3, 2, 2))
        g = BayesianGame(table[None, None], [[1.0]])
        nf = games.NormalFormGame(table)
        x, y = rng.dirichlet(np.ones(3)), rng.dirichlet(np.ones(2))
        assert g.regret([[x], [y]]) == pytest.approx(float(nf.regret([x, y])))
        assert {eq.plan() for eq in games.equilibria(g, method="pure")} == \
            {tuple((a,) for a in eq.pure_actions()) for eq in games.equilibria(nf, method="pure")}
    for _ in range(20):
        prior = rng.dirichlet(np.ones(6)).reshape(2, 3)
        g = BayesianGame(rng.normal(size=(2, 3, 2, 2, 2)), prior)
        beh = [rng.dirichlet(np.ones(2), size=2), rng.dirichlet(np.ones(2), size=3)]
        induced = g.to_normal_form()
        # the product of the per-type mixtures, strategy by strategy from the labels
        prof = [np.array([np.prod([b[t, g.actions[i].index(a)] for t, a in enumerate(label.split("|"))])
                          for label in g.strategy_labels(i)]) for i, b in enumerate(beh)]
        assert induced.expected_payoffs(prof) == pytest.approx(g.ex_ante_payoffs(beh))
        # ex-ante regret is the prior-weighted interim regret of the worst player, so never above the largest
        assert induced.regret(prof) <= g.regret(beh) + 1e-12

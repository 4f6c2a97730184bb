"""Conformance of every registered exercise topic (one generic test per kind of plug-in).

For each topic and several seeds: the record type is right; problem and solution are non-empty text; the
answer's parts are exact typed values; the same seed gives the same exercise; any equilibrium the record
states has zero regret in its game, computed by the engine (and, for 2x2 and 3x3 bimatrix games, by hand
from the payoff table); rendering to Markdown and LaTeX works; the topic is listed by
``regimes exercises --help``.
"""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction
from itertools import product

import numpy as np
import pytest

from models.exercises import TOPICS, Exercise, check, generate

SEEDS = (0, 1, 2, 5, 11)


@pytest.fixture(scope="module")
def cli_help() -> str:
    proc = subprocess.run([sys.executable, "-m", "models.cli", "exercises", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    return proc.stdout


def _hand_regret(payoffs: np.ndarray, profile) -> Fraction:
    """Largest gain from a unilateral deviation, summed over the table by hand (no engine call)."""
    n = payoffs.ndim - 1
    x = [[Fraction(v) for v in s] for s in profile]

    def value(i, strategies):
        return sum(Fraction(payoffs[cell][i]) * np.prod([strategies[j][cell[j]] for j in range(n)])
                   for cell in product(*(range(k) for k in payoffs.shape[:-1])))

    worst = Fraction(0)
    for i in range(n):
        here = value(i, x)
        for a in range(payoffs.shape[i]):
            dev = list(x)
            dev[i] = [Fraction(int(k == a)) for k in range(payoffs.shape[i])]
            worst = max(worst, value(i, dev) - here)
    return worst


@pytest.mark.parametrize("topic", list(TOPICS))
def test_topic_conforms(topic, cli_help):
    entry = TOPICS[topic]
    assert entry.name == topic and entry.title and entry.summary and entry.kind in ("game theory", "essay model")
    assert topic in cli_help
    for seed in SEEDS:
        ex = generate(topic, seed)
        assert isinstance(ex, Exercise) and ex.topic == topic and ex.seed == seed and ex.title == entry.title
        assert isinstance(ex.question, str) and ex.question.strip()
        assert ex.solution and all(isinstance(s, str) and s.strip() for s in ex.solution)
        assert generate(topic, seed) == ex
        for value in ex.answer.values():
            assert isinstance(value, (Fraction, int, str, frozenset)) and not isinstance(value, bool)
        assert set(ex.labels) <= set(ex.answer)
        assert check(ex, dict(ex.answer)).correct
        for profile in ex.equilibria:
            assert ex.game is not None, "an equilibrium is stated for a game the record does not carry"
            assert ex.game.regret(profile) == 0
            assert _hand_regret(ex.game.exact_payoffs, profile) == 0
        md = ex.markdown(solution=True, number=1)
        assert md.startswith(f"### 1. {ex.title}") and "**Answer:**" in md and ex.question in md
        tex = ex.latex(solution=True)
        assert r"\textit{Answer:}" in tex and tex.count("$") % 2 == 0
        assert "_" not in tex.replace(r"\_", "").split("$")[0]   # text before the first formula is escaped


@pytest.mark.parametrize("topic", list(TOPICS))
def test_topic_has_variety(topic):
    assert len({generate(topic, s).markdown() for s in range(8)}) >= 3

"""Round-robin tournaments scored exactly (Axelrod style), with noise and a continuation probability."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from ..numeric import to_number
from .automata import Automaton
from .payoffs import average_payoffs

__all__ = ["AXELROD_W", "Tournament", "axelrod_continuation", "round_robin"]

AXELROD_W = Fraction(99654, 100000)
"""Continuation probability of Axelrod's second tournament: each game ended after a move with
probability 0.00346 (Axelrod 1980, "More effective choice in the prisoner's dilemma", J. Conflict
Resolution 24: 379-403), which makes the median game 200 moves long."""


def axelrod_continuation() -> dict[str, Any]:
    """Axelrod's second-tournament continuation probability and the game lengths it implies.

    Examples
    --------
    >>> info = axelrod_continuation()
    >>> round(info["expected_length"], 1), info["median_length"]
    (289.0, 200)
    """
    import math

    w = AXELROD_W
    median = math.ceil(math.log(0.5) / math.log(float(w)))  # smallest n with P(length > n) <= 1/2
    return {"w": w, "expected_length": float(1 / (1 - w)), "median_length": median}


@dataclass
class Tournament:
    """The result of :func:`round_robin`.

    Attributes
    ----------
    names : list of str
    payoffs : numpy.ndarray (S, S)
        ``payoffs[i, j]`` is strategy i's normalised (per-round) payoff against j.
    scores : numpy.ndarray (S,)
        Mean payoff of each strategy over its opponents (self-play included if ``self_play``).
    expected_length : float or None
        Expected number of rounds per game (``1 / (1 - delta)``) when a continuation probability is used.

    Examples
    --------
    Tit-for-tat and always-defect over 10 rounds of the prisoner's dilemma (T, R, P, S = 5, 3, 1, 0):
    TFT earns R = 3 against itself and (S + 9 P) / 10 = 9/10 against ALLD, which earns
    (T + 9 P) / 10 = 7/5 against TFT and P = 1 against itself. With self-play the scores are the row
    means, 39/20 and 6/5.

    >>> from games.catalog import prisoners_dilemma
    >>> from games.repeated import ALLD, TFT
    >>> t = round_robin(prisoners_dilemma(), [TFT, ALLD], rounds=10)
    >>> [[str(v) for v in row] for row in t.payoffs]
    [['3', '9/10'], ['7/5', '1']]
    >>> [(name, str(score)) for name, score in t.ranking()]
    [('TFT', '39/20'), ('ALLD', '6/5')]
    >>> t.table()["score"].map(str).tolist(), t.expected_length
    (['39/20', '6/5'], None)
    """

    names: list
    payoffs: np.ndarray
    scores: np.ndarray
    expected_length: float | None

    def ranking(self) -> list[tuple[str, Any]]:
        """Strategies from best to worst score, as ``(name, score)`` pairs."""
        order = sorted(range(len(self.names)), key=lambda k: -float(self.scores[k]))
        return [(self.names[k], self.scores[k]) for k in order]

    def table(self) -> Any:
        """The payoff matrix as a pandas DataFrame with a ``score`` column."""
        import pandas as pd

        df = pd.DataFrame(self.payoffs, index=self.names, columns=self.names)
        df["score"] = self.scores
        return df


def round_robin(stage: Any, strategies: Sequence[Automaton], *, delta: Any = None, noise: Any = 0,
                rounds: int | None = None, self_play: bool = True, progress: bool | None = None) -> Tournament:
    """Every strategy meets every strategy; expected per-round payoffs computed exactly.

    Parameters
    ----------
    stage : NormalFormGame or array_like (2, 2, 2)
    strategies : sequence of Automaton
        Distinct names are required (they label the table).
    delta : number in [0, 1), optional
        Continuation probability (Axelrod's second tournament: :data:`AXELROD_W`). The per-round
        payoff of a game of random length with continuation ``delta`` has the same expectation ratio as
        the normalised discounted payoff, so ``payoffs * expected_length`` is the expected game total.
    noise, rounds
        As in :func:`games.repeated.average_payoffs` (``rounds=200`` for the first tournament).
    self_play : bool
        Include each strategy's game against its twin in its score (Axelrod did).
    progress : bool, optional
        Show a tqdm bar (default: when there are more than 400 pairs).

    Examples
    --------
    >>> from games.catalog import prisoners_dilemma
    >>> from games.repeated import ALLD, TFT, GRIM, ALLC
    >>> t = round_robin(prisoners_dilemma(), [ALLC, ALLD, TFT, GRIM], rounds=200)
    >>> t.ranking()[0][0], t.payoffs[2, 1]          # TFT vs ALLD: S once, then P for 199 rounds
    ('TFT', Fraction(199, 200))
    """
    strategies = list(strategies)
    if not isinstance(self_play, (bool, np.bool_)):
        raise TypeError(f"self_play must be True or False; got {type(self_play).__name__} {self_play!r}")
    if len(strategies) < 2:
        raise ValueError(f"strategies must hold at least 2 automata; got {len(strategies)}")
    for k, s in enumerate(strategies):
        if not isinstance(s, Automaton):
            raise TypeError(f"strategies[{k}] must be an Automaton; got {type(s).__name__}")
    if delta is not None and not isinstance(to_number(delta, "delta"), (Fraction, float)):
        raise TypeError(f"round_robin needs a numeric delta; got {delta!r} (use average_payoffs for a symbolic one)")
    names = [s.name for s in strategies]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"strategies must have distinct names; repeated: {dup}")
    n = len(strategies)
    pairs = [(i, j) for i in range(n) for j in range(i, n)]
    show = len(pairs) > 400 if progress is None else bool(progress)
    iterator: Any = pairs
    if show:
        from ..progress import progress_bar

        iterator = progress_bar(pairs, desc="round robin", unit="pair")
    values: dict[tuple[int, int], Any] = {}
    for i, j in iterator:
        v1, v2 = average_payoffs(stage, strategies[i], strategies[j], delta=delta, noise=noise, rounds=rounds)
        values[i, j], values[j, i] = v1, v2
    symbolic = [v for v in values.values() if not isinstance(v, (Fraction, float))]
    if symbolic:
        raise TypeError(
            f"round_robin needs numeric stage payoffs and delta (got payoffs such as {symbolic[0]}); use "
            "games.repeated.average_payoffs for symbolic payoffs, pair by pair"
        )
    exact = all(isinstance(v, Fraction) for v in values.values())
    mat = np.empty((n, n), dtype=object if exact else float)
    for (i, j), v in values.items():
        mat[i, j] = v
    if self_play:
        scores = np.array([sum(mat[i]) / n for i in range(n)], dtype=object if exact else float)
    else:
        scores = np.array([(sum(mat[i]) - mat[i, i]) / (n - 1) for i in range(n)], dtype=object if exact else float)
    length = None if delta is None else float(1 / (1 - delta))
    return Tournament(names, mat, scores, length)

"""Topics on the basics of game theory: best responses, dominance, pure and mixed equilibria, zero-sum
values, the volunteer's dilemma and the shadow of the future.

Each builds a small game with :mod:`games`, solves it with the engine and shows the working by hand.
They are the tools for the essay's claims, such as that collective security "may tempt many states to
take advantage of their membership without shouldering appropriate costs thereof".

Examples
--------
>>> from models.exercises import generate
>>> generate("pure-nash", 0).game.shape
(3, 3)
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

import games
from games import NormalFormGame
from games.dominance import dominated_actions
from models.burden_sharing import VolunteersDilemma

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import combo, nice, plural
from ..text import tex_number as tex

__all__: list[str] = []

ROWS = ("A", "B", "C")
COLS = ("X", "Y", "Z")


def _bimatrix(draw: Draw, shape: tuple[int, int], low: int, high: int, zero_sum: bool = False) -> NormalFormGame:
    a = draw.rng.integers(low, high + 1, size=shape).tolist()
    b = None if zero_sum else draw.rng.integers(low, high + 1, size=shape).tolist()
    return NormalFormGame.from_bimatrix(a, b, players=["Row", "Column"], actions=[ROWS[:shape[0]], COLS[:shape[1]]])


def _pure(game: NormalFormGame, row: int, col: int) -> list[list[int]]:
    return [[int(k == row) for k in range(game.shape[0])], [int(k == col) for k in range(game.shape[1])]]


_MIXES = [(Fraction(1, 2), Fraction(1, 2), 0), (Fraction(1, 3),) * 3, (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)),
          (0, Fraction(1, 2), Fraction(1, 2)), (Fraction(1, 4), Fraction(1, 2), Fraction(1, 4)),
          (Fraction(1, 2), 0, Fraction(1, 2)), (Fraction(2, 3), Fraction(1, 3), 0), (0, Fraction(1, 3), Fraction(2, 3))]


@exercise_topic("best-response", title="Best response to a mixed strategy", kind="game theory",
                summary="Row's best response to Column's mixed strategy in a 3x3 game")
def best_response(draw: Draw) -> Exercise | None:
    """A 3x3 game and a mixed strategy of Column; the answer is Row's unique best response."""
    g = _bimatrix(draw, (3, 3), 0, 9)
    q = [Fraction(v) for v in draw.choice(_MIXES)]
    values = g.action_values(0, [[1, 0, 0], q])
    br = g.best_responses(0, [[1, 0, 0], q])
    if len(br) != 1:
        return None
    A = g.exact_payoffs[..., 0]
    steps = [rf"Expected payoff of each row against $q = ({', '.join(tex(v) for v in q)})$ over (X, Y, Z):"]
    for r in range(3):
        steps.append(rf"$U({ROWS[r]}) = {combo(q, list(A[r]))} = {tex(values[r])}$")
    best = ROWS[int(br[0])]
    steps.append(f"The largest is {best}, so the best response is {best}.")
    return draw.exercise(
        question=("In the game below, Column plays X, Y and Z with probabilities "
                  rf"${', '.join(tex(v) for v in q)}$. Which of Row's actions is a best response?"),
        answer={"best_response": best}, labels={"best_response": "Row's best response"},
        answer_format="{'best_response': 'A' | 'B' | 'C'}", solution=steps, game=g)


def _dominator(game: NormalFormGame, player: int, a: int) -> int:
    """An action of ``player`` that strictly dominates ``a`` (for the narrative)."""
    u = np.moveaxis(game.payoffs[..., player], player, 0).reshape(game.shape[player], -1)
    return next(b for b in range(game.shape[player]) if b != a and np.all(u[b] > u[a]))


@exercise_topic("dominance", title="Iterated elimination of dominated strategies", kind="game theory",
                summary="iterated elimination of strictly dominated actions down to one profile")
def dominance(draw: Draw) -> Exercise | None:
    """A 3x3 game solvable by at least three rounds of strict dominance."""
    g = _bimatrix(draw, (3, 3), 0, 9)
    reduced, _ = g.eliminate_dominated()
    if reduced.shape != (1, 1):
        return None
    steps, current, alive, rounds = [], g, [list(range(3)), list(range(3))], 0
    while current.shape != (1, 1):
        for player in (0, 1):
            dom = dominated_actions(current, player)
            if dom.size == 0:
                continue
            a = int(dom[0])
            b = _dominator(current, player, a)
            steps.append(f"For {current.players[player]}, {current.actions[player][b]} strictly dominates "
                         f"{current.actions[player][a]}: remove {current.actions[player][a]}.")
            del alive[player][a]
            current = g.restrict(alive)
            rounds += 1
            break
    if rounds < 3:
        return None
    row, col = reduced.actions[0][0], reduced.actions[1][0]
    steps.append(f"Only ({row}, {col}) survives: it is the unique equilibrium.")
    return draw.exercise(
        question="Eliminate strictly dominated actions (by pure actions) until none is left. Which profile survives?",
        answer={"row": row, "column": col}, labels={"row": "Row plays", "column": "Column plays"},
        answer_format="{'row': label, 'column': label}", solution=steps, game=g,
        equilibria=[_pure(g, ROWS.index(row), COLS.index(col))])


@exercise_topic("pure-nash", title="Pure Nash equilibria", kind="game theory",
                summary="every pure-strategy Nash equilibrium of a 3x3 game, by marking best responses")
def pure_nash(draw: Draw) -> Exercise | None:
    """A 3x3 game with one or two pure equilibria and unique best responses."""
    g = _bimatrix(draw, (3, 3), 0, 6)
    A, B = g.exact_payoffs[..., 0], g.exact_payoffs[..., 1]
    # distinct best responses keep the marking method unambiguous
    if any(sorted(A[:, c])[-1] == sorted(A[:, c])[-2] for c in range(3)) or \
            any(sorted(B[r, :])[-1] == sorted(B[r, :])[-2] for r in range(3)):
        return None
    eqs = games.equilibria(g, method="pure", exact=True)
    if len(eqs) not in (1, 2):
        return None
    found = frozenset(eq.pure_actions() for eq in eqs)
    steps = [f"Against {COLS[c]}, Row's best response is {ROWS[int(np.argmax(A[:, c].astype(float)))]}."
             for c in range(3)]
    steps += [f"Against {ROWS[r]}, Column's best response is {COLS[int(np.argmax(B[r, :].astype(float)))]}."
              for r in range(3)]
    listed = ", ".join(f"({r}, {c})" for r, c in sorted(found))
    which = "the pure equilibrium" if len(found) == 1 else "the pure equilibria"
    steps.append(f"The cells where both play best responses are {which}: {listed}.")
    return draw.exercise(
        question="Find every pure-strategy Nash equilibrium of the game below.",
        answer={"equilibria": found}, labels={"equilibria": "Pure equilibria"},
        answer_format="{'equilibria': {('A', 'X'), ...}}", solution=steps, game=g,
        equilibria=[_pure(g, ROWS.index(r), COLS.index(c)) for r, c in sorted(found)])


@exercise_topic("mixed-2x2", title="Mixed equilibrium of a 2x2 game", kind="game theory",
                summary="the fully mixed equilibrium of a 2x2 game, by indifference")
def mixed_2x2(draw: Draw) -> Exercise | None:
    """A non-degenerate 2x2 game with one fully mixed equilibrium in small fractions."""
    g = _bimatrix(draw, (2, 2), 0, 9)
    eqs = games.equilibria(g, exact=True)
    mixed = [eq for eq in eqs if all(len(s) == 2 for s in eq.supports)]
    if len(mixed) != 1 or g.is_degenerate():
        return None
    p, q = mixed[0].profile[0][0], mixed[0].profile[1][0]
    if not (nice(p) and nice(q)):
        return None
    A, B = g.exact_payoffs[..., 0], g.exact_payoffs[..., 1]
    steps = [
        "In a fully mixed equilibrium each player makes the other indifferent.",
        rf"Column indifferent between X and Y: ${tex(B[0, 0])}p + {tex(B[1, 0])}(1-p) = {tex(B[0, 1])}p + "
        rf"{tex(B[1, 1])}(1-p)$, so $p = {tex(p)}$ (Row plays A with probability $p$).",
        rf"Row indifferent between A and B: ${tex(A[0, 0])}q + {tex(A[0, 1])}(1-q) = {tex(A[1, 0])}q + "
        rf"{tex(A[1, 1])}(1-q)$, so $q = {tex(q)}$ (Column plays X with probability $q$).",
        rf"Payoffs: Row ${tex(mixed[0].payoffs[0])}$, Column ${tex(mixed[0].payoffs[1])}$.",
    ]
    n_pure = sum(1 for eq in eqs if eq.is_pure)
    if n_pure:
        steps.append(f"(The game also has {plural(n_pure, 'pure equilibrium', 'pure equilibria')}.)")
    return draw.exercise(
        question=("Find the equilibrium in which both players mix: the probability $p$ that Row plays A "
                  "and the probability $q$ that Column plays X."),
        answer={"p": p, "q": q}, answer_format="{'p': fraction, 'q': fraction}", solution=steps, game=g,
        equilibria=[[[p, 1 - p], [q, 1 - q]]])


@exercise_topic("zero-sum", title="Value of a zero-sum game", kind="game theory",
                summary="the value and Row's optimal strategy of a 2x2 zero-sum game")
def zero_sum(draw: Draw) -> Exercise | None:
    """A 2x2 zero-sum game with a unique optimal strategy for Row and a small-fraction value."""
    g = _bimatrix(draw, (2, 2), -5, 5, zero_sum=True)
    res = games.equilibria(g, method="zero-sum", exact=True)
    rows = {tuple(eq.profile[0]) for eq in res}
    if len(rows) != 1 or not nice(res.value):
        return None
    p = next(iter(rows))[0]
    if not nice(p):
        return None
    A = g.exact_payoffs[..., 0]
    lower = max(min(A[r, :]) for r in range(2))
    upper = min(max(A[:, c]) for c in range(2))
    steps = [rf"Maximin over pure rows: ${tex(lower)}$; minimax over pure columns: ${tex(upper)}$."]
    if lower == upper:
        steps.append(rf"They are equal, so there is a saddle point and the value is ${tex(res.value)}$; "
                     f"Row plays {ROWS[0] if p == 1 else ROWS[1]} for sure.")
    else:
        steps.append("They differ, so both players mix. Row chooses $p$ (probability of A) to make Column indifferent:")
        steps.append(rf"${tex(A[0, 0])}p + {tex(A[1, 0])}(1-p) = {tex(A[0, 1])}p + {tex(A[1, 1])}(1-p)$, "
                     rf"so $p = {tex(p)}$.")
        steps.append(rf"The value is Row's expected payoff there: $v = {tex(res.value)}$.")
    return draw.exercise(
        question=("The game below is zero-sum (the entries are Row's payoffs; Column gets their negative). "
                  "Find its value $v$ and the probability $p$ with which Row's optimal strategy plays A."),
        answer={"value": res.value, "p": p}, labels={"value": "Value $v$", "p": "$p$ (Row plays A)"},
        answer_format="{'value': fraction, 'p': fraction}", solution=steps, game=g,
        equilibria=[[list(res[0].profile[0]), list(res[0].profile[1])]])


_WAIT_SHARES = [Fraction(1, 2), Fraction(1, 3), Fraction(2, 3), Fraction(1, 4), Fraction(3, 4)]


def _volunteer_game(n: int, b: int, c: int) -> NormalFormGame:
    table = np.empty((2,) * n + (n,), dtype=object)
    for acts in np.ndindex(*(2,) * n):       # action 1 = volunteer
        table[acts] = [(b - c) if a == 1 else (b if any(acts) else 0) for a in acts]
    return NormalFormGame(table, players=[f"Member {i + 1}" for i in range(n)], actions=[["wait", "volunteer"]] * n)


@exercise_topic("volunteers-dilemma", title="The volunteer's dilemma", kind="game theory",
                summary="pure and symmetric mixed equilibria of the volunteer's dilemma (Diekmann)")
def volunteers_dilemma(draw: Draw) -> Exercise | None:
    """n members, benefit b if anyone volunteers, cost c to a volunteer; (c/b) = (1 - p)^(n - 1) nice."""
    n = int(draw.rng.integers(2, 5))
    x = draw.choice(_WAIT_SHARES)
    ratio = x ** (n - 1)                         # c / b = (1 - p)^(n - 1)
    if ratio.denominator > 64:
        return None
    b, c = ratio.denominator, ratio.numerator
    p, nobody = 1 - x, x ** n
    game = _volunteer_game(n, b, c)
    pure = games.equilibria(game, method="pure", exact=True)
    model_regret = VolunteersDilemma(n=n, benefit=float(b), cost=float(c)).game().regret([float(1 - p), float(p)])
    if game.regret([[1 - p, p]] * n) != 0 or model_regret > 1e-9:
        raise RuntimeError(f"volunteer's dilemma n={n}, b={b}, c={c}: p = {p} is not an equilibrium")
    steps = [
        f"Pure equilibria: exactly one member volunteers (if nobody did, any member would gain by acting, "
        f"since $b > c$; a second volunteer would rather wait). There are {len(pure)} of them, one per member.",
        rf"Symmetric mixed equilibrium: a member is indifferent when $b - c = b\,(1 - (1-p)^{{{n - 1}}})$, "
        rf"i.e. $(1-p)^{{{n - 1}}} = c/b = {tex(ratio)}$.",
        rf"So $1 - p = {tex(x)}$ and $p = {tex(p)}$.",
        rf"Nobody volunteers with probability $(1-p)^{{{n}}} = {tex(nobody)}$.",
    ]
    return draw.exercise(
        question=(f"{n} members of a security regime each choose to volunteer (act against a threat) or wait. "
                  f"If at least one volunteers every member gets $b = {b}$; a volunteer pays $c = {c}$. "
                  "(a) How many pure equilibria are there? (b) In the symmetric mixed equilibrium, with what "
                  "probability $p$ does each member volunteer? (c) With what probability does nobody volunteer?"),
        answer={"pure_equilibria": len(pure), "p": p, "nobody": nobody},
        labels={"pure_equilibria": "Number of pure equilibria", "p": "$p$ (each member volunteers)",
                "nobody": "Probability that nobody volunteers"},
        answer_format="{'pure_equilibria': int, 'p': fraction, 'nobody': fraction}", solution=steps,
        game=game if n <= 2 else None, equilibria=[[[1 - p, p]] * n] if n <= 2 else [])


@exercise_topic("repeated-threshold", title="The shadow of the future", kind="game theory",
                summary="the least discount factor at which grim trigger sustains cooperation (Friedman)")
def repeated_threshold(draw: Draw) -> Exercise | None:
    """A prisoner's dilemma T > R > P > S with 2R > T + S; the answer is (T - R)/(T - P)."""
    from games.repeated import GRIM, critical_discount

    S, P, R, T = sorted(int(v) for v in draw.rng.choice(np.arange(0, 10), size=4, replace=False))
    if 2 * R <= T + S:
        return None
    g = NormalFormGame.from_bimatrix([[R, S], [T, P]], [[R, T], [S, P]], players=["Row", "Column"],
                                     actions=[["C", "D"], ["C", "D"]])
    delta = Fraction(critical_discount(g, GRIM, GRIM))
    if delta != Fraction(T - R, T - P):  # pragma: no cover - guarded by games.repeated's tests
        raise RuntimeError("critical_discount disagrees with (T - R)/(T - P)")
    steps = [
        rf"Cooperating forever is worth $\frac{{R}}{{1-\delta}} = \frac{{{R}}}{{1-\delta}}$.",
        rf"Defecting once is worth $T + \frac{{\delta P}}{{1-\delta}} = {T} + \frac{{{P}\delta}}{{1-\delta}}$ "
        "(grim trigger punishes forever).",
        rf"Cooperation is an equilibrium when $R \ge (1-\delta) T + \delta P$, i.e. "
        rf"$\delta \ge \frac{{T-R}}{{T-P}} = \frac{{{T}-{R}}}{{{T}-{P}}} = {tex(delta)}$.",
    ]
    return draw.exercise(
        question=("Two states play the prisoner's dilemma below (C: restrain, D: arm) every period, "
                  r"discounting the future by $\delta$. Both use grim trigger (restrain until the other "
                  r"arms, then arm forever). What is the smallest $\delta$ at which this is an equilibrium?"),
        answer={"delta": delta}, labels={"delta": r"Least discount factor $\delta$"},
        answer_format="{'delta': fraction}", solution=steps, game=g, equilibria=[[[0, 1], [0, 1]]])

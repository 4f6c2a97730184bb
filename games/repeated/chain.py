"""The Markov chain of joint automaton states, and the frequencies of the four realized profiles.

Two automata ``s1`` and ``s2`` in joint state ``(i, j)`` intend to cooperate with probabilities
``p_i`` and ``q_j``; each intended action flips with probability ``noise`` (implementation errors), so
the realized profile ``(a1, a2)`` has probability ``P(a1) P(a2)`` and the chain moves to
``(t1[i][(a1, a2)], t2[j][(a2, a1)])``. Everything a repeated-game payoff needs is the *profile
occupation*: the (discounted, or long-run) frequency of each realized profile CC, CD, DC, DD. Payoffs are
then linear in the stage payoffs, which is what lets exact, float and symbolic stage games share one
solver. All computations are linear solves, never simulation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .automata import Automaton

__all__ = [
    "JointChain",
    "cesaro_occupation",
    "discounted_occupation",
    "finite_occupation",
    "joint_chain",
    "limit_matrix",
    "reachable_states",
    "solve",
]

MAX_JOINT_STATES = 2500
#: Most (reachable) joint states solved in exact rational arithmetic; beyond this the rationals make a
#: dense solve take minutes (150 states: about 3 s).
MAX_EXACT_STATES = 150
#: Most joint states solved with the discount factor as a sympy symbol (rational-function arithmetic).
MAX_SYMBOLIC_STATES = 16
#: Largest ``rounds**2 * transitions`` of an exact finite-horizon average with a random chain: the exact
#: rationals gain digits every round (1000 rounds of two 2-state automata: about 1 s).
MAX_EXACT_FINITE_WORK = 5 * 10 ** 7
#: A floating-point discount factor with ``1 - delta`` below this is solved through the chain's limit and
#: deviation matrices (well conditioned as ``delta -> 1``) instead of ``I - delta M`` (whose rounding error
#: grows like ``1e-16 / (1 - delta)``).
NEAR_ONE = 1e-3


@dataclass(frozen=True)
class JointChain:
    """Transition structure of two automata playing each other.

    Attributes
    ----------
    size : int
        Number of joint states ``n1 * n2`` (index ``i * n2 + j``).
    initial : int
        Index of the initial joint state.
    M : list of list
        ``M[z][z']``: transition probability.
    F : list of list
        ``F[z][k]``: probability that the realized profile is ``PROFILES[k]`` in state ``z``.
    n2 : int
        Number of states of the column automaton (joint state ``z`` is row state ``z // n2`` and
        column state ``z % n2``).

    Examples
    --------
    Grim trigger (states C, D) against always-defect (one state): grim cooperates once, sees the
    defection and moves to its punishing state for good.

    >>> from games.repeated.automata import GRIM, ALLD
    >>> ch = joint_chain(GRIM, ALLD, Fraction(0))
    >>> ch.size, ch.initial, ch.n2
    (2, 0, 1)
    >>> [[int(m) for m in row] for row in ch.M]        # (C, D) -> (D, D), and (D, D) stays
    [[0, 1], [0, 1]]
    >>> [[int(f) for f in row] for row in ch.F]        # realized profiles CD, then DD
    [[0, 1, 0, 0], [0, 0, 0, 1]]
    """

    size: int
    initial: int
    M: list
    F: list
    n2: int


def realized(p: Any, noise: Any) -> Any:
    """Probability that an action intended as C with probability ``p`` is realized as C."""
    return p * (1 - noise) + (1 - p) * noise


def reachable_states(s1: Automaton, s2: Automaton, noise: Any, *, any_profile: bool = False) -> list[int]:
    """Joint states ``i * n2 + j`` reachable from the initial pair (sorted), found on the automata.

    With ``any_profile`` every observed profile is followed (the states subgame perfection must check);
    otherwise only profiles of positive probability under ``noise``.

    Examples
    --------
    >>> from games.repeated.automata import GRIM, TFT
    >>> reachable_states(GRIM, TFT, 0), reachable_states(GRIM, TFT, 0, any_profile=True)   # GRIM never forgives
    ([0], [0, 2, 3])
    """
    n2 = s2.num_states
    start = s1.initial * n2 + s2.initial
    seen, stack = {start}, [start]
    while stack:
        z = stack.pop()
        i, j = divmod(z, n2)
        c1, c2 = realized(s1.cooperate[i], noise), realized(s2.cooperate[j], noise)
        for a1, pa1 in ((0, c1), (1, 1 - c1)):
            for a2, pa2 in ((0, c2), (1, 1 - c2)):
                if not any_profile and pa1 * pa2 == 0:
                    continue
                nz = s1.transitions[i][2 * a1 + a2] * n2 + s2.transitions[j][2 * a2 + a1]
                if nz not in seen:
                    seen.add(nz)
                    stack.append(nz)
    return sorted(seen)


def joint_chain(s1: Automaton, s2: Automaton, noise: Any, states: list[int] | None = None) -> JointChain:
    """Build the joint-state chain of ``s1`` (row) against ``s2`` (column) with implementation noise.

    Parameters
    ----------
    s1, s2 : Automaton
    noise : number
        Implementation noise.
    states : list of int, optional
        Build the chain on these joint states only (a set closed under the transitions, from
        :func:`reachable_states`), numbered in this order; ``n2`` is then 0. Default: all ``n1 * n2``.

    Examples
    --------
    >>> from games.repeated.automata import TFT, ALLD
    >>> ch = joint_chain(TFT, ALLD, Fraction(0))
    >>> ch.size, ch.F[ch.initial]            # round 0: TFT cooperates, ALLD defects -> profile CD
    (2, [Fraction(0, 1), Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)])
    """
    n1, n2 = s1.num_states, s2.num_states
    nodes = list(range(n1 * n2)) if states is None else list(states)
    n = len(nodes)
    if n > MAX_JOINT_STATES:
        raise ValueError(
            f"automata {s1.name!r} and {s2.name!r} have {n} joint states, more than "
            f"{MAX_JOINT_STATES}; use games.repeated.simulate for automata this large"
        )
    pos = {z: k for k, z in enumerate(nodes)}
    zero = noise * 0
    M = [[zero] * n for _ in range(n)]
    F = [[zero] * 4 for _ in range(n)]
    for z, k in pos.items():
        i, j = divmod(z, n2)
        c1, c2 = realized(s1.cooperate[i], noise), realized(s2.cooperate[j], noise)
        for a1, pa1 in ((0, c1), (1, 1 - c1)):
            if pa1 == 0:
                continue
            for a2, pa2 in ((0, c2), (1, 1 - c2)):
                pr = pa1 * pa2
                if pr == 0:
                    continue
                nxt = s1.transitions[i][2 * a1 + a2] * n2 + s2.transitions[j][2 * a2 + a1]
                if nxt not in pos:
                    raise ValueError("states must be closed under the transitions (use reachable_states)")
                M[k][pos[nxt]] += pr
                F[k][2 * a1 + a2] += pr
    return JointChain(n, pos[s1.initial * n2 + s2.initial], M, F, n2 if states is None else 0)


# ----------------------------------------------------------------------------- linear algebra
def _field_of(values: Sequence[Any]) -> str:
    for v in values:
        if isinstance(v, float):
            return "float"
        if not isinstance(v, Fraction):
            return "field"
    return "exact"


def solve(A: list, B: list, kind: str, field: Any = None) -> list:
    """Solve ``A X = B`` for square ``A`` (lists of rows); ``kind`` is "float", "exact" or "field".

    "exact" works in the rationals (Fractions in and out); "field" in a sympy polynomial fraction field
    ``field`` (e.g. rational functions of the discount factor).

    Examples
    --------
    >>> solve([[Fraction(2), 0], [0, Fraction(4)]], [[Fraction(1)], [Fraction(1)]], "exact")
    [[Fraction(1, 2)], [Fraction(1, 4)]]
    """
    if kind == "float":
        return np.linalg.solve(np.asarray(A, dtype=float), np.asarray(B, dtype=float)).tolist()
    from sympy.polys.domains import QQ
    from sympy.polys.matrices import DomainMatrix

    n, m = len(A), len(B[0])
    if kind == "exact":
        def conv(x: Fraction) -> Any:
            return QQ(x.numerator, x.denominator)
        dom = QQ
    else:
        dom = field
        conv = dom.convert
    a = DomainMatrix({i: {j: conv(x) for j, x in enumerate(row) if x != 0} for i, row in enumerate(A)}, (n, n), dom)
    b = DomainMatrix({i: {j: conv(x) for j, x in enumerate(row) if x != 0} for i, row in enumerate(B)}, (n, m), dom)
    x = a.to_dense().lu_solve(b.to_dense()).to_list()
    if kind == "exact":
        return [[Fraction(int(v.numerator), int(v.denominator)) for v in row] for row in x]
    return x


def _kind(ch: JointChain, *extra: Any) -> str:
    return _field_of([v for row in ch.M for v in row] + list(extra))


def discounted_occupation(ch: JointChain, delta: Any, field: Any = None, kind: str | None = None) -> list:
    """``W = (1 - delta) (I - delta M)^{-1} F``: discounted profile frequencies from every joint state.

    Row ``z`` sums to one; ``W[ch.initial]`` is the distribution of play of the repeated game.

    Parameters
    ----------
    ch : JointChain
        The chain (from :func:`joint_chain`).
    delta : number in [0, 1)
        The discount factor (a Fraction keeps the result exact; a sympy field element gives rational
        functions of it).
    field : sympy polynomial field, optional
        The field for ``kind="field"``.
    kind : {"float", "exact", "field"}, optional
        Arithmetic to use (default: inferred from the chain and ``delta``).

    Examples
    --------
    Tit-for-tat against always-defect: CD in round 0 (weight ``1 - delta``), DD ever after (weight
    ``delta``).

    >>> from games.repeated.automata import TFT, ALLD
    >>> ch = joint_chain(TFT, ALLD, Fraction(0))
    >>> [str(w) for w in discounted_occupation(ch, Fraction(3, 4))[ch.initial]]    # CC, CD, DC, DD
    ['0', '1/4', '0', '3/4']
    """
    kind = kind or _kind(ch, delta)
    if kind == "float" and 1 - float(delta) < NEAR_ONE:
        return _discounted_near_one(ch, float(delta))
    n = ch.size
    one = delta * 0 + 1
    A = [[(one if a == b else one * 0) - delta * ch.M[a][b] for b in range(n)] for a in range(n)]
    B = [[(1 - delta) * f for f in row] for row in ch.F]
    return solve(A, B, kind, field)


def _discounted_near_one(ch: JointChain, delta: float) -> list:
    """``(1 - delta)(I - delta M)^{-1} F`` in floats for ``delta`` near 1, without the near-singular solve.

    With ``rho = (1 - delta)/delta``, ``(1 - delta)(I - delta M)^{-1} = rho (rho I + I - M)^{-1} = Pi + rho H
    (I + rho H)^{-1}``, where ``Pi`` is the Cesàro limit matrix of ``M`` and ``H = (I - M + Pi)^{-1} - Pi``
    its deviation matrix (Puterman 1994, *Markov Decision Processes*, Thm. 8.2.3 and App. A.5). The
    identity is exact for every ``delta`` in (0, 1); unlike ``I - delta M`` (whose condition number
    grows like ``1/(1 - delta)``), ``I - M + Pi`` does not depend on ``delta``, and the result tends to
    ``Pi F`` (the limit of means) as ``delta -> 1``. Rounding is removed by clipping the rows to
    probability distributions, so payoffs stay within the stage game's range.
    """
    n = ch.size
    M = np.asarray(ch.M, dtype=float)
    F = np.asarray(ch.F, dtype=float)
    Pi = np.asarray(limit_matrix(ch), dtype=float)
    eye = np.eye(n)
    H = np.linalg.solve(eye - M + Pi, eye) - Pi
    rho = (1.0 - delta) / delta            # 1 - delta is exact in floats for delta in [1/2, 1]
    W = Pi @ F + rho * (H @ np.linalg.solve(eye + rho * H, F))
    W = np.clip(W, 0.0, 1.0)
    W /= W.sum(axis=1, keepdims=True)
    return W.tolist()


def _deterministic_successors(ch: JointChain) -> list[int] | None:
    """The successor of every state when the chain is deterministic (one transition of probability 1)."""
    out = []
    for row in ch.M:
        nz = [z2 for z2, m in enumerate(row) if m != 0]
        if len(nz) != 1 or row[nz[0]] != 1:
            return None
        out.append(nz[0])
    return out


def finite_occupation(ch: JointChain, rounds: int) -> list:
    """Average profile frequencies over the first ``rounds`` rounds (exact forward iteration).

    A deterministic chain (no noise, pure automata) is followed to its cycle, so any number of rounds
    costs at most one pass over the states. A random chain with exact probabilities is iterated in
    rationals whose size grows every round; beyond :data:`MAX_EXACT_FINITE_WORK` it is refused (give the
    noise as a float for a floating-point average).

    Examples
    --------
    Tit-for-tat (opens with C) against suspicious tit-for-tat (opens with D): they alternate CD, DC,
    CD, ... so over three rounds CD is played twice and DC once.

    >>> from games.repeated.automata import TFT, STFT
    >>> ch = joint_chain(TFT, STFT, Fraction(0))
    >>> [str(w) for w in finite_occupation(ch, 3)]            # CC, CD, DC, DD
    ['0', '2/3', '1/3', '0']
    """
    n = ch.size
    succ = _deterministic_successors(ch)
    if succ is not None:
        return _cycle_occupation(ch, succ, rounds)
    kind = _kind(ch)
    if kind == "float":
        M, F = np.asarray(ch.M, dtype=float), np.asarray(ch.F, dtype=float)
        d = np.zeros(n)
        d[ch.initial] = 1.0
        acc = np.zeros(4)
        for _ in range(rounds):
            acc += d @ F
            d = d @ M
        return (acc / rounds).tolist()
    nnz = sum(1 for row in ch.M for m in row if m != 0)
    if rounds * rounds * nnz > MAX_EXACT_FINITE_WORK:
        raise ValueError(
            f"an exact average over rounds={rounds} of a random chain with {nnz} transitions is too costly (the "
            "rationals gain digits every round); give noise as a float (e.g. noise=0.1) for a floating-point "
            "average, or use fewer rounds"
        )
    dist = [ch.F[0][0] * 0] * n
    dist[ch.initial] = dist[ch.initial] + 1
    total = [dist[0] * 0] * 4
    for _ in range(rounds):
        for z, pz in enumerate(dist):
            if pz != 0:
                for k in range(4):
                    total[k] += pz * ch.F[z][k]
        new = [dist[0] * 0] * n
        for z, pz in enumerate(dist):
            if pz != 0:
                for z2, m in enumerate(ch.M[z]):
                    if m != 0:
                        new[z2] += pz * m
        dist = new
    return [t / rounds for t in total]


def _cycle_occupation(ch: JointChain, succ: list[int], rounds: int) -> list:
    """Finite-horizon average of a deterministic chain: the path up to its first repeated state, then whole cycles."""
    path, seen = [], {}
    z = ch.initial
    while z not in seen and len(path) < rounds:
        seen[z] = len(path)
        path.append(z)
        z = succ[z]
    counts = dict.fromkeys(path, 0)
    if len(path) == rounds:
        for z2 in path:
            counts[z2] += 1
    else:
        start = seen[z]
        prefix, cycle = path[:start], path[start:]
        left = rounds - len(prefix)
        whole, extra = divmod(left, len(cycle))
        for z2 in prefix:
            counts[z2] += 1
        for k, z2 in enumerate(cycle):
            counts[z2] += whole + (1 if k < extra else 0)
    total = [ch.F[0][0] * 0] * 4
    for z2, c in counts.items():
        for k in range(4):
            total[k] += c * ch.F[z2][k]
    return [t / rounds for t in total]


def _strong_components(ch: JointChain, nodes: list[int]) -> list[list[int]]:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    pos = {z: k for k, z in enumerate(nodes)}
    rows, cols = [], []
    for z in nodes:
        for z2, m in enumerate(ch.M[z]):
            if m != 0:
                rows.append(pos[z])
                cols.append(pos[z2])
    graph = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(nodes), len(nodes)))
    ncomp, labels = connected_components(graph, directed=True, connection="strong")
    comps: list[list[int]] = [[] for _ in range(ncomp)]
    for k, lab in enumerate(labels):
        comps[lab].append(nodes[k])
    return comps


def reachable(ch: JointChain, start: int) -> list[int]:
    """Joint states reachable from ``start`` with positive probability (sorted)."""
    seen, stack = {start}, [start]
    while stack:
        z = stack.pop()
        for z2, m in enumerate(ch.M[z]):
            if m != 0 and z2 not in seen:
                seen.add(z2)
                stack.append(z2)
    return sorted(seen)


def cesaro_occupation(ch: JointChain) -> list:
    """Long-run (limit-of-means) profile frequencies from the initial state.

    The Cesàro limit ``lim (1/T) sum_t e0 M^t`` exists for every finite chain, ergodic or not: it is
    the mixture of the stationary distributions of the closed classes, weighted by the probability of
    being absorbed in each from the initial state (periodic classes included).

    Examples
    --------
    Tit-for-tat against suspicious tit-for-tat cycles CD, DC forever (a periodic class): half and half.

    >>> from games.repeated.automata import TFT, STFT
    >>> [str(w) for w in cesaro_occupation(joint_chain(TFT, STFT, Fraction(0)))]      # CC, CD, DC, DD
    ['0', '1/2', '1/2', '0']

    Two tit-for-tat players with any implementation noise ``0 < e < 1`` end up in each of the four
    profiles a quarter of the time (the chain is doubly stochastic), the well-known fragility of TFT:

    >>> [str(w) for w in cesaro_occupation(joint_chain(TFT, TFT, Fraction(1, 10)))]
    ['1/4', '1/4', '1/4', '1/4']
    """
    kind = _kind(ch)
    zero = ch.F[0][0] * 0
    one = zero + 1
    nodes = reachable(ch, ch.initial)
    comps = _strong_components(ch, nodes)
    closed = [c for c in comps if all(ch.M[z][z2] == 0 or z2 in c for z in c for z2 in range(ch.size))]
    closed_of = {z: k for k, c in enumerate(closed) for z in c}
    transient = [z for z in nodes if z not in closed_of]
    # absorption probabilities into each closed class from the initial state
    if ch.initial in closed_of:
        weights = [zero] * len(closed)
        weights[closed_of[ch.initial]] = one
    else:
        A = [[(one if a == b else zero) - ch.M[za][zb] for b, zb in enumerate(transient)]
             for a, za in enumerate(transient)]
        B = [[sum((ch.M[za][z] for z in c), zero) for c in closed] for za in transient]
        H = solve(A, B, kind)
        weights = H[transient.index(ch.initial)]
    occ = [zero] * 4
    for c, w in zip(closed, weights):
        if w == 0:
            continue
        m = len(c)
        # pi (M_cc - I) = 0 with sum(pi) = 1: replace the last balance equation by the normalisation
        A = [[ch.M[c[b]][c[a]] - (one if a == b else zero) for b in range(m)] for a in range(m)]
        A[-1] = [one] * m
        rhs = [[zero] for _ in range(m)]
        rhs[-1] = [one]
        pi = [row[0] for row in solve(A, rhs, kind)]
        for z, pz in zip(c, pi):
            for k in range(4):
                occ[k] += w * pz * ch.F[z][k]
    return occ


def limit_matrix(ch: JointChain) -> list:
    """The Cesàro limit matrix ``Pi = lim (1/T) sum_t M^t`` of the chain, every row (any chain, ergodic or not).

    Row ``z`` is the long-run distribution of joint states from ``z``: the stationary distributions of
    the closed classes, weighted by the probabilities of absorption in each from ``z``. Exact (Fractions)
    when the chain is, floats otherwise.

    Examples
    --------
    Grim trigger against always-defect: from either state the chain ends in the punishing state.

    >>> from games.repeated.automata import GRIM, ALLD, TFT, STFT
    >>> [[str(v) for v in row] for row in limit_matrix(joint_chain(GRIM, ALLD, Fraction(0)))]
    [['0', '1'], ['0', '1']]

    A periodic class (tit-for-tat against suspicious tit-for-tat alternate CD, DC) has the uniform limit
    on its cycle:

    >>> ch = joint_chain(TFT, STFT, Fraction(0))
    >>> [str(v) for v in limit_matrix(ch)[ch.initial]]
    ['0', '1/2', '1/2', '0']
    """
    kind = _kind(ch)
    zero = ch.F[0][0] * 0
    one = zero + 1
    n = ch.size
    nodes = list(range(n))
    comps = _strong_components(ch, nodes)
    closed = [c for c in comps if all(ch.M[z][z2] == 0 or z2 in c for z in c for z2 in range(n))]
    closed_of = {z: k for k, c in enumerate(closed) for z in c}
    transient = [z for z in nodes if z not in closed_of]
    stationary = []
    for c in closed:
        m = len(c)
        A = [[ch.M[c[b]][c[a]] - (one if a == b else zero) for b in range(m)] for a in range(m)]
        A[-1] = [one] * m
        rhs = [[zero] for _ in range(m)]
        rhs[-1] = [one]
        stationary.append([row[0] for row in solve(A, rhs, kind)])
    weights: dict[int, list] = {}
    for z in closed_of:
        w = [zero] * len(closed)
        w[closed_of[z]] = one
        weights[z] = w
    if transient:
        A = [[(one if a == b else zero) - ch.M[za][zb] for b, zb in enumerate(transient)]
             for a, za in enumerate(transient)]
        B = [[sum((ch.M[za][z] for z in c), zero) for c in closed] for za in transient]
        for za, row in zip(transient, solve(A, B, kind)):
            weights[za] = row
    out = [[zero] * n for _ in range(n)]
    for z in nodes:
        for c, w, pi in zip(closed, weights[z], stationary):
            if w == 0:
                continue
            for zc, pz in zip(c, pi):
                out[z][zc] += w * pz
    return out

"""Classroom exercises: every answer re-derived independently, determinism, grading and the sheets."""

from fractions import Fraction
from itertools import product

import nashpy
import numpy as np
import pytest

from models.cli import main
from models.exercises import TOPICS, Exercise, check, generate, write_sheets

SEEDS = range(15)


def _tex_number(text: str) -> Fraction:
    """Parse ``3`` or ``\\frac{1}{2}`` as written in the exercise text."""
    text = text.strip()
    if text.startswith(r"\frac{"):
        num, den = text[len(r"\frac{"):].rstrip("}").split("}{")
        return Fraction(int(num), int(den))
    return Fraction(text)


def _matrices(ex: Exercise):
    return ex.game.exact_payoffs[..., 0], ex.game.exact_payoffs[..., 1]


def test_topics_are_the_issue_names():
    assert {"best-response", "dominance", "pure-nash", "mixed-2x2", "zero-sum", "volunteers-dilemma",
            "repeated-threshold"} <= set(TOPICS)


@pytest.mark.parametrize("seed", SEEDS)
def test_best_response_by_direct_expectation(seed):
    ex = generate("best-response", seed)
    A, _ = _matrices(ex)
    q = [_tex_number(s) for s in ex.question.split("$")[1].split(",")]
    values = [sum(a * w for a, w in zip(A[r], q)) for r in range(3)]
    assert ex.game.actions[0][int(np.argmax([float(v) for v in values]))] == ex.answer["best_response"]
    assert sorted(values)[-1] > sorted(values)[-2]


@pytest.mark.parametrize("seed", SEEDS)
def test_dominance_answer_is_the_unique_pure_equilibrium(seed):
    """A game solved by iterated strict dominance has that profile as its unique Nash equilibrium;
    checked with nashpy's support enumeration."""
    ex = generate("dominance", seed)
    A, B = _matrices(ex)
    eqs = list(nashpy.Game(A.astype(float), B.astype(float)).support_enumeration())
    assert len(eqs) == 1
    r, c = int(np.argmax(eqs[0][0])), int(np.argmax(eqs[0][1]))
    assert (ex.game.actions[0][r], ex.game.actions[1][c]) == (ex.answer["row"], ex.answer["column"])


@pytest.mark.parametrize("seed", SEEDS)
def test_pure_nash_by_brute_force(seed):
    ex = generate("pure-nash", seed)
    A, B = _matrices(ex)
    found = {(ex.game.actions[0][r], ex.game.actions[1][c]) for r, c in product(range(3), range(3))
             if A[r, c] == max(A[:, c]) and B[r, c] == max(B[r, :])}
    assert found == set(ex.answer["equilibria"])


@pytest.mark.parametrize("seed", SEEDS)
def test_mixed_2x2_against_nashpy(seed):
    ex = generate("mixed-2x2", seed)
    A, B = _matrices(ex)
    mixed = [(x, y) for x, y in nashpy.Game(A.astype(float), B.astype(float)).support_enumeration()
             if np.all(x > 1e-12) and np.all(y > 1e-12)]
    assert len(mixed) == 1
    assert np.isclose(mixed[0][0][0], float(ex.answer["p"])) and np.isclose(mixed[0][1][0], float(ex.answer["q"]))
    assert ex.answer["p"].denominator <= 6 and ex.answer["q"].denominator <= 6


@pytest.mark.parametrize("seed", SEEDS)
def test_zero_sum_value_by_closed_form(seed):
    """2x2 zero-sum (by hand): a saddle point gives the value; otherwise
    v = (a d - b c)/(a + d - b - c) and p = (d - c)/(a + d - b - c) (von Neumann 1928)."""
    ex = generate("zero-sum", seed)
    (a, b), (c, d) = ex.game.exact_payoffs[..., 0].tolist()
    lower, upper = max(min(a, b), min(c, d)), min(max(a, c), max(b, d))
    if lower == upper:
        assert ex.answer["value"] == lower
    else:
        den = a + d - b - c
        assert ex.answer["value"] == Fraction(a * d - b * c) / den
        assert ex.answer["p"] == Fraction(d - c) / den


@pytest.mark.parametrize("seed", SEEDS)
def test_volunteers_dilemma_diekmann(seed):
    """Diekmann (1985), J. Conflict Resolution 29(4): p = 1 - (c/b)^(1/(n-1)); n pure equilibria."""
    ex = generate("volunteers-dilemma", seed)
    n = int(ex.question.split(" ")[0])
    b = int(ex.question.split("$b = ")[1].split("$")[0])
    c = int(ex.question.split("$c = ")[1].split("$")[0])
    p = 1 - (c / b) ** (1 / (n - 1))
    assert np.isclose(float(ex.answer["p"]), p)
    assert np.isclose(float(ex.answer["nobody"]), (1 - p) ** n)
    assert ex.answer["pure_equilibria"] == n


@pytest.mark.parametrize("seed", SEEDS)
def test_repeated_threshold_friedman(seed):
    """Friedman (1971): grim trigger is an equilibrium iff delta >= (T - R)/(T - P)."""
    ex = generate("repeated-threshold", seed)
    A, _ = _matrices(ex)
    (R, S), (T, P) = A.tolist()
    assert T > R > P > S
    assert ex.answer["delta"] == Fraction(T - R) / (T - P)


@pytest.mark.parametrize("seed", SEEDS)
def test_burden_sharing_roots(seed):
    """Pivotality (by hand): 2 p (1 - p) b = c, solved with numpy's polynomial roots."""
    ex = generate("burden-sharing", seed)
    b = int(ex.question.split("$b = ")[1].split("$")[0])
    c = int(ex.question.split("$c = ")[1].split("$")[0])
    roots = sorted(np.roots([-2 * b, 2 * b, -c]).real)
    assert np.allclose(roots, [float(ex.answer["p_low"]), float(ex.answer["p_high"])])
    assert ex.answer["contributors"] == 2


@pytest.mark.parametrize("seed", SEEDS)
def test_alliances_answer_is_a_fixed_point_of_best_responses(seed):
    """With u = sqrt(x G), ally i's best response to the others' G_-i is max((w_i - G_-i)/2, 0)
    (first-order condition, by hand); the answer's contributions must be mutual best responses."""
    ex = generate("alliances", seed)
    incomes = [int(v) for v in ex.question.split("incomes ")[1].split(" (")[0].replace(" and", ",").split(", ")]
    G = ex.answer["total"]
    g = [max(w - G, Fraction(0)) for w in incomes]
    assert sum(g) == G
    for i, w in enumerate(incomes):
        assert max((w - (G - g[i])) / 2, 0) == g[i]
    assert set(ex.answer["free_riders"]) == {f"ally {i + 1}" for i, gi in enumerate(g) if gi == 0}


@pytest.mark.parametrize("seed", SEEDS)
def test_responses_threshold(seed):
    ex = generate("responses", seed)
    q = ex.question
    g, l, d = (int(q.split(f"${k} = ")[1].split("$")[0]) for k in ("g", "l", "d"))
    u = _tex_number(q.split("$u = ")[1].split("$")[0])
    assert ex.answer["threshold"] == (g + u * d) / (g + l)
    assert ex.answer["rule"] == ("collective" if u * d <= 2 else "unilateral")


@pytest.mark.parametrize("topic", list(TOPICS))
def test_determinism_and_variety(topic):
    assert generate(topic, 7) == generate(topic, 7)
    assert len({generate(topic, s).markdown() for s in range(6)}) >= 3


def test_check_grades_answers():
    ex = generate("mixed-2x2", 2)
    p, q = ex.answer["p"], ex.answer["q"]
    assert check(ex, {"p": str(p), "q": float(q)}).correct
    bad = check(ex, {"p": p + 1, "q": q})
    assert not bad.correct and bad.parts == {"p": False, "q": True} and "p" in bad.feedback
    assert not check(ex, {"p": p}).correct and "missing q" in check(ex, {"p": p}).feedback
    with pytest.raises(ValueError, match="does not ask for"):
        check(ex, {"p": p, "r": 1})
    with pytest.raises(TypeError, match="answer must be a dict"):
        check(ex, [p, q])
    pn = generate("pure-nash", 0)
    assert check(pn, {"equilibria": [tuple(x.lower() for x in e) for e in pn.answer["equilibria"]]}).correct


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="topic must be one of"):
        generate("bargaining", 0)
    with pytest.raises(TypeError, match="topic must be a str"):
        generate(3, 0)
    with pytest.raises(ValueError, match="seed"):
        generate("dominance", -1)
    with pytest.raises(ValueError, match="count"):
        write_sheets(["dominance"], count=0)
    with pytest.raises(ValueError, match="topic must be one of"):
        write_sheets(["dominance", "nope"])


def test_sheets_and_cli(tmp_path):
    out = tmp_path / "sheets"
    assert main(["exercises", "--topic", "pure-nash", "--topic", "volunteers-dilemma", "--count", "2",
                 "--seed", "1", "--out", str(out)]) == 0
    ex_md = (out / "exercises.md").read_text()
    sol_md = (out / "solutions.md").read_text()
    assert ex_md.count("### ") == 4 and "**Answer:**" not in ex_md
    assert sol_md.count("**Answer:**") == 4
    tex = (out / "solutions.tex").read_text()
    assert tex.startswith(r"\documentclass") and tex.count(r"\item ") >= 4 and tex.rstrip().endswith(r"\end{document}")
    assert generate("pure-nash", 1 * 2 + 0).question in ex_md


@pytest.mark.parametrize("seed", SEEDS)
def test_security_dilemma_assurance_threshold(seed):
    """Stag hunt R > T > P > S (by hand): restraint is a best response iff q >= (P - S)/((R - T) + (P - S))."""
    ex = generate("security-dilemma", seed)
    A, _ = _matrices(ex)
    (R, S), (T, P) = A.tolist()
    assert R > T > P > S and ex.answer["game"] == "stag hunt"
    assert ex.answer["q"] == Fraction(P - S) / ((R - T) + (P - S))

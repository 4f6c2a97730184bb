"""Classroom exercises: every answer re-derived independently, determinism, grading and the sheets."""

from fractions import Fraction
from itertools import product

import nashpy
import numpy as np
import pytest

from models.cli import main
from models.exercises import TOPICS, Exercise, check, generate, sheet, write_sheets

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
    g, loss, d = (int(q.split(f"${k} = ")[1].split("$")[0]) for k in ("g", "l", "d"))
    u = _tex_number(q.split("$u = ")[1].split("$")[0])
    assert ex.answer["threshold"] == (g + u * d) / (g + loss)
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
    assert sheet("pure-nash", 2, 1)[0].question in ex_md and sheet("volunteers-dilemma", 2, 1)[1].question in ex_md


@pytest.mark.parametrize("seed", SEEDS)
def test_security_dilemma_assurance_threshold(seed):
    """Stag hunt R > T > P > S (by hand): restraint is a best response iff q >= (P - S)/((R - T) + (P - S))."""
    ex = generate("security-dilemma", seed)
    A, _ = _matrices(ex)
    (R, S), (T, P) = A.tolist()
    assert R > T > P > S and ex.answer["game"] == "stag hunt"
    assert ex.answer["q"] == Fraction(P - S) / ((R - T) + (P - S))


# ------------------------------------------------------------------------------------- essay models (2)
NEW_TOPICS = ("reciprocity", "escalation", "labelling", "leadership")


def _param(question: str, name: str) -> Fraction:
    """The value written as ``$name = value$`` in the question."""
    return _tex_number(question.split(f"${name} = ")[1].split("$")[0])


def test_essay_model_topics_are_registered():
    assert set(NEW_TOPICS) <= set(TOPICS)


@pytest.mark.parametrize("seed", SEEDS)
def test_reciprocity_consensus_and_friedman_threshold(seed):
    """Consensus is the binomial tail P(X >= k), X ~ Bin(n, a) (scipy.stats.binom, and exactly by hand);
    grim trigger is subgame perfect iff delta >= (T - R)/(T - P) (Friedman 1971, Rev. Econ. Stud. 38),
    applied to the stage game with the expected sanction f P subtracted from the temptation T."""
    from math import comb

    from scipy.stats import binom

    ex = generate("reciprocity", seed)
    q = ex.question
    f, k, n, a = int(_param(q, "f")), int(_param(q, "k")), int(_param(q, "n")), _param(q, "a")
    (R, S), (T, P) = ex.game.exact_payoffs[..., 0].tolist()
    assert T > R > P > S
    consensus = sum(comb(n, m) * a ** m * (1 - a) ** (n - m) for m in range(k, n + 1))
    assert np.isclose(float(consensus), binom.sf(k - 1, n, float(a)))
    t_eff = T - f * consensus
    assert t_eff > R
    assert ex.answer == {"consensus": consensus, "delta_without": Fraction(T - R) / (T - P),
                         "delta_with": (t_eff - R) / (t_eff - P)}
    # at the threshold a one-shot deviation neither gains nor loses: R/(1-d) = T' + d P/(1-d)
    d = ex.answer["delta_with"]
    assert R / (1 - d) == t_eff + d * P / (1 - d)
    assert ex.answer["delta_with"] < ex.answer["delta_without"]


@pytest.mark.parametrize("seed", SEEDS)
def test_escalation_by_backward_induction(seed):
    """Backward induction by hand on the ladder of models/escalation.py under an automatic reaction:
    the accused party escalates iff p W < b_i; a confronted aggressor gets max(-b, (1-p) g - p W), and
    violates iff that beats complying (0)."""
    ex = generate("escalation", seed)
    q = ex.question
    p, h = _param(q, "p"), _param(q, "h")
    W, g, b, bi = (int(_param(q, s)) for s in ("W", "g", "b", "b_i"))
    escalate_value = (1 - p) * g - p * W
    violate = max(-b, escalate_value) > 0
    accused = "escalate" if -p * W > -bi else "back down"
    war = h * (p if violate else 0) + (1 - h) * (p if accused == "escalate" else 0)
    assert ex.answer == {"aggressor": "violate" if violate else "comply", "threshold": Fraction(bi, W),
                         "accused": accused, "war": war}


@pytest.mark.parametrize("seed", SEEDS)
def test_labelling_inspection_game_against_nashpy(seed):
    """The 2x2 table written in the question, built by hand and solved with nashpy's support enumeration;
    the least accuracy solves a v - c - (1 - a)(w + e W) = 0 by hand."""
    ex = generate("labelling", seed)
    q = ex.question
    a, r, e = _param(q, "a"), _param(q, "r"), _param(q, "e")
    g, s, loss, v, c, w, W = (_param(q, k) for k in ("g", "s", "l", "v", "c", "w", "W"))
    K, D = c + w + e * W, a * v - c - (1 - a) * (w + e * W)
    A = np.array([[0, -r * s / 2], [g, g - a * s]], dtype=float)
    B = np.array([[0, -r * K], [-loss, -loss + D]], dtype=float)
    eqs = list(nashpy.Game(A, B).support_enumeration())
    assert len(eqs) == 1
    x, y = eqs[0]
    assert np.isclose(x[1], float(ex.answer["attack"])) and np.isclose(y[1], float(ex.answer["sanction"]))
    assert 0 < x[1] < 1 and 0 < y[1] < 1
    assert ex.answer["min_accuracy"] == (c + w + e * W) / (v + w + e * W)
    assert ex.answer["min_accuracy"] < a


def _pledge_payoffs(profile, F, cL, cF, C, lam, bL, bF, e):
    """The pledge game described in the question, written out by hand (player 0 leads)."""
    lead, followers = profile[0], sum(profile[1:])
    mounted = cL * lead + cF * followers >= F
    out = []
    for i, joins in enumerate(profile):
        benefit = (bL if i == 0 else bF) if mounted else 0
        if not joins:
            out.append(benefit)
            continue
        if not mounted:
            share = 0
        elif lead and followers:
            share = lam * C if i == 0 else (1 - lam) * C / followers
        else:
            share = C / (lead + followers)
        out.append(benefit - share - e)
    return out


def _mounting_equilibria(n, F, cL, cF, C, lam, bL, bF, e):
    """Brute force: every pure profile that mounts the response and from which no member gains by deviating."""
    found = []
    for prof in product((0, 1), repeat=n):
        u = _pledge_payoffs(prof, F, cL, cF, C, lam, bL, bF, e)
        stable = all(_pledge_payoffs(prof[:i] + (1 - prof[i],) + prof[i + 1:], F, cL, cF, C, lam, bL, bF, e)[i]
                     <= u[i] for i in range(n))
        if stable and cL * prof[0] + cF * sum(prof[1:]) >= F:
            found.append(prof)
    return found


@pytest.mark.parametrize("seed", SEEDS)
def test_leadership_k_group_by_brute_force(seed):
    """Every pure profile of the pledge game checked for unilateral deviations (by hand, no solver): the
    k-group (Snidal 1985, Am. Pol. Sci. Rev. 79(4)) and the privileged group (Olson 1965, The Logic of
    Collective Action). The share bounds are the participation conditions b_F - (1 - s) C/m - e >= 0 and
    b_L - s C - e >= 0, checked by brute force on either side of each bound."""
    ex = generate("leadership", seed)
    q = ex.question
    n = int(q.split("A group of ")[1].split(" ")[0])
    F, cL, cF, C, lam, bL, bF, e = (_param(q, k) for k in ("F", "f_L", "f_F", "C", r"\lambda", "b_L", "b_F", "e"))
    m = next(j for j in range(n) if cL + j * cF >= F)
    lo, hi = 1 - m * (bF - e) / C, (bL - e) / C
    eqs = _mounting_equilibria(n, F, cL, cF, C, lam, bL, bF, e)
    k = min((sum(prof) for prof in eqs), default=0)
    privileged = (1,) + (0,) * (n - 1) in _mounting_equilibria(n, F, F, cF, C, lam, bL, bF, e)
    assert ex.answer == {"followers_needed": m, "min_lead_share": lo, "max_lead_share": hi, "k_group": k,
                         "privileged": "yes" if privileged else "no"}

    def led(share):
        return any(prof[0] == 1 for prof in _mounting_equilibria(n, F, cL, cF, C, share, bL, bF, e))

    eps = Fraction(1, 100)
    if lo < hi:
        assert led((lo + hi) / 2)
    assert not led(lo - eps) and not led(hi + eps)


def test_new_topics_vary_their_answers():
    """Over 40 seeds each topic's qualitative answers take more than one value."""
    seeds = range(40)
    esc = [generate("escalation", s).answer for s in seeds]
    assert {(a["aggressor"], a["accused"]) for a in esc} == {("violate", "escalate"), ("violate", "back down"),
                                                             ("comply", "escalate"), ("comply", "back down")}
    lead = [generate("leadership", s).answer for s in seeds]
    assert {a["privileged"] for a in lead} == {"yes", "no"}
    assert len({a["k_group"] for a in lead}) >= 3 and 0 in {a["k_group"] for a in lead}


def test_new_topics_grade_labels_and_fractions():
    ex = generate("escalation", 3)
    given = {k: (v.upper() if isinstance(v, str) else float(v)) for k, v in ex.answer.items()}
    assert check(ex, given).correct
    flipped = dict(given, accused="escalate" if ex.answer["accused"] == "back down" else "back down")
    assert check(ex, flipped).parts["accused"] is False
    lead = generate("leadership", 0)
    assert check(lead, {k: str(v) for k, v in lead.answer.items()}).correct


def test_sheets_for_new_topics(tmp_path):
    out = tmp_path / "essay"
    args = ["exercises", "--count", "2", "--seed", "3", "--out", str(out)]
    for topic in NEW_TOPICS:
        args += ["--topic", topic]
    assert main(args) == 0
    sol = (out / "solutions.md").read_text()
    assert sol.count("**Answer:**") == 8
    tex = (out / "solutions.tex").read_text()
    assert tex.count(r"\item ") >= 8 and r"\lceil" in tex
    assert sheet("labelling", 2, 3)[1].question in (out / "exercises.md").read_text()


def test_sheets_compile_to_pdf_where_latex_is_installed(tmp_path):
    """With a LaTeX engine on PATH (CI installs pdflatex), both sheets compile to PDF and no aux file is left."""
    import shutil

    from models.exercises import LATEX_ENGINES, TOPICS, write_sheets

    if not any(shutil.which(e) for e in LATEX_ENGINES):
        pytest.skip("no LaTeX engine on PATH (CI installs texlive-latex-base)")
    paths = write_sheets(list(TOPICS), count=1, seed=2, out=tmp_path, pdf=True)
    for name in ("exercises.pdf", "solutions.pdf"):
        pdf = paths[name]
        assert pdf.read_bytes()[:5] == b"%PDF-"
        assert pdf.stat().st_size > 10_000
    assert not list(tmp_path.glob("*.aux")) and not list(tmp_path.glob("*.log"))


# ------------------------------------------------------------------------------------- sheets (readers' issue)
def test_a_sheet_never_repeats_an_exercise(tmp_path):
    """burden-sharing has exactly five exercises (one per smaller root p in {1/3, 1/4, 1/5, 1/6, 2/5}):
    a sheet of five has them all, once each; a sheet of six is refused, saying five."""
    items = sheet("burden-sharing", 5, seed=1)
    assert len({ex.question for ex in items}) == 5
    assert {ex.answer["p_low"] for ex in items} == {Fraction(1, 3), Fraction(1, 4), Fraction(1, 5), Fraction(1, 6),
                                                    Fraction(2, 5)}
    with pytest.raises(ValueError, match="has 5 distinct exercises"):
        write_sheets(["burden-sharing"], count=6, out=tmp_path)
    for topic in ("pure-nash", "responses"):
        assert len({ex.markdown() for ex in sheet(topic, 20, seed=4)}) == 20


def test_sheet_items_are_reproducible_and_independent_of_count():
    """Items come from SeedSequence(seed).spawn: a shorter sheet is the start of a longer one, and each item is
    generate(topic, its seed)."""
    short, long = sheet("mixed-2x2", 3, seed=9), sheet("mixed-2x2", 6, seed=9)
    assert short == long[:3]
    assert all(generate("mixed-2x2", ex.seed) == ex for ex in long)
    first, second = sheet("mixed-2x2", 5, seed=0), sheet("mixed-2x2", 5, seed=1)
    assert {ex.markdown() for ex in first} != {ex.markdown() for ex in second}


def test_too_few_exercises_found_is_a_clear_error():
    with pytest.raises(ValueError, match=r"gave only \d+ distinct exercises in 3 draws; count must be at most"):
        sheet("zero-sum", 5, seed=0, max_draws=3)


@pytest.mark.parametrize("topic", list(TOPICS))
def test_solutions_read_like_a_handout(topic):
    """No "1 units", "1 followers", "1 equilibria"; no code keys (name_with_underscores =) in the answer line."""
    import re

    for seed in range(12):
        md = generate(topic, seed).markdown(solution=True)
        assert not re.search(r"(?<![\d./])1 (units|followers|equilibria|states|members)\b", md), md
        answer = next(line for line in md.splitlines() if line.startswith("**Answer:**"))
        assert not re.search(r"[a-z]+_[a-z_]+ =", answer), answer


def test_capacities_are_not_written_as_costs():
    """c is a cost everywhere: leadership's forces are f_L and f_F."""
    q = generate("leadership", 0).question
    assert "$f_L = " in q and "$f_F = " in q and "$c_L" not in q and "$c_F" not in q

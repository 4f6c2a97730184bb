"""Game trees: backward induction and the normal form, checked against hand-solved trees."""

from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import games
from games.extensive import Chance, Decision, GameTree, Terminal


def entry_game():
    return GameTree(Decision(0, {"out": Terminal((0, 2)),
                                 "in": Decision(1, {"fight": Terminal((-1, -1)),
                                                    "accommodate": Terminal((1, 1))}, name="incumbent")},
                             name="entrant"), players=["Entrant", "Incumbent"])


def test_entry_game_spe_and_normal_form_by_hand():
    """Selten's chain-store stage: SPE (in, accommodate); the normal form adds the Nash (out, fight)."""
    tree = entry_game()
    spe = tree.backward_induction()
    assert spe.plan == {"entrant": "in", "incumbent": "accommodate"}
    assert spe.payoffs == (1, 1) and spe.unique
    g = tree.normal_form()
    assert g.actions == (("out", "in"), ("fight", "accommodate"))
    assert g.payoffs[:, :, 0].tolist() == [[0, 0], [-1, 1]]
    assert g.payoffs[:, :, 1].tolist() == [[2, 2], [-1, 1]]
    pure = {eq.pure_actions() for eq in games.equilibria(g, method="pure")}
    assert pure == {("out", "fight"), ("in", "accommodate")}
    assert g.is_nash(tree.profile(spe.plan))


def test_three_stage_centipede_takes_at_once():
    """Centipede with payoffs (1,0), (0,2), (3,1), (2,4): every mover takes, so the root takes."""
    tree = GameTree(Decision(0, {"take": Terminal((1, 0)), "pass": Decision(1, {
        "take": Terminal((0, 2)), "pass": Decision(0, {"take": Terminal((3, 1)), "pass": Terminal((2, 4))},
                                                   name="c")}, name="b")}, name="a"), players=2)
    spe = tree.backward_induction()
    assert spe.plan == {"a": "take", "b": "take", "c": "take"}
    assert spe.payoffs == (1, 0)
    g = tree.normal_form()
    assert g.shape == (4, 2)  # player 1 chooses at a and c
    assert tree.strategy_labels(0) == ["take/take", "take/pass", "pass/take", "pass/pass"]


def test_chance_expectation_is_exact():
    """A fair coin then a choice: E = 1/2*max(1,0) + 1/2*max(0,3) = 2, exactly."""
    tree = GameTree(Chance({"h": (F(1, 2), Decision(0, {"a": Terminal((1,)), "b": Terminal((0,))}, name="h")),
                            "t": (F(1, 2), Decision(0, {"a": Terminal((0,)), "b": Terminal((3,))}, name="t"))}),
                    players=1)
    spe = tree.backward_induction()
    assert spe.payoffs == (F(2),)
    assert tree.normal_form().has_exact_payoffs
    probs = GameTree(Chance({"x": (F(1, 3), Terminal((0,), name="w")), "y": (F(2, 3), Terminal((1,), name="w"))}),
                     players=1).outcome_probabilities({})
    assert probs == {"w": 1}


def test_ties_are_reported():
    tree = GameTree(Decision(0, {"a": Terminal((1, 0)), "b": Terminal((1, 5))}, name="n"), players=2)
    spe = tree.backward_induction()
    assert spe.ties == ("n",) and not spe.unique and spe.plan == {"n": "a"}


@pytest.mark.parametrize("build, message", [
    (lambda: Chance({"a": (0.6, Terminal((1,))), "b": (0.6, Terminal((0,)))}), "sum to 1"),
    (lambda: Chance({"a": (-0.5, Terminal((1,))), "b": (1.5, Terminal((0,)))}), "in \\[0, 1\\]"),
    (lambda: Decision(0, {}), "at least one action"),
    (lambda: Decision(-1, {"a": Terminal((1,))}), "player"),
    (lambda: Terminal((float("nan"),)), "finite"),
    (lambda: Decision(0, {"a": "not a node"}), "Terminal, Decision or Chance"),
])
def test_bad_nodes_refused(build, message):
    with pytest.raises((ValueError, TypeError), match=message):
        build()


def test_bad_trees_refused():
    with pytest.raises(ValueError, match="one per player"):
        GameTree(Terminal((1, 2, 3)), players=2)
    with pytest.raises(ValueError, match="names player 3"):
        GameTree(Decision(3, {"a": Terminal((1, 2))}), players=2)
    with pytest.raises(ValueError, match="unique"):
        GameTree(Decision(0, {"a": Decision(1, {"x": Terminal((0, 0))}, name="n"),
                              "b": Decision(1, {"x": Terminal((0, 0))}, name="n")}, name="r"), players=2)
    with pytest.raises(ValueError, match="missing"):
        entry_game().payoffs_under({"entrant": "in"})


def test_large_normal_form_refused_quickly():
    """A chain of 30 binary choices has 2**30 strategies: refused with advice, never built."""
    node = Terminal((0,))
    for k in range(30):
        node = Decision(0, {"a": node, "b": Terminal((k,))}, name=f"n{k}")
    tree = GameTree(node, players=1)
    with pytest.raises(ValueError, match="backward_induction"):
        tree.normal_form()
    assert tree.backward_induction().payoffs == (29,)


@st.composite
def random_tree(draw, depth=3):
    counter = iter(range(10_000))

    def build(d):
        kind = draw(st.sampled_from(["T", "D", "D", "C"])) if d > 0 else "T"
        if kind == "T":
            return Terminal(tuple(draw(st.integers(-5, 5)) for _ in range(2)))
        if kind == "C":
            return Chance({"x": (F(1, 3), build(d - 1)), "y": (F(2, 3), build(d - 1))})
        k = draw(st.integers(1, 3))
        return Decision(draw(st.integers(0, 1)), {f"m{j}": build(d - 1) for j in range(k)}, name=f"n{next(counter)}")

    return GameTree(build(depth), players=2)


@settings(max_examples=40, deadline=None)
@given(random_tree())
def test_spe_is_a_nash_equilibrium_of_the_normal_form(tree):
    """Kuhn's theorem: a backward-induction plan is a Nash equilibrium of the normal form."""
    spe = tree.backward_induction()
    g = tree.normal_form()
    prof = tree.profile(spe.plan)
    assert g.is_nash(g.pure_profile(prof))
    assert tuple(g.payoffs[tuple(prof)]) == tuple(float(v) for v in spe.payoffs)
    pure = games.equilibria(g, method="pure")
    assert any(eq.supports == tuple((k,) for k in prof) for eq in pure)


# ---------------------------------------------------------------------------- adversarial inputs
# very deep trees, chance nodes that do not add up, bad tolerances, repeated labels, ties, and normal forms
# too large to build

def _centipede(stages):
    """Rosenthal's (1981) centipede: at stage k the mover (k mod 2) takes (k + 2, k) for itself and the
    other, or passes; after the last stage both get ``stages``. Taking beats passing when the other
    takes next (k + 2 > k + 1) and at the last stage (stages + 1 > stages), so backward induction takes
    at once, uniquely: payoffs (2, 0)."""
    node = Terminal((stages, stages))
    for k in reversed(range(stages)):
        mover = k % 2
        take = (k + 2, k) if mover == 0 else (k, k + 2)
        node = Decision(mover, {"take": Terminal(take), "pass": node}, name=f"stage {k}")
    return GameTree(node, players=2)


def test_deep_centipede_solves_without_recursion_limit():
    tree = _centipede(3000)            # recursion used to fail from about 500 stages
    spe = tree.backward_induction()
    assert spe.payoffs == (2, 0)
    assert set(spe.plan.values()) == {"take"} and spe.unique
    assert tree.payoffs_under({name: "pass" for name in spe.plan}) == (3000, 3000)


def test_deep_tree_with_chance_outcome_probabilities():
    """A chain of 2000 fair coins; 'stop' on heads: the tails-all-the-way terminal has probability 2^-2000."""
    node = Terminal((0,), name="end")
    for _ in range(2000):
        node = Chance({"heads": (F(1, 2), Terminal((1,), name="stop")), "tails": (F(1, 2), node)})
    probs = GameTree(node, players=1).outcome_probabilities({})
    assert probs["end"] == F(1, 2 ** 2000)
    assert probs["stop"] == 1 - F(1, 2 ** 2000)


@pytest.mark.parametrize("tol", [float("nan"), -1.0, 2.0, "0.1"])
def test_chance_tolerance_is_checked(tol):
    """With tol = nan the sum check compared false and accepted probabilities summing to 0.9."""
    with pytest.raises(ValueError, match="tol"):
        Chance({"a": (0.5, Terminal((1,))), "b": (0.4, Terminal((0,)))}, tol=tol)


def test_chance_probabilities_must_sum_to_one():
    with pytest.raises(ValueError, match="sum to 1"):
        Chance({"a": (F(1, 3), Terminal((1,))), "b": (F(1, 3), Terminal((0,)))})
    with pytest.raises(ValueError, match="sum to 0.99"):
        Chance({"a": (0.49, Terminal((1,))), "b": (0.5, Terminal((0,)))})


def test_chance_labels_must_be_distinct():
    with pytest.raises(ValueError, match="distinct"):
        Chance([("a", 0.5, Terminal((1,))), ("a", 0.5, Terminal((0,)))])


def test_empty_action_sets_are_refused():
    with pytest.raises(ValueError, match="at least one action"):
        Decision(0, {})
    with pytest.raises(ValueError, match="at least one outcome"):
        Chance({})


def test_exact_ties_through_chance_nodes_are_recorded():
    """A fair lottery over 2 and 0 is worth exactly 1, as much as the sure 1: an exact tie."""
    lottery = Chance({"x": (F(1, 2), Terminal((2, 0))), "y": (F(1, 2), Terminal((0, 0)))})
    spe = GameTree(Decision(0, {"gamble": lottery, "safe": Terminal((1, 1))}, name="n"), players=2).backward_induction()
    assert spe.ties == ("n",) and spe.payoffs == (1, 0)


def test_huge_normal_form_is_refused_with_a_short_message():
    with pytest.raises(ValueError, match=r"about 10\^\d+ pure profiles") as info:
        _centipede(400).normal_form()
    assert len(str(info.value)) < 400


def test_regret_on_the_tree_by_hand():
    # Player 0: L leads to a fair coin paying (4, 0) or (0, 0) (worth 2 to it); R hands the move to player 1,
    # who picks a (3, 1) or b (1, 2). By hand: backward induction gives b, then L (2 > 1).
    from games.extensive import Chance

    coin = Chance({"heads": (0.5, Terminal((4, 0))), "tails": (0.5, Terminal((0, 0)))})
    tree = GameTree(Decision(0, {"L": coin, "R": Decision(1, {"a": Terminal((3, 1)), "b": Terminal((1, 2))},
                                                           name="second")}, name="first"), players=2)
    assert tree.regret({"first": "L", "second": "a"}) == 1      # player 0 would switch to R for 3
    assert tree.regret({"first": "R", "second": "b"}) == 1      # player 0 would switch to L for 2
    assert tree.regret({"first": "L", "second": "b"}) == 0      # the subgame-perfect plan
    assert tree.best_response_value(1, {"first": "R", "second": "a"}) == 2
    eq = games.equilibria(tree)[0]
    assert eq.plan == {"first": "L", "second": "b"} and eq.pure_actions() == ("L", "b")

"""Every registered model, fuzzed across its whole declared parameter ranges.

For each model of :func:`models.registry.registered_models` (a model added later is fuzzed with no edit
here), hypothesis draws parameter points inside the ranges its fields declare with
:func:`models.base.param` — the range's endpoints, tiny positive values, large values and values in
between — and calls ``outcome()``. It must return a flat dict of scalars whose numbers are finite (``nan``
means "not applicable", as the models document; ``inf`` only where :data:`INFINITE` documents it), or
refuse the point with a ``ValueError`` whose message starts with one of the model's own parameters (a combination of
parameters the model rules out, e.g. a threshold above the group size). Any other exception — an engine
argument's name, ``ZeroDivisionError``, ``OverflowError``, ``RuntimeError`` — or a numpy overflow or
division warning fails the test.

Fuzzed magnitudes reach :data:`LARGE` (``1e300``) where a range is open, and the declared bounds where it is
not (both ends, and their neighbouring floats). Where a double-precision computation cannot work (products of
payoffs that overflow, a linear programme's solver that reads 1e20 as infinite), the model's range stops
there and its refusal says why (:func:`models.base.param`'s ``why``), so the fuzz still covers all of it.

Then, one named regression test per crash the fuzzer found, each checked against a value derived by hand.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
import re
import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import LeadershipModel, PublicGoodAlliance, SecurityDilemmaModel, VolunteersDilemma
from models.registry import registered_models

MODELS = registered_models()

#: Largest magnitude drawn for a parameter without an upper bound (see the module notes).
LARGE = 1e300
#: Largest integer drawn above a lower bound when there is no upper bound (group sizes: the games grow).
INT_SPAN = 25
#: Examples per model (derandomized, so every run draws the same points); slow models get fewer.
EXAMPLES = 60
SLOW = {"ReciprocityRegime": 20, "ResponseModel": 30}

#: Outcome keys that may be infinite, and why (a threshold's limit, documented in the model).
INFINITE = {
    "LeadershipModel": {"cf_min_lead_share", "cf_max_lead_share"},  # closed_form: a free (or near-free) operation
    "ReciprocityRegime": {"critical_discount"},  # outcome: inf when no discount factor sustains the norm
    "ConsensusSanctions": {"required_sanction_probability"},  # inf when fine = 0: no sanction deters
    "SecurityDilemmaModel": {"critical_discount"},  # inf when max(P, S) >= R: no discount factor sustains restraint
}


def _consensus_rules(params: dict) -> dict:
    """ConsensusSanctions: T > R > P > S (the drawn payoffs sorted into that order) and a council whose
    quota, great powers, patrons and allies fit in it; else almost every point is refused."""
    t, r, p, s = sorted((params[k] for k in ("temptation", "reward", "punishment", "sucker")), reverse=True)
    members = params["members"]
    quota = min(params["quota"], members)
    powers = min(params["great_powers"], quota)
    patrons = min(params["patrons"], powers)
    allies = min(params["allies"], members - powers)
    return {**params, "temptation": t, "reward": r, "punishment": p, "sucker": s, "quota": quota,
            "great_powers": powers, "patrons": patrons, "allies": allies}


#: Models whose parameters are tied by rules most independent draws break: the drawn point is moved inside
#: them (each value stays inside its declared range), else the fuzz would be vacuous.
ARRANGE = {"ConsensusSanctions": _consensus_rules}

SCALARS = (numbers.Number, np.number, np.bool_, bool, str, type(None))


def _float_strategy(meta: dict) -> st.SearchStrategy[float]:
    low, high = meta.get("low"), meta.get("high")
    low_open, high_open = bool(meta.get("low_open")), bool(meta.get("high_open"))
    lo = -LARGE if low is None else float(low)
    hi = LARGE if high is None else float(high)
    edges = [lo, hi, 0.0, 1.0, -1.0, lo + 5e-324, lo + 1e-300, lo + 1e-9, hi - 1e-9, hi - 1e-12, 1e6, -1e6,
             1e12, -1e12, 1e100, -1e100, 1e200, -1e200, 1e300, -1e300]
    edges += [math.nextafter(hi, -math.inf), math.nextafter(lo, math.inf)]

    def inside(v: float) -> bool:
        return (lo < v or (v == lo and not low_open)) and (v < hi or (v == hi and not high_open))

    chosen = sorted({v for v in edges if inside(v)})
    return st.one_of(st.sampled_from(chosen),
                     st.floats(lo, hi, exclude_min=low_open, exclude_max=high_open, allow_nan=False,
                               allow_infinity=False))


def _int_strategy(meta: dict) -> st.SearchStrategy[int]:
    lo = int(meta["low"]) if meta.get("low") is not None else -INT_SPAN
    if meta.get("high") is not None:
        hi = int(meta["high"])
        # the edges, the whole range, and mostly small values (sizes, quotas and counts are tied to each other)
        return st.one_of(st.sampled_from([lo, hi]), st.integers(lo, hi), st.integers(lo, min(hi, lo + 8)),
                         st.integers(lo, min(hi, lo + 8)))
    # mostly small (group sizes, indices and quorums are tied to each other), sometimes up to INT_SPAN above
    return st.one_of(st.sampled_from([lo, lo + 1, lo + 2]), st.integers(lo, lo + 8), st.integers(lo, lo + INT_SPAN))


def _tuple_strategy(length: int) -> st.SearchStrategy[tuple]:
    """A tuple of positive numbers (incomes, capacities, ...) of the given length."""
    entry = st.one_of(st.sampled_from([5e-324, 1e-9, 1.0, 1e6, 1e12, 1e100, LARGE]),
                      st.floats(0, LARGE, exclude_min=True))
    return st.lists(entry, min_size=length, max_size=length).map(tuple)


def _is_number_tuple(field: dataclasses.Field) -> bool:
    default = field.default
    return isinstance(default, tuple) and bool(default) and all(isinstance(v, (int, float)) for v in default)


def field_strategy(field: dataclasses.Field, length: int = 3) -> st.SearchStrategy:
    """Values of one model parameter inside its declared range (its default when it declares none); a tuple
    of numbers (one per member) gets ``length`` positive entries."""
    meta = dict(field.metadata)
    if meta.get("choices") is not None:
        return st.sampled_from(meta["choices"])
    if meta.get("integer"):
        return _int_strategy(meta)
    if any(k in meta for k in ("low", "high", "unbounded")):
        return _float_strategy(meta)
    if _is_number_tuple(field):
        return _tuple_strategy(length)
    return st.just(field.default)


def model_strategy(cls: type) -> st.SearchStrategy[dict]:
    """Keyword arguments of ``cls``: every parameter inside its range; per-member tuples share one length."""
    fields = [f for f in dataclasses.fields(cls) if f.init]
    drawn = st.integers(1, 6).flatmap(
        lambda n: st.fixed_dictionaries({f.name: field_strategy(f, n) for f in fields}))
    arrange = ARRANGE.get(cls.__name__)
    return drawn if arrange is None else drawn.map(arrange)


def check_outcome(cls: type, params: dict) -> bool:
    """``cls(**params).outcome()`` is a flat dict of scalars (``True``), or the point is refused naming a
    parameter (``False``)."""
    names = [f.name for f in dataclasses.fields(cls)]
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        try:
            out = cls(**params).outcome()
        except ValueError as err:
            message = str(err)
            first = re.match(r"[A-Za-z_]\w*", message)
            assert first is not None and first.group() in names, \
                f"{cls.__name__}({params}) raised a ValueError that does not start with one of its parameters: " \
                f"{message}"
            return False
    assert isinstance(out, dict) and out
    allowed_inf = INFINITE.get(cls.__name__, set())
    for key, value in out.items():
        assert isinstance(key, str)
        assert isinstance(value, SCALARS), f"{cls.__name__}.outcome()[{key!r}] is {type(value).__name__}"
        if isinstance(value, (float, np.floating)) and math.isinf(value):
            assert key in allowed_inf, f"{cls.__name__}({params}).outcome()[{key!r}] = {value}"
    return True


@pytest.mark.parametrize("cls", MODELS, ids=[c.__name__ for c in MODELS])
def test_outcome_across_the_declared_ranges(cls):
    strategy = model_strategy(cls)

    @settings(max_examples=SLOW.get(cls.__name__, EXAMPLES), deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def fuzz(params):
        counts[check_outcome(cls, params)] += 1

    counts = {True: 0, False: 0}
    fuzz()
    # not a vacuous fuzz: many drawn points are models the class accepts (cross-parameter rules such as a
    # threshold within the group refuse the others), and they were solved
    assert counts[True] >= (counts[True] + counts[False]) // 6, counts


def test_the_strategies_stay_inside_the_declared_ranges():
    """The fuzzer's own check: every drawn value passes the model's declared range (no refusals by range)."""
    from models.base import validate

    @dataclasses.dataclass(frozen=True)
    class Probe:
        from models.base import param

        p: float = param(0.5, "probability", "a probability", low=0, high=1, low_open=True)
        x: float = param(1.0, "utils", "a payoff", unbounded=True)
        n: int = param(2, "members", "a group", low=2, integer=True)

    strategy = st.fixed_dictionaries({f.name: field_strategy(f) for f in dataclasses.fields(Probe)})

    @settings(max_examples=200, deadline=None, derandomize=True, database=None)
    @given(strategy)
    def draws(params):
        validate(Probe(**params))
        assert 0 < params["p"] <= 1 and abs(params["x"]) <= LARGE and 2 <= params["n"] <= 2 + INT_SPAN

    draws()


# ------------------------------------------------------------------------------ regressions found by the fuzzer
def test_leadership_with_a_free_operation():
    """operation_cost = 0 (allowed: >= 0) used to divide by zero in the closed form.

    By hand (defaults: 6 members, force 10, lead power brings 6, followers 1 each, pledge 0.1): 4 followers
    are needed; with nothing to share, a follower's payoff is 1.5 - 0.1 = 1.4 and the lead power's
    6 - 0.1 = 5.9 in the led coalition, whatever the lead share, so every share qualifies.
    """
    out = LeadershipModel(operation_cost=0).outcome()
    assert out["regime"] == "led coalition of the willing" and out["k_group"] == 5
    assert out["leader_payoff"] == pytest.approx(5.9) and out["follower_payoff"] == pytest.approx(1.4)
    assert out["cf_min_lead_share"] == -math.inf and out["cf_max_lead_share"] == math.inf
    # a pledge above the followers' benefit: no share makes them join (the limit is +inf)
    cf = LeadershipModel(operation_cost=0, follower_benefit=0.05).closed_form()
    assert cf["min_lead_share"] == math.inf and not cf["led_response"]


def test_leadership_with_a_tiny_follower_capacity():
    """follower_capacity = 5e-324 (allowed: > 0) used to overflow ``ceil``; the count is exact and huge."""
    m = LeadershipModel(follower_capacity=5e-324)
    cf = m.closed_form()
    assert cf["followers_needed"] == math.ceil(Fraction(4) / Fraction(5e-324))
    assert cf["followers_needed_without_leader"] == math.ceil(Fraction(10) / Fraction(5e-324))
    assert m.outcome()["regime"] == "no response: not enough force"
    # a force far below one follower's capacity still needs one follower (it used to need 0 and divide by it)
    cf = LeadershipModel(required_force=1e-300, leader_capacity=0, follower_capacity=1e-9).closed_form()
    assert cf["followers_needed"] == 1 and cf["followers_needed_without_leader"] == 1


@pytest.mark.parametrize("n, cost", [(5, 1e-9), (29, 1.15 / 383750478195.3699), (30, 1e-30), (2, 0.5)])
def test_volunteers_dilemma_with_a_tiny_cost(n, cost):
    """cost = 1e-9 used to raise RuntimeError (the root finder also kept the all-volunteer profile, whose
    regret 1e-9 is within its tolerance); below 1e-16 the float game cannot see the cost at all.

    Diekmann (1985): p = 1 - (c/b)^(1/(n-1)) and P(nobody) = (c/b)^(n/(n-1)); for n = 5, c/b = 1e-9:
    1 - 10^(-9/4) = 0.994376586748...
    """
    out = VolunteersDilemma(n=n, benefit=1.0, cost=cost).outcome()
    wait = Fraction(cost) ** 1  # the exact ratio; its (n-1)-th root by floats in decimal below
    assert out["p_volunteer"] == pytest.approx(1 - float(wait) ** (1 / (n - 1)), rel=1e-12)
    assert out["p_nobody"] == pytest.approx(cost ** (n / (n - 1)), rel=1e-12)
    assert out["n_pure_profiles"] == n and out["pure_volunteers"] == 1
    if n == 5:
        assert out["p_volunteer"] == pytest.approx(1 - 10 ** (-9 / 4), rel=1e-14)


@pytest.mark.parametrize("cost, p, profiles, volunteers", [(0.0, 1.0, 2 ** 5 - 1, None), (1.0, 0.0, 1 + 5, None),
                                                           (3.0, 0.0, 1, 0)])
def test_volunteers_dilemma_at_the_cost_edges(cost, p, profiles, volunteers):
    """A free action: everyone volunteers, and every profile with a volunteer is an equilibrium (2^5 - 1);
    cost = benefit: nobody, and the profiles with 0 or 1 volunteer (1 + 5); cost > benefit: only nobody."""
    out = VolunteersDilemma(n=5, benefit=1.0, cost=cost).outcome()
    assert out["p_volunteer"] == p and out["n_pure_profiles"] == profiles and out["regret"] == 0
    assert (out["pure_volunteers"] == volunteers) if volunteers is not None else math.isnan(out["pure_volunteers"])


def test_alliance_ces_near_perfect_substitutes():
    """rho = 0.999 used to overflow ``(alpha / (1 - alpha)) ** 1000``.

    By hand: the spend share m = r / (1 + r), r = 9^1000, is 1 - 9^-1000 = 1.0 in floats, so each ally
    spends all its income on defence: total 3 + 2 + 1 = 6, every ally contributes; the Samuelson optimum is
    also the whole income (6). With alpha = 0.1, r = 9^-1000 and only the richest ally pays (its income 3
    is the threshold), a contribution 3 m below the floats.
    """
    out = PublicGoodAlliance(incomes=(3, 2, 1), alpha=0.9, utility="ces", rho=0.999).outcome()
    assert out["total"] == 6.0 and out["n_contributors"] == 3 and out["optimal_total"] == 6.0
    assert out["verified"]
    low = PublicGoodAlliance(incomes=(3, 2, 1), alpha=0.1, utility="ces", rho=0.999)
    assert low.spend_share == 0.0 and low._log_spend_share() == pytest.approx(1000 * math.log(1 / 9), rel=1e-12)
    out = low.outcome()
    assert out["n_contributors"] == 1 and out["income_threshold"] == 3.0 and out["total"] == 0.0


def test_alliance_ces_strong_complements():
    """rho = -1e12 (allowed: < 1) used to overflow ``x ** rho``; CES tends to min(x, d) (Leontief).

    By hand for incomes (3, 2, 1), alpha = 1/2: the spend share is 1/2 for every rho (r = 1), so the
    equilibrium is the Cobb-Douglas one: allies 1 and 2 contribute, total = (1/2)(5)/(1 + 1/2) = 5/3.
    """
    out = PublicGoodAlliance(incomes=(3, 2, 1), alpha=0.5, utility="ces", rho=-1e12).outcome()
    assert out["total"] == pytest.approx(5 / 3, rel=1e-12) and out["n_contributors"] == 2
    u = PublicGoodAlliance(alpha=0.5, utility="ces", rho=-1e12).utility_of([2.0, 0.0], [3.0, 1.0])
    assert u.tolist() == pytest.approx([2.0, 0.0])


@pytest.mark.parametrize("warning", [1e12, 1e100, 1e300])
def test_security_dilemma_with_a_huge_warning_value(warning):
    """A huge warning_value used to hide the order of T, R, P (differences of 1 under a tolerance scaled
    by 1e300): cooperation was reported an equilibrium with regret 1.

    By hand (defaults, distinguishability 0.25): T = 3 + 0.5 * 2 = 4, R = 3, P = 1, S = 1 - warning/2 < P:
    a prisoner's dilemma whose only equilibrium is mutual offence, found with zero regret.
    """
    out = SecurityDilemmaModel(warning_value=warning).outcome()
    assert out["game_type"] == "prisoner's dilemma" and out["stein"] == "collaboration"
    assert out["n_equilibria"] == 1 and out["pure_equilibria"] == "offensive/offensive"
    assert out["max_regret"] == 0.0 and not out["cooperation_equilibrium"]
    # fully distinguishable: S = 1 + warning > T: a hero game, two asymmetric pure equilibria and one mixed
    out = SecurityDilemmaModel(warning_value=warning, distinguishability=1.0).outcome()
    assert out["n_equilibria"] == 3 and out["max_regret"] == 0.0
    assert sorted(out["pure_equilibria"].split(", ")) == ["defensive/offensive", "offensive/defensive"]
    assert out["mixed_defensive"] == pytest.approx(1 - 1 / (1 + warning), rel=1e-12)


def test_response_model_in_tiny_units():
    """Payoffs of order 1e-129 used to make backward induction tie every action (absolute tolerance 1e-12)
    and fail its own check against the normal form (RuntimeError).

    Every payoff is linear in the parameters measured in utils, so scaling them all by 1e-130 scales the
    game and keeps its equilibrium: the defaults' alliance response to an attack, with payoffs 1e-130 times
    the defaults'.
    """
    from models import ResponseModel

    utils = [f.name for f in dataclasses.fields(ResponseModel) if f.metadata.get("unit", "").startswith("utils")]
    assert {"stake", "aggressor_gain", "urgency", "alliance_cost"} <= set(utils)
    base = ResponseModel()
    tiny = dataclasses.replace(base, **{name: getattr(base, name) * 1e-130 for name in utils})
    out, ref = tiny.outcome(), base.outcome()
    assert (out["response"], out["aggressor_action"]) == ("alliance", "attack") == (ref["response"],
                                                                                     ref["aggressor_action"])
    assert out["defender_payoff"] == pytest.approx(ref["defender_payoff"] * 1e-130, rel=1e-9)
    assert out["spe_is_nash"] and out["regret"] == 0


def test_collective_risk_without_a_gain_from_cooperating():
    """No risk and a free contribution: cooperating changes nothing, every frequency is a fixed point (the
    engine refuses to list them); the outcome says ``nan`` and neutral drift gives equal fixation
    probabilities 1/Z (Z = 50)."""
    from models import CollectiveRisk

    out = CollectiveRisk(risk=0.0, contribution=0.0).outcome()
    assert math.isnan(out["n_interior_roots"]) and math.isnan(out["x_left"]) and math.isnan(out["x_right"])
    assert out["fixation_cooperator"] == pytest.approx(1 / 50) and out["fixation_defector"] == pytest.approx(1 / 50)
    # a tiny cost and no risk: defection is dominant, no interior root (not an error)
    assert CollectiveRisk(risk=0.0, contribution=1e-15).outcome()["n_interior_roots"] == 0


def test_unequal_capacities_with_a_tiny_requirement_or_one_member():
    """requirement = 1e-12 (allowed: > 0) used to be refused naming the engine's cap_tol; any one member
    now provides it, so the smallest coalition is one member (the one with the lowest cost, 1)."""
    from models import UnequalCapacities

    out = UnequalCapacities(requirement=1e-12).outcome()
    assert out["smallest_coalition"] == 1 and out["cheapest_coalition_cost"] == 1.0
    with pytest.raises(ValueError, match="^capacities must list at least two members"):
        UnequalCapacities(capacities=(5.0,), costs=(1.0,), values=(2.0,))


def test_reciprocity_refuses_a_noise_too_small_to_compute():
    from models import ReciprocityRegime

    with pytest.raises(ValueError, match=r"^noise must be 0 or at least 1e-12; got 1e-300 \(the exact"):
        ReciprocityRegime(noise=1e-300)
    with pytest.raises(ValueError, match=r"^selection 1e\+12 times the round-robin payoffs' spread"):
        ReciprocityRegime(selection=1e12).outcome()
    # no noise, grim trigger: delta >= (T - R) / (T - P) = (6 - 4) / (6 - 1) = 2/5 (Friedman 1971)
    assert ReciprocityRegime(noise=0.0).outcome()["critical_discount"] == pytest.approx(2 / 5)


def test_cost_sharing_with_a_steep_growth():
    """cost_growth ** period used to overflow (OverflowError) even where the bill itself was representable.

    By hand: total_cost 1e-300 growing 1e100-fold a period for 5 periods: bills 1e-300, 1e-200, 1e-100, 1,
    1e100; the members' benefits (6, 1.2, 1, 0.9) cover their equal shares until the bill reaches 1e100 in
    period 4, when all four leave. A last bill beyond the floats (1e100^9) is refused, naming cost_growth.
    """
    from models import CostSharing

    out = CostSharing(total_cost=1e-300, cost_growth=1e100, periods=5).outcome()
    assert out["remaining"] == 0 and out["n_left"] == 4 and out["first_exit_period"] == 4
    assert CostSharing(total_cost=0.0, cost_growth=1e300, periods=5).outcome()["remaining"] == 4
    with pytest.raises(ValueError, match=r"^cost_growth 1e\+100 over 10 periods"):
        CostSharing(cost_growth=1e100, periods=10)


# ------------------------------------------------------------- regressions found by fuzzing up to 1e300
@pytest.mark.parametrize("scale", [1.0, 1e100, 1e299])
def test_aggregation_at_huge_payoffs(scale):
    """benefit ~ 8e299 used to overflow the root finder's sign test (a product of two end values).

    Diekmann (1985) for the best shot: (1 - p)^(n-1) = c/b; the weakest link: p^(n-1) = c/b. With c/b = 0.15
    and n = 3 the mixed probabilities are 1 - sqrt(0.15) and sqrt(0.15), whatever the payoffs' unit.
    """
    from models import Aggregation

    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        best = Aggregation(n=3, technology="best-shot", benefit=2.0 * scale, cost=0.3 * scale).outcome()
        weak = Aggregation(n=3, technology="weakest-link", benefit=2.0 * scale, cost=0.3 * scale).outcome()
    assert best["p_low"] == pytest.approx(1 - math.sqrt(0.15), rel=1e-12)
    assert weak["p_low"] == pytest.approx(math.sqrt(0.15), rel=1e-12)


def test_exploration_rate_at_the_smallest_float():
    """mu = 5e-324 with beta = 1e300 used to overflow beta * (f_C - f_D) and take log(0) of rates that had
    underflowed; the rates are now summed in log space.

    By hand: cooperating costs 1 whatever the others do, so with near-infinite selection every imitation
    step goes to the defector and the population rests at k = 0 cooperators: p = (1, 0, ..., 0).
    """
    from games.anonymous import AnonymousGame
    from games.group_dynamics import stationary_distribution_mutation

    g = AnonymousGame.from_function(3, 2, lambda a, c: -float(a))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        p = stationary_distribution_mutation(g, 10, beta=1e300, mu=5e-324)
        neutral = stationary_distribution_mutation(AnonymousGame.from_function(3, 2, lambda a, c: 0.0), 10,
                                                   beta=0.0, mu=5e-324)
    assert p[0] == pytest.approx(1.0, abs=1e-300) and p[1:].max() < 1e-300
    # no selection: the chain is symmetric and almost all the mass sits on the two monomorphic states
    assert neutral[0] == pytest.approx(0.5, abs=1e-12) and neutral[-1] == pytest.approx(0.5, abs=1e-12)


def test_cost_sharing_by_huge_gdps():
    """gdp entries of 1e300 used to overflow ``cost * gdp`` before dividing by the total: the shares are the
    GDP shares (1/2 each here) times the cost."""
    from models import CostSharing

    m = CostSharing(gdp=(1e300, 1e300), benefits=(1.0, 1.0), rule="gdp", total_cost=1e100)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        assert m.shares([True, True]).tolist() == [5e99, 5e99]


@pytest.mark.parametrize("scale", [1.0, 1e20, 1e100, 1e300, -1e300])
def test_consultation_at_huge_payoffs(scale):
    """Payoffs above 1e20 used to make the correlated-equilibrium LP fail (HiGHS reads such coefficients as
    infinite); the LP now sees the game in units of its largest payoff.

    By hand for chicken R = 6, T = 7, S = 2, P = 0 (times ``scale > 0``): a recommendation to hold back is
    obeyed when 6a + 2b >= 7a (a = P(both hold back), b = P(one stands firm)), so the best welfare
    12a + 18b under a + 2b = 1 is at a = 1/2, b = 1/4: 10.5. Four equal payoffs x: welfare 2x, no gain.
    """
    from models import ConsultationModel

    if scale > 0:
        out = ConsultationModel(reward=6 * scale, temptation=7 * scale, sucker=2 * scale, clash=0.0).outcome()
        assert out["ce_welfare"] == pytest.approx(10.5 * scale, rel=1e-9)
        assert out["cce_welfare"] >= out["ce_welfare"] * (1 - 1e-9) and out["ce_max_violation"] <= 1e-9 * scale
    out = ConsultationModel(reward=scale, temptation=scale, sucker=scale, clash=scale).outcome()
    assert out["ce_welfare"] == pytest.approx(2 * scale, rel=1e-12) and out["gain"] == 0.0


def test_imminent_threat_with_the_smallest_prior():
    """threat_prior = 5e-324 used to divide 0 by 0 (the joint law's dangerous row underflows); the error
    rates now come from the signals' law given the state.

    By hand: two alarms raise P(dangerous) only to about 16 * 5e-324 (signal quality 0.8: odds times 16),
    so nobody acts: no false alarm, every dangerous aggressor missed.
    """
    from models import ImminentThreatModel

    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        out = ImminentThreatModel(threat_prior=5e-324).outcome()
    assert out["regime"] == "nobody acts"
    assert out["national_missed"] == 1.0 and out["agreed_missed"] == 1.0
    assert out["national_false_alarm"] == 0.0 and out["agreed_false_alarm"] == 0.0


def test_consensus_refusal_names_the_payoffs():
    """A stage game that is no prisoner's dilemma used to be refused with a message naming no parameter."""
    from models import ConsensusSanctions

    with pytest.raises(ValueError, match=r"^temptation, reward, punishment and sucker must make the stage game a "
                                         r"prisoner's dilemma: .*; got -1e\+300, -1e\+300, -1e\+300, -1e\+300$"):
        ConsensusSanctions(temptation=-1e300, reward=-1e300, punishment=-1e300, sucker=-1e300)


def test_response_model_in_huge_units():
    """Above 1e100 the payoffs (urgency x delay plus stakes and costs) overflowed: the range stops there and
    says why. Inside it, scaling every payoff-like parameter by 1e90 (urgency too, delays kept) scales the
    game, so the defaults' alliance response to an attack is kept.
    """
    from models import ResponseModel

    with pytest.raises(ValueError, match=r"^urgency must be <= 1e\+100 \(the payoffs multiply urgency by delay"):
        ResponseModel(urgency=1e101)
    with pytest.raises(ValueError, match=r"^collective_delay must be <= 1e\+100 \(.*rescale the units\)"):
        ResponseModel(collective_delay=1e300)
    utils = [f.name for f in dataclasses.fields(ResponseModel) if f.metadata.get("unit", "").startswith("utils")]
    base = ResponseModel()
    huge = dataclasses.replace(base, **{name: getattr(base, name) * 1e90 for name in utils})
    out, ref = huge.outcome(), base.outcome()
    assert (out["response"], out["aggressor_action"]) == (ref["response"], ref["aggressor_action"])
    assert out["defender_payoff"] == pytest.approx(ref["defender_payoff"] * 1e90, rel=1e-9)


def test_tajikistan_and_burden_core_ranges_say_why():
    """Stakes x GDP and requirement x unit cost gave inf - inf = nan payoffs at 1e300: the ranges stop where
    the arithmetic does, and the refusal says why."""
    from models import BurdenCore, TajikistanOperation

    with pytest.raises(ValueError, match=r"^other_stake must be <= 1000000000000.0 \(larger values make the "
                                         r"payoffs.*overflow"):
        TajikistanOperation(other_stake=1e300)
    with pytest.raises(ValueError, match=r"^unit_cost must be <= 1000000.0 \(the core and nucleolus"):
        BurdenCore(unit_cost=1e7)
    with pytest.raises(ValueError, match=r"^requirement must be >= 1 \("):
        BurdenCore(requirement=0.5)


def test_burden_core_at_small_costs():
    """A 2,500 US$ operation (50 men at 50 US$) used to fail the exact check of the core's LP point (values
    read to the dollar had more digits than the LP resolves); they are read to the thousand dollars.

    The game v(S) = max(0, b(S) - C) with b >= 0 is convex (a convex function of a sum), so its core is
    non-empty (Shapley 1971) and contains the Shapley value; both the Shapley and nucleolus cost shares are
    efficient: they add up to the cost read to the thousand dollars, 0.003 US$ million (the shares are the
    float values minus the exact ones, so up to four readings of half a thousand dollars apart).
    """
    from models import BurdenCore

    out = BurdenCore(year=1996, cost_rule="lead", unit_cost=50.0, requirement=50.0, lead_share=0.588,
                     neighbour_stake=0.4176, other_stake=0.4176).outcome()
    assert out["core_nonempty"]
    states = [k.removeprefix("shapley_share_") for k in out if k.startswith("shapley_share_")]
    assert len(states) == 4
    assert sum(out[f"shapley_share_{s}"] for s in states) == pytest.approx(0.003, abs=4 * 5e-4)
    assert sum(out[f"nucleolus_share_{s}"] for s in states) == pytest.approx(0.003, abs=4 * 5e-4)


def test_required_sanction_probability_with_the_smallest_fine():
    """fine = 5e-324 used to divide by zero (fine * (1 - discount) underflows to 0).

    By hand (T, R, P = 6, 4, 1, discount 0.2): p >= (2 - 0.2 * 5) / (f * 0.8) = 1.25 / f: with f = 5e-324
    that is beyond the floats (inf: no sanction probability deters); with f = 3, 1 / 2.4.
    """
    from models.consensus import required_sanction_probability

    assert required_sanction_probability(6, 4, 1, 5e-324, 0.2) == math.inf
    assert required_sanction_probability(6, 4, 1, 3, 0.2) == pytest.approx(1 / 2.4, rel=1e-15)
    assert required_sanction_probability(6, 4, 1, 1e-300, 0.2) == pytest.approx(1.25e300, rel=1e-15)


def test_mobilisation_with_payoffs_orders_of_magnitude_apart():
    """attack_loss = 1e100 next to a defence cost of 1e6 made Lemke's pivots in floats end on a ray
    (RuntimeError); the model now falls back to the same parameters read as exact fractions.

    By hand: the defender's loss from an attack (1e100) dwarfs its mobilisation cost, so it mobilises whenever
    it sees nothing (and when it sees mobilisation); a revisionist who stays then still meets a false alarm
    with probability 1 - t, costing (1 - t) * spiral_cost = 1.33e16 > mobilisation_cost = 6.49e15, so it
    mobilises. Payoffs: challenger -pi * m - (1 - pi)(1 - t) s, defender -d (pi + (1 - pi)(1 - t)).
    """
    from models import MobilisationModel

    pi, t, m, s, d = 0.6664969369274288, 0.46329721174002253, 6493727431319323.0, 2.477458208163358e16, 1e6
    out = MobilisationModel(mobilisation_cost=m, spiral_cost=s, attack_gain=1.881636226973326e16,
                            attack_loss=1e100, revisionist_share=pi, transparency=t, defence_cost=d).outcome()
    assert out["revisionist_mobilises"] == 1.0 and out["defender_mobilises_unverified"] == 1.0
    assert out["attack_probability"] == 0.0 and out["regret"] == 0.0
    assert out["challenger_payoff"] == pytest.approx(-pi * m - (1 - pi) * (1 - t) * s, rel=1e-12)
    assert out["defender_payoff"] == pytest.approx(-d * (pi + (1 - pi) * (1 - t)), rel=1e-12)


@pytest.mark.parametrize("rho", [-2.1e-241, 1e-9, -1e-14])
def test_alliance_ces_near_cobb_douglas(rho):
    """rho = -2e-241 used to divide a log-sum that is 0 + O(rho) in floats by rho: utilities of 1e225 in logs,
    inf - inf in the numeric regret. CES tends to Cobb-Douglas as rho -> 0 (Arrow et al. 1961):
    x^(1 - a) d^a; for x = 4, d = 1, a = 0.3 that is 4^0.7 = 2.639015821545788...
    """
    m = PublicGoodAlliance(alpha=0.3, utility="ces", rho=rho)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        u = m.utility_of([4.0, 0.0], [1.0, 1.0])
        out = PublicGoodAlliance(incomes=(1e300,), utility="ces", rho=rho, alpha=0.5, private_share=0.36).outcome()
    assert u[0] == pytest.approx(4 ** 0.7, rel=1e-8) and u[1] == 0.0
    assert out["verified"] and out["n_contributors"] == 1

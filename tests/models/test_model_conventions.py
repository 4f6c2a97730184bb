"""Every model in ``models/`` follows DESIGN.md's conventions.

A model is a frozen dataclass with ``game()`` and ``outcome()``; every parameter has a default, a unit,
a one-line meaning and (for a number) a declared range that ``__post_init__`` enforces with an error
naming the parameter; ``outcome()`` returns a flat record; ``dataclasses.replace`` makes valid
variants. The models are discovered by walking the package, so a new model is checked without
being listed here.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import math
import numbers
import pkgutil

import numpy as np
import pytest

import games
import models
from games.anonymous import AnonymousGame
from games.threshold import ThresholdGame
from models.base import describe


def _model_classes() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(models.__path__, "models."):
        module = importlib.import_module(info.name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if obj.__module__ == module.__name__ and callable(getattr(obj, "game", None)) \
                    and callable(getattr(obj, "outcome", None)):
                found.append(obj)
    return sorted(found, key=lambda c: (c.__module__, c.__name__))


MODELS = _model_classes()
IDS = [c.__name__ for c in MODELS]

#: Games that are not a ``NormalFormGame``, and why: many-player games kept compact.
COMPACT_GAMES = {
    AnonymousGame: "identical players (n up to 1,000): payoffs by counts, the 2^n table only via to_normal_form()",
    ThresholdGame: "players with unequal capacities (tens of members): solved by structure, "
                   "to_normal_form() for small n",
}

#: Outcome keys that hold a tuple or a dict (one entry per member/ally/equilibrium); each must be
#: documented in the model's ``outcome`` docstring.
NESTED_OUTCOMES = {
    "PublicGoodAlliance": {"contributions", "burden", "contributors", "free_riders", "private_consumption"},
    "Aggregation": {"pure_contributors", "mixed_p"},
    "CostSharing": {"initial_shares", "left_in_period"},
    "TajikistanOperation": {"contributors", "free_riders", "actual_participants", "equilibria", "contingents",
                            "values", "costs", "cost_share_of_gdp"},
}

#: Models whose outcome reports no equilibrium from games.equilibria, and what they report instead.
NO_SOLVER_EQUILIBRIUM = {
    "CollectiveRisk": "replicator fixed points and a stationary distribution (games.group_dynamics)",
}

SCALARS = (numbers.Number, np.number, np.bool_, bool, str, type(None))


def _is_numeric(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _numeric_fields(cls: type) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if _is_numeric(f.default)]


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict]:
    return {cls.__name__: cls().outcome() for cls in MODELS}


def test_the_walk_finds_every_model():
    names = set(IDS)
    assert {"ResponseModel", "ThresholdPublicGood", "VolunteersDilemma", "Aggregation", "UnequalCapacities",
            "CollectiveRisk", "CostSharing", "PublicGoodAlliance", "TajikistanOperation", "ReciprocityRegime",
            "EscalationModel", "LabellingModel", "LeadershipModel", "SecurityDilemmaModel"} <= names


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_frozen_dataclass_with_documented_parameters(cls):
    assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen
    model = cls()
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(model, dataclasses.fields(cls)[0].name, None)
    rows = describe(model)
    assert [r["name"] for r in rows] == [f.name for f in dataclasses.fields(cls)]
    for row in rows:
        assert row["unit"].strip(), f"{cls.__name__}.{row['name']} has no unit"
        assert row["meaning"].strip(), f"{cls.__name__}.{row['name']} has no meaning"
        assert "\n" not in row["meaning"], f"{cls.__name__}.{row['name']}: the meaning is one line"


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_every_number_declares_its_range(cls):
    """A numeric parameter has a declared range, or says explicitly that any finite number will do."""
    for f in _numeric_fields(cls):
        meta = f.metadata
        assert any(k in meta for k in ("low", "high", "unbounded", "choices")), \
            f"{cls.__name__}.{f.name} declares no range (param(..., low=, high=) or unbounded=True)"
        assert describe(cls())[[g.name for g in dataclasses.fields(cls)].index(f.name)]["range"]


def _outside(meta: dict) -> list[float]:
    """Values just outside a declared range."""
    bad = []
    if meta.get("low") is not None:
        bad.append(meta["low"] if meta.get("low_open") else meta["low"] - 1)
    if meta.get("high") is not None:
        bad.append(meta["high"] if meta.get("high_open") else meta["high"] + 1)
    return bad


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_values_outside_a_declared_range_are_refused_by_name(cls):
    model = cls()
    for f in _numeric_fields(cls):
        meta = dict(f.metadata)
        if meta.get("choices") is not None:
            continue
        for value in _outside(meta):
            value = int(value) if meta.get("integer") else value
            with pytest.raises(ValueError, match=f.name):
                dataclasses.replace(model, **{f.name: value})
        with pytest.raises(TypeError, match=f.name):
            dataclasses.replace(model, **{f.name: "high"})
        if not meta.get("integer"):
            for value in (float("nan"), float("inf")):
                with pytest.raises(ValueError, match=f.name):
                    dataclasses.replace(model, **{f.name: value})


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_categorical_parameters_refuse_unknown_choices(cls):
    model = cls()
    for f in dataclasses.fields(cls):
        if f.metadata.get("choices") is not None:
            with pytest.raises(ValueError, match=f"{f.name} must be one of"):
                dataclasses.replace(model, **{f.name: "no such choice"})


def _nudged(meta: dict, value: float) -> list[float]:
    """Small moves of ``value`` up and down (integers by one), in that order."""
    if meta.get("integer"):
        return [value + 1, value - 1]
    step = 0.01 * max(abs(value), 1.0)
    return [value + step, value - step]


def _inside(meta: dict, value: float) -> bool:
    low, high = meta.get("low"), meta.get("high")
    if low is not None and (value < low or (meta.get("low_open") and value == low)):
        return False
    if high is not None and (value > high or (meta.get("high_open") and value == high)):
        return False
    return True


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_replace_with_each_number_nudged_still_validates(cls):
    """``dataclasses.replace`` with one number moved a little inside its range gives a valid model."""
    model = cls()
    for f in _numeric_fields(cls):
        candidates = [v for v in _nudged(dict(f.metadata), getattr(model, f.name)) if _inside(f.metadata, v)]
        assert candidates, f"{cls.__name__}.{f.name}: no nudge stays inside its range"
        errors = []
        for v in candidates:
            try:
                variant = dataclasses.replace(model, **{f.name: v})
            except ValueError as err:   # a cross-parameter limit (e.g. quorum <= members) may bind one way
                errors.append(err)
                continue
            assert getattr(variant, f.name) == v
            break
        else:
            pytest.fail(f"{cls.__name__}.{f.name}: every nudge was refused: {errors}")


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_outcome_of_the_defaults_is_a_flat_record(cls, outcomes):
    out = outcomes[cls.__name__]
    assert isinstance(out, dict) and out
    nested = NESTED_OUTCOMES.get(cls.__name__, set())
    doc = inspect.getdoc(cls.outcome) or ""
    for key, value in out.items():
        assert isinstance(key, str)
        if key in nested:
            assert f"``{key}``" in doc, f"{cls.__name__}.outcome() does not document {key!r}"
            assert isinstance(value, (tuple, dict)), (key, type(value))
            inner = value.values() if isinstance(value, dict) else value
            for item in inner:   # one level only: scalars, or tuples of scalars (a set of states)
                items = item if isinstance(item, tuple) else (item,)
                assert all(isinstance(v, SCALARS) for v in items), (key, item)
        else:
            assert isinstance(value, SCALARS), f"{cls.__name__}.outcome()[{key!r}] is a {type(value).__name__}"


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_outcome_reports_its_verification(cls, outcomes):
    """Models that report equilibria report how well they were verified (a regret near 0)."""
    out = outcomes[cls.__name__]
    regrets = {k: v for k, v in out.items() if "regret" in k and k != "rule_regret" and _is_numeric(v)}
    checks = {k: v for k, v in out.items() if k in ("verified", "spe_is_nash", "final_is_equilibrium")}
    if cls.__name__ in NO_SOLVER_EQUILIBRIUM:
        pytest.skip(NO_SOLVER_EQUILIBRIUM[cls.__name__])
    assert regrets or checks, f"{cls.__name__}.outcome() reports no regret or verification"
    for k, v in regrets.items():
        assert math.isnan(v) or 0 <= v <= 1e-7, (k, v)
    for k, v in checks.items():
        assert v is True or (isinstance(v, float) and math.isnan(v)), (k, v)


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_game_is_a_normal_form_or_a_documented_compact_game(cls):
    game = cls().game()
    if isinstance(game, games.NormalFormGame):
        return
    kind = next((k for k in COMPACT_GAMES if isinstance(game, k)), None)
    assert kind is not None, f"{cls.__name__}.game() returns a {type(game).__name__}"
    normal = game.to_normal_form()
    assert isinstance(normal, games.NormalFormGame)
    assert normal.num_players == game.n


# ---------------------------------------------------------------------------------------------- gaps closed
def test_reciprocity_refuses_bad_parameters_at_construction():
    """The regime used to accept noise = 2 until game() was called; now the constructor refuses it."""
    from models.reciprocity import ReciprocityRegime

    with pytest.raises(ValueError, match="noise must be <= 1; got 2"):
        ReciprocityRegime(noise=2)
    with pytest.raises(ValueError, match="quorum must be between 1 and members"):
        ReciprocityRegime(members=3, quorum=4)
    with pytest.raises(ValueError, match="partners must be an integer >= 0"):
        ReciprocityRegime(partners=-1)


@pytest.mark.parametrize("make, error, match", [
    (lambda m: m.CostSharing(benefits=(1.0, float("nan"), 1.0, 1.0)), ValueError, "benefits must be finite"),
    (lambda m: m.CostSharing(lead=4), ValueError, r"lead must be an integer between 0 and 3"),
    (lambda m: m.CostSharing(periods=0), ValueError, "periods must be an integer >= 1"),
    (lambda m: m.ThresholdPublicGood(threshold=2.5), TypeError, "threshold must be an integer"),
    (lambda m: m.UnequalCapacities(requirement=0.0), ValueError, "requirement must be > 0"),
    (lambda m: m.CollectiveRisk(mu=0.0), ValueError, "mu must be > 0"),
    (lambda m: m.VolunteersDilemma(n=True), TypeError, "n must be an integer"),
])
def test_burden_sharing_bad_input(make, error, match):
    import models.burden_sharing as bs

    with pytest.raises(error, match=match):
        make(bs)


def test_alliance_rho_is_checked_whatever_the_utility():
    from models.alliances import PublicGoodAlliance

    with pytest.raises(ValueError, match="rho must be < 1"):
        PublicGoodAlliance(rho=1.5)


def test_describe_shows_each_range():
    from models.leadership import MAX_MEMBERS, LeadershipModel
    from models.responses import ResponseModel

    rows = {r["name"]: r["range"] for r in describe(ResponseModel())}
    assert rows["surprise"] == "[0, 1]"
    assert rows["aggressor_strength"] == "> 0"
    assert rows["stake"] == ">= 0"
    assert rows["collective_members"] == "integer >= 1"
    leader = {r["name"]: r["range"] for r in describe(LeadershipModel())}
    assert leader["members"] == f"integer in [2, {MAX_MEMBERS}]"


def test_tree_models_report_the_spe_regret_from_the_normal_form():
    """The subgame-perfect profile is looked up among games.equilibria's pure equilibria (Kuhn's theorem)."""
    from models.escalation import EscalationModel
    from models.responses import ResponseModel

    for model in (ResponseModel(), ResponseModel(urgency=0.1, aggressor_gain=2.0),
                  EscalationModel(regime="discretionary"), EscalationModel(escalation_probability=0.9)):
        out = model.outcome()
        game = model.game()
        profile = model.tree().profile(model.solve().plan)
        pure = [np.eye(n)[k] for n, k in zip(game.shape, profile)]
        assert out["spe_is_nash"] and game.is_nash(pure)
        assert out["regret"] == pytest.approx(float(game.regret(pure)), abs=1e-12)

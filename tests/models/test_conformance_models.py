"""Conformance of every registered model: one generic test per property, parametrised over the registry.

A model registers with :func:`models.registry.register_model` (its claim, citation and headline report
sections). Each registered class must be a frozen dataclass whose parameters are declared with
:func:`models.base.param` (default, unit, one-line meaning and, for a number, a range enforced by name);
``describe()`` lists them; its claim is the essay's sentence verbatim (unless it cites another source);
``outcome()`` of the defaults is a flat dict of scalars, so ``games.sweep(Model(), grid)`` sweeps it with
no wrapper; each headline has a registered report section; and every equilibrium it reports carries
its regret. A model class defined in the package but not registered is an error. (This file replaces
``test_model_conventions.py``; its model-specific checks are kept at the end.)
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import math
import numbers
import pkgutil

import numpy as np
import pandas as pd
import pytest

import games
import models
from games.anonymous import AnonymousGame
from games.sweep import grid_value
from games.threshold import ThresholdGame
from models.base import describe
from models.registry import ESSAY, load_sections, registered_models

MODELS = registered_models()
IDS = [c.__name__ for c in MODELS]

#: Games that are not a ``NormalFormGame``, and why: many-player games kept compact.
COMPACT_GAMES = {
    AnonymousGame: "identical players (n up to 1,000): payoffs by counts, the 2^n table only via to_normal_form()",
    ThresholdGame: "players with unequal capacities (tens of members): solved by structure, "
                   "to_normal_form() for small n",
}

#: Models whose outcome reports no equilibrium from games.equilibria, and what they report instead.
NO_SOLVER_EQUILIBRIUM = {
    "CollectiveRisk": "replicator fixed points and a stationary distribution (games.group_dynamics)",
}

#: Outcome keys holding a regret that is not an equilibrium's (a rule's shortfall against the best choice).
NOT_EQUILIBRIUM_REGRETS = {"rule_regret"}

SCALARS = (numbers.Number, np.number, np.bool_, bool, str, type(None))


def _is_numeric(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _numeric_fields(cls: type) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if _is_numeric(f.default)]


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict]:
    return {cls.__name__: cls().outcome() for cls in MODELS}


# ------------------------------------------------------------------------------------------- the registry
def _defined_model_classes() -> list[type]:
    """Every class of the package's modules with ``game()`` and ``outcome()`` (a model, registered or not)."""
    found = []
    for info in pkgutil.walk_packages(models.__path__, "models."):
        module = importlib.import_module(info.name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if obj.__module__ == module.__name__ and callable(getattr(obj, "game", None)) \
                    and callable(getattr(obj, "outcome", None)):
                found.append(obj)
    return found


def test_the_registry_holds_every_model():
    names = set(IDS)
    assert {"ResponseModel", "ThresholdPublicGood", "VolunteersDilemma", "Aggregation", "UnequalCapacities",
            "CollectiveRisk", "CostSharing", "PublicGoodAlliance", "TajikistanOperation", "ReciprocityRegime",
            "EscalationModel", "LabellingModel", "LeadershipModel", "SecurityDilemmaModel"} <= names
    unregistered = [c.__qualname__ for c in _defined_model_classes() if c not in MODELS]
    assert not unregistered, f"model classes not registered with @register_model: {unregistered}"


def test_the_registry_keeps_the_reports_order():
    """Registration order is the import order of models/__init__.py: the report's order."""
    order = [IDS.index(n) for n in ("ResponseModel", "VolunteersDilemma", "PublicGoodAlliance",
                                    "TajikistanOperation", "ReciprocityRegime", "EscalationModel",
                                    "LabellingModel", "LeadershipModel", "SecurityDilemmaModel")]
    assert order == sorted(order)


def test_import_models_exports_every_model_without_matplotlib():
    import subprocess
    import sys

    code = ("import sys, models; from models.registry import MODELS; "
            "assert all(getattr(models, n) is c and n in models.__all__ for n, c in MODELS.items()); "
            "print(len(MODELS), 'matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    count, mpl = out.stdout.split()
    assert int(count) == len(MODELS) and mpl == "False"


# ------------------------------------------------------------------------------------------- declaration
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
        assert row["value"] == getattr(model, row["name"])


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_every_number_declares_its_range(cls):
    """A numeric parameter has a declared range, or says explicitly that any finite number will do."""
    for f in _numeric_fields(cls):
        meta = f.metadata
        assert any(k in meta for k in ("low", "high", "unbounded", "choices")), \
            f"{cls.__name__}.{f.name} declares no range (param(..., low=, high=) or unbounded=True)"
        assert describe(cls())[[g.name for g in dataclasses.fields(cls)].index(f.name)]["range"]


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_claim_citation_and_headlines(cls, essay, normalise):
    """The claim is a sentence quoted verbatim from its source (checked against the essay when it cites it)."""
    assert isinstance(cls.claim, str) and len(cls.claim.split()) >= 6
    assert isinstance(cls.citation, str) and cls.citation.strip()
    assert isinstance(cls.headlines, tuple) and all(isinstance(h, str) for h in cls.headlines)
    if cls.citation == ESSAY:
        assert normalise(cls.claim) in essay, f"{cls.__name__}.claim is not the essay's words: {cls.claim!r}"


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_every_headline_has_a_registered_section(cls):
    sections = load_sections()
    for slug in cls.headlines:
        assert slug in sections, f"{cls.__name__} declares the headline {slug!r}; no section is registered under it"
        assert sections[slug].model is cls


# ------------------------------------------------------------------------------------------- validation
def _outside(meta: dict) -> list[float]:
    """Values just outside a declared range."""
    bad = []
    if meta.get("low") is not None:  # (a bound of 1e100 does not move by 1: step to the next float at least)
        bad.append(meta["low"] if meta.get("low_open") else min(meta["low"] - 1,
                                                                 math.nextafter(meta["low"], -math.inf)))
    if meta.get("high") is not None:
        bad.append(meta["high"] if meta.get("high_open") else max(meta["high"] + 1,
                                                                    math.nextafter(meta["high"], math.inf)))
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


def _valid_nudge(cls: type, f: dataclasses.Field) -> tuple[float | None, list[Exception]]:
    """A value of ``f`` a little away from the default, inside its range, that makes a valid model."""
    model, errors = cls(), []
    for v in (v for v in _nudged(dict(f.metadata), getattr(model, f.name)) if _inside(f.metadata, v)):
        try:
            variant = dataclasses.replace(model, **{f.name: v})
        except ValueError as err:   # a cross-parameter limit (e.g. quorum <= members) may bind one way
            errors.append(err)
            continue
        assert getattr(variant, f.name) == v
        return v, errors
    return None, errors


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_replace_with_each_number_nudged_still_validates(cls):
    """``dataclasses.replace`` with one number moved a little inside its range gives a valid model."""
    for f in _numeric_fields(cls):
        assert any(_inside(f.metadata, v) for v in _nudged(dict(f.metadata), getattr(cls(), f.name))), \
            f"{cls.__name__}.{f.name}: no nudge stays inside its range"
        value, errors = _valid_nudge(cls, f)
        assert value is not None, f"{cls.__name__}.{f.name}: every nudge was refused: {errors}"


# ------------------------------------------------------------------------------------------- the outcome
@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_outcome_of_the_defaults_is_a_flat_dict_of_scalars(cls, outcomes):
    out = outcomes[cls.__name__]
    assert isinstance(out, dict) and out
    for key, value in out.items():
        assert isinstance(key, str)
        assert isinstance(value, SCALARS), \
            f"{cls.__name__}.outcome()[{key!r}] is a {type(value).__name__}: move nested data to another method"


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_games_sweep_runs_the_model_without_a_wrapper(cls, outcomes):
    """``games.sweep(Model(), {first numeric parameter: [default, a nudge inside its range]})``: two rows,
    the parameter's column holds the grid, and the default's row is the default's outcome."""
    field, value = next(((f, v) for f in _numeric_fields(cls) for v in [_valid_nudge(cls, f)[0]] if v is not None),
                        (None, None))
    if field is None:
        pytest.skip(f"{cls.__name__} has no numeric parameter")
    default = getattr(cls(), field.name)
    df = games.sweep(cls(), {field.name: [default, value]}, progress=False)
    assert isinstance(df, pd.DataFrame) and len(df) == 2
    assert df[field.name].tolist() == [grid_value(default), grid_value(value)]   # the decimals asked for
    row = df.iloc[0]
    for key, v in outcomes[cls.__name__].items():
        if isinstance(v, float) and math.isnan(v):
            assert math.isnan(row[key]), key
        else:
            assert row[key] == v, key


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_every_equilibrium_it_reports_carries_its_regret(cls, outcomes):
    """Models that report equilibria report how well they were verified: a regret near 0 (or nan: none found)."""
    out = outcomes[cls.__name__]
    if cls.__name__ in NO_SOLVER_EQUILIBRIUM:
        pytest.skip(NO_SOLVER_EQUILIBRIUM[cls.__name__])
    regrets = {k: v for k, v in out.items() if "regret" in k and k not in NOT_EQUILIBRIUM_REGRETS}
    assert regrets, f"{cls.__name__}.outcome() reports no regret"
    for k, v in regrets.items():
        assert _is_numeric(v), (k, v)
        assert math.isnan(v) or 0 <= v <= 1e-7, (k, v)
    checks = {k: v for k, v in out.items() if k in ("verified", "spe_is_nash", "final_is_equilibrium")}
    for k, v in checks.items():
        assert v is True or (isinstance(v, float) and math.isnan(v)), (k, v)
    table = getattr(cls(), "equilibria_table", None)
    if callable(table):
        df = table()
        assert "regret" in df.columns, f"{cls.__name__}.equilibria_table() has no regret column"
        assert (df["regret"].dropna() <= 1e-7).all()


@pytest.mark.parametrize("cls", MODELS, ids=IDS)
def test_game_is_a_normal_form_or_a_documented_compact_game(cls):
    game = cls().game()
    if isinstance(game, games.NormalFormGame):
        return
    kind = next((k for k in COMPACT_GAMES if isinstance(game, k)), None)
    assert kind is not None, f"{cls.__name__}.game() returns a {type(game).__name__}"
    normal = game.to_normal_form()
    assert isinstance(normal, games.NormalFormGame)
    assert normal.num_players == game.num_players


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
    assert rows["stake"] == "[0, 1e+100]" and rows["unilateral_power"] == ">= 0"
    assert rows["collective_members"] == "integer >= 1"
    leader = {r["name"]: r["range"] for r in describe(LeadershipModel())}
    assert leader["members"] == f"integer in [2, {MAX_MEMBERS}]"


def test_categorical_check_is_games_validations():
    """models.base validates choices with games.validation.check_choice (one implementation, one message)."""
    import models.base
    from games.validation import check_choice

    assert models.base.check_choice is check_choice
    assert "check_choice" not in models.base.__all__
    assert models.base.ESSAY is models.registry.ESSAY
    from models.escalation import EscalationModel

    with pytest.raises(ValueError, match="regime must be one of 'automatic', 'discretionary'; got 'x'"):
        EscalationModel(regime="x")


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

"""models: the essay's world.

Each module formalises claims of V. Petrovsky's essay *International Security Regimes, Conflict
Resolution and Peace Support Operations in the CIS* as small, documented, parameterised models that build
games with :mod:`games` and report their outcomes. A model is a frozen dataclass registered with
:func:`models.registry.register_model`, which declares its claim (the essay's sentence), its citation and
its headline report sections: every parameter has a default, a unit and a one-line meaning (see
:func:`models.base.describe`); ``game()`` builds the game; ``outcome()`` returns a flat dict of scalars, so
``games.sweep(Model(), {"param": [...]})`` sweeps any model; :func:`dataclasses.replace` makes variants.
Models never implement solvers.

Importing the package imports every model module, in the order the report shows them (that order is the
registration order), and exports every registered model class by name. matplotlib is not imported.

Examples
--------
>>> import models
>>> models.ResponseModel is models.registry.MODELS["ResponseModel"]
True
>>> "SecurityDilemmaModel" in models.__all__
True
"""

import importlib

from . import registry

#: The model modules, in the report's order: importing them registers their models in this order.
MODEL_MODULES = tuple(importlib.import_module(f"{__name__}.{name}") for name in (
    "responses", "burden_sharing", "alliances", "tajikistan", "reciprocity", "escalation", "labelling",
    "leadership", "security_dilemma", "cases", "consultation", "consensus", "burden_core", "imminent_threat",
    "mobilisation"))

globals().update(registry.MODELS)

__all__ = ["MODEL_MODULES", "registry", *registry.MODELS]

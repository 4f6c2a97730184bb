"""models: the essay's world.

Each module formalises claims of V. Petrovsky's essay *International Security Regimes, Conflict
Resolution and Peace Support Operations in the CIS* as small, documented, parameterised models that build
games with :mod:`games` and report their outcomes. A model is a frozen dataclass: every parameter has a
default, a unit and a one-line meaning (see :func:`models.base.describe`); ``game()`` builds the game;
``outcome()`` returns a flat dict of named results; :func:`dataclasses.replace` makes variants for sweeps.
Models never implement solvers.
"""

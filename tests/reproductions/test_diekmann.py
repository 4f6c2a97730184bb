"""Diekmann, A. (1985). Volunteer's Dilemma. Journal of Conflict Resolution 29(4), 605-610.

Published result: with N players, benefit U if at least one volunteers and cost K < U to a volunteer, the
symmetric mixed equilibrium has each player *not* volunteering with probability q = (K/U)^(1/(N-1)),
so nobody volunteers with probability q^N = (K/U)^(N/(N-1)), which rises with N towards K/U.
The closed forms are computed here; the equilibrium they are compared with is the one the engine finds in the
model's game (``AnonymousGame.symmetric_equilibria``: the roots of the gain polynomial), not the model's own
closed-form outcome.
"""

from __future__ import annotations

import pytest

from models.burden_sharing import VolunteersDilemma


@pytest.mark.parametrize("n", [2, 3, 4, 10, 32, 100, 193, 1000])
@pytest.mark.parametrize("U,K", [(1.0, 0.5), (10.0, 1.0), (4.0, 3.0)])
def test_symmetric_equilibrium_matches_published_closed_form(n, U, K):
    mixed = [eq for eq in VolunteersDilemma(n=n, benefit=U, cost=K).game().symmetric_equilibria() if not eq.is_pure]
    assert len(mixed) == 1                                   # Diekmann: one symmetric mixed equilibrium
    q = (K / U) ** (1.0 / (n - 1))
    p_volunteer = float(mixed[0].strategy[1])
    assert abs(p_volunteer - (1 - q)) < 1e-9
    assert abs((1 - p_volunteer) ** n - (K / U) ** (n / (n - 1))) < 1e-9
    out = VolunteersDilemma(n=n, benefit=U, cost=K).outcome()  # and the model reports that equilibrium
    assert abs(out["p_volunteer"] - p_volunteer) < 1e-9


def test_nobody_volunteers_probability_rises_with_n_towards_cost_ratio():
    """Diekmann's comparative static: the larger the group, the likelier that nobody volunteers."""
    values = []
    for n in (2, 3, 5, 10, 100, 1000):
        game = VolunteersDilemma(n=n, benefit=1.0, cost=0.2).game()
        (mixed,) = [e for e in game.symmetric_equilibria() if not e.is_pure]
        values.append((1 - float(mixed.strategy[1])) ** n)
    assert values == sorted(values)
    assert abs(values[-1] - 0.2) < 1e-3   # (0.2)^(1000/999) -> K/U = 0.2 as N grows

"""Diekmann, A. (1985). Volunteer's Dilemma. Journal of Conflict Resolution 29(4), 605-610.

Published result: with N players, benefit U if at least one volunteers and cost K < U to a volunteer, the
symmetric mixed equilibrium has each player *not* volunteering with probability q = (K/U)^(1/(N-1)),
so nobody volunteers with probability q^N = (K/U)^(N/(N-1)), which rises with N towards K/U.
The closed forms are computed here independently of the engine.
"""

from __future__ import annotations

import pytest

from models.burden_sharing import VolunteersDilemma


@pytest.mark.parametrize("n", [2, 3, 4, 10, 32, 100, 193, 1000])
@pytest.mark.parametrize("U,K", [(1.0, 0.5), (10.0, 1.0), (4.0, 3.0)])
def test_symmetric_equilibrium_matches_published_closed_form(n, U, K):
    out = VolunteersDilemma(n=n, benefit=U, cost=K).outcome()
    q = (K / U) ** (1.0 / (n - 1))
    assert abs(out["p_volunteer"] - (1 - q)) < 1e-9
    assert abs(out["p_nobody"] - (K / U) ** (n / (n - 1))) < 1e-9


def test_nobody_volunteers_probability_rises_with_n_towards_cost_ratio():
    """Diekmann's comparative static: the larger the group, the likelier that nobody volunteers."""
    values = [VolunteersDilemma(n=n, benefit=1.0, cost=0.2).outcome()["p_nobody"] for n in (2, 3, 5, 10, 100, 1000)]
    assert values == sorted(values)
    assert abs(values[-1] - 0.2) < 1e-3   # (0.2)^(1000/999) -> K/U = 0.2 as N grows

"""Leadership: privileged groups and k-groups in a collective response.

The essay: "A leading power and/or coalition of powers should always take a lead in a crisis
management effort". The thresholds come from :meth:`models.leadership.LeadershipModel.closed_form`, the
k-group from the pure equilibria of :meth:`models.leadership.LeadershipModel.game`.

Examples
--------
>>> from models.exercises import generate
>>> generate("leadership", 0).answer["privileged"] in ("yes", "no")
True
"""

from __future__ import annotations

from fractions import Fraction
from math import ceil

import games
from models.leadership import LeadershipModel

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import exact, nice, plural
from ..text import tex_number as tex

__all__: list[str] = []

_LEAD_SHARES = [Fraction(1, 4), Fraction(1, 3), Fraction(1, 2), Fraction(2, 3), Fraction(3, 4)]


def _k_group(model: LeadershipModel) -> int:
    """The smallest coalition that mounts the response in a pure equilibrium of the model's game (0 if none)."""
    sizes = []
    for eq in games.equilibria(model.game(), method="pure"):
        prof = [s[0] for s in eq.supports]
        if model.leader_capacity * prof[0] + model.follower_capacity * sum(prof[1:]) >= model.required_force:
            sizes.append(sum(prof))
    return min(sizes, default=0)


@exercise_topic("leadership", title="Leadership: privileged groups and k-groups",
                summary="how many followers a lead power needs, the shares they accept, the k-group")
def leadership(draw: Draw) -> Exercise | None:
    """A pledge game: lead power with f_L forces, followers with f_F each, force F needed, cost C shared."""
    n = int(draw.rng.integers(3, 7))
    ff, fl = int(draw.rng.integers(1, 3)), int(draw.rng.integers(1, 6))
    force = int(draw.rng.integers(fl + 1, fl + ff * (n - 1) + 1))
    cost = draw.choice([6, 8, 10, 12])
    bl, bf, e = int(draw.rng.integers(2, 16)), int(draw.rng.integers(2, 7)), 1
    m, m0 = ceil(Fraction(force - fl, ff)), ceil(Fraction(force, ff))
    lo, hi = 1 - Fraction(m * (bf - e), cost), Fraction(bl - e, cost)
    inside = [v for v in _LEAD_SHARES if lo < v < hi]
    lam = draw.choice(inside if inside and draw.rng.random() < 0.75 else _LEAD_SHARES)   # led coalitions often
    leaderless = m0 <= n - 1 and bf - Fraction(cost, m0) - e >= 0
    if m * ff >= force or lam in (lo, hi) or (m0 <= n - 1 and bf - Fraction(cost, m0) - e == 0) \
            or bl - cost - e == 0 or not 0 < lo < 1 or hi > Fraction(3, 2):
        return None
    if not (nice(lo, 12) and nice(hi, 12)):
        return None
    params = {"members": n, "required_force": force, "follower_capacity": ff, "operation_cost": cost,
              "lead_share": lam, "leader_benefit": bl, "follower_benefit": bf, "pledge_cost": e}
    model = LeadershipModel(leader_capacity=fl, **params)
    cf = model.closed_form()
    alone = LeadershipModel(leader_capacity=force, **params).closed_form()["privileged"]
    k = 1 + m if lo <= lam <= hi else (m0 if leaderless else 0)
    got = (cf["followers_needed"], exact(cf["min_lead_share"], "min share"),
           exact(cf["max_lead_share"], "max share"), _k_group(model), bool(alone))
    if got != (m, lo, hi, k, bl - cost - e > 0):
        raise RuntimeError(f"leadership {params}, forces {fl}: model {got} differs from the "  # pragma: no cover
                           f"closed form {(m, lo, hi, k)}")
    if k == 1 + m:
        riders = n - k
        verdict = (rf"$\lambda = {tex(lam)}$ lies in $[{tex(lo)}, {tex(hi)}]$, so the lead power and "
                   f"{plural(m, 'follower')} mount the response: the k-group has {k} members and "
                   + ("nobody free-rides." if riders == 0 else
                      f"{plural(riders, 'state')} {'free-rides' if riders == 1 else 'free-ride'}."))
    else:
        where = (rf"no share satisfies both (${tex(lo)} > {tex(hi)}$)" if lo > hi else
                 rf"$\lambda = {tex(lam)}$ lies outside $[{tex(lo)}, {tex(hi)}]$")
        verdict = (where + ", so no led coalition is stable. "
                   + (rf"Followers alone need {plural(m0, 'state')}, each paying $C/{m0} + e = "
                      rf"{tex(Fraction(cost, m0) + e)} \le b_F = {bf}$: they act, and the k-group has "
                      f"{plural(k, 'member')}." if leaderless else
                      "Followers alone cannot (or will not) mount it either: the k-group is empty (0), no response."))
    pivotal = ("The follower is pivotal; it contributes" if m == 1 else
               f"Each of the {m} followers is pivotal; one contributes")
    steps = [
        rf"With the lead power's {plural(fl, 'unit')} of force, the response needs "
        rf"$\lceil ({force} - {fl})/{ff} \rceil = {m}$ {'follower' if m == 1 else 'followers'} "
        + (f"(followers alone would need {plural(m0, 'state')})." if m0 <= n - 1 else
           "(followers alone cannot mount it)."),
        rf"{pivotal} when $b_F - (1-\lambda) C/{m} - e \ge 0$, "
        rf"i.e. $\lambda \ge 1 - {m}(b_F - e)/C = {tex(lo)}$.",
        rf"The lead power is pivotal too; it contributes when $b_L - \lambda C - e \ge 0$, i.e. "
        rf"$\lambda \le (b_L - e)/C = {tex(hi)}$.",
        verdict,
        rf"Alone the lead power would pay all of $C$: $b_L - C - e = {bl - cost - e}$, so with enough force the "
        f"group {'is' if alone else 'is not'} privileged.",
    ]
    return draw.exercise(
        question=(f"A group of {n} states (a lead power and {n - 1} followers) decides who joins a collective "
                  rf"response that needs a force of $F = {force}$: the lead power brings $f_L = {fl}$ "
                  rf"{'unit' if fl == 1 else 'units'} of force, each follower $f_F = {ff}$. If mounted, every "
                  rf"member benefits ($b_L = {bl}$ for the lead power, $b_F = {bf}$ for each follower, free riders "
                  rf"included) and the contributors pay the cost $C = {cost}$: the lead power carries a share "
                  rf"$\lambda = {tex(lam)}$, the contributing followers split the rest (whoever acts alone pays all). "
                  rf"Each contributor also pays a cost $e = {e}$ to prepare its forces. (a) How many followers must "
                  r"join the lead power? (b) The least share $\lambda$ at which those followers join, and (c) the "
                  "largest the lead power accepts? (d) How many states are in the smallest coalition that mounts "
                  "the response in a pure equilibrium (the k-group; 0 if none)? (e) If the lead power could mount "
                  "the response alone, would it (is the group privileged: 'yes' or 'no')?"),
        answer={"followers_needed": m, "min_lead_share": lo, "max_lead_share": hi, "k_group": k,
                "privileged": "yes" if alone else "no"},
        labels={"followers_needed": "Followers needed", "min_lead_share": r"Least lead share $\lambda$",
                "max_lead_share": r"Largest lead share $\lambda$", "k_group": "Size of the k-group",
                "privileged": "Privileged group"},
        answer_format=("{'followers_needed': int, 'min_lead_share': fraction, 'max_lead_share': fraction, "
                       "'k_group': int, 'privileged': 'yes' | 'no'}"),
        solution=steps)

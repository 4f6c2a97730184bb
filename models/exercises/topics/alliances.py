"""Alliances: who pays for a common defence (Olson and Zeckhauser's exploitation of the great by the
small).

The essay contrasts collective security with "military alliances whose members have a distinct common
enemy"; among allies, defence is a public good and the poorer allies free-ride. The exercise's answer is
checked against :meth:`models.alliances.PublicGoodAlliance.best_response`.

Examples
--------
>>> from models.exercises import generate
>>> sorted(generate("alliances", 0).answer)
['free_riders', 'total']
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from models.alliances import PublicGoodAlliance

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import nice
from ..text import tex_number as tex

__all__: list[str] = []


@exercise_topic("alliances", title="Alliances: who pays for defence?",
                summary="the total defence and the free riders among three allies (public good, sqrt utility)")
def alliances(draw: Draw) -> Exercise | None:
    """Three allies with u = sqrt(x G); the k richest contribute and G = W_C/(k + 1)."""
    incomes = tuple(sorted((int(v) for v in draw.rng.choice(np.arange(1, 13), size=3, replace=False)), reverse=True))
    k, total = next((kk, Fraction(sum(incomes[:kk]), kk + 1)) for kk in (3, 2, 1)
                    if incomes[kk - 1] > Fraction(sum(incomes[:kk]), kk + 1))
    if k == 3 or not nice(total):
        return None
    g = [max(Fraction(w) - total, Fraction(0)) for w in incomes]
    model = PublicGoodAlliance(incomes=tuple(float(w) for w in incomes), alpha=0.5)
    for i in range(3):
        if abs(model.best_response(i, [float(v) for v in g]) - float(g[i])) > 1e-9:
            raise RuntimeError(f"alliance {incomes}: contributions {g} are not mutual best responses")
    riders = [f"ally {i + 1}" for i in range(3) if g[i] == 0]
    steps = [
        r"With $u_i = \sqrt{x_i G}$ and $x_i + g_i = w_i$, an ally who contributes sets $x_i = G$, "
        r"i.e. $g_i = w_i - G$; "
        r"an ally with $w_i \le G$ contributes nothing.",
        r"If the $k$ richest contribute, $G = \sum (w_i - G)$ over them, so $G = W_C/(k+1)$.",
    ]
    for kk in range(3, 0, -1):
        g_k = Fraction(sum(incomes[:kk]), kk + 1)
        ok = incomes[kk - 1] > g_k
        rel = ">" if ok else r"\le"
        steps.append(rf"$k = {kk}$: $G = {sum(incomes[:kk])}/{kk + 1} = {tex(g_k)}$; the poorest of them has "
                     rf"$w = {incomes[kk - 1]} {rel} G$" + (" (consistent)." if ok else " (drop it)."))
        if ok:
            break
    who = " and ".join(riders)
    steps.append(rf"So $G = {tex(total)}$; {who} {'free-rides' if len(riders) == 1 else 'free-ride'}.")
    return draw.exercise(
        question=(f"Three allies with incomes {incomes[0]}, {incomes[1]} and {incomes[2]} (ally 1, 2, 3) each buy "
                  r"defence $g_i$, a public good: every ally enjoys $G = g_1 + g_2 + g_3$. Ally $i$'s utility is "
                  r"$\sqrt{x_i G}$ where $x_i = w_i - g_i$ is its private consumption. Find the total $G$ in "
                  "the Nash equilibrium and the allies who free-ride."),
        answer={"total": total, "free_riders": frozenset(riders)},
        labels={"total": "Total defence $G$", "free_riders": "Free riders"},
        answer_format="{'total': fraction, 'free_riders': {'ally 3', ...}}", solution=steps)

"""Report sections: sanctions by consensus (sanction probability, restraint, voting power) and burden sharing
judged by the core."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..burden_core import BurdenCore, allocation_table, core_by_year_table
from ..consensus import ConsensusSanctions, interest_table, sanction_curve_table, voting_power_table
from ..registry import report_section
from ..report_base import ReportSection
from .figure import probability_axis, report_figure

__all__ = ["sanctions_section", "voting_power_section", "burden_core_section"]


@report_section("consensus-sanctions", model=ConsensusSanctions)
def sanctions_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Probability that a violation is sanctioned, and restraint's critical discount factor, against vote noise.

    Parameters
    ----------
    quick : bool
        A coarse grid of agreement probabilities.
    executor : concurrent.futures.Executor, optional
        Unused (the table takes well under a second).

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = sanctions_section(quick=True)
    >>> sec.slug, len(sec.table)
    ('consensus-sanctions', 33)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    agrees = np.linspace(0, 1, 11 if quick else 41)
    base = ConsensusSanctions()
    df = sanction_curve_table(agrees, base)
    fig, (ax1, ax2) = report_figure(1, 2, figsize=(10, 4.2))
    for rule, part in df.groupby("rule", sort=False):
        ax1.plot(part.vote_noise, part.sanction_probability, marker=".", label=rule)
        ax2.plot(part.vote_noise, part.critical_discount, marker=".", label=rule)
    need = ConsensusSanctions().outcome()["required_sanction_probability"]
    ax1.axhline(need, color="k", lw=0.8, ls="--", label=f"needed for restraint at discount {base.discount:g}")
    ax2.axhline(base.discount, color="k", lw=0.8, ls="--", label=f"discount factor {base.discount:g}")
    ax1.set_xlabel("vote noise: chance an impartial member votes no")
    ax1.set_ylabel("probability the violation is sanctioned")
    ax1.set_title("Sanction probability by decision rule", fontsize=10)
    ax2.set_xlabel("vote noise: chance an impartial member votes no")
    probability_axis(ax1, "x", full=False)
    probability_axis(ax1, "y")
    probability_axis(ax2, "x", full=False)
    ax2.set_ylabel("critical discount factor (grim trigger)")
    ax2.set_title("Shadow of the future restraint needs", fontsize=10)
    ax1.legend(fontsize=7)
    ax2.legend(fontsize=7)
    fig.tight_layout()
    interest = interest_table(base)
    one_ally = interest[interest.aligned == "1 ally"].set_index("rule").sanction_probability
    at = df[np.isclose(df.agree, 0.8)].set_index("rule")
    text = ("Model: ConsensusSanctions. A council of six decides on a sanction (fine "
            f"{base.fine:g}) against a state that arms against a restrained partner, by consensus, by a "
            "great-power veto (one veto holder, 4 of 6 votes) or by a qualified majority (4 of 6). Left: the "
            "probability that a violation is sanctioned when each impartial member backs the sanction with "
            "probability 1 - noise (exact, from the weighted voting game). Right: the smallest discount factor "
            "at which grim-trigger reciprocity sustains restraint in the security dilemma (T, R, P, S = 6, 4, 1, 0) "
            "once the expected sanction lowers the temptation (games.repeated.critical_discount). At noise 0.2 "
            f"consensus sanctions with probability {at.loc['consensus (6 of 6)', 'sanction_probability']:.2f}, "
            f"a qualified majority with {at.loc['qualified majority (4 of 6)', 'sanction_probability']:.2f}; "
            f"restraint at discount {base.discount:g} needs at least {need:.2f}. One member siding with the "
            f"violator stops every consensus sanction (probability {one_ally['consensus (6 of 6)']:.2f}) but "
            f"not a qualified majority ({one_ally['qualified majority (4 of 6)']:.2f} at noise 0.1).")
    return ReportSection(slug="consensus-sanctions", title="Sanctions by consensus: how the rule deters",
                         claim=ConsensusSanctions.claim, text=text, figure=fig, table=df,
                         summary=(f"noise 0.2: consensus {at.loc['consensus (6 of 6)', 'sanction_probability']:.2f}, "
                                  f"majority {at.loc['qualified majority (4 of 6)', 'sanction_probability']:.2f}"))


@report_section("consensus-voting-power", model=ConsensusSanctions)
def voting_power_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Shapley-Shubik and Banzhaf power of each class of member in the UN Security Council and the CSTO council.

    Parameters
    ----------
    quick : bool
        Unused (the indices are exact and fast).
    executor : concurrent.futures.Executor, optional
        Unused.

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> voting_power_section().table.member.tolist()[:2]
    ['permanent member', 'elected member']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    df = voting_power_table()
    fig, ax = report_figure(figsize=(9, 4.2))
    labels = [f"{b}\n{m}" for b, m in zip(df.body, df.member)]
    y = np.arange(len(df))
    ax.barh(y - 0.2, df.shapley_shubik, height=0.4, label="Shapley-Shubik index")
    ax.barh(y + 0.2, df.banzhaf, height=0.4, label="Banzhaf index (normalised)")
    ax.set_yticks(y, labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("share of voting power of one member")
    ax.set_ylabel("council and member")
    ax.set_title("Voting power under vetoes and consensus", fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    unsc = df[df.body == "UN Security Council (since 1965)"].set_index("member")
    text = ("Model: ConsensusSanctions (its voting games). Power of one member of each class, exactly "
            "(games.cooperative.WeightedVotingGame). In the Security Council since 1965 a permanent member holds "
            f"{unsc.loc['permanent member', 'shapley_shubik']:.4f} of the Shapley-Shubik power and an elected "
            f"member {unsc.loc['elected member', 'shapley_shubik']:.5f} (Shapley and Shubik 1954's method; "
            "the 1945-1965 council gives 76/385 and 1/462). Under the consensus of the six CSTO members every "
            "member holds a veto and 1/6 of the power: consensus equalises power but lets any one member block.")
    return ReportSection(slug="consensus-voting-power", title="Who holds the power to sanction",
                         claim=ConsensusSanctions.claim, text=text, figure=fig, table=df,
                         summary=f"UNSC permanent member {unsc.loc['permanent member', 'shapley_shubik']:.4f}")


@report_section("burden-core", model=BurdenCore)
def burden_core_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Is an equal split of the Tajikistan operation's cost in the core, year by year? And the Shapley shares.

    Parameters
    ----------
    quick : bool
        Unused (six years, four states).
    executor : concurrent.futures.Executor, optional
        Unused.

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> int(burden_core_section().table.year.min())
    1993
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    df = core_by_year_table(["equal"])
    alloc = allocation_table()
    fig, (ax1, ax2) = report_figure(1, 2, figsize=(10, 4.2))
    for state, part in df.groupby("state", sort=False):
        ax1.plot(part.year, part.surplus, marker="o", label=state)
    ax1.axhline(0, color="k", lw=0.8, ls="--", label="leaving pays below this line")
    ax1.set_yscale("symlog", linthresh=10)
    ax1.set_xlabel("year")
    ax1.set_ylabel("value of the operation minus the equal split C/4 (US$m/yr)")
    ax1.set_title("Equal responsibility: who would rather leave", fontsize=10)
    ax1.legend(fontsize=7)
    x = np.arange(len(alloc))
    for k, col in enumerate(["equal", "shapley", "nucleolus"]):
        ax2.bar(x + (k - 1) * 0.27, alloc[col], width=0.27, label=f"{col} cost share")
    ax2.set_xticks(x, alloc.state, fontsize=8)
    ax2.set_xlabel("state")
    ax2.set_ylabel("cost borne, 1993 (US$m/yr)")
    ax2.set_title("Cost shares: equal split, Shapley value, nucleolus", fontsize=10)
    ax2.legend(fontsize=7)
    fig.tight_layout()
    kg = df[df.state == "Kyrgyzstan"].set_index("year")
    m = BurdenCore()
    text = ("Model: BurdenCore. The four states the 1993 decision prescribed, each valuing the operation's success "
            "at a share of its GDP (World Bank data; stakes assumed as in TajikistanOperation), share its cost "
            f"C = US${m.total_cost():g}m a year. A group that goes alone pays all of C, so v(S) = max(0, value(S) - C),"
            " and a rule is in the core exactly when every state values the operation at least at its share. "
            f"Left: each state's value minus its equal share C/4 (symmetric log scale). Kyrgyzstan keeps "
            f"US${kg.loc[1993, 'surplus']:.2f}m in 1993 and loses from 1994 (US${kg.loc[1994, 'surplus']:.2f}m): "
            "the equal split leaves the core, blocked by the state that withdrew in 1995-1996 for 'lack of funds'. "
            "Right: the equal split beside the Shapley value and the nucleolus of v (cost share = value minus "
            "allocation), which are in the core.")
    return ReportSection(slug="burden-core", title="Equal responsibility and the core",
                         claim=BurdenCore.claim, text=text, figure=fig, table=df,
                         summary=f"equal split in the core: {sorted(set(df[df.in_core].year))}")

"""Olson & Zeckhauser (1966), 'An Economic Theory of Alliances', Rev. Econ. Stat. 48(3): 266-279.

Published: for the 14 NATO allies of 1964 (Iceland excluded), the Spearman rank correlation between
GNP and defence budget as % of GNP is rho = .490, "significant at the .05 level". The paper's Table 1
could not be sourced here, so we (1) check that the reported rho and n are consistent with the reported
significance, (2) check the model's prediction (burden rising with income), and (3) compute the same
statistic on the NATO 2014 data we could source (models.cases.NATO_2014) and compare with an
independent rank computation (pandas).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import t as student

from models import cases
from models.alliances import PublicGoodAlliance, exploitation


def test_published_rho_is_significant_at_five_percent_one_sided():
    """rho = .490, n = 14: t = rho sqrt(12 / (1 - rho^2)) = 1.947, one-sided p = 0.038, in (.025, .05),
    and above Zar's (1972, JASA 67:578) one-tailed 5% critical value 0.457 for n = 14."""
    oz = cases.OLSON_ZECKHAUSER_1966
    rho, n = oz["spearman_rho"], oz["n"]
    tval = rho * math.sqrt((n - 2) / (1 - rho ** 2))
    p = student.sf(tval, n - 2)
    assert 0.025 < p < 0.05
    assert rho > 0.457


def test_model_predicts_exploitation_of_the_great_by_the_small():
    """The OZ/BBV equilibrium on the 2014 NATO incomes: the largest ally's burden is the largest, and
    the rank correlation of burden with income is positive (free riders tie at zero)."""
    gdp = tuple(row[1] for row in cases.NATO_2014)
    model = PublicGoodAlliance(incomes=gdp, alpha=0.05, names=tuple(r[0] for r in cases.NATO_2014))
    out = model.outcome()
    assert model.details()["contributors"] == ("United States",)
    assert out["n_contributors"] == 1 and out["n_free_riders"] == 26
    assert out["spearman_rho"] > 0 and out["verified"]


def test_nato_2014_statistic_against_pandas_ranks():
    """Our Spearman on the 2014 data equals the Pearson correlation of pandas average ranks, and the
    association is positive but not significant at 5% (one-sided): rho = 0.289, p = 0.072."""
    df = pd.DataFrame(cases.NATO_2014, columns=["ally", "gdp", "burden"])
    ours = exploitation(df.gdp, df.burden)
    independent = np.corrcoef(df.gdp.rank(), df.burden.rank())[0, 1]
    assert ours["spearman_rho"] == pytest.approx(independent, abs=1e-12)
    assert ours["spearman_rho"] == pytest.approx(0.2893, abs=5e-4)
    assert 0.05 < ours["spearman_p_greater"] < 0.10
    assert ours["n"] == 27

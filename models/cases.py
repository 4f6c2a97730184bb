"""The essay's cases as data, each number with its source.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*) recalls the first CIS peacekeeping operation:

    "It would be quite in place here to recall that in 1993 the Council of the Heads of State of the
    CIS resolved to carry out the first peacekeeping operation by the CIS in Tajikistan and prescribed
    Kazakhstan, Kyrgyzstan, Russia and Uzbekistan to provide their military forces for the purpose.
    However, the Kazakhstan parliament did not ratify the resolution and, as a result, peacekeeping
    forces of only three countries were stationed in Tajikistan, with the Russian 201st Motorized
    Infantry Division as the chief task force. The total strength of the troops made up 7,000 men
    instead of 16,000 provided for in the resolution of the Council of the Heads of State of the CIS."

    "In 1995–1996 Kyrgyzstan unilaterally withdrew its peace-keeping battalion from Tajikistan
    attributing the decision to lack of funds to support it. Uzbekistan came next in 1998."
    (footnote 2: Krasnaya Zvezda, March 23, 1999)

GDP figures are the World Bank's World Development Indicators, series NY.GDP.MKTP.CD (GDP, current
US$), as republished in the Open Knowledge ``datasets/gdp`` data package (``data/gdp.csv``, the
stored version at commit 0be54c18d9, whose series end in 2016, i.e. a 2017 WDI release). The World
Bank revises old years between releases (Uzbekistan's national accounts in particular were revised
after 2017), so later vintages differ; the vintage is part of the data.

Examples
--------
>>> from models import cases
>>> cases.TAJIKISTAN_1993.planned_force, cases.TAJIKISTAN_1993.actual_force
(16000, 7000)
>>> cases.TAJIKISTAN_1993.prescribed
('Kazakhstan', 'Kyrgyzstan', 'Russia', 'Uzbekistan')
>>> round(cases.gdp("Russia", 1993) / 1e9, 1)
435.1
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = [
    "PeaceOperation",
    "TAJIKISTAN_1993",
    "GDP_SOURCE",
    "GDP_CURRENT_USD",
    "gdp",
    "NATO_MEMBERS_2024",
    "UN_MEMBERS",
    "NATO_2014",
    "NATO_2014_SOURCE",
    "OLSON_ZECKHAUSER_1966",
]


@dataclass(frozen=True)
class PeaceOperation:
    """A peacekeeping operation as the essay reports it.

    Attributes
    ----------
    name : str
        The operation.
    decided : int
        Year of the decision.
    prescribed : tuple of str
        States the decision prescribed to provide forces.
    participants : tuple of str
        States whose forces were actually stationed.
    planned_force, actual_force : int
        Troops provided for in the decision, and troops actually deployed (men).
    chief_force : str
        The core unit.
    lead_state : str
        The state that provided the core unit.
    not_ratified : tuple of str
        States whose parliament did not ratify the decision.
    withdrawals : mapping of str to tuple of int
        State -> (first year, last year) of its withdrawal.
    withdrawal_reasons : mapping of str to str
        State -> the reason given, where the essay gives one.
    sources : tuple of str
        Where each fact comes from.

    Examples
    --------
    The 1993 Tajikistan decision: four states prescribed, three deployed ("forces of only three
    countries"), 7,000 men "instead of 16,000".

    >>> op = TAJIKISTAN_1993
    >>> sorted(set(op.prescribed) - set(op.participants)), op.not_ratified
    (['Kazakhstan'], ('Kazakhstan',))
    >>> op.shortfall, op.fill_rate                       # 16,000 - 7,000 and 7,000 / 16,000
    (9000, 0.4375)
    >>> op.withdrawals["Kyrgyzstan"], op.withdrawal_reasons["Kyrgyzstan"]
    ((1995, 1996), 'lack of funds to support it')
    """

    name: str
    decided: int
    prescribed: tuple[str, ...]
    participants: tuple[str, ...]
    planned_force: int
    actual_force: int
    chief_force: str
    lead_state: str
    not_ratified: tuple[str, ...]
    withdrawals: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    withdrawal_reasons: Mapping[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    @property
    def shortfall(self) -> int:
        """Planned minus actual force (men).

        >>> TAJIKISTAN_1993.shortfall
        9000
        """
        return self.planned_force - self.actual_force

    @property
    def fill_rate(self) -> float:
        """Actual force as a share of the planned force.

        >>> round(TAJIKISTAN_1993.fill_rate, 4)
        0.4375
        """
        return self.actual_force / self.planned_force


_ESSAY = ("V. Petrovsky, International Security Regimes, Conflict Resolution and Peace Support "
          "Operations in the CIS")

TAJIKISTAN_1993 = PeaceOperation(
    name="CIS collective peacekeeping forces in Tajikistan",
    decided=1993,                                   # essay: "in 1993 the Council of the Heads of State ..."
    prescribed=("Kazakhstan", "Kyrgyzstan", "Russia", "Uzbekistan"),   # essay: "prescribed Kazakhstan, ..."
    participants=("Kyrgyzstan", "Russia", "Uzbekistan"),   # essay: "forces of only three countries"
    planned_force=16_000,                           # essay: "instead of 16,000 provided for in the resolution"
    actual_force=7_000,                             # essay: "The total strength of the troops made up 7,000 men"
    chief_force="201st Motorized Infantry Division",   # essay: "the Russian 201st Motorized Infantry Division"
    lead_state="Russia",                            # essay: "... as the chief task force"
    not_ratified=("Kazakhstan",),                   # essay: "the Kazakhstan parliament did not ratify"
    withdrawals=MappingProxyType({
        "Kyrgyzstan": (1995, 1996),                 # essay: "In 1995-1996 Kyrgyzstan unilaterally withdrew"
        "Uzbekistan": (1998, 1998),                 # essay: "Uzbekistan came next in 1998" (Krasnaya Zvezda,
    }),                                             #   23 March 1999, as cited in the essay's footnote 2)
    withdrawal_reasons=MappingProxyType({
        "Kyrgyzstan": "lack of funds to support it",   # essay, same sentence
    }),
    sources=(_ESSAY, "Krasnaya Zvezda, 23 March 1999 (as cited by the essay, footnote 2)"),
)
"""The 1993 CIS decision on Tajikistan and what became of it (all from the essay)."""

GDP_SOURCE = ("World Bank, World Development Indicators, NY.GDP.MKTP.CD (GDP, current US$); 2017 WDI "
              "release as republished in github.com/datasets/gdp, data/gdp.csv at commit 0be54c18d9")

# GDP, current US$. Every value copied from the WDI rows of datasets/gdp data/gdp.csv (commit 0be54c18d9),
# rows "<Country>,<ISO3>,<year>,<value>": KAZ, KGZ, RUS, TJK, UZB for 1993-1998.
GDP_CURRENT_USD: Mapping[str, Mapping[int, float]] = MappingProxyType({
    "Kazakhstan": MappingProxyType({       # WDI KAZ
        1993: 23409027475.6879, 1994: 21250839258.0901, 1995: 20374307047.115,
        1996: 21035357832.8019, 1997: 22165932062.966, 1998: 22135245413.2312,
    }),
    "Kyrgyzstan": MappingProxyType({       # WDI KGZ ("Kyrgyz Republic")
        1993: 2028295454.54545, 1994: 1681006993.00699, 1995: 1661018518.51852,
        1996: 1827570586.16784, 1997: 1767864035.71943, 1998: 1645963749.83146,
    }),
    "Russia": MappingProxyType({           # WDI RUS ("Russian Federation")
        1993: 435083713850.837, 1994: 395077301248.464, 1995: 395531066563.296,
        1996: 391719993756.828, 1997: 404926534140.017, 1998: 270953116950.026,
    }),
    "Tajikistan": MappingProxyType({       # WDI TJK
        1993: 1646693642.11088, 1994: 1346074611.47792, 1995: 1231523034.78397,
        1996: 1043893062.60575, 1997: 921843144.229059, 1998: 1320126706.15503,
    }),
    "Uzbekistan": MappingProxyType({       # WDI UZB (pre-revision vintage; see GDP_SOURCE)
        1993: 13099013835.5111, 1994: 12899156990.6156, 1995: 13350468917.4115,
        1996: 13948892215.5689, 1997: 14744603773.5849, 1998: 14988971210.8383,
    }),
})
"""GDP of the four prescribed states and of Tajikistan, 1993-1998, current US$ (WDI; see ``GDP_SOURCE``)."""


def gdp(country: str, year: int) -> float:
    """GDP of ``country`` in ``year`` (current US$, WDI), refusing what the data do not hold.

    Examples
    --------
    >>> round(gdp("Kyrgyzstan", 1995) / 1e9, 3)
    1.661
    >>> gdp("Turkmenistan", 1995)
    Traceback (most recent call last):
    ...
    ValueError: country must be one of 'Kazakhstan', 'Kyrgyzstan', ...; got 'Turkmenistan'
    """
    if country not in GDP_CURRENT_USD:
        names = ", ".join(repr(c) for c in GDP_CURRENT_USD)
        raise ValueError(f"country must be one of {names}; got {country!r}")
    series = GDP_CURRENT_USD[country]
    if isinstance(year, bool) or not isinstance(year, int) or year not in series:
        raise ValueError(f"year must be an int in {min(series)}..{max(series)}; got {year!r}")
    return series[year]


NATO_MEMBERS_2024 = 32   # NATO: Sweden joined on 7 March 2024 as the 32nd Ally (nato.int, "Member countries")
UN_MEMBERS = 193         # United Nations: 193 Member States since South Sudan's admission in 2011 (un.org)

NATO_2014_SOURCE = (
    "Defence expenditure as % of GDP, 2014, based on 2015 prices and exchange rates: NATO, 'Defence "
    "Expenditure of NATO Countries (2014-2023)' (press release, 7 July 2023), Table 3, as tabulated by "
    "Graphic News ('NATO defence spending surges', 2024, sources NATO, Reuters), each 2014 value checked "
    "against the same year in NATO's 2014-2024 release as tabulated by Graphic News ('NATO allies urged to "
    "boost spending', 2024). GDP 2014, current US$: WDI NY.GDP.MKTP.CD (see GDP_SOURCE). Iceland, which "
    "has no armed forces, is excluded as in NATO's own tables; the 27 other members of 2014 (Montenegro, "
    "North Macedonia, Finland and Sweden joined later)."
)

# How the 2014 shares were read. The Graphic News chart gives each ally two numbers, 2014 and 2023, always
# the smaller first: for an ally whose share fell, the first number is the 2023 one. The 2014 value is the one
# of the pair that the 2014-2024 release repeats for 2014 (25 allies have the same 2014 value in both
# releases; the United States and Croatia differ by 0.01). Four allies' shares fell from 2014 to 2023: the
# United States (2014 3.72, 2023 3.49; the 2024 release gives 3.71 for 2014), the United Kingdom (2.14 and
# 2.07; 2.14), Turkey (1.45 and 1.31; 1.45) and Croatia (1.82 and 1.79; 1.81, the least certain reading:
# 0.01 from one number and 0.02 from the other). An earlier version of this table listed their 2023 values.
# NATO's own PDF tables could not be retrieved here (nor the 2008-2015 release, whose 2014 column is based on
# 2010 prices and so differs by price base): these are NATO's values as republished, not re-read from NATO.
# (ally, GDP 2014 in current US$ [WDI row], defence expenditure % of GDP 2014 [NATO via Graphic News, see above])
NATO_2014: tuple[tuple[str, float, float], ...] = (
    ("United States", 17393103000000.0, 3.72),
    ("Germany", 3890606893346.69, 1.19),
    ("United Kingdom", 3022827781881.39, 2.14),
    ("France", 2849305322684.76, 1.82),
    ("Italy", 2151732868243.21, 1.14),
    ("Canada", 1792883225804.38, 1.01),
    ("Spain", 1376910811040.88, 0.92),
    ("Turkey", 934167809301.667, 1.45),          # Türkiye
    ("Netherlands", 879635084124.987, 1.15),
    ("Poland", 545075908845.995, 1.88),
    ("Belgium", 531075861047.287, 0.97),
    ("Norway", 499338534779.159, 1.54),
    ("Denmark", 352993633221.281, 1.15),
    ("Greece", 237029579260.722, 2.22),
    ("Portugal", 229629822121.601, 1.31),
    ("Czech Republic", 207818330723.835, 0.94),
    ("Romania", 199493490982.921, 1.35),
    ("Hungary", 140118140454.711, 0.86),
    ("Slovakia", 100948236941.182, 0.98),
    ("Luxembourg", 66327344188.889, 0.37),
    ("Croatia", 57080369367.8021, 1.82),
    ("Bulgaria", 56732006512.0065, 1.31),
    ("Slovenia", 49904928335.3069, 0.97),
    ("Lithuania", 48545251795.561, 0.88),
    ("Latvia", 31419072947.902, 0.94),
    ("Estonia", 26224622450.8302, 1.93),
    ("Albania", 13228244357.1813, 1.35),
)
"""NATO allies in 2014: GDP and defence burden (see ``NATO_2014_SOURCE``)."""

OLSON_ZECKHAUSER_1966: Mapping[str, object] = MappingProxyType({
    "reference": ("M. Olson Jr. and R. Zeckhauser, 'An Economic Theory of Alliances', Review of "
                  "Economics and Statistics 48(3), 1966, pp. 266-279, Table 1 and the text on it"),
    "year_of_data": 1964,
    "statistic": "Spearman rank correlation between GNP and defence budget as % of GNP, NATO allies",
    "n": 14,              # NATO's 15 members of 1964 less Iceland (no armed forces)
    "spearman_rho": 0.490,
    "significance": "significant at the .05 level (one-tailed)",
    "table_1": None,      # the country figures of Table 1 could not be retrieved here: not reproduced
    "note": ("rho = .490 and n = 14 are the paper's reported values as commonly cited; they were not "
             "checked against a scan of the paper in this project, and Table 1's country data are "
             "not included (None) rather than re-typed from memory."),
})
"""What Olson and Zeckhauser (1966) report for NATO in 1964 (see the note on provenance)."""

"""Report sections, one module per model family.

Each module here defines ``sections(quick: bool = False, executor=None) -> list[ReportSection]``:
the model's headline sweeps as figures with their claim, explanation and table. ``regimes report``
collects them in the order of :data:`ORDER`.
"""

ORDER = (
    "responses",
    "burden_sharing",
    "alliances",
    "reciprocity",
    "escalation",
    "leadership",
    "security_dilemma",
)

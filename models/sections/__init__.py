"""Report sections, one module per model family.

Each module here registers its sections with :func:`models.registry.report_section`: a function
``build(quick: bool = False, executor=None) -> ReportSection`` that draws one headline of a registered
model (the model declares the slugs of its headlines with :func:`models.registry.register_model`). A
section only calls the model's analyses and draws; the analyses live in the model modules.
:func:`models.registry.load_sections` imports every module here; ``regimes report`` draws, for each
registered model in registration order, each of its headlines.
"""

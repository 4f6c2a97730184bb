"""Shared test configuration."""

import os

import matplotlib

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")

# Benchmarks and the oracle generator are scripts, run by hand (their smoke tests live in tests/).
collect_ignore_glob = ["benchmarks/*", "oracle/*"]

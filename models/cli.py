"""The ``regimes`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _executor(address: str | None):
    if not address:
        return None
    try:
        from dask.distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SystemExit("--dask needs dask.distributed: pip install 'security-regimes[distributed]'") from exc
    return Client(address).get_executor()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``regimes``; returns the exit status.

    Examples
    --------
    >>> main(["--version"])  # doctest: +SKIP
    """
    parser = argparse.ArgumentParser(prog="regimes", description="Game-theoretic models of security regimes.")
    parser.add_argument("--version", action="version", version="security-regimes 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True)

    rep = sub.add_parser("report", help="run every model's headline sweeps and write an HTML report")
    rep.add_argument("--out", default="regimes-report", help="output folder (default: regimes-report)")
    rep.add_argument("--quick", action="store_true", help="coarse grids (under a minute)")
    rep.add_argument("--dask", metavar="ADDRESS", default=None, help="run sweeps on a dask scheduler")
    rep.add_argument("--no-progress", action="store_true", help="no progress bar")

    ex = sub.add_parser("exercises", help="write a classroom exercise sheet and its solutions")
    ex.add_argument("--topic", action="append", default=None, help="topic (repeatable); default: all")
    ex.add_argument("--count", type=int, default=5, help="exercises per topic")
    ex.add_argument("--seed", type=int, default=0)
    ex.add_argument("--out", default="exercises")

    args = parser.parse_args(argv)
    if args.command == "report":
        from .report import build_report

        build_report(args.out, quick=args.quick, executor=_executor(args.dask), show_progress=not args.no_progress)
        return 0
    try:
        from .exercises import write_sheets
    except ModuleNotFoundError:
        print("regimes exercises: the exercise generator is not installed in this version", file=sys.stderr)
        return 2
    try:
        paths = write_sheets(topics=args.topic, count=args.count, seed=args.seed, out=args.out)
    except (ValueError, TypeError) as err:
        print(f"regimes exercises: {err}", file=sys.stderr)
        return 2
    for kind, path in (paths or {}).items():
        print(f"{kind}: {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

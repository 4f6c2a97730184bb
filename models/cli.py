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

    from .exercises import topic_help

    ex = sub.add_parser(
        "exercises", help="write a classroom exercise sheet and its solutions",
        description="Write exercises.md/.tex and solutions.md/.tex (and PDFs where pdflatex or another LaTeX "
                    "engine is installed). The same topic, count and seed always give the same sheets.",
        epilog="topics:\n" + "\n".join("  " + line for line in topic_help().splitlines()),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("--topic", action="append", default=None, metavar="TOPIC",
                    help="a topic listed below (repeatable; default: all topics)")
    ex.add_argument("--count", type=int, default=5, help="exercises per topic, 1 to 100 (default: 5)")
    ex.add_argument("--seed", type=int, default=0, help="a non-negative integer (default: 0)")
    ex.add_argument("--out", default="exercises", help="output folder (default: exercises)")
    ex.add_argument("--no-pdf", action="store_true", help="write Markdown and LaTeX only")

    args = parser.parse_args(argv)
    if args.command == "report":
        from .report import build_report

        build_report(args.out, quick=args.quick, executor=_executor(args.dask), show_progress=not args.no_progress)
        return 0
    from .exercises import PDF_HINT, latex_engine, write_sheets

    try:
        paths = write_sheets(topics=args.topic, count=args.count, seed=args.seed, out=args.out, pdf=not args.no_pdf)
    except (ValueError, TypeError) as err:
        print(f"regimes exercises: {err}", file=sys.stderr)
        return 2
    for kind, path in paths.items():
        print(f"{kind}: {path}")
    if not args.no_pdf and "solutions.pdf" not in paths:
        reason = PDF_HINT if latex_engine() is None else f"no PDF: {latex_engine()} failed (see the warning above)"
        print(f"regimes exercises: {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

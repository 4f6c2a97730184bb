"""The ``regimes`` command.

Every failure the program can expect (a destination it cannot write, a scheduler it cannot reach, bad
input) ends the command with one line on stderr, ``regimes: error: ...``, and a non-zero status: 2 for
bad input, 1 for a failure of the system, 130 when interrupted (Ctrl-C). ``--traceback`` (or the
environment variable ``REGIMES_TRACEBACK=1``) shows the full Python traceback instead, for debugging.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["main", "DASK_TIMEOUT"]

#: Seconds ``--dask ADDRESS`` waits for a scheduler before giving up.
DASK_TIMEOUT = 5.0


def _connect(address: str | None) -> Any:
    """A dask client for ``address`` (``None`` without one); an unreachable scheduler fails in seconds."""
    if not address:
        return None
    try:
        from dask.distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise OSError("--dask needs dask.distributed: pip install 'security-regimes[distributed]'") from exc
    try:
        return Client(address, timeout=DASK_TIMEOUT)
    except OSError as exc:
        raise OSError(f"--dask {address}: no dask scheduler answered within {DASK_TIMEOUT:g} s "
                      f"(start one with `dask scheduler`, or leave out --dask); {_one_line(exc)}") from exc


def _one_line(err: BaseException) -> str:
    """An exception as one line of text (its message's lines joined)."""
    if isinstance(err, OSError) and err.strerror and err.filename is not None:
        text = f"{err.strerror}: {err.filename}"
    else:
        text = str(err) or type(err).__name__
    return " ".join(text.split())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="regimes", description="Game-theoretic models of security regimes.")
    parser.add_argument("--version", action="version", version="security-regimes 0.1.0")
    parser.add_argument("--traceback", action="store_true",
                        help="on an error show the Python traceback (also REGIMES_TRACEBACK=1)")
    sub = parser.add_subparsers(dest="command", required=True)

    rep = sub.add_parser("report", help="run every model's headline sweeps and write an HTML report")
    rep.add_argument("--out", default="regimes-report",
                     help="output folder, new or a previous report's, replaced whole (default: regimes-report)")
    rep.add_argument("--quick", action="store_true", help="coarse grids (under a minute)")
    rep.add_argument("--dask", metavar="ADDRESS", default=None,
                     help=f"run sweeps on a dask scheduler (gives up after {DASK_TIMEOUT:g} s)")
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
    return parser


def _report(args: argparse.Namespace) -> int:
    from .report import build_report, check_output_folder

    check_output_folder(args.out, "--out", replace_report=True)
    client = _connect(args.dask)
    try:
        build_report(args.out, quick=args.quick, executor=client.get_executor() if client else None,
                     show_progress=not args.no_progress)
    finally:
        if client is not None:
            client.close()
    return 0


def _exercises(args: argparse.Namespace) -> int:
    from .exercises import PDF_HINT, latex_engine, write_sheets
    from .report import check_output_folder

    check_output_folder(args.out, "--out")
    paths = write_sheets(topics=args.topic, count=args.count, seed=args.seed, out=args.out, pdf=not args.no_pdf)
    for kind, path in paths.items():
        print(f"{kind}: {path}")
    if not args.no_pdf and "solutions.pdf" not in paths:
        reason = PDF_HINT if latex_engine() is None else f"no PDF: {latex_engine()} failed (see the warning above)"
        print(f"regimes exercises: {reason}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``regimes``; returns the exit status (0 success, 1 failure, 2 bad input, 130 interrupted).

    Examples
    --------
    >>> main(["exercises", "--out", __file__])  # doctest: +SKIP
    regimes: error: --out .../cli.py is an existing file; give a folder (new, or a previous report)
    2
    """
    args = _parser().parse_args(argv)
    debug = args.traceback or os.environ.get("REGIMES_TRACEBACK", "") not in ("", "0")
    try:
        return _report(args) if args.command == "report" else _exercises(args)
    except KeyboardInterrupt:
        if debug:
            raise
        print("regimes: error: interrupted", file=sys.stderr)
        return 130
    except (ValueError, TypeError, LookupError, OSError) as err:
        if debug:
            raise
        print(f"regimes: error: {_one_line(err)}", file=sys.stderr)
        return 1 if isinstance(err, OSError) else 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

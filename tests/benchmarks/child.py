"""Run one baseline call in a forked child process, timed there, and give up on it after a timeout.

Baselines that may run for hours on some games (exhaustive enumeration, nashpy's path without a lexicographic
rule, which can cycle) are timed in a child so that the benchmark can go on; the parent imports the baseline
before forking, so the child's time excludes imports.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable
from typing import Any


def _run(func: Callable[..., Any], args: tuple, queue: Any) -> None:
    start = time.perf_counter()
    out = func(*args)
    queue.put((time.perf_counter() - start, out))


def timed_call(func: Callable[..., Any], *args: Any, timeout: float,
               strict: bool = False) -> tuple[float | None, Any]:
    """``(seconds, func(*args))`` computed in a forked child, or ``(None, None)`` after ``timeout`` seconds.

    A child that fails gives ``(None, None)`` too, unless ``strict``: then it raises ``RuntimeError``.
    """
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run, args=(func, args, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.terminate()
        proc.join()
        return None, None
    if queue.empty():
        if strict:
            raise RuntimeError(f"{func.__name__} failed in its child process (exit code {proc.exitcode})")
        return None, None
    return queue.get()

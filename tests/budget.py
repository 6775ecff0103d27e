"""A time and memory budget for one piece of work in a test.

`within_budget(fn, seconds, megabytes)` runs fn and fails the test if it runs
past `seconds` (an alarm interrupts it: a hang becomes a failure, not a stuck
suite) or if the memory Python allocated for it peaks above `megabytes`
(measured with tracemalloc, which numpy reports to as well).  The budgets are
guards against hangs and runaway memory, kept generous: they are no
assertion of speed, which belongs in bench/.

`calls_made(fn)` counts the function calls fn makes (Python's and the built-in
ones): a measure of work that does not depend on the machine, so a test can
say how work grows with the input (linear, not quadratic) without timing it.
"""
from __future__ import annotations

import signal
import sys
import threading
import tracemalloc

import pytest


class OverTime(Exception):
    pass


def _alarm(signum, frame):
    raise OverTime()


def within_budget(fn, seconds: float, megabytes: float):
    can_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    old = None
    if can_alarm:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        result = fn()
    except OverTime:
        pytest.fail(f"over the time budget of {seconds} s")
    except MemoryError:
        pytest.fail("ran out of memory")
    finally:
        if can_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        peak = tracemalloc.get_traced_memory()[1] - base
        if not tracing:
            tracemalloc.stop()
    if peak > megabytes * 1024 * 1024:
        pytest.fail(f"peaked at {peak / 2**20:.0f} MB, over the budget of {megabytes} MB")
    return result


def calls_made(fn) -> tuple[object, int]:
    """(fn(), the number of calls it made, Python and built-in ones alike)."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1
    sys.setprofile(profile)
    try:
        result = fn()
    finally:
        sys.setprofile(None)
    return result, count

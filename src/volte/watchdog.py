"""Guards of a worker process: it ends when the process that started it dies, and one article has a time budget.

    follow_parent(parent_pid)            # in the worker's initializer
    with time_budget(seconds): ...       # LimitExceeded when the block runs longer

A worker of a killed `volte ingest` (kill -9 gives the main process no chance to stop its pool) would otherwise
go on parsing, holding hundreds of megabytes, until its queue broke. On Linux the kernel sends the worker SIGKILL
when its parent dies (prctl PR_SET_PDEATHSIG); everywhere, a thread checks once a second that the parent is still
the one that started the worker, and ends the process when it is not.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from volte.errors import LimitExceeded

_PR_SET_PDEATHSIG = 1
_CHECK_EVERY = 1.0


def follow_parent(parent: int | None = None) -> None:
    """End this process when its parent dies (call once, early, in a worker process). `parent`: the pid of the
    process that started this one, as that process knew it (`os.getpid()` passed to the worker); without it, the
    parent at the time of the call, which misses a parent that died while the worker was still starting (its
    imports take seconds): the worker would then run on under init."""
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the thread below still watches
    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(_CHECK_EVERY)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="volte-parent-watch", daemon=True).start()


@contextmanager
def time_budget(seconds: float, what: str = "extracting its statements") -> Iterator[None]:
    """Raise LimitExceeded in the block when it runs longer than `seconds` (SIGALRM; main thread only).

    Where no alarm can be set (another thread, a platform without SIGALRM) the block runs without a budget.
    """
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise LimitExceeded(
            f"{what} took longer than {seconds:g}s (the per-article time budget, $VOLTE_ARTICLE_SECONDS)"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

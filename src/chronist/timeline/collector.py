"""Python's cycle collector paused while one document's passes run.

The passes of a long document make millions of short-lived objects (tokens read
per sentence, features, candidates) while the document's results grow; every
collection of the oldest generation then walks all of those results again, and
the time of a run grew faster than its text (10 MB took 1.5 times ten times the
1 MB time). The passes make almost no reference cycles, so the collector is paused
for the run and resumed after it (its next scheduled run frees any cycle left).
Runs in several threads share one count: the collector resumes when the last of
them ends, and only if it was running when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the ``with`` block (nested and threaded runs too).

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()

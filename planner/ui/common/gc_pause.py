"""Pausing Python's cyclic garbage collector while a view builds many small objects at once."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Hold off cyclic garbage collection for the duration of the block.

    Building tens of thousands of rows or bars allocates enough objects to trigger several
    collections, and the oldest generation's walks every live object of the application
    (a quarter of the timeline's load time, measured). What these blocks build holds no
    reference cycles, so nothing is lost by collecting once afterwards, as Python then does.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class CollectionPause:
    """Keeps the window responsive while a long CPU-bound job runs on a worker thread.

    Two things froze the window while the import wizard checked or wrote a 50,000-row file:

    - a full cyclic collection walks every live object while holding the GIL; with the file's
      rows, records and previews in memory each one took a tenth to a third of a second, several
      times per run. Reference counting still frees almost everything while it is off; the
      collector runs again when :meth:`resume` is called.
    - every call from Qt into Python on the GUI thread (each ``data()`` of a repaint) has to win
      the GIL back from the worker, which keeps it for up to the switch interval (5 ms) each
      time: a repaint of a few hundred cells stalled for a second or more. A 0.5 ms interval
      while the job runs keeps repaints smooth, for a few percent of the worker's speed.
    """

    SWITCH_INTERVAL_S = 0.0005

    def __init__(self) -> None:
        self._paused = False
        self._gc_was_enabled = False
        self._interval = sys.getswitchinterval()

    def pause(self) -> None:
        """Enter the responsive mode (idempotent)."""
        if self._paused:
            return
        self._paused = True
        self._gc_was_enabled = gc.isenabled()
        gc.disable()
        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._interval, self.SWITCH_INTERVAL_S))

    def resume(self) -> None:
        """Restore the collector and the switch interval as they were."""
        if not self._paused:
            return
        self._paused = False
        sys.setswitchinterval(self._interval)
        if self._gc_was_enabled:
            gc.enable()

"""Telling when a window has really appeared: the window system exposed it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

# How long to wait for the window system to expose the window before calling it ready.
_EXPOSE_POLL_MS = 10
_EXPOSE_MAX_POLLS = 300


class ExposeWatch:
    """Calls *on_exposed* once, when *window* is exposed (or after about three seconds).

    :meth:`start` begins watching; later calls do nothing (only the first show counts).
    The checks are timers in *window*'s name, so they stop when the window is deleted.
    """

    def __init__(self, window: QWidget, on_exposed: Callable[[], object]) -> None:
        self._window = window
        self._on_exposed = on_exposed
        self._polls = -1

    def start(self) -> None:
        """Begin watching (from the window's first show event); later calls do nothing."""
        if self._polls < 0:
            self._polls = 0
            QTimer.singleShot(0, self._window, self._check)

    def _check(self) -> None:
        handle = self._window.windowHandle()
        exposed = handle is not None and handle.isExposed()
        if exposed or self._polls >= _EXPOSE_MAX_POLLS:
            self._on_exposed()
            return
        self._polls += 1
        QTimer.singleShot(_EXPOSE_POLL_MS, self._window, self._check)

"""Unexpected errors: a readable message box instead of a traceback (which goes to stderr)."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner.domain.errors import PlannerError

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def error_message(exc: BaseException) -> str:
    """One paragraph for the user about *exc*, never a traceback."""
    if isinstance(exc, PlannerError):
        return str(exc)
    detail = str(exc).strip() or type(exc).__name__
    return QCoreApplication.translate(
        "ErrorReporter",
        "Something went wrong and the last action may not have finished ({detail}). "
        "Everything saved before it is safe. The technical details were written to the "
        "error output; please include them if you report this problem.",
    ).format(detail=detail)


class ErrorReporter:
    """A ``sys.excepthook``: prints the traceback to stderr, then tells the user.

    In an interactive session the user sees a message box (one at a time, shown once control
    is back in the event loop). Without a user (``--exit-when-ready``, ``--screenshot``) a box
    would wait forever, so the application exits with *exit_code* instead.
    """

    def __init__(
        self,
        *,
        interactive: bool,
        parent: Callable[[], QWidget | None] = lambda: None,
        exit_code: int = 1,
    ) -> None:
        self.interactive = interactive
        self._parent = parent
        self._exit_code = exit_code
        self._pending: list[str] = []
        self._showing = False
        self.errors = 0

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """Handle one uncaught exception."""
        self.errors += 1
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        sys.stderr.flush()
        app = QApplication.instance()
        if app is None:
            return
        if not self.interactive:
            app.exit(self._exit_code)
            return
        self._pending.append(error_message(exc))
        if not self._showing:
            QTimer.singleShot(0, self._show_pending)

    def _show_pending(self) -> None:
        if self._showing or not self._pending:
            return
        self._showing = True
        try:
            while self._pending:
                message = self._pending.pop(0)
                QMessageBox.critical(
                    self._parent(),
                    QCoreApplication.translate("ErrorReporter", "Exchange Visit Planner"),
                    message,
                )
        finally:
            self._showing = False


def install_excepthook(reporter: ExceptHook) -> Callable[[], None]:
    """Make *reporter* the excepthook; returns a function restoring the previous one."""
    previous = sys.excepthook
    sys.excepthook = reporter

    def restore() -> None:
        sys.excepthook = previous

    return restore

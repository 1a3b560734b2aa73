"""Unexpected errors: a readable message box instead of a traceback (which goes to stderr)."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner.db.errors import environment_error
from planner.domain.errors import FieldProblem, PlannerError, ValidationError
from planner.domain.i18n import Message
from planner.ui.common.labels import raw_value_label

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _translated(template: str, params: Mapping[str, Any], english: str) -> str:
    """*template* translated in the "Validation" context and formatted with *params*.

    Text parameters are translated in the same context too (record and field names such as
    ``institution``; anything else, a user's value, has no translation and stays as it is);
    a parameter that is itself a :class:`Message` or a :class:`PlannerError` (a nested
    cause) is shown translated. A translation whose placeholders do not match falls back to
    the *english* text.
    """
    text = QCoreApplication.translate("Validation", template)
    if not params:
        return text
    values = {key: _parameter(value) for key, value in params.items()}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return english


def _parameter(value: object) -> object:
    if isinstance(value, PlannerError):
        return planner_error_text(value)
    if isinstance(value, str):
        text = message_text(value)
        if text == value and not isinstance(value, Message):
            # Untranslated (English, or no catalogue entry): a stored value such as
            # ``in_progress`` or ``national_lab`` reads as its label, not as code.
            label = raw_value_label(value)
            if label is not None:
                return label
        return text
    return value


def message_text(message: str) -> str:
    """A message from below the interface, in the interface language.

    A :class:`~planner.domain.i18n.Message` is translated from its template; a plain string
    is looked up as a whole (a constant marked with ``QT_TRANSLATE_NOOP("Validation", …)``),
    and anything without a translation stays in English. Import row problems
    (``RowProblem.message``) are shown with this.
    """
    if isinstance(message, Message):
        return _translated(message.template, message.params, str(message))
    return QCoreApplication.translate("Validation", message) if message else message


def problem_text(problem: FieldProblem) -> str:
    """A validation problem's message in the interface language (English: ``.message``)."""
    return _translated(problem.template or problem.message, problem.params, problem.message)


def planner_error_text(exc: PlannerError) -> str:
    """``str(exc)`` in the interface language, for an error raised below the interface.

    A :class:`ValidationError` lists its problems (``field: message; …``); an error built
    from a template (``PlannerError(template, params=…)``) is translated; any other keeps
    its English text.
    """
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{QCoreApplication.translate('Validation', p.field)}: {problem_text(p)}"
            for p in exc.problems
        )
    english = str(exc)
    template, params = exc.template, exc.params
    if not template or (template.format(**params) if params else template) != english:
        return english
    return _translated(template, params, english)


def error_message(exc: BaseException) -> str:
    """One paragraph for the user about *exc*, never a traceback.

    A database error the environment caused (busy, full, read-only, damaged: see
    :func:`planner.db.errors.classify`) is explained with what to do; anything else is a bug.
    """
    if isinstance(exc, PlannerError):
        return planner_error_text(exc)
    environment = environment_error(exc)
    if environment is not None:
        return planner_error_text(environment)
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

"""What a view says about itself in the status bar ("Showing 3 of 40 people").

A view that has something to say holds a :class:`ViewStatus` as its ``status`` attribute (see
:class:`~planner.ui.common.view.Reporting`); the shell shows the current page's text and
follows ``changed``. The text is worked out again whenever the watched models change, so a
view needs no more than one line to keep its status true.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QLocale, QObject, Signal


class ViewStatus(QObject):
    """A view's status text; ``changed(text)`` fires when it differs from the last one.

    *compute* makes the text; it is called again after every reset, insertion, removal or
    layout change of the *models* (and whenever :meth:`update` is called).
    """

    changed = Signal(str)

    def __init__(
        self, compute: Callable[[], str], parent: QObject, *models: QAbstractItemModel
    ) -> None:
        super().__init__(parent)
        self._compute = compute
        self._text = ""
        for model in models:
            for signal in (
                model.modelReset,
                model.rowsInserted,
                model.rowsRemoved,
                model.layoutChanged,
            ):
                signal.connect(self.update)
        self.update()

    def text(self) -> str:
        """The text to show now."""
        return self._text

    def update(self, *_args: object) -> None:
        """Work the text out again; announce it if it changed."""
        text = self._compute()
        if text != self._text:
            self._text = text
            self.changed.emit(text)


def shown_of_total(
    context: str, template: str, shown: QAbstractItemModel, total: QAbstractItemModel
) -> Callable[[], str]:
    """A *compute* for :class:`ViewStatus`: *template* with ``{shown}`` and ``{total}`` rows.

    *template* is an English source text in translation *context* (marked for lupdate where
    it is written); the numbers are in the interface locale's format.
    """

    def compute() -> str:
        locale = QLocale()
        return QCoreApplication.translate(context, template).format(
            shown=locale.toString(shown.rowCount()), total=locale.toString(total.rowCount())
        )

    return compute


def count_status(
    parent: QObject,
    context: str,
    template: str,
    shown: QAbstractItemModel,
    total: QAbstractItemModel | None = None,
) -> ViewStatus:
    """A :class:`ViewStatus` saying how many rows of *total* (default *shown*) are shown."""
    source = total if total is not None else shown
    return ViewStatus(shown_of_total(context, template, shown, source), parent, shown, source)

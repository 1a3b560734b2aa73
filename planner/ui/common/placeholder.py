"""What an empty list says: a sentence naming what the list holds, and buttons to fill it.

:func:`add_placeholder` lays a :class:`EmptyPlaceholder` over a table's viewport (under its
header). It shows while the *watched* model has no rows — the view's own model, not a filter
proxy over it (or a test of the records loaded, for a model that filters its own rows), so a
filter that hides every row does not claim the list is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: A button of the placeholder: its text and what it does.
PlaceholderAction = tuple[str, Callable[[], object]]


class EmptyPlaceholder(QWidget):
    """A centred sentence and action buttons over an empty item view's viewport."""

    def __init__(
        self,
        view: QAbstractItemView,
        text: str,
        actions: Sequence[PlaceholderAction] = (),
        model: QAbstractItemModel | None = None,
        is_empty: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyPlaceholder")
        self._view = view
        self._model = model if model is not None else view.model()
        self._is_empty = is_empty or (lambda: self._model.rowCount() == 0)
        self.label = QLabel(text, self)
        self.label.setObjectName("emptyPlaceholderText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setEnabled(False)  # drawn in the palette's muted text colour
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        row.addStretch(1)
        for caption, slot in actions:
            button = QPushButton(caption, self)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addStretch(2)
        self.setAccessibleName(text)
        view.viewport().installEventFilter(self)
        for signal in (
            self._model.modelReset,
            self._model.rowsInserted,
            self._model.rowsRemoved,
            self._model.layoutChanged,
        ):
            signal.connect(self.update_visibility)
        self._fit()
        self.update_visibility()

    @property
    def text(self) -> str:
        """The sentence shown."""
        return self.label.text()

    def update_visibility(self, *_args: object) -> None:
        """Show the placeholder exactly when the watched model has no rows."""
        empty = self._is_empty()
        self.setVisible(empty)
        if empty:
            self._fit()
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Follow the viewport's size."""
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        self.setGeometry(self._view.viewport().rect())


def add_placeholder(
    view: QAbstractItemView,
    text: str,
    actions: Sequence[PlaceholderAction] = (),
    *,
    model: QAbstractItemModel | None = None,
    is_empty: Callable[[], bool] | None = None,
) -> EmptyPlaceholder:
    """Lay *text* and *actions* over *view* while *model* (default: the view's) is empty.

    *is_empty* replaces the row count test, for a model that filters its own rows.
    """
    return EmptyPlaceholder(view, text, actions, model, is_empty)


def window_action(widget: QWidget, object_name: str) -> Callable[[], bool]:
    """A function triggering the action *object_name* of *widget*'s window when called.

    Looked up at the call, so a view can offer the window's commands (New visit, Import…)
    without knowing the window; the function returns False if the window has no such action.
    """

    def trigger() -> bool:
        action = widget.window().findChild(QAction, object_name)
        if action is None:
            return False
        action.trigger()
        return True

    return trigger

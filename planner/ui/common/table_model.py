"""One read-only table model for lists of records, driven by a specification of its columns.

Views that show a small list of records (agreements, transfers, institutions, projects,
rules, events) describe each column once, as a :class:`ColumnSpec`, instead of writing a
``QAbstractTableModel`` of their own: the header (marked for translation where it is written,
translated in its context when shown), the text, and optionally the sort key, alignment and
tooltip. The model gives the record's id under ``ID_ROLE`` and the sort key under ``SORT_ROLE``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from planner.ui.common.roles import ID_ROLE, SORT_ROLE

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ColumnSpec(Generic[T]):
    """One column of a :class:`RowTableModel`.

    ``header`` is the English title, marked with ``QT_TRANSLATE_NOOP(context, …)`` where it is
    written; the model translates it in ``context`` each time the header is drawn.
    """

    header: str
    context: str
    #: The cell's text.
    display: Callable[[T], str]
    #: What the column sorts by (``SORT_ROLE``); None: the displayed text.
    sort_key: Callable[[T], Any] | None = None
    #: The cell's alignment; None: the view's default.
    alignment: Qt.AlignmentFlag | None = None
    #: The cell's tooltip; None (or a function returning None or ""): no tooltip.
    tooltip: Callable[[T], str | None] | None = None

    def title(self) -> str:
        """The header in the interface language."""
        return QCoreApplication.translate(self.context, self.header)


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Read-only rows of records of type *T*, one column per :class:`ColumnSpec`.

    ``ID_ROLE`` gives the row's record id (from *row_id*) in every column; ``SORT_ROLE`` the
    column's sort key.
    """

    def __init__(
        self,
        columns: Sequence[ColumnSpec[T]],
        parent: QObject | None = None,
        *,
        row_id: Callable[[T], int | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._row_id = row_id
        self._rows: list[T] = []

    @property
    def columns(self) -> list[ColumnSpec[T]]:
        """The column specifications, in order."""
        return list(self._columns)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        """The records shown, in source order."""
        return list(self._rows)

    def row_at(self, row: int) -> T:
        """The record of source *row*."""
        return self._rows[row]

    def row_of(self, record_id: int) -> int | None:
        """The source row of the record whose id is *record_id*, if shown."""
        if self._row_id is None:
            return None
        return next((i for i, r in enumerate(self._rows) if self._row_id(r) == record_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of records."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltip, alignment, sort key (``SORT_ROLE``) or record id (``ID_ROLE``)."""
        if not index.isValid() or not (
            0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._columns)
        ):
            return None
        record, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == SORT_ROLE:
            return (column.sort_key or column.display)(record)
        if role == ID_ROLE:
            return self._row_id(record) if self._row_id is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.tooltip(record) or None) if column.tooltip is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.alignment is not None:
            return int(column.alignment)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles, translated; row numbers down the side (Qt's default)."""
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
                return self._columns[section].title()
            return None
        return super().headerData(section, orientation, role)

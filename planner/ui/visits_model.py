"""Item models of the visits list: the table over visit summaries and its filter proxy."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from planner.domain.codes import code_sort_key
from planner.domain.entities import VisitSummary
from planner.domain.visit_criteria import VisitCriteria, matches
from planner.ui.labels import STATUS_ORDER, status_colour, status_label

#: Raw value of a cell for sorting: dates as dates, status in life-cycle order.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Lower-cased, normalised text of the whole row, precomputed once per load for filtering.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
#: The visit's database id (any column).
ID_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """Columns of the visits table, in display order."""

    CODE = 0
    VISITOR = 1
    HOME = 2
    HOST = 3
    ARRIVAL = 4
    DEPARTURE = 5
    STATUS = 6


_HEADERS: dict[Column, str] = {
    Column.CODE: "Code",
    Column.VISITOR: "Visitor",
    Column.HOME: "Home institution",
    Column.HOST: "Host institution",
    Column.ARRIVAL: "Arrival",
    Column.DEPARTURE: "Departure",
    Column.STATUS: "Status",
}


class SummarySource(Protocol):
    """What the model needs from the visit service."""

    def summaries(self) -> list[VisitSummary]:
        """All visits as the lists show them."""
        ...


def normalise_for_search(text: str) -> str:
    """Fold *text* for matching: full-width letters to ASCII (NFKC), then case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def visitor_text(visit: VisitSummary) -> str:
    """``Hiroshi Tanaka (田中 博)``, or only the Latin name when no native one is recorded."""
    if visit.visitor_name_native:
        return f"{visit.visitor_name} ({visit.visitor_name_native})"
    return visit.visitor_name


def display_text(visit: VisitSummary, column: Column) -> str:
    """What the cell at *column* shows for *visit*."""
    match column:
        case Column.CODE:
            return visit.code
        case Column.VISITOR:
            return visitor_text(visit)
        case Column.HOME:
            return visit.home_institution
        case Column.HOST:
            return visit.host_institution
        case Column.ARRIVAL:
            return visit.arrival_date.isoformat()
        case Column.DEPARTURE:
            return visit.departure_date.isoformat()
        case Column.STATUS:
            return status_label(visit.status)


def sort_value(visit: VisitSummary, column: Column) -> str | date | int:
    """The raw value *column* sorts *visit* by."""
    match column:
        case Column.ARRIVAL:
            return visit.arrival_date
        case Column.DEPARTURE:
            return visit.departure_date
        case Column.STATUS:
            return STATUS_ORDER.get(visit.status, len(STATUS_ORDER))
        case Column.CODE:
            return code_sort_key(visit.code)
        case _:
            return display_text(visit, column).casefold()


def search_text(visit: VisitSummary, status_text: str | None = None) -> str:
    """Every column's text of *visit*, normalised, in one string for substring matching.

    *status_text* is the status label when the caller has it already (loading many rows).
    """
    label = status_label(visit.status) if status_text is None else status_text
    # Same texts as display_text(), written out: this runs once per row on every load.
    return normalise_for_search(
        f"{visit.code}\x1f{visitor_text(visit)}\x1f{visit.home_institution}"
        f"\x1f{visit.host_institution}\x1f{visit.arrival_date.isoformat()}"
        f"\x1f{visit.departure_date.isoformat()}\x1f{label}"
    )


def _sort_key(column: Column) -> Callable[[VisitSummary], tuple[Any, ...]]:
    # Ties break by arrival date and code, so the order is the same on every load.
    def key(visit: VisitSummary) -> tuple[Any, ...]:
        return (sort_value(visit, column), visit.arrival_date, code_sort_key(visit.code))

    return key


class VisitTableModel(QAbstractTableModel):
    """Visit summaries as a table; one row per visit, columns as in :class:`Column`.

    The model keeps its rows sorted itself (Python's sort on raw values is much faster than
    a proxy calling back into :meth:`data` for every comparison with tens of thousands of rows).
    """

    def __init__(self, source: SummarySource | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows: list[VisitSummary] = []
        self._search: list[str] = []
        self._sort_column: Column | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._status_brushes: dict[Any, QBrush] = {}
        self._date_text: Callable[[date], str] = date.isoformat

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every visit from the service."""
        if self._source is None:
            return
        self.set_visits(self._source.summaries())

    def set_visits(self, visits: Sequence[VisitSummary]) -> None:
        """Replace the rows with *visits* (kept in the current sort order)."""
        self.beginResetModel()
        rows = list(visits)
        if self._sort_column is not None:
            rows.sort(
                key=_sort_key(self._sort_column),
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )
        labels = {status: status_label(status) for status in STATUS_ORDER}
        self._rows = rows
        self._search = [search_text(v, labels.get(v.status)) for v in rows]
        self._status_brushes = self._make_status_brushes()
        self.endResetModel()

    @staticmethod
    def _make_status_brushes() -> dict[Any, QBrush]:
        base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        return {s: QBrush(status_colour(s, dark_background=dark)) for s in STATUS_ORDER}

    def set_date_format(self, render: Callable[[date], str]) -> None:
        """Write dates with *render* (the coordinator's chosen format); ISO by default."""
        self._date_text = render
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.ARRIVAL),
                self.index(len(self._rows) - 1, Column.DEPARTURE),
                [Qt.ItemDataRole.DisplayRole],
            )

    # -- access for views and the proxy --------------------------------------------------------

    def visit_at(self, row: int) -> VisitSummary:
        """The visit shown in *row*."""
        return self._rows[row]

    def row_of(self, visit_id: int) -> int | None:
        """The row showing the visit with *visit_id*, if any."""
        for row, visit in enumerate(self._rows):
            if visit.id == visit_id:
                return row
        return None

    def search_text(self, row: int) -> str:
        """The precomputed search text of *row* (same as ``SEARCH_ROLE``), without an index."""
        return self._search[row]

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of visits (0 under any valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, status colour, sort value, search text or visit id, by *role*."""
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(Column)):
            return None
        visit = self._rows[row]
        column = Column(col)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.ARRIVAL:
                return self._date_text(visit.arrival_date)
            if column == Column.DEPARTURE:
                return self._date_text(visit.departure_date)
            return display_text(visit, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.STATUS:
                return self._status_brushes.get(visit.status)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.VISITOR:
            return f"{visit.direction}"
        if role == SORT_ROLE:
            value = sort_value(visit, column)
            # QDate, not a Python date: C++ code (a plain proxy's lessThan) can compare it.
            return QDate(value.year, value.month, value.day) if isinstance(value, date) else value
        if role == SEARCH_ROLE:
            return self._search[row]
        if role == ID_ROLE:
            return visit.id
        return None

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles (translated); row numbers vertically."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(Column):
                return QCoreApplication.translate("VisitTableModel", _HEADERS[Column(section)])
            return None
        return section + 1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the raw values of *column*; persistent indexes follow their rows."""
        if not 0 <= column < len(Column):
            return
        self._sort_column = Column(column)
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        key = _sort_key(self._sort_column)
        rows = self._rows
        new_order = sorted(
            range(len(rows)),
            key=lambda i: key(rows[i]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = [rows[i] for i in new_order]
        self._search = [self._search[i] for i in new_order]
        persistent = self.persistentIndexList()
        if persistent:
            new_row = {old: new for new, old in enumerate(new_order)}
            self.changePersistentIndexList(
                persistent,
                [self.index(new_row[i.row()], i.column()) for i in persistent],
            )
        self.layoutChanged.emit()


class VisitFilterProxyModel(QSortFilterProxyModel):
    """Shows the visits whose text contains every word typed, in any column.

    Matching is case-insensitive, folds full-width letters and works for kanji. It reads the
    precomputed search text of each row, so filtering 100,000 rows builds no strings.
    Sorting is handed to a :class:`VisitTableModel` source (fast); other sources sort here
    on ``SORT_ROLE``.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: tuple[str, ...] = ()
        self._criteria = VisitCriteria()
        self._criteria_active = False  # computed once per change, not once per row
        self._row_text: Callable[[int, AnyIndex], str] = self._text_by_role
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802
        """Use *model* as the source; a :class:`VisitTableModel` gets the fast path."""
        super().setSourceModel(model)
        if isinstance(model, VisitTableModel):
            texts = model.search_text
            self._row_text = lambda row, _parent: texts(row)
        else:
            self._row_text = self._text_by_role

    def _text_by_role(self, row: int, parent: AnyIndex) -> str:
        model = self.sourceModel()
        value = model.index(row, 0, parent).data(SEARCH_ROLE) if model is not None else None
        return str(value) if value is not None else ""

    @property
    def filter_terms(self) -> tuple[str, ...]:
        """The normalised words every shown row contains."""
        return self._terms

    def set_filter_text(self, text: str) -> None:
        """Show only rows containing every whitespace-separated word of *text*."""
        terms = tuple(normalise_for_search(text).split())
        if terms == self._terms:
            return
        self._terms = terms
        # invalidate() rebuilds the mapping in one layout change; the incremental
        # begin/endFilterChange() emits a remove or insert per gap between matching rows,
        # which takes seconds with 100,000 rows.
        self.invalidate()

    @property
    def criteria(self) -> VisitCriteria:
        """The structured filters (status, direction, host, project, dates) in force."""
        return self._criteria

    def set_criteria(self, criteria: VisitCriteria) -> None:
        """Show only visits matching *criteria* (and the filter words)."""
        if criteria == self._criteria:
            return
        self._criteria = criteria
        self._criteria_active = not criteria.is_empty
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        """Whether the row matches the criteria and contains every filter word."""
        if self._criteria_active:
            model = self.sourceModel()
            if isinstance(model, VisitTableModel) and not matches(
                model.visit_at(source_row), self._criteria
            ):
                return False
        terms = self._terms
        if not terms:
            return True
        text = self._row_text(source_row, source_parent)
        # A plain loop, not all(<generator>): this runs once per row on every keystroke.
        for term in terms:  # noqa: SIM110
            if term not in text:
                return False
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source when it can sort itself; otherwise sort here on ``SORT_ROLE``."""
        model = self.sourceModel()
        if isinstance(model, VisitTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

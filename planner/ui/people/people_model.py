"""Item models of the people directory: a table over person summaries and its filter proxy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from planner.domain.entities import PersonSummary
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.ui.common.formats import country_name
from planner.ui.common.labels import person_category_label
from planner.ui.common.roles import ID_ROLE, SEARCH_ROLE, SORT_ROLE, normalise_for_search

AnyIndex = QModelIndex | QPersistentModelIndex

__all__ = [
    "ID_ROLE",
    "SEARCH_ROLE",
    "SORT_ROLE",
    "PeopleFilterProxyModel",
    "PeopleTableModel",
    "PersonColumn",
]


class PersonColumn(IntEnum):
    """Columns of the people table, in display order."""

    LATIN_NAME = 0
    NATIVE_NAME = 1
    CATEGORY = 2
    HOME = 3
    EMAIL = 4
    NATIONALITY = 5


_HEADERS: dict[PersonColumn, str] = {
    PersonColumn.LATIN_NAME: QT_TRANSLATE_NOOP("PeopleTableModel", "Name"),
    PersonColumn.NATIVE_NAME: QT_TRANSLATE_NOOP("PeopleTableModel", "Native name"),
    PersonColumn.CATEGORY: QT_TRANSLATE_NOOP("PeopleTableModel", "Category"),
    PersonColumn.HOME: QT_TRANSLATE_NOOP("PeopleTableModel", "Home institution"),
    PersonColumn.EMAIL: QT_TRANSLATE_NOOP("PeopleTableModel", "E-mail"),
    PersonColumn.NATIONALITY: QT_TRANSLATE_NOOP("PeopleTableModel", "Nationality"),
}


def nationality_text(code: str) -> str:
    """``Japan (JP)``; empty when no nationality is recorded."""
    return f"{country_name(code)} ({code})" if code else ""


def person_cell(person: PersonSummary, column: PersonColumn) -> str:
    """What the cell at *column* shows for *person*."""
    match column:
        case PersonColumn.LATIN_NAME:
            return person.latin_name
        case PersonColumn.NATIVE_NAME:
            return person.native_name
        case PersonColumn.CATEGORY:
            return person_category_label(person.category)
        case PersonColumn.HOME:
            return person.home_institution
        case PersonColumn.EMAIL:
            return person.email
        case PersonColumn.NATIONALITY:
            return nationality_text(person.nationality)


def _sort_value(person: PersonSummary, column: PersonColumn) -> str:
    if column == PersonColumn.LATIN_NAME:
        # Family name first, as a directory is read ("Tanaka Hiroshi" sorts under T).
        given, _, family = person.latin_name.rpartition(" ")
        return f"{family}\x1f{given}".casefold()
    return person_cell(person, column).casefold()


def search_text(person: PersonSummary) -> str:
    """Every column's text of *person*, normalised, for substring matching.

    Also the ISO nationality code and the native name without its space, since Japanese
    names are usually typed as one word (``田中博``).
    """
    cells = "\x1f".join(person_cell(person, c) for c in PersonColumn)
    native = person.native_name.replace(" ", "")
    return normalise_for_search(f"{cells}\x1f{person.nationality}\x1f{native}")


@dataclass(frozen=True)
class PeopleRows:
    """People with their search texts, ready for :meth:`PeopleTableModel.set_people`.

    *sort* is the (column, order) they are already sorted by, if any.
    """

    people: Sequence[PersonSummary]
    search: Sequence[str]
    sort: tuple[int, Qt.SortOrder] | None = None


def prepare_people(
    people: Sequence[PersonSummary], sort: tuple[int, Qt.SortOrder] | None = None
) -> PeopleRows:
    """Compute the search texts of *people*, sorted by *sort* (safe on a worker thread)."""
    search = [search_text(p) for p in people]
    if sort is None or not 0 <= sort[0] < len(PersonColumn):
        return PeopleRows(people, search)
    ordered, ordered_search = _sorted(people, search, PersonColumn(sort[0]), sort[1])
    return PeopleRows(ordered, ordered_search, sort)


def _sorted(
    people: Sequence[PersonSummary],
    search: Sequence[str],
    column: PersonColumn,
    order: Qt.SortOrder,
) -> tuple[list[PersonSummary], list[str]]:
    keys = [_sort_value(p, column) for p in people]
    indexes = sorted(
        range(len(people)),
        key=keys.__getitem__,
        reverse=order == Qt.SortOrder.DescendingOrder,
    )
    return [people[i] for i in indexes], [search[i] for i in indexes]


class PeopleTableModel(QAbstractTableModel):
    """Person summaries as a read-only table; one row per person, columns per PersonColumn.

    The model sorts itself (:meth:`sort`, keys computed once per column in Python) and keeps
    each row's filter text, computed once per load: with tens of thousands of people, letting
    a proxy call :meth:`data` for every comparison froze the window for seconds.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonSummary] = []
        self._search: list[str] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_people(self, people: Sequence[PersonSummary] | PeopleRows) -> None:
        """Replace the rows with *people* (or rows prepared off the GUI thread); keep the sort."""
        prepared = people if isinstance(people, PeopleRows) else prepare_people(people)
        self.beginResetModel()
        self._rows = list(prepared.people)
        self._search = list(prepared.search)
        if prepared.sort != self.current_sort():
            self._reorder()  # the rows came sorted otherwise (or not at all)
        self.endResetModel()

    def current_sort(self) -> tuple[int, Qt.SortOrder] | None:
        """The (column, order) the rows are kept sorted by; None before any sort."""
        if not 0 <= self._sort_column < len(PersonColumn):
            return None
        return self._sort_column, self._sort_order

    def search_texts(self) -> Sequence[str]:
        """Each source row's normalised filter text, in row order."""
        return self._search

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by *column* (Latin names by family name), keeping the selection."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_ids = [p.id for p in self._rows]
        self._reorder()
        new_row = {p.id: row for row, p in enumerate(self._rows)}
        moved_from = [index for index in self.persistentIndexList() if index.isValid()]
        moved_to = [
            self.index(new_row[old_ids[index.row()]], index.column()) for index in moved_from
        ]
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def _reorder(self) -> None:
        if not 0 <= self._sort_column < len(PersonColumn):
            return
        self._rows, self._search = _sorted(
            self._rows, self._search, PersonColumn(self._sort_column), self._sort_order
        )

    def person_at(self, row: int) -> PersonSummary:
        """The person shown in *row* (source row)."""
        return self._rows[row]

    def row_of(self, person_id: int) -> int | None:
        """The source row of the person with *person_id*, if loaded."""
        for row, person in enumerate(self._rows):
            if person.id == person_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of people (0 under any valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(PersonColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, tooltip, sort value, search text or person id, by *role*."""
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(PersonColumn)):
            return None
        person = self._rows[row]
        column = PersonColumn(col)
        if role == Qt.ItemDataRole.DisplayRole:
            return person_cell(person, column)
        if role == SORT_ROLE:
            return _sort_value(person, column)
        if role == SEARCH_ROLE:
            return self._search[row]
        if role == ID_ROLE:
            return person.id
        if role == Qt.ItemDataRole.ToolTipRole and column == PersonColumn.EMAIL and person.email:
            return person.email
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
            if 0 <= section < len(PersonColumn):
                return QCoreApplication.translate(
                    "PeopleTableModel", _HEADERS[PersonColumn(section)]
                )
            return None
        return section + 1


class PeopleFilterProxyModel(QSortFilterProxyModel):
    """Shows the people whose text contains every word typed, in any column (kanji too).

    Sorting is passed on to the source model (see :class:`PeopleTableModel`); the filter
    reads the source's precomputed search texts directly, without a :meth:`data` call per row.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: tuple[str, ...] = ()
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)
        self.setDynamicSortFilter(False)

    @property
    def filter_terms(self) -> tuple[str, ...]:
        """The normalised words every shown row contains."""
        return self._terms

    def set_filter_text(self, text: str) -> None:
        """Show only rows containing every whitespace-separated word of *text*."""
        terms = tuple(normalise_for_search(text).split())
        if terms != self._terms:
            self._terms = terms
            self.invalidate()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source model; the proxy keeps its order."""
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        """Whether the row's search text contains every filter word."""
        if not self._terms:
            return True
        model = self.sourceModel()
        if isinstance(model, PeopleTableModel):
            text = model.search_texts()[source_row]
        else:
            text = str(model.index(source_row, 0, source_parent).data(SEARCH_ROLE) or "")
        return all(term in text for term in self._terms)

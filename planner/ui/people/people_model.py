"""Item models of the people directory: a table over person summaries and its filter proxy."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
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

    def apply_people(
        self,
        people: Sequence[PersonSummary],
        person_ids: Collection[int],
        *,
        filtered: bool = False,
    ) -> None:
        """Make the rows of *person_ids* what *people* holds: people it lacks are removed.

        New and changed rows go to their place in the current sort order; other rows keep
        theirs. *filtered* says a proxy filters the rows by their search texts: a proxy looks
        at inserted rows but not at changed ones, so a changed row whose search text changed
        is removed and inserted again (the view selects it again if it was current).
        """
        fresh = {p.id: p for p in people}
        for person_id in dict.fromkeys(person_ids):
            person = fresh.get(person_id)
            row = self.row_of(person_id)
            if row is not None:
                text_changed = person is not None and search_text(person) != self._search[row]
                in_place = person is not None and not (filtered and text_changed)
                if in_place and person is not None and self._replace_in_place(row, person):
                    continue
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row], self._search[row]
                self.endRemoveRows()
            if person is not None:
                at = self._place_of(person)
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, person)
                self._search.insert(at, search_text(person))
                self.endInsertRows()

    def _place_of(self, person: PersonSummary) -> int:
        """Where *person* goes among the rows, by the current sort (the end when unsorted)."""
        sort = self.current_sort()
        if sort is None:
            return len(self._rows)
        column = PersonColumn(sort[0])
        key = _sort_value(person, column)
        if sort[1] == Qt.SortOrder.DescendingOrder:
            # bisect needs ascending keys: search the rows from the end.
            keys = self._rows[::-1]
            return len(self._rows) - bisect_right(keys, key, key=lambda p: _sort_value(p, column))
        return bisect_right(self._rows, key, key=lambda p: _sort_value(p, column))

    def _replace_in_place(self, row: int, person: PersonSummary) -> bool:
        """Put *person* in *row* if the sort keeps it there; False when it must move."""
        old = self._rows[row]
        del self._rows[row]
        place = self._place_of(person)
        self._rows.insert(row, old)
        sort = self.current_sort()
        if place != row and sort is not None:
            column = PersonColumn(sort[0])
            if _sort_value(person, column) != _sort_value(old, column):
                return False
        self._rows[row] = person
        self._search[row] = search_text(person)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(PersonColumn) - 1))
        return True

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

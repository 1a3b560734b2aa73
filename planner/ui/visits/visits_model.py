"""Item models of the visits list: the table over visit summaries and its filter proxy."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
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
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from planner.domain.codes import code_sort_key
from planner.domain.entities import VisitSummary
from planner.domain.enums import Purpose, VisitStatus
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.visit_criteria import Direction, VisitCriteria
from planner.services.visits_listing import (
    ROW_ARRIVAL,
    ROW_CODE,
    ROW_DEPARTURE,
    ROW_HOST,
    ROW_ID,
    ROW_PROJECT,
    ROW_PURPOSE,
    ROW_STATUS,
    ROW_VERSION,
    ROW_VISITOR,
    ListPerson,
    ListRow,
    VisitListing,
)
from planner.ui.common.formats import person_name_both
from planner.ui.common.gc_pause import collection_paused
from planner.ui.common.labels import STATUS_ORDER, status_colour, status_label
from planner.ui.common.roles import ID_ROLE, SEARCH_ROLE, SORT_ROLE, normalise_for_search

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
    Column.CODE: QT_TRANSLATE_NOOP("VisitTableModel", "Code"),
    Column.VISITOR: QT_TRANSLATE_NOOP("VisitTableModel", "Visitor"),
    Column.HOME: QT_TRANSLATE_NOOP("VisitTableModel", "Home institution"),
    Column.HOST: QT_TRANSLATE_NOOP("VisitTableModel", "Host institution"),
    Column.ARRIVAL: QT_TRANSLATE_NOOP("VisitTableModel", "Arrival"),
    Column.DEPARTURE: QT_TRANSLATE_NOOP("VisitTableModel", "Departure"),
    Column.STATUS: QT_TRANSLATE_NOOP("VisitTableModel", "Status"),
}


#: More changed visits than this are read again in full: one reset beats many row signals.
MAX_ROW_UPDATES = 200


class SummarySource(Protocol):
    """What the model needs from the visit service."""

    def listing(self) -> VisitListing:
        """Every visit in compact form."""
        ...

    def listing_rows(self, visit_ids: Collection[int]) -> VisitListing:
        """The visits with *visit_ids* that still exist, with the names they refer to."""
        ...

    def listing_refs(
        self,
        *,
        people: Collection[int] = (),
        institutions: Collection[int] = (),
        projects: Collection[int] = (),
    ) -> VisitListing:
        """The names of these people, institutions and projects (no rows)."""
        ...


class _Descending:
    """A sort key compared the other way round (binary search in a descending order)."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return bool(other.key < self.key)


def listing_of(visits: Sequence[VisitSummary]) -> VisitListing:
    """*visits* in the compact form the model holds (tests and callers with summaries).

    Each visit gets its own person entry, so names are exactly the summary's; institutions
    are keyed by their ids, and ids the summaries lack become negative keys, reported back
    as None by :meth:`VisitTableModel.visit_at`.
    """
    people: dict[int, ListPerson] = {}
    institutions: dict[int, str] = {}
    projects: dict[int, str] = {}
    rows: list[ListRow] = []
    for n, v in enumerate(visits, start=1):
        # Missing ids get private negative keys, so each visit keeps its own labels.
        home_id = v.home_institution_id if v.home_institution_id is not None else -n
        host_id = v.host_institution_id if v.host_institution_id is not None else -n - len(visits)
        institutions[home_id] = v.home_institution
        institutions[host_id] = v.host_institution
        person_key = -n
        people[person_key] = ListPerson(v.visitor_name, "", v.visitor_name_native, "", home_id)
        project_id = v.project_id
        if v.project:
            project_id = project_id if project_id is not None else -n
            projects[project_id] = v.project
        rows.append(
            (v.id, v.code, person_key, host_id, v.arrival_date.isoformat(),
             v.departure_date.isoformat(), v.status.value, v.purpose.value, project_id,
             v.version)
        )  # fmt: skip
    return VisitListing(rows, people, institutions, projects)


class _Criterion:
    """:class:`VisitCriteria` as a predicate over list rows (mirrors ``visit_criteria.matches``).

    Dates compare as ISO text; ids and statuses as the stored values.
    """

    def __init__(self, criteria: VisitCriteria, homes: dict[int, int]) -> None:
        self.statuses = frozenset(s.value for s in criteria.statuses)
        self.host = criteria.host_institution_id
        self.project = criteria.project_id
        self.date_from = criteria.date_from.isoformat() if criteria.date_from else None
        self.date_to = criteria.date_to.isoformat() if criteria.date_to else None
        self.direction = criteria.direction
        self.home = criteria.home_institution_id
        self.homes = homes  # person key -> home institution id

    def __call__(self, row: ListRow) -> bool:
        if self.statuses and row[ROW_STATUS] not in self.statuses:
            return False
        if self.host is not None and row[ROW_HOST] != self.host:
            return False
        if self.project is not None and row[ROW_PROJECT] != self.project:
            return False
        if self.date_from is not None and row[ROW_DEPARTURE] < self.date_from:
            return False
        if self.date_to is not None and row[ROW_ARRIVAL] > self.date_to:
            return False
        if self.direction is not None:
            if self.home is None:
                return False
            if row[ROW_HOST] == self.home:
                return self.direction is Direction.INCOMING
            if self.homes.get(row[ROW_VISITOR]) == self.home:
                return self.direction is Direction.OUTGOING
            return False
        return True


def fast_code_key(code: str) -> str:
    """:func:`~planner.domain.codes.code_sort_key`, without a regular expression for the
    usual ``V-YYYY-NNNN`` form (this runs for every visit on the first sort)."""
    number = code[7:]
    if (
        code.startswith("V-")
        and code.isascii()
        and len(code) >= 11
        and code[6] == "-"
        and code[2:6].isdigit()
        and number.isdigit()
        and len(number) <= 12
    ):
        return code[2:7] + number.rjust(12, "0")
    return code_sort_key(code)


def _inverse(order: list[int]) -> list[int]:
    """``rank[row]`` = position of *row* in *order* (a permutation of ``range(len(order))``)."""
    rank = [0] * len(order)
    for position, row in enumerate(order):
        rank[row] = position
    return rank


def _refines(new: tuple[str, ...], old: tuple[str, ...]) -> bool:
    """Whether every row containing all of *new* contains all of *old* (typing on)."""
    return all(any(o in n for n in new) for o in old)


class VisitTableModel(QAbstractTableModel):
    """Every visit as a table row; columns as in :class:`Column`.

    Built for 100,000 visits: the rows are the service's compact tuples (names looked up by
    id when a cell is drawn), and the model sorts and filters itself over lists of row
    numbers. ``_order`` is every row in sort order, ``_shown`` the rows the filter words and
    criteria let through, in that order; :meth:`rowCount` counts the shown rows. Filtering is
    one pass over precomputed lower-case search texts (a proxy calling back into Python once
    per row was the bottleneck); :class:`VisitFilterProxyModel` hands its filter to this model.
    """

    def __init__(self, source: SummarySource | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._listing = VisitListing()
        self._rows: list[ListRow] = []
        self._search: list[str] = []
        self._order: list[int] = []
        self._rank: list[int] = []  # each row's position in _order (its inverse)
        self._shown: list[int] = []
        self._code_keys: list[str] | None = None  # computed on the first sort by code/date
        self._visitor: dict[int, str] = {}
        self._home: dict[int, str] = {}
        self._sort_column: Column | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._terms: tuple[str, ...] = ()
        self._criteria = VisitCriteria()
        self._status_brushes: dict[str, QBrush] = {}
        self._status_labels: dict[str, str] = {}
        self._date_text: Callable[[date], str] | None = None  # None: the stored ISO text
        self._index_of: dict[int, int] | None = None  # visit id -> row, built on first update
        # Row updates move rows without renumbering _rank (that is a pass over every row);
        # the next sort or filter renumbers it first.
        self._rank_stale = False

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every visit from the service."""
        if self._source is None:
            return
        with collection_paused():  # a tuple, a search text and more per visit
            self.set_listing(self._source.listing())

    def set_visits(self, visits: Sequence[VisitSummary]) -> None:
        """Replace the rows with *visits* (kept in the current sort order and filter)."""
        self.set_listing(listing_of(visits))

    def set_listing(self, listing: VisitListing) -> None:
        """Replace the rows with *listing* (kept in the current sort order and filter)."""
        self.beginResetModel()
        self._listing = listing
        self._rows = rows = listing.rows
        institutions = listing.institutions
        self._status_labels = {s.value: status_label(s) for s in STATUS_ORDER}
        self._visitor = {
            pid: person_name_both(p.latin, p.native) for pid, p in listing.people.items()
        }
        self._home = {
            pid: institutions.get(p.home_institution_id, "") for pid, p in listing.people.items()
        }
        # The search text is built from per-person, per-institution and per-status parts
        # normalised once each; per row only the code and the dates are joined in.
        person_key = {
            pid: normalise_for_search(f"{self._visitor[pid]}\x1f{self._home[pid]}")
            for pid in listing.people
        }
        host_key = {iid: normalise_for_search(label) for iid, label in institutions.items()}
        status_key = {v: normalise_for_search(t) for v, t in self._status_labels.items()}
        self._search = [
            f"{r[1].lower() if r[1].isascii() else normalise_for_search(r[1])}\x1f"
            f"{person_key.get(r[2], '')}\x1f"
            f"{host_key.get(r[3], '')}\x1f{r[4]}\x1f{r[5]}\x1f{status_key.get(r[6], r[6])}"
            for r in rows
        ]
        self._code_keys = None
        self._index_of = None
        self._order = self._sorted_rows()
        self._rank = _inverse(self._order)
        self._rank_stale = False
        self._shown = self._filtered(self._order)
        self._status_brushes = self._make_status_brushes()
        self.endResetModel()

    @staticmethod
    def _make_status_brushes() -> dict[str, QBrush]:
        base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        return {s.value: QBrush(status_colour(s, dark_background=dark)) for s in STATUS_ORDER}

    def set_date_format(self, render: Callable[[date], str]) -> None:
        """Write dates with *render* (the coordinator's chosen format); ISO by default."""
        probe = date(2001, 2, 3)
        # An ISO renderer is the stored text already: no date object per cell then.
        self._date_text = None if render(probe) == probe.isoformat() else render
        if self._shown:
            self.dataChanged.emit(
                self.index(0, Column.ARRIVAL),
                self.index(len(self._shown) - 1, Column.DEPARTURE),
                [Qt.ItemDataRole.DisplayRole],
            )

    # -- updating a few rows ------------------------------------------------------------------

    def update_visits(self, visit_ids: Collection[int]) -> None:
        """Read the visits *visit_ids* again and insert, update or remove just their rows.

        More than :data:`MAX_ROW_UPDATES` visits, or a model without a service, read
        everything again instead.
        """
        if self._source is None:
            return
        if len(visit_ids) > MAX_ROW_UPDATES:
            self.refresh()
            return
        self.apply_rows(self._source.listing_rows(visit_ids), visit_ids)

    def apply_rows(self, listing: VisitListing, visit_ids: Collection[int]) -> None:
        """Make the rows of *visit_ids* what *listing* holds: visits it lacks are removed.

        Each row moves to its place in the current sort order and is shown or hidden by the
        current filter; rows not named keep their place and persistent indexes follow their
        visits. Names *listing* brings for people, institutions or projects the list does not
        know yet are added (names it already knows change through :meth:`apply_names`).
        """
        self._add_names(listing)
        if self._shown is self._order:  # unfiltered, the two may be one list: edited apart
            self._shown = list(self._order)
        fresh = {r[ROW_ID]: r for r in listing.rows}
        index_of = self._ids()
        key = self._order_key()
        accept = self._acceptor()
        for visit_id in dict.fromkeys(visit_ids):
            row = fresh.get(visit_id)
            i = index_of.get(visit_id)
            if row is None:
                if i is not None:
                    self._remove_row(i, key)
            elif i is None:
                self._insert_row(row, key, accept)
            else:
                self._replace_row(i, row, key, accept)

    def update_names(
        self,
        *,
        people: Collection[int] = (),
        institutions: Collection[int] = (),
        projects: Collection[int] = (),
    ) -> None:
        """Read the names of these people, institutions and projects again and show them."""
        if self._source is None:
            return
        if not any(p in self._listing.people for p in people) and not institutions and not projects:
            return  # nobody the list shows: nothing to read
        listing = self._source.listing_refs(
            people=[p for p in people if p in self._listing.people],
            institutions=institutions,
            projects=projects,
        )
        self.apply_names(listing)

    def apply_names(self, listing: VisitListing) -> None:
        """Take the names in *listing* and update the rows that show any that changed."""
        known = self._listing
        institutions = {
            iid: label
            for iid, label in listing.institutions.items()
            if known.institutions.get(iid) != label
        }
        known.institutions.update(listing.institutions)
        known.projects.update(listing.projects)  # no column shows them: nothing to repaint
        people = {
            pid
            for pid, person in listing.people.items()
            if pid in known.people and known.people[pid] != person
        }
        known.people.update({pid: listing.people[pid] for pid in people})
        people.update(
            pid for pid, p in known.people.items() if p.home_institution_id in institutions
        )
        for pid in people:
            person = known.people[pid]
            self._visitor[pid] = person_name_both(person.latin, person.native)
            self._home[pid] = known.institutions.get(person.home_institution_id, "")
        if not people and not institutions:
            return
        affected = [
            i
            for i, r in enumerate(self._rows)
            if r[ROW_VISITOR] in people or r[ROW_HOST] in institutions
        ]
        for i in affected:
            self._search[i] = self._search_text(self._rows[i])
        if not affected:
            return
        names_sorted = self._sort_column in (Column.VISITOR, Column.HOME, Column.HOST)
        if names_sorted or self._terms or not self._criteria.is_empty:
            self._place_again(affected)
        else:
            self.dataChanged.emit(
                self.index(0, Column.VISITOR),
                self.index(len(self._shown) - 1, Column.HOST),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )

    def _place_again(self, rows: list[int]) -> None:
        """Sort and filter *rows* anew (their keys changed) in one layout change."""
        moved = set(rows)
        order = [i for i in self._order if i not in moved]
        key = self._order_key()
        for i in rows:
            order.insert(bisect_right(order, key(i), key=key), i)
        accept = self._acceptor()
        shown_before = set(self._shown)
        shown = [i for i in order if (accept(i) if i in moved else i in shown_before)]
        self._rank_stale = True
        self._relayout(order, shown)

    def _add_names(self, listing: VisitListing) -> None:
        known = self._listing
        for iid, label in listing.institutions.items():
            known.institutions.setdefault(iid, label)
        for pid, name in listing.projects.items():
            known.projects.setdefault(pid, name)
        for pid, person in listing.people.items():
            if pid not in known.people:
                known.people[pid] = person
                self._visitor[pid] = person_name_both(person.latin, person.native)
                self._home[pid] = known.institutions.get(person.home_institution_id, "")

    def _ids(self) -> dict[int, int]:
        if self._index_of is None:
            self._index_of = {r[ROW_ID]: i for i, r in enumerate(self._rows)}
        return self._index_of

    def _search_text(self, r: ListRow) -> str:
        """One row's search text, as :meth:`set_listing` builds them for every row."""
        code = r[ROW_CODE]
        person = normalise_for_search(
            f"{self._visitor.get(r[ROW_VISITOR], '')}\x1f{self._home.get(r[ROW_VISITOR], '')}"
        )
        host = normalise_for_search(self._listing.institutions.get(r[ROW_HOST], ""))
        label = self._status_labels.get(r[ROW_STATUS])
        status = normalise_for_search(label) if label is not None else r[ROW_STATUS]
        return (
            f"{code.lower() if code.isascii() else normalise_for_search(code)}\x1f"
            f"{person if r[ROW_VISITOR] in self._visitor else ''}\x1f"
            f"{host if r[ROW_HOST] in self._listing.institutions else ''}\x1f"
            f"{r[ROW_ARRIVAL]}\x1f{r[ROW_DEPARTURE]}\x1f{status}"
        )

    def _order_key(self) -> Callable[[int], Any]:
        """Row -> comparable key of the current sort order (binary searches in ``_order``)."""
        rows = self._rows
        column = self._sort_column
        if column is None:  # the service's order: arrival, then code as text
            return lambda i: (rows[i][ROW_ARRIVAL], rows[i][ROW_CODE])

        def code(i: int) -> str:
            return codes[i] if codes is not None else fast_code_key(rows[i][ROW_CODE])

        codes = self._code_keys
        status_order = {s.value: n for s, n in STATUS_ORDER.items()}
        visitor, home, hosts = self._visitor, self._home, self._listing.institutions

        def value(i: int) -> Any:
            r = rows[i]
            match column:
                case Column.CODE:
                    return code(i)
                case Column.DEPARTURE:
                    return r[ROW_DEPARTURE]
                case Column.STATUS:
                    return status_order.get(r[ROW_STATUS], len(status_order))
                case Column.VISITOR:
                    return visitor.get(r[ROW_VISITOR], "").casefold()
                case Column.HOME:
                    return home.get(r[ROW_VISITOR], "").casefold()
                case Column.HOST:
                    return hosts.get(r[ROW_HOST], "").casefold()
                case _:
                    return ""

        def ascending(i: int) -> Any:
            r = rows[i]
            return (value(i), r[ROW_ARRIVAL], code(i))

        if self._sort_order == Qt.SortOrder.DescendingOrder:
            return lambda i: _Descending(ascending(i))
        return ascending

    def _acceptor(self) -> Callable[[int], bool]:
        """Row -> whether the current filter words and criteria show it."""
        rows, search, terms = self._rows, self._search, self._terms
        if self._criteria.is_empty:
            criterion = None
        else:
            homes = {pid: p.home_institution_id for pid, p in self._listing.people.items()}
            criterion = _Criterion(self._criteria, homes)

        def accept(i: int) -> bool:
            if criterion is not None and not criterion(rows[i]):
                return False
            return all(term in search[i] for term in terms)

        return accept

    def _find(self, sequence: list[int], i: int, key: Callable[[int], Any]) -> int | None:
        """Where row *i* is in *sequence* (sorted by *key*, which *i*'s key is still in)."""
        target = key(i)
        at = bisect_left(sequence, target, key=key)
        while at < len(sequence):
            if sequence[at] == i:
                return at
            if target < key(sequence[at]):
                return None  # past the rows with an equal key
            at += 1
        return None

    def _replace_row(
        self, i: int, row: ListRow, key: Callable[[int], Any], accept: Callable[[int], bool]
    ) -> None:
        old_place = self._find(self._order, i, key)
        old_row = self._find(self._shown, i, key) if old_place is not None else None
        if old_place is None:  # not where its key says: it was never sorted in; start over
            self._order = [j for j in self._order if j != i]
            self._shown = [j for j in self._shown if j != i]
        else:
            del self._order[old_place]
        self._rows[i] = row
        self._search[i] = self._search_text(row)
        if self._code_keys is not None:
            self._code_keys[i] = fast_code_key(row[ROW_CODE])
        new_place = bisect_right(self._order, key(i), key=key)
        self._order.insert(new_place, i)
        self._rank_stale = self._rank_stale or new_place != old_place
        shown = self._shown
        visible = accept(i)
        if old_row is None:
            if visible:
                at = bisect_right(shown, key(i), key=key)
                self.beginInsertRows(QModelIndex(), at, at)
                shown.insert(at, i)
                self.endInsertRows()
            return
        if not visible:
            self.beginRemoveRows(QModelIndex(), old_row, old_row)
            del shown[old_row]
            self.endRemoveRows()
            return
        del shown[old_row]  # where it goes among the others (put back until the move)
        at = bisect_right(shown, key(i), key=key)
        shown.insert(old_row, i)
        if at == old_row:
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(Column) - 1))
            return
        # Qt's destination is the row to insert before, counted before the move.
        self.beginMoveRows(
            QModelIndex(), old_row, old_row, QModelIndex(), at if at < old_row else at + 1
        )
        del shown[old_row]
        shown.insert(at, i)
        self.endMoveRows()

    def _insert_row(
        self, row: ListRow, key: Callable[[int], Any], accept: Callable[[int], bool]
    ) -> None:
        i = len(self._rows)
        self._rows.append(row)
        self._search.append(self._search_text(row))
        if self._code_keys is not None:
            self._code_keys.append(fast_code_key(row[ROW_CODE]))
        self._rank.append(0)
        self._ids()[row[ROW_ID]] = i
        self._order.insert(bisect_right(self._order, key(i), key=key), i)
        self._rank_stale = True
        if accept(i):
            at = bisect_right(self._shown, key(i), key=key)
            self.beginInsertRows(QModelIndex(), at, at)
            self._shown.insert(at, i)
            self.endInsertRows()

    def _remove_row(self, i: int, key: Callable[[int], Any]) -> None:
        place = self._find(self._order, i, key)
        shown_at = self._find(self._shown, i, key) if place is not None else None
        if place is None:
            shown_at = next((n for n, j in enumerate(self._shown) if j == i), None)
        if shown_at is not None:
            self.beginRemoveRows(QModelIndex(), shown_at, shown_at)
            del self._shown[shown_at]
            self.endRemoveRows()
        if place is not None:
            del self._order[place]
        else:
            self._order.remove(i)
        # The last row takes the freed slot, so no other row number changes.
        last = len(self._rows) - 1
        index_of = self._ids()
        del index_of[self._rows[i][ROW_ID]]
        if i != last:
            last_place = self._find(self._order, last, key)
            last_shown = self._find(self._shown, last, key) if last_place is not None else None
            if last_place is None:
                last_place = self._order.index(last)
                last_shown = next((n for n, j in enumerate(self._shown) if j == last), None)
            self._rows[i] = self._rows[last]
            self._search[i] = self._search[last]
            if self._code_keys is not None:
                self._code_keys[i] = self._code_keys[last]
            self._order[last_place] = i
            if last_shown is not None:
                self._shown[last_shown] = i
            index_of[self._rows[i][ROW_ID]] = i
        self._rows.pop()
        self._search.pop()
        if self._code_keys is not None:
            self._code_keys.pop()
        self._rank.pop()
        self._rank_stale = True

    # -- access for views and the proxy --------------------------------------------------------

    @property
    def total_count(self) -> int:
        """Every visit loaded, shown or not."""
        return len(self._rows)

    def visit_at(self, row: int) -> VisitSummary:
        """The visit shown in *row*, as a summary."""
        r = self._rows[self._shown[row]]
        person = self._listing.people.get(r[ROW_VISITOR])
        home_id = person.home_institution_id if person is not None else None
        project_id = r[ROW_PROJECT]
        return VisitSummary(
            id=r[ROW_ID],
            code=r[ROW_CODE],
            visitor_id=r[ROW_VISITOR],
            visitor_name=person.latin if person else "",
            visitor_name_native=person.native if person else "",
            home_institution=self._home.get(r[ROW_VISITOR], ""),
            host_institution=self._listing.institutions.get(r[ROW_HOST], ""),
            arrival_date=date.fromisoformat(r[ROW_ARRIVAL]),
            departure_date=date.fromisoformat(r[ROW_DEPARTURE]),
            status=VisitStatus(r[ROW_STATUS]),
            purpose=Purpose(r[ROW_PURPOSE]),
            project=self._listing.projects.get(project_id, "") if project_id is not None else "",
            version=r[ROW_VERSION],
            host_institution_id=r[ROW_HOST] if r[ROW_HOST] >= 0 else None,
            home_institution_id=home_id if home_id is not None and home_id >= 0 else None,
            project_id=project_id if project_id is not None and project_id >= 0 else None,
        )

    def row_of(self, visit_id: int) -> int | None:
        """The row showing the visit with *visit_id*, if the filter shows it."""
        rows = self._rows
        for row, i in enumerate(self._shown):
            if rows[i][ROW_ID] == visit_id:
                return row
        return None

    def search_text(self, row: int) -> str:
        """The precomputed search text of *row* (same as ``SEARCH_ROLE``), without an index."""
        return self._search[self._shown[row]]

    # -- filtering -----------------------------------------------------------------------------

    @property
    def filter_terms(self) -> tuple[str, ...]:
        """The normalised words every shown row contains."""
        return self._terms

    @property
    def criteria(self) -> VisitCriteria:
        """The structured filters in force."""
        return self._criteria

    def set_filter(self, terms: tuple[str, ...], criteria: VisitCriteria) -> None:
        """Show only rows containing every word of *terms* and matching *criteria*.

        Rows keep their sort order; persistent indexes (selection, current row) follow their
        visits, or become invalid when the filter hides them.
        """
        if terms == self._terms and criteria == self._criteria:
            return
        narrowing = criteria == self._criteria and _refines(terms, self._terms)
        self._terms, self._criteria = terms, criteria
        # Typing on only narrows: search the rows shown now instead of every row.
        shown = self._filtered(self._shown if narrowing else self._order)
        self._relayout(self._order, shown)

    def _filtered(self, rows: list[int]) -> list[int]:
        if not self._criteria.is_empty:
            listing = self._listing
            homes = {pid: p.home_institution_id for pid, p in listing.people.items()}
            accept = _Criterion(self._criteria, homes)
            data = self._rows
            rows = [i for i in rows if accept(data[i])]
        search = self._search
        for term in self._terms:
            rows = [i for i in rows if term in search[i]]
        return rows

    # -- sorting -------------------------------------------------------------------------------

    def _sorted_rows(self) -> list[int]:
        column = self._sort_column
        if column is None:
            return list(range(len(self._rows)))  # the service's order
        rows = self._rows
        if self._code_keys is None:
            self._code_keys = [fast_code_key(r[ROW_CODE]) for r in rows]
        codes = self._code_keys
        # Ties break by arrival date and code, so the order is the same on every load: sort
        # by those first, then (stable) by the column.
        base = sorted(range(len(rows)), key=lambda i: (rows[i][ROW_ARRIVAL], codes[i]))
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if column == Column.ARRIVAL:  # the tie order is the arrival order already
            return base[::-1] if descending else base
        key = self._column_key(column, codes)
        if descending:
            return sorted(reversed(base), key=key, reverse=True)
        return sorted(base, key=key)

    def _column_key(self, column: Column, codes: list[str]) -> Callable[[int], Any]:
        rows = self._rows
        match column:
            case Column.CODE:
                return codes.__getitem__
            case Column.ARRIVAL:
                return lambda i: rows[i][ROW_ARRIVAL]
            case Column.DEPARTURE:
                return lambda i: rows[i][ROW_DEPARTURE]
            case Column.STATUS:
                order = {s.value: n for s, n in STATUS_ORDER.items()}
                return lambda i: order.get(rows[i][ROW_STATUS], len(order))
            case Column.VISITOR:
                names = {k: v.casefold() for k, v in self._visitor.items()}
                return lambda i: names.get(rows[i][ROW_VISITOR], "")
            case Column.HOME:
                homes = {k: v.casefold() for k, v in self._home.items()}
                return lambda i: homes.get(rows[i][ROW_VISITOR], "")
            case Column.HOST:
                hosts = {k: v.casefold() for k, v in self._listing.institutions.items()}
                return lambda i: hosts.get(rows[i][ROW_HOST], "")

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the raw values of *column*; persistent indexes follow their rows."""
        if not 0 <= column < len(Column):
            return
        self._sort_column = Column(column)
        self._sort_order = order
        new_order = self._sorted_rows()
        if self._terms or not self._criteria.is_empty:
            keep = set(self._shown)
            shown = [i for i in new_order if i in keep]
        else:
            shown = new_order
        self._relayout(new_order, shown)

    def _relayout(self, order: list[int], shown: list[int]) -> None:
        """Switch to *order*/*shown* in one layout change, moving persistent indexes along."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_shown = self._shown
        if order is not self._order or self._rank_stale:
            self._rank = _inverse(order)
            self._rank_stale = False
        self._order, self._shown = order, shown
        if persistent:
            # *shown* is in sort order, so a row's new place is a binary search by rank (no
            # pass over 100,000 rows for the current index and the selection).
            rank = self._rank
            moved = []
            for index in persistent:
                new_row = None
                if index.isValid():
                    row = old_shown[index.row()]
                    at = bisect_left(shown, rank[row], key=rank.__getitem__)
                    new_row = at if at < len(shown) and shown[at] == row else None
                moved.append(
                    self.index(new_row, index.column()) if new_row is not None else QModelIndex()
                )
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of visits shown (0 under any valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(Column)

    def _date_cell(self, iso: str) -> str:
        return iso if self._date_text is None else self._date_text(date.fromisoformat(iso))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, status colour, sort value, search text or visit id, by *role*."""
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._shown) and 0 <= col < len(Column)):
            return None
        i = self._shown[row]
        r = self._rows[i]
        if role == Qt.ItemDataRole.DisplayRole:
            match col:
                case Column.CODE:
                    return r[ROW_CODE]
                case Column.VISITOR:
                    return self._visitor.get(r[ROW_VISITOR], "")
                case Column.HOME:
                    return self._home.get(r[ROW_VISITOR], "")
                case Column.HOST:
                    return self._listing.institutions.get(r[ROW_HOST], "")
                case Column.ARRIVAL:
                    return self._date_cell(r[ROW_ARRIVAL])
                case Column.DEPARTURE:
                    return self._date_cell(r[ROW_DEPARTURE])
                case _:
                    return self._status_labels.get(r[ROW_STATUS], r[ROW_STATUS])
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._status_brushes.get(r[ROW_STATUS]) if col == Column.STATUS else None
        if role == Qt.ItemDataRole.ToolTipRole and col == Column.VISITOR:
            home = self._home.get(r[ROW_VISITOR], "")
            return f"{home} → {self._listing.institutions.get(r[ROW_HOST], '')}"
        if role == SORT_ROLE:
            return self._sort_value(r, Column(col))
        if role == SEARCH_ROLE:
            return self._search[i]
        if role == ID_ROLE:
            return r[ROW_ID]
        return None

    def _sort_value(self, r: ListRow, column: Column) -> Any:
        match column:
            case Column.ARRIVAL | Column.DEPARTURE:
                # QDate, not a Python date: C++ code (a plain proxy's lessThan) can compare it.
                iso = r[ROW_ARRIVAL] if column == Column.ARRIVAL else r[ROW_DEPARTURE]
                return QDate.fromString(iso, Qt.DateFormat.ISODate)
            case Column.STATUS:
                return STATUS_ORDER.get(VisitStatus(r[ROW_STATUS]), len(STATUS_ORDER))
            case Column.CODE:
                return code_sort_key(r[ROW_CODE])
            case Column.VISITOR:
                return self._visitor.get(r[ROW_VISITOR], "").casefold()
            case Column.HOME:
                return self._home.get(r[ROW_VISITOR], "").casefold()
            case _:
                return self._listing.institutions.get(r[ROW_HOST], "").casefold()

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


def _all_words_pattern(terms: tuple[str, ...]) -> QRegularExpression:
    # One lookahead per word: every word somewhere in the text, in any order.
    pattern = "".join(f"(?=.*{QRegularExpression.escape(t)})" for t in terms)
    return QRegularExpression(
        f"^{pattern}" if terms else "",
        QRegularExpression.PatternOption.DotMatchesEverythingOption,
    )


class VisitFilterProxyModel(QSortFilterProxyModel):
    """Shows the visits whose text contains every word typed, in any column.

    Matching is case-insensitive, folds full-width letters and works for kanji. Over a
    :class:`VisitTableModel` the words, the criteria and sorting are handed to that model,
    which filters all rows in one pass; this proxy then adds no per-row work (it overrides no
    per-row method, so Qt never calls back into Python for each row). Other sources are
    filtered here by Qt on ``SEARCH_ROLE`` with a pattern requiring every word, and sorted on
    ``SORT_ROLE``; the structured criteria need a :class:`VisitTableModel`.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: tuple[str, ...] = ()
        self._criteria = VisitCriteria()
        self._table: VisitTableModel | None = None
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802
        """Use *model* as the source; a :class:`VisitTableModel` filters and sorts itself."""
        super().setSourceModel(model)
        self._table = model if isinstance(model, VisitTableModel) else None
        self._apply()

    @property
    def filter_terms(self) -> tuple[str, ...]:
        """The normalised words every shown row contains."""
        return self._terms

    def set_filter_text(self, text: str) -> None:
        """Show only rows containing every whitespace-separated word of *text*."""
        terms = tuple(normalise_for_search(text).split())
        if terms != self._terms:
            self._terms = terms
            self._apply()

    @property
    def criteria(self) -> VisitCriteria:
        """The structured filters (status, direction, host, project, dates) in force."""
        return self._criteria

    def set_criteria(self, criteria: VisitCriteria) -> None:
        """Show only visits matching *criteria* (and the filter words)."""
        if criteria != self._criteria:
            self._criteria = criteria
            self._apply()

    def _apply(self) -> None:
        if self._table is not None:
            self._table.set_filter(self._terms, self._criteria)
        else:
            self.setFilterRegularExpression(_all_words_pattern(self._terms))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source when it can sort itself; otherwise sort here on ``SORT_ROLE``."""
        if self._table is not None:
            self._table.sort(column, order)
        else:
            super().sort(column, order)

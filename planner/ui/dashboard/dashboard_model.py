"""Item models of the dashboard: one small table per section, and the counts by status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPalette

from planner.domain.enums import PaperworkStatus, VisitStatus
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.dashboard import DashboardVisit, PaperworkDue, StatusCount
from planner.ui.common.formats import day_month_year, localised, person_name_both, short_day
from planner.ui.common.labels import (
    paperwork_status_label,
    status_colour,
    status_label,
    status_swatch,
)
from planner.ui.common.palette import error_colour
from planner.ui.common.roles import VISIT_ID_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def days_text(days: int) -> str:
    """How far a day is from today, as people say it: ``today``, ``in 3 days``, ``2 days ago``."""
    if days == 0:
        return QCoreApplication.translate("Dashboard", "today")
    if days == 1:
        return QCoreApplication.translate("Dashboard", "tomorrow")
    if days == -1:
        return QCoreApplication.translate("Dashboard", "yesterday")
    if days > 1:
        return QCoreApplication.translate("Dashboard", "in %n days", None, days)
    return QCoreApplication.translate("Dashboard", "%n days ago", None, -days)


def dark_palette() -> bool:
    """Whether the palette draws text on a dark base."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


@dataclass(frozen=True)
class DashboardRow:
    """One line of a dashboard section, already in display form."""

    visit_id: int
    when: str
    day: date
    code: str
    visitor: str
    host: str
    status: str
    colour: QColor | None = None
    tooltip: str = ""


class RowTexts:
    """Status labels and colours and "in N days" texts for one reload.

    Thousands of rows share a handful of statuses and day counts: each text and colour is
    made once, not once per row.
    """

    def __init__(self, *, dark: bool = False) -> None:
        self.dark = dark
        self._status: dict[tuple[VisitStatus, str], tuple[str, QColor]] = {}
        self._days: dict[int, str] = {}

    def status(self, status: VisitStatus, note: str = "") -> tuple[str, QColor]:
        """The label (with its translated *note*) and colour of *status*."""
        found = self._status.get((status, note))
        if found is None:
            label = status_label(status)
            if note:
                label = f"{label} — {_tr(note)}"
            found = (label, status_colour(status, dark_background=self.dark))
            self._status[(status, note)] = found
        return found

    def days(self, days: int) -> str:
        """:func:`days_text` of *days*."""
        text = self._days.get(days)
        if text is None:
            text = self._days[days] = days_text(days)
        return text


def visit_row(
    entry: DashboardVisit, *, dark: bool = False, texts: RowTexts | None = None
) -> DashboardRow:
    """The display form of a dashboard visit entry (*texts*: shared by the rows of a reload)."""
    texts = texts if texts is not None else RowTexts(dark=dark)
    host = entry.host_institution
    host_line = f"{host} ({entry.host_person})" if entry.host_person else host
    status, colour = texts.status(entry.status, entry.note)
    tooltip = (
        f"{entry.code}: {entry.home_institution} → {host_line}\n"
        f"{day_month_year(entry.arrival_date)} – {day_month_year(entry.departure_date)}"
    )
    return DashboardRow(
        visit_id=entry.visit_id,
        when=texts.days(entry.days_until),
        day=entry.day,
        code=entry.code,
        visitor=person_name_both(entry.visitor_name, entry.visitor_name_native),
        host=host,
        status=status,
        colour=colour,
        tooltip=tooltip,
    )


class VisitRows(Sequence[DashboardRow]):
    """Dashboard visit entries shown as rows, each made when first asked for.

    A section of a large database holds hundreds or thousands of entries and shows a few:
    the table asks only for the rows it draws, so only those are built.
    """

    def __init__(self, entries: Sequence[DashboardVisit], texts: RowTexts) -> None:
        self._entries = entries
        self._texts = texts
        self._made: dict[int, DashboardRow] = {}

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> DashboardRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[DashboardRow]: ...

    def __getitem__(self, index: int | slice) -> DashboardRow | list[DashboardRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        if index < 0:
            index += len(self._entries)
        row = self._made.get(index)
        if row is None:
            row = self._made[index] = visit_row(self._entries[index], texts=self._texts)
        return row

    def visit_ids(self) -> list[int]:
        """The visit ids, top to bottom (without making the rows)."""
        return [entry.visit_id for entry in self._entries]


def paperwork_row(item: PaperworkDue) -> DashboardRow:
    """The display form of a paperwork item due soon or overdue."""
    status = paperwork_status_label(PaperworkStatus(item.status))
    if item.blocking:
        blocking = QCoreApplication.translate("Dashboard", "blocking")
        status = f"{status} — {blocking}"
    title = localised(item.title, item.title_ja)
    return DashboardRow(
        visit_id=item.visit_id,
        when=days_text(item.days_until),
        day=item.due_date,
        code=item.code,
        visitor=person_name_both(item.visitor_name, item.visitor_name_native),
        host=title,
        status=status,
        colour=error_colour() if item.days_until < 0 else None,
        tooltip=f"{item.code}: {title} ({item.host_institution})",
    )


#: Column titles of a visit section and of the paperwork section.
VISIT_HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Dashboard", "When"),
    QT_TRANSLATE_NOOP("Dashboard", "Date"),
    QT_TRANSLATE_NOOP("Dashboard", "Code"),
    QT_TRANSLATE_NOOP("Dashboard", "Visitor"),
    QT_TRANSLATE_NOOP("Dashboard", "Host"),
    QT_TRANSLATE_NOOP("Dashboard", "Status"),
)
PAPERWORK_HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Dashboard", "When"),
    QT_TRANSLATE_NOOP("Dashboard", "Due"),
    QT_TRANSLATE_NOOP("Dashboard", "Code"),
    QT_TRANSLATE_NOOP("Dashboard", "Visitor"),
    QT_TRANSLATE_NOOP("Dashboard", "Document"),
    QT_TRANSLATE_NOOP("Dashboard", "Status"),
)


class DashboardSectionModel(QAbstractTableModel):
    """The rows of one dashboard section: when, date, code, visitor, host, status."""

    WHEN, DATE, CODE, VISITOR, HOST, STATUS = range(6)

    def __init__(
        self, headers: Sequence[str] = VISIT_HEADERS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: Sequence[DashboardRow] = []
        self._brushes: dict[str, QBrush] = {}

    def set_rows(self, rows: Sequence[DashboardRow]) -> None:
        """Replace every row (a :class:`VisitRows` is kept as it is: rows made when drawn)."""
        self.beginResetModel()
        self._rows = rows if isinstance(rows, VisitRows) else list(rows)
        self.endResetModel()

    def _brush(self, colour: QColor) -> QBrush:
        # One brush per colour, made when a row of that colour is first drawn.
        name = colour.name()
        brush = self._brushes.get(name)
        if brush is None:
            brush = self._brushes[name] = QBrush(colour)
        return brush

    def row_at(self, row: int) -> DashboardRow:
        """The entry shown in *row*."""
        return self._rows[row]

    def visit_ids(self) -> list[int]:
        """The visit ids, top to bottom."""
        if isinstance(self._rows, VisitRows):
            return self._rows.visit_ids()
        return [row.visit_id for row in self._rows]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of entries."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, status colour, tooltip or visit id, by *role*."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.when,
                short_day(row.day),
                row.code,
                row.visitor,
                row.host,
                row.status,
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS and row.colour:
            return self._brush(row.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or None
        if role == VISIT_ID_ROLE:
            return row.visit_id
        return None

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles (translated)."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return _tr(self._headers[section])
        return None


class StatusCountModel(QAbstractListModel):
    """Visits per status in life-cycle order: ``Draft  2`` with the status colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counts: list[StatusCount] = []
        self._icons: dict[VisitStatus, QIcon] = {}
        self._brushes: dict[VisitStatus, QBrush] = {}

    def set_counts(self, counts: Sequence[StatusCount]) -> None:
        """Replace the counts."""
        self.beginResetModel()
        self._counts = list(counts)
        if not self._icons:
            dark = dark_palette()
            for status in VisitStatus:
                colour = status_colour(status, dark_background=dark)
                self._icons[status] = status_swatch(colour)
                self._brushes[status] = QBrush(colour)
        self.endResetModel()

    def total(self) -> int:
        """All visits counted."""
        return sum(c.count for c in self._counts)

    def count_of(self, status: VisitStatus) -> int:
        """The number of visits in *status*."""
        return next((c.count for c in self._counts if c.status is status), 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of statuses."""
        return 0 if parent.isValid() else len(self._counts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """``Label  count``, the colour swatch, or the status colour as text colour."""
        if not index.isValid() or not 0 <= index.row() < len(self._counts):
            return None
        item = self._counts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{status_label(item.status)}  {item.count}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(item.status)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes.get(item.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("Dashboard", "%1 visits %2")
                .replace("%1", str(item.count))
                .replace("%2", status_label(item.status).lower())
            )
        return None

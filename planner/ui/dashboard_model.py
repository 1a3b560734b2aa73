"""Item models of the dashboard: one small table per section, and the counts by status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from planner.domain.enums import VisitStatus
from planner.services.dashboard import DashboardVisit, PaperworkDue, StatusCount
from planner.ui.labels import status_colour, status_label

#: The visit's database id (any column).
VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

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


def visitor_text(latin: str, native: str) -> str:
    """``Yuki Todo (藤堂 由紀)``, or only the Latin name when no native one is recorded."""
    return f"{latin} ({native})" if native else latin


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


def visit_row(entry: DashboardVisit, *, dark: bool = False) -> DashboardRow:
    """The display form of a dashboard visit entry."""
    host = entry.host_institution
    host_line = f"{host} ({entry.host_person})" if entry.host_person else host
    status = status_label(entry.status)
    if entry.note:
        status = f"{status} — {_tr(entry.note)}"
    tooltip = (
        f"{entry.code}: {entry.home_institution} → {host_line}\n"
        f"{entry.arrival_date.isoformat()} – {entry.departure_date.isoformat()}"
    )
    return DashboardRow(
        visit_id=entry.visit_id,
        when=days_text(entry.days_until),
        day=entry.day,
        code=entry.code,
        visitor=visitor_text(entry.visitor_name, entry.visitor_name_native),
        host=host,
        status=status,
        colour=status_colour(entry.status, dark_background=dark),
        tooltip=tooltip,
    )


def paperwork_row(item: PaperworkDue) -> DashboardRow:
    """The display form of a paperwork item due soon or overdue."""
    status = item.status.replace("_", " ").capitalize()
    if item.blocking:
        status = f"{status} — {QCoreApplication.translate('Dashboard', 'blocking')}"
    return DashboardRow(
        visit_id=item.visit_id,
        when=days_text(item.days_until),
        day=item.due_date,
        code=item.code,
        visitor=visitor_text(item.visitor_name, item.visitor_name_native),
        host=item.title,
        status=status,
        colour=QColor("#c62828") if item.days_until < 0 else None,
        tooltip=f"{item.code}: {item.title} ({item.host_institution})",
    )


#: Column titles of a visit section and of the paperwork section.
VISIT_HEADERS = ("When", "Date", "Code", "Visitor", "Host", "Status")
PAPERWORK_HEADERS = ("When", "Due", "Code", "Visitor", "Document", "Status")


class DashboardSectionModel(QAbstractTableModel):
    """The rows of one dashboard section: when, date, code, visitor, host, status."""

    WHEN, DATE, CODE, VISITOR, HOST, STATUS = range(6)

    def __init__(
        self, headers: Sequence[str] = VISIT_HEADERS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: list[DashboardRow] = []
        self._brushes: dict[str, QBrush] = {}

    def set_rows(self, rows: Sequence[DashboardRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self._brushes = {
            row.colour.name(): QBrush(row.colour) for row in self._rows if row.colour is not None
        }
        self.endResetModel()

    def row_at(self, row: int) -> DashboardRow:
        """The entry shown in *row*."""
        return self._rows[row]

    def visit_ids(self) -> list[int]:
        """The visit ids, top to bottom."""
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
                row.day.strftime("%a %d %b").replace(" 0", " "),
                row.code,
                row.visitor,
                row.host,
                row.status,
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS and row.colour:
            return self._brushes.get(row.colour.name())
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


def status_swatch(colour: QColor, size: int = 12) -> QIcon:
    """A small square of *colour*, with a darker border, for a legend."""
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(colour.darker(140))
    painter.setBrush(colour)
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


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

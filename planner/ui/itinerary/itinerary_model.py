"""Tree model of an itinerary: days (host-local) → items, with the checks beside each item."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QApplication, QStyle

from planner.domain.entities import ItineraryItem, Visit
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.itinerary_checks import Finding
from planner.domain.itinerary_days import ScheduledItem, group_by_day
from planner.ui.common import formats, palette
from planner.ui.common.errors import message_text
from planner.ui.common.labels import itinerary_kind_label
from planner.ui.common.roles import FINDINGS_ROLE, ID_ROLE, MARKER_ROLE


def _tr(text: str) -> str:
    return QCoreApplication.translate("Itinerary", text)


#: The kind as the interface shows it (the itinerary dialog imports it under this name).
kind_text = itinerary_kind_label


class Column(IntEnum):
    """Columns of the itinerary tree."""

    START = 0
    END = 1
    KIND = 2
    TITLE = 3
    LOCATION = 4
    CHECKS = 5


_ROOT = QModelIndex()

_HEADERS = {
    Column.START: QT_TRANSLATE_NOOP("Itinerary", "Start (local)"),
    Column.END: QT_TRANSLATE_NOOP("Itinerary", "End (local)"),
    Column.KIND: QT_TRANSLATE_NOOP("Itinerary", "Kind"),
    Column.TITLE: QT_TRANSLATE_NOOP("Itinerary", "Title"),
    Column.LOCATION: QT_TRANSLATE_NOOP("Itinerary", "Location"),
    Column.CHECKS: QT_TRANSLATE_NOOP("Itinerary", "Checks"),
}


@dataclass
class _Day:
    day: date
    entries: list[ScheduledItem]
    findings: list[Finding] = field(default_factory=list)


def _short(day: date) -> str:
    return formats.short_day(day)


def _findings_text(findings: list[Finding], separator: str) -> str:
    return separator.join(message_text(f.message) for f in findings)


class ItineraryTreeModel(QAbstractItemModel):
    """Days of the stay (and any day with items) as top-level rows, their items as children.

    Everything shown comes from the domain (:func:`group_by_day`, the checks); the model only
    formats it. Days inside the stay without items still appear, so a night without lodging
    has a row to show its warning on.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._days: list[_Day] = []
        self._item_findings: dict[int, list[Finding]] = {}

    # -- loading -----------------------------------------------------------------------------

    def load(
        self, visit: Visit | None, items: list[ItineraryItem], findings: list[Finding]
    ) -> None:
        """Show *items* of *visit* with *findings* beside them."""
        self.beginResetModel()
        days = {d.day: _Day(d.day, list(d.entries)) for d in group_by_day(items)}
        if visit is not None:
            for n in range(visit.nights + 1):
                day = visit.arrival_date + timedelta(days=n)
                days.setdefault(day, _Day(day, []))
        self._item_findings = {}
        for finding in findings:
            if finding.night is not None:
                days.setdefault(finding.night, _Day(finding.night, [])).findings.append(finding)
            for item_id in finding.item_ids:
                self._item_findings.setdefault(item_id, []).append(finding)
        self._days = [days[d] for d in sorted(days)]
        self.endResetModel()

    # -- lookups -----------------------------------------------------------------------------

    def entry(self, index: QModelIndex) -> ScheduledItem | None:
        """The scheduled item of an item row (None for a day row)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._days[index.internalId() - 1].entries[index.row()]

    def day_of(self, index: QModelIndex) -> date | None:
        """The day a row belongs to."""
        if not index.isValid():
            return None
        parent_row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._days[parent_row].day

    def index_of_item(self, item_id: int) -> QModelIndex:
        """The index (first column) of the item with *item_id*, invalid if not shown."""
        for d, day in enumerate(self._days):
            for r, entry in enumerate(day.entries):
                if entry.item.id == item_id:
                    return self.createIndex(r, 0, d + 1)
        return QModelIndex()

    def day_count(self) -> int:
        """Number of day rows."""
        return len(self._days)

    def findings_of(self, item_id: int) -> list[Finding]:
        """The findings shown beside *item_id*."""
        return list(self._item_findings.get(item_id, []))

    # -- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | Any = _ROOT) -> QModelIndex:
        """Index of (row, column) under *parent*; internal id 0 marks a day row."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex | Any = _ROOT) -> QModelIndex:  # type: ignore[override]
        """The day row of an item row; invalid for a day row."""
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | Any = _ROOT) -> int:  # noqa: N802
        """Days at the top, items under a day."""
        if not parent.isValid():
            return len(self._days)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._days[parent.row()].entries)
        return 0

    def columnCount(self, parent: QModelIndex | Any = _ROOT) -> int:  # noqa: N802
        """Fixed columns (:class:`Column`)."""
        return len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(_HEADERS[Column(section)])
        return None

    def flags(self, index: QModelIndex | Any) -> Qt.ItemFlag:
        """Rows are selectable, never edited in place (the item dialog does that)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltips, warning icons and the item id (``ID_ROLE``)."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._day_data(self._days[index.row()], Column(index.column()), role)
        day = self._days[index.internalId() - 1]
        return self._item_data(day, day.entries[index.row()], Column(index.column()), role)

    # -- formatting --------------------------------------------------------------------------

    def _day_data(self, day: _Day, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.START:
                return formats.day_heading(day.day)
            if column is Column.CHECKS and day.findings:
                return _findings_text(day.findings, "; ")
        if role == Qt.ItemDataRole.FontRole and column is Column.START:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column is Column.CHECKS and day.findings:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == FINDINGS_ROLE:
            return list(day.findings)
        return None

    def _item_data(self, day: _Day, entry: ScheduledItem, column: Column, role: int) -> Any:
        item = entry.item
        findings = self._item_findings.get(item.id or -1, [])
        marker = formats.day_offset(entry.day_offset)
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.START:
                prefix = f"{_short(entry.start.local.date())} " if entry.day != day.day else ""
                return f"{prefix}{entry.start.clock} {entry.start.abbreviation}"
            if column is Column.END:
                text = f"{entry.end.clock} {entry.end.abbreviation}"
                if entry.day_offset:
                    text = f"{_short(entry.end.local.date())} {text}  {marker}"
                return text
            if column is Column.KIND:
                return kind_text(item.kind)
            if column is Column.TITLE:
                first, second = (
                    (item.title_ja, item.title)
                    if formats.is_japanese()
                    else (item.title, item.title_ja)
                )
                return f"{first}  {second}".strip()
            if column is Column.LOCATION:
                return item.location_name
            if column is Column.CHECKS:
                return _findings_text(findings, "; ")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.CHECKS and findings:
                return _findings_text(findings, "\n")
            if column in (Column.START, Column.END):
                end = entry.start if column is Column.START else entry.end
                shown = formats.date_time(end.local, end.abbreviation)
                return f"{shown} ({end.zone}, {end.utc_offset})"
        if role == Qt.ItemDataRole.DecorationRole and column is Column.CHECKS and findings:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.END and marker:
            return QBrush(palette.warning_colour())
        if role == ID_ROLE:
            return item.id
        if role == FINDINGS_ROLE:
            return list(findings)
        if role == MARKER_ROLE:
            return marker
        return None

"""Events and their participants as table models for the events view."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from planner.domain.entities import Event, Participant
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.timezones import utc_to_local
from planner.ui.common.labels import event_kind_label, participant_role_label
from planner.ui.common.roles import ID_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


def event_when(event: Event) -> str:
    """``2027-03-10 15:00–16:30 CDT``: local time where the event happens, with its zone."""
    start = utc_to_local(event.start_utc, event.start_zone)
    end = utc_to_local(event.end_utc, event.end_zone)
    if start.date() == end.date():
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M} {end.tzname()}"
    return f"{start:%Y-%m-%d %H:%M} {start.tzname()} – {end:%Y-%m-%d %H:%M} {end.tzname()}"


@dataclass(frozen=True)
class EventRow:
    """One line of the events table."""

    event: Event
    institution: str
    participants: int


class EventColumn(IntEnum):
    """Columns of the events table."""

    WHEN = 0
    KIND = 1
    TITLE = 2
    SERIES = 3
    WHERE = 4
    PARTICIPANTS = 5


_EVENT_HEADERS = (
    QT_TRANSLATE_NOOP("EventTableModel", "When (local)"),
    QT_TRANSLATE_NOOP("EventTableModel", "Kind"),
    QT_TRANSLATE_NOOP("EventTableModel", "Title"),
    QT_TRANSLATE_NOOP("EventTableModel", "Series"),
    QT_TRANSLATE_NOOP("EventTableModel", "Where"),
    QT_TRANSLATE_NOOP("EventTableModel", "Participants"),
)


class EventTableModel(QAbstractTableModel):
    """Events, earliest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EventRow] = []

    def set_rows(self, rows: list[EventRow]) -> None:
        """Replace the events shown."""
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: r.event.start_utc)
        self.endResetModel()

    def event_at(self, row: int) -> Event:
        """The event in *row*."""
        return self._rows[row].event

    def row_of(self, event_id: int) -> int | None:
        """The row of the event with *event_id*."""
        return next((i for i, r in enumerate(self._rows) if r.event.id == event_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of events."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(EventColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, and the event id under ``ID_ROLE``."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.event.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == EventColumn.TITLE:
            return "\n".join(t for t in (row.event.title, row.event.title_ja) if t)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        event = row.event
        match EventColumn(index.column()):
            case EventColumn.WHEN:
                return event_when(event)
            case EventColumn.KIND:
                return event_kind_label(event.kind)
            case EventColumn.TITLE:
                return f"{event.title} / {event.title_ja}" if event.title_ja else event.title
            case EventColumn.SERIES:
                return event.series
            case EventColumn.WHERE:
                return ", ".join(p for p in (event.venue, row.institution) if p)
            case EventColumn.PARTICIPANTS:
                return str(row.participants)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("EventTableModel", _EVENT_HEADERS[section])
        return None


class ParticipantTableModel(QAbstractTableModel):
    """Participants of one event: name and role."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Participant, str]] = []

    def set_rows(self, rows: list[tuple[Participant, str]]) -> None:
        """Replace the participants shown (each with the person's display name)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def participant_at(self, row: int) -> Participant:
        """The participant in *row*."""
        return self._rows[row][0]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of participants."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Name and role."""
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        participant, name = self._rows[index.row()]
        return name if index.column() == 0 else participant_role_label(participant.role)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("ParticipantTableModel", "Person")
                if section == 0
                else QCoreApplication.translate("ParticipantTableModel", "Role")
            )
        return None

"""Events and their participants as table models for the events view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject

from planner.domain.entities import Event, Participant
from planner.domain.enums import Attendance
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.series import Occurrence, SiteTime
from planner.domain.timezones import utc_to_local
from planner.ui.common.formats import zoned_time
from planner.ui.common.labels import event_kind_label, participant_role_label
from planner.ui.common.table_model import ColumnSpec, RowTableModel


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
    #: The first occurrence at every participating site: ``Tue 17:00 CST = Wed 08:00 JST``.
    sites: str = ""


class EventColumn(IntEnum):
    """Columns of the events table."""

    WHEN = 0
    KIND = 1
    TITLE = 2
    SERIES = 3
    WHERE = 4
    PARTICIPANTS = 5
    SITES = 6


def _event_title(row: EventRow) -> str:
    event = row.event
    return f"{event.title} / {event.title_ja}" if event.title_ja else event.title


def _event_column(
    header: str,
    display: Callable[[EventRow], str],
    tooltip: Callable[[EventRow], str | None] | None = None,
) -> ColumnSpec[EventRow]:
    return ColumnSpec(header, "EventTableModel", display, tooltip=tooltip)


#: The events table's columns, in :class:`EventColumn` order.
EVENT_COLUMNS: list[ColumnSpec[EventRow]] = [
    _event_column(
        QT_TRANSLATE_NOOP("EventTableModel", "When (local)"), lambda r: event_when(r.event)
    ),
    _event_column(
        QT_TRANSLATE_NOOP("EventTableModel", "Kind"), lambda r: event_kind_label(r.event.kind)
    ),
    _event_column(
        QT_TRANSLATE_NOOP("EventTableModel", "Title"),
        _event_title,
        tooltip=lambda r: "\n".join(t for t in (r.event.title, r.event.title_ja) if t),
    ),
    _event_column(QT_TRANSLATE_NOOP("EventTableModel", "Series"), lambda r: r.event.series),
    _event_column(
        QT_TRANSLATE_NOOP("EventTableModel", "Where"),
        lambda r: ", ".join(p for p in (r.event.venue, r.institution) if p),
    ),
    _event_column(
        QT_TRANSLATE_NOOP("EventTableModel", "Participants"), lambda r: str(r.participants)
    ),
    _event_column(QT_TRANSLATE_NOOP("EventTableModel", "At each site"), lambda r: r.sites),
]


def sites_text(times: Sequence[SiteTime]) -> str:
    """``Tue 17:00 CST = Wed 08:00 JST (+1 day)``: one occurrence at every site, in the
    interface language (``火 17:00 CST = 水 08:00 JST(+1日)``)."""
    return " = ".join(zoned_time(t.start, t.day_shift) for t in times)


@dataclass(frozen=True)
class OccurrenceLine:
    """One occurrence of the selected event with every site's local time."""

    occurrence: Occurrence
    times: tuple[SiteTime, ...]


def _occurrence_notes(line: OccurrenceLine) -> str:
    notes: list[str] = []
    if line.occurrence.moved:
        notes.append(QCoreApplication.translate("OccurrenceTableModel", "moved"))
    for t in line.times:
        if t.outside_hours:
            notes.append(
                QCoreApplication.translate(
                    "OccurrenceTableModel", "outside working hours at {site}"
                ).format(site=t.site.name)
            )
        if t.clock_change:
            notes.append(
                QCoreApplication.translate(
                    "OccurrenceTableModel", "{site}: time moved, {zone} changed its clocks"
                ).format(site=t.site.name, zone=t.clock_change)
            )
    return "; ".join(notes)  # fmt: skip


#: The occurrences table's columns.
OCCURRENCE_COLUMNS: list[ColumnSpec[OccurrenceLine]] = [
    ColumnSpec(QT_TRANSLATE_NOOP("OccurrenceTableModel", "Date"), "OccurrenceTableModel",
               lambda r: r.occurrence.original_date.isoformat(),
               sort_key=lambda r: r.occurrence.original_start_utc),
    ColumnSpec(QT_TRANSLATE_NOOP("OccurrenceTableModel", "Local time at each site"),
               "OccurrenceTableModel", lambda r: sites_text(r.times),
               sort_key=lambda r: r.occurrence.start_utc),
    ColumnSpec(QT_TRANSLATE_NOOP("OccurrenceTableModel", "Notes"), "OccurrenceTableModel",
               _occurrence_notes),
]  # fmt: skip


def attendance_label(attendance: Attendance) -> str:
    """In the room / Remote, in the interface language."""
    if attendance is Attendance.REMOTE:
        return QCoreApplication.translate("ParticipantTableModel", "Remote")
    return QCoreApplication.translate("ParticipantTableModel", "In the room")


PARTICIPANT_COLUMNS: list[ColumnSpec[tuple[Participant, str]]] = [
    ColumnSpec(
        QT_TRANSLATE_NOOP("ParticipantTableModel", "Person"),
        "ParticipantTableModel",
        lambda r: r[1],
    ),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ParticipantTableModel", "Role"),
        "ParticipantTableModel",
        lambda r: participant_role_label(r[0].role),
    ),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ParticipantTableModel", "Attends"),
        "ParticipantTableModel",
        lambda r: attendance_label(r[0].attendance),
    ),
]


class EventTableModel(RowTableModel[EventRow]):
    """Events, earliest first; the event id under ``ID_ROLE``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(EVENT_COLUMNS, parent, row_id=lambda r: r.event.id)

    def set_rows(self, rows: Sequence[EventRow]) -> None:
        """Replace the events shown (earliest first)."""
        super().set_rows(sorted(rows, key=lambda r: r.event.start_utc))

    def event_at(self, row: int) -> Event:
        """The event in *row*."""
        return self.row_at(row).event


class ParticipantTableModel(RowTableModel[tuple[Participant, str]]):
    """Participants of one event (each with the person's display name): name and role."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(PARTICIPANT_COLUMNS, parent)

    def participant_at(self, row: int) -> Participant:
        """The participant in *row*."""
        return self.row_at(row)[0]

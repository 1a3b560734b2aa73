"""Shared events (lectures, seminars, symposia) and who takes part in them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from planner.db.models import (
    EventRow,
    EventSiteRow,
    InstitutionRow,
    ItineraryItemRow,
    OccurrenceChangeRow,
    ParticipantRow,
    PersonRow,
    VisitRow,
)
from planner.domain.entities import Event, Participant
from planner.domain.enums import (
    Attendance,
    AuditAction,
    EventKind,
    Frequency,
    ItineraryKind,
    ParticipantRole,
    RecordKind,
    VisitStatus,
)
from planner.domain.errors import ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.series import (
    Occurrence,
    OccurrenceChange,
    Recurrence,
    Site,
    SiteTime,
    WorkingHours,
    occurrence_dates,
    occurrences,
    parse_hours,
    site_times,
)
from planner.domain.timezones import ensure_utc, utc_to_local
from planner.domain.validation import validate_event
from planner.services import audit
from planner.services.changes import Change
from planner.services.directory import require
from planner.services.itinerary import new_uid
from planner.services.records import (
    RecordService,
    check_version,
    to_entity,
    translate_stale,
)


@dataclass(frozen=True)
class SeriesDetails:
    """An event (single or a series) with its sites, changes, occurrences and local times."""

    event: Event
    sites: tuple[Site, ...]
    changes: tuple[OccurrenceChange, ...]
    occurrences: tuple[Occurrence, ...]
    #: For every occurrence, the local time at every site (same order as *sites*).
    times: tuple[tuple[SiteTime, ...], ...]

    @property
    def recurrence(self) -> Recurrence:
        """The event's recurrence rule."""
        e = self.event
        return Recurrence(e.frequency, e.repeat_until, e.repeat_count)


def recurrence_of(event: Event | EventRow) -> Recurrence:
    """The recurrence rule of an event (entity or row)."""
    return Recurrence(event.frequency, event.repeat_until, event.repeat_count)


def event_occurrences(
    event: Event | EventRow, changes: Sequence[OccurrenceChange] = ()
) -> list[Occurrence]:
    """The occurrences of *event*, anchored in its start zone."""
    return occurrences(
        event.start_utc, event.end_utc, event.start_zone, recurrence_of(event), changes
    )


class EventService(RecordService[Event, EventRow]):
    """Events and their participants."""

    entity_name = RecordKind.EVENT
    row_type = EventRow
    entity_type = Event

    def validate(self, entity: Event) -> None:
        """Title, zones and the order of start and end must be valid."""
        validate_event(entity)

    def check_references(self, session: Session, entity: Event) -> None:
        """The hosting institution must exist."""
        require(session, InstitutionRow, entity.institution_id, "institution_id", "institution")

    def participants(self, event_id: int) -> list[Participant]:
        """Everyone taking part in an event."""
        with self.db.read() as session:
            rows = session.scalars(
                select(ParticipantRow)
                .where(ParticipantRow.event_id == event_id)
                .order_by(ParticipantRow.role, ParticipantRow.person_id)
            )
            return [
                Participant(r.event_id, r.person_id, r.role, r.version, r.attendance) for r in rows
            ]

    def set_participant(
        self,
        event_id: int,
        person_id: int,
        role: ParticipantRole = ParticipantRole.ATTENDEE,
        expected_version: int | None = None,
        attendance: Attendance | None = None,
    ) -> Participant:
        """Add a person to an event, or change their role.

        A newly added participant whose visit (not cancelled) covers the event's local date
        gets the event in that visit's itinerary. *expected_version* is the version of the
        participant the caller read (0: the caller saw them absent); :class:`ConflictError`
        when the stored participant is not that one. None skips the check (a plain "add").
        """
        added_items: list[int] = []
        with self.db.write() as session, translate_stale("participant", person_id, None):
            event = self._row(session, event_id)
            require(session, PersonRow, person_id, "person_id", "person")
            row = session.get(ParticipantRow, (event_id, person_id))
            if expected_version is not None:
                check_version(
                    "participant", person_id, expected_version, 0 if row is None else row.version
                )
            if row is None:
                row = ParticipantRow(
                    event_id=event_id, person_id=person_id, role=role,
                    attendance=attendance or Attendance.ROOM,
                )  # fmt: skip
                session.add(row)
                changes = {"participant": [None, person_id], "role": [None, role.value]}
                added_items = _add_to_itineraries(session, event, person_id)
            else:
                changes = {"role": [row.role.value, role.value]}
                row.role = role
                if attendance is not None and attendance != row.attendance:
                    changes["attendance"] = [row.attendance.value, attendance.value]
                    row.attendance = attendance
            session.flush()
            stored = Participant(event_id, person_id, row.role, row.version, row.attendance)
            audit.record(session, "event", event_id, AuditAction.UPDATE, changes)
        self.bus.publish(Change(RecordKind.EVENT, (event_id,), AuditAction.UPDATE))
        if added_items:
            self.bus.publish(
                Change(RecordKind.ITINERARY_ITEM, tuple(added_items), AuditAction.CREATE)
            )
        return stored

    def remove_participant(
        self, event_id: int, person_id: int, expected_version: int | None = None
    ) -> None:
        """Take a person off an event, and the event off their visits' itineraries.

        With *expected_version*, :class:`ConflictError` when the participant's role changed
        since the caller read it, or they were removed already.
        """
        with self.db.write() as session, translate_stale("participant", person_id, None):
            row = session.get(ParticipantRow, (event_id, person_id))
            if expected_version is not None:
                check_version(
                    "participant", person_id, expected_version, 0 if row is None else row.version
                )
            if row is None:
                return
            session.delete(row)
            session.flush()  # the versioned DELETE: a concurrent change surfaces here
            removed = _remove_from_itineraries(session, event_id, person_id)
            audit.record(
                session, "event", event_id, AuditAction.UPDATE, {"participant": [person_id, None]}
            )
        self.bus.publish(Change(RecordKind.EVENT, (event_id,), AuditAction.UPDATE))
        if removed:
            self.bus.publish(Change(RecordKind.ITINERARY_ITEM, tuple(removed), AuditAction.DELETE))

    def participant_counts(self) -> dict[int, int]:
        """Number of participants of every event that has any."""
        with self.db.read() as session:
            rows = session.execute(
                select(ParticipantRow.event_id, func.count()).group_by(ParticipantRow.event_id)
            )
            return {int(event_id): int(count) for event_id, count in rows}

    def visits_covering(self, event_id: int, person_id: int) -> list[int]:
        """Ids of the person's visits (not cancelled) during which the event takes place."""
        with self.db.read() as session:
            event = self._row(session, event_id)
            return [v.id for v, _ in _covering(session, event, person_id)]

    # Hybrid events and series ------------------------------------------------------------
    def details(self, event_id: int) -> SeriesDetails:
        """The event with its sites, changes, occurrences and every site's local times."""
        with self.db.read() as session:
            return _details(session, self._row(session, event_id))

    def all_details(self) -> list[SeriesDetails]:
        """:meth:`details` of every event, in start order."""
        with self.db.read() as session:
            rows = session.scalars(select(EventRow).order_by(EventRow.start_utc, EventRow.id))
            return [_details(session, row) for row in rows]

    def set_sites(self, event_id: int, sites: Sequence[tuple[int, WorkingHours]]) -> None:
        """Replace the participating sites (institution ids, in order, with working hours)."""
        ids = [institution_id for institution_id, _ in sites]
        if len(set(ids)) != len(ids):
            raise ValidationError.single("sites", QT_TRANSLATE_NOOP(
                "Validation", "a site is listed twice"))  # fmt: skip
        with self.db.write() as session:
            self._row(session, event_id)
            for institution_id, _ in sites:
                require(session, InstitutionRow, institution_id, "sites", "institution")
            before = [r.institution_id for r in _site_rows(session, event_id)]
            session.execute(delete(EventSiteRow).where(EventSiteRow.event_id == event_id))
            for position, (institution_id, hours) in enumerate(sites):
                session.add(EventSiteRow(event_id=event_id, institution_id=institution_id,
                                         position=position, hours=hours.text()))  # fmt: skip
            audit.record(session, "event", event_id, AuditAction.UPDATE,
                         {"sites": [before, ids]})  # fmt: skip
        self.bus.publish(Change(RecordKind.EVENT, (event_id,), AuditAction.UPDATE))

    def change_occurrence(
        self,
        event_id: int,
        original_date: date,
        *,
        cancelled: bool = False,
        start_utc: datetime | None = None,
        end_utc: datetime | None = None,
    ) -> None:
        """Cancel one occurrence of a series (*cancelled*) or move it to new instants.

        *original_date* is the anchor-local date the rule gives the occurrence. The
        participants' itineraries follow in the same transaction.
        """
        if not cancelled and (start_utc is None or end_utc is None):
            raise ValidationError.single("start", QT_TRANSLATE_NOOP(
                "Validation", "a moved occurrence needs a start and an end"))  # fmt: skip
        if start_utc is not None and end_utc is not None:
            start_utc, end_utc = ensure_utc(start_utc), ensure_utc(end_utc)
            if end_utc < start_utc:
                raise ValidationError.single("end", QT_TRANSLATE_NOOP(
                    "Validation", "ends before it starts"))  # fmt: skip
        with self.db.write() as session:
            event = self._row(session, event_id)
            _require_occurrence(event, original_date)
            row = session.scalar(select(OccurrenceChangeRow).where(
                OccurrenceChangeRow.event_id == event_id,
                OccurrenceChangeRow.original_date == original_date))  # fmt: skip
            if row is None:
                row = OccurrenceChangeRow(event_id=event_id, original_date=original_date)
                session.add(row)
            row.cancelled = cancelled
            row.start_utc = None if cancelled else start_utc
            row.end_utc = None if cancelled else end_utc
            session.flush()
            audit.record(session, "event", event_id, AuditAction.UPDATE, {
                "occurrence": original_date.isoformat(),
                "cancelled": cancelled,
                "start_utc": None if cancelled or start_utc is None else start_utc.isoformat(),
            })  # fmt: skip
            derived = _resync_itineraries(session, event)
        self._announce_derived(event_id, derived)

    def restore_occurrence(self, event_id: int, original_date: date) -> None:
        """Undo the cancellation or move of one occurrence."""
        with self.db.write() as session:
            event = self._row(session, event_id)
            session.execute(delete(OccurrenceChangeRow).where(
                OccurrenceChangeRow.event_id == event_id,
                OccurrenceChangeRow.original_date == original_date))  # fmt: skip
            audit.record(session, "event", event_id, AuditAction.UPDATE,
                         {"occurrence": original_date.isoformat(), "restored": True})  # fmt: skip
            derived = _resync_itineraries(session, event)
        self._announce_derived(event_id, derived)

    def after_write(self, session: Session, before: Event | None, after: Event) -> list[Change]:
        """A series whose rule or first occurrence changed brings the itineraries along."""
        if before is None or after.id is None:
            return []
        keys = ("start_utc", "end_utc", "start_zone", "frequency", "repeat_until", "repeat_count")
        if before.frequency is Frequency.NONE and after.frequency is Frequency.NONE:
            return []
        if all(getattr(before, k) == getattr(after, k) for k in keys):
            return []
        return _changes_of(_resync_itineraries(session, self._row(session, after.id)))

    def _announce_derived(self, event_id: int, derived: tuple[list[int], list[int]]) -> None:
        self.bus.publish(Change(RecordKind.EVENT, (event_id,), AuditAction.UPDATE))
        for change in _changes_of(derived):
            self.bus.publish(change)


def _changes_of(derived: tuple[list[int], list[int]]) -> list[Change]:
    added, removed = derived
    out: list[Change] = []
    if added:
        out.append(Change(RecordKind.ITINERARY_ITEM, tuple(added), AuditAction.CREATE))
    if removed:
        out.append(Change(RecordKind.ITINERARY_ITEM, tuple(removed), AuditAction.DELETE))
    return out


def _site_rows(session: Session, event_id: int) -> list[EventSiteRow]:
    return list(session.scalars(
        select(EventSiteRow).where(EventSiteRow.event_id == event_id)
        .order_by(EventSiteRow.position)))  # fmt: skip


def _change_list(session: Session, event_id: int) -> list[OccurrenceChange]:
    rows = session.scalars(
        select(OccurrenceChangeRow)
        .where(OccurrenceChangeRow.event_id == event_id)
        .order_by(OccurrenceChangeRow.original_date)
    )
    return [OccurrenceChange(r.original_date, r.cancelled, r.start_utc, r.end_utc, r.id)
            for r in rows]  # fmt: skip


def _details(session: Session, row: EventRow) -> SeriesDetails:
    event = to_entity(row, Event)
    sites: list[Site] = []
    for site_row in _site_rows(session, row.id):
        institution = session.get(InstitutionRow, site_row.institution_id)
        assert institution is not None  # RESTRICT keeps it
        name = institution.short_name or institution.name
        sites.append(Site(name, institution.timezone, parse_hours(site_row.hours),
                          institution.id))  # fmt: skip
    if not sites:
        # A single-site event: its own institution, in the event's zone.
        host = session.get(InstitutionRow, row.institution_id)
        name = (host.short_name or host.name) if host is not None else ""
        sites.append(Site(name, row.start_zone, WorkingHours(), row.institution_id))
    changes = _change_list(session, row.id)
    occ = event_occurrences(row, changes)
    times = site_times(occ, row.start_zone, sites)
    return SeriesDetails(event, tuple(sites), tuple(changes), tuple(occ),
                         tuple(tuple(t) for t in times))  # fmt: skip


def _require_occurrence(event: EventRow, original_date: date) -> None:
    if original_date not in occurrence_dates(event.start_utc, event.start_zone,
                                             recurrence_of(event)):  # fmt: skip
        raise ValidationError.single(
            "original_date",
            QT_TRANSLATE_NOOP("Validation", "the series has no occurrence on {date}"),
            {"date": original_date.isoformat()},
        )


_ITEM_KIND = {
    EventKind.LECTURE: ItineraryKind.LECTURE,
    EventKind.SEMINAR: ItineraryKind.SEMINAR,
    EventKind.SYMPOSIUM: ItineraryKind.SYMPOSIUM,
}


def _covering(
    session: Session, event: EventRow, person_id: int
) -> list[tuple[VisitRow, list[Occurrence]]]:
    """The person's visits (not cancelled) with the occurrences inside each stay (by the
    occurrence's local date in the event's zone)."""
    occ = event_occurrences(event, _change_list(session, event.id))
    days = [(utc_to_local(o.start_utc, event.start_zone).date(), o) for o in occ]
    if not days:
        return []
    visits = session.scalars(
        select(VisitRow).where(
            VisitRow.visitor_id == person_id,
            VisitRow.status != VisitStatus.CANCELLED,
            VisitRow.arrival_date <= max(d for d, _ in days),
            VisitRow.departure_date >= min(d for d, _ in days),
        )
    )
    out: list[tuple[VisitRow, list[Occurrence]]] = []
    for visit in visits:
        inside = [o for d, o in days if visit.arrival_date <= d <= visit.departure_date]
        if inside:
            out.append((visit, inside))
    return out


def _add_to_itineraries(session: Session, event: EventRow, person_id: int) -> list[int]:
    added: list[int] = []
    for visit, inside in _covering(session, event, person_id):
        present = set(
            session.scalars(
                select(ItineraryItemRow.start_utc).where(
                    ItineraryItemRow.visit_id == visit.id, ItineraryItemRow.event_id == event.id
                )
            )
        )
        if present and event.frequency is Frequency.NONE:
            continue  # a single event already there (perhaps edited by hand): keep it
        for occ in inside:
            if occ.start_utc not in present:
                added.append(_add_item(session, visit, event, occ))
    return added


def _add_item(session: Session, visit: VisitRow, event: EventRow, occ: Occurrence) -> int:
    last = session.scalar(
        select(func.max(ItineraryItemRow.position)).where(ItineraryItemRow.visit_id == visit.id)
    )
    item = ItineraryItemRow(
        visit_id=visit.id,
        kind=_ITEM_KIND.get(event.kind, ItineraryKind.OTHER),
        title=event.title,
        title_ja=event.title_ja,
        start_utc=occ.start_utc,
        start_zone=event.start_zone,
        end_utc=occ.end_utc,
        end_zone=event.end_zone,
        location_name=event.venue,
        event_id=event.id,
        position=(last if last is not None else -1) + 1,
        uid=new_uid(),
        sequence=0,
    )
    session.add(item)
    session.flush()
    audit.record(
        session, "itinerary_item", item.id, AuditAction.CREATE,
        {"visit_id": visit.id, "event_id": event.id, "title": event.title},
    )  # fmt: skip
    return item.id


def _resync_itineraries(session: Session, event: EventRow) -> tuple[list[int], list[int]]:
    """Bring the participants' itineraries in step with a series' occurrences: items of
    occurrences that no longer exist (cancelled, moved) go, missing ones come."""
    removed: list[int] = []
    added: list[int] = []
    wanted: dict[int, set[datetime]] = {}
    people = session.scalars(
        select(ParticipantRow.person_id).where(ParticipantRow.event_id == event.id)
    )
    for person_id in people:
        for visit, inside in _covering(session, event, person_id):
            wanted[visit.id] = {o.start_utc for o in inside}
    items = session.scalars(select(ItineraryItemRow).where(ItineraryItemRow.event_id == event.id))
    for item in list(items):
        if item.start_utc not in wanted.get(item.visit_id, set()):
            audit.record(session, "itinerary_item", item.id, AuditAction.DELETE,
                         {"event_id": event.id})  # fmt: skip
            removed.append(item.id)
            session.delete(item)
    session.flush()
    for person_id in session.scalars(
        select(ParticipantRow.person_id).where(ParticipantRow.event_id == event.id)
    ):
        added.extend(_add_to_itineraries(session, event, person_id))
    return added, removed


def _remove_from_itineraries(session: Session, event_id: int, person_id: int) -> list[int]:
    rows = list(
        session.scalars(
            select(ItineraryItemRow)
            .join(VisitRow, ItineraryItemRow.visit_id == VisitRow.id)
            .where(ItineraryItemRow.event_id == event_id, VisitRow.visitor_id == person_id)
        )
    )
    for row in rows:
        audit.record(session, "itinerary_item", row.id, AuditAction.DELETE, {"event_id": event_id})
        session.delete(row)
    return [row.id for row in rows]

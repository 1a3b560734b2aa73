"""Shared events (lectures, seminars, symposia) and who takes part in them."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.db.models import (
    EventRow,
    InstitutionRow,
    ItineraryItemRow,
    ParticipantRow,
    PersonRow,
    VisitRow,
)
from planner.domain.entities import Event, Participant
from planner.domain.enums import (
    AuditAction,
    EventKind,
    ItineraryKind,
    ParticipantRole,
    RecordKind,
    VisitStatus,
)
from planner.domain.timezones import utc_to_local
from planner.domain.validation import validate_event
from planner.services import audit
from planner.services.changes import Change
from planner.services.directory import require
from planner.services.itinerary import new_uid
from planner.services.records import RecordService, check_version, translate_stale


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
            return [Participant(r.event_id, r.person_id, r.role, r.version) for r in rows]

    def set_participant(
        self,
        event_id: int,
        person_id: int,
        role: ParticipantRole = ParticipantRole.ATTENDEE,
        expected_version: int | None = None,
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
                row = ParticipantRow(event_id=event_id, person_id=person_id, role=role)
                session.add(row)
                changes = {"participant": [None, person_id], "role": [None, role.value]}
                added_items = _add_to_itineraries(session, event, person_id)
            else:
                changes = {"role": [row.role.value, role.value]}
                row.role = role
            session.flush()
            stored = Participant(event_id, person_id, row.role, row.version)
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
            return [
                v.id for v in _covering_visits(session, self._row(session, event_id), person_id)
            ]


_ITEM_KIND = {
    EventKind.LECTURE: ItineraryKind.LECTURE,
    EventKind.SEMINAR: ItineraryKind.SEMINAR,
    EventKind.SYMPOSIUM: ItineraryKind.SYMPOSIUM,
}


def _covering_visits(session: Session, event: EventRow, person_id: int) -> list[VisitRow]:
    day = utc_to_local(event.start_utc, event.start_zone).date()
    return list(
        session.scalars(
            select(VisitRow).where(
                VisitRow.visitor_id == person_id,
                VisitRow.status != VisitStatus.CANCELLED,
                VisitRow.arrival_date <= day,
                VisitRow.departure_date >= day,
            )
        )
    )


def _add_to_itineraries(session: Session, event: EventRow, person_id: int) -> list[int]:
    added: list[int] = []
    for visit in _covering_visits(session, event, person_id):
        already = session.scalar(
            select(ItineraryItemRow.id).where(
                ItineraryItemRow.visit_id == visit.id, ItineraryItemRow.event_id == event.id
            )
        )
        if already is not None:
            continue
        last = session.scalar(
            select(func.max(ItineraryItemRow.position)).where(ItineraryItemRow.visit_id == visit.id)
        )
        item = ItineraryItemRow(
            visit_id=visit.id,
            kind=_ITEM_KIND.get(event.kind, ItineraryKind.OTHER),
            title=event.title,
            title_ja=event.title_ja,
            start_utc=event.start_utc,
            start_zone=event.start_zone,
            end_utc=event.end_utc,
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
        added.append(item.id)
    return added


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

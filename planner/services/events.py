"""Shared events (lectures, seminars, symposia) and who takes part in them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.db.models import EventRow, InstitutionRow, ParticipantRow, PersonRow
from planner.domain.entities import Event, Participant
from planner.domain.enums import AuditAction, ParticipantRole
from planner.domain.validation import validate_event
from planner.services import audit
from planner.services.changes import Change
from planner.services.directory import require
from planner.services.records import RecordService


class EventService(RecordService[Event, EventRow]):
    """Events and their participants."""

    entity_name = "event"
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
            return [Participant(r.event_id, r.person_id, r.role) for r in rows]

    def set_participant(
        self, event_id: int, person_id: int, role: ParticipantRole = ParticipantRole.ATTENDEE
    ) -> Participant:
        """Add a person to an event, or change their role."""
        with self.db.write() as session:
            self._row(session, event_id)
            require(session, PersonRow, person_id, "person_id", "person")
            row = session.get(ParticipantRow, (event_id, person_id))
            if row is None:
                session.add(ParticipantRow(event_id=event_id, person_id=person_id, role=role))
                changes = {"participant": [None, person_id], "role": [None, role.value]}
            else:
                changes = {"role": [row.role.value, role.value]}
                row.role = role
            audit.record(session, "event", event_id, AuditAction.UPDATE, changes)
        self.bus.publish(Change("event", (event_id,), AuditAction.UPDATE))
        return Participant(event_id, person_id, role)

    def remove_participant(self, event_id: int, person_id: int) -> None:
        """Take a person off an event."""
        with self.db.write() as session:
            row = session.get(ParticipantRow, (event_id, person_id))
            if row is None:
                return
            session.delete(row)
            audit.record(
                session, "event", event_id, AuditAction.UPDATE, {"participant": [person_id, None]}
            )
        self.bus.publish(Change("event", (event_id,), AuditAction.UPDATE))

"""Itinerary items of a visit: each end with its own zone, stable calendar UIDs."""

from __future__ import annotations

import dataclasses
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.db.models import EventRow, ItineraryItemRow, VisitRow
from planner.domain.entities import ItineraryItem
from planner.domain.validation import validate_itinerary_item
from planner.services.directory import require
from planner.services.records import RecordService, to_entity

UID_DOMAIN = "exchange-visit-planner"


def new_uid() -> str:
    """A globally unique iCalendar UID, kept by the item for its whole life."""
    return f"{uuid.uuid4()}@{UID_DOMAIN}"


class ItineraryService(RecordService[ItineraryItem, ItineraryItemRow]):
    """Flights, lodging, meetings and the rest of a visit's schedule."""

    entity_name = "itinerary_item"
    row_type = ItineraryItemRow
    entity_type = ItineraryItem

    def validate(self, entity: ItineraryItem) -> None:
        """Title, zones and the order of the two ends must be valid."""
        validate_itinerary_item(entity)

    def check_references(self, session: Session, entity: ItineraryItem) -> None:
        """The visit and the event, if named, must exist."""
        require(session, VisitRow, entity.visit_id, "visit_id", "visit")
        require(session, EventRow, entity.event_id, "event_id", "event")

    def before_create(self, session: Session, entity: ItineraryItem) -> ItineraryItem:
        """Assign a UID and put the item last in its visit's manual order."""
        last = session.scalar(
            select(func.max(ItineraryItemRow.position)).where(
                ItineraryItemRow.visit_id == entity.visit_id
            )
        )
        return dataclasses.replace(
            entity, uid=entity.uid or new_uid(), position=(last if last is not None else -1) + 1
        )

    def before_update(
        self, session: Session, stored: ItineraryItem, incoming: ItineraryItem
    ) -> ItineraryItem:
        """Keep the UID and raise SEQUENCE, so calendars update the event they already have."""
        return dataclasses.replace(incoming, uid=stored.uid, sequence=stored.sequence + 1)

    def for_visit(self, visit_id: int) -> list[ItineraryItem]:
        """A visit's items in time order (manual position breaks ties)."""
        with self.db.read() as session:
            rows = session.scalars(
                select(ItineraryItemRow)
                .where(ItineraryItemRow.visit_id == visit_id)
                .order_by(
                    ItineraryItemRow.start_utc, ItineraryItemRow.position, ItineraryItemRow.id
                )
            )
            return [to_entity(r, ItineraryItem) for r in rows]

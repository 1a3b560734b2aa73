"""Itinerary items of a visit: each end with its own zone, stable calendar UIDs."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.db.models import EventRow, ItineraryItemRow, VisitRow
from planner.domain.entities import ItineraryItem
from planner.domain.enums import AuditAction, RecordKind
from planner.domain.errors import ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.validation import validate_itinerary_item
from planner.services import audit
from planner.services.changes import Change
from planner.services.directory import require
from planner.services.records import RecordService, copy_to_row, to_entity, translate_integrity

UID_DOMAIN = "exchange-visit-planner"


def new_uid() -> str:
    """A globally unique iCalendar UID, kept by the item for its whole life."""
    return f"{uuid.uuid4()}@{UID_DOMAIN}"


class ItineraryService(RecordService[ItineraryItem, ItineraryItemRow]):
    """Flights, lodging, meetings and the rest of a visit's schedule."""

    entity_name = RecordKind.ITINERARY_ITEM
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

    def create_many(self, entities: Sequence[ItineraryItem]) -> list[ItineraryItem]:
        """Store several new items in one transaction: all of them, or none (imports).

        Every item is validated before anything is written; each gets a UID, the next
        position of its visit and an ``import`` audit entry.
        """
        for entity in entities:
            self.validate(entity)
        created: list[ItineraryItem] = []
        with self.db.write() as session, translate_integrity(self.entity_name):
            for entity in entities:
                self.check_references(session, entity)
                prepared = self.before_create(session, entity)
                row = ItineraryItemRow()
                copy_to_row(prepared, row)
                session.add(row)
                # Flush per row: the next item's position is computed from the stored ones.
                session.flush()
                item = to_entity(row, ItineraryItem)
                # The same derived-record hook a single create runs, when the base class has it.
                after_write = getattr(self, "after_write", None)
                if after_write is not None:
                    after_write(session, None, item)
                audit.record(
                    session, self.entity_name, row.id, AuditAction.IMPORT, audit.snapshot(item)
                )
                created.append(item)
        if created:
            self.bus.publish(
                Change(self.entity_name, tuple(i.id for i in created if i.id), AuditAction.CREATE)
            )
        return created

    def set_order(self, visit_id: int, ordered_ids: Sequence[int]) -> None:
        """Give the visit's items the manual order *ordered_ids* (all of its items, once each).

        The manual order breaks ties between items at the same time; it is not a calendar
        change, so SEQUENCE stays as it is.
        """
        with self.db.write() as session:
            rows = {
                r.id: r
                for r in session.scalars(
                    select(ItineraryItemRow).where(ItineraryItemRow.visit_id == visit_id)
                )
            }
            if sorted(rows) != sorted(ordered_ids) or len(set(ordered_ids)) != len(ordered_ids):
                raise ValidationError.single(
                    "position",
                    QT_TRANSLATE_NOOP(
                        "Validation", "the new order must list every item of the visit exactly once"
                    ),
                )
            changed: list[int] = []
            for position, item_id in enumerate(ordered_ids):
                row = rows[item_id]
                if row.position != position:
                    audit.record(
                        session, self.entity_name, item_id, AuditAction.UPDATE,
                        {"position": [row.position, position]},
                    )  # fmt: skip
                    row.position = position
                    changed.append(item_id)
        if changed:
            self.bus.publish(Change(self.entity_name, tuple(changed), AuditAction.UPDATE))

    def manual_order(self, visit_id: int) -> list[int]:
        """Ids of the visit's items in their manual order (position, then id)."""
        with self.db.read() as session:
            return list(
                session.scalars(
                    select(ItineraryItemRow.id)
                    .where(ItineraryItemRow.visit_id == visit_id)
                    .order_by(ItineraryItemRow.position, ItineraryItemRow.id)
                )
            )

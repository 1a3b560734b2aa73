"""Itinerary items of a visit: each end with its own zone, stable calendar UIDs."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

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
#: Fields an import may set; the rest (internal notes, event, order, UID) stay as stored.
IMPORTED_FIELDS = (
    "kind", "title", "title_ja", "start_utc", "start_zone", "end_utc", "end_zone",
    "location_name", "location_address", "confirmation_code", "visitor_details",
    "visitor_details_ja",
)  # fmt: skip


@dataclass(frozen=True)
class MergeResult:
    """What an import did to a visit's itinerary."""

    added: tuple[ItineraryItem, ...]
    updated: tuple[ItineraryItem, ...]
    unchanged: tuple[ItineraryItem, ...]


def content_key(item: ItineraryItem) -> tuple[str, datetime, str]:
    """The same kind at the same instant with the same title is the same item."""
    return (item.kind.value, item.start_utc, " ".join(item.title.casefold().split()))


def new_uid() -> str:
    """A globally unique iCalendar UID, kept by the item for its whole life."""
    return f"{uuid.uuid4()}@{UID_DOMAIN}"


def classify(
    stored: Sequence[ItineraryItem], incoming: Sequence[ItineraryItem]
) -> tuple[int, int, int]:
    """(added, updated, unchanged) that :meth:`ItineraryService.merge_many` would report."""
    by_uid = {i.uid: i for i in stored}
    by_key = {content_key(i): i for i in stored}
    taken: set[str] = set()
    counts = [0, 0, 0]
    for entity in incoming:
        match = (by_uid.get(entity.uid) if entity.uid else None) or by_key.get(content_key(entity))
        if match is None or match.uid in taken:
            counts[0] += 1
            continue
        taken.add(match.uid)
        same = all(getattr(match, f) == getattr(entity, f) for f in IMPORTED_FIELDS)
        counts[2 if same else 1] += 1
    return counts[0], counts[1], counts[2]


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

    def merge_many(self, visit_id: int, entities: Sequence[ItineraryItem]) -> MergeResult:
        """Import *entities* into *visit_id*: an item already there is updated, not copied.

        An incoming item matches a stored one by UID (when the file carries one) or else by
        :func:`content_key`. A match whose imported fields differ is updated (SEQUENCE rises,
        so calendars replace the event); an identical one is left alone; the rest are added.
        All in one transaction, or nothing.
        """
        for entity in entities:
            self.validate(entity)
        added: list[ItineraryItem] = []
        updated: list[ItineraryItem] = []
        unchanged: list[ItineraryItem] = []
        with self.db.write() as session, translate_integrity(self.entity_name):
            require(session, VisitRow, visit_id, "visit_id", "visit")
            rows = list(
                session.scalars(
                    select(ItineraryItemRow).where(ItineraryItemRow.visit_id == visit_id)
                )
            )
            by_uid = {r.uid: r for r in rows}
            by_key = {content_key(to_entity(r, ItineraryItem)): r for r in rows}
            taken: set[int] = set()
            for entity in entities:
                row = by_uid.get(entity.uid) if entity.uid else None
                row = row or by_key.get(content_key(entity))
                if row is None or row.id in taken:
                    self.check_references(session, entity)
                    prepared = self.before_create(
                        session, dataclasses.replace(entity, visit_id=visit_id, uid="")
                    )
                    row = ItineraryItemRow()
                    copy_to_row(prepared, row)
                    session.add(row)
                    session.flush()  # the next item's position counts this one
                    item = to_entity(row, ItineraryItem)
                    audit.record(
                        session, self.entity_name, row.id, AuditAction.IMPORT, audit.snapshot(item)
                    )
                    added.append(item)
                    taken.add(row.id)
                    continue
                taken.add(row.id)
                before = to_entity(row, ItineraryItem)
                incoming = {f: getattr(entity, f) for f in IMPORTED_FIELDS}
                after = dataclasses.replace(before, **incoming)
                changes = audit.diff(before, after)
                if not changes:
                    unchanged.append(before)
                    continue
                after = dataclasses.replace(after, sequence=before.sequence + 1)
                copy_to_row(after, row)
                session.flush()
                audit.record(session, self.entity_name, row.id, AuditAction.UPDATE, changes)
                updated.append(to_entity(row, ItineraryItem))
        if added:
            self.bus.publish(
                Change(self.entity_name, tuple(i.id for i in added if i.id), AuditAction.CREATE)
            )
        if updated:
            self.bus.publish(
                Change(self.entity_name, tuple(i.id for i in updated if i.id), AuditAction.UPDATE)
            )
        return MergeResult(tuple(added), tuple(updated), tuple(unchanged))

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

"""E-mail drafts written for visitors: each recorded with the itinerary as it was sent.

A draft is recorded when it is written (the application cannot know whether the coordinator
then sends it): to whom, when, in which language, the itinerary's revision (1 for the first
draft of a visit, then 2, 3 ...) and a snapshot of the items, so that the next itinerary and
the next e-mail can mark what changed since. Each draft also gets a ``send`` entry in the
visit's history (the History tab), in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select

from planner.db.engine import Database
from planner.db.models import VisitorMessageRow, VisitRow
from planner.domain.entities import ItineraryItem
from planner.domain.enums import AuditAction, RecordKind
from planner.domain.sent_itinerary import snapshot
from planner.domain.timezones import utc_now
from planner.services import audit
from planner.services.changes import Change, ChangeBus
from planner.services.directory import require


class MessageKind(StrEnum):
    """What a draft carries."""

    ITINERARY = "itinerary"
    PAPERWORK_REQUEST = "paperwork_request"


@dataclass(frozen=True)
class SentMessage:
    """One recorded draft."""

    visit_id: int
    kind: MessageKind
    recipient: str
    lang: str
    revision: int
    sent_utc: datetime
    actor: str
    items: tuple[dict[str, Any], ...]
    id: int | None = None


def _message(row: VisitorMessageRow) -> SentMessage:
    try:
        items = json.loads(row.snapshot or "[]")
    except ValueError:  # a damaged row: no snapshot rather than a failure
        items = []
    return SentMessage(
        visit_id=row.visit_id,
        kind=MessageKind(row.kind),
        recipient=row.recipient,
        lang=row.lang,
        revision=row.revision,
        sent_utc=row.sent_utc,
        actor=row.actor,
        items=tuple(i for i in items if isinstance(i, dict)) if isinstance(items, list) else (),
        id=row.id,
    )


class VisitorMessageService:
    """Records the drafts and answers "what was last sent"."""

    def __init__(self, db: Database, bus: ChangeBus) -> None:
        self.db = db
        self.bus = bus

    def last_sent(self, visit_id: int) -> SentMessage | None:
        """The latest itinerary draft of *visit_id*, or None when none was written yet."""
        with self.db.read() as session:
            row = session.scalars(
                select(VisitorMessageRow)
                .where(
                    VisitorMessageRow.visit_id == visit_id,
                    VisitorMessageRow.kind == MessageKind.ITINERARY.value,
                )
                .order_by(VisitorMessageRow.revision.desc(), VisitorMessageRow.id.desc())
                .limit(1)
            ).first()
            return _message(row) if row is not None else None

    def for_visit(self, visit_id: int) -> list[SentMessage]:
        """Every draft of *visit_id*, oldest first."""
        with self.db.read() as session:
            rows = session.scalars(
                select(VisitorMessageRow)
                .where(VisitorMessageRow.visit_id == visit_id)
                .order_by(VisitorMessageRow.sent_utc, VisitorMessageRow.id)
            )
            return [_message(r) for r in rows]

    def next_revision(self, visit_id: int) -> int:
        """The revision number the next itinerary draft of *visit_id* will carry."""
        with self.db.read() as session:
            return self._next_revision(session, visit_id)

    @staticmethod
    def _next_revision(session: Any, visit_id: int) -> int:
        last = session.scalar(
            select(func.max(VisitorMessageRow.revision)).where(
                VisitorMessageRow.visit_id == visit_id,
                VisitorMessageRow.kind == MessageKind.ITINERARY.value,
            )
        )
        return int(last or 0) + 1

    def record(
        self,
        visit_id: int,
        kind: MessageKind,
        recipient: str,
        lang: str,
        items: Sequence[ItineraryItem],
        *,
        file_name: str = "",
    ) -> SentMessage:
        """Record a draft of *kind* to *recipient* and a ``send`` entry in the visit's history.

        An itinerary draft gets the next revision and a snapshot of *items*; a paperwork
        request carries the revision of the itinerary last sent (0: none) and no snapshot.
        """
        now = utc_now()
        actor = audit.current_actor()
        with self.db.write() as session:
            require(session, VisitRow, visit_id, "visit_id", "visit")
            revision = self._next_revision(session, visit_id)
            if kind is not MessageKind.ITINERARY:
                revision -= 1
            row = VisitorMessageRow(
                visit_id=visit_id,
                kind=kind.value,
                recipient=recipient,
                lang=lang,
                revision=revision,
                sent_utc=now,
                actor=actor,
                snapshot=json.dumps(
                    snapshot(items) if kind is MessageKind.ITINERARY else [], ensure_ascii=False
                ),
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                "visit",
                visit_id,
                AuditAction.SEND,
                {
                    "draft": kind.value,
                    "to": recipient,
                    "revision": revision,
                    "lang": lang,
                    "file": file_name,
                },
            )
            sent = _message(row)
        self.bus.publish(Change(RecordKind.VISIT, (visit_id,), AuditAction.SEND))
        return sent

"""What changed in an itinerary since the version last sent to the visitor (issue 18).

A sent itinerary is kept as a snapshot: the visitor-facing fields of each item, keyed by its
stable UID. Comparing the current items with it gives what was added, changed or removed. Only
what the visitor reads counts: internal notes, the manual order and SEQUENCE do not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from planner.domain.entities import ItineraryItem

#: The fields of an item the visitor sees; a change to any of them is a change to report.
VISIBLE_FIELDS = (
    "kind", "title", "title_ja", "start_utc", "start_zone", "end_utc", "end_zone",
    "location_name", "location_address", "confirmation_code", "visitor_details",
    "visitor_details_ja",
)  # fmt: skip


def snapshot_item(item: ItineraryItem) -> dict[str, str]:
    """The visitor-facing fields of *item* as plain text (instants in ISO 8601 UTC)."""
    out: dict[str, str] = {"uid": item.uid}
    for name in VISIBLE_FIELDS:
        value: Any = getattr(item, name)
        out[name] = value.isoformat() if isinstance(value, datetime) else str(value)
    return out


def snapshot(items: Sequence[ItineraryItem]) -> list[dict[str, str]]:
    """The itinerary as sent: one entry per item, in time order."""
    return [snapshot_item(item) for item in items]


@dataclass(frozen=True)
class RemovedItem:
    """An item the visitor was sent that is no longer in the itinerary."""

    uid: str
    title: str
    title_ja: str
    start_utc: datetime | None
    start_zone: str


@dataclass(frozen=True)
class ChangesSince:
    """Added and changed item UIDs, and the items removed, since a sent version."""

    added: frozenset[str]
    changed: frozenset[str]
    removed: tuple[RemovedItem, ...]

    @property
    def any(self) -> bool:
        """Whether anything changed at all."""
        return bool(self.added or self.changed or self.removed)


def _instant(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):  # a damaged snapshot: the removal is still reported
        return None


def compare(previous: Sequence[Mapping[str, Any]], items: Sequence[ItineraryItem]) -> ChangesSince:
    """What changed between the *previous* snapshot and the current *items*."""
    before = {str(entry.get("uid", "")): entry for entry in previous if entry.get("uid")}
    added: set[str] = set()
    changed: set[str] = set()
    for item in items:
        old = before.get(item.uid)
        if old is None:
            added.add(item.uid)
        elif any(str(old.get(k, "")) != v for k, v in snapshot_item(item).items()):
            changed.add(item.uid)
    current = {item.uid for item in items}
    removed = tuple(
        RemovedItem(
            uid=uid,
            title=str(entry.get("title", "")),
            title_ja=str(entry.get("title_ja", "")),
            start_utc=_instant(str(entry.get("start_utc", ""))),
            start_zone=str(entry.get("start_zone", "")),
        )
        for uid, entry in before.items()
        if uid not in current
    )
    return ChangesSince(frozenset(added), frozenset(changed), removed)

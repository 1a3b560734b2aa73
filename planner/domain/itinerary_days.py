"""An itinerary as the visitor reads it: local times where things happen, grouped by day.

Pure functions shared by the editor and every export, so the screen, the PDF, the HTML page
and the calendar file can never disagree about a time or a date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from planner.domain.entities import ItineraryItem
from planner.domain.enums import ItineraryKind
from planner.domain.timezones import utc_to_local

#: Kinds that move the visitor from one place to another (connections, travel days).
TRANSPORT_KINDS = frozenset(
    {ItineraryKind.FLIGHT, ItineraryKind.TRAIN, ItineraryKind.GROUND_TRANSPORT}
)


@dataclass(frozen=True)
class LocalEnd:
    """One end of an item in the local time of the place where it happens."""

    local: datetime
    zone: str

    @property
    def abbreviation(self) -> str:
        """Zone abbreviation in force at this instant (``JST``, ``CDT``)."""
        return self.local.tzname() or self.zone

    @property
    def clock(self) -> str:
        """``14:05``: the local wall-clock time."""
        return f"{self.local:%H:%M}"

    @property
    def utc_offset(self) -> str:
        """``UTC+09:00``: the offset in force, for disambiguation and tests."""
        return utc_offset_label(self.local)


@dataclass(frozen=True)
class ScheduledItem:
    """An item with both ends in local time and the date marker between them."""

    item: ItineraryItem
    start: LocalEnd
    end: LocalEnd

    @property
    def day_offset(self) -> int:
        """End's local date minus start's local date (+1 across the date line westward)."""
        return (self.end.local.date() - self.start.local.date()).days

    @property
    def day(self) -> date:
        """The day the item is listed under: its local date where it starts."""
        return self.start.local.date()


@dataclass(frozen=True)
class ItineraryDay:
    """One day of the day-by-day view."""

    day: date
    entries: tuple[ScheduledItem, ...]


def utc_offset_label(aware: datetime) -> str:
    """``UTC+09:00`` / ``UTC−05:00`` (a real minus sign) for an aware datetime."""
    offset = aware.utcoffset()
    if offset is None:
        raise ValueError("an aware datetime is needed")
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def day_marker(offset: int) -> str:
    """``+1 day``, ``−1 day``, ``+3 days`` or empty for the same date (English)."""
    if offset == 0:
        return ""
    sign = "+" if offset > 0 else "−"
    unit = "day" if abs(offset) == 1 else "days"
    return f"{sign}{abs(offset)} {unit}"


def schedule(item: ItineraryItem) -> ScheduledItem:
    """*item* with each end converted to the local time of its own zone."""
    return ScheduledItem(
        item=item,
        start=LocalEnd(utc_to_local(item.start_utc, item.start_zone), item.start_zone),
        end=LocalEnd(utc_to_local(item.end_utc, item.end_zone), item.end_zone),
    )


def group_by_day(items: Iterable[ItineraryItem]) -> list[ItineraryDay]:
    """Items grouped by the local date where each starts, days and items in time order.

    Everything at the host institution starts in the host's zone, so its day is the host-local
    day; a journey that starts elsewhere (the outbound flight) is listed on its local departure
    date, which is the date printed on the visitor's ticket.
    """
    scheduled = sorted(
        (schedule(i) for i in items),
        key=lambda s: (s.day, s.item.start_utc, s.item.position, s.item.id or 0),
    )
    days: dict[date, list[ScheduledItem]] = {}
    for entry in scheduled:
        days.setdefault(entry.day, []).append(entry)
    return [ItineraryDay(day, tuple(entries)) for day, entries in days.items()]

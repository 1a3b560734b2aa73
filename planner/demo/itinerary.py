"""Itineraries of the curated demo visits: travel, lodging, badge, meetings and events.

Pure functions of a stored visit and its plan in :mod:`planner.demo.data`; every time
is a host- or airport-local wall time converted to UTC with its zone.
"""

from __future__ import annotations

import random
import string
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from planner.demo.data import MEETINGS, ROUTES, SITES, VisitSpec, is_workday
from planner.domain.entities import Event, Institution, ItineraryItem, Visit
from planner.domain.enums import EventKind, ItineraryKind, ParticipantRole
from planner.domain.timezones import local_to_utc, utc_to_local

_EVENT_ITEM_KIND = {
    EventKind.LECTURE: ItineraryKind.LECTURE,
    EventKind.SEMINAR: ItineraryKind.SEMINAR,
    EventKind.SYMPOSIUM: ItineraryKind.SYMPOSIUM,
}
_HALF_HOUR = timedelta(minutes=30)


#: Roles in the Japanese item details.
_ROLE_JA = {"speaker": "講演者", "attendee": "参加者", "organizer": "主催者"}


def booking_code(*parts: str) -> str:
    """A made-up six-character booking reference, the same for the same *parts*."""
    rng = random.Random("/".join(parts))  # noqa: S311 (not security)
    return "".join(rng.choices(string.ascii_uppercase + string.digits, k=6))


def local_instant(day: date, at: time, zone: str) -> datetime:
    """The UTC instant of wall time *at* on *day* in *zone*."""
    return local_to_utc(datetime.combine(day, at), zone)


def _round_down(instant: datetime) -> datetime:
    """*instant* moved back to a half hour (the same in local time for whole-hour zones)."""
    extra = timedelta(
        minutes=instant.minute % 30, seconds=instant.second, microseconds=instant.microsecond
    )
    return instant - extra


def _round_up(instant: datetime) -> datetime:
    down = _round_down(instant)
    return down if down == instant else down + _HALF_HOUR


@dataclass(frozen=True)
class Stay:
    """What the itinerary of one curated visit is built from."""

    visit: Visit
    spec: VisitSpec
    home: str
    host: Institution
    host_name: str
    events: Sequence[tuple[Event, ParticipantRole]] = ()

    @property
    def visit_id(self) -> int:
        """Id of the stored visit."""
        if self.visit.id is None:
            raise ValueError("the visit must be stored before its itinerary")
        return self.visit.id


def travel_items(stay: Stay) -> tuple[list[ItineraryItem], list[ItineraryItem]]:
    """Flights and trains there and back, each end in its own zone."""
    route = ROUTES[(stay.home, stay.spec.host, stay.spec.late_flight)]
    journeys: list[list[ItineraryItem]] = []
    for legs, base in (
        (route.outbound, stay.visit.arrival_date),
        (route.back, stay.visit.departure_date),
    ):
        journey: list[ItineraryItem] = []
        for leg in legs:
            start = local_instant(base + timedelta(days=leg.day), leg.departs, leg.start_zone)
            code = booking_code(stay.visit.code, leg.carrier)
            journey.append(
                ItineraryItem(
                    visit_id=stay.visit_id,
                    kind=leg.kind,
                    title=leg.title,
                    title_ja=leg.title_ja,
                    start_utc=start,
                    start_zone=leg.start_zone,
                    end_utc=start + timedelta(minutes=leg.minutes),
                    end_zone=leg.end_zone,
                    location_name=leg.location,
                    confirmation_code=code,
                    visitor_details=f"{leg.carrier} booking reference {code}.",
                    visitor_details_ja=f"{leg.carrier}の予約番号は{code}です。",
                )
            )
        journeys.append(journey)
    return journeys[0], journeys[1]


def lodging_item(stay: Stay, arrives: datetime, leaves: ItineraryItem) -> ItineraryItem:
    """The hotel, from check-in after *arrives* to check-out in time for *leaves*."""
    zone, site = stay.host.timezone, SITES[stay.spec.host]
    check_in = max(
        local_instant(stay.visit.arrival_date, time(15), zone),
        _round_up(arrives + timedelta(hours=1)),
    )
    lead = timedelta(hours=3 if leaves.kind is ItineraryKind.FLIGHT else 1)
    check_out = min(
        local_instant(stay.visit.departure_date, time(11), zone),
        _round_down(leaves.start_utc - lead),
    )
    code = booking_code(stay.visit.code, "hotel")
    return ItineraryItem(
        visit_id=stay.visit_id,
        kind=ItineraryKind.LODGING,
        title=site.hotel[0],
        title_ja=site.hotel[1],
        start_utc=check_in,
        start_zone=zone,
        end_utc=check_out,
        end_zone=zone,
        location_name=site.hotel[0],
        location_address=site.hotel_address,
        confirmation_code=code,
        visitor_details=f"Reservation {code}; breakfast included.",
        visitor_details_ja=f"予約番号 {code}、朝食付き。",
    )


def _local_item(
    stay: Stay, kind: ItineraryKind, titles: tuple[str, str], day: date, hours: tuple[time, time]
) -> ItineraryItem:
    zone, site = stay.host.timezone, SITES[stay.spec.host]
    badge = kind is ItineraryKind.BADGE_PICKUP
    return ItineraryItem(
        visit_id=stay.visit_id,
        kind=kind,
        title=titles[0],
        title_ja=titles[1],
        start_utc=local_instant(day, hours[0], zone),
        start_zone=zone,
        end_utc=local_instant(day, hours[1], zone),
        end_zone=zone,
        location_name=stay.host.name if badge else site.meeting_room,
        location_address=stay.host.address,
        visitor_details="Bring your passport." if badge else f"With {stay.host_name}.",
        visitor_details_ja="パスポートをお持ちください。"
        if badge
        else f"{stay.host_name}さんが同席します。",
    )


def on_site_items(stay: Stay) -> list[ItineraryItem]:
    """Badge pickup, meetings with the host, and the events the visitor takes part in."""
    zone, arrival = stay.host.timezone, stay.visit.arrival_date
    nights = stay.visit.nights
    workdays = [
        day for day in (arrival + timedelta(days=n) for n in range(1, nights)) if is_workday(day)
    ]
    items: list[ItineraryItem] = []
    event_days: set[date] = set()
    for event, role in stay.events:
        first, last = (utc_to_local(t, zone).date() for t in (event.start_utc, event.end_utc))
        event_days.update(first + timedelta(days=n) for n in range((last - first).days + 1))
        items.append(
            ItineraryItem(
                visit_id=stay.visit_id,
                kind=_EVENT_ITEM_KIND.get(event.kind, ItineraryKind.OTHER),
                title=event.title,
                title_ja=event.title_ja,
                start_utc=event.start_utc,
                start_zone=event.start_zone,
                end_utc=event.end_utc,
                end_zone=event.end_zone,
                location_name=event.venue,
                location_address=stay.host.address,
                visitor_details=f"You take part as {role.value}.",
                visitor_details_ja=f"{_ROLE_JA.get(role.value, role.value)}として参加します。",
                event_id=event.id,
            )
        )
    if workdays:
        items.insert(
            0,
            _local_item(
                stay, ItineraryKind.BADGE_PICKUP, SITES[stay.spec.host].badge, workdays[0],
                (time(8, 30), time(9, 0)),
            ),
        )  # fmt: skip
    free = [day for day in workdays if day not in event_days]
    if free:
        chosen: dict[date, int] = {}
        for day, which in ((free[0], 0), (free[-1], 2), (free[len(free) // 2], 1)):
            chosen.setdefault(day, which)
        hours = ((time(10), time(11)), (time(13, 30), time(16)), (time(15), time(16)))
        for day, which in sorted(chosen.items()):
            items.append(
                _local_item(stay, ItineraryKind.MEETING, MEETINGS[which], day, hours[which])
            )
    return items


def curated_itinerary(stay: Stay) -> list[ItineraryItem]:
    """Every itinerary item of a curated visit, in no particular order."""
    outbound, back = travel_items(stay)
    return [*outbound, lodging_item(stay, outbound[-1].end_utc, back[0]), *back,
            *on_site_items(stay)]  # fmt: skip

"""Calendars that agree everywhere (issue 18, point 4).

Three readers must see the same instants: icalendar, vobject (dateutil's VTIMEZONE reader) and
a reader that, like Mozilla's ical.js, ignores an observance's DTSTART whenever it has RDATE.
The last one is written here (ical.js is JavaScript); a test shows it does catch the old form.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar, Event

from planner.domain.enums import ItineraryKind
from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat, render_itinerary
from planner.services.choices import DEFAULT_REMINDERS
from planner.services.container import Services
from tests.export.conftest import CHICAGO, TripData, at


def _unfold(text: str) -> list[str]:
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")


def _offset(text: str) -> timedelta:
    sign = -1 if text[0] == "-" else 1
    return sign * timedelta(hours=int(text[1:3]), minutes=int(text[3:5]))


def _local(text: str) -> datetime:
    return datetime.strptime(text, "%Y%m%dT%H%M%S")


def icaljs_transitions(ics: str) -> dict[str, list[tuple[datetime, timedelta]]]:
    """Per TZID, (UTC onset, offset after) of each transition as ical.js reads them.

    The quirk reproduced: when an observance has RDATE, its DTSTART is not an onset.
    """
    zones: dict[str, list[tuple[datetime, timedelta]]] = {}
    tzid = ""
    sub: dict[str, list[str]] | None = None
    for line in _unfold(ics):
        name, _, value = line.partition(":")
        key = name.split(";")[0]
        if line == "BEGIN:VTIMEZONE":
            tzid = ""
        elif key == "TZID" and sub is None:
            tzid = value
            zones[tzid] = []
        elif line in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT"):
            sub = {}
        elif line in ("END:STANDARD", "END:DAYLIGHT") and sub is not None:
            before, after = _offset(sub["TZOFFSETFROM"][0]), _offset(sub["TZOFFSETTO"][0])
            assert "RRULE" not in sub, "this reader handles DTSTART and RDATE only"
            onsets = [d for r in sub.get("RDATE", []) for d in r.split(",")] or sub["DTSTART"]
            zones[tzid] += [(_local(d).replace(tzinfo=UTC) - before, after) for d in onsets]
            sub = None
        elif sub is not None:
            sub.setdefault(key, []).append(value)
    return {z: sorted(t) for z, t in zones.items()}


def icaljs_utc(transitions: list[tuple[datetime, timedelta]], wall: datetime) -> datetime:
    """The UTC instant of the local *wall* time under *transitions* (latest onset before it)."""
    offset = transitions[0][1]
    for onset, after in transitions:
        if onset <= (wall - after).replace(tzinfo=UTC):
            offset = after
    return (wall - offset).replace(tzinfo=UTC)


def _ics(services: Services, trip: TripData) -> str:
    assert trip.visit.id is not None
    return render_itinerary(services, trip.visit.id, ExportFormat.ICS, Lang.EN).decode()


def _wall_times(ics: str) -> Iterator[tuple[str, str, str, datetime]]:
    """(UID, property, TZID, wall time) of every zoned DTSTART/DTEND."""
    uid = ""
    pending: list[tuple[str, str, datetime]] = []
    for line in _unfold(ics):
        if line == "BEGIN:VEVENT":
            pending = []
        name, _, value = line.partition(":")
        if name.startswith(("DTSTART;TZID=", "DTEND;TZID=")) and "VEVENT" in ics:
            prop, _, tzid = name.partition(";TZID=")
            pending.append((prop, tzid, _local(value)))
        elif name == "UID":
            uid = value
        elif line == "END:VEVENT":
            yield from ((uid, p, z, w) for p, z, w in pending)


def test_dtstart_ignoring_reader_agrees_with_the_zone_database(
    services: Services, trip: TripData
) -> None:
    ics = _ics(services, trip)
    zones = icaljs_transitions(ics)
    assert set(zones) == {"Asia/Tokyo", CHICAGO}
    assert "RDATE" not in ics
    # Every hour of the window the VTIMEZONE claims to cover, in each zone.
    for tzid, transitions in zones.items():
        zone = ZoneInfo(tzid)
        wall = datetime(2026, 3, 20)
        while wall < datetime(2028, 3, 1):
            expected = wall.replace(tzinfo=zone).astimezone(UTC)
            other = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
            # Gaps and repeated hours have no single answer; skipped.
            if expected == other and expected.astimezone(zone).replace(tzinfo=None) == wall:
                assert icaljs_utc(transitions, wall) == expected, (tzid, wall)
            wall += timedelta(hours=5)


def test_the_reader_catches_the_rdate_form_ical_js_misreads() -> None:
    """icalendar's own VTIMEZONE (DTSTART plus RDATE) is read wrong by the quirky reader."""
    cal = Calendar()
    event = Event()
    event.add("uid", "x")
    event.add("dtstart", datetime(2027, 3, 8, 7, 30, tzinfo=ZoneInfo(CHICAGO)))
    cal.add_component(event)
    cal.add_missing_timezones(first_date=date(2026, 3, 7), last_date=date(2028, 3, 20))
    transitions = icaljs_transitions(cal.to_ical().decode())[CHICAGO]
    summer = datetime(2026, 7, 1, 12, 0)
    assert icaljs_utc(transitions, summer) != summer.replace(tzinfo=ZoneInfo(CHICAGO))


def test_three_readers_agree_on_every_instant(services: Services, trip: TripData) -> None:
    ics = _ics(services, trip)
    by_uid = {i.uid: i for i in trip.items.values()}
    zones = icaljs_transitions(ics)
    seen = 0
    for uid, prop, tzid, wall in _wall_times(ics):
        item = by_uid[uid]
        expected = item.start_utc if prop == "DTSTART" else item.end_utc
        assert icaljs_utc(zones[tzid], wall) == expected, (uid, prop)
        seen += 1
    assert seen == 2 * len(by_uid)
    parsed = vobject.readOne(ics)
    for vevent in parsed.vevent_list:
        uid = vevent.uid.value
        if uid in by_uid:
            assert vevent.dtstart.value.astimezone(UTC) == by_uid[uid].start_utc
            assert vevent.dtend.value.astimezone(UTC) == by_uid[uid].end_utc
    for vevent in Calendar.from_ical(ics).walk("VEVENT"):
        uid = str(vevent["UID"])
        if uid in by_uid:
            assert vevent["DTSTART"].dt.astimezone(UTC) == by_uid[uid].start_utc


def test_reminders_by_kind_and_from_settings(services: Services, trip: TripData) -> None:
    cal = Calendar.from_ical(_ics(services, trip))
    triggers = {
        str(e["UID"]): [a["TRIGGER"].dt for a in e.walk("VALARM")] for e in cal.walk("VEVENT")
    }
    assert triggers[trip.items["outbound"].uid] == [timedelta(hours=-3)]
    assert triggers[trip.items["hostile"].uid] == [timedelta(minutes=-30)]  # a meeting
    assert triggers[trip.items["hotel"].uid] == []  # lodging: none
    services.choices.set_reminder_minutes({ItineraryKind.FLIGHT: 240, ItineraryKind.MEETING: 0})
    cal = Calendar.from_ical(_ics(services, trip))
    triggers = {
        str(e["UID"]): [a["TRIGGER"].dt for a in e.walk("VALARM")] for e in cal.walk("VEVENT")
    }
    assert triggers[trip.items["outbound"].uid] == [timedelta(hours=-4)]
    assert triggers[trip.items["hostile"].uid] == []
    assert (
        services.choices.reminder_minutes()[ItineraryKind.SEMINAR]
        == (DEFAULT_REMINDERS[ItineraryKind.SEMINAR])
    )


def test_reminder_settings_refuse_nonsense(services: Services) -> None:
    from planner.domain.errors import ValidationError

    with pytest.raises(ValidationError):
        services.choices.set_reminder_minutes({ItineraryKind.FLIGHT: -5})
    with pytest.raises(ValidationError):
        services.choices.set_reminder_minutes({ItineraryKind.FLIGHT: 10**9})


def test_the_stay_is_one_all_day_event(services: Services, trip: TripData) -> None:
    cal = Calendar.from_ical(_ics(services, trip))
    (stay,) = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("stay-")]
    assert stay["DTSTART"].dt == trip.visit.arrival_date
    assert stay["DTEND"].dt == trip.visit.departure_date + timedelta(days=1)
    assert not isinstance(stay["DTSTART"].dt, datetime)  # a DATE: all day
    assert str(stay["TRANSP"]) == "TRANSPARENT"


def test_an_item_moved_across_the_fall_back_change_stays_right(
    services: Services, trip: TripData
) -> None:
    """An item after November's fall-back change is read right by every reader."""
    late = services.itinerary.update(
        dataclasses.replace(
            trip.items["after_dst"],
            start_utc=at("2027-11-08 14:00", CHICAGO),
            end_utc=at("2027-11-08 15:00", CHICAGO),
        )
    )
    ics = _ics(services, trip)
    zones = icaljs_transitions(ics)
    walls = {(u, p): (z, w) for u, p, z, w in _wall_times(ics)}
    tzid, wall = walls[(late.uid, "DTSTART")]
    assert icaljs_utc(zones[tzid], wall) == late.start_utc == datetime(2027, 11, 8, 20, tzinfo=UTC)

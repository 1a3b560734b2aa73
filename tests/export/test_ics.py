"""iCalendar export: parsed back with icalendar, instants compared in UTC."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from planner.domain.enums import VisitStatus
from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat, render_itinerary
from planner.services.container import Services
from tests.export.conftest import SECRET_ITEM_NOTE, SECRET_VISIT_NOTE, TripData


def _calendar(services: Services, trip: TripData, lang: Lang = Lang.EN) -> Calendar:
    assert trip.visit.id is not None
    data = render_itinerary(services, trip.visit.id, ExportFormat.ICS, lang)
    return Calendar.from_ical(data)


def _events(cal: Calendar) -> dict[str, object]:
    """The item events by UID (the all-day stay event left out)."""
    return {str(e["UID"]): e for e in cal.walk("VEVENT") if not str(e["UID"]).startswith("stay-")}


def test_every_item_is_one_vevent_with_utc_instants_preserved(
    services: Services, trip: TripData
) -> None:
    cal = _calendar(services, trip)
    assert str(cal["VERSION"]) == "2.0" and "Exchange Visit Planner" in str(cal["PRODID"])
    assert str(cal["METHOD"]) == "PUBLISH"
    events = _events(cal)
    assert set(events) == {i.uid for i in trip.items.values()}
    for item in trip.items.values():
        event = events[item.uid]
        start, end = event["DTSTART"], event["DTEND"]  # type: ignore[index]
        assert start.dt.astimezone(UTC) == item.start_utc
        assert end.dt.astimezone(UTC) == item.end_utc
        assert start.params["TZID"] == item.start_zone
        assert end.params["TZID"] == item.end_zone
        assert int(event["SEQUENCE"]) == item.sequence  # type: ignore[index]
        assert event["DTSTAMP"].dt.tzinfo is not None  # type: ignore[index]


def test_date_line_and_dst_instants(services: Services, trip: TripData) -> None:
    events = _events(_calendar(services, trip))
    outbound = events[trip.items["outbound"].uid]
    # 10:40 JST on 8 March is 01:40 UTC; 07:30 CST the same local date is 13:30 UTC.
    assert outbound["DTSTART"].dt.astimezone(UTC) == datetime(2027, 3, 8, 1, 40, tzinfo=UTC)  # type: ignore[index]
    assert outbound["DTEND"].dt.astimezone(UTC) == datetime(2027, 3, 8, 13, 30, tzinfo=UTC)  # type: ignore[index]
    back = events[trip.items["return"].uid]
    # 12:40 CDT on 19 March (after the 14 March change) is 17:40 UTC; lands 20 March JST.
    assert back["DTSTART"].dt.astimezone(UTC) == datetime(2027, 3, 19, 17, 40, tzinfo=UTC)  # type: ignore[index]
    assert back["DTEND"].dt.astimezone(UTC) == datetime(2027, 3, 20, 7, 25, tzinfo=UTC)  # type: ignore[index]
    seminar = events[trip.items["after_dst"].uid]
    assert seminar["DTSTART"].dt.astimezone(UTC) == datetime(2027, 3, 15, 19, 0, tzinfo=UTC)  # type: ignore[index]


def test_vtimezone_for_every_tzid_with_the_dst_change(services: Services, trip: TripData) -> None:
    cal = _calendar(services, trip)
    zones = {str(tz["TZID"]): tz for tz in cal.walk("VTIMEZONE")}
    assert set(zones) == {"Asia/Tokyo", "America/Chicago"}
    assert cal.get_missing_tzids() == set()
    chicago = zones["America/Chicago"].to_ical().decode()
    assert "20270314T030000" in chicago  # spring forward in 2027
    assert "TZOFFSETTO:-0500" in chicago and "TZOFFSETTO:-0600" in chicago
    # The VTIMEZONE components come before the events that use them.
    text = cal.to_ical().decode()
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")
    assert "\r\n" in text


def test_uid_stable_and_sequence_rises_after_an_edit(services: Services, trip: TripData) -> None:
    first = _events(_calendar(services, trip))
    seminar = trip.items["after_dst"]
    services.itinerary.update(
        dataclasses.replace(seminar, end_utc=seminar.end_utc + timedelta(minutes=30))
    )
    second = _events(_calendar(services, trip))
    assert set(first) == set(second)
    assert int(second[seminar.uid]["SEQUENCE"]) == int(first[seminar.uid]["SEQUENCE"]) + 1  # type: ignore[index]
    untouched = trip.items["hotel"].uid
    assert int(second[untouched]["SEQUENCE"]) == int(first[untouched]["SEQUENCE"])  # type: ignore[index]


def test_cancelled_visit_publishes_cancelled_events(services: Services, trip: TripData) -> None:
    assert trip.visit.id is not None
    services.visits.set_status(trip.visit.id, VisitStatus.CANCELLED, reason="test")
    cal = _calendar(services, trip)
    assert str(cal["METHOD"]) == "PUBLISH"
    statuses = {str(e["STATUS"]) for e in cal.walk("VEVENT")}
    assert statuses == {"CANCELLED"}


def test_japanese_titles_and_no_internal_notes(services: Services, trip: TripData) -> None:
    assert trip.visit.id is not None
    data = render_itinerary(services, trip.visit.id, ExportFormat.ICS, Lang.JA)
    text = Calendar.from_ical(data).to_ical().decode()
    assert "NH111便" in text
    raw = data.decode()
    assert SECRET_ITEM_NOTE not in raw and SECRET_VISIT_NOTE not in raw
    assert "TK0000001" not in raw


def test_visit_without_items_exports_its_stay(services: Services, trip: TripData) -> None:
    out = trip.sample.visit_out  # Miller at RIKEN, no items
    assert out.id is not None
    services.visits.set_status(out.id, VisitStatus.CANCELLED, reason="test")
    cal = Calendar.from_ical(render_itinerary(services, out.id, ExportFormat.ICS, Lang.EN))
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == f"stay-{out.code}@exchange-visit-planner"
    assert event["DTSTART"].dt == out.arrival_date
    assert event["DTEND"].dt == out.departure_date + timedelta(days=1)
    assert str(event["STATUS"]) == "CANCELLED"

"""Itinerary checks: overlaps, nights without lodging, outside the stay, short connections,
and wall times that a daylight-saving change skips or repeats."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from planner.domain.entities import ItineraryItem, Visit
from planner.domain.enums import ItineraryKind
from planner.domain.itinerary_checks import (
    CheckKind,
    check_itinerary,
    find_outside_stay,
    find_overlaps,
    find_short_connections,
    find_uncovered_nights,
    local_time_question,
)
from planner.domain.itinerary_days import day_marker, group_by_day, schedule
from planner.domain.timezones import LocalTimeIssue, local_to_utc

CHI, TYO = "America/Chicago", "Asia/Tokyo"
VISIT = Visit(
    visitor_id=1, host_institution_id=1, arrival_date=date(2027, 3, 8),
    departure_date=date(2027, 3, 12), id=1,
)  # fmt: skip
_next_id = iter(range(1, 1000))


def item(
    kind: ItineraryKind, start: str, end: str, zone: str = CHI, end_zone: str | None = None
) -> ItineraryItem:
    """An item from local ``YYYY-MM-DD HH:MM`` wall times."""
    ez = end_zone or zone
    return ItineraryItem(
        visit_id=1, kind=kind, title=f"{kind.value} {start}",
        start_utc=local_to_utc(datetime.fromisoformat(start), zone), start_zone=zone,
        end_utc=local_to_utc(datetime.fromisoformat(end), ez), end_zone=ez, id=next(_next_id),
    )  # fmt: skip


def hotel(start: str = "2027-03-08 15:00", end: str = "2027-03-12 11:00") -> ItineraryItem:
    return item(ItineraryKind.LODGING, start, end)


def test_overlapping_meetings_are_reported_with_both_ids() -> None:
    a = item(ItineraryKind.MEETING, "2027-03-09 10:00", "2027-03-09 11:00")
    b = item(ItineraryKind.MEAL, "2027-03-09 10:30", "2027-03-09 12:00")
    c = item(ItineraryKind.MEETING, "2027-03-09 12:00", "2027-03-09 13:00")  # touches b only
    findings = find_overlaps([c, b, a])
    assert [f.kind for f in findings] == [CheckKind.OVERLAP]
    assert set(findings[0].item_ids) == {a.id, b.id}


def test_lodging_overlaps_only_other_lodging() -> None:
    stay = hotel()
    meeting = item(ItineraryKind.MEETING, "2027-03-09 10:00", "2027-03-09 11:00")
    assert find_overlaps([stay, meeting]) == []
    second = item(ItineraryKind.LODGING, "2027-03-10 15:00", "2027-03-11 11:00")
    findings = find_overlaps([stay, meeting, second])
    assert [set(f.item_ids) for f in findings] == [{stay.id, second.id}]


def test_overlap_found_across_zones_in_utc() -> None:
    # 09:00 JST on the 10th is 18:00 CST on the 9th: the same instant as the Chicago dinner.
    call = item(ItineraryKind.MEETING, "2027-03-10 09:00", "2027-03-10 10:00", TYO)
    dinner = item(ItineraryKind.MEAL, "2027-03-09 17:30", "2027-03-09 19:00")
    assert len(find_overlaps([call, dinner])) == 1


def test_every_night_without_lodging_is_listed() -> None:
    stay = hotel(end="2027-03-10 11:00")  # nights of the 8th and 9th only
    findings = find_uncovered_nights(VISIT, [stay], CHI)
    assert [f.night for f in findings] == [date(2027, 3, 10), date(2027, 3, 11)]
    assert all(f.kind is CheckKind.UNCOVERED_NIGHT for f in findings)
    assert find_uncovered_nights(VISIT, [hotel()], CHI) == []


def test_items_outside_the_stay_but_travel_days_allowed() -> None:
    early = item(ItineraryKind.MEETING, "2027-03-07 10:00", "2027-03-07 11:00")
    late = item(ItineraryKind.TOUR, "2027-03-13 10:00", "2027-03-13 11:00")
    # Leaves Tokyo on the 8th at 10:40 JST = 7th 19:40 CST: a travel day before arrival.
    flight = item(ItineraryKind.FLIGHT, "2027-03-08 10:40", "2027-03-08 07:30", TYO, CHI)
    inside = item(ItineraryKind.MEETING, "2027-03-09 10:00", "2027-03-09 11:00")
    findings = find_outside_stay(VISIT, [early, late, flight, inside], CHI)
    assert {f.item_ids[0] for f in findings} == {early.id, late.id}


def test_short_connection_between_consecutive_legs() -> None:
    leg1 = item(ItineraryKind.FLIGHT, "2027-03-08 10:40", "2027-03-08 07:30", TYO, CHI)
    leg2 = item(ItineraryKind.GROUND_TRANSPORT, "2027-03-08 08:00", "2027-03-08 09:00")
    findings = find_short_connections([leg2, leg1])
    assert len(findings) == 1 and set(findings[0].item_ids) == {leg1.id, leg2.id}
    assert "30 min" in findings[0].message
    assert find_short_connections([leg1, leg2], minimum=timedelta(minutes=30)) == []
    # A meeting in between does not make it a non-connection, and far-apart legs are fine.
    leg3 = item(ItineraryKind.TRAIN, "2027-03-09 08:00", "2027-03-09 09:00")
    assert len(find_short_connections([leg1, leg2, leg3])) == 1


def test_check_itinerary_combines_all_checks() -> None:
    items = [
        hotel(end="2027-03-11 11:00"),
        item(ItineraryKind.MEETING, "2027-03-09 10:00", "2027-03-09 11:00"),
        item(ItineraryKind.MEETING, "2027-03-09 10:30", "2027-03-09 11:30"),
    ]
    kinds = [f.kind for f in check_itinerary(VISIT, items, CHI)]
    assert kinds == [CheckKind.OVERLAP, CheckKind.UNCOVERED_NIGHT]


def test_nonexistent_time_gives_two_choices_with_offsets() -> None:
    question = local_time_question(datetime(2027, 3, 14, 2, 30), CHI)
    assert question is not None
    assert question.issue is LocalTimeIssue.NONEXISTENT
    assert question.kind is CheckKind.NONEXISTENT_TIME
    instants = [c.instant for c in question.choices]
    assert instants == [
        datetime(2027, 3, 14, 7, 30, tzinfo=UTC),
        datetime(2027, 3, 14, 8, 30, tzinfo=UTC),
    ]
    assert "UTC−05:00" in question.choices[0].label
    assert "UTC−06:00" in question.choices[1].label
    assert "does not exist" in question.message


def test_ambiguous_time_gives_both_instants() -> None:
    question = local_time_question(datetime(2027, 11, 7, 1, 30), CHI)
    assert question is not None and question.issue is LocalTimeIssue.AMBIGUOUS
    assert question.kind is CheckKind.AMBIGUOUS_TIME
    assert [c.label.split(",")[0] for c in question.choices] == [
        "01:30 CDT (UTC−05:00)",
        "01:30 CST (UTC−06:00)",
    ]
    assert local_time_question(datetime(2027, 3, 14, 3, 30), CHI) is None
    assert local_time_question(datetime(2027, 3, 14, 2, 30), TYO) is None  # Japan has no DST


def test_date_line_markers_both_ways() -> None:
    # Tokyo → Chicago arrives "earlier" the same day; Chicago → Tokyo arrives the next day.
    out = schedule(item(ItineraryKind.FLIGHT, "2027-03-08 10:40", "2027-03-08 07:30", TYO, CHI))
    assert out.day_offset == 0 and (out.start.abbreviation, out.end.abbreviation) == ("JST", "CST")
    back = schedule(item(ItineraryKind.FLIGHT, "2027-03-19 12:40", "2027-03-20 16:25", CHI, TYO))
    assert back.day_offset == 1 and back.start.abbreviation == "CDT"
    late = schedule(item(ItineraryKind.FLIGHT, "2027-03-09 00:30", "2027-03-08 21:30", TYO, CHI))
    assert late.day_offset == -1
    assert [day_marker(n) for n in (1, -1, 0, 3)] == ["+1 day", "−1 day", "", "+3 days"]


def test_days_group_by_local_start_date_in_time_order() -> None:
    flight = item(ItineraryKind.FLIGHT, "2027-03-08 10:40", "2027-03-08 07:30", TYO, CHI)
    meeting = item(ItineraryKind.MEETING, "2027-03-09 10:00", "2027-03-09 11:00")
    checkin = item(ItineraryKind.LODGING, "2027-03-08 15:00", "2027-03-12 11:00")
    days = group_by_day([meeting, checkin, flight])
    assert [d.day for d in days] == [date(2027, 3, 8), date(2027, 3, 9)]
    assert [e.item.id for e in days[0].entries] == [flight.id, checkin.id]

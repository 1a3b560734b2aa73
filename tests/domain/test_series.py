"""Recurring series: occurrences anchored in a zone, exceptions, moves, each site's time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.domain.enums import Frequency
from planner.domain.series import (
    OccurrenceChange,
    Recurrence,
    Site,
    WorkingHours,
    occurrences,
    site_times,
    validate_recurrence,
)

CHICAGO, KOBE, ZURICH = "America/Chicago", "Asia/Tokyo", "Europe/Zurich"
# Tuesday 2 March 2027, 17:00 CST = 23:00 UTC.
FIRST = datetime(2027, 3, 2, 23, 0, tzinfo=UTC)
SITES = [Site("Argonne", CHICAGO), Site("RIKEN R-CCS", KOBE), Site("CERN", ZURICH)]


def weekly(until: date, freq: Frequency = Frequency.WEEKLY) -> Recurrence:
    return Recurrence(freq, until=until)


def test_weekly_series_keeps_its_anchor_wall_time_across_the_us_spring_change() -> None:
    occ = occurrences(FIRST, FIRST + timedelta(hours=1), CHICAGO, weekly(date(2027, 4, 6)))
    assert [o.original_date for o in occ] == [date(2027, 3, 2) + timedelta(weeks=n)
                                              for n in range(6)]  # fmt: skip
    walls = {o.start_utc.astimezone(ZoneInfo(CHICAGO)).time() for o in occ}
    assert walls == {time(17, 0)}
    # The instant moves one hour earlier in UTC from 14 March (CDT).
    assert [o.start_utc.hour for o in occ] == [23, 23, 22, 22, 22, 22]
    assert all(o.end_utc - o.start_utc == timedelta(hours=1) for o in occ)


def test_kobe_time_jumps_with_the_us_and_then_the_european_change() -> None:
    occ = occurrences(FIRST, FIRST + timedelta(hours=1), CHICAGO, weekly(date(2027, 4, 6)))
    rows = site_times(occ, CHICAGO, SITES)
    kobe = [r[1] for r in rows]
    assert [(t.start.strftime("%a %H:%M %Z"), t.day_shift) for t in kobe[:3]] == [
        ("Wed 08:00 JST", 1), ("Wed 08:00 JST", 1), ("Wed 07:00 JST", 1)]  # fmt: skip
    assert [t.clock_change for t in kobe] == ["", "", CHICAGO, "", "", ""]
    zurich = [r[2] for r in rows]
    # Chicago changes on 14 March, Zurich on 28 March: Zurich's time moves twice.
    assert [t.start.strftime("%H:%M") for t in zurich] == [
        "00:00", "00:00", "23:00", "23:00", "00:00", "00:00"]  # fmt: skip
    assert [t.clock_change for t in zurich] == ["", "", CHICAGO, "", ZURICH, ""]
    assert [t.day_shift for t in zurich] == [1, 1, 0, 0, 1, 1]
    # The anchor site never flags itself.
    assert not any(r[0].clock_change for r in rows)


def test_working_hours_flags() -> None:
    occ = occurrences(FIRST, FIRST + timedelta(hours=1), CHICAGO, weekly(date(2027, 3, 23)))
    rows = site_times(occ, CHICAGO, SITES)
    assert [r[1].outside_hours for r in rows] == [False, False, True, True]  # 07:00 JST
    assert all(r[2].outside_hours for r in rows)  # midnight / 23:00 in Zurich
    assert not any(r[0].outside_hours for r in rows)
    early = [Site("RIKEN", KOBE, WorkingHours(time(7, 0), time(19, 0)))]
    assert not any(r[0].outside_hours for r in site_times(occ, CHICAGO, early))


def test_autumn_change_and_the_date_line() -> None:
    # Friday 29 October 2027, 09:00 in Kobe = Thursday 19:00 CDT; anchored in Kobe.
    start = datetime(2027, 10, 29, 0, 0, tzinfo=UTC)
    occ = occurrences(start, start + timedelta(minutes=60), KOBE, weekly(date(2027, 11, 19)))
    rows = site_times(occ, KOBE, [Site("RIKEN", KOBE), Site("Argonne", CHICAGO)])
    chicago = [r[1] for r in rows]
    assert [t.start.strftime("%a %H:%M %Z") for t in chicago] == [
        "Thu 19:00 CDT", "Thu 19:00 CDT", "Thu 18:00 CST", "Thu 18:00 CST"]  # fmt: skip
    assert [t.day_shift for t in chicago] == [-1, -1, -1, -1]
    assert [t.clock_change for t in chicago] == ["", "", CHICAGO, ""]  # US ends DST 7 Nov
    assert [t.outside_hours for t in chicago] == [True, True, False, False]  # 19:00–20:00 CDT


def test_exceptions_and_moved_occurrences() -> None:
    moved_to = datetime(2027, 3, 17, 21, 0, tzinfo=UTC)
    changes = [
        OccurrenceChange(date(2027, 3, 9), cancelled=True),
        OccurrenceChange(
            date(2027, 3, 16), start_utc=moved_to, end_utc=moved_to + timedelta(hours=2)
        ),
        OccurrenceChange(date(2027, 3, 10), cancelled=True),  # not an occurrence: no effect
    ]
    occ = occurrences(FIRST, FIRST + timedelta(hours=1), CHICAGO, weekly(date(2027, 3, 23)),
                      changes)  # fmt: skip
    assert [o.original_date for o in occ] == [date(2027, 3, 2), date(2027, 3, 16),
                                              date(2027, 3, 23)]  # fmt: skip
    moved = occ[1]
    assert moved.moved and moved.start_utc == moved_to
    assert moved.original_start_utc == datetime(2027, 3, 16, 22, 0, tzinfo=UTC)
    assert moved.end_utc - moved.start_utc == timedelta(hours=2)
    assert [o.index for o in occ] == [0, 2, 3]


def test_every_other_week_monthly_by_weekday_and_count() -> None:
    biweekly = occurrences(FIRST, FIRST, CHICAGO, weekly(date(2027, 4, 30), Frequency.BIWEEKLY))
    assert [o.original_date.day for o in biweekly] == [2, 16, 30, 13, 27]
    monthly = occurrences(FIRST, FIRST, CHICAGO, Recurrence(Frequency.MONTHLY, count=4))
    # The first Tuesday of each month, at 17:00 Chicago time whatever the offset.
    assert [o.original_date for o in monthly] == [
        date(2027, 3, 2), date(2027, 4, 6), date(2027, 5, 4), date(2027, 6, 1)]  # fmt: skip
    single = occurrences(FIRST, FIRST + timedelta(hours=1), CHICAGO, Recurrence())
    assert len(single) == 1 and single[0].start_utc == FIRST


def test_a_wall_time_skipped_by_the_change_takes_the_offset_before_the_gap() -> None:
    # 02:30 Chicago on Sunday 7 March; on 14 March 02:30 does not exist → 03:30 CDT.
    start = datetime(2027, 3, 7, 8, 30, tzinfo=UTC)
    occ = occurrences(start, start, CHICAGO, weekly(date(2027, 3, 21)))
    assert [o.start_utc.hour for o in occ] == [8, 8, 7]
    assert occ[1].start_utc == datetime(2027, 3, 14, 8, 30, tzinfo=UTC)


def test_a_series_needs_an_end() -> None:
    assert validate_recurrence(Recurrence(Frequency.WEEKLY), date(2027, 3, 2))
    assert validate_recurrence(Recurrence(Frequency.WEEKLY, until=date(2027, 3, 1)),
                               date(2027, 3, 2))  # fmt: skip
    assert validate_recurrence(Recurrence(Frequency.WEEKLY, count=100_000), date(2027, 3, 2))
    assert not validate_recurrence(Recurrence(Frequency.WEEKLY, count=10), date(2027, 3, 2))
    both = Recurrence(Frequency.WEEKLY, until=date(2027, 4, 1), count=3)
    assert [p.field for p in validate_recurrence(both, date(2027, 3, 2))] == ["repeat_count"]

"""The slot finder, checked against brute force over every minute of every date in the range."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from planner.domain.errors import ValidationError
from planner.domain.series import WorkingHours, parse_hours
from planner.domain.slots import SlotQuery, find_slots, local_spans, valid_starts
from planner.domain.timezones import resolve_local, zone

CHICAGO, KOBE, ZURICH = "America/Chicago", "Asia/Tokyo", "Europe/Zurich"


def brute_force(query: SlotQuery, day: date) -> int:
    """Every minute of *day*: does a meeting starting then fit every site's hours?"""
    bits = 0
    for minute in range(24 * 60):
        wall = datetime.combine(day, time(minute // 60, minute % 60))
        issue, instants = resolve_local(wall, query.zones[0])
        if issue is not None:
            continue  # skipped or repeated wall times are never offered
        start = instants[0]
        end = start + timedelta(minutes=query.duration)
        if all(
            query.hours_of(name).admits(start.astimezone(zone(name)), end.astimezone(zone(name)))
            for name in query.zones
        ):
            bits |= 1 << minute
    return bits


CASES = [
    # Chicago–Kobe across the US spring change (Kobe does not change).
    SlotQuery((CHICAGO, KOBE), 60, date(2027, 3, 1), date(2027, 3, 24)),
    # Kobe as the anchor, across the US autumn change, every day of the week.
    SlotQuery((KOBE, CHICAGO), 45, date(2027, 10, 25), date(2027, 11, 12), frozenset(range(7))),
    # Three sites in the weeks between the US and European spring changes.
    SlotQuery(
        (ZURICH, CHICAGO, KOBE), 30, date(2027, 3, 10), date(2027, 4, 2), frozenset(range(7)),
        {CHICAGO: parse_hours("06:00-20:00"),
         KOBE: parse_hours("07:00-23:00 mon,tue,wed,thu,fri,sat")},
    ),
    # Narrow hours at Kobe: the start must move with the US clocks.
    SlotQuery((CHICAGO, KOBE), 60, date(2027, 3, 1), date(2027, 3, 19),
              frozenset(range(4)), {KOBE: parse_hours("08:00-09:30")}),
    # A half-hour zone and a 45-minute one, and the Pacific's date line at Apia.
    SlotQuery(("Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Apia"), 50,
              date(2027, 3, 28), date(2027, 4, 8), frozenset(range(7)),
              {"Pacific/Apia": parse_hours("06:00-22:00 mon,tue,wed,thu,fri,sat,sun")}),
    # Anchor on its own fall-back night: the repeated hour is never offered.
    SlotQuery((CHICAGO, "Pacific/Honolulu"), 20, date(2027, 11, 6), date(2027, 11, 8),
              frozenset(range(7)),
              {CHICAGO: WorkingHours(time(0, 0), time(23, 59), frozenset(range(7))),
               "Pacific/Honolulu": WorkingHours(time(0, 0), time(23, 59), frozenset(range(7)))}),
]  # fmt: skip


@pytest.mark.parametrize("query", CASES, ids=[",".join(q.zones) for q in CASES])
def test_finder_matches_brute_force_on_every_minute_of_every_date(query: SlotQuery) -> None:
    days = query.dates()
    assert days
    brute = {day: brute_force(query, day) for day in days}
    for day in days:
        assert valid_starts(query, day) == brute[day], day
    result = find_slots(query)
    # Each segment lists exactly the starts (every step) that work on all its dates, and a
    # date with no start at all is reported as impossible; together they cover the range.
    stepped = range(0, 1440, query.step)
    for segment in result.segments:
        common = [m for m in stepped if all(brute[d] >> m & 1 for d in segment.dates)]
        assert list(segment.starts) == common and common
    for day in result.impossible:
        assert not any(brute[day] >> m & 1 for m in stepped)
    covered = [d for s in result.segments for d in s.dates] + list(result.impossible)
    assert sorted(covered) == days


def test_fall_back_night_never_offers_the_repeated_hour() -> None:
    query = CASES[-1]
    bits = valid_starts(query, date(2027, 11, 7))
    assert not any(bits >> m & 1 for m in range(60, 120))  # 01:00–01:59 happens twice
    assert bits >> 59 & 1 and bits >> 120 & 1


def test_spring_forward_night_never_offers_the_skipped_hour() -> None:
    query = SlotQuery(
        (CHICAGO, "Pacific/Honolulu"), 20, date(2027, 3, 14), date(2027, 3, 14),
        frozenset(range(7)),
        {CHICAGO: WorkingHours(time(0, 0), time(23, 59), frozenset(range(7))),
         "Pacific/Honolulu": WorkingHours(time(0, 0), time(23, 59), frozenset(range(7)))},
    )  # fmt: skip
    bits = valid_starts(query, date(2027, 3, 14))
    assert bits == brute_force(query, date(2027, 3, 14))
    assert not any(bits >> m & 1 for m in range(120, 180))


def test_chicago_kobe_whole_range_and_local_times_across_the_us_change() -> None:
    query = SlotQuery((CHICAGO, KOBE), 60, date(2027, 2, 15), date(2027, 3, 31),
                      frozenset({0, 1, 2, 3}))  # fmt: skip
    result = find_slots(query)
    assert result.whole_range
    (segment,) = result.segments
    assert segment.starts == (18 * 60,)  # 18:00 Chicago = 09:00 / 08:00 Kobe next morning
    spans = local_spans(query, segment.dates, segment.chosen)
    kobe = [s for s in spans if s.zone == KOBE]
    assert [(s.local, s.day_shift, s.last) for s in kobe] == [
        (time(9, 0), 1, date(2027, 3, 11)),
        (time(8, 0), 1, date(2027, 3, 31)),
    ]
    assert kobe[1].first == date(2027, 3, 15)


def test_fridays_in_chicago_are_saturdays_in_kobe() -> None:
    result = find_slots(SlotQuery((CHICAGO, KOBE), 60, date(2027, 2, 15), date(2027, 2, 28)))
    assert result.impossible == (date(2027, 2, 19), date(2027, 2, 26))
    assert not result.whole_range


def test_best_split_keeps_the_partner_time_when_no_start_fits_the_whole_range() -> None:
    query = CASES[3]
    result = find_slots(query)
    assert not result.whole_range
    first, second = result.segments
    assert (first.dates[-1], first.chosen) == (date(2027, 3, 11), 17 * 60)  # 17:00 CST
    assert (second.dates[0], second.chosen) == (date(2027, 3, 15), 18 * 60)  # 18:00 CDT
    assert not result.impossible


@pytest.mark.parametrize(
    ("zones", "duration", "first", "last", "step"),
    [
        ((CHICAGO,), 60, date(2027, 1, 1), date(2027, 1, 2), 15),
        ((CHICAGO, CHICAGO), 60, date(2027, 1, 1), date(2027, 1, 2), 15),
        ((CHICAGO, "Mars/Olympus"), 60, date(2027, 1, 1), date(2027, 1, 2), 15),
        ((CHICAGO, KOBE), 0, date(2027, 1, 1), date(2027, 1, 2), 15),
        ((CHICAGO, KOBE), 60, date(2027, 1, 2), date(2027, 1, 1), 15),
        ((CHICAGO, KOBE), 60, date(2027, 1, 1), date(2029, 1, 1), 15),
        ((CHICAGO, KOBE), 60, date(2027, 1, 1), date(2027, 1, 2), 7),
    ],
)
def test_bad_queries_are_refused(
    zones: tuple[str, ...], duration: int, first: date, last: date, step: int
) -> None:
    with pytest.raises(ValidationError):
        find_slots(SlotQuery(zones, duration, first, last, step=step))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "8-19",
        "19:00-08:00",
        "08:00-19:00 funday",
        "08:00",
        "08:00-19:00 mon tue",
        "25:00-26:00",
        "\x1b[2J",
    ],
)
def test_bad_working_hours_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_hours(text)


def test_working_hours_with_days() -> None:
    hours = parse_hours("07:30-18:00 mon,TUE,wednesday")
    assert hours == WorkingHours(time(7, 30), time(18, 0), frozenset({0, 1, 2}))
    assert hours.text() == "07:30-18:00 mon,tue,wed"


#: Zones across both hemispheres, half-hour and 45-minute offsets, the date line, and zones
#: that change their clocks at midnight (Santiago, Havana, Beirut), with seeded random ranges
#: around their changes, lengths and working hours.
RANDOM_ZONES = (
    "America/Chicago", "Asia/Tokyo", "Europe/Zurich", "Australia/Sydney", "America/Santiago",
    "America/Havana", "Asia/Beirut", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Auckland",
    "Pacific/Chatham", "America/St_Johns", "Africa/Cairo", "Pacific/Kiritimati", "UTC",
)  # fmt: skip


def _random_query(seed: int) -> SlotQuery:
    import random

    rng = random.Random(seed)
    zones = tuple(rng.sample(RANDOM_ZONES, rng.choice((2, 2, 3))))
    month = rng.choice((3, 4, 9, 10, 11))
    first = date(2027, month, rng.randint(1, 20))
    hours = {}
    for name in zones:
        start = rng.randint(5 * 4, 10 * 4) * 15
        end = min(start + rng.randint(2 * 4, 13 * 4) * 15, 23 * 60 + 45)
        days = frozenset(rng.sample(range(7), rng.randint(4, 7)))
        hours[name] = WorkingHours(time(start // 60, start % 60), time(end // 60, end % 60), days)
    return SlotQuery(zones, rng.choice((15, 30, 45, 60, 90, 120)), first,
                     first + timedelta(days=rng.randint(3, 9)),
                     frozenset(rng.sample(range(7), rng.randint(3, 7))), hours,
                     step=rng.choice((5, 15, 30)))  # fmt: skip


@pytest.mark.parametrize("seed", range(12))
def test_finder_matches_brute_force_on_random_sites(seed: int) -> None:
    query = _random_query(seed)
    for day in query.dates():
        assert valid_starts(query, day) == brute_force(query, day), (query, day)

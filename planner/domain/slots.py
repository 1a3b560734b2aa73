"""The slot finder: start times inside working hours at every site, on every date of a range.

Start times are wall times in the *anchor* zone (the first one given), on the anchor-local
dates of the range whose weekday is wanted. For each date the finder works on instants: each
site's working window on its own local dates becomes a UTC interval of allowed starts
(``[work start, work end - duration]``), the sites' intervals are intersected, and the result is
mapped back to anchor-local minutes piece by piece between the anchor's clock changes. The
valid minutes of a date are a bit set (bit *m* = the meeting may start *m* minutes after local
midnight), so "valid on every date" is an AND and the best split a greedy pass.

A start whose wall time the anchor zone skips or repeats that day is never offered. The sites'
working windows are taken from the instants of their start and end wall times; zones change
their clocks at night, outside any working hours, where the two readings agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from planner.domain.errors import FieldProblem, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.series import WorkingHours
from planner.domain.timezones import zone

MINUTES_PER_DAY = 24 * 60
#: The longest range searched (a season is ~90 days; a year at most).
MAX_DAYS = 400
MAX_DURATION = 12 * 60

Interval = tuple[int, int]  # [start, end] in whole minutes since the epoch, both included
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _minutes(instant: datetime) -> int:
    return int((instant - _EPOCH).total_seconds() // 60)


def _instant(minutes: int) -> datetime:
    return _EPOCH + timedelta(minutes=minutes)


def _wall_minutes(day: date, wall: time, zone_name: str) -> int:
    local = datetime.combine(day, wall).replace(tzinfo=zone(zone_name), fold=0)
    return _minutes(local.astimezone(UTC))


@dataclass(frozen=True)
class SlotQuery:
    """What to search: zones (the first is the anchor), a duration, dates and hours."""

    zones: tuple[str, ...]
    duration: int  # minutes
    first: date
    last: date
    weekdays: frozenset[int] = frozenset(range(5))
    #: Working hours by zone; a zone not listed works the default 08:00–19:00, weekdays.
    hours: Mapping[str, WorkingHours] = field(default_factory=dict)
    #: Candidates are listed every *step* minutes past the hour.
    step: int = 15

    def hours_of(self, zone_name: str) -> WorkingHours:
        """The working hours of *zone_name*."""
        return self.hours.get(zone_name, WorkingHours())

    def dates(self) -> list[date]:
        """The anchor-local dates of the range with a wanted weekday."""
        days = (self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1))
        return [d for d in days if d.weekday() in self.weekdays]


def validate_query(query: SlotQuery) -> None:
    """Raise :class:`ValidationError` for a query the finder cannot answer."""
    problems: list[FieldProblem] = []
    for name in query.zones:
        zone(name, "zone")
    if len(query.zones) < 2 or len(set(query.zones)) != len(query.zones):
        problems.append(
            FieldProblem(
                "zone", QT_TRANSLATE_NOOP("Validation", "give at least two different zones")
            )
        )
    if not 1 <= query.duration <= MAX_DURATION:
        problems.append(
            FieldProblem(
                "duration",
                QT_TRANSLATE_NOOP("Validation", "the duration is 1 to {max} minutes"),
                {"max": MAX_DURATION},
            )
        )
    if query.last < query.first or (query.last - query.first).days >= MAX_DAYS:
        problems.append(
            FieldProblem(
                "to",
                QT_TRANSLATE_NOOP(
                    "Validation", "the range runs forward and spans at most {max} days"
                ),
                {"max": MAX_DAYS},
            )
        )
    if not 1 <= query.step <= 60 or 60 % query.step:
        problems.append(
            FieldProblem(
                "step",
                QT_TRANSLATE_NOOP(
                    "Validation", "the step divides an hour (1, 5, 10, 15, 20, 30 or 60 minutes)"
                ),
            )
        )
    if not query.weekdays:
        problems.append(
            FieldProblem("weekday", QT_TRANSLATE_NOOP("Validation", "choose at least one weekday"))
        )
    if problems:
        raise ValidationError(problems)  # fmt: skip


def _site_intervals(query: SlotQuery, zone_name: str, around: date) -> list[Interval]:
    """UTC intervals of allowed starts at one site, for its local dates near *around*."""
    hours = query.hours_of(zone_name)
    out: list[Interval] = []
    for shift in (-2, -1, 0, 1, 2):  # zones differ by at most 26 hours
        day = around + timedelta(days=shift)
        if day.weekday() not in hours.weekdays:
            continue
        begin = _wall_minutes(day, hours.start, zone_name)
        end = _wall_minutes(day, hours.end, zone_name) - query.duration
        if end >= begin:
            out.append((begin, end))
    return out


def _intersect(a: Sequence[Interval], b: Sequence[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for lo1, hi1 in a:
        for lo2, hi2 in b:
            lo, hi = max(lo1, lo2), min(hi1, hi2)
            if lo <= hi:
                out.append((lo, hi))
    return out


def _pieces(day: date, zone_name: str) -> list[tuple[int, int, int]]:
    """The anchor day as UTC pieces of constant offset: (first, last minute, offset)."""
    tz = zone(zone_name)
    begin = _wall_minutes(day, time(0), zone_name)
    end = _wall_minutes(day + timedelta(days=1), time(0), zone_name) - 1

    def offset(m: int) -> int:
        return int((_instant(m).astimezone(tz).utcoffset() or timedelta()).total_seconds() // 60)

    pieces: list[tuple[int, int, int]] = []
    while begin <= end:
        first = offset(begin)
        lo, hi = begin, end
        if offset(end) == first:
            pieces.append((begin, end, first))
            break
        while lo < hi:  # the last minute still at this offset
            mid = (lo + hi + 1) // 2
            if offset(mid) == first:
                lo = mid
            else:
                hi = mid - 1
        pieces.append((begin, lo, first))
        begin = lo + 1
    return pieces


def valid_starts(query: SlotQuery, day: date) -> int:
    """The anchor-local minutes of *day* at which the meeting may start, as a bit set."""
    allowed: list[Interval] = [(-(2**62), 2**62)]
    for name in query.zones:
        allowed = _intersect(allowed, _site_intervals(query, name, day))
    midnight = _minutes(datetime.combine(day, time(0), tzinfo=UTC))
    bits = 0
    covered: list[Interval] = []
    for first, last, offset in _pieces(day, query.zones[0]):
        # Local minute of day for instant m in this piece: m + offset - midnight.
        covered.append((first + offset - midnight, last + offset - midnight))
        for lo, hi in _intersect(allowed, [(first, last)]):
            lo_local, hi_local = lo + offset - midnight, hi + offset - midnight
            lo_local, hi_local = max(lo_local, 0), min(hi_local, MINUTES_PER_DAY - 1)
            if lo_local <= hi_local:
                bits |= ((1 << (hi_local - lo_local + 1)) - 1) << lo_local
    # Wall times two pieces share happen twice (clocks went back): never offered.
    for i, (lo1, hi1) in enumerate(covered):
        for lo2, hi2 in covered[i + 1 :]:
            lo, hi = max(lo1, lo2, 0), min(hi1, hi2, MINUTES_PER_DAY - 1)
            if lo <= hi:
                bits &= ~(((1 << (hi - lo + 1)) - 1) << lo)
    return bits


@dataclass(frozen=True)
class Segment:
    """Start times valid on every date of a run of dates; *chosen* the one proposed."""

    dates: tuple[date, ...]
    starts: tuple[int, ...]  # anchor-local minutes of day, every *step*
    chosen: int


@dataclass(frozen=True)
class SlotResult:
    """The finder's answer: one segment for the whole range, or the best split."""

    query: SlotQuery
    segments: tuple[Segment, ...]
    #: Dates on which no start time works at all (left out of every segment).
    impossible: tuple[date, ...]

    @property
    def whole_range(self) -> bool:
        """True when one set of start times works on every date."""
        return len(self.segments) == 1 and not self.impossible


def _stepped(bits: int, step: int) -> int:
    mask = 0
    for m in range(0, MINUTES_PER_DAY, step):
        mask |= 1 << m
    return bits & mask


def _minutes_of(bits: int) -> tuple[int, ...]:
    return tuple(m for m in range(MINUTES_PER_DAY) if bits >> m & 1)


def find_slots(query: SlotQuery) -> SlotResult:
    """Start times valid on every date, else the fewest runs of dates that each share one.

    Greedy is optimal here: extending a run while its dates still share a start can never
    force more runs later. In each run the start nearest the previous run's is proposed (the
    earliest in the first), so a series moves as little as possible.
    """
    validate_query(query)
    runs: list[tuple[list[date], int]] = []
    impossible: list[date] = []
    for day in query.dates():
        bits = _stepped(valid_starts(query, day), query.step)
        if not bits:
            impossible.append(day)
        elif runs and runs[-1][1] & bits:
            runs[-1][0].append(day)
            runs[-1] = (runs[-1][0], runs[-1][1] & bits)
        else:
            runs.append(([day], bits))
    segments: list[Segment] = []
    for days, bits in runs:
        starts = _minutes_of(bits)
        if segments:
            before = segments[-1].chosen
            chosen = min(starts, key=lambda m: (abs(m - before), m))
        else:
            chosen = starts[0]
        segments.append(Segment(tuple(days), starts, chosen))
    return SlotResult(query, tuple(segments), tuple(impossible))


@dataclass(frozen=True)
class LocalSpan:
    """How a start looks in one zone over a run of dates: ``08:00 JST +1 day``."""

    zone: str
    local: time
    abbreviation: str
    day_shift: int
    first: date
    last: date


def local_spans(query: SlotQuery, dates: Sequence[date], minute: int) -> list[LocalSpan]:
    """For a start *minute* (anchor-local) on *dates*, its local time in every zone, in runs of
    dates where it stays the same (it changes when one end changes its clocks)."""
    anchor = zone(query.zones[0])
    spans: list[LocalSpan] = []
    for name in query.zones:
        tz = zone(name)
        current: LocalSpan | None = None
        for day in dates:
            wall = datetime.combine(day, time(minute // 60, minute % 60))
            local = wall.replace(tzinfo=anchor, fold=0).astimezone(tz)
            key = (local.time(), local.tzname() or name, (local.date() - day).days)
            if current is not None and (current.local, current.abbreviation,
                                        current.day_shift) == key:  # fmt: skip
                current = LocalSpan(name, *key, current.first, day)
                spans[-1] = current
            else:
                current = LocalSpan(name, *key, day, day)
                spans.append(current)
    return spans

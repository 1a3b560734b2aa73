"""Recurring series, each participating site's own local time, and the honest flags.

A series is one recurrence rule anchored in one IANA zone: the *wall time* of the first
occurrence repeats in that zone (17:00 in Chicago stays 17:00 in Chicago across the US clock
changes), so the instant, and with it every other site's local time, moves when either end
changes its clocks. Occurrences are computed from the rule with :mod:`dateutil.rrule`, never
copied; a cancelled occurrence (an exception) or a moved one (an override) is recorded against
the anchor-local date the rule gives it, the way iCalendar's EXDATE and RECURRENCE-ID do.

A wall time the anchor zone skips on a spring-forward day is read with the offset before the
gap (02:30 becomes 03:30), as RFC 5545 §3.3.5 prescribes; a repeated wall time on a fall-back
day is its first occurrence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from dateutil import rrule

from planner.domain.enums import Frequency
from planner.domain.errors import FieldProblem, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.timezones import zone

#: Default working hours of a site: 08:00–19:00 local, Monday to Friday.
DEFAULT_START, DEFAULT_END = time(8, 0), time(19, 0)
WEEKDAYS = frozenset(range(5))
#: The most occurrences one series may have (ten years of a weekly seminar, and some).
MAX_OCCURRENCES = 600
#: Weekday names as the command line and the database write them (Monday = 0).
WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class WorkingHours:
    """When a site works: local start and end time, on some weekdays (Monday = 0)."""

    start: time = DEFAULT_START
    end: time = DEFAULT_END
    weekdays: frozenset[int] = WEEKDAYS

    def admits(self, start_local: datetime, end_local: datetime) -> bool:
        """True when a meeting from *start_local* to *end_local* (aware, in the site's zone)
        lies inside these hours on one working day."""
        return (
            start_local.date() == end_local.date()
            and start_local.weekday() in self.weekdays
            and start_local.time().replace(tzinfo=None) >= self.start
            and end_local.time().replace(tzinfo=None) <= self.end
        )

    def text(self) -> str:
        """``08:00-19:00 mon,tue,wed,thu,fri``: the stored and printed form."""
        days = ",".join(WEEKDAY_CODES[d] for d in sorted(self.weekdays))
        return f"{self.start:%H:%M}-{self.end:%H:%M} {days}"


def parse_hours(text: str, field_name: str = "hours") -> WorkingHours:
    """Working hours from ``HH:MM-HH:MM`` optionally followed by weekday codes.

    ``08:00-19:00`` (weekdays) or ``07:30-18:00 mon,tue,wed,thu``; a :class:`ValidationError`
    otherwise. The end must come after the start on the same day.
    """
    parts = text.strip().split()
    if not parts or len(parts) > 2 or "-" not in parts[0]:
        raise _bad_hours(field_name, text)
    first, _, last = parts[0].partition("-")
    try:
        start = time.fromisoformat(first) if len(first) == 5 else None
        end = time.fromisoformat(last) if len(last) == 5 else None
    except ValueError:
        start = end = None
    if start is None or end is None or end <= start:
        raise _bad_hours(field_name, text)
    days = parse_weekdays(parts[1], field_name) if len(parts) == 2 else WEEKDAYS
    return WorkingHours(start, end, days)


def _bad_hours(field_name: str, text: str) -> ValidationError:
    return ValidationError.single(
        field_name,
        QT_TRANSLATE_NOOP(
            "Validation",
            "{value} is not working hours: write HH:MM-HH:MM with the end after the start",
        ),
        {"value": repr(text[:40])},
    )


def parse_weekdays(text: str, field_name: str = "weekday") -> frozenset[int]:
    """``mon,tue`` → {0, 1}; a :class:`ValidationError` naming an unknown day."""
    days: set[int] = set()
    for part in text.lower().split(","):
        name = part.strip()[:3]
        if name not in WEEKDAY_CODES or len(part.strip()) < 3:
            raise ValidationError.single(
                field_name,
                QT_TRANSLATE_NOOP(
                    "Validation", "{value} is not a weekday (use mon, tue, wed, thu, fri, sat, sun)"
                ),
                {"value": repr(part.strip()[:20])},
            )
        days.add(WEEKDAY_CODES.index(name))
    return frozenset(days)


@dataclass(frozen=True)
class Site:
    """A participating site: a name, its zone and its working hours."""

    name: str
    zone: str
    hours: WorkingHours = field(default_factory=WorkingHours)
    institution_id: int | None = None


@dataclass(frozen=True)
class Recurrence:
    """How a series repeats, and when it ends (a last anchor-local date, or a count)."""

    frequency: Frequency = Frequency.NONE
    until: date | None = None
    count: int | None = None


@dataclass(frozen=True)
class OccurrenceChange:
    """One occurrence cancelled or moved, named by the anchor-local date the rule gives it."""

    original_date: date
    cancelled: bool = False
    #: The moved occurrence's instants (None when it only is cancelled).
    start_utc: datetime | None = None
    end_utc: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class Occurrence:
    """One computed occurrence of a series (or the only one of a single event)."""

    index: int
    #: The instant the rule gives (iCalendar's RECURRENCE-ID), and its anchor-local date.
    original_start_utc: datetime
    original_date: date
    start_utc: datetime
    end_utc: datetime
    moved: bool = False


def validate_recurrence(recurrence: Recurrence, first_day: date) -> list[FieldProblem]:
    """What is wrong with *recurrence* for a series starting on *first_day*."""
    problems: list[FieldProblem] = []
    if recurrence.frequency is Frequency.NONE:
        return problems
    if recurrence.until is None and recurrence.count is None:
        problems.append(
            FieldProblem(
                "repeat_until",
                QT_TRANSLATE_NOOP(
                    "Validation", "a series needs an end: a last date or a number of occurrences"
                ),
            )
        )
    if recurrence.until is not None and recurrence.count is not None:
        # RFC 5545 forbids both in one RRULE; which one would win is not for us to guess.
        problems.append(
            FieldProblem(
                "repeat_count",
                QT_TRANSLATE_NOOP(
                    "Validation", "give a last date or a number of occurrences, not both"
                ),
            )
        )
    if recurrence.until is not None and recurrence.until < first_day:
        problems.append(
            FieldProblem(
                "repeat_until",
                QT_TRANSLATE_NOOP("Validation", "the series ends before its first occurrence"),
            )
        )
    if recurrence.count is not None and not 1 <= recurrence.count <= MAX_OCCURRENCES:
        problems.append(
            FieldProblem(
                "repeat_count",
                QT_TRANSLATE_NOOP("Validation", "a series has 1 to {max} occurrences"),
                {"max": MAX_OCCURRENCES},
            )
        )
    return problems  # fmt: skip


def _rule(recurrence: Recurrence, first_wall: datetime) -> rrule.rrule:
    interval = 2 if recurrence.frequency is Frequency.BIWEEKLY else 1
    until = datetime.combine(recurrence.until, time.max) if recurrence.until else None
    count = MAX_OCCURRENCES if until is None and recurrence.count is None else recurrence.count
    if recurrence.frequency is Frequency.MONTHLY:
        # The same weekday of the month: the 2nd Tuesday stays the 2nd Tuesday; a fifth one
        # (which most months lack) means the last.
        nth = (first_wall.day - 1) // 7 + 1
        weekday = rrule.weekdays[first_wall.weekday()](nth if nth < 5 else -1)
        return rrule.rrule(rrule.MONTHLY, dtstart=first_wall, byweekday=weekday,
                           until=until, count=count)  # fmt: skip
    return rrule.rrule(
        rrule.WEEKLY, dtstart=first_wall, interval=interval, until=until, count=count
    )


def rule_parts(recurrence: Recurrence, first_wall: datetime) -> dict[str, object]:
    """The RRULE of *recurrence* as iCalendar value parts (for the export), without UNTIL:
    RFC 5545 wants UNTIL in UTC when DTSTART has a TZID, so the exporter writes the last
    occurrence's instant."""
    parts: dict[str, object] = {}
    if recurrence.frequency is Frequency.MONTHLY:
        nth = (first_wall.day - 1) // 7 + 1
        code = WEEKDAY_CODES[first_wall.weekday()][:2].upper()
        parts = {"FREQ": "MONTHLY", "BYDAY": f"{nth if nth < 5 else -1}{code}"}
    elif recurrence.frequency in (Frequency.WEEKLY, Frequency.BIWEEKLY):
        parts = {"FREQ": "WEEKLY"}
        if recurrence.frequency is Frequency.BIWEEKLY:
            parts["INTERVAL"] = 2
    if recurrence.count is not None:
        parts["COUNT"] = recurrence.count
    return parts


def occurrences(
    start_utc: datetime,
    end_utc: datetime,
    anchor_zone: str,
    recurrence: Recurrence,
    changes: Iterable[OccurrenceChange] = (),
) -> list[Occurrence]:
    """Every occurrence of the series, in the order the rule gives them.

    The first occurrence starts at *start_utc*; its wall time in *anchor_zone* repeats. Each
    lasts as long as the first. Cancelled occurrences are left out; moved ones carry their
    new instants (and keep their original date and instant for RECURRENCE-ID).
    """
    tz = zone(anchor_zone)
    duration = end_utc - start_utc
    first_wall = start_utc.astimezone(tz).replace(tzinfo=None)
    if recurrence.frequency is Frequency.NONE:
        walls: Sequence[datetime] = [first_wall]
    else:
        walls = list(_rule(recurrence, first_wall))
    by_date = {c.original_date: c for c in changes}
    result: list[Occurrence] = []
    for index, wall in enumerate(walls):
        # fold=0: a skipped wall time takes the offset before the gap, a repeated one is
        # its first occurrence (RFC 5545 §3.3.5).
        original = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
        change = by_date.get(wall.date())
        if change is not None and change.cancelled:
            continue
        if change is not None and change.start_utc is not None and change.end_utc is not None:
            result.append(Occurrence(index, original, wall.date(), change.start_utc,
                                     change.end_utc, moved=True))  # fmt: skip
        else:
            result.append(Occurrence(index, original, wall.date(), original, original + duration))
    return result


def occurrence_dates(start_utc: datetime, anchor_zone: str, recurrence: Recurrence) -> list[date]:
    """The anchor-local dates the rule gives (before any exception): what a change may name."""
    return [o.original_date for o in occurrences(start_utc, start_utc, anchor_zone, recurrence)]


@dataclass(frozen=True)
class SiteTime:
    """One occurrence as one site sees it."""

    site: Site
    start: datetime  # aware, in the site's zone
    end: datetime
    #: Local date at the site minus the anchor's local date: +1 across the date line.
    day_shift: int
    outside_hours: bool
    #: The site's offset from the anchor differs from the previous occurrence's: the zone
    #: that changed its clocks (anchor or site), else "".
    clock_change: str = ""

    @property
    def label(self) -> str:
        """``Wed 07:00 JST (+1 day)``: English, for the command line and logs."""
        shift = f" ({self.day_shift:+d} day)" if self.day_shift else ""
        day = WEEKDAY_CODES[self.start.weekday()].capitalize()
        return f"{day} {self.start:%H:%M} {self.start.tzname()}{shift}"


def site_times(
    occurrence_list: Sequence[Occurrence], anchor_zone: str, sites: Sequence[Site]
) -> list[list[SiteTime]]:
    """For every occurrence, the local time at every site with its flags.

    ``clock_change`` marks the occurrences where a site's local time moves against the
    anchor's because one end changed its clocks since the previous occurrence (not because
    the occurrence was moved: the offsets, not the wall times, are compared).
    """
    anchor = zone(anchor_zone)
    rows: list[list[SiteTime]] = []
    previous: dict[int, tuple[timedelta, timedelta]] = {}
    for occ in occurrence_list:
        anchor_start = occ.start_utc.astimezone(anchor)
        row: list[SiteTime] = []
        for i, site in enumerate(sites):
            tz = zone(site.zone)
            start, end = occ.start_utc.astimezone(tz), occ.end_utc.astimezone(tz)
            offsets = (anchor_start.utcoffset() or timedelta(), start.utcoffset() or timedelta())
            changed = ""
            before = previous.get(i)
            if before is not None and before[1] - before[0] != offsets[1] - offsets[0]:
                changed = anchor_zone if before[0] != offsets[0] else site.zone
            previous[i] = offsets
            row.append(SiteTime(
                site, start, end, (start.date() - anchor_start.date()).days,
                not site.hours.admits(start, end), changed,
            ))  # fmt: skip
        rows.append(row)
    return rows


def changes_by_date(changes: Iterable[OccurrenceChange]) -> Mapping[date, OccurrenceChange]:
    """*changes* keyed by the original date they name."""
    return {c.original_date: c for c in changes}

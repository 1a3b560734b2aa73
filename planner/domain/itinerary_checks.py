"""Checks of a visit's itinerary, shown next to the items: pure functions, no side effects.

Each check returns :class:`Finding` objects naming the items concerned (by id) so a view can
show the warning beside them. None of them refuses anything: a coordinator may knowingly keep
two overlapping meetings; the point is that nobody misses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from itertools import pairwise

from planner.domain.entities import ItineraryItem, Visit
from planner.domain.enums import ItineraryKind
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.domain.itinerary_days import TRANSPORT_KINDS, utc_offset_label
from planner.domain.timezones import LocalTimeIssue, resolve_local, utc_to_local

#: Default shortest acceptable time between two consecutive transport legs.
DEFAULT_MIN_CONNECTION = timedelta(minutes=60)
#: Travel may start this many host-local days before arrival and end this many after departure
#: (a trip from Japan to Chicago can leave the day before it arrives, host-local).
TRAVEL_DAY_ALLOWANCE = timedelta(days=2)


class CheckKind(StrEnum):
    """What a finding is about."""

    OVERLAP = "overlap"
    UNCOVERED_NIGHT = "uncovered_night"
    OUTSIDE_STAY = "outside_stay"
    SHORT_CONNECTION = "short_connection"
    NONEXISTENT_TIME = "nonexistent_time"
    AMBIGUOUS_TIME = "ambiguous_time"


@dataclass(frozen=True)
class Finding:
    """One problem of an itinerary, in plain words, with the items it concerns."""

    kind: CheckKind
    message: str
    item_ids: tuple[int, ...] = ()
    night: date | None = None


#: Weekday abbreviations as ``%a`` writes them in the C locale, marked for translation.
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Validation", "Mon"),
    QT_TRANSLATE_NOOP("Validation", "Tue"),
    QT_TRANSLATE_NOOP("Validation", "Wed"),
    QT_TRANSLATE_NOOP("Validation", "Thu"),
    QT_TRANSLATE_NOOP("Validation", "Fri"),
    QT_TRANSLATE_NOOP("Validation", "Sat"),
    QT_TRANSLATE_NOOP("Validation", "Sun"),
)


def _label(item: ItineraryItem) -> str:
    local = utc_to_local(item.start_utc, item.start_zone)
    return f"“{item.title}” ({local:%Y-%m-%d %H:%M} {local.tzname()})"


def _ids(*items: ItineraryItem) -> tuple[int, ...]:
    return tuple(i.id for i in items if i.id is not None)


def _ordered(items: Sequence[ItineraryItem]) -> list[ItineraryItem]:
    return sorted(items, key=lambda i: (i.start_utc, i.position, i.id or 0))


def find_overlaps(items: Sequence[ItineraryItem]) -> list[Finding]:
    """Pairs of items that happen at the same time.

    Lodging spans the whole stay, so it only overlaps other lodging (two hotels booked for the
    same night), never the meetings that happen while the visitor stays there.
    """
    findings: list[Finding] = []
    ordered = _ordered(items)
    for n, first in enumerate(ordered):
        for second in ordered[n + 1 :]:
            if second.start_utc >= first.end_utc:
                # Sorted by start: nothing later can overlap *first* either... except that a
                # later-starting item cannot start before first ends, so stop here.
                break
            if (first.kind is ItineraryKind.LODGING) != (second.kind is ItineraryKind.LODGING):
                continue
            if second.start_utc == second.end_utc or first.start_utc == first.end_utc:
                continue  # a zero-length marker (e.g. a deadline) overlaps nothing
            findings.append(
                Finding(
                    CheckKind.OVERLAP,
                    Message(
                        QT_TRANSLATE_NOOP("Validation", "{first} overlaps {second}"),
                        {"first": _label(first), "second": _label(second)},
                    ),
                    _ids(first, second),
                )
            )
    return findings


def find_uncovered_nights(
    visit: Visit, items: Sequence[ItineraryItem], host_zone: str
) -> list[Finding]:
    """Nights of the stay (arrival night to the night before departure) with no lodging.

    A night *d* (host-local) is covered by a lodging item that checks in on or before *d* and
    checks out on or after *d + 1*, both dates in the lodging's own zones.
    """
    lodgings = [
        (
            utc_to_local(i.start_utc, i.start_zone).date(),
            utc_to_local(i.end_utc, i.end_zone).date(),
        )
        for i in items
        if i.kind is ItineraryKind.LODGING
    ]
    findings: list[Finding] = []
    for n in range(visit.nights):
        night = visit.arrival_date + timedelta(days=n)
        if not any(start <= night and end >= night + timedelta(days=1) for start, end in lodgings):
            findings.append(
                Finding(
                    CheckKind.UNCOVERED_NIGHT,
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Validation", "no lodging for the night of {weekday} {date} ({zone})"
                        ),
                        {
                            "weekday": _WEEKDAYS[night.weekday()],
                            "date": night.isoformat(),
                            "zone": host_zone,
                        },
                    ),
                    night=night,
                )
            )
    return findings


def find_outside_stay(
    visit: Visit, items: Sequence[ItineraryItem], host_zone: str
) -> list[Finding]:
    """Items before arrival or after departure, in host-local dates.

    Transport may reach up to :data:`TRAVEL_DAY_ALLOWANCE` beyond the stay (travel days).
    """
    findings: list[Finding] = []
    for item in _ordered(items):
        start = utc_to_local(item.start_utc, host_zone).date()
        end = utc_to_local(item.end_utc, host_zone).date()
        first, last = visit.arrival_date, visit.departure_date
        if item.kind in TRANSPORT_KINDS:
            first, last = first - TRAVEL_DAY_ALLOWANCE, last + TRAVEL_DAY_ALLOWANCE
        if start < first or end > last:
            findings.append(
                Finding(
                    CheckKind.OUTSIDE_STAY,
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "{item} is outside the stay {arrival} – {departure} (host-local dates)",
                        ),
                        {
                            "item": _label(item),
                            "arrival": visit.arrival_date.isoformat(),
                            "departure": visit.departure_date.isoformat(),
                        },
                    ),
                    _ids(item),
                )
            )
    return findings


def find_short_connections(
    items: Sequence[ItineraryItem], minimum: timedelta = DEFAULT_MIN_CONNECTION
) -> list[Finding]:
    """Consecutive transport legs with less than *minimum* between arrival and departure.

    Legs that overlap are left to :func:`find_overlaps`.
    """
    legs = [i for i in _ordered(items) if i.kind in TRANSPORT_KINDS]
    findings: list[Finding] = []
    for first, second in pairwise(legs):
        gap = second.start_utc - first.end_utc
        if timedelta(0) <= gap < minimum:
            minutes = int(gap.total_seconds() // 60)
            findings.append(
                Finding(
                    CheckKind.SHORT_CONNECTION,
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "only {minutes} min to connect from {first} to {second} "
                            "(at least {wanted} min wanted)",
                        ),
                        {
                            "minutes": minutes,
                            "first": _label(first),
                            "second": _label(second),
                            "wanted": int(minimum.total_seconds() // 60),
                        },
                    ),
                    _ids(first, second),
                )
            )
    return findings


def check_itinerary(
    visit: Visit,
    items: Sequence[ItineraryItem],
    host_zone: str,
    min_connection: timedelta = DEFAULT_MIN_CONNECTION,
) -> list[Finding]:
    """Every finding of the stored itinerary of *visit*, grouped by check."""
    return [
        *find_overlaps(items),
        *find_uncovered_nights(visit, items, host_zone),
        *find_outside_stay(visit, items, host_zone),
        *find_short_connections(items, min_connection),
    ]


@dataclass(frozen=True)
class InstantChoice:
    """One instant a local wall time may mean, labelled with its UTC offset."""

    instant: datetime
    label: str


@dataclass(frozen=True)
class LocalTimeQuestion:
    """A wall time that does not name exactly one instant, and the two candidates."""

    issue: LocalTimeIssue
    wall: datetime
    zone: str
    choices: tuple[InstantChoice, InstantChoice]

    @property
    def kind(self) -> CheckKind:
        """The check kind this question corresponds to."""
        if self.issue is LocalTimeIssue.NONEXISTENT:
            return CheckKind.NONEXISTENT_TIME
        return CheckKind.AMBIGUOUS_TIME

    @property
    def message(self) -> str:
        """Why the time needs a decision, in plain words."""
        first, second = self.choices
        params = {
            "time": f"{self.wall:%Y-%m-%d %H:%M}",
            "zone": self.zone,
            "options": Message(
                QT_TRANSLATE_NOOP("Validation", "{first} or {second}"),
                {"first": first.label, "second": second.label},
            ),
        }
        if self.issue is LocalTimeIssue.NONEXISTENT:
            return Message(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "{time} does not exist in {zone} (clocks jump forward at a "
                    "daylight-saving change); it could mean {options}",
                ),
                params,
            )
        return Message(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{time} happens twice in {zone} (clocks go back at a daylight-saving "
                "change): {options}",
            ),
            params,
        )


def local_time_question(wall: datetime, zone_name: str) -> LocalTimeQuestion | None:
    """None if *wall* in *zone_name* is one instant; else the question to put to the user.

    For a time that happens twice the choices are the two instants, earlier first. For a time
    skipped by the clock change they are the two readings of the wall time, with the offset
    before and after the change (``02:30`` read as CST is 03:30 CDT; read as CDT it is 01:30
    CST), so the user picks which offset they meant; nothing is guessed.
    """
    issue, instants = resolve_local(wall, zone_name)
    if issue is None:
        return None
    choices = []
    for instant in instants:
        local = utc_to_local(instant, zone_name)
        params = {
            "local": f"{local:%H:%M}",
            "abbreviation": local.tzname() or "",
            "utc": f"{instant:%H:%M}",
        }
        if issue is LocalTimeIssue.AMBIGUOUS:
            label = Message(
                QT_TRANSLATE_NOOP("Validation", "{local} {abbreviation} ({offset}), {utc} UTC"),
                {**params, "offset": utc_offset_label(local)},
            )
        else:
            # The offset under which the typed wall time means this instant.
            meant = wall.replace(tzinfo=UTC) - instant
            reading = utc_offset_label(datetime.combine(wall.date(), wall.time(), timezone(meant)))
            label = Message(
                QT_TRANSLATE_NOOP(
                    "Validation", "{wall} at {reading} = {local} {abbreviation}, {utc} UTC"
                ),
                {**params, "wall": f"{wall:%H:%M}", "reading": reading},
            )
        choices.append(InstantChoice(instant, label))
    return LocalTimeQuestion(issue, wall, zone_name, (choices[0], choices[1]))

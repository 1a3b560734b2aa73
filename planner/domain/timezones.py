"""Time-zone logic: converting between host-local wall time and UTC instants.

Instants are stored in UTC with the IANA zone where they happen. Converting a local wall time
to UTC can be impossible (a time skipped by a daylight-saving change) or ambiguous (a time that
occurs twice); both are reported, never guessed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from planner.domain.errors import ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_valid_zone(name: str) -> bool:
    """True if *name* is a known IANA zone such as ``Asia/Tokyo``."""
    if not name or name not in _known_zones():
        return False
    try:
        _zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone(name: str, field: str = "zone") -> ZoneInfo:
    """The :class:`ZoneInfo` for *name*; a :class:`ValidationError` on *field* if unknown."""
    if not is_valid_zone(name):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("Validation", "unknown time zone {zone} (use an IANA name)"),
            {"zone": repr(name)},
        )
    return _zone(name)


class LocalTimeIssue(Enum):
    """Why a local wall time does not map to exactly one instant."""

    NONEXISTENT = "nonexistent"
    AMBIGUOUS = "ambiguous"


def resolve_local(wall: datetime, zone_name: str) -> tuple[LocalTimeIssue | None, list[datetime]]:
    """Map a naive wall time in *zone_name* to the UTC instants it can mean.

    Returns ``(None, [instant])`` for an ordinary time, ``(AMBIGUOUS, [first, second])`` for a
    time that occurs twice, and ``(NONEXISTENT, [before, after])`` for a time skipped by a
    daylight-saving change (the two instants the clock jumps between).
    """
    if wall.tzinfo is not None:
        raise ValueError("resolve_local expects a naive wall time")
    tz = zone(zone_name)
    first = wall.replace(tzinfo=tz, fold=0)
    second = wall.replace(tzinfo=tz, fold=1)
    u0, u1 = first.astimezone(UTC), second.astimezone(UTC)
    if u0 == u1:
        return None, [u0]
    # zoneinfo round-trips a real wall time; a skipped one comes back changed.
    if u0.astimezone(tz).replace(tzinfo=None) != wall:
        return LocalTimeIssue.NONEXISTENT, sorted([u0, u1])
    return LocalTimeIssue.AMBIGUOUS, sorted([u0, u1])


def local_to_utc(wall: datetime, zone_name: str, field: str = "time") -> datetime:
    """UTC instant of a naive wall time; a :class:`ValidationError` if it is not exactly one."""
    issue, instants = resolve_local(wall, zone_name)
    params = {"time": wall.strftime("%Y-%m-%d %H:%M"), "zone": zone_name}
    if issue is LocalTimeIssue.NONEXISTENT:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "{time} does not exist in {zone} (clocks jump forward); choose another time",
            ),
            params,
        )
    if issue is LocalTimeIssue.AMBIGUOUS:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "{time} happens twice in {zone} (clocks go back); say which one is meant",
            ),
            params,
        )
    return instants[0]


def utc_to_local(instant: datetime, zone_name: str) -> datetime:
    """Aware local time of a UTC instant in *zone_name*."""
    if instant.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    return instant.astimezone(zone(zone_name))


def zone_abbreviation(instant: datetime, zone_name: str) -> str:
    """Abbreviation in force at *instant*, e.g. ``CDT`` or ``JST``."""
    return utc_to_local(instant, zone_name).tzname() or zone_name


def format_local(instant: datetime, zone_name: str) -> str:
    """``2027-03-13 11:45 JST``: local wall time labelled with its zone."""
    local = utc_to_local(instant, zone_name)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def day_offset(start: datetime, start_zone: str, end: datetime, end_zone: str) -> int:
    """Local-date difference between the two ends (``+1`` for an arrival on the next day)."""
    start_day: date = utc_to_local(start, start_zone).date()
    end_day: date = utc_to_local(end, end_zone).date()
    return (end_day - start_day).days


def utc_now() -> datetime:
    """The current instant, timezone-aware in UTC."""
    return datetime.now(UTC)


def ensure_utc(instant: datetime) -> datetime:
    """*instant* converted to UTC; rejects naive datetimes, which have no meaning here."""
    if instant.tzinfo is None or instant.tzinfo.utcoffset(instant) is None:
        raise ValueError("naive datetimes are not instants; attach a zone first")
    return instant.astimezone(UTC)

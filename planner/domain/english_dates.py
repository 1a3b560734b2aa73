"""English month and weekday names that never depend on the machine's locale.

``strftime("%a")`` follows ``LC_TIME``, which Qt sets from the desktop at start-up, so on a
German desktop an English screen or PDF said "Do 10 Dezember". English names are fixed; they
are written out here rather than asked of a locale library.
"""

from __future__ import annotations

from datetime import date

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def weekday_name(value: date, *, short: bool = False) -> str:
    """``Thursday`` (``Thu`` when *short*)."""
    name = _WEEKDAYS[value.weekday()]
    return name[:3] if short else name


def month_name(value: date, *, short: bool = False) -> str:
    """``April`` (``Apr`` when *short*)."""
    name = _MONTHS[value.month - 1]
    return name[:3] if short else name


def month_number(name: str) -> int | None:
    """1–12 for an English month name or its three-letter abbreviation (any case), else None."""
    key = name.strip().casefold()
    for number, month in enumerate(_MONTHS, start=1):
        if key in (month.casefold(), month[:3].casefold()):
            return number
    return None

"""Calendar dates as people type them into spreadsheets, in English and Japanese.

Accepted: ISO ``2027-04-01``; ``2027/04/01`` and ``2027.04.01``; ``1 Apr 2027``,
``1 April 2027``, ``Apr 1, 2027``, ``April 1, 2027``; ``2027年4月1日``; Reiwa era dates
``令和9年4月1日`` / ``R9.4.1``; real Excel date cells; and Excel serial numbers (``46478``
is 2027-04-01). Ambiguous numeric orders such as ``04/01/2027`` are refused rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.domain.limits import MAX_YEAR, MIN_YEAR, date_in_range
from planner.importing.table import Cell, Formula, cell_text

#: Day zero of Excel's 1900 date system (serial 60, the phantom 29 February 1900, is skipped
#: by starting one day early: serials from 61 on match Excel).
_EXCEL_EPOCH = date(1899, 12, 30)
#: Serial numbers accepted as dates: 1 January 1950 to 31 December 2199.
_SERIAL_RANGE = (18264, 109574)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DMY_NAME = re.compile(r"^(\d{1,2})[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})$")
_MDY_NAME = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_JA = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_REIWA = re.compile(r"^(?:令和|r)(\d{1,2}|元)[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$")
_REIWA_START = 2018  # 令和元年 = 2019
_NOT_A_DATE = QT_TRANSLATE_NOOP(
    "Validation",
    "{value} is not a date (write e.g. 2027-04-01, 2027/04/01, 1 Apr 2027 or 2027年4月1日)",
)


def _make(year: int, month: int, day: int, text: str) -> date | str:
    try:
        made = date(year, month, day)
    except ValueError:
        return Message(
            QT_TRANSLATE_NOOP("Validation", "{value} is not a day of the calendar"),
            {"value": repr(text)},
        )
    return _in_range(made)


def _in_range(day: date) -> date | str:
    """*day*, or the reason it is refused (outside the years every record allows)."""
    if not date_in_range(day):
        return Message(
            QT_TRANSLATE_NOOP("Validation", "the year {year} is outside {first}–{last}"),
            {"year": day.year, "first": MIN_YEAR, "last": MAX_YEAR},
        )
    return day


def _from_serial(serial: float) -> date | str:
    if not float(serial).is_integer():
        return Message(
            QT_TRANSLATE_NOOP("Validation", "{serial} is a date-time serial number; give a date"),
            {"serial": str(serial)},
        )
    if not _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
        return Message(
            QT_TRANSLATE_NOOP(
                "Validation", "{serial} is not a date (an Excel serial number must be 18264–109574)"
            ),
            {"serial": f"{serial:g}"},
        )
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(value: Cell) -> date | str | None:
    """The date in a cell; None for an empty cell; otherwise the reason it is not a date."""
    if isinstance(value, Formula):
        return Message(
            QT_TRANSLATE_NOOP(
                "Validation", "a formula; formulas are not evaluated — enter the date itself"
            )
        )
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            return Message(
                QT_TRANSLATE_NOOP("Validation", "{value} has a time of day; give a date"),
                {"value": value.isoformat(sep=" ")},
            )
        return _in_range(value.date())
    if isinstance(value, date):
        return _in_range(value)
    if isinstance(value, bool):
        return Message(_NOT_A_DATE, {"value": repr(value)})
    if isinstance(value, int | float):
        return _from_serial(value)
    text = cell_text(value)
    if not text:
        return None
    norm = unicodedata.normalize("NFKC", text).strip().lower()
    if norm.isdigit() and len(norm) <= 6:
        return _from_serial(int(norm))
    if match := _YMD.match(norm) or _JA.match(norm):
        return _make(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _DMY_NAME.match(norm):
        month = _MONTHS.get(match[2])
        if month:
            return _make(int(match[3]), month, int(match[1]), text)
    if match := _MDY_NAME.match(norm):
        month = _MONTHS.get(match[1])
        if month:
            return _make(int(match[3]), month, int(match[2]), text)
    if match := _REIWA.match(norm):
        year = 1 if match[1] == "元" else int(match[1])
        return _make(_REIWA_START + year, int(match[2]), int(match[3]), text)
    return Message(_NOT_A_DATE, {"value": repr(text)})

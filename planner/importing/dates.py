"""Calendar dates as people type them into spreadsheets, in English and Japanese.

Accepted: ISO ``2027-04-01``; ``2027/04/01`` and ``2027.04.01``; compact ``20270401``;
``1 Apr 2027``, ``1 April 2027``, ``Apr 1, 2027``, ``April 1, 2027``; ``2027年4月1日``;
Japanese era dates from Meiji to Reiwa, written out (``令和9年4月1日``, ``平成元年1月8日``) or
abbreviated (``R9.4.1``, ``H2/5/3``, ``S55-1-1``), each checked against its era's first and
last day; a weekday before or after the date (``2027年4月1日(木)``, ``Thu 1 Apr 2027``), which
must be the date's own; full-width digits; real Excel date cells; and Excel serial numbers,
as numbers or text (``46478`` is 2027-04-01). Ambiguous numeric orders such as ``04/01/2027``
are refused rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import NamedTuple

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
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS_JA = "月火水木金土日"
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DMY_NAME = re.compile(r"^(\d{1,2})[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})$")
_MDY_NAME = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_JA = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


class _Era(NamedTuple):
    """A Japanese era: its names, first day and the Gregorian year before its year 1."""

    name: str
    latin: str
    first: date
    offset: int


#: Eras in order; each ends the day before the next begins (Reiwa has not ended).
_ERAS = (
    _Era("明治", "Meiji", date(1868, 1, 25), 1867),
    _Era("大正", "Taishō", date(1912, 7, 30), 1911),
    _Era("昭和", "Shōwa", date(1926, 12, 25), 1925),
    _Era("平成", "Heisei", date(1989, 1, 8), 1988),
    _Era("令和", "Reiwa", date(2019, 5, 1), 2018),
)
_ERA_BY_PREFIX = {
    prefix: era for era in _ERAS for prefix in (era.name, era.name[0], era.latin[0].lower())
}
_ERA_PREFIX = "|".join(sorted(_ERA_BY_PREFIX, key=len, reverse=True))
#: ``令和9年4月1日`` (the 日 optional), ``R9.4.1``, ``H2/5/3``, ``S55-1-1``, ``平成2.5.3``.
_ERA_DATE = re.compile(
    rf"^({_ERA_PREFIX})\.?(\d{{1,2}}|元)(?:年(\d{{1,2}})月(\d{{1,2}})日?|[.\-/](\d{{1,2}})[.\-/](\d{{1,2}}))$"
)
#: A weekday at the end: ``(木)``, ``(木曜日)``, ``(Thu)``, `` 木曜日``, ``, Thursday``. Searched
#: at the end only, each try a few characters long: no backtracking over long text.
_TRAILING_WEEKDAY = re.compile(
    r"(?:\((?P<p>[月火水木金土日](?:曜日?)?|[a-z]{3,9}\.?)\)|(?P<ja>[月火水木金土日]曜日?)"
    r"|(?<![a-z])(?P<en>[a-z]{3,9})\.?)$"
)
#: A weekday before the date: ``Thu 1 Apr 2027``, ``Thursday, April 1, 2027``.
_LEADING_WEEKDAY = re.compile(r"^(?P<en>[a-z]{3,9})\.?,?\s+(?P<date>.+)$")
#: No date is written in more characters (``Wednesday, September 30, 2027`` has 29).
_MAX_TEXT = 60
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


def _era_date(match: re.Match[str], text: str) -> date | str:
    """The Gregorian date of an era date, refused outside the era's own days."""
    era = _ERA_BY_PREFIX[match[1]]
    year = 1 if match[2] == "元" else int(match[2])
    month, day = (match[3], match[4]) if match[3] else (match[5], match[6])
    if year == 0:
        return Message(
            QT_TRANSLATE_NOOP("Validation", "{value} is not a day of the calendar"),
            {"value": repr(text)},
        )
    made = _make(era.offset + year, int(month), int(day), text)
    if not isinstance(made, date):
        return made
    index = _ERAS.index(era)
    last = _ERAS[index + 1].first - timedelta(days=1) if index + 1 < len(_ERAS) else None
    if made < era.first:
        return Message(
            QT_TRANSLATE_NOOP(
                "Validation", "{value} does not exist: the {era} era began on {first}"
            ),
            {
                "value": repr(text),
                "era": f"{era.name} ({era.latin})",
                "first": era.first.isoformat(),
            },
        )
    if last is not None and made > last:
        return Message(
            QT_TRANSLATE_NOOP(
                "Validation", "{value} does not exist: the {era} era ended on {last}"
            ),
            {"value": repr(text), "era": f"{era.name} ({era.latin})", "last": last.isoformat()},
        )
    return made


def _weekday(name: str) -> int | None:
    """Monday = 0 … Sunday = 6 for ``木``, ``木曜日``, ``thu``, ``thursday``; else None."""
    name = name.rstrip(".")
    if name and name[0] in _WEEKDAYS_JA and name.lstrip(name[0]) in ("", "曜", "曜日"):
        return _WEEKDAYS_JA.index(name[0])
    for number, full in enumerate(_WEEKDAYS_EN):
        # "thu", "thur", "thurs", "thursday": a prefix of at least three letters.
        if len(name) >= 3 and full.startswith(name):
            return number
    if name == "tues":
        return 1
    return None


def _split_weekday(norm: str) -> tuple[str, int | None]:
    """*norm* without a leading or trailing weekday, and that weekday (None when none)."""
    if match := _TRAILING_WEEKDAY.search(norm):
        weekday = _weekday(match["p"] or match["ja"] or match["en"])
        rest = norm[: match.start()]
        # The weekday must stand apart from the date ("2027年4月1日(木)", "1 Apr 2027, Thu").
        separated = bool(match["p"]) or rest[-1:] in (" ", ",") or rest[-1:] == "日"
        if weekday is not None and separated and rest.rstrip(" ,"):
            return rest.rstrip(" ,"), weekday
    if match := _LEADING_WEEKDAY.match(norm):
        weekday = _weekday(match["en"])
        if weekday is not None and match["en"] not in _MONTHS:
            return match["date"], weekday
    return norm, None


def _parse_text(norm: str, text: str) -> date | str:
    """The date written in *norm* (normalised *text*, without a weekday)."""
    if match := _YMD.match(norm) or _JA.match(norm) or _COMPACT.match(norm):
        return _make(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _DMY_NAME.match(norm):
        month = _MONTHS.get(match[2])
        if month:
            return _make(int(match[3]), month, int(match[1]), text)
    if match := _MDY_NAME.match(norm):
        month = _MONTHS.get(match[1])
        if month:
            return _make(int(match[3]), month, int(match[2]), text)
    if match := _ERA_DATE.match(norm):
        return _era_date(match, text)
    return Message(_NOT_A_DATE, {"value": repr(text)})


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
    # NFKC: full-width digits and brackets (２０２７/４/１, （木）) and the era ligatures (㍻, ㋿).
    norm = unicodedata.normalize("NFKC", text).strip().lower()
    # Spaces people put around 年, 月 and 日 ("2027 年 4 月 1 日") carry nothing.
    norm = re.sub(r"\s*([年月日])\s*", r"\1", norm).strip()
    if len(norm) > _MAX_TEXT:
        return Message(_NOT_A_DATE, {"value": repr(text[:_MAX_TEXT] + "…")})
    if norm.isascii() and norm.isdigit() and len(norm) <= 6:
        return _from_serial(int(norm))
    norm, weekday = _split_weekday(norm)
    parsed = _parse_text(norm, text)
    if isinstance(parsed, date) and weekday is not None and parsed.weekday() != weekday:
        return Message(
            QT_TRANSLATE_NOOP("Validation", "{value}: {date} is a {actual}, not a {written}"),
            {
                "value": repr(text),
                "date": parsed.isoformat(),
                "actual": _WEEKDAYS_EN[parsed.weekday()].capitalize(),
                "written": _WEEKDAYS_EN[weekday].capitalize(),
            },
        )
    return parsed

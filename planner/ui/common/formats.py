"""Dates, times and numbers written for the interface language.

English keeps the forms coordinators on both sides read without doubt (``Thu 1 Apr 2027``,
24-hour clock); Japanese uses its own (``2027年4月1日(木)``, ``14:30 JST``). The language is the
default QLocale, which the application sets from ``--lang`` or the language setting before any
window exists; English month and weekday names come from fixed tables
(:mod:`planner.domain.english_dates`), never from the machine's C locale.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from planner.domain.countries import country_names as domain_country_names
from planner.domain.english_dates import month_name, weekday_name
from planner.domain.errors import PlannerError
from planner.domain.itinerary_days import day_marker
from planner.domain.phones import format_phone

if TYPE_CHECKING:
    from planner.services.container import Services

_WEEKDAYS_JA = "月火水木金土日"
_WEEKDAYS_JA_LONG = ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日")


_language: str | None = None
_viewer_country: str | None = None


def set_language(language: str | None) -> None:
    """Record the interface language (None: read it from the default QLocale each time).

    Set once at start-up by :func:`planner.ui.shell.language.install_language`: views format
    tens of thousands of names and dates, and asking QLocale each time showed in profiles.
    """
    global _language
    _language = language


def is_japanese() -> bool:
    """True when the interface is in Japanese."""
    if _language is not None:
        return _language == "ja"
    return QLocale().language() == QLocale.Language.Japanese


def weekday_ja(value: date) -> str:
    """The one-kanji weekday (``木``)."""
    return _WEEKDAYS_JA[value.weekday()]


def short_day(value: date) -> str:
    """A day within a known year: ``Thu 1 Apr`` / ``4月1日(木)``."""
    if is_japanese():
        return f"{value.month}月{value.day}日({weekday_ja(value)})"
    return f"{weekday_name(value, short=True)} {value.day} {month_name(value, short=True)}"


def day_month(value: date) -> str:
    """``1 Apr`` / ``4月1日``."""
    if is_japanese():
        return f"{value.month}月{value.day}日"
    return f"{value.day} {month_name(value, short=True)}"


def day_heading(value: date) -> str:
    """A day as a heading: ``Thu 1 April 2027`` / ``2027年4月1日(木)``."""
    if is_japanese():
        return f"{value.year}年{value.month}月{value.day}日({weekday_ja(value)})"
    return f"{weekday_name(value, short=True)} {value.day} {month_name(value)} {value.year}"


def long_date(value: date) -> str:
    """Today's date in a sentence: ``Thursday 1 April 2027`` / ``2027年4月1日 木曜日``."""
    if is_japanese():
        return f"{value.year}年{value.month}月{value.day}日 {_WEEKDAYS_JA_LONG[value.weekday()]}"
    return f"{weekday_name(value)} {value.day} {month_name(value)} {value.year}"


def month_year(value: date, *, short: bool = False) -> str:
    """``April 2027`` (``Apr 2027`` when *short*) / ``2027年4月``."""
    if is_japanese():
        return f"{value.year}年{value.month}月"
    return f"{month_name(value, short=short)} {value.year}"


def month_abbreviation(value: date) -> str:
    """The month alone, as short as it gets: ``Nov`` / ``11月``."""
    if is_japanese():
        return f"{value.month}月"
    return month_name(value, short=True)


def day_month_year(value: date) -> str:
    """``1 Apr 2027`` / ``2027年4月1日``."""
    if is_japanese():
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {month_name(value, short=True)} {value.year}"


def clock(moment: datetime, abbreviation: str) -> str:
    """A local wall time with its zone: ``14:30 JST`` (24-hour in both languages)."""
    return f"{moment:%H:%M} {abbreviation}".rstrip()


def date_time(moment: datetime, abbreviation: str) -> str:
    """``2027-04-01 14:30 JST`` / ``2027年4月1日(木) 14:30 JST`` for a local wall time."""
    if is_japanese():
        return f"{day_heading(moment.date())} {clock(moment, abbreviation)}"
    return f"{moment:%Y-%m-%d} {clock(moment, abbreviation)}"


def number(value: int | float) -> str:
    """A count or amount with the language's digit grouping (``12,345``)."""
    return QLocale().toString(value)


def plural(count: int, one: str, many: str) -> str:
    """*one* when *count* is 1, else *many*: both already translated with ``%n`` filled in.

    pyside6-lupdate does not mark Python strings as numerus forms, so a "%n check(s)" source
    showed as "1 check(s)" in English; each form is therefore its own translatable string
    (Japanese translates both alike).
    """
    return one if count == 1 else many


def person_name(latin: str, native: str) -> str:
    """The name to show: in Japanese the native-script name (family name first) when recorded,
    in English the Latin one (given name first); the other when only one exists."""
    first, second = (native, latin) if is_japanese() else (latin, native)
    return first or second


def person_name_both(latin: str, native: str) -> str:
    """Both scripts, the interface language's first: ``Hiroshi Tanaka (田中 博)`` /
    ``田中 博 (Hiroshi Tanaka)``; just one when only one is recorded."""
    first, second = (native, latin) if is_japanese() else (latin, native)
    if first and second:
        return f"{first} ({second})"
    return first or second


@cache
def _localised_country_names(language: str) -> dict[str, str]:
    english = domain_country_names()
    if language == "en":
        return english
    # CLDR's names (through Babel): tzdata, where the codes come from, has English only.
    from babel import Locale

    territories = Locale(language).territories
    return {code: territories.get(code, name) for code, name in english.items()}


def country_names() -> dict[str, str]:
    """Every ISO 3166 code with its name in the interface language (``US`` → アメリカ合衆国)."""
    return _localised_country_names("ja" if is_japanese() else "en")


def country_name(code: str) -> str:
    """The name of *code* in the interface language, or the code itself when unknown."""
    return country_names().get(code, code)


def localised(english: str, japanese: str) -> str:
    """The Japanese text in the Japanese interface when there is one, else the English."""
    return japanese if japanese and is_japanese() else english


def institution_name(name: str, name_ja: str, short_name: str = "") -> str:
    """An institution as a list shows it: its Japanese name in the Japanese interface when
    recorded, with the short name in parentheses (``Argonne National Laboratory (ANL)``)."""
    shown = localised(name, name_ja)
    return f"{shown} ({short_name})" if short_name and short_name != shown else shown


def day_offset(offset: int) -> str:
    """How many days later (or earlier) a time falls: ``+1 day`` / ``+1日``; "" for none."""
    if not is_japanese():
        return day_marker(offset)
    if offset == 0:
        return ""
    return f"{'+' if offset > 0 else '−'}{abs(offset)}日"


def zoned_time(moment: datetime, day_shift: int = 0) -> str:
    """A local time with its weekday and zone, and the day shift it has against another
    site: ``Wed 07:00 JST (+1 day)`` / ``水 07:00 JST(+1日)``."""
    shift = day_offset(day_shift)
    if is_japanese():
        text = f"{weekday_ja(moment.date())} {moment:%H:%M} {moment.tzname()}"
        return f"{text}({shift})" if shift else text
    text = f"{weekday_name(moment.date(), short=True)} {moment:%H:%M} {moment.tzname()}"
    return f"{text} ({shift})" if shift else text


def set_viewer_country(code: str | None) -> None:
    """Record the coordinator's country: their home institution's (None when not chosen).

    Set by the main window from the preferences; phone numbers of that country are shown in
    its national form, all others internationally.
    """
    global _viewer_country
    _viewer_country = code or None


def set_viewer_home(services: Services, institution_id: int | None) -> None:
    """Take the coordinator's country from their home institution (the preferences')."""
    country = None
    if institution_id is not None:
        try:
            country = services.institutions.get(institution_id).country
        except PlannerError:
            country = None  # the institution was deleted since: numbers shown internationally
    set_viewer_country(country)


def viewer_country() -> str | None:
    """The coordinator's country (see :func:`set_viewer_country`), None if unknown."""
    return _viewer_country


def phone_text(stored: str) -> str:
    """A stored phone number as the coordinator reads it: ``(630) 252-2000`` to a coordinator
    in the United States, ``+1 630-252-2000`` to one in Japan; unreadable values as stored."""
    return format_phone(stored, _viewer_country)

"""The bounds every record obeys, in one place: dates, text lengths and characters.

Validation applies them (:func:`record_problems`), so the editors, the spreadsheet importers,
exchange packages and both database back ends give the same answer: SQLite would store a
10,000-character passport number that PostgreSQL refuses, and a year 9999 date breaks every
calculation that adds a day to it. Each length is at most the width of the database column
(a test compares them), and the table is documented in the README.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from planner.domain.errors import FieldProblem
from planner.domain.i18n import QT_TRANSLATE_NOOP

#: Dates and instants outside these years are refused: no real visit, birth or passport falls
#: outside them, and the ends of the calendar overflow as soon as a day is added.
MIN_YEAR, MAX_YEAR = 1900, 2200
FIRST_DATE, LAST_DATE = date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)

#: Lengths in characters, by kind of field.
NAME = 200  # names, titles, places
PERSON_NAME = 100  # each part of a person's name
SHORT_NAME = 40  # an institution's short name, export classification
CITY = 100
ADDRESS = 1_000
NOTES = 20_000  # notes, descriptions, details, explanations
ZONE = 64  # IANA zone names are far shorter
EMAIL = 254  # RFC 5321's limit for a whole address
PHONE = 50
PASSPORT_NUMBER = 40
CODE = 64  # confirmation codes, document type codes
REFERENCE = 100  # agreement and paperwork reference numbers, item uids
VISIT_CODE = 20

#: Field → maximum length, per record type (by class name, so this module imports no other
#: record modules). Text fields not listed here get :data:`DEFAULT_LENGTH`.
MAX_LENGTHS: Mapping[str, Mapping[str, int]] = {
    "Institution": {
        "name": NAME, "name_ja": NAME, "short_name": SHORT_NAME, "country": 2, "city": CITY,
        "address": ADDRESS, "timezone": ZONE,
    },
    "Person": {
        "family_name": PERSON_NAME, "given_name": PERSON_NAME,
        "family_name_native": PERSON_NAME, "given_name_native": PERSON_NAME,
        "preferred_name": PERSON_NAME, "email": EMAIL, "phone": PHONE, "nationality": 2,
        "passport_number": PASSPORT_NUMBER, "internal_notes": NOTES,
    },
    "Program": {"name": NAME, "name_ja": NAME, "description": NOTES},
    "Project": {"name": NAME, "name_ja": NAME, "description": NOTES},
    "Visit": {
        "code": VISIT_CODE, "visitor_notes": NOTES, "visitor_notes_ja": NOTES,
        "internal_notes": NOTES,
    },
    "ItineraryItem": {
        "title": NAME, "title_ja": NAME, "start_zone": ZONE, "end_zone": ZONE,
        "location_name": NAME, "location_address": ADDRESS, "confirmation_code": CODE,
        "visitor_details": NOTES, "visitor_details_ja": NOTES, "internal_notes": NOTES,
        "uid": REFERENCE,
    },
    "Event": {
        "title": NAME, "title_ja": NAME, "venue": NAME, "series": NAME, "start_zone": ZONE,
        "end_zone": ZONE, "description": NOTES, "meeting_link": ADDRESS, "dial_in": ADDRESS,
    },
    "PaperworkItem": {
        "code": CODE, "title": NAME, "title_ja": NAME, "explanation": NOTES,
        "reference_number": REFERENCE, "notes": NOTES,
    },
    "Agreement": {"title": NAME, "title_ja": NAME, "reference": REFERENCE, "notes": NOTES},
    "MaterialTransfer": {
        "title": NAME, "description": NOTES, "export_control_classification": SHORT_NAME,
        "notes": NOTES,
    },
}  # fmt: skip
DEFAULT_LENGTH = NAME

#: Control characters a text may hold: tab and line breaks (CR as part of CRLF).
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def max_length(record_type: str, field: str) -> int:
    """The longest text *field* of a *record_type* (class name) may hold."""
    return MAX_LENGTHS.get(record_type, {}).get(field, DEFAULT_LENGTH)


def bad_character(text: str) -> str | None:
    """The first character *text* must not hold, or None.

    Refused: control characters other than tab and line breaks (an ESC starts a terminal
    escape sequence, NUL truncates text in C libraries) and lone surrogates (which JSON can
    carry but no database encoding can store).
    """
    for ch in text:
        if ch in _ALLOWED_CONTROLS:
            continue
        if unicodedata.category(ch) in ("Cc", "Cs"):
            return ch
    return None


def describe_character(ch: str) -> str:
    """*ch* named for a message: ``U+001B``."""
    return f"U+{ord(ch):04X}"


def date_in_range(value: date | datetime) -> bool:
    """True when *value* falls in the years :data:`MIN_YEAR` to :data:`MAX_YEAR`."""
    return MIN_YEAR <= value.year <= MAX_YEAR


def text_problem(field: str, value: str, limit: int) -> FieldProblem | None:
    """The problem of one text value (too long, or a forbidden character), or None."""
    if len(value) > limit:
        return FieldProblem(
            field,
            QT_TRANSLATE_NOOP(
                "Validation", "is {length} characters long; at most {limit} are allowed"
            ),
            {"length": len(value), "limit": limit},
        )
    ch = bad_character(value)
    if ch is not None:
        return FieldProblem(
            field,
            QT_TRANSLATE_NOOP(
                "Validation",
                "contains the control character {char}; only tabs and line breaks are allowed",
            ),
            {"char": describe_character(ch)},
        )
    return None


def date_problem(field: str, value: date | datetime) -> FieldProblem | None:
    """The problem of a date or instant outside the supported years, or None."""
    if date_in_range(value):
        return None
    return FieldProblem(
        field,
        QT_TRANSLATE_NOOP("Validation", "the year {year} is outside {first}–{last}"),
        {"year": value.year, "first": MIN_YEAR, "last": MAX_YEAR},
    )


def record_problems(record: Any) -> list[FieldProblem]:
    """Every bound *record* (a domain dataclass) breaks: text lengths, characters, dates."""
    problems: list[FieldProblem] = []
    kind = type(record).__name__
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        problem: FieldProblem | None = None
        if isinstance(value, str):
            problem = text_problem(f.name, value, max_length(kind, f.name))
        elif isinstance(value, date):  # datetime is a date too
            problem = date_problem(f.name, value)
        if problem is not None:
            problems.append(problem)
    return problems

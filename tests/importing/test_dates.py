"""Dates as spreadsheets hold them."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from planner.importing.dates import parse_date
from planner.importing.table import Formula

APRIL_1 = date(2027, 4, 1)


@pytest.mark.parametrize(
    "value",
    [
        "2027-04-01", "2027/04/01", "2027/4/1", "2027.04.01", "1 Apr 2027", "1 April 2027",
        "01-Apr-2027", "Apr 1, 2027", "April 1, 2027", "april 1 2027", "2027年4月1日",
        "２０２７年４月１日", "令和9年4月1日", "R9.4.1", 46478, 46478.0, "46478",
        datetime(2027, 4, 1), APRIL_1,
    ],
)  # fmt: skip
def test_accepted_formats(value: object) -> None:
    assert parse_date(value) == APRIL_1  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    ["04/01/2027", "2027-02-30", "yesterday", 12, 46478.5, datetime(2027, 4, 1, 9, 30),
     Formula("=TODAY()"), "Foo 1, 2027"],
)  # fmt: skip
def test_refused_with_a_reason(value: object) -> None:
    assert isinstance(parse_date(value), str)  # type: ignore[arg-type]


def test_empty_is_none() -> None:
    assert parse_date("") is None and parse_date(None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和9年4月1日", APRIL_1), ("令和９年４月１日", APRIL_1), ("R9/4/1", APRIL_1),
        ("R9.4.1", APRIL_1), ("r09-04-01", APRIL_1), ("令9.4.1", APRIL_1),
        ("平成31年4月1日", date(2019, 4, 1)), ("㍻31年4月30日", date(2019, 4, 30)),
        ("令和元年5月1日", date(2019, 5, 1)), ("平成元年1月8日", date(1989, 1, 8)),
        ("H2.5.3", date(1990, 5, 3)), ("h02.05.03", date(1990, 5, 3)),
        ("平成２年５月３日", date(1990, 5, 3)), ("昭和55年1月1日", date(1980, 1, 1)),
        ("S55.1.1", date(1980, 1, 1)), ("S64.1.7", date(1989, 1, 7)),
        ("大正元年7月30日", date(1912, 7, 30)), ("T15.12.24", date(1926, 12, 24)),
        ("明治33年1月1日", date(1900, 1, 1)), ("M45.7.29", date(1912, 7, 29)),
        ("2027年4月1日(木)", APRIL_1), ("2027年4月1日（木）", APRIL_1),
        ("2027年4月1日 (木曜日)", APRIL_1), ("2027/4/1 木曜日", APRIL_1),
        ("令和9年4月1日(木)", APRIL_1), ("Thu 1 Apr 2027", APRIL_1),
        ("Thursday, April 1, 2027", APRIL_1), ("2027-04-01 (Thu)", APRIL_1),
        ("1 Apr 2027, Thursday", APRIL_1), ("20270401", APRIL_1), ("２０２７/４/１", APRIL_1),
        ("２０２７０４０１", APRIL_1), ("2027 年 4 月 1 日", APRIL_1), (" 46478 ", APRIL_1),
        ("May 1, 2027", date(2027, 5, 1)), ("Mon 1 Mar 2027", date(2027, 3, 1)),
    ],
)  # fmt: skip
def test_forms_real_spreadsheets_hold(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("平成31年5月1日", "ended on 2019-04-30"),  # Reiwa had begun
        ("令和元年4月30日", "began on 2019-05-01"),
        ("S64.1.8", "ended on 1989-01-07"),
        ("明治45年7月30日", "ended on 1912-07-29"),
        ("M32.1.1", "outside 1900–2200"),
        ("平成0年1月1日", "not a day of the calendar"),
        ("令和9年2月30日", "not a day of the calendar"),
        ("2027年4月1日(金)", "is a Thursday, not a Friday"),
        ("Fri 1 Apr 2027", "is a Thursday, not a Friday"),
        ("20271301", "not a day of the calendar"),
        ("22010401", "outside 1900–2200"),
        ("1234567", "is not a date"),
        ("12", "must be 18264–109574"),  # a serial number far outside any plausible date
        ("200000", "must be 18264–109574"),
        ("04/01/2027", "is not a date"),  # US or European order: refused, never guessed
        ("01.04.2027", "is not a date"),
        ("X9.4.1", "is not a date"),
        ("2027年4月1日(月曜)x", "is not a date"),
        ("(木)", "is not a date"),
    ],
)  # fmt: skip
def test_refused_forms_say_why(text: str, reason: str) -> None:
    parsed = parse_date(text)
    assert isinstance(parsed, str) and reason in parsed, parsed


@pytest.mark.parametrize(
    "text",
    [" ," * 20_000 + "x", " ," * 30 + "(木)", "(木)" * 10_000, "thu " * 20_000, "1" * 100_000],
)
def test_hostile_text_is_refused_at_once(text: str) -> None:
    """Long cells cannot make the patterns backtrack: each is refused in a few milliseconds."""
    started = time.perf_counter()
    assert isinstance(parse_date(text), str)
    assert time.perf_counter() - started < 0.5

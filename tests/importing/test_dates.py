"""Dates as spreadsheets hold them."""

from __future__ import annotations

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

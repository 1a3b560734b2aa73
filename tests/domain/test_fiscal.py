"""Fiscal years (US October–September, Japanese April–March) and day splitting."""

from __future__ import annotations

from datetime import date

import pytest

from planner.domain.fiscal import (
    FiscalSystem,
    fiscal_year,
    fiscal_year_of,
    split_days,
    stay_days,
)

US, JP = FiscalSystem.US, FiscalSystem.JP


def test_us_fiscal_year_is_named_after_the_year_it_ends() -> None:
    fy = fiscal_year(US, 2027)
    assert (fy.start, fy.end) == (date(2026, 10, 1), date(2027, 9, 30))


def test_jp_fiscal_year_is_named_after_the_year_it_starts() -> None:
    fy = fiscal_year(JP, 2027)
    assert (fy.start, fy.end) == (date(2027, 4, 1), date(2028, 3, 31))


@pytest.mark.parametrize(
    ("system", "day", "year"),
    [
        (US, date(2026, 9, 30), 2026),
        (US, date(2026, 10, 1), 2027),
        (US, date(2027, 9, 30), 2027),
        (US, date(2027, 10, 1), 2028),
        (JP, date(2027, 3, 31), 2026),
        (JP, date(2027, 4, 1), 2027),
        (JP, date(2028, 3, 31), 2027),
        (JP, date(2028, 4, 1), 2028),
    ],
)
def test_fiscal_year_of_boundary_days(system: FiscalSystem, day: date, year: int) -> None:
    assert fiscal_year_of(system, day).year == year
    assert fiscal_year_of(system, day).contains(day)


def test_stay_days_count_arrival_and_departure() -> None:
    assert stay_days(date(2027, 3, 8), date(2027, 3, 8)) == 1
    assert stay_days(date(2027, 3, 8), date(2027, 3, 19)) == 12


def test_us_boundary_visit_splits_six_and_five() -> None:
    assert split_days(US, date(2027, 9, 25), date(2027, 10, 5)) == {2027: 6, 2028: 5}
    assert fiscal_year(US, 2027).days_of_stay(date(2027, 9, 25), date(2027, 10, 5)) == 6
    assert fiscal_year(US, 2028).days_of_stay(date(2027, 9, 25), date(2027, 10, 5)) == 5


def test_jp_boundary_visit_splits_four_and_three() -> None:
    # 2028-03-28 .. 03-31 is JP FY2027 (4 days), 2028-04-01 .. 04-03 JP FY2028 (3 days).
    assert split_days(JP, date(2028, 3, 28), date(2028, 4, 3)) == {2027: 4, 2028: 3}


def test_visit_outside_the_year_has_no_days() -> None:
    assert fiscal_year(US, 2027).days_of_stay(date(2027, 10, 1), date(2027, 10, 3)) == 0
    assert split_days(US, date(2027, 10, 3), date(2027, 10, 1)) == {}


def test_visit_longer_than_a_year_spans_three_years() -> None:
    days = split_days(JP, date(2027, 3, 1), date(2028, 4, 30))
    assert days == {2026: 31, 2027: 366, 2028: 30}  # FY2027 holds 29 Feb 2028
    assert sum(days.values()) == stay_days(date(2027, 3, 1), date(2028, 4, 30))


def test_label() -> None:
    assert fiscal_year(US, 2027).label == "US FY2027 (2026-10-01 – 2027-09-30)"

"""Deadlines and warnings: pure functions of the dates and of today."""

from __future__ import annotations

from datetime import date

import pytest

from planner.domain.enums import PaperworkStatus, ResponsibleParty
from planner.domain.paperwork import (
    PaperworkItem,
    add_months,
    due_date,
    holding_admission,
    is_due_soon,
    late_by_days,
    visit_warnings,
)

_PS = PaperworkStatus


def _item(code: str = "esta", status: _PS = _PS.NOT_STARTED, **kw: object) -> PaperworkItem:
    fields: dict[str, object] = {
        "visit_id": 1, "document_type_id": 1, "code": code, "title": code.upper(),
        "status": status, "responsible": ResponsibleParty.VISITOR, "lead_days": 21,
        "due_date": date(2027, 3, 1), "blocking": True,
    }  # fmt: skip
    fields.update(kw)
    return PaperworkItem(**fields)  # type: ignore[arg-type]


def test_due_date_is_arrival_minus_lead_days() -> None:
    assert due_date(date(2027, 3, 8), 45) == date(2027, 1, 22)
    assert due_date(date(2027, 3, 8), 0) == date(2027, 3, 8)


@pytest.mark.parametrize(
    ("today", "status", "late"),
    [
        (date(2027, 2, 28), _PS.NOT_STARTED, 0),
        (date(2027, 3, 1), _PS.NOT_STARTED, 0),  # due today: not late yet
        (date(2027, 3, 2), _PS.NOT_STARTED, 1),
        (date(2027, 3, 31), _PS.IN_PROGRESS, 30),
        (date(2027, 3, 31), _PS.REJECTED, 30),
        (date(2027, 3, 31), _PS.EXPIRED, 30),
        (date(2027, 3, 31), _PS.SUBMITTED, 0),  # handed in: the deadline was met
        (date(2027, 3, 31), _PS.APPROVED, 0),
        (date(2027, 3, 31), _PS.WAIVED, 0),
    ],
)
def test_late_by_days_is_a_pure_function_of_today(today: date, status: _PS, late: int) -> None:
    assert late_by_days(date(2027, 3, 1), status, today) == late


def test_late_by_without_a_due_date_is_zero() -> None:
    assert late_by_days(None, _PS.NOT_STARTED, date(2030, 1, 1)) == 0


def test_due_soon_window() -> None:
    due = date(2027, 3, 1)
    assert is_due_soon(due, _PS.NOT_STARTED, date(2027, 2, 15), 14)
    assert not is_due_soon(due, _PS.NOT_STARTED, date(2027, 2, 14), 14)
    assert not is_due_soon(due, _PS.NOT_STARTED, date(2027, 3, 2), 14)  # late, not "soon"
    assert not is_due_soon(due, _PS.APPROVED, date(2027, 2, 20), 14)


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2027, 8, 31), 18) == date(2029, 2, 28)
    assert add_months(date(2027, 1, 15), 0) == date(2027, 1, 15)
    assert add_months(date(2027, 12, 1), 1) == date(2028, 1, 1)


def _warnings(expiry: date | None, **kw: object) -> list[str]:
    found = visit_warnings(
        arrival=date(2027, 3, 8), departure=date(2027, 3, 19), items=kw.pop("items", []),  # type: ignore[arg-type]
        today=date(2027, 1, 1), passport_expiry=expiry, **kw,  # type: ignore[arg-type]
    )  # fmt: skip
    return [w.kind for w in found]


def test_passport_must_outlast_departure_by_the_margin() -> None:
    assert _warnings(date(2027, 9, 19)) == []  # exactly departure + 6 months
    assert _warnings(date(2027, 9, 18)) == ["passport"]
    assert _warnings(date(2027, 5, 1), passport_margin_months=1) == []
    assert _warnings(None) == ["passport_missing"]
    assert _warnings(None, international=False) == []


def test_passport_message_names_the_dates() -> None:
    (w,) = visit_warnings(
        arrival=date(2027, 3, 8), departure=date(2027, 3, 19), items=[], today=date(2027, 1, 1),
        passport_expiry=date(2027, 6, 1),
    )  # fmt: skip
    assert "2027-06-01" in w.message and "2027-09-19" in w.message and "6 months" in w.message


def test_items_late_when_planned_are_flagged_at_once() -> None:
    late = _item(due_date=date(2026, 12, 20))
    done = _item("fn", _PS.APPROVED, due_date=date(2026, 12, 1))
    flagged = _item("old", applies=False, due_date=date(2026, 11, 1))
    found = visit_warnings(
        arrival=date(2027, 3, 8), departure=date(2027, 3, 19), items=[late, done, flagged],
        today=date(2027, 1, 1), passport_expiry=date(2035, 1, 1),
    )  # fmt: skip
    assert [(w.kind, w.item_code) for w in found] == [("late", "esta")]
    assert "late by 12 days" in found[0].message


def test_visa_expiring_during_the_stay_is_a_warning() -> None:
    visa = _item("b1_visa", _PS.APPROVED, expiry_date=date(2027, 3, 10))
    coe = _item("jp_coe", _PS.APPROVED, expiry_date=date(2027, 2, 1))
    waived = _item("w", _PS.WAIVED, expiry_date=date(2027, 2, 1))
    found = visit_warnings(
        arrival=date(2027, 3, 8), departure=date(2027, 3, 19), items=[visa, coe, waived],
        today=date(2027, 1, 1), passport_expiry=date(2035, 1, 1),
    )  # fmt: skip
    assert [(w.kind, w.item_code) for w in found] == [("expiry", "b1_visa"), ("expiry", "jp_coe")]
    assert "before departure" in found[0].message and "before arrival" in found[1].message


def test_only_blocking_applying_unsettled_items_hold_admission() -> None:
    items = [
        _item("a"),
        _item("b", _PS.APPROVED),
        _item("c", _PS.WAIVED),
        _item("d", _PS.SUBMITTED),
        _item("e", blocking=False),
        _item("f", applies=False),
    ]
    assert [i.code for i in holding_admission(items)] == ["a", "d"]

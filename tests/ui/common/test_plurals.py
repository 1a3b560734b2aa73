"""Counts read as English: "1 problem", "2 problems", never "1 problems" or "14 check(s)"."""

from __future__ import annotations

from datetime import date

import pytest

from planner.domain.enums import PaperworkStatus, ResponsibleParty
from planner.domain.paperwork import DueItem
from planner.ui.paperwork.paperwork_models import late_text
from planner.ui.shell.reminders import reminder_text


def _due(days: int) -> DueItem:
    return DueItem(
        item_id=1,
        visit_id=1,
        visit_code="V-2027-0001",
        visitor_name="Hiroshi Tanaka",
        code="esta",
        title="ESTA",
        status=PaperworkStatus.NOT_STARTED,
        responsible=ResponsibleParty.VISITOR,
        due_date=date(2027, 1, 1),
        blocking=True,
        late_by_days=days,
    )


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(("days", "text"), [(1, "late by 1 day"), (2, "late by 2 days")])
def test_late_text_agrees_with_its_count(days: int, text: str) -> None:
    assert late_text(days) == text


@pytest.mark.usefixtures("qapp")
def test_reminder_for_one_item_is_singular() -> None:
    title, body = reminder_text([_due(1)])
    assert title == "1 paperwork item overdue"
    assert body.endswith("(late by 1 day)")
    title, body = reminder_text([_due(2), _due(5)])
    assert title == "2 paperwork items overdue"
    assert "(s)" not in title + body


def test_no_english_source_string_says_s_in_parentheses() -> None:
    """The catalogue's English sources must not carry "(s)": English shows them as they are."""
    from tests.test_translations import TS

    assert "(s)" not in TS.read_text(encoding="utf-8")

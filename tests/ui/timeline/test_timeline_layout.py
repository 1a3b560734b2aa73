"""Timeline layout arithmetic: rows, lanes for overlapping visits, label room, the window."""

from __future__ import annotations

from datetime import date

from planner.domain.entities import VisitSummary
from planner.domain.enums import Purpose, VisitStatus
from planner.ui.timeline.timeline_layout import Grouping, build_layout


def visit(
    vid: int, arrival: date, departure: date, visitor: int = 1, host: str = "Argonne"
) -> VisitSummary:
    return VisitSummary(
        id=vid, code=f"V-2027-{vid:04d}", visitor_id=visitor,
        visitor_name=f"Visitor {visitor}", visitor_name_native="田中 博" if visitor == 1 else "",
        home_institution="RIKEN Wako", host_institution=host, arrival_date=arrival,
        departure_date=departure, status=VisitStatus.CONFIRMED,
        purpose=Purpose.SEMINAR, project="", version=1,
    )  # fmt: skip


START, END = date(2027, 3, 1), date(2027, 3, 31)


def test_overlapping_visits_of_one_host_take_separate_lanes() -> None:
    visits = [
        visit(1, date(2027, 3, 2), date(2027, 3, 10), visitor=1),
        visit(2, date(2027, 3, 5), date(2027, 3, 12), visitor=2),
        visit(3, date(2027, 3, 11), date(2027, 3, 14), visitor=3),
        visit(4, date(2027, 3, 3), date(2027, 3, 4), visitor=4, host="RIKEN Wako"),
    ]
    layout = build_layout(visits, Grouping.INSTITUTION, START, END)
    assert [row.label for row in layout.rows] == ["Argonne", "RIKEN Wako"]
    argonne, wako = layout.rows
    lanes = {bar.visit_id: bar.lane for bar in argonne.bars}
    assert lanes[1] == lanes[3] == 0  # 3 starts the day after 1 leaves
    assert lanes[2] == 1
    assert argonne.lanes == 2 and wako.first_lane == 2 and layout.total_lanes == 3
    first = next(b for b in argonne.bars if b.visit_id == 1)
    assert first.start == date(2027, 3, 2).toordinal()
    assert first.end == date(2027, 3, 11).toordinal()  # the departure day is covered
    assert first.label_end == date(2027, 3, 11).toordinal()  # visit 3 starts there
    assert first.label == "V-2027-0001 · Visitor 1 (田中 博)"
    assert layout.row_at_lane(1) is argonne and layout.row_at_lane(2) is wako
    assert layout.rows_between(1, 1) == [argonne]
    assert layout.rows_between(0, 5) == [argonne, wako]


def test_rows_by_person_sorted_and_outside_visits_dropped() -> None:
    visits = [
        visit(1, date(2027, 3, 2), date(2027, 3, 4), visitor=2),
        visit(2, date(2027, 3, 20), date(2027, 3, 22), visitor=1),
        visit(3, date(2027, 5, 1), date(2027, 5, 3), visitor=3),
        visit(4, date(2027, 2, 20), date(2027, 3, 1), visitor=4),  # ends on the first day
    ]
    layout = build_layout(visits, Grouping.PERSON, START, END)
    assert [row.label for row in layout.rows] == [
        "Visitor 1 (田中 博)",
        "Visitor 2",
        "Visitor 4",
    ]
    assert {bar.visit_id for bar in layout.bars} == {1, 2, 4}
    assert layout.bar_count == 3

"""The dashboard driven like a user: sections, empty sentences, opening entries, Tab, reloads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.domain.enums import AuditAction, VisitStatus
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.dashboard import PaperworkDue
from planner.ui.dashboard import dashboard_view
from planner.ui.dashboard.dashboard_model import DashboardSectionModel, days_text
from planner.ui.dashboard.dashboard_view import DashboardSection, DashboardView
from tests.fixtures.sample import Sample
from tests.services.test_dashboard import FakeDue, add_visit

TODAY = date(2027, 3, 1)


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@pytest.fixture
def visits(services: Services, sample: Sample) -> dict[str, int]:
    """A few visits around TODAY: two arrivals, one running, one late start."""
    return {
        "arrives": add_visit(services, sample, day(2), day(6), VisitStatus.CONFIRMED),
        "arrives_late": add_visit(
            services, sample, day(4), day(20), VisitStatus.APPROVED, japanese=False
        ),
        "running": add_visit(services, sample, day(-3), day(9), VisitStatus.IN_PROGRESS),
        "late": add_visit(services, sample, day(-2), day(30), VisitStatus.CONFIRMED),
    }


def make_view(qtbot: QtBot, services: Services) -> DashboardView:
    view = DashboardView(services, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 720)
    view.show()
    qtbot.waitExposed(view)
    return view


def row_texts(section: DashboardSection, column: int) -> list[str]:
    model = section.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_sections_show_the_right_entries(
    qtbot: QtBot, services: Services, visits: dict[str, int], sample: Sample
) -> None:
    view = make_view(qtbot, services)

    arrivals = view.arrivals.model.visit_ids()
    assert arrivals[:2] == [visits["arrives"], visits["arrives_late"]]
    assert sample.visit_in.id in arrivals  # the sample's visit on 2027-03-08
    assert view.in_progress.model.visit_ids() == [visits["running"]]
    assert view.needs_update.model.visit_ids() == [visits["late"]]
    # Entry texts: when, date, code, visitor in both scripts, host, status.
    first = view.arrivals
    assert row_texts(first, DashboardSectionModel.WHEN)[0] == "in 2 days"
    assert row_texts(first, DashboardSectionModel.DATE)[0] == "Wed 3 Mar"
    assert row_texts(first, DashboardSectionModel.VISITOR)[0] == "Hiroshi Tanaka (田中 博)"
    assert row_texts(first, DashboardSectionModel.HOST)[0] == "Argonne"
    assert row_texts(first, DashboardSectionModel.STATUS)[0] == "Confirmed"
    assert row_texts(first, DashboardSectionModel.VISITOR)[1] == "Dana Miller"
    assert "should be in progress" in row_texts(view.needs_update, DashboardSectionModel.STATUS)[0]
    # Titles carry the counts; every section with entries shows its table.
    assert view.arrivals.title().endswith(f"({len(arrivals)})")
    assert view.arrivals.table.isVisible() and not view.arrivals.empty_label.isVisible()


def test_counts_by_status_in_life_cycle_order(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    model = view.counts_model
    texts = [model.index(r).data() for r in range(model.rowCount())]
    assert texts == [
        "Draft  2",
        "Proposed  0",
        "Approved  1",
        "Confirmed  2",
        "In progress  1",
        "Completed  0",
        "Cancelled  0",
    ]
    assert model.index(3).data(Qt.ItemDataRole.DecorationRole) is not None
    assert view.counts_box.title() == "Visits by status (6 in all)"


def test_empty_sections_say_so(qtbot: QtBot, services: Services) -> None:
    view = make_view(qtbot, services)
    for section in (view.arrivals, view.departures, view.in_progress, view.needs_update):
        assert section.is_empty
        assert section.empty_label.isVisible()
        assert not section.table.isVisible()
    assert view.arrivals.empty_label.text() == "No arrivals in the next 14 days"
    assert view.departures.empty_label.text() == "No departures in the next 14 days"
    assert view.arrivals.title() == "Arrivals — next 14 days (0)"


def test_double_click_opens_the_visit(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    table = view.in_progress.table
    rect = table.visualRect(table.model().index(0, DashboardSectionModel.CODE))
    with qtbot.waitSignal(view.visit_activated, timeout=2000) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [visits["running"]]


def test_enter_opens_the_current_entry_and_tab_moves_between_sections(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    arrivals = view.arrivals.table
    arrivals.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(arrivals.hasFocus)
    arrivals.setCurrentIndex(arrivals.model().index(1, 0))
    with qtbot.waitSignal(view.visit_activated, timeout=2000) as blocker:
        qtbot.keyClick(arrivals, Qt.Key.Key_Return)
    assert blocker.args == [visits["arrives_late"]]

    qtbot.keyClick(arrivals, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.departures.table)
    qtbot.keyClick(view.departures.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.in_progress.table)
    with qtbot.waitSignal(view.visit_activated, timeout=2000) as blocker:
        qtbot.keyClick(view.in_progress.table, Qt.Key.Key_Enter)
    assert blocker.args == [visits["running"]]


def test_empty_sections_are_skipped_by_tab(qtbot: QtBot, services: Services) -> None:
    view = make_view(qtbot, services)
    for section in view.sections.values():
        assert section.table.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_changes_reload_once_per_burst(
    qtbot: QtBot,
    services: Services,
    visits: dict[str, int],
    sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = make_view(qtbot, services)
    calls: list[date | None] = []
    original = services.dashboard.snapshot

    def counting(today: date | None = None, days: int = 14) -> Any:
        calls.append(today)
        return original(today, days)

    monkeypatch.setattr(services.dashboard, "snapshot", counting)
    new = add_visit(services, sample, day(1), day(2), VisitStatus.CONFIRMED)
    for _ in range(3):
        view.on_change(Change("visit", (new,), AuditAction.CREATE))
    qtbot.waitUntil(lambda: new in view.arrivals.model.visit_ids())
    QApplication.processEvents()
    assert len(calls) == 1

    view.on_change(Change("event", (1,), AuditAction.UPDATE))
    QApplication.processEvents()
    assert len(calls) == 1


def test_paperwork_provider_adds_the_section(
    qtbot: QtBot, services: Services, visits: dict[str, int], sample: Sample
) -> None:
    view = make_view(qtbot, services)
    view.set_paperwork_provider(None)
    assert not view.paperwork.isVisible()
    assert sample.visit_in.id is not None
    asked: list[tuple[date, int]] = []

    def provider(today: date, days: int) -> Sequence[PaperworkDue]:
        asked.append((today, days))
        return [
            PaperworkDue(
                visit_id=sample.visit_in.id or 0, code=sample.visit_in.code,
                visitor_name="Hiroshi Tanaka", visitor_name_native="田中 博",
                host_institution="Argonne", title="ESTA travel authorisation",
                due_date=day(-3), days_until=-3, status="not_started", blocking=True,
            )
        ]  # fmt: skip

    view.set_paperwork_provider(provider)
    assert view.paperwork.isVisible()
    assert asked[-1] == (TODAY, 14)
    assert row_texts(view.paperwork, DashboardSectionModel.WHEN) == ["3 days ago"]
    assert row_texts(view.paperwork, DashboardSectionModel.HOST) == ["ESTA travel authorisation"]
    assert row_texts(view.paperwork, DashboardSectionModel.STATUS) == ["Not started — blocking"]
    table = view.paperwork.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    with qtbot.waitSignal(view.visit_activated, timeout=2000) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [sample.visit_in.id]

    view.set_paperwork_provider(lambda _t, _d: [])
    assert view.paperwork.empty_label.text() == ("No paperwork overdue or due in the next 14 days")


class FakePaperworkService:
    """Only the query the dashboard uses."""

    def __init__(self, items: list[FakeDue]) -> None:
        self.items = items
        self.calls: list[tuple[int, date | None]] = []

    def due(self, within_days: int = 14, today: date | None = None) -> list[FakeDue]:
        self.calls.append((within_days, today))
        return self.items


def test_uses_the_paperwork_service_when_there_is_one(
    qtbot: QtBot, services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sample.visit_out.id is not None
    fake = FakePaperworkService(
        [FakeDue(sample.visit_out.id, "Housing", "in_progress", day(5), False)]
    )
    monkeypatch.setattr(services, "paperwork", fake, raising=False)
    view = make_view(qtbot, services)
    assert view.has_paperwork_section and view.paperwork.isVisible()
    assert fake.calls[-1] == (14, TODAY)
    assert view.paperwork.model.visit_ids() == [sample.visit_out.id]
    assert row_texts(view.paperwork, DashboardSectionModel.VISITOR) == ["Dana Miller"]
    assert "paperwork_item" in dashboard_view.RELOAD_KINDS


@pytest.mark.parametrize(
    ("days", "text"),
    [(0, "today"), (1, "tomorrow"), (-1, "yesterday"), (3, "in 3 days"), (-4, "4 days ago")],
)
def test_days_text(days: int, text: str) -> None:
    assert days_text(days) == text


def test_a_hidden_dashboard_reloads_when_shown(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    view = DashboardView(services, today=TODAY)
    qtbot.addWidget(view)
    new = add_visit(services, sample, day(1), day(2), VisitStatus.CONFIRMED)
    view.on_change(Change("visit", (new,), AuditAction.CREATE))
    QApplication.processEvents()
    assert new not in view.arrivals.model.visit_ids()
    view.show()
    qtbot.waitExposed(view)
    assert new in view.arrivals.model.visit_ids()


def test_section_rows_are_made_only_when_drawn(services: Services, sample: Sample) -> None:
    from planner.ui.dashboard.dashboard_model import RowTexts, VisitRows, visit_row

    entries = services.dashboard.needs_update(date(2030, 1, 1))
    assert entries  # every sample visit is late by then
    rows = VisitRows(entries, RowTexts())
    assert len(rows) == len(entries)
    assert rows.visit_ids() == [e.visit_id for e in entries]
    assert rows._made == {}  # counting and ids build nothing
    assert rows[-1] == visit_row(entries[-1]) and rows[0:1] == [visit_row(entries[0])]
    assert len(rows._made) == 2

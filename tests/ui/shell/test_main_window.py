"""The main window driven like a user would: typing, clicking headers, menus, closing."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

import planner
from planner.db.location import sqlite_target
from planner.domain.entities import Institution, Visit
from planner.domain.enums import InstitutionKind, VisitStatus
from planner.services.container import Services
from planner.ui.common.roles import ID_ROLE
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings import open_settings
from planner.ui.visits.visits_model import Column
from tests.fixtures.sample import Sample


def shown_codes(window: MainWindow) -> list[str]:
    """Codes of the visits the table shows, top to bottom."""
    proxy = window.visits_view.proxy
    return [proxy.index(r, Column.CODE).data() for r in range(proxy.rowCount())]


def shown_column(window: MainWindow, column: Column) -> list[str]:
    """Texts of *column* as the table shows them."""
    proxy = window.visits_view.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def type_filter(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Replace the filter text by typing it."""
    edit = window.visits_view.filter_edit
    edit.clear()
    qtbot.keyClicks(edit, text)


def commit_text(window: MainWindow, text: str) -> None:
    """Enter *text* the way a Japanese input method does: one commit of composed text."""
    edit = window.visits_view.filter_edit
    edit.clear()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def click_header(qtbot: QtBot, window: MainWindow, column: Column) -> None:
    """Click the title of *column*."""
    header = window.visits_view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_window_shows_database_in_title_and_status_bar(
    window: MainWindow, services: Services
) -> None:
    display = services.db.target.display
    assert window.windowTitle() == f"Exchange Visit Planner — {display}"
    assert window.database_label.text() == display
    assert window.count_label.text() == "Showing 2 of 2 visits"


def test_table_lists_the_sample_visits(window: MainWindow, sample: Sample) -> None:
    assert window.visit_count == 2
    # Sorted by arrival, ascending, at start.
    assert shown_codes(window) == [sample.visit_in.code, sample.visit_out.code]
    assert shown_column(window, Column.VISITOR) == ["Hiroshi Tanaka (田中 博)", "Dana Miller"]
    assert ("visits", window.visits_view) in window.main_views()


def test_typing_in_the_filter_narrows_the_rows(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    kobe = services.institutions.create(
        Institution(
            name="RIKEN Center for Computational Science",
            short_name="R-CCS Kobe",
            kind=InstitutionKind.RESEARCH_INSTITUTE,
            country="JP",
            timezone="Asia/Tokyo",
        )
    )
    assert kobe.id is not None and sample.miller.id is not None
    to_kobe = services.visits.create(
        Visit(
            visitor_id=sample.miller.id,
            host_institution_id=kobe.id,
            arrival_date=date(2027, 6, 1),
            departure_date=date(2027, 6, 5),
        )
    )
    services.visits.set_status(to_kobe.id or 0, VisitStatus.PROPOSED)
    qtbot.waitUntil(lambda: window.visit_count == 3)

    type_filter(qtbot, window, "tanaka")
    assert shown_codes(window) == [sample.visit_in.code]
    assert window.count_label.text() == "Showing 1 of 3 visits"

    commit_text(window, "田中")
    assert shown_codes(window) == [sample.visit_in.code]

    type_filter(qtbot, window, "Proposed")
    assert shown_codes(window) == [to_kobe.code]

    type_filter(qtbot, window, "r-ccs kobe")
    assert shown_codes(window) == [to_kobe.code]

    type_filter(qtbot, window, "no such visit")
    assert shown_codes(window) == []
    assert window.count_label.text() == "Showing 0 of 3 visits"

    window.visits_view.filter_edit.clear()
    assert len(shown_codes(window)) == 3
    assert window.count_label.text() == "Showing 3 of 3 visits"


def test_filter_applies_on_each_keystroke_and_keeps_the_current_visit(
    qtbot: QtBot, window: MainWindow, sample: Sample
) -> None:
    assert sample.visit_out.id is not None
    assert window.visits_view.select_visit(sample.visit_out.id)
    type_filter(qtbot, window, "mil")
    assert shown_codes(window) == [sample.visit_out.code]  # no wait for a pause in typing
    assert window.visits_view.current_visit_id() == sample.visit_out.id
    type_filter(qtbot, window, "tanaka")
    assert window.visits_view.current_visit_id() is None  # filtered out: nothing current
    window.visits_view.filter_edit.clear()
    assert len(shown_codes(window)) == 2


def test_clicking_a_header_sorts_by_real_values(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    assert sample.tanaka.id is not None and sample.argonne.id is not None
    october = services.visits.create(
        Visit(sample.tanaka.id, sample.argonne.id, date(2027, 10, 2), date(2027, 10, 9))
    )
    september = services.visits.create(
        Visit(sample.tanaka.id, sample.argonne.id, date(2027, 9, 30), date(2027, 10, 3))
    )
    services.visits.set_status(september.id or 0, VisitStatus.CANCELLED)
    services.visits.set_status(october.id or 0, VisitStatus.PROPOSED)
    qtbot.waitUntil(lambda: window.visit_count == 4)
    header = window.visits_view.table.horizontalHeader()
    ascending = ["2027-03-08", "2027-04-05", "2027-09-30", "2027-10-02"]

    # Arrival starts ascending; a click on its title reverses it, another restores it.
    assert shown_column(window, Column.ARRIVAL) == ascending
    click_header(qtbot, window, Column.ARRIVAL)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown_column(window, Column.ARRIVAL) == ascending[::-1]
    click_header(qtbot, window, Column.ARRIVAL)
    assert shown_column(window, Column.ARRIVAL) == ascending

    click_header(qtbot, window, Column.STATUS)
    assert header.sortIndicatorSection() == Column.STATUS
    life_cycle = ["Draft", "Draft", "Proposed", "Cancelled"]
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        life_cycle.reverse()
    assert shown_column(window, Column.STATUS) == life_cycle

    # Sorting keeps the filter.
    type_filter(qtbot, window, "tanaka")
    click_header(qtbot, window, Column.ARRIVAL)
    assert shown_column(window, Column.ARRIVAL) in (
        ["2027-03-08", "2027-09-30", "2027-10-02"],
        ["2027-10-02", "2027-09-30", "2027-03-08"],
    )


def test_changes_from_the_services_appear(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    assert sample.miller.id is not None and sample.argonne.id is not None
    visit = services.visits.create(
        Visit(sample.miller.id, sample.argonne.id, date(2028, 1, 10), date(2028, 1, 20))
    )
    qtbot.waitUntil(lambda: visit.code in shown_codes(window))
    assert window.count_label.text() == "Showing 3 of 3 visits"

    miller = services.people.get(sample.miller.id)
    services.people.update(dataclasses.replace(miller, given_name="Danielle"))
    qtbot.waitUntil(lambda: "Danielle Miller" in shown_column(window, Column.VISITOR))


def test_reload_keeps_the_current_visit(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    view = window.visits_view
    assert view.select_visit(sample.visit_out.id or 0)
    assert sample.tanaka.id is not None and sample.argonne.id is not None
    services.visits.create(
        Visit(sample.tanaka.id, sample.argonne.id, date(2026, 1, 5), date(2026, 1, 9))
    )
    qtbot.waitUntil(lambda: window.visit_count == 3)
    assert view.current_visit_id() == sample.visit_out.id


def test_refresh_shows_changes_made_elsewhere(
    qtbot: QtBot, window: MainWindow, db_path: Path, sample: Sample
) -> None:
    other = Services.open(sqlite_target(db_path))  # another process: its own change bus
    try:
        assert sample.tanaka.id is not None and sample.riken.id is not None
        other.visits.create(
            Visit(sample.tanaka.id, sample.riken.id, date(2027, 7, 1), date(2027, 7, 2))
        )
    finally:
        other.close()
    assert window.visit_count == 2
    window.main_actions.refresh.trigger()
    assert window.visit_count == 3
    assert QKeySequence("F5") in window.main_actions.refresh.shortcuts()


def test_find_focuses_and_selects_the_filter(qtbot: QtBot, window: MainWindow) -> None:
    edit = window.visits_view.filter_edit
    edit.setText("tanaka")
    window.visits_view.table.setFocus()
    window.activateWindow()
    qtbot.waitActive(window)
    window.main_actions.find.trigger()
    qtbot.waitUntil(edit.hasFocus)
    assert edit.selectedText() == "tanaka"
    assert window.main_actions.find.shortcuts()[0] == QKeySequence(QKeySequence.StandardKey.Find)


def test_menus_and_standard_shortcuts(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    actions = window.main_actions
    edit_menu = window.menuBar().actions()[1].menu()
    assert isinstance(edit_menu, QMenu)
    assert actions.undo in edit_menu.actions() and actions.redo in edit_menu.actions()
    assert actions.undo.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    assert actions.redo.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    # Nothing to undo yet.
    assert window.undo_stack.count() == 0
    assert not actions.undo.isEnabled() and not actions.redo.isEnabled()
    assert QKeySequence("Ctrl+Q") in actions.quit.shortcuts()


def test_about_names_version_and_database(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.ui.shell.about import AboutDialog

    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    window.main_actions.about.trigger()
    (dialog,) = shown
    assert "Exchange Visit Planner" in dialog.windowTitle()
    text = dialog.findChild(QLabel).text()
    assert planner.__version__ in text
    assert services.db.target.display in text


def test_enter_on_a_row_reports_the_visit(qtbot: QtBot, window: MainWindow, sample: Sample) -> None:
    table = window.visits_view.table
    index = window.visits_view.proxy.index(0, Column.CODE)
    with qtbot.waitSignal(window.visits_view.visit_activated) as blocker:
        table.activated.emit(index)
    assert blocker.args == [index.data(ID_ROLE)]


def test_layout_is_saved_on_close_and_restored(
    qtbot: QtBot, services: Services, sample: Sample, settings_path: Path
) -> None:
    first = MainWindow(services, open_settings(settings_path))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(780, 560)
    header = first.visits_view.table.horizontalHeader()
    header.resizeSection(Column.HOME, 222)
    first.visits_view.table.sortByColumn(Column.STATUS, Qt.SortOrder.DescendingOrder)
    first.close()
    assert first.visits_view.model.rowCount() == 2
    assert settings_path.is_file()
    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert stored.value("MainWindow/geometry")

    second = MainWindow(services, open_settings(settings_path))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (780, 560)
    header2 = second.visits_view.table.horizontalHeader()
    assert header2.sectionSize(Column.HOME) == 222
    assert header2.sortIndicatorSection() == Column.STATUS
    assert header2.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown_column(second, Column.STATUS) == ["Draft", "Draft"]


def test_closing_stops_listening_for_changes(window: MainWindow, services: Services) -> None:
    window.close()
    assert not window.change_bridge.is_connected


def test_views_are_built_when_first_shown_or_asked_for(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    lazy = ["people", "events", "timeline", "paperwork", "institutions", "agreements"]
    lazy += ["reports", "rules"]
    assert [name for name in lazy if window.workspace.is_built(name)] == []
    window.workspace.show_page("people")
    assert window.workspace.is_built("people")
    assert window.workspace.currentWidget().isAncestorOf(window.workspace.view("people"))
    assert window.workspace.view("people").isVisible()
    assert not window.workspace.is_built("events")
    # A view built while hidden (asked for by a command) loads when it is shown.
    events = window.workspace.view("events")
    assert window.workspace.is_built("events") and not events.isVisible()
    window.workspace.show_page("events")
    assert events.isVisible()
    # Screenshots and the View menu see every view.
    assert [name for name, _ in window.main_views()][:2] == ["dashboard", "visits"]
    assert all(window.workspace.is_built(name) for name in lazy)

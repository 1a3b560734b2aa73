"""Structured visit filters and preferences, through the widgets and the pure predicate."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.domain.enums import VisitStatus
from planner.domain.visit_criteria import Direction, VisitCriteria, matches
from planner.services.container import Services
from planner.ui.common.preferences import DateFormat, Preferences, load_preferences
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings_dialog import SettingsDialog
from planner.ui.visits.visit_filter_bar import VisitFilterBar
from planner.ui.visits.visits_model import Column
from tests.fixtures.sample import Sample


def _codes(window: MainWindow) -> list[str]:
    proxy = window.visits_view.proxy
    return [proxy.index(r, Column.CODE).data() for r in range(proxy.rowCount())]


def test_direction_is_relative_to_the_home_institution(services: Services, sample: Sample) -> None:
    rows = {r.code: r for r in services.visits.summaries()}
    incoming = VisitCriteria(direction=Direction.INCOMING, home_institution_id=sample.argonne.id)
    outgoing = VisitCriteria(direction=Direction.OUTGOING, home_institution_id=sample.argonne.id)
    assert [c for c, r in rows.items() if matches(r, incoming)] == ["V-2027-0001"]
    assert [c for c, r in rows.items() if matches(r, outgoing)] == ["V-2027-0002"]
    assert VisitCriteria(home_institution_id=5).is_empty


def test_filter_bar_narrows_by_status_host_and_dates(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    bar = window.visits_view.filter_bar
    assert _codes(window) == ["V-2027-0001", "V-2027-0002"]
    bar.host.setCurrentIndex(bar.host.findData(sample.riken.id))
    assert _codes(window) == ["V-2027-0002"]
    bar.reset()
    bar.date_from.setDate(QDate(2027, 3, 20))
    assert _codes(window) == ["V-2027-0002"]
    bar.reset()
    assert sample.visit_in.id is not None
    services.visits.set_status(sample.visit_in.id, VisitStatus.CANCELLED)
    qtbot.waitUntil(lambda: window.visits_view.model.visit_at(0).status is VisitStatus.CANCELLED)
    bar.status.setCurrentIndex(bar.status.findData("active"))
    assert _codes(window) == ["V-2027-0002"]
    assert "Showing 1 of 2 visits" in window.count_label.text()


def test_settings_set_home_institution_and_date_format(
    qtbot: QtBot, window: MainWindow, sample: Sample
) -> None:
    dialog = SettingsDialog(window.preferences, [sample.argonne, sample.riken], window)
    qtbot.addWidget(dialog)
    dialog.home.setCurrentIndex(dialog.home.findData(sample.argonne.id))
    dialog.date_format.setCurrentIndex(dialog.date_format.findData(DateFormat.US.value))
    window.apply_preferences(dialog.preferences())
    bar = window.visits_view.filter_bar
    assert bar.direction.isEnabled()
    bar.direction.setCurrentIndex(bar.direction.findData(Direction.OUTGOING.value))
    assert _codes(window) == ["V-2027-0002"]
    assert window.visits_view.proxy.index(0, Column.ARRIVAL).data() == "04/05/2027"
    assert sample.visit_out.id is not None
    editor = window.open_visit(sample.visit_out.id)
    assert editor.arrival.text() == "04/05/2027"
    stored = window._settings
    assert isinstance(stored, QSettings)
    # The home institution is the database's; only the date format went to the settings.
    assert load_preferences(stored) == Preferences(None, DateFormat.US)
    assert load_preferences(stored, window.services.choices) == Preferences(
        sample.argonne.id, DateFormat.US
    )


def test_date_formats_render() -> None:
    day = date(2027, 3, 8)
    assert [f.render(day) for f in DateFormat] == [
        "2027-03-08", "8 Mar 2027", "2027/03/08", "03/08/2027", "2027年3月8日(月)",
    ]  # fmt: skip


def test_every_view_is_reachable_from_the_keyboard(window: MainWindow) -> None:
    for number, (name, widget) in enumerate(window.main_views(), start=1):
        action = window.workspace_actions.pages[name]
        # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth (all are also on the View menu, Alt+V);
        # the welcome page after them has none (Help ▸ Getting started also shows it).
        expected = f"Ctrl+{number % 10}" if number <= 10 else ""
        assert action.shortcut().toString() == expected
        assert action in window.main_actions.view_menu.actions()
        action.trigger()
        assert window.workspace.currentWidget() is widget
        assert window.sidebar.currentRow() == number - 1


@pytest.mark.parametrize("typed", ["2027/3/20", "2027-03-20", "2027.3.20", "2027年3月20日"])
def test_filter_dates_take_typing_in_every_format(
    qtbot: QtBot, window: MainWindow, typed: str
) -> None:
    bar = window.visits_view.filter_bar
    bar.date_from.setFocus()
    if typed.isascii():
        qtbot.keyClicks(bar.date_from, typed)
    else:
        # Japanese arrives from an input method as one committed string (QTest cannot type it).
        event = QInputMethodEvent()
        event.setCommitString(typed)
        QApplication.sendEvent(bar.date_from, event)
    with qtbot.waitSignal(bar.criteria_changed):
        qtbot.keyClick(bar.date_from, Qt.Key.Key_Return)
    assert bar.criteria().date_from == date(2027, 3, 20)
    assert _codes(window) == ["V-2027-0002"]
    # Emptying the field lifts the limit at once, without leaving it.
    with qtbot.waitSignal(bar.criteria_changed):
        bar.date_from.selectAll()
        qtbot.keyClick(bar.date_from, Qt.Key.Key_Delete)
    assert bar.criteria().date_from is None
    assert _codes(window) == ["V-2027-0001", "V-2027-0002"]


def test_filter_dates_follow_the_chosen_date_format(window: MainWindow) -> None:
    bar = window.visits_view.filter_bar
    bar.date_to.set_value(date(2027, 3, 8))
    prefs = window.preferences
    window.apply_preferences(replace(prefs, date_format=DateFormat.JAPANESE_LONG))
    assert bar.date_to.text() == "2027年3月8日"
    assert "(" not in bar.date_to.text()  # no editable weekday


@pytest.mark.parametrize("width", [700, 880, 1100, 1700])
def test_the_filter_bar_wraps_rather_than_cutting_a_choice(qtbot: QtBot, width: int) -> None:
    bar = VisitFilterBar()
    qtbot.addWidget(bar)
    bar.resize(width, 80)
    bar.show()
    qtbot.waitExposed(bar)
    qtbot.waitUntil(lambda: bar.width() == width)
    expected = width >= bar._one_line_width()

    def one_line() -> bool:
        return bar.date_from.geometry().top() < bar.status.geometry().bottom()

    qtbot.waitUntil(lambda: one_line() == expected)  # the layout settles on the next pass
    for combo in (bar.status, bar.direction, bar.host, bar.project):
        assert combo.width() >= VisitFilterBar._combo_width(combo), (width, combo.currentText())

"""The window's commands that need a selection say so when there is none."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.exchange.commands import export_package
from planner.ui.itinerary.commands import export_event_itineraries, export_itinerary
from planner.ui.shell.main_window import MainWindow
from planner.ui.spreadsheets.commands import export_table


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, text: shown.append((title, text))
    )
    return shown


def test_exports_without_a_selection_say_what_to_select(
    qtbot: QtBot, services: Services, messages: list[tuple[str, str]]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    export_itinerary(parent, services, None)
    export_package(parent, services, None)
    export_event_itineraries(parent, services, None)
    assert messages == [
        ("Export itinerary", "Select a visit in the list first."),
        ("Export exchange package", "Select a visit in the list first."),
        ("Export itineraries", "Select an event first."),
    ]


def test_a_page_without_a_table_has_nothing_to_export(
    qtbot: QtBot, messages: list[tuple[str, str]]
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    export_table(page, page, "empty")
    assert messages == [("Export table", "This view has no table to export.")]


def test_the_menu_commands_use_the_visits_selection(
    window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    window.visits_view.table.setCurrentIndex(QModelIndex())
    window.workspace_actions.export_itinerary.trigger()
    window.workspace_actions.export_package.trigger()
    assert [text for _title, text in messages] == ["Select a visit in the list first."] * 2

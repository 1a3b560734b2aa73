"""First run: the welcome page on an empty database, its steps, and every empty list's hint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QProcess
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from planner.importing.headers import PEOPLE_FIELDS, VISIT_FIELDS, match_headers
from planner.importing.table import read_header
from planner.services.container import Services
from planner.ui.common.placeholder import EmptyPlaceholder
from planner.ui.events.event_editor import EventEditor
from planner.ui.shell import welcome
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings import open_settings
from planner.ui.shell.welcome import WelcomeView, demo_command, write_template
from planner.ui.visits.visit_editor import VisitEditor
from tests.fixtures.sample import Sample, make_sample


@pytest.fixture
def empty_window(qtbot: QtBot, services: Services, settings_path: Path) -> Iterator[MainWindow]:
    """The main window over a database with no records at all."""
    main = MainWindow(services, open_settings(settings_path))
    qtbot.addWidget(main)
    main.resize(1024, 700)
    main.show()
    qtbot.waitExposed(main)
    yield main


def record_action(window: MainWindow, name: str) -> list[bool]:
    """Replace what the window's action *name* does by a record of its triggers."""
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.triggered.disconnect()
    calls: list[bool] = []
    action.triggered.connect(lambda *_: calls.append(True))
    return calls


def welcome_view(window: MainWindow) -> WelcomeView:
    view = window.workspace.view("welcome")
    assert isinstance(view, WelcomeView)
    return view


def test_an_empty_database_opens_on_the_welcome_page(empty_window: MainWindow) -> None:
    page = empty_window.workspace.current_page()
    assert page is not None and page.name == "welcome"
    assert welcome_view(empty_window).isVisible()


def test_the_sample_opens_on_the_dashboard_and_help_reaches_the_welcome_page(
    window: MainWindow, qtbot: QtBot, services: Services, sample: Sample, settings_path: Path
) -> None:
    fresh = MainWindow(services, open_settings(settings_path))
    qtbot.addWidget(fresh)
    fresh.show()
    qtbot.waitExposed(fresh)
    page = fresh.workspace.current_page()
    assert page is not None and page.name == "dashboard"
    action = fresh.findChild(QAction, "actionGettingStarted")
    assert action is not None and action in fresh.main_actions.help_menu.actions()
    action.trigger()
    page = fresh.workspace.current_page()
    assert page is not None and page.name == "welcome"


def test_the_steps_trigger_the_window_commands(empty_window: MainWindow) -> None:
    view = welcome_view(empty_window)
    for key, action in (
        ("settings", "actionSettings"),
        ("import_people", "actionImportPeople"),
        ("import_visits", "actionImportVisits"),
    ):
        calls = record_action(empty_window, action)
        view.buttons[key].click()
        assert calls == [True], key


def test_add_an_institution_opens_its_editor_on_the_institutions_page(
    empty_window: MainWindow,
) -> None:
    welcome_view(empty_window).buttons["institution"].click()
    page = empty_window.workspace.current_page()
    assert page is not None and page.name == "institutions"
    directory: Any = empty_window.workspace.view("institutions")
    assert directory.editor is not None and directory.editor.isVisible()
    directory.editor.close()


@pytest.mark.parametrize(("kind", "fields"), [("people", PEOPLE_FIELDS), ("visits", VISIT_FIELDS)])
def test_a_template_has_every_column_the_import_reads(
    tmp_path: Path, kind: str, fields: Any
) -> None:
    path = write_template(kind, tmp_path / f"{kind}.xlsx")
    header = read_header(path)
    mapping = match_headers(header, fields)
    assert all(column is not None for column in mapping.values()), mapping
    assert sorted(mapping.values()) == list(range(len(header)))  # one column per field


def test_the_template_button_saves_where_chosen_adding_the_suffix(
    empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chosen = tmp_path / "people for import"  # no suffix: the page adds .xlsx
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    written = welcome_view(empty_window).people_template()
    assert written == tmp_path / "people for import.xlsx"
    assert read_header(written)[0].startswith("Family name")  # bilingual: "Family name / 姓"


def test_cancelling_the_template_dialog_writes_nothing(
    empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert welcome_view(empty_window).visits_template() is None
    assert list(tmp_path.glob("*.xlsx")) == []


def test_an_unwritable_template_is_said_not_raised(
    empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "missing-folder" / "t.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    assert welcome_view(empty_window).people_template() is None
    assert len(warnings) == 1 and not target.exists()


def test_the_demo_starts_as_a_separate_program(
    empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[str, list[str]]] = []

    def start(program: str, arguments: list[str]) -> tuple[bool, int]:
        started.append((program, list(arguments)))
        return True, 4242

    monkeypatch.setattr(QProcess, "startDetached", start)
    welcome_view(empty_window).buttons["demo"].click()
    assert started == [demo_command()]
    assert "--demo" in started[0][1]


def test_a_demo_that_cannot_start_is_explained(
    empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QProcess, "startDetached", lambda *a: (False, 0))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    assert welcome_view(empty_window).open_demo() is False
    assert warnings and "planner --demo" in warnings[0]


def test_a_bundled_application_starts_the_demo_without_python(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(welcome.sys, "frozen", True, raising=False)
    program, arguments = demo_command()
    assert arguments == ["--demo"] and program == welcome.sys.executable


# -- empty lists ---------------------------------------------------------------------------


def placeholder_of(view: Any, table: QAbstractItemView) -> EmptyPlaceholder:
    found = [p for p in table.viewport().findChildren(EmptyPlaceholder)]
    assert len(found) == 1
    return found[0]


def button(placeholder: EmptyPlaceholder, text: str) -> QPushButton:
    return next(b for b in placeholder.buttons if b.text() == text)


def show(window: MainWindow, name: str) -> Any:
    window.workspace.show_page(name)
    return window.workspace.view(name)


def test_the_empty_visits_list_offers_new_and_import(empty_window: MainWindow) -> None:
    view = show(empty_window, "visits")
    hint = placeholder_of(view, view.table)
    assert hint.isVisible() and hint.text == "No visits yet."
    imports = record_action(empty_window, "actionImportVisits")
    button(hint, "Import visits…").click()
    assert imports == [True]
    button(hint, "New visit…").click()
    editors = empty_window.findChildren(VisitEditor)
    assert len(editors) == 1 and editors[0].isVisible()
    assert editors[0].windowTitle() == "New visit"
    editors[0].close()


def test_the_empty_people_list_offers_new_and_import(empty_window: MainWindow) -> None:
    view = show(empty_window, "people")
    hint = placeholder_of(view, view.table)
    assert hint.isVisible() and hint.text == "No people yet."
    imports = record_action(empty_window, "actionImportPeople")
    button(hint, "Import people…").click()
    assert imports == [True]
    button(hint, "New person…").click()
    assert view.editor is not None and view.editor.isVisible()
    view.editor.close()


def test_the_empty_events_list_offers_a_new_event(empty_window: MainWindow) -> None:
    view = show(empty_window, "events")
    hint = placeholder_of(view, view.table)
    assert hint.isVisible() and hint.text.startswith("No events yet")
    participants = placeholder_of(view, view.participant_table)
    assert participants.isVisible() and "Select an event above" in participants.text
    button(hint, "New event…").click()
    editor = view.findChild(EventEditor)
    assert editor is not None and editor.isVisible()
    editor.reject()


def test_the_empty_directory_and_agreements_offer_their_new_commands(
    empty_window: MainWindow,
) -> None:
    directory = show(empty_window, "institutions")
    hint = placeholder_of(directory, directory.institutions.table)
    assert hint.isVisible() and hint.text.startswith("No institutions yet")
    hint.buttons[0].click()
    assert directory.editor is not None and directory.editor.isVisible()
    directory.editor.close()
    agreements = show(empty_window, "agreements")
    for table, text in (
        (agreements.agreements_table, "No agreements yet."),
        (agreements.transfers_table, "No data or material transfers yet."),
    ):
        hint = placeholder_of(agreements, table)
        assert hint.isVisible() and hint.text == text
        hint.buttons[0].click()
        assert agreements.editor is not None and agreements.editor.isVisible()
        agreements.editor.close()


def test_the_empty_paperwork_list_says_nothing_is_outstanding(empty_window: MainWindow) -> None:
    view = show(empty_window, "paperwork")
    hint = placeholder_of(view, view.table)
    assert hint.isVisible() and hint.text == "Nothing outstanding."


def test_lists_with_records_show_no_hint_and_a_filter_hiding_all_rows_does_not_claim_empty(
    window: MainWindow, qtbot: QtBot
) -> None:
    for name in ("visits", "people", "institutions"):  # the sample has these, and no events
        view = show(window, name)
        table = view.institutions.table if name == "institutions" else view.table
        assert table.model().rowCount() > 0
        assert not placeholder_of(view, table).isVisible(), name
    visits = show(window, "visits")
    qtbot.keyClicks(visits.filter_edit, "no such visitor anywhere")
    assert visits.proxy.rowCount() == 0
    assert not placeholder_of(visits, visits.table).isVisible()
    people = show(window, "people")
    qtbot.keyClicks(people.filter_edit, "no such person anywhere")
    assert people.proxy.rowCount() == 0
    assert not placeholder_of(people, people.table).isVisible()


def test_the_hint_follows_the_rows(empty_window: MainWindow, services: Services) -> None:
    from tests.fixtures.sample import make_sample

    view = show(empty_window, "visits")
    hint = placeholder_of(view, view.table)
    assert hint.isVisible()
    make_sample(services)
    view.reload()
    assert not hint.isVisible()
    assert hint.geometry() == view.table.viewport().rect()


def test_screenshots_include_the_welcome_page_only_for_an_empty_database(
    empty_window: MainWindow, services: Services
) -> None:
    assert "welcome" in [name for name, _ in empty_window.screenshot_shots()]
    make_sample(services)
    assert "welcome" not in [name for name, _ in empty_window.screenshot_shots()]

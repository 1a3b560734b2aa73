"""Institutions and projects: the directory lists and their editors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from planner.domain.entities import Program, Project
from planner.services.container import Services
from planner.ui.common.bridge import ChangeBridge
from planner.ui.directory.directory_view import DirectoryView, RecordListPanel
from planner.ui.directory.institution_editor import InstitutionEditor
from planner.ui.directory.project_editor import ProjectEditor
from tests.fixtures.sample import Sample
from tests.ui.people.test_person_editor import focus_chain


@pytest.fixture
def stack() -> QUndoStack:
    """An undo stack of its own for each test."""
    return QUndoStack()


@pytest.fixture
def directory(
    qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack
) -> Iterator[DirectoryView]:
    """A shown directory view over the sample, listening to the change bus."""
    view = DirectoryView(services, stack)
    qtbot.addWidget(view)
    bridge = ChangeBridge(services.bus, view)
    bridge.changed.connect(view.on_change)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    view.reload()
    yield view
    bridge.close()


def column(panel: RecordListPanel, col: int = 0) -> list[str]:
    """Texts of *col* as shown."""
    return [panel.proxy.index(r, col).data() for r in range(panel.proxy.rowCount())]


# Typing opens the completer popup, which the offscreen platform cannot give the keyboard to.
@pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard$", extend=True)
def test_unknown_time_zone_is_shown_inline_and_nothing_is_saved(
    qtbot: QtBot,
    directory: DirectoryView,
    services: Services,
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail("message box"))
    editor = directory.new_institution()
    assert isinstance(editor, InstitutionEditor)
    qtbot.keyClicks(editor.name_edit, "CERN")
    editor.country_combo.set_code("CH")
    qtbot.keyClicks(editor.zone_combo.lineEdit(), "Europe/Geneva")
    editor.save_action.trigger()
    assert editor.isVisible()
    assert editor.error_text("timezone") == (
        "Unknown time zone 'Europe/Geneva' (use an IANA name like Asia/Tokyo)"
    )
    label = editor.forms[0].error_label("timezone")
    assert label is not None and label.isVisible()
    assert label.geometry().top() >= editor.zone_combo.geometry().bottom()
    assert services.institutions.find_by_name("CERN") is None
    assert stack.count() == 0

    editor.zone_combo.set_zone("Europe/Zurich")
    editor.save_action.trigger()
    assert services.institutions.find_by_name("CERN") is not None
    assert stack.undoText() == "Add institution CERN"
    assert "CERN" in column(directory.institutions)
    stack.undo()
    qtbot.waitUntil(lambda: "CERN" not in column(directory.institutions))


def test_unknown_country_is_shown_inline(
    qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    editor = InstitutionEditor(services, stack, sample.argonne.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.country_combo.setEditText("Atlantis")
    editor.save_action.trigger()
    assert "'Atlantis' is not an ISO 3166 country code" in editor.error_text("country")
    assert services.institutions.get(sample.argonne.id or 0).country == "US"


def test_edit_institution_undo_redo(
    qtbot: QtBot, directory: DirectoryView, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    argonne_id = sample.argonne.id or 0
    assert directory.institutions.select(argonne_id)
    editor = directory.edit_selected_institution()
    assert isinstance(editor, InstitutionEditor)
    assert editor.zone_combo.zone() == "America/Chicago"
    assert editor.country_combo.code() == "US"
    editor.city_edit.clear()
    qtbot.keyClicks(editor.city_edit, "Lemont, Illinois")
    editor.save_action.trigger()
    assert services.institutions.get(argonne_id).city == "Lemont, Illinois"
    assert stack.undoText() == "Edit institution Argonne National Laboratory"
    stack.undo()
    assert services.institutions.get(argonne_id).city == "Lemont"
    stack.redo()
    assert services.institutions.get(argonne_id).city == "Lemont, Illinois"
    qtbot.waitUntil(lambda: "Lemont, Illinois" in column(directory.institutions, 5))


def test_institution_editor_asks_before_discarding(
    qtbot: QtBot,
    services: Services,
    sample: Sample,
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = InstitutionEditor(services, stack, sample.riken.id)
    qtbot.addWidget(editor)
    editor.show()
    asked: list[bool] = []

    def ask() -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(editor, "ask_save_changes", ask)
    qtbot.keyClicks(editor.city_edit, "-shi")
    editor.close_action.trigger()
    assert asked == [True] and editor.isVisible()


def test_projects_new_and_edit_with_programme(
    qtbot: QtBot, directory: DirectoryView, services: Services, stack: QUndoStack
) -> None:
    mou = services.programs.create(Program("Argonne–RIKEN Memorandum"))
    editor = directory.new_project()
    assert isinstance(editor, ProjectEditor)
    assert editor.program_combo.findData(mou.id) > 0  # the programme list is current
    editor.save_action.trigger()
    assert editor.error_text("name") == "Name is required"
    qtbot.keyClicks(editor.name_edit, "AuroraGPT")
    editor.program_combo.setCurrentIndex(editor.program_combo.findData(mou.id))
    editor.save_action.trigger()
    assert stack.undoText() == "Add project AuroraGPT"
    assert column(directory.projects) == ["AuroraGPT"]
    assert column(directory.projects, 2) == ["Argonne–RIKEN Memorandum"]

    project = services.projects.list()[0]
    assert project == Project("AuroraGPT", program_id=mou.id, version=1, id=project.id)
    editor = directory.edit_project(project.id or 0)
    assert isinstance(editor, ProjectEditor)
    editor.name_ja_edit.insert("オーロラGPT")
    editor.save_action.trigger()
    assert services.projects.get(project.id or 0).name_ja == "オーロラGPT"
    assert stack.undoText() == "Edit project AuroraGPT"


def test_institution_editor_tab_order_follows_the_form(
    qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    editor = InstitutionEditor(services, stack, sample.riken.id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    expected = [
        editor.name_edit,
        editor.name_ja_edit,
        editor.short_name_edit,
        editor.kind_combo,
        editor.country_combo,
        editor.city_edit,
        editor.address_edit,
        editor.zone_combo,
    ]
    assert focus_chain(editor.name_edit, len(expected)) == expected

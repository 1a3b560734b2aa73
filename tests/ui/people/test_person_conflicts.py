"""The person editor when someone else saved the person first: the conflict dialog (reload or
overwrite on purpose, sensitive values masked) and undo refused over their change."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.common.conflict_dialog import ConflictDialog
from planner.ui.people import person_editor
from planner.ui.people.person_editor import PersonEditor
from tests.fixtures.sample import Sample


def _editor(qtbot: QtBot, services: Services, stack: QUndoStack, person_id: int) -> PersonEditor:
    editor = PersonEditor(services, stack, person_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _answer(monkeypatch: pytest.MonkeyPatch, choice: int) -> list[list[list[str]]]:
    """Make the real conflict dialog answer *choice*; returns the tables it showed."""
    shown: list[list[list[str]]] = []

    def exec_(self: ConflictDialog) -> int:
        table = self.table
        shown.append(
            [
                [table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(table.rowCount())
            ]
        )
        return choice

    monkeypatch.setattr(ConflictDialog, "exec", exec_)
    return shown


def test_reload_shows_theirs_and_overwrite_stores_mine_on_purpose(
    qtbot: QtBot, services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    person_id = sample.tanaka.id or 0
    editor = _editor(qtbot, services, QUndoStack(), person_id)
    # Another coordinator changes the phone and the passport number first.
    theirs = services.people.get(person_id)
    with QSignalBlocker(editor.change_bridge):  # their notice has not arrived yet
        services.people.update(
            dataclasses.replace(theirs, phone="+81484621111", passport_number="NEW1")
        )
    editor.email_edit.setText("mine@example.jp")

    shown = _answer(monkeypatch, 0)  # cancel: nothing stored, the edits stay
    assert editor.save() is False and editor.isVisible()
    assert services.people.get(person_id).email == sample.tanaka.email
    assert editor.email_edit.text() == "mine@example.jp"
    rows = {row[0]: row[1:] for row in shown[-1]}
    assert rows["Phone"] == ["—", "+81484621111", "—"]
    # The passport number is masked (not revealed here): its values never reach the dialog.
    assert all("NEW1" not in cell and "TK0000001" not in cell for row in shown[-1] for cell in row)

    _answer(monkeypatch, ConflictDialog.RELOAD)
    assert editor.save() is False and editor.isVisible()
    assert editor.phone_edit.text() == "+81 48-462-1111"  # shown internationally
    assert editor.email_edit.text() == sample.tanaka.email  # my unsaved edit discarded
    assert not editor.is_dirty()

    # They change it again; this time the coordinator overwrites deliberately.
    now = services.people.get(person_id)
    with QSignalBlocker(editor.change_bridge):  # their notice has not arrived yet
        services.people.update(
            dataclasses.replace(now, phone="+81484622222", passport_number="NEW2")
        )
    editor.email_edit.setText("mine@example.jp")
    editor.phone_edit.setText("+81 3-1234-5678")
    _answer(monkeypatch, ConflictDialog.OVERWRITE)
    with qtbot.waitSignal(editor.saved):
        assert editor.save() is True
    stored = services.people.get(person_id)
    assert (stored.email, stored.phone) == ("mine@example.jp", "+81312345678")
    # A masked value the coordinator never saw is not silently put back: theirs stays.
    assert stored.passport_number == "NEW2"


def test_undo_is_refused_after_someone_else_changed_the_person(
    qtbot: QtBot, services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(person_editor, "show_undo_error", errors.append)
    person_id = sample.tanaka.id or 0
    stack = QUndoStack()
    editor = _editor(qtbot, services, stack, person_id)
    editor.phone_edit.setText("+81 3-1234-5678")
    with qtbot.waitSignal(editor.saved):
        editor.save_action.trigger()
    mine = services.people.get(person_id)
    services.people.update(dataclasses.replace(mine, email="theirs@example.jp"))

    stack.undo()
    assert errors and "Cannot undo" in errors[0] and "changed by someone else" in errors[0]
    stored = services.people.get(person_id)
    assert (stored.phone, stored.email) == ("+81312345678", "theirs@example.jp")  # nothing undone
    assert stack.count() == 0  # the refused step is dropped, not left half-applied


def test_undo_and_redo_work_when_nobody_else_wrote(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    person_id = sample.tanaka.id or 0
    stack = QUndoStack()
    editor = _editor(qtbot, services, stack, person_id)
    editor.phone_edit.setText("+81 3-1234-5678")
    with qtbot.waitSignal(editor.saved):
        editor.save_action.trigger()
    stack.undo()
    assert services.people.get(person_id).phone == sample.tanaka.phone
    stack.redo()
    assert services.people.get(person_id).phone == "+81312345678"

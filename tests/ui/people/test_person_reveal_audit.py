"""Revealing a person's sensitive fields in the editor is audited, and fails closed."""

from __future__ import annotations

import json
import os
import pwd

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from planner.db.errors import StorageError
from planner.db.models import AuditRow
from planner.domain.enums import AuditAction
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.container import Services
from planner.ui.people.person_editor import PersonEditor
from tests.fixtures.sample import Sample


def reveals(services: Services) -> list[tuple[str, str, int, list[str], str]]:
    """(actor, entity, id, fields, raw changes) of every REVEAL entry, oldest first."""
    with services.db.read() as session:
        return [
            (r.actor, r.entity, r.entity_id, json.loads(r.changes)["fields"], r.changes)
            for r in session.scalars(
                select(AuditRow).where(AuditRow.action == AuditAction.REVEAL).order_by(AuditRow.id)
            )
        ]


def open_editor(qtbot: QtBot, services: Services, person_id: int | None) -> PersonEditor:
    """A shown editor for *person_id* with an undo stack of its own."""
    editor = PersonEditor(services, QUndoStack(), person_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_each_reveal_click_writes_one_entry_with_names_not_values(
    qtbot: QtBot, services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("USER", "mallory")
    monkeypatch.setenv("LOGNAME", "mallory")
    editor = open_editor(qtbot, services, sample.tanaka.id)
    assert reveals(services) == []  # opening the dialog shows nothing, records nothing

    qtbot.mouseClick(editor.reveal_button, Qt.MouseButton.LeftButton)
    assert editor.revealed and editor.passport_edit.text() == "TK0000001"
    [(actor, entity, entity_id, fields, raw)] = reveals(services)
    assert actor == pwd.getpwuid(os.geteuid()).pw_name != "mallory"
    assert (entity, entity_id) == ("person", sample.tanaka.id)
    assert fields == ["date_of_birth", "passport_expiry", "passport_number"]
    assert "TK0000001" not in raw and "1980" not in raw

    qtbot.mouseClick(editor.reveal_button, Qt.MouseButton.LeftButton)  # hiding: no entry
    assert not editor.revealed and len(reveals(services)) == 1
    qtbot.mouseClick(editor.reveal_button, Qt.MouseButton.LeftButton)  # again: a second one
    assert editor.revealed and len(reveals(services)) == 2


def test_revealing_a_new_persons_fields_records_nothing(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    editor = open_editor(qtbot, services, None)
    editor.set_revealed(True)
    assert editor.revealed and reveals(services) == []


def test_reveal_stays_masked_when_the_entry_cannot_be_written(
    qtbot: QtBot, services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []

    def warn(parent: QWidget, title: str, text: str, *args: object) -> None:
        warnings.append(text)

    def full_disk(*args: object) -> None:
        raise StorageError(QT_TRANSLATE_NOOP("Validation", "The disk is full"))

    monkeypatch.setattr(QMessageBox, "warning", warn)
    monkeypatch.setattr(services.people, "record_reveal", full_disk)
    editor = open_editor(qtbot, services, sample.tanaka.id)
    qtbot.mouseClick(editor.reveal_button, Qt.MouseButton.LeftButton)
    assert warnings == ["The disk is full"]
    assert not editor.revealed and not editor.reveal_button.isChecked()
    assert editor.passport_edit.text() == "" and editor.passport_edit.isHidden()

"""Every record editor meets someone else's save: reload shows theirs, overwrite stores mine on
purpose, cancel stores nothing (the conflict dialog itself answers, its exec replaced)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.agreements.agreement_editor import AgreementEditor
from planner.ui.agreements.transfer_editor import TransferEditor
from planner.ui.common.conflict_dialog import ConflictDialog
from planner.ui.directory.institution_editor import InstitutionEditor
from planner.ui.directory.project_editor import ProjectEditor
from planner.ui.events.event_editor import EventEditor
from tests.fixtures.sample import Sample
from tests.services.test_optimistic_locking import _records

#: kind -> (editor, service, widget I edit, field it shows, field they change)
CASES: dict[str, tuple[Any, str, str, str, str]] = {
    "institution": (InstitutionEditor, "institutions", "name_ja_edit", "name_ja", "city"),
    "project": (ProjectEditor, "projects", "name_ja_edit", "name_ja", "description"),
    "agreement": (AgreementEditor, "agreements", "reference_edit", "reference", "notes"),
    "transfer": (TransferEditor, "transfers", "export_edit", "export_control_classification",
                 "notes"),
    "event": (EventEditor, "events", "title_ja", "title_ja", "venue"),
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(CASES))
def test_editor_reloads_or_overwrites_on_purpose(
    kind: str, qtbot: QtBot, services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor_type, attr, widget_name, mine_field, their_field = CASES[kind]
    service = getattr(services, attr)
    record_id = _records(services, sample)[kind]
    editor = editor_type(services, QUndoStack(), record_id)
    qtbot.addWidget(editor)
    widget = getattr(editor, widget_name)
    answers: list[int] = []
    monkeypatch.setattr(ConflictDialog, "exec", lambda self: answers.pop(0))

    def they_change(value: str) -> None:
        # Saved elsewhere, the notice not yet arrived (else the editor takes it in live).
        with QSignalBlocker(editor.change_bridge):
            service.update(dataclasses.replace(service.get(record_id), **{their_field: value}))

    they_change("theirs 1")
    widget.setText("mine")
    answers.append(0)  # cancel
    assert editor.save() is False
    assert getattr(service.get(record_id), mine_field) != "mine"
    answers.append(ConflictDialog.RELOAD)
    assert editor.save() is False
    assert widget.text() != "mine" and not editor.is_dirty()
    assert getattr(editor.collect(), their_field) == "theirs 1"

    they_change("theirs 2")
    widget.setText("mine")
    answers.append(ConflictDialog.OVERWRITE)
    with qtbot.waitSignal(editor.saved):
        assert editor.save() is True
    stored = service.get(record_id)
    # Mine, every field as my editor showed it (theirs 1, which I had reloaded).
    assert (getattr(stored, mine_field), getattr(stored, their_field)) == ("mine", "theirs 1")
    assert answers == []

"""The visit editor registry: one editor per visit, forgotten once closed."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.services.backups import DATABASE_REPLACED
from planner.services.container import Services
from planner.ui.visits.editors import VisitEditors
from tests.fixtures.sample import Sample


@pytest.fixture
def editors(qtbot: QtBot, services: Services, sample: Sample) -> VisitEditors:
    window = QWidget()
    qtbot.addWidget(window)
    return VisitEditors(services, QUndoStack(window), window)


def test_the_same_visit_gets_the_same_editor(editors: VisitEditors, sample: Sample) -> None:
    assert sample.visit_in.id is not None and sample.visit_out.id is not None
    first = editors.open(sample.visit_in.id)
    assert editors.open(sample.visit_in.id) is first
    other = editors.open(sample.visit_out.id)
    assert other is not first
    assert sorted(editors.visit_ids()) == sorted([sample.visit_in.id, sample.visit_out.id])
    assert editors.close_all()


def test_a_closed_editor_is_forgotten(qtbot: QtBot, editors: VisitEditors, sample: Sample) -> None:
    assert sample.visit_in.id is not None
    first = editors.open(sample.visit_in.id)
    first.close()  # deletes itself (later, from the event loop)
    qtbot.waitUntil(lambda: editors.editor(sample.visit_in.id) is None)
    assert editors.visit_ids() == []
    again = editors.open(sample.visit_in.id)
    assert editors.editor(sample.visit_in.id) is again
    again.close()


def test_a_new_visit_editor_becomes_that_visits_editor_once_saved(
    qtbot: QtBot, editors: VisitEditors, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    editor = editors.new()
    assert editors.visit_ids() == []
    with qtbot.waitSignal(editors.new_visit_saved) as blocker:
        editor.visit_saved.emit(sample.visit_in.id)  # as a save does
    assert blocker.args == [sample.visit_in.id]
    assert editors.open(sample.visit_in.id) is editor
    editor.close()


def test_open_editors_hear_of_changes(
    editors: VisitEditors, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sample.visit_in.id is not None
    editor = editors.open(sample.visit_in.id)
    heard: list[object] = []
    monkeypatch.setattr(editor, "on_change", heard.append)
    editors.on_change(DATABASE_REPLACED)
    assert heard == [DATABASE_REPLACED]
    editor.close()

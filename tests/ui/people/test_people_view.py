"""The people directory: listing, filtering (kanji too), new/edit through the editor, delete."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from planner.domain.entities import Event, Participant, Person
from planner.domain.enums import AuditAction, EventKind, ParticipantRole, PersonCategory
from planner.services.changes import Change
from planner.services.container import Services
from planner.ui.common.bridge import ChangeBridge
from planner.ui.people.people_model import PersonColumn
from planner.ui.people.people_view import PeopleView
from planner.ui.people.person_editor import PersonEditor
from tests.fixtures.sample import Sample


@pytest.fixture
def stack() -> QUndoStack:
    """An undo stack of its own for each test."""
    return QUndoStack()


@pytest.fixture
def view(
    qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack
) -> Iterator[PeopleView]:
    """A shown people view over the sample, listening to the change bus."""
    people = PeopleView(services, stack)
    qtbot.addWidget(people)
    bridge = ChangeBridge(services.bus, people)
    bridge.changed.connect(people.on_change)
    people.resize(1000, 500)
    people.show()
    qtbot.waitExposed(people)
    people.reload()
    yield people
    bridge.close()


def names(view: PeopleView, column: PersonColumn = PersonColumn.LATIN_NAME) -> list[str]:
    """The texts of *column*, top to bottom, as shown."""
    return [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]


def test_lists_people_with_both_scripts_sorted_by_family_name(view: PeopleView) -> None:
    assert names(view) == ["Dana Miller", "Hiroshi Tanaka"]
    assert names(view, PersonColumn.NATIVE_NAME) == ["", "田中 博"]
    assert names(view, PersonColumn.CATEGORY) == ["Staff", "Researcher"]
    assert names(view, PersonColumn.HOME) == ["Argonne", "RIKEN Wako"]
    assert names(view, PersonColumn.NATIONALITY) == ["United States (US)", "Japan (JP)"]
    headers = [
        view.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(len(PersonColumn))
    ]
    assert headers == ["Name", "Native name", "Category", "Home institution", "E-mail",
                       "Nationality"]  # fmt: skip


def test_filter_matches_kanji_and_any_column(qtbot: QtBot, view: PeopleView) -> None:
    view.filter_edit.setText("田中")
    assert names(view) == ["Hiroshi Tanaka"]
    view.filter_edit.setText("argonne")
    assert names(view) == ["Dana Miller"]
    view.filter_edit.setText("JAPAN")
    assert names(view) == ["Hiroshi Tanaka"]
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "example.org")
    assert names(view) == ["Dana Miller"]
    view.filter_edit.setText("nobody here")
    assert names(view) == []
    assert (view.shown_count, view.total_count) == (0, 2)


def test_focus_filter_selects_the_filter_text(qtbot: QtBot, view: PeopleView) -> None:
    view.filter_edit.setText("tanaka")
    view.focus_filter()
    qtbot.waitUntil(view.filter_edit.hasFocus)
    assert view.filter_edit.selectedText() == "tanaka"


def test_person_created_in_the_editor_appears_in_the_list(
    qtbot: QtBot, view: PeopleView, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    editor = view.new_person()
    assert isinstance(editor, PersonEditor) and editor.isVisible()
    qtbot.keyClicks(editor.family_edit, "Okafor")
    qtbot.keyClicks(editor.given_edit, "Samuel")
    qtbot.keyClicks(editor.email_edit, "s.okafor@example.org")
    editor.institution_combo.setCurrentIndex(editor.institution_combo.findData(sample.argonne.id))
    editor.save_action.trigger()
    assert names(view) == ["Dana Miller", "Samuel Okafor", "Hiroshi Tanaka"]
    assert view.current_person_id() == editor.person_id  # the new person is selected

    stack.undo()
    qtbot.waitUntil(lambda: names(view) == ["Dana Miller", "Hiroshi Tanaka"])
    stack.redo()
    qtbot.waitUntil(lambda: "Samuel Okafor" in names(view))


def test_enter_opens_the_editor_and_emits_person_activated(
    qtbot: QtBot, view: PeopleView, sample: Sample
) -> None:
    assert view.select_person(sample.tanaka.id or 0)
    view.table.setFocus()
    with qtbot.waitSignal(view.person_activated) as activated:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert activated.args == [sample.tanaka.id]
    assert view.editor is not None and view.editor.person_id == sample.tanaka.id
    view.editor.reject()


def test_edit_selected_opens_the_current_person(view: PeopleView, sample: Sample) -> None:
    assert not view.edit_action.isEnabled()
    assert view.edit_selected() is None
    view.select_person(sample.miller.id or 0)
    assert view.edit_action.isEnabled() and view.delete_action.isEnabled()
    editor = view.edit_selected()
    assert editor is not None and editor.family_edit.text() == "Miller"
    editor.reject()


def test_changes_elsewhere_reload_once(
    qtbot: QtBot, view: PeopleView, services: Services, sample: Sample
) -> None:
    loads: list[int] = []
    view.proxy.modelReset.connect(lambda: loads.append(1))
    for given in ("Ann", "Ben", "Cy"):
        services.people.create(Person("Lee", given, PersonCategory.STUDENT, sample.argonne.id or 0))
    qtbot.waitUntil(lambda: view.total_count == 5)
    assert loads == []  # three people inserted as rows: no reload at all
    view.on_change(Change("visit", (1,), AuditAction.UPDATE))  # not shown here: no reload
    qtbot.wait(0)
    assert loads == []
    view.on_change(Change("person", (), AuditAction.IMPORT))  # a bulk change: one reload
    view.on_change(Change("institution", (1,), AuditAction.UPDATE))
    qtbot.waitUntil(lambda: len(loads) == 1)
    qtbot.wait(0)
    assert len(loads) == 1


def test_delete_asks_then_removes_and_undo_restores(
    qtbot: QtBot,
    view: PeopleView,
    services: Services,
    sample: Sample,
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lee = services.people.create(
        Person("Lee", "Ann", PersonCategory.STUDENT, sample.argonne.id or 0, email="a@example.org")
    )
    qtbot.waitUntil(lambda: view.total_count == 3)
    asked: list[str] = []

    def decline(name: str) -> bool:
        asked.append(name)
        return False

    monkeypatch.setattr(view, "confirm_delete", decline)
    view.select_person(lee.id or 0)
    assert not view.delete_selected()  # declined
    assert asked == ["Ann Lee"] and view.total_count == 3

    monkeypatch.setattr(view, "confirm_delete", lambda name: True)
    assert view.delete_selected()
    qtbot.waitUntil(lambda: view.total_count == 2)
    assert stack.undoText() == "Delete person Ann Lee"
    stack.undo()
    qtbot.waitUntil(lambda: "Ann Lee" in names(view))
    assert [p.email for p in services.people.summaries() if p.latin_name == "Ann Lee"] == [
        "a@example.org"
    ]
    stack.redo()
    qtbot.waitUntil(lambda: "Ann Lee" not in names(view))


def test_deleting_a_visitor_says_why_it_cannot(
    view: PeopleView, services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(view, "confirm_delete", lambda name: asked.append(name) or True)
    monkeypatch.setattr(view, "show_message", messages.append)
    view.select_person(sample.tanaka.id or 0)
    assert not view.delete_selected()
    assert asked == []  # refused up front, not after a "Delete?"
    assert len(messages) == 1
    assert messages[0].startswith("Hiroshi Tanaka cannot be deleted")
    assert "V-2027-0001" in messages[0] and "V-2027-0002" not in messages[0]
    assert services.people.get(sample.tanaka.id or 0).family_name == "Tanaka"


def test_undoing_a_delete_restores_event_participation(
    qtbot: QtBot,
    view: PeopleView,
    services: Services,
    sample: Sample,
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start = datetime(2027, 3, 10, 6, 0, tzinfo=UTC)
    seminar = services.events.create(
        Event(EventKind.SEMINAR, "HPC seminar", sample.riken.id or 0, start, "Asia/Tokyo",
              start + timedelta(hours=2), "Asia/Tokyo")
    )  # fmt: skip
    lee = services.people.create(
        Person("Lee", "Ann", PersonCategory.STUDENT, sample.argonne.id or 0)
    )
    services.events.set_participant(seminar.id or 0, lee.id or 0, ParticipantRole.SPEAKER)
    qtbot.waitUntil(lambda: view.total_count == 3)
    monkeypatch.setattr(view, "confirm_delete", lambda name: True)
    view.select_person(lee.id or 0)
    assert view.delete_selected()
    assert services.events.participants(seminar.id or 0) == []
    stack.undo()
    restored = [p for p in services.people.summaries() if p.latin_name == "Ann Lee"]
    assert len(restored) == 1
    assert services.events.participants(seminar.id or 0) == [
        Participant(seminar.id or 0, restored[0].id, ParticipantRole.SPEAKER, version=1)
    ]


def test_column_layout_is_remembered(
    qtbot: QtBot, view: PeopleView, services: Services, stack: QUndoStack, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "people.ini"), QSettings.Format.IniFormat)
    header = view.table.horizontalHeader()
    header.resizeSection(PersonColumn.EMAIL, 277)
    view.table.sortByColumn(PersonColumn.HOME, Qt.SortOrder.DescendingOrder)
    view.save_state(settings)

    again = PeopleView(services, stack)
    qtbot.addWidget(again)
    again.restore_state(settings)
    again.reload()
    restored = again.table.horizontalHeader()
    assert restored.sectionSize(PersonColumn.EMAIL) == 277
    assert restored.sortIndicatorSection() == PersonColumn.HOME
    assert names(again, PersonColumn.HOME) == ["RIKEN Wako", "Argonne"]

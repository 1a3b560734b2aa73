"""Live, complete editors: they follow changes made elsewhere field by field, have the usual
shortcuts, show ``*`` while unsaved; Cancel Visit opens no editor."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.domain.enums import VisitStatus
from planner.domain.errors import ConflictError
from planner.services.changes import initiated_by
from planner.services.container import Services
from planner.ui.common.form_widgets import RecordEditorDialog
from planner.ui.people.person_editor import PersonEditor
from planner.ui.shell.main_window import MainWindow
from planner.ui.visits.visit_editor import VisitEditor
from tests.fixtures.sample import Sample
from tests.services.test_optimistic_locking import _records
from tests.ui.test_record_conflicts import CASES


def _open(qtbot: QtBot, window: MainWindow, sample: Sample) -> VisitEditor:
    assert sample.visit_in.id is not None
    editor = window.open_visit(sample.visit_in.id)
    qtbot.addWidget(editor)
    qtbot.waitExposed(editor)
    return editor


def _no_conflicts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A conflict dialog would mean the editor did not take the change in: fail instead."""

    def fail(*_args: object) -> int:
        raise AssertionError("conflict dialog shown")

    monkeypatch.setattr(RecordEditorDialog, "ask_conflict", fail)
    monkeypatch.setattr(VisitEditor, "ask_conflict", fail)


def _moves(editor: VisitEditor) -> list[str]:
    return [a.objectName() for a in editor.status_menu.actions()]


def test_status_and_allowed_moves_follow_undo_in_the_main_window(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    _no_conflicts(monkeypatch)
    editor = _open(qtbot, window, sample)
    assert editor.change_status(VisitStatus.PROPOSED)
    assert editor.change_status(VisitStatus.APPROVED)
    assert _moves(editor) == ["status_proposed", "status_confirmed", "status_cancelled"]
    window.main_actions.undo.trigger()  # back to proposed, from the main window
    assert "Proposed" in editor.status_label.text()
    assert _moves(editor) == ["status_draft", "status_approved", "status_cancelled"]
    # The version followed too: a later save does not conflict over the undo.
    editor.visitor_notes.setPlainText("After the undo")
    assert editor.save()
    stored = services.visits.get(sample.visit_in.id or 0)
    assert (stored.status, stored.visitor_notes) == (VisitStatus.PROPOSED, "After the undo")
    # A move the life cycle now refuses is no longer offered, and one it allows works.
    assert editor.change_status(VisitStatus.APPROVED)


def test_a_field_being_edited_keeps_its_text_while_another_follows(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    _no_conflicts(monkeypatch)
    editor = _open(qtbot, window, sample)
    editor.internal_notes.setFocus()
    qtbot.keyClicks(editor.internal_notes, "Mine")
    visit_id = sample.visit_in.id or 0
    theirs = services.visits.get(visit_id)
    with initiated_by(object()):  # another window
        services.visits.update(
            dataclasses.replace(theirs, visitor_notes="Theirs", internal_notes="Other")
        )
    assert editor.visitor_notes.toPlainText() == "Theirs"  # untouched: follows
    assert editor.internal_notes.toPlainText() == "Mine"  # being edited: kept
    assert editor.note_text("internal_notes") == (
        "Changed elsewhere to “Other”. Saving keeps your entry."
    )
    assert editor.note_text("visitor_notes") == ""
    assert editor.isWindowModified()
    assert editor.save()
    stored = services.visits.get(visit_id)
    assert (stored.visitor_notes, stored.internal_notes) == ("Theirs", "Mine")
    assert editor.note_text("internal_notes") == ""  # saved: no longer at odds
    assert not editor.isWindowModified()


def test_an_untouched_editor_follows_every_field_without_notes(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    editor = _open(qtbot, window, sample)
    visit_id = sample.visit_in.id or 0
    services.visits.update(
        dataclasses.replace(services.visits.get(visit_id), internal_notes="New", paid=True)
    )
    assert editor.internal_notes.toPlainText() == "New" and editor.paid.isChecked()
    assert editor.note_text("internal_notes") == ""
    assert not editor.is_dirty() and not editor.isWindowModified()


def test_an_edit_back_to_the_new_value_needs_no_note(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    editor = _open(qtbot, window, sample)
    editor.internal_notes.setPlainText("Same")
    visit_id = sample.visit_in.id or 0
    services.visits.update(
        dataclasses.replace(services.visits.get(visit_id), internal_notes="Same")
    )
    assert editor.note_text("internal_notes") == ""
    assert not editor.is_dirty()


@pytest.mark.parametrize("kind", sorted(CASES))
def test_every_record_editor_follows_field_by_field(
    kind: str, qtbot: QtBot, services: Services, sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    _no_conflicts(monkeypatch)
    editor_type, attr, widget_name, mine_field, their_field = CASES[kind]
    service = getattr(services, attr)
    record_id = _records(services, sample)[kind]
    editor = editor_type(services, QUndoStack(), record_id)
    qtbot.addWidget(editor)
    widget = getattr(editor, widget_name)
    widget.setText("mine")
    service.update(
        dataclasses.replace(
            service.get(record_id), **{their_field: "theirs", mine_field: "underneath"}
        )
    )
    assert widget.text() == "mine"
    assert getattr(editor.collect(), their_field) == "theirs"
    assert "“underneath”" in editor.note_text(mine_field)
    assert editor.save()  # the version followed: no conflict
    stored = service.get(record_id)
    assert (getattr(stored, mine_field), getattr(stored, their_field)) == ("mine", "theirs")


def test_an_editor_ignores_its_own_change_and_closes_when_its_record_goes(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    person_id = sample.miller.id or 0
    editor = PersonEditor(services, QUndoStack(), person_id)
    qtbot.addWidget(editor)
    editor.show()
    calls: list[object] = []
    editor.take_record = lambda current, *, show: calls.append(current)  # type: ignore[method-assign]
    with initiated_by(editor):
        services.people.update(
            dataclasses.replace(services.people.get(person_id), phone="+81484621111")
        )
    assert calls == []
    del editor.take_record
    services.visits.delete(sample.visit_out.id or 0)
    with qtbot.waitSignal(editor.finished):
        services.people.delete(person_id)


def test_a_dirty_editor_whose_record_goes_stays_open_and_says_so(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    person_id = sample.miller.id or 0
    editor = PersonEditor(services, QUndoStack(), person_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.phone_edit.setText("typed")
    services.visits.delete(sample.visit_out.id or 0)
    services.people.delete(person_id)
    assert editor.isVisible()
    assert "deleted elsewhere" in editor.banner.text()


# -- shortcuts and the title ----------------------------------------------------------------


def _key(qtbot: QtBot, editor: QWidget, key: Qt.Key, modifiers: Any) -> None:
    target = QApplication.focusWidget() or editor
    qtbot.keyClick(target, key, modifiers)


def test_shortcuts_act_on_the_undo_stack_in_an_editor_window(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    _no_conflicts(monkeypatch)
    exported: list[int | None] = []
    window.editors.export = lambda parent, visit_id: exported.append(visit_id)
    editor = _open(qtbot, window, sample)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    visit_id = sample.visit_in.id or 0
    editor.visitor_notes.setPlainText("Saved with Ctrl+S")
    editor.tabs.tabBar().setFocus()  # not in a text field: Ctrl+Z there undoes typing
    ctrl = Qt.KeyboardModifier.ControlModifier
    _key(qtbot, editor, Qt.Key.Key_S, ctrl)
    assert services.visits.get(visit_id).visitor_notes == "Saved with Ctrl+S"
    _key(qtbot, editor, Qt.Key.Key_Z, ctrl)  # undoes the editor's last save
    assert services.visits.get(visit_id).visitor_notes == ""
    assert editor.visitor_notes.toPlainText() == ""  # and the editor shows it
    _key(qtbot, editor, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert services.visits.get(visit_id).visitor_notes == "Saved with Ctrl+S"
    _key(qtbot, editor, Qt.Key.Key_Z, ctrl)
    _key(qtbot, editor, Qt.Key.Key_Y, ctrl)
    assert editor.visitor_notes.toPlainText() == "Saved with Ctrl+S"
    _key(qtbot, editor, Qt.Key.Key_E, ctrl)
    assert exported == [visit_id]
    # Ctrl+W and Esc ask when something is unsaved; Cancel keeps the window open.
    asked: list[str] = []
    monkeypatch.setattr(
        RecordEditorDialog, "ask_save_changes",
        lambda self: asked.append(self.windowTitle()) or QMessageBox.StandardButton.Cancel,
    )  # fmt: skip
    editor.internal_notes.setPlainText("Unsaved")
    editor.tabs.tabBar().setFocus()
    _key(qtbot, editor, Qt.Key.Key_W, ctrl)
    _key(qtbot, editor, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert asked == ["Visit V-2027-0001", "Visit V-2027-0001"] and editor.isVisible()


def test_unsaved_editors_show_a_star_in_the_title(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    editor = PersonEditor(services, QUndoStack(), sample.tanaka.id or 0)
    qtbot.addWidget(editor)
    editor.show()
    assert "[*]" in QWidget.windowTitle(editor)  # where Qt puts the star
    assert editor.windowTitle() == "Edit person — Hiroshi Tanaka"  # messages: no placeholder
    assert not editor.isWindowModified()
    original = editor.phone_edit.text()
    qtbot.keyClicks(editor.phone_edit, "9")
    assert editor.isWindowModified()
    editor.phone_edit.setText(original)  # typed back: nothing to save
    assert not editor.isWindowModified()
    editor.category_combo.setCurrentIndex((editor.category_combo.currentIndex() + 1) % 3)
    assert editor.isWindowModified()


def test_a_visit_editor_loses_its_star_when_saved(
    qtbot: QtBot, window: MainWindow, sample: Sample
) -> None:
    editor = _open(qtbot, window, sample)
    editor.paid.setChecked(not editor.paid.isChecked())
    assert editor.isWindowModified()
    assert editor.save()
    assert not editor.isWindowModified()


# -- deleting from an editor -----------------------------------------------------------------


def test_an_itinerary_item_deleted_with_the_delete_key_comes_back_with_ctrl_z(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    from datetime import UTC, datetime

    from planner.domain.entities import ItineraryItem
    from planner.domain.enums import ItineraryKind
    from planner.ui.itinerary.itinerary_editor import ItineraryEditor

    visit_id = sample.visit_in.id or 0
    item = services.itinerary.create(
        ItineraryItem(
            visit_id, ItineraryKind.MEETING, "Kick-off", datetime(2027, 3, 9, 0, tzinfo=UTC),
            "Asia/Tokyo", datetime(2027, 3, 9, 1, tzinfo=UTC), "Asia/Tokyo",
        )
    )  # fmt: skip
    editor = _open(qtbot, window, sample)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.tabs.setCurrentIndex(1)
    tab = editor.tab_content(1)
    assert isinstance(tab, ItineraryEditor)
    qtbot.waitUntil(lambda: tab.tree.model().rowCount() > 0)
    tab.tree.setFocus()
    assert tab.select_item(item.id or 0)
    _key(qtbot, editor, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    # The button's shortcut clicks it (animated): wait for the removal.
    qtbot.waitUntil(lambda: services.itinerary.for_visit(visit_id) == [])
    _key(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [i.title for i in services.itinerary.for_visit(visit_id)] == ["Kick-off"]


def test_cancel_visit_opens_no_editor(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from planner.ui.visits.commands import VisitCommands

    visit_id = sample.visit_in.id or 0
    window.visits_view.select_visit(visit_id)
    monkeypatch.setattr(VisitCommands, "ask_cancel_reason", lambda self, code: "Visa refused")
    assert window.visit_commands.cancel()
    assert services.visits.get(visit_id).status is VisitStatus.CANCELLED
    assert window.editors.visit_ids() == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, VisitEditor)]


def test_cancel_visit_updates_an_editor_already_open(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from planner.ui.visits.commands import VisitCommands

    editor = _open(qtbot, window, sample)
    window.visits_view.select_visit(sample.visit_in.id or 0)
    monkeypatch.setattr(VisitCommands, "ask_cancel_reason", lambda self, code: "")
    assert window.visit_commands.cancel()
    assert "Cancelled" in editor.status_label.text() and _moves(editor) == ["status_draft"]


def test_conflict_error_is_still_reported_when_the_notice_is_late(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    """Sanity: the follow-up does not hide real conflicts (a change not yet delivered)."""
    from PySide6.QtCore import QSignalBlocker

    editor = _open(qtbot, window, sample)
    visit_id = sample.visit_in.id or 0
    with QSignalBlocker(window.change_bridge):
        services.visits.update(
            dataclasses.replace(services.visits.get(visit_id), internal_notes="x")
        )
    with pytest.raises(ConflictError):
        services.visits.update(editor.collect())


def test_an_import_bulk_notice_is_taken_in_and_other_records_changes_are_not(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    from PySide6.QtCore import QSignalBlocker

    from planner.domain.enums import AuditAction, RecordKind
    from planner.services.changes import Change

    person_id = sample.tanaka.id or 0
    editor = PersonEditor(services, QUndoStack(), person_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.phone_edit.setText("+81 3-1234-5678")
    taken: list[object] = []
    original = editor.take_record

    def spy(current: object, *, show: bool) -> None:
        taken.append(current)
        original(current, show=show)

    editor.take_record = spy  # type: ignore[method-assign]
    # Someone else's person changes: not this editor's business.
    services.people.update(
        dataclasses.replace(services.people.get(sample.miller.id or 0), phone="+16302522000")
    )
    assert taken == []
    # An import rewrote people; its notice names no ids.
    with QSignalBlocker(editor.change_bridge):
        services.people.update(
            dataclasses.replace(
                services.people.get(person_id), email="new@example.jp", phone="+81484622222"
            )
        )
    services.bus.publish(Change(RecordKind.PERSON, (), AuditAction.IMPORT))
    assert taken and editor.email_edit.text() == "new@example.jp"
    assert editor.phone_edit.text() == "+81 3-1234-5678" and "462" in editor.note_text("phone")
    editor.take_record = original  # type: ignore[method-assign]
    assert editor.save()
    assert services.people.get(person_id).phone == "+81312345678"

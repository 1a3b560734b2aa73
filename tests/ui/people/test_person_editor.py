"""The person editor: saving through the undo stack, inline errors, masking, unsaved changes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.common.form_widgets import MASK_TEXT
from planner.ui.people.person_editor import PersonEditor
from tests.fixtures.sample import Sample

Answer = QMessageBox.StandardButton


@pytest.fixture
def stack() -> QUndoStack:
    """An undo stack of its own for each test."""
    return QUndoStack()


def open_editor(
    qtbot: QtBot, services: Services, stack: QUndoStack, person_id: int | None
) -> PersonEditor:
    """A shown editor for *person_id* (None: a new person)."""
    editor = PersonEditor(services, stack, person_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def texts_in(widget: QWidget) -> list[str]:
    """Every text a line edit or spin box (date edits included) of *widget* displays."""
    texts = [edit.text() for edit in widget.findChildren(QLineEdit)]
    texts += [box.text() for box in widget.findChildren(QAbstractSpinBox)]
    return texts


def test_edit_then_undo_then_redo_changes_the_stored_person(
    qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    tanaka_id = sample.tanaka.id
    assert tanaka_id is not None
    editor = open_editor(qtbot, services, stack, tanaka_id)
    assert editor.windowTitle() == "Edit person — Hiroshi Tanaka"
    editor.phone_edit.clear()
    qtbot.keyClicks(editor.phone_edit, "+81 48 462 1111")
    editor.email_edit.clear()
    qtbot.keyClicks(editor.email_edit, "hiroshi.tanaka@example.jp")
    with qtbot.waitSignal(editor.saved):
        editor.save_action.trigger()
    assert editor.result() == editor.DialogCode.Accepted

    stored = services.people.get(tanaka_id)
    assert (stored.phone, stored.email) == ("+81484621111", "hiroshi.tanaka@example.jp")
    # Masked sensitive fields were kept as they were, not blanked.
    assert stored.passport_number == "TK0000001"
    assert stored.date_of_birth == date(1980, 5, 17)
    assert stack.undoText() == "Edit person Hiroshi Tanaka"

    stack.undo()
    undone = services.people.get(tanaka_id)
    assert (undone.phone, undone.email) == ("", "h.tanaka@example.jp")
    stack.redo()
    assert services.people.get(tanaka_id).email == "hiroshi.tanaka@example.jp"


def test_new_person_is_created_with_both_scripts_and_undo_removes_it(
    qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    editor = open_editor(qtbot, services, stack, None)
    assert editor.windowTitle() == "New person"
    qtbot.keyClicks(editor.family_edit, "Saeki")
    qtbot.keyClicks(editor.given_edit, "Haruka")
    # QTest cannot synthesise key events for kanji (an IME composes them): insert as one would
    # by committing a composition.
    editor.family_native_edit.insert("佐伯")
    editor.given_native_edit.insert("遥")
    editor.institution_combo.setCurrentIndex(editor.institution_combo.findData(sample.riken.id))
    editor.nationality_combo.set_code("JP")
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_action.trigger()
    created = saved.args[0]
    assert created.id is not None
    assert created.native_name == "佐伯 遥"
    assert created.nationality == "JP"
    assert services.people.get(created.id).home_institution_id == sample.riken.id
    assert stack.undoText() == "Add person Haruka Saeki"

    stack.undo()
    assert [p.latin_name for p in services.people.summaries()] == ["Dana Miller", "Hiroshi Tanaka"]
    stack.redo()
    assert "佐伯 遥" in [p.native_name for p in services.people.summaries()]


def test_invalid_email_shows_inline_next_to_the_field_and_saves_nothing(
    qtbot: QtBot,
    services: Services,
    sample: Sample,
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A message box would be the wrong place for a validation error: fail if one appears.
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail("message box"))
    tanaka_id = sample.tanaka.id
    assert tanaka_id is not None
    editor = open_editor(qtbot, services, stack, tanaka_id)
    editor.email_edit.clear()
    qtbot.keyClicks(editor.email_edit, "tanaka at riken")
    editor.save_action.trigger()

    assert editor.isVisible()
    message = editor.error_text("email")
    assert "'tanaka at riken' is not a valid e-mail address" in message
    label = editor.forms[0].error_label("email")
    assert label is not None and label.isVisible()
    # Right under the e-mail field, in the same column.
    email_box = editor.email_edit.geometry()
    assert 0 <= label.geometry().top() - email_box.bottom() < 20
    assert label.geometry().left() == email_box.left()
    assert editor.error_text("family_name") == ""
    assert not editor.banner.isVisible()
    assert services.people.get(tanaka_id).email == "h.tanaka@example.jp"
    assert stack.count() == 0

    # Fixing it clears the message and saves.
    editor.email_edit.clear()
    qtbot.keyClicks(editor.email_edit, "tanaka@example.jp")
    editor.save_action.trigger()
    assert services.people.get(tanaka_id).email == "tanaka@example.jp"


def test_new_person_without_name_or_institution_lists_both_problems_inline(
    qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    editor = open_editor(qtbot, services, stack, None)
    editor.save_action.trigger()
    needed = "A family name is required, in Latin letters or in the native script"
    assert editor.error_text("family_name") == needed
    assert editor.error_text("family_name_native") == needed
    assert editor.error_text("home_institution_id") == "Choose a home institution"
    assert stack.count() == 0
    assert len(services.people.summaries()) == 2


def test_sensitive_fields_are_masked_until_revealed(
    qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    tanaka_id = sample.tanaka.id
    assert tanaka_id is not None
    editor = open_editor(qtbot, services, stack, tanaka_id)
    assert not editor.revealed
    # Nowhere in the dialog's widgets, not even hidden or with a password echo mode.
    shown = texts_in(editor)
    assert not any("TK0000001" in text for text in shown)
    assert not any("1980" in text for text in shown)
    assert editor.passport_field.mask_edit.text() == MASK_TEXT
    assert editor.passport_field.mask_edit.isVisible()
    assert editor.passport_field.mask_edit.isReadOnly()
    assert not editor.passport_edit.isVisible()
    assert not editor.dob_edit.isVisible()

    qtbot.mouseClick(editor.reveal_button, Qt.MouseButton.LeftButton)
    assert editor.revealed
    assert editor.passport_edit.isVisible()
    assert editor.passport_edit.text() == "TK0000001"
    assert editor.passport_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert not editor.passport_edit.isReadOnly()
    assert editor.dob_edit.value() == date(1980, 5, 17)
    assert editor.expiry_edit.value() is None

    editor.passport_edit.clear()
    qtbot.keyClicks(editor.passport_edit, "TK0000002")
    # Hiding again takes the edited values out of the widgets but keeps them for saving.
    qtbot.mouseClick(editor.reveal_button, Qt.MouseButton.LeftButton)
    assert not editor.revealed
    assert not any("TK000000" in text for text in texts_in(editor))
    editor.save_action.trigger()
    assert services.people.get(tanaka_id).passport_number == "TK0000002"


def test_revealing_is_not_remembered_between_dialogs(
    qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    first = open_editor(qtbot, services, stack, sample.tanaka.id)
    first.set_revealed(True)
    second = open_editor(qtbot, services, stack, sample.tanaka.id)
    assert not second.revealed
    assert not any("TK0000001" in text for text in texts_in(second))


def test_unsaved_changes_are_asked_about_on_close(
    qtbot: QtBot,
    services: Services,
    sample: Sample,
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tanaka_id = sample.tanaka.id
    assert tanaka_id is not None
    editor = open_editor(qtbot, services, stack, tanaka_id)
    answers: list[Answer] = [Answer.Cancel, Answer.Discard]
    asked: list[Answer] = []

    def ask() -> Answer:
        asked.append(answers[len(asked)])
        return asked[-1]

    monkeypatch.setattr(editor, "ask_save_changes", ask)
    qtbot.keyClicks(editor.preferred_edit, "Hiro")

    editor.close_action.trigger()  # Cancel: stay
    assert asked == [Answer.Cancel]
    assert editor.isVisible()
    assert editor.preferred_edit.text() == "Hiro"

    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Discard: close without saving
    assert asked == [Answer.Cancel, Answer.Discard]
    assert not editor.isVisible()
    assert services.people.get(tanaka_id).preferred_name == ""
    assert stack.count() == 0


def test_save_answer_on_close_saves(
    qtbot: QtBot,
    services: Services,
    sample: Sample,
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tanaka_id = sample.tanaka.id
    assert tanaka_id is not None
    editor = open_editor(qtbot, services, stack, tanaka_id)
    monkeypatch.setattr(editor, "ask_save_changes", lambda: Answer.Save)
    qtbot.keyClicks(editor.preferred_edit, "Hiro")
    editor.close()
    assert not editor.isVisible()
    assert services.people.get(tanaka_id).preferred_name == "Hiro"
    assert stack.undoText() == "Edit person Hiroshi Tanaka"


def test_closing_without_changes_does_not_ask(
    qtbot: QtBot,
    services: Services,
    sample: Sample,
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = open_editor(qtbot, services, stack, sample.tanaka.id)
    monkeypatch.setattr(editor, "ask_save_changes", lambda: pytest.fail("asked"))
    editor.set_revealed(True)  # looking is not changing
    editor.close()
    assert not editor.isVisible()
    # Saving an unchanged record pushes no empty step either.
    again = open_editor(qtbot, services, stack, sample.tanaka.id)
    again.save_action.trigger()
    assert stack.count() == 0


def test_shortcuts_and_tab_order_follow_the_layout(
    qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    editor = open_editor(qtbot, services, stack, sample.tanaka.id)
    assert QKeySequence(QKeySequence.StandardKey.Save) in editor.save_action.shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Close) in editor.close_action.shortcuts()
    expected_masked = [
        editor.family_edit,
        editor.given_edit,
        editor.family_native_edit,
        editor.given_native_edit,
        editor.preferred_edit,
        editor.category_combo,
        editor.institution_combo,
        editor.email_edit,
        editor.phone_edit,
        editor.nationality_combo,
        editor.reveal_button,
        editor.notes_edit,
    ]
    assert focus_chain(editor.family_edit, len(expected_masked)) == expected_masked
    editor.set_revealed(True)
    chain = focus_chain(editor.reveal_button, 5)
    assert chain == [
        editor.reveal_button,
        editor.dob_edit.edit,
        editor.passport_edit,
        editor.expiry_edit.edit,
        editor.notes_edit,
    ]


def focus_chain(start: QWidget, count: int) -> list[QWidget]:
    """*count* widgets Tab visits from *start* (skipping ones that take no Tab focus)."""
    chain = [start]
    widget = start
    while len(chain) < count:
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            chain.append(widget)
    return chain

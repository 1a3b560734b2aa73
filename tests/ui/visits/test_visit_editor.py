"""The coordinator's visit workflows, driven through the real widgets and shortcuts."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.domain.enums import VisitStatus
from planner.services.container import Services
from planner.ui.common.conflict_dialog import ConflictDialog, conflicting_fields
from planner.ui.shell.main_window import MainWindow
from planner.ui.visits.commands import VisitCommands
from planner.ui.visits.visit_editor import VisitEditor
from tests.fixtures.sample import Sample


def _trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(type(window.main_actions.quit), name)
    assert action is not None, name
    action.trigger()


def test_new_visit_from_the_keyboard_appears_and_undo_redo_work(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    editor = window.new_visit()
    qtbot.addWidget(editor)
    editor.visitor.setCurrentIndex(editor.visitor.findData(sample.tanaka.id))
    editor.host.setCurrentIndex(editor.host.findData(sample.argonne.id))
    editor.arrival.setDate(QDate(2027, 5, 10))
    editor.departure.setDate(QDate(2027, 5, 20))
    qtbot.keyClicks(editor.visitor_notes, "Welcome!")
    editor.save_action.trigger()  # Ctrl+S
    codes = [v.code for v in services.visits.summaries()]
    assert "V-2027-0003" in codes
    qtbot.waitUntil(lambda: window.visits_view.total_count == 3)
    assert window.visits_view.current_visit_id() == services.visits.get_by_code("V-2027-0003").id
    assert window.undo_stack.undoText() == "New visit"
    window.main_actions.undo.trigger()
    assert "V-2027-0003" not in [v.code for v in services.visits.summaries()]
    window.main_actions.redo.trigger()
    assert len(services.visits.summaries()) == 3


def test_editing_dates_validates_inline_and_saves(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    editor = window.open_visit(sample.visit_in.id)
    qtbot.addWidget(editor)
    editor.departure.setDate(QDate(2027, 3, 1))  # before the arrival (2027-03-08)
    assert editor.save() is False
    assert "before arrival" in editor.error_text("departure_date")
    assert services.visits.get(sample.visit_in.id).departure_date == date(2027, 3, 19)
    editor.departure.setDate(QDate(2027, 3, 22))
    assert editor.save() is True
    assert editor.error_text("departure_date") == ""
    assert services.visits.get(sample.visit_in.id).departure_date == date(2027, 3, 22)
    assert window.undo_stack.undoText() == "Edit visit V-2027-0001"
    window.main_actions.undo.trigger()
    assert services.visits.get(sample.visit_in.id).departure_date == date(2027, 3, 19)


def test_moving_the_arrival_keeps_the_length_of_stay(
    qtbot: QtBot, window: MainWindow, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    editor = window.open_visit(sample.visit_in.id)
    qtbot.addWidget(editor)
    editor.arrival.setDate(QDate(2027, 4, 1))
    assert editor.departure.date() == QDate(2027, 4, 12)


def test_status_menu_offers_only_allowed_moves_and_undo_restores(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    editor = window.open_visit(sample.visit_in.id)
    qtbot.addWidget(editor)
    names = [a.objectName() for a in editor.status_menu.actions()]
    assert names == ["status_proposed", "status_cancelled"]
    editor.status_menu.actions()[0].trigger()
    assert services.visits.get(sample.visit_in.id).status is VisitStatus.PROPOSED
    assert [a.objectName() for a in editor.status_menu.actions()] == [
        "status_draft", "status_approved", "status_cancelled",
    ]  # fmt: skip
    window.main_actions.undo.trigger()
    assert services.visits.get(sample.visit_in.id).status is VisitStatus.DRAFT


def test_cancel_asks_for_confirmation_and_reason(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert sample.visit_in.id is not None
    window.visits_view.select_visit(sample.visit_in.id)
    asked: list[str] = []

    def ask(answer: str | None):
        return lambda self, code: (asked.append(code), answer)[1]

    monkeypatch.setattr(VisitCommands, "ask_cancel_reason", ask(None))
    _trigger(window, "actionCancelVisit")
    assert asked == ["V-2027-0001"]
    assert services.visits.get(sample.visit_in.id).status is VisitStatus.DRAFT
    monkeypatch.setattr(VisitCommands, "ask_cancel_reason", ask("Visa refused"))
    _trigger(window, "actionCancelVisit")
    visit = services.visits.get(sample.visit_in.id)
    assert visit.status is VisitStatus.CANCELLED
    # Cancelling opens no editor as a side effect, and is one undoable step.
    assert window.editors.visit_ids() == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, VisitEditor)]
    assert window.undo_stack.undoText() == "Cancelled visit V-2027-0001"
    window.main_actions.undo.trigger()
    assert services.visits.get(sample.visit_in.id).status is VisitStatus.DRAFT
    window.main_actions.redo.trigger()
    assert services.visits.history(sample.visit_in.id)[-1].reason == "Visa refused"
    qtbot.waitUntil(lambda: "Cancelled" in window.visits_view.proxy.index(0, 6).data())


def test_duplicate_makes_a_new_draft_and_undo_removes_it(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    window.visits_view.select_visit(sample.visit_in.id)
    _trigger(window, "actionDuplicateVisit")
    codes = sorted(v.code for v in services.visits.summaries())
    assert codes == ["V-2027-0001", "V-2027-0002", "V-2027-0003"]
    assert window.undo_stack.undoText() == "Duplicate visit V-2027-0001"
    window.main_actions.undo.trigger()
    assert len(services.visits.summaries()) == 2


def test_conflicting_save_shows_changes_and_overwrites_only_on_purpose(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert sample.visit_in.id is not None
    editor = window.open_visit(sample.visit_in.id)
    qtbot.addWidget(editor)
    # Another coordinator saves first; their change has not reached this window yet.
    with QSignalBlocker(window.change_bridge):
        services.visits.update(dataclasses.replace(sample.visit_in, visitor_notes="Theirs"))
    editor.internal_notes.setPlainText("Mine")
    seen: list[list[tuple[str, str, str, str]]] = []

    def answer(choice: int):
        def ask(self: VisitEditor, opened, stored, mine) -> int:
            seen.append(conflicting_fields(opened, stored, mine))
            return choice

        return ask

    monkeypatch.setattr(VisitEditor, "ask_conflict", answer(0))  # cancel
    assert editor.save() is False
    assert seen[-1] == [("visitor_notes", "—", "Theirs", "—")]
    assert services.visits.get(sample.visit_in.id).internal_notes == ""
    monkeypatch.setattr(VisitEditor, "ask_conflict", answer(ConflictDialog.RELOAD))
    editor.save()
    assert editor.visitor_notes.toPlainText() == "Theirs"
    assert editor.internal_notes.toPlainText() == ""
    with QSignalBlocker(window.change_bridge):
        services.visits.update(
            dataclasses.replace(services.visits.get(sample.visit_in.id), visitor_notes="Theirs 2")
        )
    editor.internal_notes.setPlainText("Mine")
    monkeypatch.setattr(VisitEditor, "ask_conflict", answer(ConflictDialog.OVERWRITE))
    assert editor.save() is True
    stored = services.visits.get(sample.visit_in.id)
    assert (stored.internal_notes, stored.visitor_notes) == ("Mine", "Theirs")


def test_closing_with_unsaved_changes_asks_first(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from PySide6.QtWidgets import QMessageBox

    assert sample.visit_in.id is not None
    editor = window.open_visit(sample.visit_in.id)
    qtbot.addWidget(editor)
    editor.visitor_notes.setPlainText("Unsaved")
    asked: list[bool] = []

    def ask(self: VisitEditor) -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(VisitEditor, "ask_save_changes", ask)
    editor.close_action.trigger()  # Ctrl+W
    assert asked == [True] and editor.isVisible()
    monkeypatch.setattr(
        VisitEditor, "ask_save_changes", lambda self: QMessageBox.StandardButton.Save
    )
    editor.close_action.trigger()
    assert services.visits.get(sample.visit_in.id).visitor_notes == "Unsaved"


def test_history_tab_lists_the_visits_audit_entries(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    services.visits.set_status(sample.visit_in.id, VisitStatus.PROPOSED, reason="Host agreed")
    editor = window.open_visit(sample.visit_in.id)
    qtbot.addWidget(editor)
    model = editor.history_model
    assert model.rowCount() == 2
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert "status" in texts and "Host agreed" in texts
    assert any("draft → proposed" in t for t in texts if t)


def test_open_visit_reuses_one_editor_per_visit(
    qtbot: QtBot, window: MainWindow, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    first = window.open_visit(sample.visit_in.id)
    qtbot.addWidget(first)
    assert window.open_visit(sample.visit_in.id) is first
    QApplication.processEvents()
    assert first.windowTitle() == "Visit V-2027-0001"
    assert Qt.WindowType.Window & first.windowFlags()


def test_itinerary_and_paperwork_tabs_are_built_when_first_shown(
    window: MainWindow, sample: Sample
) -> None:
    from planner.ui.itinerary.itinerary_editor import ItineraryEditor
    from planner.ui.paperwork.paperwork_tab import PaperworkTab

    assert sample.visit_in.id is not None
    editor = window.open_visit(sample.visit_in.id)
    assert editor.findChildren(ItineraryEditor) == []
    editor.tabs.setCurrentIndex(1)
    itinerary = editor.tab_content(1)
    assert isinstance(itinerary, ItineraryEditor) and itinerary.isVisible()
    assert isinstance(editor.tab_content(2), PaperworkTab)
    assert editor.tab_content(1) is itinerary  # built once


def test_a_new_visit_has_no_visitor_chosen_and_requires_one(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    editor = window.new_visit()
    qtbot.addWidget(editor)
    assert editor.visitor.count() > 0  # people to choose from, none chosen for the coordinator
    assert editor.visitor.currentIndex() == -1
    assert editor.visitor.currentData() is None
    assert editor.save() is False
    assert editor.error_text("visitor_id") == "Choose the visitor"
    assert len(services.visits.summaries()) == 2
    editor.visitor.setCurrentIndex(editor.visitor.findData(sample.tanaka.id))
    editor.host.setCurrentIndex(editor.host.findData(sample.argonne.id))
    assert editor.save() is True

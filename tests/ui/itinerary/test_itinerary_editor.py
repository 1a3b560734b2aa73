"""The itinerary editor: add, edit, remove, reorder (undoable), markers, checks, DST question."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from planner.domain.entities import ItineraryItem
from planner.domain.enums import ItineraryKind
from planner.domain.itinerary_checks import CheckKind, LocalTimeQuestion, local_time_question
from planner.services.container import Services
from planner.ui.common.roles import ID_ROLE, MARKER_ROLE
from planner.ui.itinerary.itinerary_dialog import ItineraryItemDialog, instant_question_box
from planner.ui.itinerary.itinerary_editor import ItineraryEditor
from planner.ui.itinerary.itinerary_model import Column
from tests.export.conftest import CHICAGO, TripData, at, make_trip


@pytest.fixture
def trip(services: Services) -> TripData:
    return make_trip(services)


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def editor(qtbot: QtBot, services: Services, trip: TripData, stack: QUndoStack) -> ItineraryEditor:
    widget = ItineraryEditor(services, stack)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.set_visit(trip.visit.id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _row_text(editor: ItineraryEditor, item_id: int, column: Column) -> str:
    index = editor.model.index_of_item(item_id)
    assert index.isValid()
    return str(index.sibling(index.row(), column).data())


def _when_modal(callback: Callable[[ItineraryItemDialog], None]) -> None:
    """Run *callback* on the item dialog once it is shown modally."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ItineraryItemDialog):
            QTimer.singleShot(10, run)
            return
        callback(dialog)

    QTimer.singleShot(0, run)


def test_days_local_times_and_day_markers(editor: ItineraryEditor, trip: TripData) -> None:
    ret, out = trip.items["return"], trip.items["outbound"]
    assert ret.id is not None and out.id is not None
    assert _row_text(editor, ret.id, Column.START) == "12:40 CDT"
    assert _row_text(editor, ret.id, Column.END) == "Sat 20 Mar 16:25 JST  +1 day"
    index = editor.model.index_of_item(ret.id)
    assert index.sibling(index.row(), Column.END).data(MARKER_ROLE) == "+1 day"
    # Tokyo → Chicago lands "earlier" the same day: no marker.
    assert _row_text(editor, out.id, Column.START) == "10:40 JST"
    assert _row_text(editor, out.id, Column.END) == "07:30 CST"
    # A day row for every day of the stay (8–19 March) and the arrival day in Tokyo.
    assert editor.model.day_count() == 12
    assert editor.summary_label.text() == "No problems found."


def test_add_item_through_the_dialog(
    qtbot: QtBot, editor: ItineraryEditor, services: Services, trip: TripData, stack: QUndoStack
) -> None:
    def fill(dialog: ItineraryItemDialog) -> None:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ItineraryKind.MEAL))
        dialog.title_edit.setText("Welcome dinner")
        dialog.title_ja_edit.setText("歓迎夕食会")
        dialog.start_edit.set_wall(datetime(2027, 3, 10, 18, 30))
        dialog.end_edit.set_wall(datetime(2027, 3, 10, 20, 0))
        dialog.internal_edit.setPlainText("budget code 42")
        assert dialog.start_zone.zone() == CHICAGO  # the host's zone by default
        dialog.accept()

    _when_modal(fill)
    created = editor.add_item()
    assert created is not None and created.id is not None
    assert created.start_utc == datetime(2027, 3, 11, 0, 30, tzinfo=UTC)  # 18:30 CST
    assert created.internal_notes == "budget code 42"
    assert _row_text(editor, created.id, Column.TITLE) == "Welcome dinner  歓迎夕食会"
    assert editor.selected_item() is not None and editor.selected_item().id == created.id  # type: ignore[union-attr]
    stack.undo()
    assert all(i.id != created.id for i in services.itinerary.for_visit(trip.visit.id or 0))


def test_edit_item_through_the_dialog_raises_sequence(
    editor: ItineraryEditor, services: Services, trip: TripData, stack: QUndoStack
) -> None:
    seminar = trip.items["after_dst"]
    assert seminar.id is not None
    editor.select_item(seminar.id)

    def change(dialog: ItineraryItemDialog) -> None:
        assert dialog.title_edit.text() == "AuroraGPT seminar"
        assert dialog.start_edit.wall() == datetime(2027, 3, 15, 14, 0)
        dialog.end_edit.set_wall(datetime(2027, 3, 15, 16, 0))
        dialog.accept()

    _when_modal(change)
    updated = editor.edit_selected()
    assert updated is not None and updated.sequence == seminar.sequence + 1
    assert updated.uid == seminar.uid
    assert _row_text(editor, seminar.id, Column.END) == "16:00 CDT"
    stack.undo()
    assert services.itinerary.get(seminar.id).end_utc == seminar.end_utc


def test_remove_and_undo_keeps_the_calendar_uid(
    editor: ItineraryEditor, services: Services, trip: TripData, stack: QUndoStack
) -> None:
    meeting = trip.items["hostile"]
    assert meeting.id is not None
    editor.select_item(meeting.id)
    assert editor.remove_selected()
    uids = {i.uid for i in services.itinerary.for_visit(trip.visit.id or 0)}
    assert meeting.uid not in uids
    stack.undo()
    restored = [i for i in services.itinerary.for_visit(trip.visit.id or 0) if i.uid == meeting.uid]
    assert len(restored) == 1 and restored[0].title == meeting.title
    stack.redo()
    assert meeting.uid not in {i.uid for i in services.itinerary.for_visit(trip.visit.id or 0)}


def test_reorder_items_at_the_same_time(
    editor: ItineraryEditor, services: Services, trip: TripData, stack: QUndoStack
) -> None:
    seminar = trip.items["after_dst"]
    coffee = editor.create_item(
        dataclasses.replace(seminar, id=None, uid="", title="Coffee with the speakers",
                            kind=ItineraryKind.MEAL)
    )  # fmt: skip
    assert coffee is not None and coffee.id is not None and seminar.id is not None
    index = editor.model.index_of_item(coffee.id)
    above = index.sibling(index.row() - 1, 0)
    assert above.data(ID_ROLE) == seminar.id
    editor.select_item(coffee.id)
    assert editor.up_button.isEnabled() and not editor.down_button.isEnabled()
    assert editor.move_selected(-1)
    index = editor.model.index_of_item(coffee.id)
    assert index.sibling(index.row() + 1, 0).data(ID_ROLE) == seminar.id
    stack.undo()
    index = editor.model.index_of_item(coffee.id)
    assert index.sibling(index.row() - 1, 0).data(ID_ROLE) == seminar.id
    # Items at different times keep time order: nothing to move.
    editor.select_item(trip.items["hostile"].id or 0)
    assert not editor.up_button.isEnabled() and not editor.down_button.isEnabled()


def test_checks_are_shown_next_to_the_items(
    editor: ItineraryEditor, services: Services, trip: TripData
) -> None:
    seminar = trip.items["after_dst"]
    clash = editor.create_item(
        dataclasses.replace(seminar, id=None, uid="", title="Clashing call",
                            kind=ItineraryKind.MEETING,
                            start_utc=at("2027-03-15 15:00", CHICAGO))
    )  # fmt: skip
    hotel = trip.items["hotel"]
    editor.update_item(hotel, dataclasses.replace(hotel, end_utc=at("2027-03-18 09:00", CHICAGO)))
    assert clash is not None and clash.id is not None and seminar.id is not None
    assert "overlaps" in _row_text(editor, clash.id, Column.CHECKS)
    assert "overlaps" in _row_text(editor, seminar.id, Column.CHECKS)
    kinds = [f.kind for f in editor.findings]
    assert kinds.count(CheckKind.OVERLAP) == 1 and CheckKind.UNCOVERED_NIGHT in kinds
    night_rows = [editor.model.index(r, Column.CHECKS) for r in range(editor.model.day_count())]
    assert any("no lodging for the night of Thu 2027-03-18" in str(i.data()) for i in night_rows)
    assert "need attention" in editor.summary_label.text()
    assert editor.findings_model.rowCount() == len(editor.findings)
    editor.connection_spin.setValue(90)  # the setting recomputes the checks


def test_dst_gap_time_asks_which_instant(editor: ItineraryEditor) -> None:
    asked: list[tuple[LocalTimeQuestion, str]] = []

    def asker(_parent: object, question: LocalTimeQuestion, end: str) -> datetime:
        asked.append((question, end))
        return question.choices[1].instant

    editor.instant_asker = asker
    dialog = editor.open_item_dialog()
    assert dialog is not None
    dialog.title_edit.setText("Early shuttle")
    dialog.start_edit.set_wall(datetime(2027, 3, 14, 2, 30))  # skipped in Chicago
    dialog.end_edit.set_wall(datetime(2027, 3, 14, 4, 0))
    dialog.accept()
    assert len(asked) == 1 and asked[0][1] == "start"
    assert [c.instant for c in asked[0][0].choices] == [
        datetime(2027, 3, 14, 7, 30, tzinfo=UTC),
        datetime(2027, 3, 14, 8, 30, tzinfo=UTC),
    ]
    assert dialog.item is not None
    assert dialog.item.start_utc == datetime(2027, 3, 14, 8, 30, tzinfo=UTC)
    dialog.deleteLater()


def test_cancelling_the_dst_question_keeps_the_dialog_open(editor: ItineraryEditor) -> None:
    editor.instant_asker = lambda *_args: None
    dialog = editor.open_item_dialog()
    assert dialog is not None
    dialog.title_edit.setText("Late taxi")
    dialog.start_edit.set_wall(datetime(2027, 11, 7, 1, 30))  # happens twice in Chicago
    dialog.end_edit.set_wall(datetime(2027, 11, 7, 3, 0))
    dialog.accept()
    assert dialog.item is None and dialog.result() == 0
    dialog.deleteLater()


def test_question_box_offers_both_offsets(qtbot: QtBot) -> None:
    question = local_time_question(datetime(2027, 11, 7, 1, 30), CHICAGO)
    assert question is not None
    box, buttons = instant_question_box(None, question, "start")
    qtbot.addWidget(box)
    assert [b.text().split(",")[0] for b, _ in buttons] == [
        "01:30 CDT (UTC−05:00)",
        "01:30 CST (UTC−06:00)",
    ]
    assert "happens twice" in box.text()
    assert box.button(QMessageBox.StandardButton.Cancel) is not None


def test_invalid_zone_and_title_show_inline(editor: ItineraryEditor) -> None:
    dialog = editor.open_item_dialog()
    assert dialog is not None
    dialog.start_zone.set_zone("Mars/Olympus")
    dialog.accept()
    assert "Unknown time zone" in dialog.form.error_text("start_zone")
    dialog.start_zone.set_zone(CHICAGO)
    dialog.accept()
    assert "Title is required" in dialog.form.error_text("title")
    assert dialog.item is None
    dialog.deleteLater()


def test_editor_screenshot(editor: ItineraryEditor, tmp_path: Path) -> None:
    out = tmp_path / "itinerary-editor.png"
    assert editor.grab().save(str(out))
    assert out.stat().st_size > 0


def test_editor_without_visit_disables_editing(
    qtbot: QtBot, services: Services, stack: QUndoStack
) -> None:
    widget = ItineraryEditor(services, stack)
    qtbot.addWidget(widget)
    widget.set_visit(None)
    assert not widget.add_button.isEnabled() and widget.model.day_count() == 0


def test_item_dialog_round_trips_an_existing_item(qtbot: QtBot, trip: TripData) -> None:
    flight = trip.items["outbound"]
    dialog = ItineraryItemDialog(None, visit_id=flight.visit_id, host_zone=CHICAGO, item=flight)
    qtbot.addWidget(dialog)
    assert dialog.start_zone.zone() == "Asia/Tokyo" and dialog.end_zone.zone() == CHICAGO
    assert dialog.start_edit.wall() == datetime(2027, 3, 8, 10, 40)
    assert dialog.end_edit.wall() == datetime(2027, 3, 8, 7, 30)
    dialog.accept()
    assert dialog.item is not None
    assert isinstance(dialog.item, ItineraryItem)
    assert (dialog.item.start_utc, dialog.item.end_utc) == (flight.start_utc, flight.end_utc)
    assert dialog.item.internal_notes == flight.internal_notes

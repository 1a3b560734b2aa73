"""Series in the GUI: the editor's hybrid and repeat fields with every site's local time, the
slot finder, and the events view's occurrences with cancel and restore."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from planner.domain.entities import Event
from planner.domain.enums import EventKind, EventMode, Frequency
from planner.domain.series import WorkingHours
from planner.services.container import Services
from planner.ui.common.bridge import ChangeBridge
from planner.ui.common.roles import ID_ROLE
from planner.ui.events.event_editor import EventEditor
from planner.ui.events.events_view import EventsView
from tests.fixtures.sample import Sample

FIRST = datetime(2027, 3, 2, 23, 0, tzinfo=UTC)  # Tue 2 March 2027, 17:00 CST


def _tick(editor: EventEditor, *institution_ids: int) -> None:
    model = editor.series_fields.sites_model
    for row in range(model.rowCount()):
        item = model.item(row, 0)
        wanted = item.data(ID_ROLE) in institution_ids
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


def test_editor_creates_a_weekly_hybrid_series_with_sites(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    assert sample.argonne.id and sample.riken.id
    editor = EventEditor(services, QUndoStack(), None)
    qtbot.addWidget(editor)
    editor.title_edit.setText("AuroraGPT joint seminar")
    editor.institution.setCurrentIndex(editor.institution.findData(sample.argonne.id))
    editor.start.setDateTime(QDateTime(QDate(2027, 3, 2), QTime(17, 0)))
    editor.end.setDateTime(QDateTime(QDate(2027, 3, 2), QTime(18, 0)))
    fields = editor.series_fields
    fields.mode.setCurrentIndex(fields.mode.findData(EventMode.HYBRID.value))
    fields.link.setText("https://meet.example.org/aurora")
    fields.frequency.setCurrentIndex(fields.frequency.findData(Frequency.WEEKLY.value))
    fields.until.setDate(QDate(2027, 4, 6))
    _tick(editor, sample.argonne.id, sample.riken.id)
    text = fields.local_times.text()
    assert "Tue 17:00 CST = Wed 08:00 JST (+1 day)" in text
    assert "From 2027-03-17: RIKEN" in text and "America/Chicago changes its clocks" in text
    assert "Outside a site's working hours: 4 of 6" in text  # 07:00 in Kobe after the change
    assert editor.save() is True
    (event,) = services.events.list()
    assert event.frequency is Frequency.WEEKLY and event.repeat_until == date(2027, 4, 6)
    assert event.mode is EventMode.HYBRID and event.start_utc == FIRST
    assert event.id is not None
    details = services.events.details(event.id)
    assert [s.institution_id for s in details.sites] == [sample.argonne.id, sample.riken.id]
    assert len(details.occurrences) == 6


def test_editor_refuses_bad_working_hours_and_a_bad_link(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    assert sample.argonne.id and sample.riken.id
    editor = EventEditor(services, QUndoStack(), None)
    qtbot.addWidget(editor)
    editor.title_edit.setText("Seminar")
    _tick(editor, sample.riken.id)
    model = editor.series_fields.sites_model
    for row in range(model.rowCount()):
        model.item(row, 1).setText("19:00-08:00")
    assert editor.save() is False
    assert "working hours" in editor.error_text("sites")
    for row in range(model.rowCount()):
        model.item(row, 1).setText("08:00-19:00")
    editor.series_fields.link.setText("javascript:alert(1)")
    assert editor.save() is False
    assert services.events.list() == []


def test_slot_finder_proposes_a_start_and_the_editor_takes_it(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    assert sample.argonne.id and sample.riken.id
    editor = EventEditor(services, QUndoStack(), None)
    qtbot.addWidget(editor)
    editor.institution.setCurrentIndex(editor.institution.findData(sample.argonne.id))
    editor.start.setDateTime(QDateTime(QDate(2027, 3, 2), QTime(9, 0)))
    editor.end.setDateTime(QDateTime(QDate(2027, 3, 2), QTime(10, 0)))
    editor.series_fields.until.setDate(QDate(2027, 3, 31))
    _tick(editor, sample.argonne.id, sample.riken.id)
    finder = editor.make_slot_finder()
    qtbot.addWidget(finder)
    finder.chosen.connect(editor.use_slot)
    finder.hours[1].setText("08:00-09:30")  # Kobe: before its working day only
    result = finder.search()
    assert result is not None and len(result.segments) == 2
    assert finder.results.stringList()[0] == "2027-03-02 – 2027-03-09: 17:00 CST = 08:00 JST (+1)"
    finder.list.setCurrentIndex(finder.results.index(0))
    with qtbot.waitSignal(finder.chosen):
        finder.use_selected()
    wall = editor.start.dateTime()
    assert (wall.date(), wall.time()) == (QDate(2027, 3, 2), QTime(17, 0))
    assert editor.end.dateTime().time() == QTime(18, 0)
    finder.hours[1].setText("08:00-19:00")  # the whole range fits; Kobe's time moves
    result = finder.search()
    assert result is not None and result.whole_range
    assert finder.results.stringList() == [
        "2027-03-02 – 2027-03-30: 18:00 CST/CDT = 09:00 JST (+1) until 2027-03-09, "
        "08:00 JST (+1) from 2027-03-16"
    ]
    finder.hours[0].setText("nonsense")
    assert finder.search() is None and "working hours" in finder.summary.text()


@pytest.fixture
def view(qtbot: QtBot, services: Services, sample: Sample) -> EventsView:
    assert sample.argonne.id and sample.riken.id
    event = services.events.create(Event(
        EventKind.SEMINAR, "Weekly seminar", sample.argonne.id, FIRST, "America/Chicago",
        FIRST + timedelta(hours=1), "America/Chicago", frequency=Frequency.WEEKLY,
        repeat_until=date(2027, 3, 30), mode=EventMode.HYBRID,
    ))  # fmt: skip
    assert event.id is not None
    services.events.set_sites(event.id, [(sample.argonne.id, WorkingHours()),
                                         (sample.riken.id, WorkingHours())])  # fmt: skip
    widget = EventsView(services, QUndoStack(), None)
    qtbot.addWidget(widget)
    bridge = ChangeBridge(services.bus, widget)
    bridge.changed.connect(widget.on_change)
    widget.reload()
    widget.show()
    widget.select_event(event.id)
    return widget


def test_events_view_lists_occurrences_with_flags_and_cancels_one(
    qtbot: QtBot, view: EventsView, services: Services
) -> None:
    assert view.model.index(0, 6).data() == "Tue 17:00 CST = Wed 08:00 JST (+1 day)"
    box = view.occurrences
    assert box.model.rowCount() == 5
    assert box.model.index(2, 1).data() == "Tue 17:00 CDT = Wed 07:00 JST (+1 day)"
    notes = box.model.index(2, 2).data()
    assert "outside working hours at RIKEN" in notes and "America/Chicago changed" in notes
    box.table.selectRow(1)
    assert box.cancel_button.isEnabled()
    qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.model.rowCount() == 4)
    assert "cancelled: 1" in box.summary.text()
    qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.model.rowCount() == 5)


def test_moving_an_occurrence_is_undoable_and_refuses_a_skipped_time(
    qtbot: QtBot, view: EventsView, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = view.occurrences
    event_id = view.current_event_id()
    assert event_id is not None
    box.table.selectRow(1)  # Tue 9 March
    dialog = box.make_move_dialog(box.model.row_at(1))
    qtbot.addWidget(dialog)
    assert dialog.minutes.value() == 60
    assert box.move_selected(datetime(2027, 3, 11, 16, 0), 90)
    qtbot.waitUntil(lambda: "moved: 1" in box.summary.text())
    occ = services.events.details(event_id).occurrences[1]
    assert occ.moved and occ.start_utc == datetime(2027, 3, 11, 22, 0, tzinfo=UTC)
    assert occ.end_utc - occ.start_utc == timedelta(minutes=90)
    view.undo_stack.undo()
    assert not services.events.details(event_id).occurrences[1].moved
    view.undo_stack.redo()
    assert services.events.details(event_id).occurrences[1].moved
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    qtbot.waitUntil(lambda: box.model.rowCount() == 5)
    box.table.selectRow(2)
    assert not box.move_selected(datetime(2027, 3, 14, 2, 30), 60)
    assert warnings and "does not exist" in warnings[0]


def test_saving_the_series_calendar_and_invitation(
    qtbot: QtBot, view: EventsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import email

    from icalendar import Calendar
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    box = view.occurrences
    folder = tmp_path / "a#b?c%41"
    folder.mkdir()
    target = folder / "series.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), "*.ics"))
    qtbot.mouseClick(box.ics_button, Qt.MouseButton.LeftButton)
    (vevent,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert "RRULE" in vevent and target.stat().st_mode & 0o777 == 0o600
    assert box.export_to(folder / "invite.eml", "eml")
    msg = email.message_from_bytes((folder / "invite.eml").read_bytes())
    assert msg["X-Unsent"] == "1"
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    assert not box.export_to(tmp_path / "missing" / "x.ics", "ics")
    assert warnings and "does not exist" in warnings[0]

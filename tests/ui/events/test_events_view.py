"""Events view: a participant whose visit covers the event gets it in the itinerary; undo."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from planner.domain.entities import Event
from planner.domain.enums import EventKind, ParticipantRole
from planner.domain.timezones import local_to_utc
from planner.services.container import Services
from planner.ui.common.bridge import ChangeBridge
from planner.ui.events.events_view import EventsView
from tests.fixtures.sample import Sample


@pytest.fixture
def seminar(services: Services, sample: Sample) -> Event:
    assert sample.argonne.id is not None
    return services.events.create(
        Event(
            EventKind.SEMINAR,
            "Joint AI for Science Seminar",
            sample.argonne.id,
            local_to_utc(datetime(2027, 3, 10, 15, 0), "America/Chicago"),
            "America/Chicago",
            local_to_utc(datetime(2027, 3, 10, 16, 30), "America/Chicago"),
            "America/Chicago",
            title_ja="合同セミナー",
        )
    )


@pytest.fixture
def view(qtbot: QtBot, services: Services, seminar: Event) -> EventsView:
    widget = EventsView(services, QUndoStack(), None)
    qtbot.addWidget(widget)
    bridge = ChangeBridge(services.bus, widget)  # as the main window connects it
    bridge.changed.connect(widget.on_change)
    widget.reload()
    widget.show()
    return widget


def test_events_show_local_time_with_zone(view: EventsView) -> None:
    assert view.model.rowCount() == 1
    assert view.model.index(0, 0).data() == "2027-03-10 15:00–16:30 CST"
    assert view.model.index(0, 2).data() == "Joint AI for Science Seminar / 合同セミナー"


def test_adding_a_participant_puts_the_event_in_their_visit_and_undo_takes_it_out(
    qtbot: QtBot, view: EventsView, services: Services, sample: Sample, seminar: Event
) -> None:
    assert seminar.id is not None and sample.visit_in.id is not None
    view.select_event(seminar.id)
    view.person.setCurrentIndex(view.person.findData(sample.tanaka.id))
    view.role.setCurrentIndex(view.role.findData(ParticipantRole.SPEAKER.value))
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert [p.person_id for p in services.events.participants(seminar.id)] == [sample.tanaka.id]
    (item,) = services.itinerary.for_visit(sample.visit_in.id)
    assert item.event_id == seminar.id
    qtbot.waitUntil(lambda: view.participants.rowCount() == 1)
    assert view.participants.index(0, 1).data() == "Speaker"
    view.undo_stack.undo()
    assert services.events.participants(seminar.id) == []
    assert services.itinerary.for_visit(sample.visit_in.id) == []
    view.undo_stack.redo()
    assert len(services.itinerary.for_visit(sample.visit_in.id)) == 1


def test_removing_a_participant_is_undoable(
    qtbot: QtBot, view: EventsView, services: Services, sample: Sample, seminar: Event
) -> None:
    assert seminar.id is not None and sample.miller.id is not None
    services.events.set_participant(seminar.id, sample.miller.id, ParticipantRole.ORGANIZER)
    view.reload()
    view.select_event(seminar.id)
    view.participant_table.selectRow(0)
    assert view.remove_button.isEnabled()
    assert view.remove_participant()
    assert services.events.participants(seminar.id) == []
    view.undo_stack.undo()
    (back,) = services.events.participants(seminar.id)
    assert back.role is ParticipantRole.ORGANIZER


def test_event_editor_refuses_a_time_skipped_by_daylight_saving(
    qtbot: QtBot, view: EventsView, services: Services, seminar: Event
) -> None:
    from PySide6.QtCore import QDate, QDateTime, QTime

    assert seminar.id is not None
    editor = view.make_editor(seminar.id)
    qtbot.addWidget(editor)
    editor.start.setDateTime(QDateTime(QDate(2027, 3, 14), QTime(2, 30)))
    assert editor.save() is False
    assert "skipped" in editor.error_text("start")
    assert services.events.get(seminar.id).start_utc == seminar.start_utc

"""The issue's end-to-end story: new person, a visit for them, a seminar, dashboard, timeline,
then undo and redo everything — driven through the window's own actions (keyboard shortcuts)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from planner.domain.entities import Event, Project
from planner.domain.enums import EventKind, PersonCategory
from planner.domain.timezones import local_to_utc
from planner.services.container import Services
from planner.ui.shell.main_window import MainWindow
from planner.ui.visits.visit_editor import VisitEditor
from tests.fixtures.sample import Sample


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def test_person_visit_seminar_dashboard_timeline_undo_redo(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    today = datetime.now(UTC).astimezone().date()
    arrival = today + timedelta(days=3)
    assert sample.argonne.id is not None
    project = services.projects.create(Project("AuroraGPT"))
    seminar_day = arrival + timedelta(days=2)
    seminar = services.events.create(
        Event(
            EventKind.SEMINAR, "Joint AI for Science Seminar", sample.argonne.id,
            local_to_utc(datetime(seminar_day.year, seminar_day.month, seminar_day.day, 15),
                         "America/Chicago"), "America/Chicago",
            local_to_utc(datetime(seminar_day.year, seminar_day.month, seminar_day.day, 16),
                         "America/Chicago"), "America/Chicago",
        )
    )  # fmt: skip
    window.refresh()

    # 1. A new person (File → New Person…, Ctrl+Shift+N).
    new_person = _action(window, "actionNewPerson")
    assert QKeySequence("Ctrl+Shift+N") in new_person.shortcuts()
    new_person.trigger()
    person_editor = window.workspace.view("people").editor
    assert person_editor is not None
    qtbot.keyClicks(person_editor.family_edit, "Kobayashi")
    qtbot.keyClicks(person_editor.given_edit, "Aiko")
    # Kanji arrive through an input method as committed text, not as key presses.
    person_editor.family_native_edit.setText("小林")
    person_editor.given_native_edit.setText("愛子")
    person_editor.category_combo.setCurrentIndex(
        person_editor.category_combo.findData(PersonCategory.STUDENT.value)
    )
    person_editor.institution_combo.setCurrentIndex(
        person_editor.institution_combo.findData(sample.riken.id)
    )
    person_editor.save_action.trigger()  # Ctrl+S
    (aiko,) = [p for p in services.people.summaries() if p.native_name == "小林 愛子"]

    # 2. A visit for her (File → New Visit…, Ctrl+N) with host, project and dates.
    new_visit = _action(window, "actionNewVisit")
    assert QKeySequence("Ctrl+N") in new_visit.shortcuts()
    new_visit.trigger()
    editors = [e for e in window.findChildren(VisitEditor) if not e.has_record()]
    assert len(editors) == 1
    editor = editors[0]  # a child of the window, which closes it (undo deletes it)
    editor.visitor.setCurrentIndex(editor.visitor.findData(aiko.id))
    editor.host.setCurrentIndex(editor.host.findData(sample.argonne.id))
    editor.project.setCurrentIndex(editor.project.findData(project.id))
    editor.arrival.setDate(QDate(arrival.year, arrival.month, arrival.day))
    departure = arrival + timedelta(days=10)
    editor.departure.setDate(QDate(departure.year, departure.month, departure.day))
    editor.save_action.trigger()
    visit = next(v for v in services.visits.summaries() if v.visitor_id == aiko.id)
    assert visit.project == "AuroraGPT"

    # 3. Add her to the seminar (Events view, Ctrl+4): it lands in her itinerary.
    _action(window, "actionShow_events").trigger()
    assert seminar.id is not None
    events = window.workspace.view("events")
    qtbot.waitUntil(lambda: events.person.findData(aiko.id) >= 0)
    events.select_event(seminar.id)
    events.person.setCurrentIndex(events.person.findData(aiko.id))
    qtbot.mouseClick(events.add_button, Qt.MouseButton.LeftButton)
    assert [i.event_id for i in services.itinerary.for_visit(visit.id)] == [seminar.id]

    # 4. The dashboard and the timeline show the visit.
    _action(window, "actionShow_dashboard").trigger()
    qtbot.waitUntil(
        lambda: (
            window.dashboard_view.snapshot is not None
            and visit.id in [a.visit_id for a in window.dashboard_view.snapshot.arrivals]
        )
    )
    _action(window, "actionShow_timeline").trigger()
    timeline = window.workspace.view("timeline")
    qtbot.waitUntil(lambda: timeline.canvas.bar_by_id(visit.id) is not None)

    # 5. Undo the three edits, newest first, then redo them.
    labels = []
    for _ in range(3):
        labels.append(window.undo_stack.undoText())
        window.main_actions.undo.trigger()
    assert labels == [
        "Add Aiko Kobayashi (小林 愛子) to event", "New visit", "Add person Aiko Kobayashi",
    ]  # fmt: skip
    assert services.events.participants(seminar.id) == []
    assert all(v.visitor_id != aiko.id for v in services.visits.summaries())
    assert all(p.native_name != "小林 愛子" for p in services.people.summaries())
    for _ in range(3):
        window.main_actions.redo.trigger()
    (again,) = [p for p in services.people.summaries() if p.native_name == "小林 愛子"]
    redone = [v for v in services.visits.summaries() if v.visitor_id == again.id]
    assert len(redone) == 1 and redone[0].project == "AuroraGPT"
    assert [p.person_id for p in services.events.participants(seminar.id)] == [again.id]

"""Phone numbers in the person editor: shown as fits the coordinator, stored in E.164."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from planner.db.models import PersonRow
from planner.services.container import Services
from planner.ui.common.formats import set_viewer_country, viewer_country
from planner.ui.common.preferences import Preferences
from planner.ui.people.person_editor import PersonEditor
from planner.ui.shell.main_window import MainWindow
from tests.fixtures.sample import Sample


def _editor(qtbot: QtBot, services: Services, person_id: int) -> PersonEditor:
    editor = PersonEditor(services, QUndoStack(), person_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _save(qtbot: QtBot, editor: PersonEditor) -> None:
    with qtbot.waitSignal(editor.saved):
        editor.save_action.trigger()


@pytest.mark.parametrize(("viewer", "shown"), [("US", "(630) 252-2000"), ("JP", "+1 630-252-2000")])
def test_argonne_number_saved_once_shown_for_each_coordinator(
    qtbot: QtBot, services: Services, sample: Sample, viewer: str, shown: str
) -> None:
    person_id = sample.miller.id or 0
    editor = _editor(qtbot, services, person_id)
    editor.phone_edit.setText("630-252-2000")  # Miller is at Argonne: read as a US number
    _save(qtbot, editor)
    assert services.people.get(person_id).phone == "+16302522000"

    set_viewer_country(viewer)
    again = _editor(qtbot, services, person_id)
    assert again.phone_edit.text() == shown
    # Saving another change leaves the number exactly as stored.
    again.preferred_edit.setText("Dee")
    _save(qtbot, again)
    assert services.people.get(person_id).phone == "+16302522000"


def test_a_us_number_of_a_person_in_japan_survives_a_us_coordinators_editor(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    """Shown nationally to a US coordinator, but the home region is Japan: the untouched
    field is not read again as a Japanese number."""
    person_id = sample.tanaka.id or 0
    services.people.update(dataclasses.replace(sample.tanaka, phone="+1 630 252 2000"))
    set_viewer_country("US")
    editor = _editor(qtbot, services, person_id)
    assert editor.phone_edit.text() == "(630) 252-2000"
    editor.preferred_edit.setText("Hiro")
    _save(qtbot, editor)
    assert services.people.get(person_id).phone == "+16302522000"


def test_invalid_number_shows_inline_with_the_reason(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    person_id = sample.tanaka.id or 0
    editor = _editor(qtbot, services, person_id)
    editor.phone_edit.setText("03-1234-567")
    editor.save_action.trigger()
    assert editor.isVisible()
    assert "is not a valid number in Japan (JP)" in editor.error_text("phone")
    assert services.people.get(person_id).phone == ""
    editor.phone_edit.setText("03-1234-5678")
    _save(qtbot, editor)
    assert services.people.get(person_id).phone == "+81312345678"


def test_an_old_unparsable_number_is_shown_as_stored_and_a_save_asks_for_a_valid_one(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    person_id = sample.tanaka.id or 0
    with services.db.write() as session:
        session.execute(
            update(PersonRow).where(PersonRow.id == person_id).values(phone="内線 1234")
        )
    set_viewer_country("JP")
    editor = _editor(qtbot, services, person_id)
    assert editor.phone_edit.text() == "内線 1234"
    editor.preferred_edit.setText("Hiro")
    editor.save_action.trigger()
    assert "'内線 1234' is too short" in editor.error_text("phone")
    assert services.people.get(person_id).preferred_name == ""
    editor.phone_edit.setText("048-462-1111")
    _save(qtbot, editor)
    stored = services.people.get(person_id)
    assert (stored.phone, stored.preferred_name) == ("+81484621111", "Hiro")


def test_the_coordinators_country_is_their_home_institutions(
    window: MainWindow, services: Services, sample: Sample
) -> None:
    assert viewer_country() is None  # no home institution chosen
    window.apply_preferences(Preferences(home_institution_id=sample.argonne.id))
    assert viewer_country() == "US"
    window.apply_preferences(Preferences(home_institution_id=sample.riken.id))
    assert viewer_country() == "JP"
    window.apply_preferences(Preferences(home_institution_id=None))  # no home chosen again
    assert viewer_country() is None

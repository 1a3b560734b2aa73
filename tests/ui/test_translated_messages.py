"""Messages from below the interface are shown translated (templates, params, nested causes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from planner.domain.errors import FieldProblem, NotFoundError, PlannerError, ValidationError
from planner.domain.i18n import Message
from planner.ui.common.errors import error_message, message_text, planner_error_text, problem_text
from planner.ui.common.form_widgets import ValidatedFormLayout
from tests.ui.fake_translator import translated

_JA = {
    ("Validation", "Name is required"): "名前は必須です",
    ("Validation", "unknown time zone {zone} (use an IANA name like Asia/Tokyo)"): (
        "不明なタイムゾーン {zone}"
    ),
    ("Validation", "there is no {what} with id {id}"): "ID {id} の{what}はありません",
    ("Validation", "visit"): "訪問",
    ("Validation", "the package cannot be imported: {error}"): "取り込めません: {error}",
    ("Validation", "is required"): "必須です",
    ("Validation", "broken {placeholder}"): "壊れた {other}",
}


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    with translated(_JA):
        yield


def test_problem_text_translates_template_and_word_params(japanese: None) -> None:
    assert problem_text(FieldProblem("name", "Name is required")) == "名前は必須です"
    zone = FieldProblem(
        "timezone",
        "unknown time zone {zone} (use an IANA name like Asia/Tokyo)",
        {"zone": "'Asia/Tokio'"},
    )
    assert problem_text(zone) == "不明なタイムゾーン 'Asia/Tokio'"
    # No translation: the English text.
    assert problem_text(FieldProblem("x", "something else {n}", {"n": 1})) == "something else 1"
    # A translation whose placeholders do not match falls back to English.
    assert problem_text(FieldProblem("x", "broken {placeholder}", {"placeholder": 1})) == (
        "broken 1"
    )


def test_planner_error_text_translates_errors_and_nested_causes(japanese: None) -> None:
    missing = NotFoundError("there is no {what} with id {id}", params={"what": "visit", "id": 7})
    assert planner_error_text(missing) == "ID 7 の訪問はありません"
    assert error_message(missing) == "ID 7 の訪問はありません"
    invalid = ValidationError([FieldProblem("name", "Name is required")])
    assert planner_error_text(invalid) == "name: 名前は必須です"
    wrapped = PlannerError("the package cannot be imported: {error}", params={"error": invalid})
    assert str(wrapped) == "the package cannot be imported: name: Name is required"
    assert planner_error_text(wrapped) == "取り込めません: name: 名前は必須です"
    # An error whose text is not its template (a subclass formatting its own) stays English.
    assert planner_error_text(PlannerError("plain text")) == "plain text"


def test_message_text_for_import_row_problems(japanese: None) -> None:
    assert message_text("is required") == "必須です"
    assert message_text(Message("there is no {what} with id {id}", {"what": "visit", "id": 2})) == (
        "ID 2 の訪問はありません"
    )
    assert message_text("not marked") == "not marked"


def test_english_is_unchanged_without_a_translator(qapp: QApplication) -> None:
    problem = FieldProblem("zone", "unknown time zone {zone} (e.g. Asia/Tokyo)", {"zone": "'x'"})
    assert problem_text(problem) == problem.message
    error = NotFoundError("there is no {what} with id {id}", params={"what": "visit", "id": 7})
    assert planner_error_text(error) == str(error) == "there is no visit with id 7"


def test_form_shows_problems_translated(qtbot: QtBot, japanese: None) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    form = ValidatedFormLayout(host)
    form.add_field("&Name", QLineEdit(), "name")
    form.show_problems([FieldProblem("name", "Name is required")])
    assert form.error_text("name") == "名前は必須です"

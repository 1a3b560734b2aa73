"""Reusable editor pieces: inline errors, country and zone pickers, optional dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from planner.domain.errors import FieldProblem
from planner.ui.common.form_widgets import (
    CountryCombo,
    OptionalDateEdit,
    TimeZoneCombo,
    ValidatedFormLayout,
    show_problems,
)


def make_form(qtbot: QtBot) -> tuple[QWidget, ValidatedFormLayout, QLineEdit, QLineEdit]:
    """A shown widget with a two-field form."""
    host = QWidget()
    qtbot.addWidget(host)
    form = ValidatedFormLayout(host)
    name, email = QLineEdit(), QLineEdit()
    form.add_field("&Name", name, "name")
    form.add_field("&E-mail", email, "email", aliases=("contact",))
    host.show()
    qtbot.waitExposed(host)
    return host, form, name, email


def test_problems_show_under_their_fields_and_clear(qtbot: QtBot) -> None:
    _host, form, name, email = make_form(qtbot)
    label = form.error_label("email")
    assert label is not None and not label.isVisible()
    unplaced = form.show_problems(
        [
            FieldProblem("email", "'x' is not a valid e-mail address"),
            FieldProblem("contact", "needed for visitors"),
            FieldProblem("id", "no such record"),
        ]
    )
    assert unplaced == [FieldProblem("id", "no such record")]
    assert label.isVisible()
    # Two problems on one row stack; the first letter is capitalised.
    assert form.error_text("email") == "'x' is not a valid e-mail address\nNeeded for visitors"
    assert email.toolTip() == form.error_text("email")
    assert label.geometry().top() >= email.geometry().bottom()
    assert form.error_text("name") == ""

    form.clear_errors()
    assert not label.isVisible() and form.error_text("email") == "" and email.toolTip() == ""
    assert name.isVisible()


def test_show_problems_spreads_over_several_forms(qtbot: QtBot) -> None:
    _host, first, _name, _email = make_form(qtbot)
    _host2, second, _name2, _email2 = make_form(qtbot)
    second_only = ValidatedFormLayout()
    rest = show_problems(
        [first, second, second_only],
        [FieldProblem("name", "Name is required"), FieldProblem("zone", "unknown")],
    )
    assert first.error_text("name") == "Name is required"
    assert second.error_text("name") == ""  # the first form that has the field takes it
    assert rest == [FieldProblem("zone", "unknown")]


def test_country_combo_resolves_codes_names_and_unknown_text(qtbot: QtBot) -> None:
    combo = CountryCombo(allow_empty=True)
    qtbot.addWidget(combo)
    assert combo.code() == ""
    combo.set_code("JP")
    assert combo.currentText() == "JP — Japan" and combo.code() == "JP"
    combo.setEditText("us")
    assert combo.code() == "US"
    combo.setEditText("Germany")
    assert combo.code() == "DE"
    for alias, code in (
        ("USA", "US"),
        ("米国", "US"),
        ("大韓民国", "KR"),
        ("Czech Republic", "CZ"),
    ):
        combo.setEditText(alias)
        assert combo.code() == code
    combo.setEditText("Atlantis")
    assert combo.code() == "Atlantis"  # left for the validation to report
    combo.set_code("XX")
    assert combo.code() == "XX"
    completer = combo.completer()
    assert completer is not None and completer.filterMode() == Qt.MatchFlag.MatchContains


def test_time_zone_combo_lists_iana_zones_and_keeps_typed_text(qtbot: QtBot) -> None:
    combo = TimeZoneCombo()
    qtbot.addWidget(combo)
    assert combo.zone() == ""
    assert combo.findText("Asia/Tokyo") >= 0 and combo.findText("America/Chicago") >= 0
    combo.set_zone("Asia/Tokyo")
    assert combo.currentIndex() == combo.findText("Asia/Tokyo")
    combo.set_zone("Asia/Tokio")
    assert combo.zone() == "Asia/Tokio"
    completer = combo.completer()
    assert completer is not None
    completer.setCompletionPrefix("tokyo")
    assert completer.currentCompletion() == "Asia/Tokyo"


def test_optional_date_edit_holds_none_or_a_date(qtbot: QtBot) -> None:
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    assert edit.value() is None
    assert edit.edit.text() == "" and edit.edit.placeholderText() == "none"
    assert not edit.clear_button.isEnabled()
    edit.set_default(date(2027, 3, 1))
    with qtbot.waitSignal(edit.value_changed) as changed:
        qtbot.keyClick(edit.edit, Qt.Key.Key_Up)  # starts at the default, not in 1752
    assert changed.args == [date(2027, 3, 1)]
    edit.set_value(date(1980, 5, 17))
    assert edit.value() == date(1980, 5, 17) and edit.edit.text() == "1980-05-17"
    qtbot.mouseClick(edit.clear_button, Qt.MouseButton.LeftButton)
    assert edit.value() is None
    edit.set_value(date(1980, 5, 17))
    edit.edit.lineEdit().selectAll()
    qtbot.keyClick(edit.edit, Qt.Key.Key_Delete)
    assert edit.value() is None

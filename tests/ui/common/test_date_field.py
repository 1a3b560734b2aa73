"""Date fields accept a date typed in every offered format and language, never a weekday."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.common.date_field import DateField, parse_typed_date
from planner.ui.common.preferences import DateFormat
from planner.ui.shell.language import install_language, remove_language
from planner.ui.visits.editors import VisitEditors
from tests.fixtures.sample import Sample

MARCH_10 = date(2027, 3, 10)


@pytest.mark.parametrize(
    "text",
    [
        "2027-03-10", "2027-3-10", "2027/3/10", "2027/03/10", "2027.3.10", "20270310",
        "2027年3月10日", "2027年3月10日(水)", "2027年3月10日(月)", "2027年3月10日（水）",
        "10 Mar 2027", "10 March 2027", "Mar 10, 2027", "Wed 10 March 2027",
        "令和9年3月10日", "２０２７／３／１０", "  2027-03-10  ",
    ],
)  # fmt: skip
def test_every_offered_form_reads_as_the_same_day(text: str) -> None:
    assert parse_typed_date(text) == MARCH_10


@pytest.mark.parametrize(
    "text", ["", "2027", "2027-02-30", "2027/13/01", "46478", "03/10/2027", "tomorrow",
             "9999-01-01", "2027年3月", "(水)"],
)  # fmt: skip
def test_what_is_not_a_date_is_refused(text: str) -> None:
    assert parse_typed_date(text) is None


def test_month_first_numbers_only_in_the_us_format() -> None:
    assert parse_typed_date("03/10/2027", DateFormat.US) == MARCH_10
    assert parse_typed_date("3/10/2027", DateFormat.US) == MARCH_10
    assert parse_typed_date("02/30/2027", DateFormat.US) is None
    assert parse_typed_date("2027/3/10", DateFormat.US) == MARCH_10  # year-first stays clear


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translators = install_language(qapp, "ja")
    yield
    remove_language(qapp, translators)


def _field(qtbot: QtBot, date_format: DateFormat, *, nullable: bool = False) -> DateField:
    field = DateField(nullable=nullable)
    qtbot.addWidget(field)
    field.set_date_format(date_format)
    field.show()
    qtbot.waitExposed(field)
    field.setFocus()
    return field


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying *text* one character at a time (QTest types ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _type(qtbot: QtBot, field: DateField, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # editing ends: the text is rewritten


def _check_typing_in_every_format(qtbot: QtBot) -> None:
    for date_format in DateFormat:
        field = _field(qtbot, date_format)
        field.set_value(date(2026, 1, 1))
        for text in ("2027年3月10日", "2027/3/10", "2027-3-10", "2027.3.10"):
            _type(qtbot, field, text)
            assert field.value() == MARCH_10, (date_format, text)
        # What the field writes, typed back, is the same day (the weekday is no section).
        shown = field.text()
        assert "(" not in shown
        _type(qtbot, field, shown)
        assert field.value() == MARCH_10, (date_format, shown)
        # The format's own rendering, with its weekday, reads back too.
        _type(qtbot, field, date_format.render(MARCH_10))
        assert field.value() == MARCH_10, (date_format, date_format.render(MARCH_10))


def test_typing_in_every_format_in_english(qtbot: QtBot) -> None:
    _check_typing_in_every_format(qtbot)


@pytest.mark.usefixtures("japanese")
def test_typing_in_every_format_in_japanese(qtbot: QtBot) -> None:
    _check_typing_in_every_format(qtbot)


@pytest.mark.usefixtures("japanese")
def test_day_month_format_in_japanese_shows_english_month_names(qtbot: QtBot) -> None:
    field = _field(qtbot, DateFormat.DAY_MONTH)
    field.set_value(date(2027, 3, 8))
    assert field.text() == "8 Mar 2027"
    japanese_long = _field(qtbot, DateFormat.JAPANESE_LONG)
    japanese_long.set_value(date(2027, 3, 8))
    assert japanese_long.text() == "2027年3月8日"
    assert "月" in japanese_long.toolTip()  # the weekday is shown beside, in the tooltip


def test_unreadable_text_reverts_and_never_changes_the_date(qtbot: QtBot) -> None:
    field = _field(qtbot, DateFormat.ISO)
    field.set_value(MARCH_10)
    changes: list[object] = []
    field.value_changed.connect(changes.append)
    field.selectAll()
    type_text(field, "2027/02/30")
    assert not field.is_acceptable() and field.property("invalid") is True
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == MARCH_10 and field.text() == "2027-03-10" and changes == []


def test_signals_and_keys(qtbot: QtBot) -> None:
    field = _field(qtbot, DateFormat.ISO, nullable=True)
    field.default_date = MARCH_10
    assert field.value() is None and not field.date().isValid()
    with qtbot.waitSignal(field.dateChanged) as changed:
        qtbot.keyClick(field, Qt.Key.Key_Up)  # from empty: the default date
    assert changed.args == [QDate(2027, 3, 10)]
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == date(2027, 3, 11)
    field.set_value(date(2027, 1, 31))
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    assert field.value() == date(2027, 2, 28)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None  # read from the text at once
    with qtbot.waitSignal(field.value_changed) as cleared:
        qtbot.keyClick(field, Qt.Key.Key_Return)  # and committed when editing ends
    assert cleared.args == [None]


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_calendar_popup_picks_a_day(qtbot: QtBot) -> None:
    field = _field(qtbot, DateFormat.ISO)
    field.set_value(MARCH_10)
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar()
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate() == QDate(2027, 3, 10)
    calendar.clicked.emit(QDate(2027, 4, 2))
    assert field.value() == date(2027, 4, 2) and not calendar.isVisible()


@pytest.mark.usefixtures("japanese")
def test_visit_editor_reads_kanji_dates_in_the_japanese_long_format(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    """The issue's case: in 2027年3月8日(月), typing 2027年3月10日 gave 7 March."""
    assert sample.visit_in.id is not None
    window = QWidget()
    qtbot.addWidget(window)
    editors = VisitEditors(services, QUndoStack(window), window)
    editors.date_pattern = DateFormat.JAPANESE_LONG.qt_pattern
    editor = editors.open(sample.visit_in.id)
    stay = (sample.visit_in.departure_date - sample.visit_in.arrival_date).days
    assert "(" not in editor.arrival.text()  # no weekday among what is edited
    editor.arrival.setFocus()
    _type(qtbot, editor.arrival, "2027年3月10日")
    assert editor.collect().arrival_date == MARCH_10
    # The departure followed, keeping the length of the stay.
    assert (editor.collect().departure_date - MARCH_10).days == stay

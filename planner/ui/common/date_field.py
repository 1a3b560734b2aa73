"""A date field that accepts a date typed in any of the forms coordinators write.

QDateEdit edits sections of its display pattern: with a weekday in the pattern, typing
``2027年3月10日`` set the weekday section (and so moved the date to 7 March), month names
came from the locale (``4 2月 2027``) and ``2027/3/10`` was refused in the ISO pattern. This
field is a line edit instead: what is typed is parsed as a whole — numbers with ``/``, ``-``
or ``.``, ``8 Mar 2027``, ``Mar 8, 2027``, ``2027年3月8日`` (a weekday in parentheses is
ignored) — and written back in the chosen format when editing ends. The weekday is never
editable: it is shown in the tooltip. A calendar pops up from the button, Alt+Down or F4;
Up/Down move a day, Page Up/Down a month.

It keeps QDateEdit's calls that editors use (``date``, ``setDate``, ``dateChanged``,
``setDisplayFormat``) and adds Python-date ones (``value``, ``set_value``,
``value_changed``); with *nullable* it may be empty.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from datetime import date as PyDate  # noqa: N812 - the class has a date() method, as QDateEdit

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLineEdit, QStyle, QWidget

from planner.domain.limits import MAX_YEAR, MIN_YEAR
from planner.importing.dates import parse_date
from planner.ui.common.formats import day_heading
from planner.ui.common.palette import error_colour
from planner.ui.common.preferences import DateFormat

_WEEKDAY_SUFFIX = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_WEEKDAY_PREFIX = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_NUMERIC_MDY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_typed_date(text: str, date_format: DateFormat = DateFormat.ISO) -> date | None:
    """The date *text* means, or None when it is not one.

    Year-first numbers with ``-``, ``/`` or ``.``, ``20270310``, English month names in
    either order, ``2027年3月10日`` and Reiwa dates are read in every format; a
    month-first ``03/10/2027`` only when *date_format* is the US one (elsewhere it is
    ambiguous and refused). A weekday, before the date or in parentheses after it, is
    ignored: it is never what decides the date.
    """
    norm = unicodedata.normalize("NFKC", text).strip()
    norm = _WEEKDAY_PREFIX.sub("", _WEEKDAY_SUFFIX.sub("", norm)).strip()
    if not norm:
        return None
    if match := _COMPACT.match(norm):
        norm = f"{match[1]}-{match[2]}-{match[3]}"
    elif norm.isdigit():
        return None  # not an Excel serial number here: a half-typed year
    if (match := _NUMERIC_MDY.match(norm)) and date_format is DateFormat.US:
        try:
            made = date(int(match[3]), int(match[1]), int(match[2]))
        except ValueError:
            return None
        return made if MIN_YEAR <= made.year <= MAX_YEAR else None
    parsed = parse_date(norm)
    return parsed if isinstance(parsed, date) else None


def _format_for_pattern(pattern: str) -> DateFormat:
    for candidate in DateFormat:
        if candidate.qt_pattern == pattern:
            return candidate
    return DateFormat.ISO


class DateField(QLineEdit):
    """A typed date with a calendar popup; empty means None when *nullable*."""

    value_changed = Signal(object)  # PyDate | None
    dateChanged = Signal(QDate)  # noqa: N815 - QDateEdit's name, which editors connect to

    def __init__(self, parent: QWidget | None = None, *, nullable: bool = False) -> None:
        super().__init__(parent)
        self._nullable = nullable
        self._format = DateFormat.ISO
        self._value: PyDate | None = None if nullable else _today()
        self.default_date: PyDate = _today()
        self._calendar: QCalendarWidget | None = None
        if nullable:
            self.setPlaceholderText(QCoreApplication.translate("RecordEditor", "none"))
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.calendar_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(
            QCoreApplication.translate("RecordEditor", "Choose from a calendar (Alt+Down)")
        )
        self.calendar_action.triggered.connect(self.show_calendar)
        self.textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._tidy)
        self._show()

    # -- QDateEdit-compatible calls --------------------------------------------------------

    def date(self) -> QDate:
        """The date shown (a null QDate when empty)."""
        value = self._value
        return QDate() if value is None else QDate(value.year, value.month, value.day)

    def setDate(self, value: QDate) -> None:  # noqa: N802
        """Show *value* (a null or invalid QDate empties a nullable field)."""
        if value.isValid():
            self.set_value(PyDate(value.year(), value.month(), value.day()))
        elif self._nullable:
            self.set_value(None)

    def setDisplayFormat(self, pattern: str) -> None:  # noqa: N802
        """Write dates in the :class:`DateFormat` whose Qt pattern is *pattern*."""
        self.set_date_format(_format_for_pattern(pattern))

    def setCalendarPopup(self, enabled: bool) -> None:  # noqa: N802
        """Kept for QDateEdit's callers: the calendar is always offered."""
        self.calendar_action.setVisible(enabled)

    def lineEdit(self) -> QLineEdit:  # noqa: N802
        """The text field itself (QDateEdit's callers select text through it)."""
        return self

    # -- Python dates ----------------------------------------------------------------------

    def value(self) -> PyDate | None:
        """The date the text says (None when empty and nullable).

        While a date is being typed, the last readable date stays in force: a save in the
        middle of typing never stores a half-typed day.
        """
        return self._read(self.text())

    def _read(self, text: str) -> PyDate | None:
        if not text.strip():
            return None if self._nullable else self._value
        parsed = parse_typed_date(text, self._format)
        return self._value if parsed is None else parsed

    def set_value(self, value: PyDate | None) -> None:
        """Show *value* in the chosen format (None: empty, for a nullable field)."""
        if value is None and not self._nullable:
            self._show()
            return
        changed = value != self._value
        self._value = value
        self._show()
        if changed:
            self._emit()

    def set_date_format(self, date_format: DateFormat) -> None:
        """Write dates as *date_format* from now on (typing accepts every format anyway)."""
        self._format = date_format
        self._show()

    def is_acceptable(self) -> bool:
        """True when the text is empty (nullable) or a date: nothing typed is being lost."""
        text = self.text().strip()
        if not text:
            return self._nullable
        return parse_typed_date(text, self._format) is not None

    # -- behaviour -------------------------------------------------------------------------

    def _rendered(self, value: PyDate) -> str:
        if self._format is DateFormat.JAPANESE_LONG:
            # The weekday is no part of what is edited; it shows in the tooltip.
            return f"{value.year}年{value.month}月{value.day}日"
        return self._format.render(value)

    def _show(self) -> None:
        value = self._value
        self.setText("" if value is None else self._rendered(value))
        self.setToolTip("" if value is None else day_heading(value))
        self._mark(acceptable=True)

    def _emit(self) -> None:
        self.value_changed.emit(self._value)
        if self._value is not None:
            self.dateChanged.emit(self.date())

    def _on_text_edited(self, text: str) -> None:
        # Nothing is committed while typing ("2027/02/3" is on its way to the 30th or 31st):
        # the text is only marked readable or not, with the weekday it would fall on.
        if not text.strip():
            self._mark(acceptable=self._nullable)
            return
        parsed = parse_typed_date(text, self._format)
        self._mark(acceptable=parsed is not None)
        if parsed is not None:
            self.setToolTip(day_heading(parsed))

    def _tidy(self) -> None:
        """Editing ended: commit what was typed, in the chosen format; unreadable text
        reverts to the date in force."""
        self.set_value(self._read(self.text()))

    def _mark(self, *, acceptable: bool) -> None:
        # A dynamic property a style sheet can use, the error colour, and in the tooltip
        # what is expected.
        self.setProperty("invalid", not acceptable)
        colours = self.palette()
        colours.setColor(
            QPalette.ColorRole.Text,
            error_colour()
            if not acceptable
            else QApplication.palette(self).color(QPalette.ColorRole.Text),
        )
        self.setPalette(colours)
        if not acceptable:
            self.setToolTip(
                QCoreApplication.translate(
                    "RecordEditor",
                    "Not a date yet: type e.g. 2027-03-10, 2027/3/10, 10 Mar 2027 or 2027年3月10日",
                )
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Up/Down a day, Page Up/Down a month, Alt+Down or F4 the calendar."""
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.show_calendar()
            return
        steps = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_PageUp: (0, 1),
            Qt.Key.Key_PageDown: (0, -1),
        }
        if key in steps:
            self._step(*steps[Qt.Key(key)])
            return
        super().keyPressEvent(event)

    def _step(self, days: int, months: int) -> None:
        current = self.value()
        if current is None:
            # From empty, the keys start at the default date (not at some far-off minimum).
            self.set_value(self.default_date)
        elif months:
            index = current.month - 1 + months
            year, month = current.year + index // 12, index % 12 + 1
            day = min(current.day, _days_in_month(year, month))
            self.set_value(PyDate(year, month, day))
        else:
            self.set_value(current + timedelta(days=days))
        self.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self._tidy()

    def show_calendar(self) -> None:
        """Pop up a calendar on the date shown (or the default date) below the field."""
        calendar = self._calendar
        if calendar is None:
            calendar = QCalendarWidget(self)
            calendar.setWindowFlags(Qt.WindowType.Popup)
            calendar.setGridVisible(True)
            calendar.clicked.connect(self._picked)
            calendar.activated.connect(self._picked)
            self._calendar = calendar
        shown = self._value or self.default_date
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus()

    def calendar(self) -> QCalendarWidget | None:
        """The popup calendar once it has been shown (tests pick dates through it)."""
        return self._calendar

    def _picked(self, picked: QDate) -> None:
        if self._calendar is not None:
            self._calendar.hide()
        self.setDate(picked)
        self.setFocus()


def _today() -> date:
    """Today on this computer's calendar (where the coordinator types)."""
    today = QDate.currentDate()
    return date(today.year(), today.month(), today.day())


def _days_in_month(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day

"""Dialog for one itinerary item: each end has its own local time and IANA zone.

A local time that a daylight-saving change skips or repeats is never guessed: the dialog asks
which instant is meant, showing both choices with their UTC offsets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.entities import ItineraryItem
from planner.domain.enums import ItineraryKind
from planner.domain.errors import FieldProblem, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.itinerary_checks import LocalTimeQuestion, local_time_question
from planner.domain.itinerary_days import TRANSPORT_KINDS
from planner.domain.timezones import LocalTimeIssue, is_valid_zone, local_to_utc, utc_to_local
from planner.domain.validation import validate_itinerary_item
from planner.ui.common import formats
from planner.ui.common.errors import message_text
from planner.ui.common.form_widgets import TimeZoneCombo, ValidatedFormLayout
from planner.ui.itinerary.itinerary_model import kind_text

#: Asks which instant a wall time means: (parent, question, which end) → instant or None.
InstantAsker = Callable[[QWidget, LocalTimeQuestion, str], datetime | None]


def instant_question_box(
    parent: QWidget | None, question: LocalTimeQuestion, end_label: str
) -> tuple[QMessageBox, list[tuple[QPushButton, datetime]]]:
    """The message box asking which instant *question* means, and its two choice buttons."""
    box = QMessageBox(parent)
    box.setObjectName("instantQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ItineraryItemDialog", "Which time is meant?"))
    if question.issue is LocalTimeIssue.AMBIGUOUS:
        intro = QCoreApplication.translate(
            "ItineraryItemDialog",
            "The {end} time {wall} happens twice in {zone}: clocks go back that night.",
        )
    else:
        intro = QCoreApplication.translate(
            "ItineraryItemDialog",
            "The {end} time {wall} does not exist in {zone}: clocks jump forward that night.",
        )
    box.setText(
        intro.format(end=end_label, wall=formats.date_time(question.wall, ""), zone=question.zone)
    )
    box.setInformativeText(
        QCoreApplication.translate("ItineraryItemDialog", "Choose the instant you mean:")
    )
    buttons = []
    for choice in question.choices:
        button = box.addButton(message_text(choice.label), QMessageBox.ButtonRole.AcceptRole)
        buttons.append((button, choice.instant))
    box.addButton(QMessageBox.StandardButton.Cancel)
    return box, buttons


def ask_instant(parent: QWidget, question: LocalTimeQuestion, end_label: str) -> datetime | None:
    """Ask the user (modal) which of the two instants is meant; None if they cancel."""
    box, buttons = instant_question_box(parent, question, end_label)
    box.exec()
    clicked = box.clickedButton()
    for button, instant in buttons:
        if clicked is button:
            return instant
    return None


def _utc_zone() -> QTimeZone:
    return QTimeZone(QTimeZone.Initialization.UTC)


class WallTimeEdit(QDateTimeEdit):
    """A date-time edit for a wall time in *another* zone.

    It works in UTC internally so that the computer's own zone never shifts or rejects a time
    (02:30 on a spring-forward day is a valid entry here; the item's zone decides).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTimeZone(_utc_zone())
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setCalendarPopup(True)

    def wall(self) -> datetime:
        """The naive wall time shown."""
        value = self.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())  # noqa: DTZ001

    def set_wall(self, wall: datetime) -> None:
        """Show the naive wall time *wall*."""
        self.setDateTime(
            QDateTime(
                QDate(wall.year, wall.month, wall.day),
                QTime(wall.hour, wall.minute),
                _utc_zone(),
            )
        )


class ItineraryItemDialog(QDialog):
    """Create or edit an itinerary item; :attr:`item` holds the result after *accept*."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        visit_id: int,
        host_zone: str,
        item: ItineraryItem | None = None,
        default_day: date | None = None,
        asker: InstantAsker = ask_instant,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("itineraryItemDialog")
        self.setWindowTitle(
            QCoreApplication.translate("ItineraryItemDialog", "Edit itinerary item")
            if item
            else QCoreApplication.translate("ItineraryItemDialog", "New itinerary item")
        )
        self._visit_id = visit_id
        self._host_zone = host_zone
        self._original = item
        self.asker = asker
        self.item: ItineraryItem | None = None

        self._make_fields()
        self._build_form()
        self._add_buttons()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._fill(item, default_day)

    def _make_fields(self) -> None:
        """The input widgets, in form order."""
        self.kind_combo = QComboBox(self)
        for kind in ItineraryKind:
            self.kind_combo.addItem(kind_text(kind), kind)
        self.title_edit = QLineEdit(self)
        self.title_ja_edit = QLineEdit(self)
        self.start_edit = WallTimeEdit(self)
        self.start_zone = TimeZoneCombo(self)
        self.end_edit = WallTimeEdit(self)
        self.end_zone = TimeZoneCombo(self)
        self.location_edit = QLineEdit(self)
        self.address_edit = QLineEdit(self)
        self.confirmation_edit = QLineEdit(self)
        self.details_edit = QPlainTextEdit(self)
        self.details_edit.setTabChangesFocus(True)
        self.details_edit.setFixedHeight(60)
        self.details_ja_edit = QPlainTextEdit(self)
        self.details_ja_edit.setObjectName("detailsJa")
        self.details_ja_edit.setTabChangesFocus(True)
        self.details_ja_edit.setFixedHeight(60)
        self.internal_edit = QPlainTextEdit(self)
        self.internal_edit.setTabChangesFocus(True)
        self.internal_edit.setFixedHeight(48)

    def _build_form(self) -> None:
        """The form: one labelled row per field, errors shown under it."""
        self.form = ValidatedFormLayout()
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "&Kind:"), self.kind_combo, "kind"
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "&Title:"), self.title_edit, "title"
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "Title (&Japanese):"),
            self.title_ja_edit,
            "title_ja",
        )
        self.start_label = self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "&Starts (local):"),
            self.start_edit,
            "start",
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "Start &zone:"),
            self.start_zone,
            "start_zone",
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "&Ends (local):"),
            self.end_edit,
            "end",
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "E&nd zone:"),
            self.end_zone,
            "end_zone",
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "&Location:"),
            self.location_edit,
            "location_name",
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "&Address:"),
            self.address_edit,
            "location_address",
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "&Confirmation code:"),
            self.confirmation_edit,
            "confirmation_code",
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "&Details for the visitor:"),
            self.details_edit,
            "visitor_details",
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "Details in Ja&panese:"),
            self.details_ja_edit,
            "visitor_details_ja",
        )
        self.form.add_field(
            QCoreApplication.translate("ItineraryItemDialog", "&Internal notes (never exported):"),
            self.internal_edit,
            "internal_notes",
        )

    def _add_buttons(self) -> None:
        """OK and Cancel under the form."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    # -- filling -----------------------------------------------------------------------------

    def _fill(self, item: ItineraryItem | None, default_day: date | None) -> None:
        if item is None:
            day = default_day or date.today()  # noqa: DTZ011 - a starting suggestion only
            self.start_zone.set_zone(self._host_zone)
            self.end_zone.set_zone(self._host_zone)
            self.start_edit.set_wall(datetime.combine(day, time(9, 0)))
            self.end_edit.set_wall(datetime.combine(day, time(10, 0)))
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(ItineraryKind.MEETING))
            return
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(item.kind))
        self.title_edit.setText(item.title)
        self.title_ja_edit.setText(item.title_ja)
        self.start_zone.set_zone(item.start_zone)
        self.end_zone.set_zone(item.end_zone)
        start = utc_to_local(item.start_utc, item.start_zone).replace(tzinfo=None)
        end = utc_to_local(item.end_utc, item.end_zone).replace(tzinfo=None)
        self.start_edit.set_wall(start)
        self.end_edit.set_wall(end)
        self.location_edit.setText(item.location_name)
        self.address_edit.setText(item.location_address)
        self.confirmation_edit.setText(item.confirmation_code)
        self.details_edit.setPlainText(item.visitor_details)
        self.details_ja_edit.setPlainText(item.visitor_details_ja)
        self.internal_edit.setPlainText(item.internal_notes)

    def _kind_changed(self) -> None:
        # A journey has a departure and an arrival zone; say so where the zones are asked.
        kind = self.kind_combo.currentData()
        travel = kind in TRANSPORT_KINDS
        hint = (
            QCoreApplication.translate(
                "ItineraryItemDialog", "Departure and arrival each have their own zone."
            )
            if travel
            else ""
        )
        self.start_zone.setToolTip(hint)
        self.end_zone.setToolTip(hint)
        for field, travel_text, plain_text in (
            (
                "start_zone",
                QCoreApplication.translate("ItineraryItemDialog", "Departure zone:"),
                QCoreApplication.translate("ItineraryItemDialog", "Start zone:"),
            ),
            (
                "end_zone",
                QCoreApplication.translate("ItineraryItemDialog", "Arrival zone:"),
                QCoreApplication.translate("ItineraryItemDialog", "End zone:"),
            ),
        ):
            widget = self.form.field_widget(field)
            label = self.form.labelForField(widget) if widget is not None else None
            if label is not None and hasattr(label, "setText"):
                label.setText(travel_text if travel else plain_text)

    # -- reading -----------------------------------------------------------------------------

    def _instant(self, end: str, edit: WallTimeEdit, zone: str) -> datetime | None:
        """The UTC instant of one end, asking the user when the wall time is not one instant."""
        wall = edit.wall()
        question = local_time_question(wall, zone)
        if question is None:
            return local_to_utc(wall, zone)
        label = (
            QCoreApplication.translate("ItineraryItemDialog", "start")
            if end == "start"
            else QCoreApplication.translate("ItineraryItemDialog", "end")
        )
        return self.asker(self, question, label)

    def accept(self) -> None:
        """Validate; ask about daylight-saving times; keep the item and close if all is well."""
        self.form.clear_errors()
        problems: list[FieldProblem] = []
        zones = {"start": self.start_zone.zone(), "end": self.end_zone.zone()}
        for which, zone in zones.items():
            if not is_valid_zone(zone):
                problems.append(
                    FieldProblem(
                        f"{which}_zone",
                        QT_TRANSLATE_NOOP(
                            "Validation", "unknown time zone {zone} (e.g. Asia/Tokyo)"
                        ),
                        {"zone": repr(zone)},
                    )
                )
        if problems:
            self.form.show_problems(problems)
            return
        start_utc = self._instant("start", self.start_edit, zones["start"])
        if start_utc is None:
            return
        end_utc = self._instant("end", self.end_edit, zones["end"])
        if end_utc is None:
            return
        base = self._original or ItineraryItem(
            visit_id=self._visit_id,
            kind=ItineraryKind.OTHER,
            title="",
            start_utc=start_utc,
            start_zone=zones["start"],
            end_utc=end_utc,
            end_zone=zones["end"],
        )
        candidate = dataclasses.replace(
            base,
            kind=self.kind_combo.currentData(),
            title=self.title_edit.text().strip(),
            title_ja=self.title_ja_edit.text().strip(),
            start_utc=start_utc,
            start_zone=zones["start"],
            end_utc=end_utc,
            end_zone=zones["end"],
            location_name=self.location_edit.text().strip(),
            location_address=self.address_edit.text().strip(),
            confirmation_code=self.confirmation_edit.text().strip(),
            visitor_details=self.details_edit.toPlainText().strip(),
            visitor_details_ja=self.details_ja_edit.toPlainText().strip(),
            internal_notes=self.internal_edit.toPlainText().strip(),
        )
        try:
            validate_itinerary_item(candidate)
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            return
        self.item = candidate
        super().accept()

"""The selected event's occurrences, each at every participating site, with cancel/restore."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.domain.series import OccurrenceChange
from planner.domain.timezones import local_to_utc, utc_to_local
from planner.export.atomic import atomic_write
from planner.export.i18n import Lang
from planner.export.series import invitation_eml, invitees_of, series_ics
from planner.services.container import Services
from planner.services.events import SeriesDetails
from planner.ui.common.errors import planner_error_text
from planner.ui.common.form_widgets import show_undo_error
from planner.ui.common.formats import is_japanese
from planner.ui.common.placeholder import add_placeholder
from planner.ui.common.table_model import RowTableModel
from planner.ui.common.undo import run_undoable
from planner.ui.events.events_model import OCCURRENCE_COLUMNS, OccurrenceLine


class OccurrencesBox(QGroupBox):
    """Occurrences of one event with every site's local time and the honest flags."""

    def __init__(
        self, services: Services, parent: QWidget | None = None, undo: QUndoStack | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("EventsView", "Occurrences"), parent)
        self.setObjectName("occurrencesBox")
        self.services = services
        self.undo_stack = undo if undo is not None else QUndoStack(self)
        self.details: SeriesDetails | None = None
        self.model: RowTableModel[OccurrenceLine] = RowTableModel(OCCURRENCE_COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("occurrenceTable")
        self.table.setAccessibleName(QCoreApplication.translate("EventsView", "Occurrences"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setModel(self.model)
        self.placeholder = add_placeholder(
            self.table,
            QCoreApplication.translate(
                "EventsView",
                "Select an event above to see each of its sessions with the local time at "
                "every site.",
            ),
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.cancel_button = QPushButton(
            QCoreApplication.translate("EventsView", "&Cancel this occurrence"), self
        )
        self.cancel_button.setObjectName("cancelOccurrence")
        self.restore_button = QPushButton(
            QCoreApplication.translate("EventsView", "Restore &all occurrences"), self
        )
        self.restore_button.setObjectName("restoreOccurrences")
        self.move_button = QPushButton(
            QCoreApplication.translate("EventsView", "&Move this occurrence…"), self
        )
        self.move_button.setObjectName("moveOccurrence")
        self.ics_button = QPushButton(
            QCoreApplication.translate("EventsView", "Save ca&lendar (.ics)…"), self
        )
        self.ics_button.setObjectName("saveSeriesCalendar")
        self.eml_button = QPushButton(
            QCoreApplication.translate("EventsView", "Save &invitation (.eml)…"), self
        )
        self.eml_button.setObjectName("saveSeriesInvitation")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ics_button)
        buttons.addWidget(self.eml_button)
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        # On a line of its own: beside five buttons it was squeezed into three lines.
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.move_button.clicked.connect(self.open_move_dialog)
        self.ics_button.clicked.connect(lambda: self.ask_and_export("ics"))
        self.eml_button.clicked.connect(lambda: self.ask_and_export("eml"))
        self.restore_button.clicked.connect(self.restore_all)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def show_event(self, event_id: int | None) -> None:
        """Show the occurrences of *event_id* (nothing for None)."""
        self.details = self.services.events.details(event_id) if event_id is not None else None
        details = self.details
        lines = [] if details is None else [
            OccurrenceLine(o, t) for o, t in zip(details.occurrences, details.times, strict=True)
        ]  # fmt: skip
        self.model.set_rows(lines)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        if details is None:
            self.summary.setText("")
        else:
            self.summary.setText(QCoreApplication.translate(
                "EventsView", "Occurrences: {count}; cancelled: {cancelled}; moved: {moved}"
            ).format(count=len(lines), cancelled=sum(c.cancelled for c in details.changes),
                     moved=sum(o.moved for o in details.occurrences)))  # fmt: skip
        self._update_buttons()

    def _update_buttons(self) -> None:
        series = self.details is not None and len(self.details.occurrences) > 1
        self.cancel_button.setEnabled(series and self.table.currentIndex().isValid())
        self.move_button.setEnabled(series and self.table.currentIndex().isValid())
        self.restore_button.setEnabled(self.details is not None and bool(self.details.changes))
        self.ics_button.setEnabled(self.details is not None)
        self.eml_button.setEnabled(self.details is not None)

    def _selected(self) -> tuple[int, OccurrenceLine] | None:
        index = self.table.currentIndex()
        if self.details is None or not index.isValid() or self.details.event.id is None:
            return None
        return self.details.event.id, self.model.row_at(index.row())

    def _previous(self, line: OccurrenceLine) -> OccurrenceChange | None:
        assert self.details is not None
        day = line.occurrence.original_date
        return next((c for c in self.details.changes if c.original_date == day), None)

    def _run(self, label: str, apply: Callable[[], None], revert: Callable[[], None]) -> bool:
        try:
            run_undoable(self.undo_stack, label, apply, lambda _r: revert(), show_undo_error)
        except PlannerError as exc:
            self._refused(exc)
            return False
        return True

    def _put_back(self, event_id: int, day: date, before: OccurrenceChange | None) -> None:
        """Undo: the occurrence as it was (as computed, cancelled or moved)."""
        events = self.services.events
        if before is None:
            events.restore_occurrence(event_id, day)
        else:
            events.change_occurrence(
                event_id,
                before.original_date,
                cancelled=before.cancelled,
                start_utc=before.start_utc,
                end_utc=before.end_utc,
            )

    def cancel_selected(self) -> bool:
        """Cancel the selected occurrence of the series (undoable)."""
        selected = self._selected()
        if selected is None:
            return False
        event_id, line = selected
        day, before = line.occurrence.original_date, self._previous(line)
        label = QCoreApplication.translate("EventsView", "Cancel the occurrence of {date}")
        return self._run(
            label.format(date=day.isoformat()),
            lambda: self.services.events.change_occurrence(event_id, day, cancelled=True),
            lambda: self._put_back(event_id, day, before),
        )

    def move_selected(self, wall: datetime, minutes: int) -> bool:
        """Move the selected occurrence to *wall* (naive, in the series' zone) for *minutes*
        (undoable); a wall time skipped or repeated by a clock change is refused."""
        selected = self._selected()
        if selected is None or self.details is None:
            return False
        event_id, line = selected
        zone = self.details.event.start_zone
        try:
            start = local_to_utc(wall, zone, "start")
        except PlannerError as exc:
            self._refused(exc)
            return False
        end = start + timedelta(minutes=minutes)
        day, before = line.occurrence.original_date, self._previous(line)
        label = QCoreApplication.translate("EventsView", "Move the occurrence of {date}")
        return self._run(
            label.format(date=day.isoformat()),
            lambda: self.services.events.change_occurrence(
                event_id, day, start_utc=start, end_utc=end
            ),
            lambda: self._put_back(event_id, day, before),
        )

    def open_move_dialog(self) -> None:
        """Ask for the new local start and length, then move (the dialog is not modal)."""
        selected = self._selected()
        if selected is None or self.details is None:
            return
        dialog = self.make_move_dialog(selected[1])
        dialog.accepted.connect(
            lambda: self.move_selected(_wall(dialog.when), dialog.minutes.value())
        )
        dialog.open()

    def make_move_dialog(self, line: OccurrenceLine) -> MoveDialog:
        """The dialog for moving *line*'s occurrence (tests drive it)."""
        assert self.details is not None
        zone = self.details.event.start_zone
        local = utc_to_local(line.occurrence.start_utc, zone)
        minutes = int((line.occurrence.end_utc - line.occurrence.start_utc).total_seconds() // 60)
        return MoveDialog(zone, local.replace(tzinfo=None), max(1, minutes), self)

    def restore_all(self) -> bool:
        """Undo every cancellation and move of the series (one undo step)."""
        if self.details is None or self.details.event.id is None:
            return False
        event_id, changes = self.details.event.id, list(self.details.changes)

        def restore() -> None:
            for change in changes:
                self.services.events.restore_occurrence(event_id, change.original_date)

        def put_back() -> None:
            for change in changes:
                self._put_back(event_id, change.original_date, change)

        return self._run(
            QCoreApplication.translate("EventsView", "Restore all occurrences"), restore, put_back
        )

    def ask_and_export(self, fmt: str) -> None:
        """Ask where to save the event's calendar (*fmt* ``ics``) or invitation (``eml``)."""
        if self.details is None or self.details.event.id is None:
            return
        suggested = f"event-{self.details.event.id}.{fmt}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("EventsView", "Save the event for participants"),
            str(Path.home() / suggested),
            f"*.{fmt}",
        )
        if chosen:
            self.export_to(Path(chosen), fmt)

    def export_to(self, path: Path, fmt: str) -> bool:
        """Write the selected event's calendar file or invitation draft (the series with its
        exceptions; dates and labels in the interface's language); False when refused."""
        if self.details is None or self.details.event.id is None:
            return False
        lang = Lang.JA if is_japanese() else Lang.EN
        try:
            if fmt == "ics":
                data = series_ics(self.details, lang)
            else:
                data = invitation_eml(self.details, invitees_of(self.services, self.details), lang)
            atomic_write(path, data)
        except PlannerError as exc:
            self._refused(exc)
            return False
        return True

    def _refused(self, exc: PlannerError) -> None:
        QMessageBox.warning(
            self,
            QCoreApplication.translate("EventsView", "Cannot change the series"),
            planner_error_text(exc),
        )


def _wall(edit: QDateTimeEdit) -> datetime:
    value = edit.dateTime()
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())  # noqa: DTZ001 - wall time


class MoveDialog(QDialog):
    """New local start (in the series' zone) and length of one occurrence."""

    def __init__(self, zone: str, wall: datetime, minutes: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("moveOccurrenceDialog")
        self.setWindowTitle(QCoreApplication.translate("EventsView", "Move this occurrence"))
        self.when = QDateTimeEdit(self)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setDateTime(QDateTime(QDate(wall.year, wall.month, wall.day),
                                        QTime(wall.hour, wall.minute)))  # fmt: skip
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(minutes)
        form = QFormLayout(self)
        form.addRow(
            QCoreApplication.translate("EventsView", "Starts ({zone}):").format(zone=zone),
            self.when,
        )
        form.addRow(QCoreApplication.translate("EventsView", "Length (minutes):"), self.minutes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

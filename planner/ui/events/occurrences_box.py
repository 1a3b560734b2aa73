"""The selected event's occurrences, each at every participating site, with cancel/restore."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.services.container import Services
from planner.services.events import SeriesDetails
from planner.ui.common.errors import planner_error_text
from planner.ui.common.table_model import RowTableModel
from planner.ui.events.events_model import OCCURRENCE_COLUMNS, OccurrenceLine


class OccurrencesBox(QGroupBox):
    """Occurrences of one event with every site's local time and the honest flags."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("EventsView", "Occurrences"), parent)
        self.setObjectName("occurrencesBox")
        self.services = services
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.cancel_selected)
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
                "EventsView", "{count} occurrence(s); {cancelled} cancelled, {moved} moved"
            ).format(count=len(lines), cancelled=sum(c.cancelled for c in details.changes),
                     moved=sum(o.moved for o in details.occurrences)))  # fmt: skip
        self._update_buttons()

    def _update_buttons(self) -> None:
        series = self.details is not None and len(self.details.occurrences) > 1
        self.cancel_button.setEnabled(series and self.table.currentIndex().isValid())
        self.restore_button.setEnabled(self.details is not None and bool(self.details.changes))

    def cancel_selected(self) -> bool:
        """Cancel the selected occurrence of the series (Restore brings it back)."""
        index = self.table.currentIndex()
        if self.details is None or not index.isValid() or self.details.event.id is None:
            return False
        line = self.model.row_at(index.row())
        try:
            self.services.events.change_occurrence(
                self.details.event.id, line.occurrence.original_date, cancelled=True
            )
        except PlannerError as exc:
            self._refused(exc)
            return False
        return True

    def restore_all(self) -> bool:
        """Undo every cancellation and move of the series."""
        if self.details is None or self.details.event.id is None:
            return False
        try:
            for change in self.details.changes:
                self.services.events.restore_occurrence(self.details.event.id, change.original_date)
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

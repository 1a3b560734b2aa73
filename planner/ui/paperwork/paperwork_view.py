"""The paperwork view: items of every visit still planned or running, with filters."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import PaperworkStatus, RecordKind, ResponsibleParty
from planner.domain.errors import ConflictError, PlannerError
from planner.domain.paperwork import SETTLED_STATUSES, Attachment, PaperworkItem
from planner.domain.rules import RulesError
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.paperwork import today_local
from planner.ui.common import palette
from planner.ui.common.bridge import ChangeBridge
from planner.ui.common.columns import CODE_SAMPLE, Sample, apply_column_rules
from planner.ui.common.conflict_dialog import ConflictDialog
from planner.ui.common.errors import planner_error_text
from planner.ui.common.labels import paperwork_status_label, responsible_label
from planner.ui.common.placeholder import add_placeholder
from planner.ui.common.roles import ID_ROLE, VISIT_ID_ROLE
from planner.ui.common.status import ViewStatus
from planner.ui.common.undo import undoable_update
from planner.ui.common.view import ViewDefaults
from planner.ui.paperwork.attach import accept_item_drops, attach_files
from planner.ui.paperwork.paperwork_models import (
    Keep,
    OverviewColumn,
    OverviewFilterProxy,
    PaperworkOverviewModel,
    Show,
)

RELOAD_KINDS = frozenset(
    {
        RecordKind.PAPERWORK_ITEM,
        RecordKind.VISIT,
        RecordKind.PERSON,
        RecordKind.INSTITUTION,
        RecordKind.AGREEMENT,
    }
)


#: Typical widest texts of the short columns.
_SAMPLES: dict[int, str] = {
    OverviewColumn.VISIT: CODE_SAMPLE,
    OverviewColumn.RESPONSIBLE: "Coordinator",
    OverviewColumn.STATUS: "Not started",
    OverviewColumn.DUE: "28 Sep 2027",
    OverviewColumn.LATE: "late by 10 days",
    OverviewColumn.BLOCKING: "Blocking",
}


class PaperworkView(ViewDefaults, QWidget):
    """Every paperwork item across visits; ``visit_activated(id)`` on double-click."""

    visit_activated = Signal(int)
    counts_changed = Signal(int, int)

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paperworkView")
        self.services = services
        self.undo_stack = undo_stack
        #: What "today" is for overdue and due soon (tests replace it).
        self.today: Callable[[], date] = today_local

        self._build_model()
        self._build_filters()
        self._build_table()
        self._build_actions()
        self._build_layout()
        self._connect_signals()
        self.bridge = ChangeBridge(services.bus, self)
        self.bridge.changed.connect(self._on_change)
        self.destroyed.connect(self.bridge.close)
        self.reload()

    def _build_model(self) -> None:
        """The overview model and the proxy that filters and sorts it."""
        self.model = PaperworkOverviewModel(self)
        self.proxy = OverviewFilterProxy(lambda: self.today(), self)
        self.proxy.setSourceModel(self.model)
        self.status = ViewStatus(self._status_text, self, self.proxy, self.model)
        # With a broken rules file the rules view explains the problem; keep the default.
        with contextlib.suppress(RulesError):
            self.proxy.due_soon_days = self.services.paperwork.ruleset.settings.due_soon_days

    def _build_filters(self) -> None:
        """The filter row: what to show, document type, who is responsible, free text."""
        self.show_combo = QComboBox(self)
        self.show_combo.setObjectName("paperworkShow")
        self.show_combo.setAccessibleName(QCoreApplication.translate("PaperworkView", "Show"))
        for show, text in (
            (Show.OPEN, QCoreApplication.translate("PaperworkView", "Open items")),
            (Show.OVERDUE, QCoreApplication.translate("PaperworkView", "Overdue")),
            (
                Show.DUE_SOON,
                QCoreApplication.translate("PaperworkView", "Overdue or due within %1 days"),
            ),
            (Show.ALL, QCoreApplication.translate("PaperworkView", "All items")),
        ):
            self.show_combo.addItem(text.replace("%1", str(self.proxy.due_soon_days)), show)
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("paperworkType")
        self.type_combo.setAccessibleName(
            QCoreApplication.translate("PaperworkView", "Document type")
        )
        self.type_combo.addItem(
            QCoreApplication.translate("PaperworkView", "Every document type"), ""
        )
        self.responsible_combo = QComboBox(self)
        self.responsible_combo.setObjectName("paperworkResponsible")
        self.responsible_combo.setAccessibleName(
            QCoreApplication.translate("PaperworkView", "Responsible")
        )
        self.responsible_combo.addItem(
            QCoreApplication.translate("PaperworkView", "Anyone responsible"), None
        )
        for party in ResponsibleParty:
            self.responsible_combo.addItem(responsible_label(party), party)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("paperworkFilter")
        self.filter_edit.setAccessibleName(
            QCoreApplication.translate("PaperworkView", "Filter paperwork")
        )
        self.filter_edit.setPlaceholderText(
            QCoreApplication.translate("PaperworkView", "Filter (visit, visitor, document)")
        )
        self.filter_edit.setClearButtonEnabled(True)

    def _build_table(self) -> None:
        """The table of items, due date first."""
        self.table = QTableView(self)
        self.table.setObjectName("paperworkOverview")
        self.table.setAccessibleName(QCoreApplication.translate("PaperworkView", "Paperwork items"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(OverviewColumn.DUE, Qt.SortOrder.AscendingOrder)
        # The visitor's name and the document's title share what the short columns leave.
        samples: dict[int, Sample] = {
            **_SAMPLES,
            OverviewColumn.RESPONSIBLE: [responsible_label(p) for p in ResponsibleParty],
            OverviewColumn.STATUS: [paperwork_status_label(s) for s in PaperworkStatus],
        }
        self.columns = apply_column_rules(
            self.table, (OverviewColumn.VISITOR, OverviewColumn.DOCUMENT), samples
        )
        self.placeholder = add_placeholder(
            self.table, QCoreApplication.translate("PaperworkView", "Nothing outstanding.")
        )
        self.table.doubleClicked.connect(self._activated)
        self.file_drop = accept_item_drops(self.table, self.attach_files)

    def _build_actions(self) -> None:
        """The count, the error line and setting the status of the selected items."""
        self.count_label = QLabel(self)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("paperworkSetStatus")
        self.status_combo.setAccessibleName(
            QCoreApplication.translate("PaperworkView", "New status of the selected items")
        )
        for status in PaperworkStatus:
            self.status_combo.addItem(paperwork_status_label(status), status)
        self.status_button = QPushButton(
            QCoreApplication.translate("PaperworkView", "Set status of selected"), self
        )
        self.status_button.clicked.connect(self._set_selected_status)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(f"color: {palette.error_colour().name()}")
        self.error_label.setWordWrap(True)

    def _build_layout(self) -> None:
        """Filters above the table, actions below it."""
        for combo in (self.show_combo, self.type_combo, self.responsible_combo, self.status_combo):
            # Long document titles must not force the window wider than the screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(15)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        filters = QHBoxLayout()
        filters.addWidget(self.show_combo)
        filters.addWidget(self.type_combo)
        filters.addWidget(self.responsible_combo)
        filters.addWidget(self.filter_edit, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addWidget(self.error_label, 1)
        actions.addWidget(self.status_combo)
        actions.addWidget(self.status_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def _connect_signals(self) -> None:
        """Filters re-filter; any change of the rows recounts them."""
        self.show_combo.currentIndexChanged.connect(self._criteria_changed)
        self.type_combo.currentIndexChanged.connect(self._criteria_changed)
        self.responsible_combo.currentIndexChanged.connect(self._criteria_changed)
        self.filter_edit.textChanged.connect(self._criteria_changed)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)

    def reload(self) -> None:
        """Read every item again."""
        rows = self.services.paperwork.overview(self.today())
        self.model.set_rows(rows)
        current = self.type_combo.currentData()
        types = sorted({(r.title, r.code) for r in rows})
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem(
            QCoreApplication.translate("PaperworkView", "Every document type"), ""
        )
        for title, code in types:
            self.type_combo.addItem(title, code)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(current)))
        self.type_combo.blockSignals(False)
        self._count()

    def set_filter(
        self,
        show: Show | None = None,
        type_code: str | None = None,
        responsible: ResponsibleParty | Keep | None = Keep.KEEP,
    ) -> None:
        """Choose the filters programmatically (the dashboard links here)."""
        if show is not None:
            combo = self.show_combo
            combo.setCurrentIndex(
                next((i for i in range(combo.count()) if combo.itemData(i) == show), 0)
            )
        if type_code is not None:
            self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(type_code)))
        if not isinstance(responsible, Keep):
            # findData() does not match enum members reliably across bindings: compare here.
            combo = self.responsible_combo
            index = next((i for i in range(combo.count()) if combo.itemData(i) == responsible), 0)
            combo.setCurrentIndex(index)

    def _criteria_changed(self, *_args: object) -> None:
        self.proxy.set_criteria(
            show=Show(self.show_combo.currentData()),
            type_code=self.type_combo.currentData() or "",
            # Qt hands the enum back as its plain string value.
            responsible=ResponsibleParty(party)
            if (party := self.responsible_combo.currentData())
            else None,
            text=self.filter_edit.text(),
        )
        self._count()

    def attach_files(self, item_id: int, paths: Sequence[Path]) -> list[Attachment]:
        """Attach *paths* (dropped on a row) to item *item_id*, undoably."""
        self.error_label.clear()
        return attach_files(
            self.services, self.undo_stack, item_id, paths, self.error_label.setText
        )

    def _status_text(self) -> str:
        # Outstanding and late count every item not settled, whatever the filter shows.
        items = [self.model.row_item(row) for row in range(self.model.rowCount())]
        outstanding = [item for item in items if item.status not in SETTLED_STATUSES]
        late = sum(1 for item in outstanding if item.late_by_days)
        locale = QLocale()
        return QCoreApplication.translate(
            "PaperworkView", "{outstanding} items outstanding, {late} late · showing {shown}"
        ).format(
            outstanding=locale.toString(len(outstanding)),
            late=locale.toString(late),
            shown=locale.toString(self.proxy.rowCount()),
        )

    def _count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            QCoreApplication.translate("PaperworkView", "%1 of %2 items")
            .replace("%1", str(shown))
            .replace("%2", str(total))
        )
        self.counts_changed.emit(shown, total)

    def _on_change(self, change: Change) -> None:
        if change.concerns(*RELOAD_KINDS):
            self.reload()

    def _activated(self, index: QModelIndex) -> None:
        visit_id = index.data(VISIT_ID_ROLE)
        if visit_id is not None:
            self.visit_activated.emit(int(visit_id))

    def selected_item_id(self) -> int | None:
        """The id of the selected paperwork item."""
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def _set_selected_status(self) -> None:
        item_id = self.selected_item_id()
        if item_id is not None:
            self.set_item_status(item_id, PaperworkStatus(self.status_combo.currentData()))

    def ask_conflict(
        self, opened: PaperworkItem, stored: PaperworkItem, mine: PaperworkItem
    ) -> int:
        """Show the conflict dialog; returns RELOAD, OVERWRITE or 0 (tests replace this)."""
        title = QCoreApplication.translate("PaperworkView", "“%1” was changed")
        dialog = ConflictDialog(opened, stored, mine, self, title=title.replace("%1", stored.title))
        return dialog.exec()

    def set_item_status(self, item_id: int, status: PaperworkStatus) -> bool:
        """Change one item's status (undoable); False, with the reason shown, if refused."""
        paperwork = self.services.paperwork
        self.error_label.clear()
        try:
            old = paperwork.get(item_id)
            new = dataclasses.replace(old, status=status)
            # Versioned steps: an undo over someone else's later change is refused.
            undoable_update(
                self.undo_stack,
                QCoreApplication.translate("PaperworkView", "Mark “%1” %2")
                .replace("%1", old.title)
                .replace("%2", paperwork_status_label(status)),
                lambda item: paperwork.update(item, self.today()),
                old,
                new,
                self.error_label.setText,
            )
        except ConflictError:
            # Changed between reading it just now and saving: show theirs, decide again.
            current = paperwork.get(item_id)
            if self.ask_conflict(old, current, new) == ConflictDialog.OVERWRITE:
                return self.set_item_status(item_id, status)
            self.reload()
            return False
        except PlannerError as exc:
            self.error_label.setText(planner_error_text(exc))
            return False
        return True

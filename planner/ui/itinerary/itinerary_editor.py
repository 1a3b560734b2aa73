"""The itinerary editor of one visit: a day-by-day tree with the checks beside the items.

Every edit goes through the undo stack (:mod:`planner.ui.common.undo`) as service calls; the widget
holds no business rules: times, days and checks come from the domain.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.entities import ItineraryItem, Visit
from planner.domain.enums import RecordKind
from planner.domain.errors import ConflictError, NotFoundError, PlannerError
from planner.domain.itinerary_checks import DEFAULT_MIN_CONNECTION, Finding, check_itinerary
from planner.services.changes import Change, initiated_by
from planner.services.container import Services
from planner.services.itinerary import ItineraryService
from planner.ui.common.bridge import ChangeBridge
from planner.ui.common.conflict_dialog import ConflictDialog
from planner.ui.common.errors import message_text, planner_error_text
from planner.ui.common.form_widgets import show_undo_error
from planner.ui.common.formats import plural
from planner.ui.common.undo import run_undoable, undoable_create, undoable_update
from planner.ui.itinerary.itinerary_dialog import InstantAsker, ItineraryItemDialog, ask_instant
from planner.ui.itinerary.itinerary_model import Column, ItineraryTreeModel

T = TypeVar("T")
_WATCHED = frozenset(
    {RecordKind.ITINERARY_ITEM, RecordKind.VISIT, RecordKind.EVENT, RecordKind.INSTITUTION}
)


def _apply_order(service: ItineraryService, visit_id: int, order: list[int]) -> bool:
    service.set_order(visit_id, order)
    return True


class ItineraryEditor(QWidget):
    """Add, edit, remove and reorder the items of one visit; shows the checks inline.

    ``set_visit(visit_id)`` chooses the visit (None clears). ``findings_changed`` carries the
    number of findings after each reload, for a tab badge.
    """

    findings_changed = Signal(int)

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("itineraryEditor")
        self._services = services
        self._undo = undo_stack
        self._visit: Visit | None = None
        self._host_zone = "UTC"
        self._items: list[ItineraryItem] = []
        self.findings: list[Finding] = []
        #: Replaced by tests; the dialog asks through it which instant a DST time means.
        self.instant_asker: InstantAsker = ask_instant

        self._build_tree()
        self._build_controls()
        self._build_findings()
        self._build_layout()
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._bridge = ChangeBridge(services.bus, self)
        self._bridge.changed.connect(self._on_change)
        self._update_buttons()

    def _build_tree(self) -> None:
        """The itinerary by day; a double-click edits an item."""
        self.model = ItineraryTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("itineraryTree")
        self.tree.setAccessibleName(
            QCoreApplication.translate("ItineraryEditor", "Itinerary by day")
        )
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in (Column.START, Column.END, Column.KIND):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(Column.TITLE, 340)
        header.resizeSection(Column.LOCATION, 220)
        self.tree.doubleClicked.connect(lambda _index: self.edit_selected())

    def _build_controls(self) -> None:
        """Add, edit, remove and reorder items; the shortest connection the checks accept."""
        self.add_button = QPushButton(QCoreApplication.translate("ItineraryEditor", "&Add…"), self)
        self.edit_button = QPushButton(
            QCoreApplication.translate("ItineraryEditor", "&Edit…"), self
        )
        self.remove_button = QPushButton(
            QCoreApplication.translate("ItineraryEditor", "&Remove"), self
        )
        self.up_button = QPushButton(
            QCoreApplication.translate("ItineraryEditor", "Move &up"), self
        )
        self.down_button = QPushButton(
            QCoreApplication.translate("ItineraryEditor", "Move &down"), self
        )
        self.up_button.setToolTip(
            QCoreApplication.translate(
                "ItineraryEditor", "Order of items that start at the same time"
            )
        )
        self.down_button.setToolTip(self.up_button.toolTip())
        self.remove_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.connection_spin = QSpinBox(self)
        self.connection_spin.setObjectName("minConnection")
        self.connection_spin.setRange(0, 24 * 60)
        self.connection_spin.setSingleStep(15)
        self.connection_spin.setSuffix(QCoreApplication.translate("ItineraryEditor", " min"))
        self.connection_spin.setValue(int(DEFAULT_MIN_CONNECTION.total_seconds() // 60))
        self.connection_spin.setToolTip(
            QCoreApplication.translate(
                "ItineraryEditor", "Shortest acceptable connection between two legs"
            )
        )
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.connection_spin.valueChanged.connect(lambda _v: self.reload())
        self.print_button = QPushButton(
            QCoreApplication.translate("ItineraryEditor", "Print…"), self
        )
        self.print_button.setObjectName("itineraryPrint")
        self.preview_button = QPushButton(
            QCoreApplication.translate("ItineraryEditor", "Print Preview…"), self
        )
        self.preview_button.setObjectName("itineraryPrintPreview")
        self.print_button.clicked.connect(lambda: self.print_itinerary(preview=False))
        self.preview_button.clicked.connect(lambda: self.print_itinerary(preview=True))

    def _button_row(self) -> QHBoxLayout:
        """The item buttons, then the minimum connection at the right."""
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.preview_button)
        connection_label = QLabel(
            QCoreApplication.translate("ItineraryEditor", "Minimum &connection:"), self
        )
        connection_label.setBuddy(self.connection_spin)
        buttons.addWidget(connection_label)
        buttons.addWidget(self.connection_spin)
        return buttons

    def _build_findings(self) -> None:
        """The summary line and the checks that need attention (a click selects the item)."""
        self.findings_model = QStringListModel(self)
        self.findings_view = QListView(self)
        self.findings_view.setObjectName("itineraryFindings")
        self.findings_view.setAccessibleName(
            QCoreApplication.translate("ItineraryEditor", "Checks that need attention")
        )
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_view.clicked.connect(self._finding_clicked)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("itinerarySummary")

    def _build_layout(self) -> None:
        """Buttons above; the tree over the summary and checks in a splitter."""
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary_label)
        lower_layout.addWidget(self.findings_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._button_row())
        layout.addWidget(splitter)

    # -- loading -----------------------------------------------------------------------------

    @property
    def visit_id(self) -> int | None:
        """The visit shown, if any."""
        return self._visit.id if self._visit else None

    def print_itinerary(self, *, preview: bool) -> object:
        """Print (or preview) the visit's itinerary as the PDF export lays it out."""
        from planner.ui.itinerary.commands import print_itinerary

        return print_itinerary(self, self._services, self.visit_id, preview=preview)

    def set_visit(self, visit_id: int | None) -> None:
        """Show the itinerary of *visit_id* (None: nothing)."""
        self._visit = self._services.visits.get(visit_id) if visit_id is not None else None
        self.reload()
        self.tree.expandAll()

    def reload(self) -> None:
        """Read the items again, recompute the checks, keep the selection."""
        selected = self.selected_item()
        if self._visit is not None and self._visit.id is not None:
            try:
                self._visit = self._services.visits.get(self._visit.id)
            except NotFoundError:
                self._visit = None
        if self._visit is None or self._visit.id is None:
            self._items, self.findings = [], []
            self.model.load(None, [], [])
        else:
            host = self._services.institutions.get(self._visit.host_institution_id)
            self._host_zone = host.timezone
            self._items = self._services.itinerary.for_visit(self._visit.id)
            minimum = timedelta(minutes=self.connection_spin.value())
            self.findings = check_itinerary(self._visit, self._items, host.timezone, minimum)
            self.model.load(self._visit, self._items, self.findings)
        self.tree.expandAll()
        self.findings_model.setStringList([message_text(f.message) for f in self.findings])
        count = len(self.findings)
        # An empty list box under "No problems found." is an empty pane: hide it.
        self.findings_view.setVisible(count > 0)
        self.summary_label.setText(
            QCoreApplication.translate("ItineraryEditor", "No problems found.")
            if not count
            else plural(
                count,
                QCoreApplication.translate(
                    "ItineraryEditor", "%n check needs attention:", None, count
                ),
                QCoreApplication.translate(
                    "ItineraryEditor", "%n checks need attention:", None, count
                ),
            )
        )
        if selected is not None and selected.id is not None:
            self.select_item(selected.id)
        self._update_buttons()
        self.findings_changed.emit(count)

    def _on_change(self, change: Change) -> None:
        # Its own edits (named in _guard) are followed by a reload of their own.
        if self._visit is not None and change.concerns(*_WATCHED) and change.initiator is not self:
            self.reload()

    # -- selection ---------------------------------------------------------------------------

    def selected_item(self) -> ItineraryItem | None:
        """The item of the selected row (None for a day row or no selection)."""
        rows = self.tree.selectionModel().selectedRows() if self.tree.selectionModel() else []
        if not rows:
            return None
        entry = self.model.entry(rows[0])
        return entry.item if entry else None

    def select_item(self, item_id: int) -> bool:
        """Select the row of *item_id*; False if it is not shown."""
        index = self.model.index_of_item(item_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _neighbour(self, step: int) -> ItineraryItem | None:
        """The item next to the selected one in its day that starts at the same instant."""
        rows = self.tree.selectionModel().selectedRows()
        if not rows or self.model.entry(rows[0]) is None:
            return None
        index = rows[0]
        other = index.sibling(index.row() + step, 0)
        here, there = self.model.entry(index), self.model.entry(other)
        if here is None or there is None or here.item.start_utc != there.item.start_utc:
            return None
        return there.item

    def _update_buttons(self) -> None:
        has_visit = self._visit is not None
        selected = self.selected_item() is not None
        self.add_button.setEnabled(has_visit)
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.up_button.setEnabled(self._neighbour(-1) is not None)
        self.down_button.setEnabled(self._neighbour(1) is not None)

    def _finding_clicked(self, index: QModelIndex) -> None:
        finding = self.findings[index.row()]
        if finding.item_ids:
            self.select_item(finding.item_ids[0])

    # -- edits (each one undoable) -----------------------------------------------------------

    def _dialog(self, item: ItineraryItem | None) -> ItineraryItemDialog | None:
        if self._visit is None or self._visit.id is None:
            return None
        selected_day = None
        rows = self.tree.selectionModel().selectedRows()
        if rows:
            selected_day = self.model.day_of(rows[0])
        return ItineraryItemDialog(
            self,
            visit_id=self._visit.id,
            host_zone=self._host_zone,
            item=item,
            default_day=selected_day or self._visit.arrival_date,
            asker=self.instant_asker,
        )

    def open_item_dialog(self, item: ItineraryItem | None = None) -> ItineraryItemDialog | None:
        """The (not yet shown) dialog for a new item or for *item*; tests drive it directly."""
        return self._dialog(item)

    def add_item(self) -> ItineraryItem | None:
        """Ask for a new item and add it (undoable)."""
        dialog = self._dialog(None)
        if dialog is None or dialog.exec() != ItineraryItemDialog.DialogCode.Accepted:
            return None
        assert dialog.item is not None
        return self.create_item(dialog.item)

    def create_item(self, item: ItineraryItem) -> ItineraryItem | None:
        """Store a new *item* as one undoable step."""
        created = self._guard(
            lambda: undoable_create(
                self._undo,
                QCoreApplication.translate("ItineraryEditor", "Add “{0}”").format(item.title),
                self._services.itinerary.create,
                self._services.itinerary.delete,
                item,
                show_undo_error,
            )
        )
        self.reload()
        if created is not None and created.id is not None:
            self.select_item(created.id)
        return created

    def edit_selected(self) -> ItineraryItem | None:
        """Edit the selected item in the item dialog (undoable)."""
        item = self.selected_item()
        if item is None:
            return None
        dialog = self._dialog(item)
        if dialog is None or dialog.exec() != ItineraryItemDialog.DialogCode.Accepted:
            return None
        assert dialog.item is not None
        return self.update_item(item, dialog.item)

    def update_item(self, before: ItineraryItem, after: ItineraryItem) -> ItineraryItem | None:
        """Store *after* over *before* as one undoable step.

        When someone else saved the item since *before* was read, the conflict dialog shows
        their changes: reload (theirs stay) or overwrite deliberately (mine over theirs).
        """
        try:
            with initiated_by(self):
                updated: ItineraryItem | None = self._store_update(before, after)
        except ConflictError:
            updated = self._resolve_conflict(before, after)
        except PlannerError as exc:
            self._warn(exc)
            updated = None
        self.reload()
        return updated

    def _store_update(self, before: ItineraryItem, after: ItineraryItem) -> ItineraryItem:
        return undoable_update(
            self._undo,
            QCoreApplication.translate("ItineraryEditor", "Edit “{0}”").format(after.title),
            self._services.itinerary.update,
            before,
            after,
            show_undo_error,
        )

    def _resolve_conflict(
        self, before: ItineraryItem, after: ItineraryItem
    ) -> ItineraryItem | None:
        assert before.id is not None
        current = self._guard(lambda: self._services.itinerary.get(before.id or 0))
        if current is None:
            return None
        if self.ask_conflict(before, current, after) != ConflictDialog.OVERWRITE:
            return None  # reload (the list reloads anyway) or cancel: theirs stay
        mine = dataclasses.replace(after, version=current.version)
        return self._guard(lambda: self._store_update(current, mine))

    def ask_conflict(
        self, opened: ItineraryItem, stored: ItineraryItem, mine: ItineraryItem
    ) -> int:
        """Show the conflict dialog; returns RELOAD, OVERWRITE or 0 (tests replace this)."""
        title = QCoreApplication.translate("ItineraryEditor", "“{0}” was changed")
        return ConflictDialog(opened, stored, mine, self, title=title.format(stored.title)).exec()

    def _warn(self, exc: PlannerError) -> None:
        QMessageBox.warning(
            self,
            QCoreApplication.translate("ItineraryEditor", "Itinerary"),
            planner_error_text(exc),
        )

    def remove_selected(self) -> bool:
        """Remove the selected item (undoable; undo restores it with the same calendar UID)."""
        item = self.selected_item()
        if item is None:
            return False
        return self.remove_item(item)

    def remove_item(self, item: ItineraryItem) -> bool:
        """Delete *item* as one undoable step."""
        current = [item]
        service = self._services.itinerary

        def apply() -> ItineraryItem:
            assert current[0].id is not None
            service.delete(current[0].id)
            return current[0]

        def revert(gone: ItineraryItem) -> None:
            # Same UID, so a calendar that already has it sees an update, not a new event.
            current[0] = service.create(
                dataclasses.replace(gone, id=None, sequence=gone.sequence + 1)
            )

        done = self._guard(
            lambda: run_undoable(
                self._undo,
                QCoreApplication.translate("ItineraryEditor", "Remove “{0}”").format(item.title),
                apply,
                revert,
                show_undo_error,
            )
        )
        self.reload()
        return done is not None

    def move_selected(self, step: int) -> bool:
        """Move the selected item before/after its same-time neighbour (undoable)."""
        item, other = self.selected_item(), self._neighbour(step)
        if item is None or other is None or self._visit is None or self._visit.id is None:
            return False
        visit_id = self._visit.id
        service = self._services.itinerary
        before = service.manual_order(visit_id)
        after = list(before)
        assert item.id is not None and other.id is not None
        i, j = after.index(item.id), after.index(other.id)
        after[i], after[j] = after[j], after[i]
        if (step < 0) != (after.index(item.id) < after.index(other.id)):
            # The stored order disagreed with the shown one; put *item* next to *other*.
            after.remove(item.id)
            at = after.index(other.id)
            after.insert(at if step < 0 else at + 1, item.id)
        done = self._guard(
            lambda: run_undoable(
                self._undo,
                QCoreApplication.translate("ItineraryEditor", "Reorder “{0}”").format(item.title),
                lambda: _apply_order(service, visit_id, after),
                lambda _r: service.set_order(visit_id, before),
                show_undo_error,
            )
        )
        self.reload()
        self.select_item(item.id)
        return done is not None

    def _guard(self, action: Callable[[], T]) -> T | None:
        """Run *action* as this editor's; a refused edit is shown in a message box, gives None."""
        try:
            with initiated_by(self):
                return action()
        except PlannerError as exc:
            self._warn(exc)
            return None

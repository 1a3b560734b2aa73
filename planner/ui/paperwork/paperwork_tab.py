"""The paperwork tab of the visit editor: one visit's checklist, its deadlines and files.

Every edit goes through :func:`planner.ui.common.undo.run_undoable`, so it can be undone; the tab
reloads when the services announce a change (its own edits included), never from its own copy.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import PaperworkStatus, RecordKind
from planner.domain.errors import ConflictError, NotFoundError, PlannerError
from planner.domain.paperwork import Attachment, PaperworkItem
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.paperwork import today_local
from planner.ui.common import palette
from planner.ui.common.bridge import ChangeBridge
from planner.ui.common.conflict_dialog import ConflictDialog
from planner.ui.common.date_field import DateField
from planner.ui.common.errors import message_text, planner_error_text
from planner.ui.common.file_drop import FileDrop
from planner.ui.common.formats import plural
from planner.ui.common.labels import paperwork_status_label
from planner.ui.common.roles import ID_ROLE, SORT_ROLE
from planner.ui.common.undo import run_undoable, undoable_update
from planner.ui.paperwork.attach import accept_item_drops
from planner.ui.paperwork.paperwork_models import ItemColumn, PaperworkItemModel

#: Changes after which the checklist reloads.
RELOAD_KINDS = frozenset(
    {
        RecordKind.PAPERWORK_ITEM,
        RecordKind.VISIT,
        RecordKind.PERSON,
        RecordKind.INSTITUTION,
        RecordKind.AGREEMENT,
    }
)

AnyIndex = QModelIndex | QPersistentModelIndex


class OptionalDateEdit(DateField):
    """A date that may be empty (shown as a dash), typed in any format or picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, nullable=True)
        self.setPlaceholderText("—")


class AttachmentListModel(QAbstractListModel):
    """Files attached to one item: name, size and the start of the SHA-256."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Attachment] = []

    def set_attachments(self, rows: list[Attachment]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def attachment(self, row: int) -> Attachment:
        """The attachment in *row*."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{a.filename}  ({_size(a.size_bytes)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"SHA-256 {a.sha256}\n{a.stored_path}"
        return None


def _size(n: int) -> str:
    if n < 1024:
        return QCoreApplication.translate("PaperworkTab", "{0} bytes").format(n)
    if n < 1024 * 1024:
        return QCoreApplication.translate("PaperworkTab", "{0} KB").format(f"{n / 1024:.1f}")
    return QCoreApplication.translate("PaperworkTab", "{0} MB").format(f"{n / 1048576:.1f}")


class PaperworkTab(QWidget):
    """One visit's checklist with an editor for the selected item and its attachments."""

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paperworkTab")
        self.services = services
        self.undo_stack = undo_stack
        #: What "today" is for late-by and warnings (tests replace it).
        self.today: Callable[[], date] = today_local
        self.visit_id: int | None = None
        self._current_id: int | None = None

        self.model = PaperworkItemModel(lambda: self.today(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("paperworkSummary")
        self.summary_label.setWordWrap(True)
        self.warnings_label = QLabel(self)
        self.warnings_label.setObjectName("paperworkWarnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        error = palette.error_colour().name()
        self.warnings_label.setStyleSheet(
            f"QLabel {{ color: {error}; border: 1px solid {error};"
            " border-radius: 3px; padding: 4px; }"
        )

        self.table = QTableView(self)
        self.table.setObjectName("paperworkTable")
        self.table.setAccessibleName(
            QCoreApplication.translate("PaperworkTab", "Paperwork checklist")
        )
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ItemColumn.DUE, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ItemColumn.DOCUMENT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.file_drop = accept_item_drops(self.table, self.attach_dropped)

        self.editor = self._build_editor()
        self.files = self._build_files()
        # The table takes the whole width (document titles are long); the editor and the
        # attachments share the space below it.
        below = QWidget(self)
        below_layout = QHBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.editor, 3)
        below_layout.addWidget(self.files, 2)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.warnings_label)
        layout.addWidget(splitter, 1)

        self.bridge = ChangeBridge(services.bus, self)
        self.bridge.changed.connect(self._on_change)
        self.destroyed.connect(self.bridge.close)
        self._show_item(None)
        self.warnings_label.hide()

    # Building -----------------------------------------------------------------------------
    def _build_editor(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("PaperworkTab", "Selected item"), self)
        self.title_label = QLabel(box)
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-weight: bold")
        self.explanation_label = QLabel(box)
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setStyleSheet("color: palette(placeholder-text)")
        self.status_combo = QComboBox(box)
        self.status_combo.setObjectName("paperworkStatus")
        self.status_combo.setAccessibleName(QCoreApplication.translate("PaperworkTab", "Status"))
        for status in PaperworkStatus:
            self.status_combo.addItem(paperwork_status_label(status), status)
        self.reference_edit = QLineEdit(box)
        self.reference_edit.setObjectName("paperworkReference")
        self.reference_edit.setAccessibleName(
            QCoreApplication.translate("PaperworkTab", "Reference")
        )
        self.submitted_edit = OptionalDateEdit(box)
        self.approved_edit = OptionalDateEdit(box)
        self.expiry_edit = OptionalDateEdit(box)
        self.notes_edit = QPlainTextEdit(box)
        self.notes_edit.setObjectName("paperworkNotes")
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.save_button = QPushButton(
            QCoreApplication.translate("PaperworkTab", "&Save item"), box
        )
        self.save_button.setObjectName("paperworkSave")
        self.save_button.clicked.connect(self.save_current)
        self.error_label = QLabel(box)
        self.error_label.setObjectName("paperworkError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {palette.error_colour().name()}")
        self.error_label.hide()

        # Compact: two fields per row, so the checklist above keeps most of the height.
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_combo, 1)
        status_row.addWidget(
            QLabel(QCoreApplication.translate("PaperworkTab", "Reference no."), box)
        )
        status_row.addWidget(self.reference_edit, 2)
        dates_row = QHBoxLayout()
        for text, edit in (
            (QCoreApplication.translate("PaperworkTab", "Submitted"), self.submitted_edit),
            (QCoreApplication.translate("PaperworkTab", "Approved"), self.approved_edit),
            (QCoreApplication.translate("PaperworkTab", "Expires"), self.expiry_edit),
        ):
            label = QLabel(text, box)
            label.setBuddy(edit)
            dates_row.addWidget(label)
            dates_row.addWidget(edit, 1)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("PaperworkTab", "Status"), status_row)
        form.addRow(QCoreApplication.translate("PaperworkTab", "Dates"), dates_row)
        form.addRow(QCoreApplication.translate("PaperworkTab", "Notes"), self.notes_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.title_label)
        layout.addWidget(self.explanation_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return box

    def _build_files(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("PaperworkTab", "Attachments"), self)
        self.attachment_model = AttachmentListModel(box)
        self.attachment_list = QListView(box)
        self.attachment_list.setObjectName("attachmentList")
        self.attachment_list.setAccessibleName(
            QCoreApplication.translate("PaperworkTab", "Attached files")
        )
        self.attachment_list.setModel(self.attachment_model)
        self.list_drop = FileDrop(
            self.attachment_list.viewport(),
            lambda _paths, _position: self.current_item() is not None,
            lambda paths, _position: self._attach_to_current(paths),
        )
        self.attachment_list.setMinimumHeight(self.fontMetrics().height() * 3)
        self.attachment_list.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.attachment_list.doubleClicked.connect(lambda _i: self.open_selected_attachment())
        self.add_file_button = QPushButton(
            QCoreApplication.translate("PaperworkTab", "&Add file…"), box
        )
        self.add_file_button.clicked.connect(self._choose_file)
        self.open_file_button = QPushButton(
            QCoreApplication.translate("PaperworkTab", "&Open"), box
        )
        self.open_file_button.clicked.connect(self.open_selected_attachment)
        self.remove_file_button = QPushButton(
            QCoreApplication.translate("PaperworkTab", "&Remove"), box
        )
        self.remove_file_button.clicked.connect(lambda: self.remove_selected_attachment())
        self.no_files_label = QLabel(
            QCoreApplication.translate(
                "PaperworkTab",
                "No files attached. Add the signed form, approval letter or a scan of "
                "the visa; a private copy is kept in the data folder.",
            ),
            box,
        )
        self.no_files_label.setWordWrap(True)
        self.no_files_label.setStyleSheet("color: palette(placeholder-text)")
        self.attachment_model.modelReset.connect(self._update_files_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_file_button)
        buttons.addWidget(self.open_file_button)
        buttons.addWidget(self.remove_file_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.attachment_list, 1)
        layout.addWidget(self.no_files_label)
        layout.addLayout(buttons)
        return box

    def _update_files_hint(self) -> None:
        self.no_files_label.setVisible(self.attachment_model.rowCount() == 0)

    # Loading ------------------------------------------------------------------------------
    def set_visit(self, visit_id: int | None) -> None:
        """Show the checklist of *visit_id* (None: an empty tab, e.g. for a new visit)."""
        self.visit_id = visit_id
        self._current_id = None
        self.reload()

    def reload(self) -> None:
        """Read the checklist again, keeping the selected item selected."""
        keep = self._current_id
        if self.visit_id is None:
            self.model.set_items([])
            self.summary_label.setText(
                QCoreApplication.translate(
                    "PaperworkTab", "Save the visit to generate its paperwork."
                )
            )
            self.warnings_label.hide()
            self._show_item(None)
            return
        try:
            items = self.services.paperwork.for_visit(self.visit_id)
            warnings = self.services.paperwork.warnings(self.visit_id, self.today())
        except NotFoundError:  # the visit was deleted meanwhile (an undone "New visit")
            self.set_visit(None)
            return
        self.model.set_items(items)
        self._show_summary(items)
        self.warnings_label.setText("\n".join("⚠ " + message_text(w.message) for w in warnings))
        self.warnings_label.setVisible(bool(warnings))
        if keep is not None and self.select_item(keep):
            return
        self._show_item(None)

    def _show_summary(self, items: list[PaperworkItem]) -> None:
        current = [i for i in items if i.applies]
        open_blocking = [i for i in current if i.holds_admission]
        done = sum(i.settled for i in current)
        text = QCoreApplication.translate(
            "PaperworkTab", "%1 of %2 items approved or waived."
        ).replace("%1", str(done))
        text = text.replace("%2", str(len(current)))
        blocking_count = len(open_blocking)
        if blocking_count:
            text += " " + plural(
                blocking_count,
                QCoreApplication.translate(
                    "PaperworkTab",
                    "%n blocking item must be approved or waived before the visit can be "
                    "confirmed.",
                    None,
                    blocking_count,
                ),
                QCoreApplication.translate(
                    "PaperworkTab",
                    "%n blocking items must be approved or waived before the visit can be "
                    "confirmed.",
                    None,
                    blocking_count,
                ),
            )
        else:
            text += " " + QCoreApplication.translate(
                "PaperworkTab", "No blocking paperwork is open."
            )
        self.summary_label.setText(text)

    def select_item(self, item_id: int) -> bool:
        """Select the row of *item_id*; False if it is not shown."""
        row = self.model.row_of(item_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self._show_item(self.model.item(row))
        return True

    def _on_change(self, change: Change) -> None:
        if change.concerns(*RELOAD_KINDS) and self.visit_id is not None:
            self.reload()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._show_item(None)
            return
        item_id = rows[0].data(ID_ROLE)
        row = self.model.row_of(int(item_id))
        self._show_item(self.model.item(row) if row is not None else None)

    def current_item(self) -> PaperworkItem | None:
        """The item being edited."""
        if self._current_id is None:
            return None
        row = self.model.row_of(self._current_id)
        return self.model.item(row) if row is not None else None

    def _show_item(self, item: PaperworkItem | None) -> None:
        self._current_id = item.id if item else None
        self.error_label.hide()
        enabled = item is not None
        for widget in (self.editor, self.files):
            widget.setEnabled(enabled)
        if item is None:
            self.title_label.setText(
                QCoreApplication.translate("PaperworkTab", "Select an item to edit it.")
            )
            self.explanation_label.setText("")
            self.attachment_model.set_attachments([])
            return
        title = item.title + (f"\n{item.title_ja}" if item.title_ja else "")
        self.title_label.setText(title)
        lead = QCoreApplication.translate("PaperworkTab", "Due %1 days before arrival.").replace(
            "%1", str(item.lead_days)
        )
        self.explanation_label.setText(f"{item.explanation} {lead}".strip())
        self.status_combo.setCurrentIndex(self.status_combo.findData(item.status))
        self.reference_edit.setText(item.reference_number)
        self.submitted_edit.set_value(item.submitted_date)
        self.approved_edit.set_value(item.approved_date)
        self.expiry_edit.set_value(item.expiry_date)
        self.notes_edit.setPlainText(item.notes)
        assert item.id is not None
        self.attachment_model.set_attachments(self.services.paperwork.attachments(item.id))

    # Editing ------------------------------------------------------------------------------
    def edited_item(self) -> PaperworkItem | None:
        """The selected item with the editor's values."""
        item = self.current_item()
        if item is None:
            return None
        return dataclasses.replace(
            item,
            status=PaperworkStatus(self.status_combo.currentData()),
            reference_number=self.reference_edit.text().strip(),
            submitted_date=self.submitted_edit.value(),
            approved_date=self.approved_edit.value(),
            expiry_date=self.expiry_edit.value(),
            notes=self.notes_edit.toPlainText(),
        )

    def save_current(self) -> bool:
        """Store the editor's values for the selected item (undoable); False if refused."""
        old, new = self.current_item(), self.edited_item()
        if old is None or new is None or old == new:
            return False
        return self.apply_edit(
            QCoreApplication.translate("PaperworkTab", "Edit paperwork “%1”").replace(
                "%1", old.title
            ),
            old,
            new,
        )

    def set_status(self, status: PaperworkStatus) -> bool:
        """Change only the status of the selected item (undoable)."""
        old = self.current_item()
        if old is None or old.status is status:
            return False
        new = dataclasses.replace(old, status=status)
        text = QCoreApplication.translate("PaperworkTab", "Mark “%1” %2").replace("%1", old.title)
        return self.apply_edit(text.replace("%2", paperwork_status_label(status)), old, new)

    def apply_edit(self, text: str, old: PaperworkItem, new: PaperworkItem) -> bool:
        """Run one undoable paperwork edit; shows the refusal next to the Save button.

        Each step presents the version the previous one stored, so an undo over someone
        else's later change is refused. A save over their change shows the conflict dialog:
        reload theirs, or overwrite with mine deliberately.
        """
        paperwork = self.services.paperwork
        try:
            undoable_update(
                self.undo_stack,
                text,
                lambda item: paperwork.update(item, self.today()),
                old,
                new,
                self._show_error,
            )
        except ConflictError:
            return self._resolve_conflict(text, old, new)
        except PlannerError as exc:
            self._show_error(planner_error_text(exc))
            return False
        return True

    def _resolve_conflict(self, text: str, old: PaperworkItem, new: PaperworkItem) -> bool:
        try:
            current = self.services.paperwork.get(old.id or 0)
        except PlannerError as exc:
            self._show_error(planner_error_text(exc))
            return False
        choice = self.ask_conflict(old, current, new)
        if choice == ConflictDialog.OVERWRITE:
            return self.apply_edit(text, current, dataclasses.replace(new, version=current.version))
        if choice == ConflictDialog.RELOAD:
            self.reload()
        return False

    def ask_conflict(
        self, opened: PaperworkItem, stored: PaperworkItem, mine: PaperworkItem
    ) -> int:
        """Show the conflict dialog; returns RELOAD, OVERWRITE or 0 (tests replace this)."""
        title = QCoreApplication.translate("PaperworkTab", "“%1” was changed")
        return ConflictDialog(
            opened, stored, mine, self, title=title.replace("%1", stored.title)
        ).exec()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # Attachments --------------------------------------------------------------------------
    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("PaperworkTab", "Attach a file")
        )
        if path:
            self.add_attachment_file(Path(path))

    def add_attachment_file(self, path: Path) -> Attachment | None:
        """Copy *path* into the data folder for the selected item (undoable)."""
        item = self.current_item()
        if item is None or item.id is None:
            return None
        item_id = item.id
        paperwork = self.services.paperwork

        def remove(added: Attachment) -> None:
            paperwork.remove_attachment(added.id or 0)

        try:
            return run_undoable(
                self.undo_stack,
                QCoreApplication.translate("PaperworkTab", "Attach “%1”").replace("%1", path.name),
                apply=lambda: paperwork.add_attachment(item_id, path),
                revert=remove,
                on_error=self._show_error,
            )
        except PlannerError as exc:
            self._show_error(planner_error_text(exc))
            return None

    def attach_dropped(self, item_id: int, paths: Sequence[Path]) -> list[Attachment]:
        """Select item *item_id* (files were dropped on its row) and attach *paths* to it."""
        if not self.select_item(item_id):
            return []
        return self._attach_to_current(paths)

    def _attach_to_current(self, paths: Sequence[Path]) -> list[Attachment]:
        added = [self.add_attachment_file(path) for path in paths]
        return [attachment for attachment in added if attachment is not None]

    def selected_attachment(self) -> Attachment | None:
        """The attachment selected in the list."""
        index = self.attachment_list.currentIndex()
        if not index.isValid():
            return None
        return self.attachment_model.attachment(index.row())

    def open_selected_attachment(self) -> bool:
        """Open the selected attachment with the desktop's viewer."""
        attachment = self.selected_attachment()
        if attachment is None:
            return False
        path = self.services.paperwork.attachment_file(attachment)
        if not path.is_file():
            self._show_error(
                QCoreApplication.translate("PaperworkTab", "The file %1 is missing.").replace(
                    "%1", str(path)
                )
            )
            return False
        try:
            # A sealed attachment (encrypted database) opens from a private decrypted copy.
            path = self.services.paperwork.viewable_file(attachment)
        except PlannerError as exc:
            self._show_error(planner_error_text(exc))
            return False
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    def remove_selected_attachment(self, *, confirm: bool = True) -> bool:
        """Delete the selected attachment, file and record (asks first; not undoable)."""
        attachment = self.selected_attachment()
        if attachment is None or attachment.id is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("PaperworkTab", "Remove attachment"),
                QCoreApplication.translate(
                    "PaperworkTab", "Remove “%1”? The copy in the data folder is deleted."
                ).replace("%1", attachment.filename),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.services.paperwork.remove_attachment(attachment.id)
        except PlannerError as exc:
            self._show_error(planner_error_text(exc))
            return False
        return True

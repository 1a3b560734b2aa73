"""The register of agreements and of the data sets and materials moving under them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import RecordKind
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.paperwork import Agreement, MaterialTransfer
from planner.services.agreements import AgreementSummary, TransferSummary
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.paperwork import today_local
from planner.ui.agreements.agreement_editor import AgreementEditor
from planner.ui.agreements.transfer_editor import TransferEditor
from planner.ui.common import formats
from planner.ui.common.bridge import ChangeBridge
from planner.ui.common.columns import ColumnRules, apply_column_rules
from planner.ui.common.errors import planner_error_text
from planner.ui.common.form_widgets import RecordEditorDialog, show_editor
from planner.ui.common.labels import (
    agreement_kind_label,
    transfer_kind_label,
    transfer_status_label,
)
from planner.ui.common.placeholder import add_placeholder
from planner.ui.common.roles import ID_ROLE, SORT_ROLE
from planner.ui.common.status import ViewStatus
from planner.ui.common.table_model import ColumnSpec, RowTableModel
from planner.ui.common.view import ViewDefaults

AnyIndex = QModelIndex | QPersistentModelIndex
RELOAD_KINDS = frozenset(
    {RecordKind.AGREEMENT, RecordKind.MATERIAL_TRANSFER, RecordKind.VISIT, RecordKind.INSTITUTION}
)


R = TypeVar("R")


def _text_column(header: str, text: Callable[[R], str | None]) -> ColumnSpec[R]:
    """A column of text (none: empty), shown whole in its tooltip."""
    return ColumnSpec(
        header, "AgreementsView", lambda r: text(r) or "", tooltip=lambda r: text(r) or None
    )


def _date_column(header: str, day: Callable[[R], date | None]) -> ColumnSpec[R]:
    """A column of dates written for the reader, sorting by the date itself."""

    def display(row: R) -> str:
        value = day(row)
        return formats.day_month_year(value) if value else ""

    def sort_key(row: R) -> str:
        value = day(row)
        return value.isoformat() if value else ""

    return ColumnSpec(header, "AgreementsView", display, sort_key=sort_key, tooltip=display)


def agreement_state(a: AgreementSummary, today: date) -> str:
    """``Active``, ``Not signed``, ``Not yet in force`` or ``Ended`` on *today*."""
    if a.signed_date is None:
        return QCoreApplication.translate("AgreementsView", "Not signed")
    if a.start_date and a.start_date > today:
        return QCoreApplication.translate("AgreementsView", "Not yet in force")
    if a.end_date and a.end_date < today:
        return QCoreApplication.translate("AgreementsView", "Ended")
    return QCoreApplication.translate("AgreementsView", "Active")


@dataclass(frozen=True)
class AgreementRow:
    """One line of the agreements table: the agreement and its state on the day it was read."""

    agreement: AgreementSummary
    state: str


AGREEMENT_COLUMNS: list[ColumnSpec[AgreementRow]] = [
    _text_column(
        QT_TRANSLATE_NOOP("AgreementsView", "Kind"),
        lambda r: agreement_kind_label(r.agreement.kind),
    ),
    _text_column(QT_TRANSLATE_NOOP("AgreementsView", "Title"), lambda r: r.agreement.title),
    _text_column(QT_TRANSLATE_NOOP("AgreementsView", "Partner"), lambda r: r.agreement.partner),
    _text_column(QT_TRANSLATE_NOOP("AgreementsView", "Reference"), lambda r: r.agreement.reference),
    _date_column(QT_TRANSLATE_NOOP("AgreementsView", "Signed"), lambda r: r.agreement.signed_date),
    _date_column(QT_TRANSLATE_NOOP("AgreementsView", "Start"), lambda r: r.agreement.start_date),
    _date_column(QT_TRANSLATE_NOOP("AgreementsView", "End"), lambda r: r.agreement.end_date),
    _text_column(QT_TRANSLATE_NOOP("AgreementsView", "State"), lambda r: r.state),
]
TRANSFER_COLUMNS: list[ColumnSpec[TransferSummary]] = [
    _text_column(QT_TRANSLATE_NOOP("AgreementsView", "Title"), lambda t: t.title),
    _text_column(
        QT_TRANSLATE_NOOP("AgreementsView", "Kind"), lambda t: transfer_kind_label(t.kind)
    ),
    _text_column(QT_TRANSLATE_NOOP("AgreementsView", "Agreement"), lambda t: t.agreement),
    _text_column(QT_TRANSLATE_NOOP("AgreementsView", "From"), lambda t: t.from_institution),
    _text_column(QT_TRANSLATE_NOOP("AgreementsView", "To"), lambda t: t.to_institution),
    _text_column(QT_TRANSLATE_NOOP("AgreementsView", "Visit"), lambda t: t.visit_code),
    _text_column(
        QT_TRANSLATE_NOOP("AgreementsView", "Export control"),
        lambda t: t.export_control_classification,
    ),
    _text_column(
        QT_TRANSLATE_NOOP("AgreementsView", "Status"), lambda t: transfer_status_label(t.status)
    ),
    _date_column(QT_TRANSLATE_NOOP("AgreementsView", "Date"), lambda t: t.transfer_date),
]
#: The column a double-click on a transfer reads the visit code from.
TRANSFER_VISIT_COLUMN = next(i for i, c in enumerate(TRANSFER_COLUMNS) if c.header == "Visit")


class AgreementsView(ViewDefaults, QWidget):
    """Agreements above, transfers below, each with New… and Edit…; every edit undoable.

    Enter or a double-click on an agreement edits it. On a transfer, Enter (or Edit
    transfer…) edits it, and a double-click opens its visit (``visit_activated(code)``) or,
    for a transfer tied to no visit, edits it.
    """

    visit_activated = Signal(str)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementsView")
        self.services = services
        #: Where the edits go: the window's stack, or one of the view's own.
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        #: The editor opened last; None once it is closed.
        self.editor: RecordEditorDialog | None = None
        #: What "today" is for the agreements' state (tests replace it).
        self.today: Callable[[], date] = today_local
        self._column_rules: list[ColumnRules] = []
        self._build_tables()
        self._build_buttons()
        self._build_layout()
        for table in (self.agreements_table, self.transfers_table):
            table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.bridge = ChangeBridge(services.bus, self)
        self.bridge.changed.connect(self._on_change)
        self.destroyed.connect(self.bridge.close)
        self.reload()

    def _status_text(self) -> str:
        return QCoreApplication.translate(
            "AgreementsView", "Agreements: {agreements} · Transfers: {transfers}"
        ).format(
            agreements=QLocale().toString(self.agreements_model.rowCount()),
            transfers=QLocale().toString(self.transfers_model.rowCount()),
        )

    def _build_tables(self) -> None:
        """The agreements and transfers tables over their models."""
        self.agreements_model = RowTableModel(
            AGREEMENT_COLUMNS, self, row_id=lambda r: r.agreement.id
        )
        self.transfers_model = RowTableModel(TRANSFER_COLUMNS, self, row_id=lambda t: t.id)
        self.status = ViewStatus(
            self._status_text, self, self.agreements_model, self.transfers_model
        )
        self.agreements_table = self._table(self.agreements_model, 1, "agreementsTable")
        self.agreements_table.setAccessibleName(
            QCoreApplication.translate("AgreementsView", "Agreements")
        )
        self.transfers_table = self._table(self.transfers_model, (0, 2), "transfersTable")
        self.transfers_table.setAccessibleName(
            QCoreApplication.translate("AgreementsView", "Data and material transfers")
        )
        self.agreements_placeholder = add_placeholder(
            self.agreements_table,
            QCoreApplication.translate("AgreementsView", "No agreements yet."),
            [(QCoreApplication.translate("AgreementsView", "New agreement…"), self.new_agreement)],
            model=self.agreements_model,
        )
        self.transfers_placeholder = add_placeholder(
            self.transfers_table,
            QCoreApplication.translate("AgreementsView", "No data or material transfers yet."),
            [(QCoreApplication.translate("AgreementsView", "New transfer…"), self.new_transfer)],
            model=self.transfers_model,
        )
        self.agreements_table.doubleClicked.connect(self._agreement_activated)
        self.transfers_table.doubleClicked.connect(self._transfer_activated)
        self.agreements_table.installEventFilter(self)
        self.transfers_table.installEventFilter(self)

    def _build_buttons(self) -> None:
        """New… and Edit… for agreements and for transfers."""
        # Mnemonics avoid the menu bar's F, E, V and H.
        self.new_agreement_button = self._button(
            QCoreApplication.translate("AgreementsView", "&New agreement…"), self.new_agreement
        )
        self.new_agreement_button.setObjectName("newAgreementButton")
        self.edit_agreement_button = self._button(
            QCoreApplication.translate("AgreementsView", "E&dit agreement…"),
            self.edit_selected_agreement,
        )
        self.edit_agreement_button.setObjectName("editAgreementButton")
        self.new_transfer_button = self._button(
            QCoreApplication.translate("AgreementsView", "New &transfer…"), self.new_transfer
        )
        self.new_transfer_button.setObjectName("newTransferButton")
        self.edit_transfer_button = self._button(
            QCoreApplication.translate("AgreementsView", "Edit t&ransfer…"),
            self.edit_selected_transfer,
        )
        self.edit_transfer_button.setObjectName("editTransferButton")

    def _build_layout(self) -> None:
        """The note above, the two titled tables in a splitter below it."""
        note = QLabel(
            QCoreApplication.translate(
                "AgreementsView",
                "A data-exchange visit needs a signed data-sharing or material-transfer "
                "agreement with the visitor's home institution or the host, in force for the "
                "whole stay; until there is one, its checklist carries a blocking item.",
            ),
            self,
        )
        note.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(
            self._titled(
                QCoreApplication.translate("AgreementsView", "Agreements"),
                self.agreements_table,
                [self.new_agreement_button, self.edit_agreement_button],
                QCoreApplication.translate(
                    "AgreementsView", "Enter or double-click: edit the agreement"
                ),
            )
        )
        splitter.addWidget(
            self._titled(
                QCoreApplication.translate("AgreementsView", "Data and material transfers"),
                self.transfers_table,
                [self.new_transfer_button, self.edit_transfer_button],
                QCoreApplication.translate(
                    "AgreementsView", "Enter: edit the transfer · double-click: open its visit"
                ),
            )
        )
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)

    def _table(
        self, model: QAbstractItemModel, stretch: int | tuple[int, ...], name: str
    ) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setSortRole(SORT_ROLE)
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        # A register is short: its first rows' texts set the short columns' widths.
        self._column_rules.append(apply_column_rules(table, stretch, measure_rows=50))
        return table

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _titled(
        self, title: str, table: QTableView, buttons: list[QPushButton], hint: str
    ) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{title}</b>", box))
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        hint_label = QLabel(hint, box)
        hint_label.setEnabled(False)  # greyed: a reminder, not a control
        row.addWidget(hint_label)
        layout.addLayout(row)
        return box

    # -- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the register again, keeping the current agreement and transfer selected."""
        agreement_id, transfer_id = self.current_agreement_id(), self.current_transfer_id()
        today = self.today()
        self.agreements_model.set_rows(
            [
                AgreementRow(a, agreement_state(a, today))
                for a in self.services.agreements.summaries()
            ]
        )
        self.transfers_model.set_rows(self.services.transfers.summaries())
        for rules in self._column_rules:
            rules.apply()
        if agreement_id is not None:
            self.select_agreement(agreement_id)
        if transfer_id is not None:
            self.select_transfer(transfer_id)
        self._update_buttons()

    def _on_change(self, change: Change) -> None:
        if change.concerns(*RELOAD_KINDS):
            self.reload()

    # -- selection -----------------------------------------------------------------------------

    @staticmethod
    def _current_id(table: QTableView) -> int | None:
        index = table.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(ID_ROLE)
        return int(value) if value is not None else None

    @staticmethod
    def _select(table: QTableView, model: RowTableModel[Any], record_id: int) -> bool:
        row = model.row_of(record_id)
        if row is None:
            return False
        proxy = table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        index = proxy.mapFromSource(model.index(row, 0))
        table.setCurrentIndex(index)
        table.scrollTo(index)
        return index.isValid()

    def current_agreement_id(self) -> int | None:
        """Id of the current agreement row, if any."""
        return self._current_id(self.agreements_table)

    def current_transfer_id(self) -> int | None:
        """Id of the current transfer row, if any."""
        return self._current_id(self.transfers_table)

    def select_agreement(self, agreement_id: int) -> bool:
        """Make the agreement with *agreement_id* current."""
        return self._select(self.agreements_table, self.agreements_model, agreement_id)

    def select_transfer(self, transfer_id: int) -> bool:
        """Make the transfer with *transfer_id* current."""
        return self._select(self.transfers_table, self.transfers_model, transfer_id)

    def _update_buttons(self) -> None:
        self.edit_agreement_button.setEnabled(self.current_agreement_id() is not None)
        self.edit_transfer_button.setEnabled(self.current_transfer_id() is not None)
        has_agreements = self.agreements_model.rowCount() > 0
        self.new_transfer_button.setEnabled(has_agreements)
        self.new_transfer_button.setToolTip(
            ""
            if has_agreements
            else QCoreApplication.translate(
                "AgreementsView", "A transfer moves under an agreement: add one first"
            )
        )

    # -- commands ------------------------------------------------------------------------------

    def new_agreement(self) -> RecordEditorDialog | None:
        """Open the editor for a new agreement; returns it."""
        return self._open(lambda: AgreementEditor(self.services, self.undo_stack, None, self))

    def edit_agreement(self, agreement_id: int) -> RecordEditorDialog | None:
        """Open the editor for an agreement; None if it no longer exists."""
        return self._open(
            lambda: AgreementEditor(self.services, self.undo_stack, agreement_id, self)
        )

    def edit_selected_agreement(self) -> RecordEditorDialog | None:
        """Open the editor for the current agreement (None without one)."""
        current = self.current_agreement_id()
        return None if current is None else self.edit_agreement(current)

    def new_transfer(self) -> RecordEditorDialog | None:
        """Open the editor for a new transfer under the current agreement; returns it."""
        agreement_id = self.current_agreement_id()
        return self._open(
            lambda: TransferEditor(
                self.services, self.undo_stack, None, self, agreement_id=agreement_id
            )
        )

    def edit_transfer(self, transfer_id: int) -> RecordEditorDialog | None:
        """Open the editor for a transfer; None if it no longer exists."""
        return self._open(lambda: TransferEditor(self.services, self.undo_stack, transfer_id, self))

    def edit_selected_transfer(self) -> RecordEditorDialog | None:
        """Open the editor for the current transfer (None without one)."""
        current = self.current_transfer_id()
        return None if current is None else self.edit_transfer(current)

    def _open(self, make: Callable[[], RecordEditorDialog]) -> RecordEditorDialog | None:
        try:
            editor = make()
        except PlannerError as exc:  # deleted meanwhile
            QMessageBox.warning(
                self,
                QCoreApplication.translate("AgreementsView", "Agreements"),
                planner_error_text(exc),
            )
            self.reload()
            return None
        self.editor = show_editor(editor, self._on_saved, self._forget_editor)
        return editor

    def _forget_editor(self) -> None:
        self.editor = None

    def _on_saved(self, record: object) -> None:
        self.reload()
        record_id = getattr(record, "id", None)
        if record_id is None:
            return
        if isinstance(record, Agreement):
            self.select_agreement(record_id)
            self.agreements_table.setFocus()
        elif isinstance(record, MaterialTransfer):
            self.select_transfer(record_id)
            self.transfers_table.setFocus()

    # -- activation ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter on a table row edits its record."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            if watched is self.agreements_table and self.current_agreement_id() is not None:
                self.edit_selected_agreement()
                return True
            if watched is self.transfers_table and self.current_transfer_id() is not None:
                self.edit_selected_transfer()
                return True
        return super().eventFilter(watched, event)

    def _agreement_activated(self, index: QModelIndex) -> None:
        value = index.siblingAtColumn(0).data(ID_ROLE)
        if value is not None:
            self.edit_agreement(int(value))

    def _transfer_activated(self, index: QModelIndex) -> None:
        code = index.siblingAtColumn(TRANSFER_VISIT_COLUMN).data()
        if code:
            self.visit_activated.emit(str(code))
            return
        value = index.siblingAtColumn(0).data(ID_ROLE)
        if value is not None:
            self.edit_transfer(int(value))

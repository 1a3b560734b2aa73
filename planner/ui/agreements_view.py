"""The register of agreements and of the data sets and materials moving under them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import AgreementKind, TransferKind, TransferStatus
from planner.services.agreements import AgreementSummary, TransferSummary
from planner.services.app import Services
from planner.services.changes import Change
from planner.services.paperwork import today_local
from planner.ui.bridge import ChangeBridge

AnyIndex = QModelIndex | QPersistentModelIndex
RELOAD_ENTITIES = frozenset({"agreement", "material_transfer", "visit", "institution"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementsView", text)


_KIND = {
    AgreementKind.MEMORANDUM: "Memorandum",
    AgreementKind.DATA_SHARING: "Data sharing",
    AgreementKind.MATERIAL_TRANSFER: "Material transfer",
    AgreementKind.NDA: "NDA",
}
_TRANSFER_KIND = {TransferKind.DATA_SET: "Data set", TransferKind.MATERIAL: "Material"}
_TRANSFER_STATUS = {
    TransferStatus.PLANNED: "Planned",
    TransferStatus.UNDER_REVIEW: "Under review",
    TransferStatus.APPROVED: "Approved",
    TransferStatus.TRANSFERRED: "Transferred",
    TransferStatus.CANCELLED: "Cancelled",
}


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def agreement_state(a: AgreementSummary, today: date) -> str:
    """``Active``, ``Not signed``, ``Not yet in force`` or ``Ended`` on *today*."""
    if a.signed_date is None:
        return _tr("Not signed")
    if a.start_date and a.start_date > today:
        return _tr("Not yet in force")
    if a.end_date and a.end_date < today:
        return _tr("Ended")
    return _tr("Active")


class _RowsModel(QAbstractTableModel):
    """Read-only rows of precomputed cells, with a record id per row."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[tuple[int, list[str]]] = []

    def set_rows(self, rows: list[tuple[int, list[str]]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self._headers[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record_id, cells = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cells[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return record_id
        return None


AGREEMENT_HEADERS = ["Kind", "Title", "Partner", "Reference", "Signed", "Start", "End", "State"]
TRANSFER_HEADERS = ["Title", "Kind", "Agreement", "From", "To", "Visit", "Export control",
                    "Status", "Date"]  # fmt: skip


class AgreementsView(QWidget):
    """Agreements above, transfers below; ``visit_activated(code)`` on a transfer's visit."""

    visit_activated = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementsView")
        self.services = services
        #: What "today" is for the agreements' state (tests replace it).
        self.today: Callable[[], date] = today_local
        self.agreements_model = _RowsModel(AGREEMENT_HEADERS, self)
        self.transfers_model = _RowsModel(TRANSFER_HEADERS, self)
        self.agreements_table = self._table(self.agreements_model, 1, "agreementsTable")
        self.transfers_table = self._table(self.transfers_model, 0, "transfersTable")
        self.transfers_table.doubleClicked.connect(self._transfer_activated)
        note = QLabel(
            self.tr(
                "A data-exchange visit needs a signed data-sharing or material-transfer "
                "agreement with the visitor's home institution or the host, in force for the "
                "whole stay; until there is one, its checklist carries a blocking item."
            ),
            self,
        )
        note.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._titled(self.tr("Agreements"), self.agreements_table))
        splitter.addWidget(
            self._titled(self.tr("Data and material transfers"), self.transfers_table)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        self.bridge = ChangeBridge(services.bus, self)
        self.bridge.changed.connect(self._on_change)
        self.destroyed.connect(self.bridge.close)
        self.reload()

    def _table(self, model: _RowsModel, stretch: int, name: str) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    def _titled(self, title: str, table: QTableView) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{title}</b>", box))
        layout.addWidget(table)
        return box

    def reload(self) -> None:
        """Read the register again."""
        today = self.today()
        self.agreements_model.set_rows(
            [(a.id, self._agreement_cells(a, today)) for a in self.services.agreements.summaries()]
        )
        self.transfers_model.set_rows(
            [(t.id, self._transfer_cells(t)) for t in self.services.transfers.summaries()]
        )

    @staticmethod
    def _agreement_cells(a: AgreementSummary, today: date) -> list[str]:
        return [
            _tr(_KIND[a.kind]), a.title, a.partner, a.reference, _day(a.signed_date),
            _day(a.start_date), _day(a.end_date), agreement_state(a, today),
        ]  # fmt: skip

    @staticmethod
    def _transfer_cells(t: TransferSummary) -> list[str]:
        return [
            t.title, _tr(_TRANSFER_KIND[t.kind]), t.agreement, t.from_institution,
            t.to_institution, t.visit_code, t.export_control_classification,
            _tr(_TRANSFER_STATUS[t.status]), _day(t.transfer_date),
        ]  # fmt: skip

    def _on_change(self, change: Change) -> None:
        if change.entity in RELOAD_ENTITIES:
            self.reload()

    def _transfer_activated(self, index: QModelIndex) -> None:
        code = index.siblingAtColumn(TRANSFER_HEADERS.index("Visit")).data()
        if code:
            self.visit_activated.emit(str(code))

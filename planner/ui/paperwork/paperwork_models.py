"""Item models for paperwork: one visit's checklist, and outstanding items across visits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import Enum, IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from planner.domain.enums import ResponsibleParty
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.paperwork import (
    SETTLED_STATUSES,
    DueItem,
    PaperworkItem,
    is_due_soon,
    late_by_days,
)
from planner.ui.common import formats, palette
from planner.ui.common.labels import (
    late_colour,
    paperwork_status_colour,
    paperwork_status_label,
    responsible_label,
)
from planner.ui.common.roles import ID_ROLE, SORT_ROLE, VISIT_ID_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("Paperwork", text)


def _date_text(value: date | None) -> str:
    return formats.day_month_year(value) if value else ""


def late_text(days: int) -> str:
    """``late by 3 days`` (empty when not late)."""
    if days <= 0:
        return ""
    return formats.plural(
        days,
        QCoreApplication.translate("Paperwork", "late by %n day", None, days),
        QCoreApplication.translate("Paperwork", "late by %n days", None, days),
    )


class ItemColumn(IntEnum):
    """Columns of one visit's checklist."""

    DOCUMENT = 0
    RESPONSIBLE = 1
    STATUS = 2
    DUE = 3
    LATE = 4
    BLOCKING = 5
    REFERENCE = 6
    FILES = 7


_ITEM_HEADERS = {
    ItemColumn.DOCUMENT: QT_TRANSLATE_NOOP("Paperwork", "Document"),
    ItemColumn.RESPONSIBLE: QT_TRANSLATE_NOOP("Paperwork", "Responsible"),
    ItemColumn.STATUS: QT_TRANSLATE_NOOP("Paperwork", "Status"),
    ItemColumn.DUE: QT_TRANSLATE_NOOP("Paperwork", "Due"),
    ItemColumn.LATE: QT_TRANSLATE_NOOP("Paperwork", "Late"),
    ItemColumn.BLOCKING: QT_TRANSLATE_NOOP("Paperwork", "Blocking"),
    ItemColumn.REFERENCE: QT_TRANSLATE_NOOP("Paperwork", "Reference"),
    ItemColumn.FILES: QT_TRANSLATE_NOOP("Paperwork", "Files"),
}


class PaperworkItemModel(QAbstractTableModel):
    """One visit's checklist; items that no longer apply are shown greyed and italic."""

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._items: list[PaperworkItem] = []

    def set_items(self, items: Sequence[PaperworkItem]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> PaperworkItem:
        """The item shown in *row*."""
        return self._items[row]

    def items(self) -> list[PaperworkItem]:
        """Every item, in model order."""
        return list(self._items)

    def row_of(self, item_id: int) -> int | None:
        """The row of the item with *item_id*, if shown."""
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(ItemColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(_ITEM_HEADERS[ItemColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = ItemColumn(index.column())
        late = late_by_days(item.due_date, item.status, self._today()) if item.applies else 0
        if role == ID_ROLE:
            return item.id
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._text(item, column, late, sorting=role == SORT_ROLE)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is ItemColumn.DOCUMENT:
                return "\n".join(t for t in (item.title, item.title_ja, item.explanation) if t)
            if not item.applies:
                return QCoreApplication.translate(
                    "Paperwork",
                    "No paperwork rule requires this item any more; kept for the record.",
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not item.applies:
                return QBrush(palette.muted_colour())
            if column is ItemColumn.STATUS:
                return QBrush(paperwork_status_colour(item.status))
            if column in (ItemColumn.LATE, ItemColumn.DUE) and late:
                return QBrush(late_colour())
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if not item.applies:
                font.setItalic(True)
                return font
            if column is ItemColumn.BLOCKING and item.holds_admission:
                font.setBold(True)
                return font
            return None
        return None

    def _text(self, item: PaperworkItem, column: ItemColumn, late: int, *, sorting: bool) -> Any:
        if column is ItemColumn.DOCUMENT:
            title = formats.localised(item.title, item.title_ja)
            if item.applies:
                return title
            return QCoreApplication.translate("Paperwork", "{title} — no longer required").format(
                title=title
            )
        if column is ItemColumn.RESPONSIBLE:
            return responsible_label(item.responsible)
        if column is ItemColumn.STATUS:
            return paperwork_status_label(item.status)
        if column is ItemColumn.DUE:
            if sorting:
                return item.due_date.isoformat() if item.due_date else ""
            return _date_text(item.due_date)
        if column is ItemColumn.LATE:
            return late if sorting else late_text(late)
        if column is ItemColumn.BLOCKING:
            if not item.blocking:
                return "" if not sorting else 0
            if sorting:
                return 2 if item.holds_admission else 1
            return (
                QCoreApplication.translate("Paperwork", "Blocking")
                if item.holds_admission
                else QCoreApplication.translate("Paperwork", "Cleared")
            )
        if column is ItemColumn.REFERENCE:
            return item.reference_number
        return item.attachments if sorting else (str(item.attachments) if item.attachments else "")


class OverviewColumn(IntEnum):
    """Columns of the paperwork view across visits."""

    VISIT = 0
    VISITOR = 1
    DOCUMENT = 2
    RESPONSIBLE = 3
    STATUS = 4
    DUE = 5
    LATE = 6
    BLOCKING = 7


_OVERVIEW_HEADERS = {
    OverviewColumn.VISIT: QT_TRANSLATE_NOOP("Paperwork", "Visit"),
    OverviewColumn.VISITOR: QT_TRANSLATE_NOOP("Paperwork", "Visitor"),
    OverviewColumn.DOCUMENT: QT_TRANSLATE_NOOP("Paperwork", "Document"),
    OverviewColumn.RESPONSIBLE: QT_TRANSLATE_NOOP("Paperwork", "Responsible"),
    OverviewColumn.STATUS: QT_TRANSLATE_NOOP("Paperwork", "Status"),
    OverviewColumn.DUE: QT_TRANSLATE_NOOP("Paperwork", "Due"),
    OverviewColumn.LATE: QT_TRANSLATE_NOOP("Paperwork", "Late"),
    OverviewColumn.BLOCKING: QT_TRANSLATE_NOOP("Paperwork", "Blocking"),
}


class PaperworkOverviewModel(QAbstractTableModel):
    """Paperwork items of every visit still planned or running."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DueItem] = []

    def set_rows(self, rows: Sequence[DueItem]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_item(self, row: int) -> DueItem:
        """The item shown in *row*."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(OverviewColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(_OVERVIEW_HEADERS[OverviewColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = OverviewColumn(index.column())
        if role == ID_ROLE:
            return item.item_id
        if role == VISIT_ID_ROLE:
            return item.visit_id
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sorting = role == SORT_ROLE
            values: dict[OverviewColumn, Any] = {
                OverviewColumn.VISIT: item.visit_code,
                OverviewColumn.VISITOR: formats.person_name_both(
                    item.visitor_name, item.visitor_name_native
                ),
                OverviewColumn.DOCUMENT: formats.localised(item.title, item.title_ja),
                OverviewColumn.RESPONSIBLE: responsible_label(item.responsible),
                OverviewColumn.STATUS: paperwork_status_label(item.status),
                OverviewColumn.DUE: (
                    item.due_date.isoformat() if sorting else _date_text(item.due_date)
                ),
                OverviewColumn.LATE: item.late_by_days if sorting else late_text(item.late_by_days),
                OverviewColumn.BLOCKING: (
                    int(item.blocking)
                    if sorting
                    else (
                        QCoreApplication.translate("Paperwork", "Blocking") if item.blocking else ""
                    )
                ),
            }
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is OverviewColumn.STATUS:
                return QBrush(paperwork_status_colour(item.status))
            if column in (OverviewColumn.LATE, OverviewColumn.DUE) and item.late_by_days:
                return QBrush(late_colour())
        return None


class Keep(Enum):
    """Sentinel: leave a criterion as it is (None already means "anyone")."""

    KEEP = 0


class Show(IntEnum):
    """Which items the overview shows."""

    OPEN = 0
    OVERDUE = 1
    DUE_SOON = 2
    ALL = 3


class OverviewFilterProxy(QSortFilterProxyModel):
    """Filters the overview by state (open, overdue, due soon), type, responsible and text."""

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.show = Show.OPEN
        self.type_code = ""
        self.responsible: ResponsibleParty | None = None
        self.text = ""
        self.due_soon_days = 14
        self.setSortRole(SORT_ROLE)

    def set_criteria(
        self,
        *,
        show: Show | None = None,
        type_code: str | None = None,
        responsible: ResponsibleParty | Keep | None = Keep.KEEP,
        text: str | None = None,
    ) -> None:
        """Change the criteria given and refilter."""
        if show is not None:
            self.show = show
        if type_code is not None:
            self.type_code = type_code
        if not isinstance(responsible, Keep):
            self.responsible = responsible
        if text is not None:
            self.text = text.casefold().strip()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, PaperworkOverviewModel)
        item = model.row_item(source_row)
        if self.show is Show.OPEN and item.status in SETTLED_STATUSES:
            return False
        if self.show is Show.OVERDUE and not item.late_by_days:
            return False
        if self.show is Show.DUE_SOON and not (
            item.late_by_days
            or is_due_soon(item.due_date, item.status, self._today(), self.due_soon_days)
        ):
            return False
        if self.type_code and item.code != self.type_code:
            return False
        if self.responsible is not None and item.responsible != self.responsible:
            return False
        if self.text:
            haystack = f"{item.visit_code} {item.visitor_name} {item.title}".casefold()
            return self.text in haystack
        return True

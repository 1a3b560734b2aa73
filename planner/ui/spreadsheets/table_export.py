"""Export any table view as it is shown — filtered, sorted, visible columns in their visual
order, the text each cell displays — to CSV (UTF-8 with BOM) or XLSX.

Wiring (main window): File → Export Table… calls
``export_table_dialog(self, current_view.table, default_name)`` with the current page's
``QTableView`` (or ``QTreeView``: its top-level rows are exported).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableView,
    QTreeView,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.export.tabular import Table, write_table
from planner.ui.common.errors import planner_error_text

_FILTERS = {
    "xlsx": QT_TRANSLATE_NOOP("TableExport", "Excel workbook (*.xlsx)"),
    "csv": QT_TRANSLATE_NOOP("TableExport", "CSV, UTF-8 with BOM (*.csv)"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TableExport", text)


def _header(view: QAbstractItemView) -> QHeaderView | None:
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value)


def visible_table(view: QAbstractItemView, name: str = "Table") -> Table:
    """What *view* shows: its model's (the proxy's) rows in order, minus hidden rows, and the
    visible columns in visual order, as display text."""
    model = view.model()
    if model is None:
        return Table(name, [], [])
    header = _header(view)
    columns: list[int] = []
    if header is not None:
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if logical >= 0 and not header.isSectionHidden(logical):
                columns.append(logical)
    else:
        columns = list(range(model.columnCount()))
    titles = [
        _text(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
        for c in columns
    ]
    rows: list[list[str | None]] = []
    root = view.rootIndex()
    for r in range(model.rowCount(root)):
        if isinstance(view, QTableView) and view.isRowHidden(r):
            continue
        if isinstance(view, QTreeView) and view.isRowHidden(r, root):
            continue
        rows.append(
            [
                _text(model.data(model.index(r, c, root), Qt.ItemDataRole.DisplayRole))
                for c in columns
            ]
        )
    return Table(name, titles, rows)


def export_view(view: QAbstractItemView, path: Path, fmt: str, name: str = "Table") -> Path:
    """Write what *view* shows to *path* as ``csv`` or ``xlsx`` (atomic, mode 0600)."""
    return write_table(Path(path), fmt, visible_table(view, name))


def format_for(path: Path, selected_filter: str = "") -> str:
    """``csv`` or ``xlsx``: from the file's suffix, else the chosen filter (xlsx by default)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in _FILTERS:
        return suffix
    csv_filters = (_FILTERS["csv"], _tr(_FILTERS["csv"]))
    return "csv" if selected_filter in csv_filters else "xlsx"


def export_table_dialog(
    parent: QWidget | None, view: QAbstractItemView, default_name: str
) -> Path | None:
    """Ask for a file and write *view*'s shown rows there; the written path, or None.

    *default_name* (e.g. ``"visits"``) names the suggested file and the XLSX sheet. A failure
    is shown in a message box and nothing is half-written.
    """
    stem = Path(default_name).stem or "table"
    suggested = str(Path.home() / f"{stem}.xlsx")
    chosen, selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("TableExport", "Export table"),
        suggested,
        ";;".join(_tr(f) for f in _FILTERS.values()),
        _tr(_FILTERS["xlsx"]),
    )
    if not chosen:
        return None
    fmt = format_for(Path(chosen), selected)
    path = Path(chosen)
    if path.suffix.lower() != f".{fmt}":
        path = path.with_name(path.name + f".{fmt}")
    try:
        return export_view(view, path, fmt, stem)
    except PlannerError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("TableExport", "Export table"),
            planner_error_text(exc),
        )
        return None

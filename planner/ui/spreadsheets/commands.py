"""Spreadsheet commands of the window: import people or visits, export the table shown."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QWidget

from planner.services.container import Services
from planner.ui.common.notify import notify_written


def import_records(parent: QWidget, services: Services, kind: Literal["people", "visits"]) -> None:
    """The import wizard for a spreadsheet of people or visits."""
    from planner.ui.spreadsheets.import_wizard import run_import_wizard

    run_import_wizard(parent, services, kind)


def table_of(page: QWidget) -> QAbstractItemView | None:
    """The table of *page* to export: the focused one, else the first visible one with data."""
    focused = QApplication.focusWidget()
    tables = page.findChildren(QAbstractItemView)
    view = next((t for t in tables if t is focused), None)
    return view or next((t for t in tables if t.isVisible() and t.model() is not None), None)


def export_table(parent: QWidget, page: QWidget, name: str) -> None:
    """Write the table of *page* (called *name*), as shown, to CSV or XLSX.

    A page without a table gets a message saying so.
    """
    view = table_of(page)
    if view is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("MainWindow", "Export table"),
            QCoreApplication.translate("MainWindow", "This view has no table to export."),
        )
        return
    from planner.ui.spreadsheets.table_export import export_table_dialog

    written = export_table_dialog(parent, view, name)
    if written is not None:
        notify_written(parent, written)

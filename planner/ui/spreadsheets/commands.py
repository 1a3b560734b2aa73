"""Spreadsheet commands of the window: import people or visits, export the table shown."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QWidget

from planner.services.container import Services
from planner.ui.common.notify import notify_written

ImportKind = Literal["people", "visits"]

#: The spreadsheet files the import wizard reads (a file dropped on the window).
IMPORT_SUFFIXES = frozenset({".csv", ".xlsx"})


def import_records(
    parent: QWidget, services: Services, kind: ImportKind, path: Path | None = None
) -> None:
    """The import wizard for a spreadsheet of people or visits (*path* already chosen)."""
    from planner.ui.spreadsheets.import_wizard import run_import_wizard

    run_import_wizard(parent, services, kind, path)


def guess_import_kind(path: Path) -> ImportKind | None:
    """Whether *path*'s header row is that of visits or of people; None if it cannot tell.

    Visits first: a visits sheet also names its visitors, so it may pass for people too. A
    file that cannot be read, or whose header fits neither (or both as well), is None.
    """
    from planner.importing.headers import (
        PEOPLE_FIELDS,
        VISIT_FIELDS,
        match_headers,
        missing_required,
    )
    from planner.importing.table import ImportRowsError, read_header

    try:
        header = read_header(path)
    except (ImportRowsError, OSError):
        return None
    fits_visits = not missing_required(match_headers(header, VISIT_FIELDS), VISIT_FIELDS)
    fits_people = not missing_required(match_headers(header, PEOPLE_FIELDS), PEOPLE_FIELDS)
    if fits_visits:
        return "visits"
    return "people" if fits_people else None


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

"""Exchange-package commands of the window: export the selected visit, import a package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.services.container import Services
from planner.ui.common.notify import notify_written


def export_package(parent: QWidget, services: Services, visit_id: int | None) -> None:
    """Write *visit_id* as an exchange package for the partner's coordinator.

    Without a visit (none selected) says to select one first.
    """
    if visit_id is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("MainWindow", "Export exchange package"),
            QCoreApplication.translate("MainWindow", "Select a visit in the list first."),
        )
        return
    from planner.ui.exchange.package_dialogs import export_visit_package_dialog

    written = export_visit_package_dialog(parent, services, visit_id)
    if written is not None:
        notify_written(parent, written)


def import_package(parent: QWidget, services: Services, path: Path | None = None) -> None:
    """Read a partner's exchange package (creates or updates that visit).

    *path*: a package opened from the desktop (``--import-package``); None asks for the file.
    """
    from planner.ui.exchange.package_dialogs import import_visit_package_dialog

    import_visit_package_dialog(parent, services, path)

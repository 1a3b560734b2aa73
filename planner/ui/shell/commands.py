"""The shell's own commands: settings and About (backup and restore are in backup_dialogs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

import planner
from planner.domain.errors import PlannerError
from planner.services.container import Services
from planner.ui.common.errors import error_message
from planner.ui.common.preferences import Preferences


def about_text(database: str) -> str:
    """The About box text: application name, version and the open database."""
    version = QCoreApplication.translate("MainWindow", "Version")
    database_word = QCoreApplication.translate("MainWindow", "Database")
    return (
        f"<h3>{planner.APP_NAME}</h3>"
        f"<p>{version} {planner.__version__}</p>"
        f"<p>{database_word}: {_escape(database)}</p>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def show_about(parent: QWidget, database: str) -> None:
    """The About box: name, version, database."""
    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About {name}").format(name=planner.APP_NAME),
        about_text(database),
    )


def choose_preferences(
    parent: QWidget, services: Services, current: Preferences
) -> Preferences | None:
    """The settings dialog over *current*; the preferences chosen, None if cancelled."""
    from planner.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(
        current, services.institutions.list(), parent, services.choices.reminder_minutes()
    )
    if dialog.exec() == SettingsDialog.DialogCode.Accepted:
        reminders = dialog.reminders()
        if reminders is not None:
            try:
                services.choices.set_reminder_minutes(reminders)
            except PlannerError as exc:  # a read-only or busy database: say so, keep the rest
                QMessageBox.warning(parent, dialog.windowTitle(), error_message(exc))
        return dialog.preferences()
    return None

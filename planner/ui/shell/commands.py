"""The shell's own commands: settings (About is in about, backup and restore in backup_dialogs)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.domain.errors import PlannerError
from planner.services.container import Services
from planner.ui.common.errors import error_message
from planner.ui.common.preferences import Preferences


def choose_preferences(
    parent: QWidget, services: Services, current: Preferences
) -> Preferences | None:
    """The settings dialog over *current*; the preferences chosen, None if cancelled."""
    from planner.ui.shell.settings_dialog import SettingsDialog

    try:
        fingerprint = services.keys.own().fingerprint  # made on first use
    except PlannerError:  # an unreadable key folder must not keep the settings closed
        fingerprint = ""
    dialog = SettingsDialog(
        current,
        services.institutions.list(),
        parent,
        services.choices.reminder_minutes(),
        fingerprint=fingerprint,
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

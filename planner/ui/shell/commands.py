"""The shell's own commands: settings (About is in about, backup and restore in backup_dialogs)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from planner.services.container import Services
from planner.ui.common.preferences import Preferences


def choose_preferences(
    parent: QWidget, services: Services, current: Preferences
) -> Preferences | None:
    """The settings dialog over *current*; the preferences chosen, None if cancelled."""
    from planner.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(current, services.institutions.list(), parent)
    if dialog.exec() == SettingsDialog.DialogCode.Accepted:
        return dialog.preferences()
    return None

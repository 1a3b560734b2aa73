"""The shell's own commands: settings (About is in about, backup and restore in backup_dialogs)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from planner.domain.errors import PlannerError
from planner.services.container import Services
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
    dialog = SettingsDialog(current, services.institutions.list(), parent, fingerprint=fingerprint)
    if dialog.exec() == SettingsDialog.DialogCode.Accepted:
        return dialog.preferences()
    return None

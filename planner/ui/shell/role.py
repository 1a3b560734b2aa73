"""The main window adapts to the login's role: a viewer gets no commands that would write."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from planner.ui.common.access import read_only_tip, role_text, set_access

if TYPE_CHECKING:
    from planner.ui.shell.main_window import MainWindow

#: The workspace actions that change data (a viewer's server refuses them all).
WRITING_ACTIONS = (
    "new_visit",
    "new_person",
    "new_event",
    "import_package",
    "import_people",
    "import_visits",
    "restore",
    "duplicate_visit",
    "cancel_visit",
)


def apply_role(window: MainWindow) -> QLabel | None:
    """Adapt *window* (and the editors it opens) to its database's login; returns the status
    bar's role label, or None when nothing is restricted."""
    access = window.services.db.access
    set_access(access)
    if not access.write:
        for name in WRITING_ACTIONS:
            action = getattr(window.workspace_actions, name)
            action.setEnabled(False)
            action.setToolTip(read_only_tip())
    text = role_text(access)
    if not text:
        return None
    label = QLabel(text, window)
    label.setObjectName("roleLabel")
    window.statusBar().addPermanentWidget(label)
    return label

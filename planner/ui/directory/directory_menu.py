"""Context menus of the institutions and projects lists: edit and new (the panels' buttons)."""

from __future__ import annotations

from planner.ui.common.context_menu import ContextMenu, attach_context_menu, mirror_menu
from planner.ui.directory.directory_view import DirectoryView


def install_directory_menus(view: DirectoryView) -> list[ContextMenu]:
    """Attach a menu to each list of *view*."""
    return [
        attach_context_menu(panel.table, mirror_menu([panel.edit_button, panel.new_button]))
        for panel in (view.institutions, view.projects)
    ]

"""The itinerary tree's context menu: edit, add, move up or down, remove (the editor's buttons,
so removing asks and is undoable exactly as the button is)."""

from __future__ import annotations

from planner.ui.common.context_menu import ContextMenu, attach_context_menu, mirror_menu
from planner.ui.itinerary.itinerary_editor import ItineraryEditor


def install_itinerary_menu(editor: ItineraryEditor) -> ContextMenu:
    """Attach the menu to *editor*'s tree."""
    entries = [
        editor.edit_button,
        editor.add_button,
        None,
        editor.up_button,
        editor.down_button,
        None,
        editor.remove_button,
    ]
    return attach_context_menu(editor.tree, mirror_menu(entries))

"""Context menus of the events view: events (edit, new), participants (remove) and
occurrences (move, cancel, restore)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from planner.ui.common.context_menu import (
    ContextMenu,
    attach_context_menu,
    mirror_entries,
    mirror_menu,
)
from planner.ui.events.events_view import EventsView


def install_events_menus(
    view: EventsView, extra_entries: Callable[[], Sequence[QAction]] = tuple
) -> tuple[ContextMenu, ContextMenu]:
    """Attach the tables' menus; *extra_entries()* (the window's exports) end the events'.

    Returns the events' and participants' menus; the occurrences' (move, cancel, restore)
    is attached too.
    """

    def build(menu: QMenu, rows: list[QModelIndex]) -> None:
        mirror_entries(menu, [view.edit_button, view.new_button, None])
        if rows:
            mirror_entries(menu, list(extra_entries()))

    events = attach_context_menu(view.table, build)
    participants = attach_context_menu(view.participant_table, mirror_menu([view.remove_button]))
    box = view.occurrences
    attach_context_menu(
        box.table,
        mirror_menu(
            [
                box.move_button,
                box.cancel_button,
                box.restore_button,
                None,
                box.ics_button,
                box.eml_button,
            ]
        ),
    )
    return events, participants

"""Context menus of the paperwork lists (all visits, and one visit's tab): status, open, files.

The status entries run the views' own undoable commands (``set_item_status`` and
``set_status``); the current status is left out.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QMenu

from planner.domain.enums import PaperworkStatus
from planner.domain.errors import PlannerError
from planner.services.container import Services
from planner.ui.common.context_menu import (
    ContextMenu,
    add_entry,
    attach_context_menu,
    mirror_menu,
)
from planner.ui.common.icons import themed_icon
from planner.ui.common.labels import paperwork_status_label
from planner.ui.common.roles import ID_ROLE, VISIT_ID_ROLE
from planner.ui.paperwork.paperwork_tab import PaperworkTab
from planner.ui.paperwork.paperwork_view import PaperworkView


def add_status_menu(
    menu: QMenu, current: PaperworkStatus | None, set_status: Callable[[PaperworkStatus], object]
) -> QMenu:
    """A "Set Status" submenu: every status but *current* (disabled without an item)."""
    submenu = menu.addMenu(QCoreApplication.translate("PaperworkMenu", "Set &Status"))
    submenu.setObjectName("menuSetStatus")
    if current is not None:
        for status in PaperworkStatus:
            if status is not current:
                add_entry(
                    submenu,
                    paperwork_status_label(status),
                    functools.partial(set_status, status),
                    name=f"menuStatus_{status.value}",
                )
    submenu.setEnabled(current is not None)
    return submenu


def install_paperwork_view_menu(view: PaperworkView, services: Services) -> ContextMenu:
    """Attach the menu of the all-visits paperwork table: open the visit, set the status."""

    def build(menu: QMenu, rows: list[QModelIndex]) -> None:
        if not rows:
            return
        visit_id, item_id = rows[0].data(VISIT_ID_ROLE), rows[0].data(ID_ROLE)
        if visit_id is not None:
            menu.setDefaultAction(
                add_entry(
                    menu,
                    QCoreApplication.translate("PaperworkMenu", "&Open Visit"),
                    lambda: view.visit_activated.emit(int(visit_id)),
                    icon=themed_icon("document-properties"),
                    name="menuOpenVisit",
                )
            )
        current = _status_of(services, item_id)
        if item_id is not None:
            add_status_menu(
                menu, current, lambda status: view.set_item_status(int(item_id), status)
            )

    return attach_context_menu(view.table, build)


def _status_of(services: Services, item_id: object) -> PaperworkStatus | None:
    if item_id is None:
        return None
    try:
        return services.paperwork.get(int(str(item_id))).status
    except PlannerError:  # deleted since the list was drawn
        return None


def install_paperwork_tab_menus(tab: PaperworkTab) -> tuple[ContextMenu, ContextMenu]:
    """Attach the menus of a visit's paperwork table (status) and its attachments (files)."""

    def build(menu: QMenu, _rows: list[QModelIndex]) -> None:
        item = tab.current_item()
        add_status_menu(menu, item.status if item is not None else None, tab.set_status)

    files = mirror_menu([tab.open_file_button, tab.add_file_button, None, tab.remove_file_button])
    return attach_context_menu(tab.table, build), attach_context_menu(tab.attachment_list, files)

"""The main window's chrome: icons on its actions, the toolbar, the application icon, and the
visits list's context menu with the entries that belong to other features.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from planner.domain.status import allowed_next
from planner.services.container import Services
from planner.ui.common.context_menu import ContextMenu
from planner.ui.common.icons import app_icon, themed_icon
from planner.ui.shell.screenshots import Shot, with_popup
from planner.ui.visits.visit_menu import install_visit_menu

if TYPE_CHECKING:
    from planner.ui.shell.main_window import MainWindow

#: Theme icon names of the window's actions (attribute of MainActions or WorkspaceActions).
ACTION_ICONS: dict[str, str] = {
    "quit": "application-exit",
    "undo": "edit-undo",
    "redo": "edit-redo",
    "find": "edit-find",
    "refresh": "view-refresh",
    "new_visit": "document-new",
    "new_person": "contact-new",
    "new_event": "appointment-new",
    "export_itinerary": "document-send",
    "export_table": "x-office-spreadsheet",
    "export_package": "document-save-as",
    "import_visits": "document-open",
    "backup": "drive-harddisk",
    "open_visit": "document-properties",
    "duplicate_visit": "edit-copy",
    "cancel_visit": "process-stop",
    "settings": "preferences-system",
}

#: The toolbar, left to right; None is a separator.
TOOLBAR: tuple[str | None, ...] = (
    "new_visit",
    "new_person",
    None,
    "undo",
    "redo",
    None,
    "export_itinerary",
    "import_visits",
    None,
    "find",
    None,
    "backup",
)


def window_action(window: MainWindow, attribute: str) -> QAction:
    """The action *attribute* of the window's main or workspace actions."""
    for group in (window.workspace_actions, window.main_actions):
        action = getattr(group, attribute, None)
        if isinstance(action, QAction):
            return action
    raise KeyError(attribute)


@dataclass(frozen=True)
class Chrome:
    """What :func:`install_chrome` added to the window."""

    toolbar: QToolBar
    visit_menu: ContextMenu


def install_chrome(window: MainWindow, services: Services) -> Chrome:
    """Icons, toolbar, application icon and the visits list's context menu for *window*."""
    for attribute, name in ACTION_ICONS.items():
        window_action(window, attribute).setIcon(themed_icon(name))
    icon = app_icon()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setWindowIcon(icon)  # editors and dialogs are windows too
    window.setWindowIcon(icon)
    toolbar = build_toolbar(window)
    visit_menu = install_visit_menu(
        window.visits_view, services, window.visit_commands, window.open_visit
    )
    visit_menu.add_builder(functools.partial(_visit_exports, window))
    window.screenshot_extras.append(functools.partial(context_menu_shots, window, visit_menu))
    return Chrome(toolbar, visit_menu)


def build_toolbar(window: MainWindow) -> QToolBar:
    """The main toolbar: movable, remembered with the window state (its object name)."""
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main Toolbar"), window)
    toolbar.setObjectName("mainToolBar")
    toolbar.setMovable(True)
    # Icon only or text under the icon as the platform's style prefers.
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonFollowStyle)
    for entry in TOOLBAR:
        if entry is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(window_action(window, entry))
    window.addToolBar(toolbar)
    view_menu = window.main_actions.view_menu
    view_menu.insertAction(view_menu.actions()[0], toolbar.toggleViewAction())
    view_menu.insertSeparator(view_menu.actions()[1])
    return toolbar


def _visit_exports(window: MainWindow, menu: QMenu, rows: list[QModelIndex]) -> None:
    """The visits menu's entries from other features: the window's export actions."""
    if len(rows) != 1:
        return
    menu.addAction(window.workspace_actions.export_itinerary)
    menu.addAction(window.workspace_actions.send_itinerary)
    menu.addAction(window.workspace_actions.request_paperwork)
    menu.addAction(window.workspace_actions.invitation_letter)
    menu.addAction(window.workspace_actions.export_package)


def context_menu_shots(window: MainWindow, visit_menu: ContextMenu) -> list[Shot]:
    """``visits-context-menu``: the visits list with its menu open on a visit that has status
    moves (the first row if none has), Change Status opened."""
    view = window.visits_view
    if view.proxy.rowCount() == 0:
        return []

    def shoot() -> QPixmap:
        window.show_view(view)
        index = _row_with_moves(window)
        view.table.setCurrentIndex(index)
        view.table.scrollTo(index)
        QApplication.processEvents()
        menu = visit_menu.popup(view.table.visualRect(index).center())
        assert menu is not None
        submenu = menu.findChild(QMenu, "menuChangeStatus")
        if submenu is not None and submenu.isEnabled():
            menu.setActiveAction(submenu.menuAction())
            submenu.popup(menu.mapToGlobal(menu.actionGeometry(submenu.menuAction()).topRight()))
        QApplication.processEvents()
        opened = [menu] + ([submenu] if submenu is not None and submenu.isVisible() else [])
        return with_popup(window, *opened)

    return [("visits-context-menu", shoot)]


def _row_with_moves(window: MainWindow) -> QModelIndex:
    """The first row of the visits list whose visit may still change status."""
    view = window.visits_view
    for row in range(view.proxy.rowCount()):
        index = view.proxy.index(row, 0)
        source = view.proxy.mapToSource(index).row()
        if allowed_next(view.model.visit_at(source).status):
            return index
    return view.proxy.index(0, 0)

"""Context menus of the dashboard's lists: open the visit of the row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QMenu

from planner.ui.common.context_menu import ContextMenu, add_entry, attach_context_menu
from planner.ui.common.icons import themed_icon
from planner.ui.common.roles import VISIT_ID_ROLE
from planner.ui.dashboard.dashboard_view import DashboardView


def install_dashboard_menus(
    view: DashboardView, open_visit: Callable[[int], object]
) -> list[ContextMenu]:
    """Attach a menu to every section of *view*; *open_visit(id)* opens an editor."""

    def build(menu: QMenu, rows: list[QModelIndex]) -> None:
        values = [row.data(VISIT_ID_ROLE) for row in rows]
        ids = [int(v) for v in values if v is not None]
        if not ids:
            return
        menu.setDefaultAction(
            add_entry(
                menu,
                QCoreApplication.translate("DashboardMenu", "&Open Visit"),
                lambda: open_visit(ids[0]),
                icon=themed_icon("document-properties"),
                name="menuOpenVisit",
            )
        )

    return [attach_context_menu(s.table, build) for s in view.sections.values()]

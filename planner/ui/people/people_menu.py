"""The people directory's context menu: edit, copy e-mail, new, delete (the view's actions)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QMenu

from planner.domain.errors import PlannerError
from planner.services.container import Services
from planner.ui.common.context_menu import (
    ContextMenu,
    add_entry,
    attach_context_menu,
    copy_text,
    mirror_entries,
)
from planner.ui.common.icons import themed_icon
from planner.ui.people.people_view import PeopleView


def install_people_menu(view: PeopleView, services: Services) -> ContextMenu:
    """Attach the people table's context menu to *view*."""
    view.edit_action.setIcon(themed_icon("document-properties"))
    view.new_action.setIcon(themed_icon("contact-new"))
    view.delete_action.setIcon(themed_icon("edit-delete"))

    def build(menu: QMenu, rows: list[QModelIndex]) -> None:
        mirror_entries(menu, [view.edit_action])
        email = _email_of(view, services)
        add_entry(
            menu,
            QCoreApplication.translate("PeopleMenu", "Copy &E-mail Address"),
            lambda: copy_text(email),
            enabled=bool(email),
            icon=themed_icon("edit-copy"),
            name="menuCopyEmail",
        )
        mirror_entries(menu, [None, view.new_action, None, view.delete_action])

    return attach_context_menu(view.table, build)


def _email_of(view: PeopleView, services: Services) -> str:
    person_id = view.current_person_id()
    if person_id is None:
        return ""
    try:
        return services.people.get(person_id).email.strip()
    except PlannerError:  # deleted since the list was drawn
        return ""

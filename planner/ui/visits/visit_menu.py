"""The visits list's context menu: open, duplicate, change status, cancel.

Every entry runs an existing command (:class:`~planner.ui.visits.commands.VisitCommands`);
the life cycle (:func:`planner.domain.status.allowed_next`) decides which moves are offered.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QMenu

from planner.domain.entities import Visit
from planner.domain.enums import VisitStatus
from planner.domain.errors import PlannerError
from planner.domain.status import allowed_next, can_cancel
from planner.services.container import Services
from planner.ui.common.context_menu import ContextMenu, add_entry, attach_context_menu, copy_text
from planner.ui.common.icons import themed_icon
from planner.ui.common.labels import status_label
from planner.ui.common.roles import ID_ROLE
from planner.ui.visits.commands import VisitCommands
from planner.ui.visits.visits_view import VisitsView

#: At most this many editors open at once from one "Open" (a slip must not open hundreds).
MAX_OPEN = 10


def visit_ids(rows: list[QModelIndex]) -> list[int]:
    """The visit ids of *rows* (indexes carrying :data:`ID_ROLE`)."""
    return [int(v) for v in (row.data(ID_ROLE) for row in rows) if v is not None]


def install_visit_menu(
    view: VisitsView,
    services: Services,
    commands: VisitCommands,
    open_visit: Callable[[int], object],
) -> ContextMenu:
    """Attach the visits list's context menu; *open_visit(id)* opens an editor."""

    def build(menu: QMenu, rows: list[QModelIndex]) -> None:
        ids = visit_ids(rows)
        if not ids:
            return

        def open_all() -> None:
            for visit_id in ids[:MAX_OPEN]:
                open_visit(visit_id)

        default = add_entry(
            menu,
            QCoreApplication.translate("VisitMenu", "&Open"),
            open_all,
            icon=themed_icon("document-open"),
            name="menuOpen",
        )
        menu.setDefaultAction(default)
        single = len(ids) == 1
        add_entry(
            menu,
            QCoreApplication.translate("VisitMenu", "&Duplicate"),
            commands.duplicate,
            enabled=single,
            icon=themed_icon("edit-copy"),
            name="menuDuplicate",
        )
        visit = _visit_of(services, ids[0]) if single else None
        status = visit.status if visit is not None else None
        _add_status_menu(menu, commands, status)
        add_entry(
            menu,
            QCoreApplication.translate("VisitMenu", "&Cancel Visit…"),
            commands.cancel,
            enabled=status is not None and can_cancel(status),
            icon=themed_icon("process-stop"),
            name="menuCancel",
        )
        _add_copy_and_delete(menu, commands, visit)

    return attach_context_menu(view.table, build)


def _visit_of(services: Services, visit_id: int) -> Visit | None:
    try:
        return services.visits.get(visit_id)
    except PlannerError:  # deleted since the list was drawn
        return None


def _add_status_menu(menu: QMenu, commands: VisitCommands, status: VisitStatus | None) -> None:
    """The Change Status submenu: only the moves the life cycle allows (Cancel has its own)."""
    submenu = menu.addMenu(QCoreApplication.translate("VisitMenu", "Change &Status"))
    submenu.setObjectName("menuChangeStatus")
    moves = [s for s in allowed_next(status) if s is not VisitStatus.CANCELLED] if status else []
    # Onward moves first: the first entry (what Enter picks) never sends a visit back.
    order = list(VisitStatus)
    moves.sort(key=lambda s: status is not None and order.index(s) < order.index(status))
    for target in moves:
        add_entry(
            submenu,
            status_label(target),
            functools.partial(commands.change_status, target),
            name=f"menuStatus_{target.value}",
        )
    submenu.setEnabled(bool(moves))


def _add_copy_and_delete(menu: QMenu, commands: VisitCommands, visit: Visit | None) -> None:
    """Copy the visitor's e-mail; Delete (drafts only: a visit that went further is cancelled)."""
    email = commands.visitor_email(visit) if visit is not None else ""
    add_entry(
        menu,
        QCoreApplication.translate("VisitMenu", "Copy Visitor's &E-mail Address"),
        lambda: copy_text(email),
        enabled=bool(email),
        icon=themed_icon("edit-copy"),
        name="menuCopyEmail",
    )
    menu.addSeparator()
    add_entry(
        menu,
        QCoreApplication.translate("VisitMenu", "De&lete Draft…"),
        commands.delete,
        enabled=visit is not None and visit.status is VisitStatus.DRAFT,
        icon=themed_icon("edit-delete"),
        name="menuDelete",
    )

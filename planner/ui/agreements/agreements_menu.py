"""Context menus of the agreements register: edit and new; a transfer also opens its visit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QMenu

from planner.ui.agreements.agreements_view import TRANSFER_VISIT_COLUMN, AgreementsView
from planner.ui.common.context_menu import (
    ContextMenu,
    add_entry,
    attach_context_menu,
    mirror_entries,
    mirror_menu,
)


def install_agreements_menus(view: AgreementsView) -> tuple[ContextMenu, ContextMenu]:
    """Attach the agreements' and the transfers' menus to *view*."""
    agreements = attach_context_menu(
        view.agreements_table,
        mirror_menu([view.edit_agreement_button, view.new_agreement_button]),
    )

    def transfers_menu(menu: QMenu, rows: list[QModelIndex]) -> None:
        mirror_entries(menu, [view.edit_transfer_button, view.new_transfer_button])
        code = str(rows[0].siblingAtColumn(TRANSFER_VISIT_COLUMN).data() or "") if rows else ""
        menu.addSeparator()
        add_entry(
            menu,
            QCoreApplication.translate("AgreementsMenu", "&Open Visit {code}").format(code=code)
            if code
            else QCoreApplication.translate("AgreementsMenu", "&Open Visit"),
            lambda: view.visit_activated.emit(code),
            enabled=bool(code),
            name="menuOpenVisit",
        )

    return agreements, attach_context_menu(view.transfers_table, transfers_menu)

"""The main window's menus and actions, wired to the commands of the features."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from planner.services.messages import MessageKind
from planner.ui.exchange.commands import export_package, import_package
from planner.ui.itinerary.commands import export_event_itineraries, export_itinerary
from planner.ui.itinerary.visitor_mail import invitation_letter, send_to_visitor
from planner.ui.shell.about import show_about
from planner.ui.shell.actions import MainActions, WorkspaceActions, WorkspaceHandlers
from planner.ui.shell.backup_dialogs import backup_now, show_restore_dialog
from planner.ui.spreadsheets.commands import import_records

if TYPE_CHECKING:
    from planner.ui.shell.main_window import MainWindow


def build_actions(window: MainWindow) -> tuple[MainActions, WorkspaceActions]:
    """The window's standard actions and its workspace actions, each handler a command."""
    services, visits, parent = window.services, window.visit_commands, window
    selected = window.visits_view.current_visit_id
    main_actions = MainActions(
        window,
        window.undo_stack,
        on_quit=window.quit,
        on_find=window.find_in_view,
        on_refresh=window.refresh,
        on_about=lambda: show_about(parent, window.database_display),
        on_about_qt=QApplication.aboutQt,
    )
    workspace_actions = WorkspaceActions(
        window,
        main_actions,
        [(p.name, p.title) for p in window.workspace.pages],
        on_show_page=window.workspace.show_page,
        handlers=WorkspaceHandlers(
            new_visit=window.new_visit,
            new_person=window.new_person,
            new_event=window.new_event,
            export_itinerary=lambda: export_itinerary(parent, services, selected()),
            print=lambda: window.print_current(preview=False),
            print_preview=lambda: window.print_current(preview=True),
            send_itinerary=lambda: send_to_visitor(
                parent, services, selected(), MessageKind.ITINERARY
            ),
            request_paperwork=lambda: send_to_visitor(
                parent, services, selected(), MessageKind.PAPERWORK_REQUEST
            ),
            invitation_letter=lambda: invitation_letter(parent, services, selected()),
            export_event=lambda: export_event_itineraries(
                parent, services, window.events_view().current_event_id()
            ),
            export_table=window.export_table,
            export_package=lambda: export_package(parent, services, selected()),
            import_package=lambda: import_package(parent, services),
            import_people=lambda: import_records(parent, services, "people"),
            import_visits=lambda: import_records(parent, services, "visits"),
            backup=lambda: backup_now(parent, services),
            restore=lambda: show_restore_dialog(parent, services),
            open_visit=visits.open_current,
            duplicate_visit=visits.duplicate,
            cancel_visit=visits.cancel,
            settings=window.show_settings,
        ),
    )
    backups_supported = services.backups.supported
    workspace_actions.backup.setEnabled(backups_supported)
    workspace_actions.restore.setEnabled(backups_supported)
    return main_actions, workspace_actions

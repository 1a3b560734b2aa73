"""The main window: a shell of menus, the page table's views, the status bar and editors.

The work is elsewhere: the views come from the page table (:mod:`planner.ui.shell.pages`),
the visit editors from their registry (:class:`~planner.ui.visits.editors.VisitEditors`),
and the commands from their features' ``commands`` modules. The window wires them together
and keeps its layout in QSettings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QWidget

import planner
from planner.services.backups import DATABASE_REPLACED
from planner.services.changes import Change
from planner.services.container import Services
from planner.ui.common import editor_size
from planner.ui.common.bridge import ChangeBridge
from planner.ui.common.formats import set_viewer_home
from planner.ui.common.preferences import Preferences, load_preferences, save_preferences
from planner.ui.common.view import Printable
from planner.ui.itinerary.commands import export_itinerary, print_itinerary
from planner.ui.shell.chrome import install_chrome
from planner.ui.shell.commands import choose_preferences
from planner.ui.shell.editor_tabs import visit_editor_tabs
from planner.ui.shell.expose import ExposeWatch
from planner.ui.shell.pages import PAGES, PageContext, install_pages
from planner.ui.shell.reach import install_reach
from planner.ui.shell.screenshots import window_shots
from planner.ui.shell.status_bar import ViewStatusLabel
from planner.ui.shell.welcome import database_is_empty, install_welcome
from planner.ui.shell.window_actions import build_actions
from planner.ui.shell.window_state import restore_window, save_window
from planner.ui.shell.workspace import Sidebar, Workspace
from planner.ui.spreadsheets.commands import export_table
from planner.ui.visits.commands import VisitCommands
from planner.ui.visits.editors import VisitEditors
from planner.ui.visits.visits_view import VisitsView

# Every other view, editor and dialog is imported where it is first used: the window starts
# without importing (or building) what the coordinator has not opened yet.
if TYPE_CHECKING:
    from planner.ui.dashboard.dashboard_view import DashboardView
    from planner.ui.events.events_view import EventsView
    from planner.ui.people.people_view import PeopleView
    from planner.ui.shell.screenshots import Shot, ShotProvider
    from planner.ui.visits.visit_editor import VisitEditor


class MainWindow(QMainWindow):
    """Top-level window of the planner over one open database.

    *settings* (may be None: nothing remembered) restores the layout at start and receives it
    at close. ``ready`` fires once, after the window is first shown with its data loaded.
    """

    ready = Signal()

    def __init__(
        self,
        services: Services,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self._settings = settings
        self.database_display = services.db.target.display
        self.setWindowTitle(f"{planner.APP_NAME} — {self.database_display}")
        self.undo_stack = QUndoStack(self)
        editor_size.use_settings(settings)  # editors remember their sizes with the layout
        self.preferences = load_preferences(settings, services.choices)
        set_viewer_home(services, self.preferences.home_institution_id)
        tabs = visit_editor_tabs(services, self.undo_stack)
        self.editors = VisitEditors(services, self.undo_stack, self, tabs)
        self.editors.export = lambda parent, visit_id: export_itinerary(parent, services, visit_id)
        self.editors.print = lambda parent, visit_id: print_itinerary(parent, services, visit_id)
        self.editors.date_pattern = self.preferences.date_format.qt_pattern
        self._build_workspace()
        self.visit_commands = VisitCommands(
            self, services, self.undo_stack, self.visits_view, self.editors
        )
        self.editors.saved.connect(self.visits_view.select_visit)
        self.editors.new_visit_saved.connect(self._show_new_visit)
        self.main_actions, self.workspace_actions = build_actions(self)
        self.screenshot_extras: list[ShotProvider] = []  # more --screenshot pictures
        self.chrome = install_chrome(self, services)
        install_welcome(self, self.workspace, self.main_actions.help_menu, services)
        self._build_status_bar()
        self.reach = install_reach(self, services)
        self.change_bridge = ChangeBridge(services.bus, self)
        self.change_bridge.changed.connect(self.workspace.broadcast)
        self.change_bridge.changed.connect(self.editors.on_change)
        self.change_bridge.changed.connect(self._after_restore)

        self._ready_watch = ExposeWatch(self, self.ready.emit)
        # The views took back their own layouts when the workspace built them.
        restore_window(self, settings)
        self.visits_view.set_preferences(self.preferences)
        # The visits list feeds the status bar and the ready line: load it now with the
        # page shown; the other views load when first shown.
        self.workspace.reload_all(eager=frozenset({"visits"}))

    def _build_workspace(self) -> None:
        self.workspace = Workspace(self._settings, self)
        context = PageContext(
            self.services, self.undo_stack, self.open_visit, self.open_visit_by_code
        )
        install_pages(self.workspace, PAGES, context)
        self.dashboard_view = cast("DashboardView", self.workspace.view("dashboard"))
        self.visits_view = cast(VisitsView, self.workspace.view("visits"))
        self.sidebar = Sidebar(self.workspace, self)
        central = QWidget(self)
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.sidebar)
        central_layout.addWidget(self.workspace, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        self.count_label = ViewStatusLabel(self.workspace, self)
        self.database_label = QLabel(self.database_display, self)
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.database_label)

    # -- views ---------------------------------------------------------------------------------

    def main_views(self) -> list[tuple[str, QWidget]]:
        """The main views with their names (the screenshot file names), in menu order.

        Builds every view not built yet.
        """
        for page in self.workspace.pages:
            self.workspace.ensure_built(page.name)
        return [(p.name, p.widget) for p in self.workspace.pages]

    def events_view(self) -> EventsView:
        return cast("EventsView", self.workspace.view("events"))

    def show_view(self, view: QWidget) -> None:
        """Bring *view* (one of :meth:`main_views`, or a built page's own view) to the front."""
        pages = self.workspace.pages
        page = next((p for p in pages if p.widget in (view, view.parentWidget())), None)
        self.workspace.setCurrentWidget(page.widget if page is not None else view)

    def print_current(self, *, preview: bool) -> object:
        """Print what the page shown has to print; by default the selected visit's itinerary."""
        page = self.workspace.current_page()
        if page is not None and isinstance(page.view, Printable):
            return page.view.print_view(preview=preview)
        visit_id = self.visits_view.current_visit_id()
        return print_itinerary(self, self.services, visit_id, preview=preview)

    def screenshot_shots(self) -> list[Shot]:
        """Every main view (the whole window), the first visit's editor, then the extras."""
        table = self.visits_view.model
        first = table.visit_at(0).id if table.rowCount() else None  # the first row shown
        # The welcome page is what an empty database opens on; with records it is a Help page.
        empty = database_is_empty(self.services)
        views = [(name, view) for name, view in self.main_views() if name != "welcome" or empty]
        shots = window_shots(self, views, self.show_view, first, self.open_visit)
        return shots + [shot for extra in self.screenshot_extras for shot in extra()]

    @property
    def visit_count(self) -> int:
        """Visits loaded in the visits view."""
        return self.visits_view.total_count

    # -- commands ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the view shown and the visits list now; every other view when next shown."""
        self.workspace.reload_all(eager=frozenset({"visits"}))

    def find_in_view(self) -> None:
        """Focus the filter of the current view (the visits list if it has none)."""
        page = self.workspace.current_page()
        target = page.filterable if page is not None else None
        if target is None:
            self.workspace.show_page("visits")
            self.visits_view.focus_filter()
            return
        target.focus_filter()

    def open_visit(self, visit_id: int) -> VisitEditor:
        """Show the editor of *visit_id* (one window per visit)."""
        return self.editors.open(visit_id)

    def new_visit(self) -> VisitEditor:
        """An editor for a new visit; once saved it becomes that visit's editor."""
        return self.editors.new()

    def _show_new_visit(self, visit_id: int) -> None:
        self.workspace.show_page("visits")
        self.visits_view.reload()  # now, so the new row exists to be selected
        self.visits_view.select_visit(visit_id)

    def open_visit_by_code(self, code: str) -> None:
        """Open the visit with *code* (links from the agreements register)."""
        self.visit_commands.open_by_code(code)

    def export_table(self) -> None:
        """Write the current view's table, as shown (filter, sort, columns), to CSV or XLSX."""
        page = self.workspace.current_page()
        if page is not None:
            export_table(self, page.widget, page.name)

    def new_person(self) -> None:
        """Show the people directory and open the editor for a new person."""
        self.workspace.show_page("people")
        cast("PeopleView", self.workspace.view("people")).new_person()

    def new_event(self) -> None:
        """Show the events and open the editor for a new event."""
        self.workspace.show_page("events")
        self.events_view().new_event()

    def _after_restore(self, change: Change) -> None:
        # A restored backup replaced every record: reload everything, drop stale undo steps.
        if change == DATABASE_REPLACED:
            self.undo_stack.clear()
            self.refresh()

    # -- settings ------------------------------------------------------------------------------

    def show_settings(self) -> None:
        """The settings dialog; applies and stores what the coordinator chose."""
        chosen = choose_preferences(self, self.services, self.preferences)
        if chosen is not None:
            self.apply_preferences(chosen)

    def apply_preferences(self, prefs: Preferences) -> None:
        """Use *prefs* from now on and remember them."""
        self.preferences = prefs
        save_preferences(self._settings, prefs, self.services.choices)
        set_viewer_home(self.services, prefs.home_institution_id)
        self.visits_view.set_preferences(prefs)
        self.editors.date_pattern = prefs.date_format.qt_pattern

    def quit(self) -> None:
        """Close the window (saving its layout) and leave the application."""
        if self.close():
            QApplication.quit()

    # -- state ---------------------------------------------------------------------------------

    def save_state(self) -> None:
        """Write the window's layout to its settings (if it has any)."""
        if self._settings is None:
            return
        save_window(self, self._settings)
        self.workspace.save_state(self._settings)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save the layout and stop listening for changes."""
        if not self.editors.close_all():
            event.ignore()
            return
        self.save_state()
        self.change_bridge.close()
        super().closeEvent(event)

    # -- readiness -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """On the first show, announce ``ready`` once the window system exposed the window."""
        super().showEvent(event)
        self._ready_watch.start()

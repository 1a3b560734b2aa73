"""The main window: menus, the main views, the status bar; state kept in QSettings."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Literal, cast

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLocale,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

import planner
from planner.domain.enums import VisitStatus
from planner.domain.errors import PlannerError
from planner.domain.status import allowed_next
from planner.services.backups import DATABASE_REPLACED
from planner.services.changes import Change
from planner.services.container import Services
from planner.ui.common.bridge import ChangeBridge
from planner.ui.common.errors import error_message, planner_error_text
from planner.ui.common.preferences import Preferences, load_preferences, save_preferences
from planner.ui.common.visit_person_choices import VisitPersonChoices
from planner.ui.dashboard.dashboard_view import DashboardView
from planner.ui.shell.actions import MainActions, WorkspaceActions
from planner.ui.shell.workspace import Page, Sidebar, Workspace
from planner.ui.visits.visits_view import VisitsView

# Every other view, editor and dialog is imported where it is first used: the window starts
# without importing (or building) what the coordinator has not opened yet.
if TYPE_CHECKING:
    from planner.ui.agreements.agreements_view import AgreementsView
    from planner.ui.directory.directory_view import DirectoryView
    from planner.ui.events.events_view import EventsView
    from planner.ui.paperwork.paperwork_view import PaperworkView
    from planner.ui.paperwork.rules_view import RulesView
    from planner.ui.people.people_view import PeopleView
    from planner.ui.reports.reports_view import ReportsView
    from planner.ui.shell.screenshots import Shot
    from planner.ui.timeline.timeline_view import TimelineView
    from planner.ui.visits.visit_editor import TabFactory, VisitEditor

DEFAULT_SIZE = QSize(1200, 720)
#: Changes after which the editors' person lists are read again (names, home institutions).
_PERSON_CHOICE_ENTITIES = frozenset({"person", "institution"})
_GEOMETRY_KEY = "MainWindow/geometry"
_STATE_KEY = "MainWindow/state"
# How long to wait for the window system to expose the window before calling it ready.
_EXPOSE_POLL_MS = 10
_EXPOSE_MAX_POLLS = 300


def about_text(database: str) -> str:
    """The About box text: application name, version and the open database."""
    version = QCoreApplication.translate("MainWindow", "Version")
    database_word = QCoreApplication.translate("MainWindow", "Database")
    return (
        f"<h3>{planner.APP_NAME}</h3>"
        f"<p>{version} {planner.__version__}</p>"
        f"<p>{database_word}: {_escape(database)}</p>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
        self._services = services
        self._settings = settings
        self.database_display = services.db.target.display
        self.setWindowTitle(f"{planner.APP_NAME} — {self.database_display}")

        self.undo_stack = QUndoStack(self)
        self.preferences = load_preferences(settings)
        #: Extra tabs of every visit editor (itinerary, paperwork), in tab order.
        self.visit_editor_tabs: list[TabFactory] = [
            (QCoreApplication.translate("MainWindow", "&Itinerary"), self._itinerary_tab),
            (QCoreApplication.translate("MainWindow", "&Paperwork"), self._paperwork_tab),
        ]
        self._editors: dict[int, VisitEditor] = {}
        #: The person lists every visit editor shares (read once, again after a change).
        self.person_choices = VisitPersonChoices(services)

        self.dashboard_view = DashboardView(services, self)
        self.visits_view = VisitsView(services, self)
        for opener in (self.dashboard_view, self.visits_view):
            opener.visit_activated.connect(self.open_visit)
        self._views: dict[str, QWidget] = {}
        self.workspace = Workspace(self)
        self.workspace.add_page(
            Page(
                "dashboard",
                QCoreApplication.translate("MainWindow", "Dashboard"),
                self.dashboard_view,
                self.dashboard_view.on_change,
                self.dashboard_view.reload,
            )
        )
        self.workspace.add_page(
            Page(
                "visits",
                QCoreApplication.translate("MainWindow", "Visits"),
                self.visits_view,
                self.visits_view.on_change,
                self.visits_view.reload,
                self.visits_view.focus_filter,
            )
        )
        lazy_pages = (
            ("people", QCoreApplication.translate("MainWindow", "People"), self._build_people),
            ("events", QCoreApplication.translate("MainWindow", "Events"), self._build_events),
            (
                "timeline",
                QCoreApplication.translate("MainWindow", "Timeline"),
                self._build_timeline,
            ),
            (
                "paperwork",
                QCoreApplication.translate("MainWindow", "Paperwork"),
                self._build_paperwork,
            ),
            (
                "institutions",
                QCoreApplication.translate("MainWindow", "Institutions"),
                self._build_directory,
            ),
            (
                "agreements",
                QCoreApplication.translate("MainWindow", "Agreements"),
                self._build_agreements,
            ),
            ("reports", QCoreApplication.translate("MainWindow", "Reports"), self._build_reports),
            (
                "rules",
                QCoreApplication.translate("MainWindow", "Paperwork rules"),
                self._build_rules,
            ),
        )
        for name, title, build in lazy_pages:
            self.workspace.add_lazy_page(name, title, build)
        self.sidebar = Sidebar(self.workspace, self)
        central = QWidget(self)
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.sidebar)
        central_layout.addWidget(self.workspace, 1)
        self.setCentralWidget(central)

        self.main_actions = MainActions(
            self,
            self.undo_stack,
            on_quit=self.quit,
            on_find=self.find_in_view,
            on_refresh=self.refresh,
            on_about=self.show_about,
            on_about_qt=QApplication.aboutQt,
        )
        self.workspace_actions = WorkspaceActions(
            self,
            self.main_actions,
            [(p.name, p.title) for p in self.workspace.pages],
            on_show_page=self.workspace.show_page,
            on_new_visit=self.new_visit,
            on_new_person=self.new_person,
            on_new_event=self.new_event,
            on_export_itinerary=self.export_itinerary,
            on_export_event=self.export_event_itineraries,
            on_export_table=self.export_table,
            on_export_package=self.export_package,
            on_import_package=self.import_package,
            on_import_people=lambda: self.import_records("people"),
            on_import_visits=lambda: self.import_records("visits"),
            on_backup=self.backup_now,
            on_restore=self.show_restore,
            on_open_visit=self.open_current_visit,
            on_duplicate_visit=self.duplicate_visit,
            on_cancel_visit=self.cancel_visit,
            on_settings=self.show_settings,
        )

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.database_label = QLabel(self.database_display, self)
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.database_label)
        self.visits_view.counts_changed.connect(self._show_counts)

        self.change_bridge = ChangeBridge(services.bus, self)
        self.change_bridge.changed.connect(self.workspace.broadcast)
        self.change_bridge.changed.connect(self._tell_editors)
        self.change_bridge.changed.connect(self._after_restore)
        backups_supported = services.backups.supported
        self.workspace_actions.backup.setEnabled(backups_supported)
        self.workspace_actions.restore.setEnabled(backups_supported)

        self._ready_polls = -1
        self._restore_state()
        self.visits_view.set_preferences(self.preferences)
        # The visits list feeds the status bar and the ready line: load it now with the
        # page shown; the other views load when first shown.
        self.workspace.reload_all(eager=frozenset({"visits"}))
        self._show_counts(self.visits_view.shown_count, self.visits_view.total_count)

    # -- views ---------------------------------------------------------------------------------

    def main_views(self) -> list[tuple[str, QWidget]]:
        """The main views with their names (the screenshot file names), in menu order.

        Builds every view not built yet.
        """
        for page in self.workspace.pages:
            self.workspace.ensure_built(page.name)
        return [(p.name, p.widget) for p in self.workspace.pages]

    def _view(self, name: str) -> QWidget:
        """The view of the page called *name*, built now if it was not yet."""
        self.workspace.ensure_built(name)
        return self._views[name]

    @property
    def people_view(self) -> PeopleView:
        """The people directory (built on first use)."""
        return cast("PeopleView", self._view("people"))

    @property
    def events_view(self) -> EventsView:
        """The events (built on first use)."""
        return cast("EventsView", self._view("events"))

    @property
    def timeline_view(self) -> TimelineView:
        """The timeline (built on first use)."""
        return cast("TimelineView", self._view("timeline"))

    @property
    def paperwork_view(self) -> PaperworkView:
        """Paperwork across visits (built on first use)."""
        return cast("PaperworkView", self._view("paperwork"))

    @property
    def directory_view(self) -> DirectoryView:
        """Institutions, programmes and projects (built on first use)."""
        return cast("DirectoryView", self._view("institutions"))

    @property
    def agreements_view(self) -> AgreementsView:
        """The agreements register (built on first use)."""
        return cast("AgreementsView", self._view("agreements"))

    @property
    def reports_view(self) -> ReportsView:
        """Activity reports (built on first use)."""
        return cast("ReportsView", self._view("reports"))

    @property
    def rules_view(self) -> RulesView:
        """The paperwork rules (built on first use)."""
        return cast("RulesView", self._view("rules"))

    def _built(self, name: str, view: QWidget, page: Page) -> Page:
        self._views[name] = view
        return page

    def _build_people(self, parent: QWidget) -> Page:
        from planner.ui.people.people_view import PeopleView

        view = PeopleView(self._services, self.undo_stack, parent)
        if self._settings is not None:
            view.restore_state(self._settings)
        page = Page("people", "", view, view.on_change, view.reload, view.focus_filter)
        return self._built("people", view, page)

    def _build_events(self, parent: QWidget) -> Page:
        from planner.ui.events.events_view import EventsView

        view = EventsView(self._services, self.undo_stack, parent)
        return self._built("events", view, Page("events", "", view, view.on_change, view.reload))

    def _build_timeline(self, parent: QWidget) -> Page:
        from planner.ui.timeline.timeline_view import TimelineView

        view = TimelineView(self._services, parent)
        view.visit_activated.connect(self.open_visit)
        page = Page("timeline", "", view, view.on_change, view.reload)
        return self._built("timeline", view, page)

    def _build_paperwork(self, parent: QWidget) -> Page:
        from planner.ui.paperwork.paperwork_view import PaperworkView

        view = PaperworkView(self._services, self.undo_stack, parent)
        view.visit_activated.connect(self.open_visit)
        return self._built("paperwork", view, Page("paperwork", "", view, None, view.reload))

    def _build_directory(self, parent: QWidget) -> Page:
        from planner.ui.directory.directory_view import DirectoryView

        view = DirectoryView(self._services, self.undo_stack, parent)
        page = Page("institutions", "", view, view.on_change, view.reload)
        return self._built("institutions", view, page)

    def _build_agreements(self, parent: QWidget) -> Page:
        from planner.ui.agreements.agreements_view import AgreementsView

        view = AgreementsView(self._services, parent, undo_stack=self.undo_stack)
        view.visit_activated.connect(self.open_visit_by_code)
        return self._built("agreements", view, Page("agreements", "", view, None, view.reload))

    def _build_reports(self, parent: QWidget) -> Page:
        from planner.ui.reports.reports_view import ReportsView

        view = ReportsView(self._services, parent)
        page = Page("reports", "", view, view.on_change, view.reload)
        return self._built("reports", view, page)

    def _build_rules(self, parent: QWidget) -> Page:
        from planner.ui.paperwork.rules_view import RulesView

        view = RulesView(self._services, parent)
        return self._built("rules", view, Page("rules", "", view, None, view.reload))

    def show_view(self, view: QWidget) -> None:
        """Bring *view* (one of :meth:`main_views`, or a built page's own view) to the front."""
        page = next(
            (p for p in self.workspace.pages if view in (p.widget, self._views.get(p.name))),
            None,
        )
        self.workspace.setCurrentWidget(page.widget if page is not None else view)

    def screenshot_shots(self) -> list[Shot]:
        """Every main view (the whole window), then the editor of the first visit."""

        def view_shot(widget: QWidget) -> QWidget:
            self.show_view(widget)
            return self

        shots: list[Shot] = [
            (name, functools.partial(view_shot, widget)) for name, widget in self.main_views()
        ]
        table = self.visits_view.model
        first = table.visit_at(0).id if table.rowCount() else None  # the first row shown
        if first is not None:
            shots.append(("visit-editor", functools.partial(self._editor_shot, first, 0)))
            shots.append(("itinerary", functools.partial(self._editor_shot, first, 1)))
        return shots

    def _editor_shot(self, visit_id: int, tab: int) -> QWidget:
        editor = self.open_visit(visit_id)
        editor.resize(1000, 680)
        editor.tabs.setCurrentIndex(tab)
        return editor

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
        if page is None or page.focus_filter is None:
            self.workspace.show_page("visits")
            self.visits_view.focus_filter()
            return
        page.focus_filter()

    # -- visits --------------------------------------------------------------------------------

    def open_visit(self, visit_id: int) -> VisitEditor:
        """Show the editor of *visit_id* (one window per visit)."""
        from planner.ui.visits.visit_editor import VisitEditor

        editor = self._editors.get(visit_id)
        if editor is None:
            editor = VisitEditor(
                self._services,
                self.undo_stack,
                visit_id,
                self,
                self.visit_editor_tabs,
                self.person_choices,
            )
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.set_date_pattern(self.preferences.date_format.qt_pattern)
            editor.visit_saved.connect(self.visits_view.select_visit)
            editor.destroyed.connect(lambda _=None, vid=visit_id: self._editors.pop(vid, None))
            self._editors[visit_id] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def new_visit(self) -> VisitEditor:
        """An editor for a new visit; once saved it becomes that visit's editor."""
        from planner.ui.visits.visit_editor import VisitEditor

        editor = VisitEditor(
            self._services,
            self.undo_stack,
            None,
            self,
            self.visit_editor_tabs,
            self.person_choices,
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.set_date_pattern(self.preferences.date_format.qt_pattern)

        def registered(visit_id: int) -> None:
            if visit_id not in self._editors:
                self._editors[visit_id] = editor
                editor.destroyed.connect(lambda _=None: self._editors.pop(visit_id, None))
            self.workspace.show_page("visits")
            self.visits_view.reload()  # now, so the new row exists to be selected
            self.visits_view.select_visit(visit_id)

        editor.visit_saved.connect(registered)
        editor.show()
        return editor

    def _itinerary_tab(self, editor: VisitEditor) -> QWidget:
        from planner.ui.itinerary.itinerary_editor import ItineraryEditor

        tab = ItineraryEditor(self._services, self.undo_stack, editor)
        tab.set_visit(editor.visit_id)
        editor.visit_saved.connect(tab.set_visit)  # a new visit gets its itinerary once saved
        return tab

    def _paperwork_tab(self, editor: VisitEditor) -> QWidget:
        from planner.ui.paperwork.paperwork_tab import PaperworkTab

        tab = PaperworkTab(self._services, self.undo_stack, editor)
        tab.set_visit(editor.visit_id)
        editor.visit_saved.connect(tab.set_visit)
        return tab

    def open_visit_by_code(self, code: str) -> None:
        """Open the visit with *code* (links from the agreements register)."""
        try:
            visit = self._services.visits.get_by_code(code)
        except PlannerError as exc:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("MainWindow", "Open visit"),
                planner_error_text(exc),
            )
            return
        if visit.id is not None:
            self.open_visit(visit.id)

    def export_table(self) -> None:
        """Write the current view's table, as shown (filter, sort, columns), to CSV or XLSX."""
        page = self.workspace.current_page()
        if page is None:
            return
        focused = QApplication.focusWidget()
        tables = page.widget.findChildren(QAbstractItemView)
        view = next((t for t in tables if t is focused), None)
        view = view or next((t for t in tables if t.isVisible() and t.model() is not None), None)
        if view is None:
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Export table"),
                QCoreApplication.translate("MainWindow", "This view has no table to export."),
            )
            return
        from planner.ui.spreadsheets.table_export import export_table_dialog

        export_table_dialog(self, view, page.name)

    def export_package(self) -> None:
        """Write the selected visit as an exchange package for the partner's coordinator."""
        visit_id = self.visits_view.current_visit_id()
        if visit_id is None:
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Export exchange package"),
                QCoreApplication.translate("MainWindow", "Select a visit in the list first."),
            )
            return
        from planner.ui.exchange.package_dialogs import export_visit_package_dialog

        export_visit_package_dialog(self, self._services, visit_id)

    def import_records(self, kind: Literal["people", "visits"]) -> None:
        """The import wizard for a spreadsheet of people or visits."""
        from planner.ui.spreadsheets.import_wizard import run_import_wizard

        run_import_wizard(self, self._services, kind)

    def import_package(self) -> None:
        """Read a partner's exchange package (creates or updates that visit)."""
        from planner.ui.exchange.package_dialogs import import_visit_package_dialog

        import_visit_package_dialog(self, self._services)

    def export_itinerary(self) -> None:
        """Export the selected visit's itinerary (PDF, iCalendar or HTML; en, ja, both)."""
        visit_id = self.visits_view.current_visit_id()
        if visit_id is None:
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Export itinerary"),
                QCoreApplication.translate("MainWindow", "Select a visit in the list first."),
            )
            return
        from planner.ui.itinerary.export_dialogs import export_itinerary_dialog

        export_itinerary_dialog(self, self._services, visit_id)

    def export_event_itineraries(self) -> None:
        """Export the itineraries of every participant of the selected event into a folder."""
        event_id = self.events_view.current_event_id()
        if event_id is None:
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Export itineraries"),
                QCoreApplication.translate("MainWindow", "Select an event first."),
            )
            return
        from planner.ui.itinerary.export_dialogs import batch_export_event_dialog

        batch_export_event_dialog(self, self._services, event_id)

    def new_person(self) -> None:
        """Show the people directory and open the editor for a new person."""
        self.workspace.show_page("people")
        self.people_view.new_person()

    def new_event(self) -> None:
        """Show the events and open the editor for a new event."""
        self.workspace.show_page("events")
        self.events_view.new_event()

    def open_current_visit(self) -> None:
        """Open the visit selected in the visits list."""
        visit_id = self.visits_view.current_visit_id()
        if visit_id is not None:
            self.open_visit(visit_id)

    def duplicate_visit(self) -> int | None:
        """Copy the selected visit as a new draft (undoable) and open it."""
        visit_id = self.visits_view.current_visit_id()
        if visit_id is None:
            return None
        from planner.ui.common.form_widgets import show_undo_error
        from planner.ui.common.undo import undoable_create

        visits = self._services.visits
        original = visits.get(visit_id)
        try:
            copy = undoable_create(
                self.undo_stack,
                QCoreApplication.translate("MainWindow", "Duplicate visit {code}").format(
                    code=original.code
                ),
                lambda _v: visits.duplicate(visit_id),
                visits.delete,
                original,
                show_undo_error,
            )
        except Exception as exc:  # a PlannerError: say why, keep going
            QMessageBox.warning(
                self,
                QCoreApplication.translate("MainWindow", "Cannot duplicate"),
                error_message(exc),
            )
            return None
        assert copy.id is not None
        self.visits_view.reload()
        self.visits_view.select_visit(copy.id)
        return copy.id

    def cancel_visit(self) -> bool:
        """Cancel the selected visit after confirmation (undoable)."""
        visit_id = self.visits_view.current_visit_id()
        if visit_id is None:
            return False
        visit = self._services.visits.get(visit_id)
        if VisitStatus.CANCELLED not in allowed_next(visit.status):
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Cancel visit"),
                QCoreApplication.translate(
                    "MainWindow", "Visit {code} is {status} and can no longer be cancelled."
                ).format(code=visit.code, status=visit.status.value),
            )
            return False
        editor = self.open_visit(visit_id)
        return editor.change_status(VisitStatus.CANCELLED)

    def _after_restore(self, change: Change) -> None:
        # A restored backup replaced every record: reload everything, drop stale undo steps.
        if change == DATABASE_REPLACED:
            self.undo_stack.clear()
            self.refresh()

    def _tell_editors(self, change: Change) -> None:
        if change.kind in _PERSON_CHOICE_ENTITIES or change == DATABASE_REPLACED:
            self.person_choices.invalidate()
        for editor in list(self._editors.values()):
            editor.on_change(change)

    # -- settings ------------------------------------------------------------------------------

    def show_settings(self) -> None:
        """The settings dialog; applies and stores what the coordinator chose."""
        from planner.ui.shell.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.preferences, self._services.institutions.list(), self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, prefs: Preferences) -> None:
        """Use *prefs* from now on and remember them."""
        self.preferences = prefs
        save_preferences(self._settings, prefs)
        self.visits_view.set_preferences(prefs)

    def backup_now(self) -> None:
        """Write a backup of the database now (File ▸ Back up)."""
        from planner.ui.shell.backup_dialogs import backup_now

        backup_now(self, self._services)

    def show_restore(self) -> None:
        """Choose a backup to restore (File ▸ Restore)."""
        from planner.ui.shell.backup_dialogs import show_restore_dialog

        show_restore_dialog(self, self._services)

    def show_about(self) -> None:
        """The About box: name, version, database."""
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "About {name}").format(name=planner.APP_NAME),
            about_text(self.database_display),
        )

    def quit(self) -> None:
        """Close the window (saving its layout) and leave the application."""
        if self.close():
            QApplication.quit()

    # -- status bar ----------------------------------------------------------------------------

    def _show_counts(self, shown: int, total: int) -> None:
        locale = QLocale()
        self.count_label.setText(
            QCoreApplication.translate("MainWindow", "Showing {shown} of {total} visits").format(
                shown=locale.toString(shown), total=locale.toString(total)
            )
        )

    # -- state ---------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        self._apply_default_size()
        if self._settings is None:
            return
        geometry = self._settings.value(_GEOMETRY_KEY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = self._settings.value(_STATE_KEY)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        self.visits_view.restore_state(self._settings)
        # Lazy views restore their own state when they are built.

    def _apply_default_size(self) -> None:
        screen = QGuiApplication.primaryScreen()
        size = QSize(DEFAULT_SIZE)
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size())
        self.resize(size)

    def save_state(self) -> None:
        """Write the window's layout to its settings (if it has any)."""
        if self._settings is None:
            return
        self._settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(_STATE_KEY, self.saveState())
        self.visits_view.save_state(self._settings)
        if self.workspace.is_built("people"):
            self.people_view.save_state(self._settings)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save the layout and stop listening for changes."""
        for editor in list(self._editors.values()):
            if not editor.close():
                event.ignore()
                return
        self.save_state()
        self.change_bridge.close()
        super().closeEvent(event)

    # -- readiness -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """On the first show, announce ``ready`` once the window system exposed the window."""
        super().showEvent(event)
        if self._ready_polls < 0:
            self._ready_polls = 0
            QTimer.singleShot(0, self._check_ready)

    def _check_ready(self) -> None:
        handle = self.windowHandle()
        exposed = handle is not None and handle.isExposed()
        if exposed or self._ready_polls >= _EXPOSE_MAX_POLLS:
            self.ready.emit()
            return
        self._ready_polls += 1
        QTimer.singleShot(_EXPOSE_POLL_MS, self._check_ready)

"""The window's reach: global search (Ctrl+K), files dropped on the window, save notices.

:func:`install_reach` wires these into a built :class:`MainWindow` so the window itself
needs one line. Search results open through the features' own commands: a visit (or a
paperwork item: its visit, on the Paperwork tab) in the visit editor, a person, event or
institution in its editor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QPoint, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from planner.domain.errors import PlannerError
from planner.services.container import Services
from planner.services.search import HitKind, SearchHit
from planner.ui.common.file_drop import FileDrop
from planner.ui.common.formats import is_japanese
from planner.ui.common.notify import notify
from planner.ui.shell.search import SearchDialog
from planner.ui.spreadsheets.commands import (
    IMPORT_SUFFIXES,
    ImportKind,
    guess_import_kind,
    import_records,
)

if TYPE_CHECKING:
    from planner.ui.directory.directory_view import DirectoryView
    from planner.ui.events.events_view import EventsView
    from planner.ui.people.people_view import PeopleView
    from planner.ui.shell.main_window import MainWindow


def show_tab(tabs: QTabWidget, title: str) -> bool:
    """Bring the tab called *title* (as the editor's tab table names it) to the front."""
    for index in range(tabs.count()):
        if tabs.tabText(index) == title:
            tabs.setCurrentIndex(index)
            return True
    return False


class Reach:
    """Global search, window drops and save notices of one main window."""

    def __init__(self, window: MainWindow, services: Services) -> None:
        self.window = window
        self.services = services
        self._dialog: SearchDialog | None = None
        self.search_action = QAction(
            QCoreApplication.translate("MainWindow", "&Search Everything…"), window
        )
        self.search_action.setObjectName("actionGlobalSearch")
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.triggered.connect(lambda _checked=False: self.show_search())
        window.addAction(self.search_action)
        window.main_actions.edit_menu.addAction(self.search_action)
        #: Starts the import wizard on a dropped file (tests replace it: the wizard is modal).
        self.start_import: Callable[[ImportKind, Path], object] = self._run_import
        #: Asks whether a dropped sheet holds people or visits (tests replace it).
        self.ask_kind: Callable[[Path], ImportKind | None] = self._ask_kind
        self.window_drop = FileDrop(window, self._accepts_sheet, self._sheet_dropped)
        window.editors.saved.connect(self._visit_saved)

    # -- search --------------------------------------------------------------------------------

    def search_dialog(self) -> SearchDialog:
        """The search popup (made on first use, then kept)."""
        if self._dialog is None:
            self._dialog = SearchDialog(self.services, self.open_hit, self.window)
        return self._dialog

    def show_search(self, text: str = "") -> SearchDialog:
        """Show the search popup with the field focused."""
        dialog = self.search_dialog()
        dialog.start(text)
        return dialog

    def open_hit(self, hit: SearchHit) -> None:
        """Open the record of *hit* in its editor."""
        window = self.window
        if hit.kind in (HitKind.VISIT, HitKind.PAPERWORK) and hit.visit_id is not None:
            editor = window.open_visit(hit.visit_id)
            if hit.kind is HitKind.PAPERWORK:
                show_tab(editor.tabs, QCoreApplication.translate("MainWindow", "&Paperwork"))
        elif hit.kind is HitKind.PERSON:
            window.workspace.show_page("people")
            cast("PeopleView", window.workspace.view("people")).edit_person(hit.record_id)
        elif hit.kind is HitKind.EVENT:
            window.workspace.show_page("events")
            events = cast("EventsView", window.workspace.view("events"))
            events.make_editor(hit.record_id).open()
        elif hit.kind is HitKind.INSTITUTION:
            window.workspace.show_page("institutions")
            directory = cast("DirectoryView", window.workspace.view("institutions"))
            directory.edit_institution(hit.record_id)

    def search_shot(self) -> QWidget:
        """The popup searching for the first visit's visitor (the ``search`` screenshot)."""
        services = self.services
        table = self.window.visits_view.model
        query = "V-"
        if table.rowCount():
            name = table.visit_at(0).visitor_name.split()
            query = name[-1] if name else query
        dialog = self.show_search()
        dialog.field.blockSignals(True)  # the answer is filled in here, synchronously
        dialog.field.setText(query)
        dialog.field.blockSignals(False)
        dialog.show_results(services.search.search(query, japanese=is_japanese()))
        return dialog

    # -- a spreadsheet dropped on the window ---------------------------------------------------

    @staticmethod
    def _accepts_sheet(paths: Sequence[Path], _position: QPoint) -> bool:
        return len(paths) == 1 and paths[0].suffix.lower() in IMPORT_SUFFIXES

    def _sheet_dropped(self, paths: Sequence[Path], _position: QPoint) -> None:
        # After the drop returns: the wizard is modal, and a nested loop inside a drop
        # handler leaves the drag unfinished on some platforms.
        path = paths[0]
        QTimer.singleShot(0, self.window, lambda: self.import_dropped(path))

    def import_dropped(self, path: Path) -> ImportKind | None:
        """Start the import wizard on *path*, asking people or visits if the header is unclear."""
        kind = guess_import_kind(path) or self.ask_kind(path)
        if kind is not None:
            self.start_import(kind, path)
        return kind

    def _run_import(self, kind: ImportKind, path: Path) -> None:
        import_records(self.window, self.services, kind, path)

    def _ask_kind(self, path: Path) -> ImportKind | None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Import a spreadsheet"))
        box.setText(
            QCoreApplication.translate("MainWindow", "Does {name} list people or visits?").format(
                name=path.name
            )
        )
        people = box.addButton(
            QCoreApplication.translate("MainWindow", "People"), QMessageBox.ButtonRole.AcceptRole
        )
        visits = box.addButton(
            QCoreApplication.translate("MainWindow", "Visits"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is people:
            return "people"
        return "visits" if clicked is visits else None

    # -- notices -------------------------------------------------------------------------------

    def _visit_saved(self, visit_id: int) -> None:
        try:
            code = self.services.visits.get(visit_id).code
        except PlannerError:  # deleted meanwhile: a notice is not worth an error
            return
        text = QCoreApplication.translate("Notice", "Visit {code} saved")
        notify(self.window, text.format(code=code))


def install_reach(window: MainWindow, services: Services) -> Reach:
    """Give *window* global search, sheet drops, save notices and the search screenshot."""
    reach = Reach(window, services)
    window.screenshot_extras.append(lambda: [("search", reach.search_shot)])
    return reach

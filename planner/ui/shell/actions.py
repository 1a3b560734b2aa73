"""The main window's actions (with standard shortcuts) and the menus that hold them."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow


def standard_shortcuts(key: QKeySequence.StandardKey, *fallbacks: str) -> list[QKeySequence]:
    """The platform's bindings for *key*, plus *fallbacks* it lacks.

    Some platforms bind nothing to a standard key (Quit has no binding on Windows or without
    a desktop theme); the fallbacks keep the usual shortcut working there too.
    """
    shortcuts = list(QKeySequence.keyBindings(key))
    for text in fallbacks:
        sequence = QKeySequence(text)
        if sequence not in shortcuts:
            shortcuts.append(sequence)
    return shortcuts


class MainActions:
    """Actions of the main window, grouped into the File, Edit, View and Help menus.

    The window passes the callbacks; the actions hold no logic of their own.
    """

    def __init__(
        self,
        window: QMainWindow,
        undo_stack: QUndoStack,
        *,
        on_quit: Callable[[], object],
        on_find: Callable[[], object],
        on_refresh: Callable[[], object],
        on_about: Callable[[], object],
        on_about_qt: Callable[[], object],
    ) -> None:
        self.quit = QAction(QCoreApplication.translate("MainWindow", "&Quit"), window)
        self.quit.setObjectName("actionQuit")
        self.quit.setShortcuts(standard_shortcuts(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit.triggered.connect(on_quit)

        self.undo = undo_stack.createUndoAction(
            window, QCoreApplication.translate("MainWindow", "&Undo")
        )
        self.undo.setObjectName("actionUndo")
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo = undo_stack.createRedoAction(
            window, QCoreApplication.translate("MainWindow", "&Redo")
        )
        self.redo.setObjectName("actionRedo")
        self.redo.setShortcuts(QKeySequence.StandardKey.Redo)

        self.find = QAction(QCoreApplication.translate("MainWindow", "&Find…"), window)
        self.find.setObjectName("actionFind")
        self.find.setShortcuts(standard_shortcuts(QKeySequence.StandardKey.Find, "Ctrl+F"))
        self.find.triggered.connect(on_find)

        self.refresh = QAction(QCoreApplication.translate("MainWindow", "&Refresh"), window)
        self.refresh.setObjectName("actionRefresh")
        self.refresh.setShortcuts(standard_shortcuts(QKeySequence.StandardKey.Refresh, "F5"))
        self.refresh.triggered.connect(on_refresh)

        self.about = QAction(
            QCoreApplication.translate("MainWindow", "&About Exchange Visit Planner"), window
        )
        self.about.setObjectName("actionAbout")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about.triggered.connect(on_about)
        self.about_qt = QAction(QCoreApplication.translate("MainWindow", "About &Qt"), window)
        self.about_qt.setObjectName("actionAboutQt")
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.about_qt.triggered.connect(on_about_qt)

        menus = window.menuBar()
        self.file_menu = menus.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self.file_menu.addAction(self.quit)
        self.edit_menu = menus.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        self.edit_menu.addAction(self.undo)
        self.edit_menu.addAction(self.redo)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find)
        self.view_menu = menus.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        self.view_menu.addAction(self.refresh)
        self.help_menu = menus.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self.help_menu.addAction(self.about)
        self.help_menu.addAction(self.about_qt)


def make_action(
    window: QMainWindow,
    text: str,
    name: str,
    slot: Callable[[], object],
    shortcuts: list[QKeySequence] | None = None,
) -> QAction:
    """An action of the window with an object name (tests find it) and shortcuts."""
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts(shortcuts)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


class WorkspaceActions:
    """The coordinator's everyday commands: new, open, duplicate and cancel visits, views.

    Every one has a keyboard shortcut; the menus list them so they can be discovered.
    """

    def __init__(
        self,
        window: QMainWindow,
        main: MainActions,
        pages: list[tuple[str, str]],
        *,
        on_show_page: Callable[[str], object],
        on_new_visit: Callable[[], object],
        on_new_person: Callable[[], object],
        on_new_event: Callable[[], object],
        on_export_itinerary: Callable[[], object],
        on_export_event: Callable[[], object],
        on_export_table: Callable[[], object],
        on_export_package: Callable[[], object],
        on_import_package: Callable[[], object],
        on_import_people: Callable[[], object],
        on_import_visits: Callable[[], object],
        on_backup: Callable[[], object],
        on_restore: Callable[[], object],
        on_open_visit: Callable[[], object],
        on_duplicate_visit: Callable[[], object],
        on_cancel_visit: Callable[[], object],
        on_settings: Callable[[], object],
    ) -> None:
        self.new_visit = make_action(
            window,
            QCoreApplication.translate("MainWindow", "&New Visit…"),
            "actionNewVisit",
            on_new_visit,
            standard_shortcuts(QKeySequence.StandardKey.New, "Ctrl+N"),
        )
        self.new_person = make_action(
            window,
            QCoreApplication.translate("MainWindow", "New &Person…"),
            "actionNewPerson",
            on_new_person,
            [QKeySequence("Ctrl+Shift+N")],
        )
        self.new_event = make_action(
            window,
            QCoreApplication.translate("MainWindow", "New &Event…"),
            "actionNewEvent",
            on_new_event,
            [QKeySequence("Ctrl+Shift+E")],
        )
        self.export_itinerary = make_action(
            window,
            QCoreApplication.translate("MainWindow", "&Export Itinerary…"),
            "actionExportItinerary",
            on_export_itinerary,
            [QKeySequence("Ctrl+E")],
        )
        self.export_event = make_action(
            window,
            QCoreApplication.translate("MainWindow", "Export Event &Participants' Itineraries…"),
            "actionExportEvent",
            on_export_event,
        )
        self.export_table = make_action(
            window,
            QCoreApplication.translate("MainWindow", "Export &Table…"),
            "actionExportTable",
            on_export_table,
            [QKeySequence("Ctrl+Shift+S")],
        )
        self.export_package = make_action(
            window,
            QCoreApplication.translate("MainWindow", "Export E&xchange Package…"),
            "actionExportPackage",
            on_export_package,
        )
        self.import_package = make_action(
            window,
            QCoreApplication.translate("MainWindow", "&Import Exchange Package…"),
            "actionImportPackage",
            on_import_package,
        )
        self.import_people = make_action(
            window,
            QCoreApplication.translate("MainWindow", "Import &People…"),
            "actionImportPeople",
            on_import_people,
        )
        self.import_visits = make_action(
            window,
            QCoreApplication.translate("MainWindow", "Import &Visits…"),
            "actionImportVisits",
            on_import_visits,
        )
        self.backup = make_action(
            window,
            QCoreApplication.translate("MainWindow", "&Back Up Now"),
            "actionBackup",
            on_backup,
        )
        self.restore = make_action(
            window,
            QCoreApplication.translate("MainWindow", "&Restore…"),
            "actionRestore",
            on_restore,
        )
        self.open_visit = make_action(
            window,
            QCoreApplication.translate("MainWindow", "&Open Visit"),
            "actionOpenVisit",
            on_open_visit,
            [QKeySequence("Ctrl+O")],
        )
        self.duplicate_visit = make_action(
            window,
            QCoreApplication.translate("MainWindow", "&Duplicate Visit"),
            "actionDuplicateVisit",
            on_duplicate_visit,
            [QKeySequence("Ctrl+D")],
        )
        self.cancel_visit = make_action(
            window,
            QCoreApplication.translate("MainWindow", "&Cancel Visit…"),
            "actionCancelVisit",
            on_cancel_visit,
            [QKeySequence("Ctrl+Shift+Del")],
        )
        self.settings = make_action(
            window,
            QCoreApplication.translate("MainWindow", "&Settings…"),
            "actionSettings",
            on_settings,
            standard_shortcuts(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
        )
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)

        file_menu, edit_menu, view_menu = main.file_menu, main.edit_menu, main.view_menu
        first = file_menu.actions()[0]  # Quit: new entries go above it
        file_menu.insertAction(first, self.new_visit)
        file_menu.insertAction(first, self.new_person)
        file_menu.insertAction(first, self.new_event)
        file_menu.insertAction(first, self.open_visit)
        file_menu.insertSeparator(first)
        file_menu.insertAction(first, self.export_itinerary)
        file_menu.insertAction(first, self.export_event)
        file_menu.insertAction(first, self.export_table)
        file_menu.insertSeparator(first)
        file_menu.insertAction(first, self.export_package)
        file_menu.insertAction(first, self.import_package)
        file_menu.insertAction(first, self.import_people)
        file_menu.insertAction(first, self.import_visits)
        file_menu.insertSeparator(first)
        file_menu.insertAction(first, self.backup)
        file_menu.insertAction(first, self.restore)
        file_menu.insertSeparator(first)
        file_menu.insertAction(first, self.settings)
        file_menu.insertSeparator(first)
        edit_menu.addSeparator()
        edit_menu.addAction(self.duplicate_visit)
        edit_menu.addAction(self.cancel_visit)

        self.pages: dict[str, QAction] = {}
        refresh = view_menu.actions()[0]  # Refresh: the views go above it
        for number, (name, title) in enumerate(pages, start=1):
            action = make_action(
                window,
                title,
                f"actionShow_{name}",
                functools.partial(on_show_page, name),
                [QKeySequence(f"Ctrl+{number % 10}")] if number <= 10 else None,
            )
            view_menu.insertAction(refresh, action)
            self.pages[name] = action
        view_menu.insertSeparator(refresh)

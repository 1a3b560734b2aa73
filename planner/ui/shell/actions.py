"""The main window's actions (with standard shortcuts) and the menus that hold them."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow

from planner.domain.i18n import QT_TRANSLATE_NOOP


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


#: Keys of an action: a standard key and fallbacks (see :func:`standard_shortcuts`), or
#: explicit key sequences.
_Keys = tuple[QKeySequence.StandardKey | str, ...]


@dataclass(frozen=True)
class _ActionSpec:
    attribute: str  # the WorkspaceActions attribute and the WorkspaceHandlers field
    text: str  # English, translated in the "MainWindow" context
    object_name: str
    keys: _Keys = ()


_STD = QKeySequence.StandardKey

#: The workspace actions, in the order they are made.
_ACTIONS: tuple[_ActionSpec, ...] = (
    _ActionSpec(
        "new_visit",
        QT_TRANSLATE_NOOP("MainWindow", "&New Visit…"),
        "actionNewVisit",
        (_STD.New, "Ctrl+N"),
    ),
    _ActionSpec(
        "new_person",
        QT_TRANSLATE_NOOP("MainWindow", "New &Person…"),
        "actionNewPerson",
        ("Ctrl+Shift+N",),
    ),
    _ActionSpec(
        "new_event",
        QT_TRANSLATE_NOOP("MainWindow", "New &Event…"),
        "actionNewEvent",
        ("Ctrl+Shift+E",),
    ),
    _ActionSpec(
        "export_itinerary",
        QT_TRANSLATE_NOOP("MainWindow", "&Export Itinerary…"),
        "actionExportItinerary",
        ("Ctrl+E",),
    ),
    _ActionSpec(
        "print",
        QT_TRANSLATE_NOOP("MainWindow", "&Print…"),
        "actionPrint",
        (_STD.Print, "Ctrl+P"),
    ),
    _ActionSpec(
        "print_preview",
        QT_TRANSLATE_NOOP("MainWindow", "Print Pre&view…"),
        "actionPrintPreview",
        ("Ctrl+Shift+P",),
    ),
    _ActionSpec(
        "send_itinerary",
        QT_TRANSLATE_NOOP("MainWindow", "Sen&d Itinerary to Visitor…"),
        "actionSendItinerary",
    ),
    _ActionSpec(
        "request_paperwork",
        QT_TRANSLATE_NOOP("MainWindow", "Request Paperwork &from Visitor…"),
        "actionRequestPaperwork",
    ),
    _ActionSpec(
        "invitation_letter",
        QT_TRANSLATE_NOOP("MainWindow", "Invitation &Letter…"),
        "actionInvitationLetter",
    ),
    _ActionSpec(
        "export_event",
        QT_TRANSLATE_NOOP("MainWindow", "Export Event &Participants' Itineraries…"),
        "actionExportEvent",
    ),
    _ActionSpec(
        "export_table",
        QT_TRANSLATE_NOOP("MainWindow", "Export &Table…"),
        "actionExportTable",
        ("Ctrl+Shift+S",),
    ),
    _ActionSpec(
        "export_package",
        QT_TRANSLATE_NOOP("MainWindow", "Export E&xchange Package…"),
        "actionExportPackage",
    ),
    _ActionSpec(
        "import_package",
        QT_TRANSLATE_NOOP("MainWindow", "&Import Exchange Package…"),
        "actionImportPackage",
    ),
    _ActionSpec(
        "import_people", QT_TRANSLATE_NOOP("MainWindow", "Import &People…"), "actionImportPeople"
    ),
    _ActionSpec(
        "import_visits", QT_TRANSLATE_NOOP("MainWindow", "Import &Visits…"), "actionImportVisits"
    ),
    _ActionSpec("backup", QT_TRANSLATE_NOOP("MainWindow", "&Back Up Now"), "actionBackup"),
    _ActionSpec("restore", QT_TRANSLATE_NOOP("MainWindow", "&Restore…"), "actionRestore"),
    _ActionSpec(
        "open_visit", QT_TRANSLATE_NOOP("MainWindow", "&Open Visit"), "actionOpenVisit", ("Ctrl+O",)
    ),
    _ActionSpec(
        "duplicate_visit",
        QT_TRANSLATE_NOOP("MainWindow", "&Duplicate Visit"),
        "actionDuplicateVisit",
        ("Ctrl+D",),
    ),
    _ActionSpec(
        "cancel_visit",
        QT_TRANSLATE_NOOP("MainWindow", "&Cancel Visit…"),
        "actionCancelVisit",
        ("Ctrl+Shift+Del",),
    ),
    _ActionSpec(
        "settings",
        QT_TRANSLATE_NOOP("MainWindow", "&Settings…"),
        "actionSettings",
        (_STD.Preferences, "Ctrl+,"),
    ),
)

#: The File menu's new entries, above Quit; None is a separator.
_FILE_MENU: tuple[str | None, ...] = (
    "new_visit",
    "new_person",
    "new_event",
    "open_visit",
    None,
    "export_itinerary",
    "send_itinerary",
    "request_paperwork",
    "invitation_letter",
    "export_event",
    "export_table",
    None,
    "print",
    "print_preview",
    None,
    "export_package",
    "import_package",
    "import_people",
    "import_visits",
    None,
    "backup",
    "restore",
    None,
    "settings",
    None,
)


def _shortcuts(keys: _Keys) -> list[QKeySequence]:
    if keys and isinstance(keys[0], QKeySequence.StandardKey):
        return standard_shortcuts(keys[0], *(str(k) for k in keys[1:]))
    return [QKeySequence(str(k)) for k in keys]


@dataclass(frozen=True)
class WorkspaceHandlers:
    """What each workspace action does (one field per action)."""

    new_visit: Callable[[], object]
    new_person: Callable[[], object]
    new_event: Callable[[], object]
    export_itinerary: Callable[[], object]
    print: Callable[[], object]
    print_preview: Callable[[], object]
    send_itinerary: Callable[[], object]
    request_paperwork: Callable[[], object]
    invitation_letter: Callable[[], object]
    export_event: Callable[[], object]
    export_table: Callable[[], object]
    export_package: Callable[[], object]
    import_package: Callable[[], object]
    import_people: Callable[[], object]
    import_visits: Callable[[], object]
    backup: Callable[[], object]
    restore: Callable[[], object]
    open_visit: Callable[[], object]
    duplicate_visit: Callable[[], object]
    cancel_visit: Callable[[], object]
    settings: Callable[[], object]


class WorkspaceActions:
    """The coordinator's everyday commands: new, open, duplicate and cancel visits, views.

    Every one has a keyboard shortcut; the menus list them so they can be discovered.
    """

    new_visit: QAction
    new_person: QAction
    new_event: QAction
    export_itinerary: QAction
    print: QAction
    print_preview: QAction
    send_itinerary: QAction
    request_paperwork: QAction
    invitation_letter: QAction
    export_event: QAction
    export_table: QAction
    export_package: QAction
    import_package: QAction
    import_people: QAction
    import_visits: QAction
    backup: QAction
    restore: QAction
    open_visit: QAction
    duplicate_visit: QAction
    cancel_visit: QAction
    settings: QAction

    def __init__(
        self,
        window: QMainWindow,
        main: MainActions,
        pages: list[tuple[str, str]],
        *,
        on_show_page: Callable[[str], object],
        handlers: WorkspaceHandlers,
    ) -> None:
        for spec in _ACTIONS:
            text = QCoreApplication.translate("MainWindow", spec.text)
            slot = getattr(handlers, spec.attribute)
            action = make_action(window, text, spec.object_name, slot, _shortcuts(spec.keys))
            setattr(self, spec.attribute, action)
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self._fill_menus(main)
        self.pages = self._page_actions(window, main, pages, on_show_page)

    def _fill_menus(self, main: MainActions) -> None:
        file_menu = main.file_menu
        first = file_menu.actions()[0]  # Quit: new entries go above it
        for entry in _FILE_MENU:
            if entry is None:
                file_menu.insertSeparator(first)
            else:
                file_menu.insertAction(first, getattr(self, entry))
        main.edit_menu.addSeparator()
        main.edit_menu.addAction(self.duplicate_visit)
        main.edit_menu.addAction(self.cancel_visit)

    @staticmethod
    def _page_actions(
        window: QMainWindow,
        main: MainActions,
        pages: list[tuple[str, str]],
        on_show_page: Callable[[str], object],
    ) -> dict[str, QAction]:
        actions: dict[str, QAction] = {}
        view_menu = main.view_menu
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
            actions[name] = action
        view_menu.insertSeparator(refresh)
        return actions

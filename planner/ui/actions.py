"""The main window's actions (with standard shortcuts) and the menus that hold them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


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
        self.quit = QAction(_tr("&Quit"), window)
        self.quit.setObjectName("actionQuit")
        self.quit.setShortcuts(standard_shortcuts(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit.triggered.connect(on_quit)

        self.undo = undo_stack.createUndoAction(window, _tr("&Undo"))
        self.undo.setObjectName("actionUndo")
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo = undo_stack.createRedoAction(window, _tr("&Redo"))
        self.redo.setObjectName("actionRedo")
        self.redo.setShortcuts(QKeySequence.StandardKey.Redo)

        self.find = QAction(_tr("&Find…"), window)
        self.find.setObjectName("actionFind")
        self.find.setShortcuts(standard_shortcuts(QKeySequence.StandardKey.Find, "Ctrl+F"))
        self.find.triggered.connect(on_find)

        self.refresh = QAction(_tr("&Refresh"), window)
        self.refresh.setObjectName("actionRefresh")
        self.refresh.setShortcuts(standard_shortcuts(QKeySequence.StandardKey.Refresh, "F5"))
        self.refresh.triggered.connect(on_refresh)

        self.about = QAction(_tr("&About Exchange Visit Planner"), window)
        self.about.setObjectName("actionAbout")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about.triggered.connect(on_about)
        self.about_qt = QAction(_tr("About &Qt"), window)
        self.about_qt.setObjectName("actionAboutQt")
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.about_qt.triggered.connect(on_about_qt)

        menus = window.menuBar()
        self.file_menu = menus.addMenu(_tr("&File"))
        self.file_menu.addAction(self.quit)
        self.edit_menu = menus.addMenu(_tr("&Edit"))
        self.edit_menu.addAction(self.undo)
        self.edit_menu.addAction(self.redo)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find)
        self.view_menu = menus.addMenu(_tr("&View"))
        self.view_menu.addAction(self.refresh)
        self.help_menu = menus.addMenu(_tr("&Help"))
        self.help_menu.addAction(self.about)
        self.help_menu.addAction(self.about_qt)

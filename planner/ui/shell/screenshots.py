"""Saving one PNG per main view and editor (``--screenshot DIR``).

Every page of the window is shot under its name (a page named ``welcome`` gives
``welcome.png``); a part of the window that is not a page registers its own pictures with
:attr:`MainWindow.screenshot_extras <planner.ui.shell.main_window.MainWindow>`: a list of
:data:`ShotProvider` called after the pages and editors are shot (the visits list's context
menu, global search, ...).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QWidget

if TYPE_CHECKING:
    from planner.ui.visits.visit_editor import VisitEditor

#: A picture to take: its file name (without .png) and a function that shows the widget
#: to photograph and returns it (or returns the picture itself, for composites).
Shot = tuple[str, Callable[[], QWidget | QPixmap]]

#: Returns more shots to take (none when what it shows is not there, e.g. an empty list).
ShotProvider = Callable[[], list[Shot]]


def save_screenshots(shots: Sequence[Shot], folder: Path) -> list[Path]:
    """Take every shot of *shots* and save it as ``<name>.png`` in *folder*.

    The folder is created (mode 0700) if missing; images are 0600. Raises OSError if an
    image cannot be saved.
    """
    if not folder.is_dir():
        folder.mkdir(parents=True, mode=0o700)
        folder.chmod(0o700)
    saved: list[Path] = []
    for name, prepare in shots:
        widget = prepare()
        QApplication.processEvents()
        target = folder / f"{name}.png"
        picture = widget.grab() if isinstance(widget, QWidget) else widget
        if not picture.save(str(target), "PNG"):
            raise OSError(f"could not write the screenshot {target}")
        target.chmod(0o600)  # it shows visitors' names: private, like the database
        saved.append(target)
    return saved


def window_shots(
    window: QWidget,
    views: Sequence[tuple[str, QWidget]],
    show_view: Callable[[QWidget], object],
    first_visit: int | None,
    open_editor: Callable[[int], VisitEditor],
) -> list[Shot]:
    """Every main view of *views* (the whole *window*), then the editor of *first_visit*.

    *show_view* brings a view to the front; *open_editor* opens a visit's editor. The editor
    gives two pictures: its first tab, and its second (the itinerary).
    """

    def view_shot(widget: QWidget) -> QWidget:
        show_view(widget)
        return window

    def editor_shot(visit_id: int, tab: int) -> QWidget:
        editor = open_editor(visit_id)
        editor.resize(1000, 680)
        editor.tabs.setCurrentIndex(tab)
        return editor

    shots: list[Shot] = [(name, functools.partial(view_shot, widget)) for name, widget in views]
    if first_visit is not None:
        shots.append(("visit-editor", functools.partial(editor_shot, first_visit, 0)))
        shots.append(("itinerary", functools.partial(editor_shot, first_visit, 1)))
    return shots


def with_popup(window: QWidget, *menus: QMenu) -> QPixmap:
    """*window* with the open *menus* drawn where they are (a popup is a window of its own);
    the menus are closed afterwards."""
    picture = window.grab()
    QApplication.processEvents()
    painter = QPainter(picture)
    origin = window.mapToGlobal(QPoint(0, 0))
    for menu in menus:
        painter.drawPixmap(menu.mapToGlobal(QPoint(0, 0)) - origin, menu.grab())
    painter.end()
    for menu in reversed(menus):
        menu.close()
    return picture

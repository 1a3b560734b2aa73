"""Saving one PNG per main view and editor (``--screenshot DIR``)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from planner.ui.visits.visit_editor import VisitEditor

#: A picture to take: its file name (without .png) and a function that shows the widget
#: to photograph and returns it.
Shot = tuple[str, Callable[[], QWidget]]


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
        if not widget.grab().save(str(target), "PNG"):
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

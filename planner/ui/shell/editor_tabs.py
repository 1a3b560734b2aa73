"""The tabs the window adds to every visit editor: the visit's itinerary and paperwork.

They live in the shell because they join three features (visits, itinerary, paperwork),
which do not import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from planner.services.container import Services

if TYPE_CHECKING:
    from planner.ui.visits.visit_editor import TabFactory, VisitEditor


def _itinerary_tab(services: Services, undo_stack: QUndoStack, editor: VisitEditor) -> QWidget:
    from planner.ui.itinerary.itinerary_editor import ItineraryEditor
    from planner.ui.itinerary.itinerary_menu import install_itinerary_menu

    tab = ItineraryEditor(services, undo_stack, editor)
    install_itinerary_menu(tab)
    tab.set_visit(editor.visit_id)
    editor.visit_saved.connect(tab.set_visit)  # a new visit gets its itinerary once saved
    return tab


def _paperwork_tab(services: Services, undo_stack: QUndoStack, editor: VisitEditor) -> QWidget:
    from planner.ui.paperwork.paperwork_menu import install_paperwork_tab_menus
    from planner.ui.paperwork.paperwork_tab import PaperworkTab

    tab = PaperworkTab(services, undo_stack, editor)
    install_paperwork_tab_menus(tab)
    tab.set_visit(editor.visit_id)
    editor.visit_saved.connect(tab.set_visit)
    return tab


def visit_editor_tabs(services: Services, undo_stack: QUndoStack) -> list[TabFactory]:
    """The extra tabs of every visit editor (itinerary, paperwork), in tab order."""
    return [
        (
            QCoreApplication.translate("MainWindow", "&Itinerary"),
            lambda editor: _itinerary_tab(services, undo_stack, editor),
        ),
        (
            QCoreApplication.translate("MainWindow", "&Paperwork"),
            lambda editor: _paperwork_tab(services, undo_stack, editor),
        ),
    ]

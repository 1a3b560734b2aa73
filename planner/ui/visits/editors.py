"""The open visit editors: one window per visit, told of changes, closed together on quit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from planner.services.backups import DATABASE_REPLACED
from planner.services.changes import Change
from planner.services.container import Services
from planner.ui.common.visit_person_choices import VisitPersonChoices

# The editor module is imported when the first editor opens: the window starts without it.
if TYPE_CHECKING:
    from planner.ui.visits.visit_editor import TabFactory, VisitEditor

#: Changes after which the editors' person lists are read again (names, home institutions).
_PERSON_CHOICE_ENTITIES = frozenset({"person", "institution"})


class VisitEditors(QObject):
    """Opens visit editors over *window* and keeps the one open editor of each visit.

    ``saved(id)`` fires when an editor opened with :meth:`open` saves its visit;
    ``new_visit_saved(id)`` when an editor made by :meth:`new` saves (the first time it
    becomes that visit's editor).
    """

    saved = Signal(int)
    new_visit_saved = Signal(int)

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        window: QWidget,
        tabs: list[TabFactory] | None = None,
    ) -> None:
        super().__init__(window)
        self._services = services
        self._undo_stack = undo_stack
        self._window = window
        #: Extra tabs of every visit editor (itinerary, paperwork), in tab order.
        self.tabs: list[TabFactory] = list(tabs or [])
        #: The person lists every visit editor shares (read once, again after a change).
        self.person_choices = VisitPersonChoices(services)
        #: The date display pattern new editors use (the coordinator's preference).
        self.date_pattern = "yyyy-MM-dd"
        #: What the editors' Export (Ctrl+E) runs: export(editor, visit id) (the shell sets it).
        self.export: Callable[[QWidget, int | None], object] | None = None
        #: What the editors' Print (Ctrl+P) runs: print(editor, visit id) (the shell sets it).
        self.print: Callable[[QWidget, int | None], object] | None = None
        self._editors: dict[int, VisitEditor] = {}

    def editor(self, visit_id: int) -> VisitEditor | None:
        """The open editor of *visit_id*, if there is one."""
        return self._editors.get(visit_id)

    def visit_ids(self) -> list[int]:
        """The visits with an open editor."""
        return list(self._editors)

    def open(self, visit_id: int) -> VisitEditor:
        """Show the editor of *visit_id*, the one already open if there is one."""
        editor = self._editors.get(visit_id)
        if editor is None:
            editor = self._make(visit_id)
            editor.visit_saved.connect(self.saved)
            self._register(visit_id, editor)
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def new(self) -> VisitEditor:
        """An editor for a new visit; once saved it becomes that visit's editor."""
        editor = self._make(None)

        def registered(visit_id: int) -> None:
            if visit_id not in self._editors:
                self._register(visit_id, editor)
            self.new_visit_saved.emit(visit_id)

        editor.visit_saved.connect(registered)
        editor.show()
        return editor

    def _make(self, visit_id: int | None) -> VisitEditor:
        from planner.ui.visits.visit_editor import VisitEditor

        editor = VisitEditor(
            self._services,
            self._undo_stack,
            visit_id,
            self._window,
            self.tabs,
            self.person_choices,
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.set_date_pattern(self.date_pattern)
        export = self.export
        if export is not None:
            editor.set_export(lambda: export(editor, editor.visit_id))
        print_ = self.print
        if print_ is not None:
            editor.set_print(lambda: print_(editor, editor.visit_id))
        return editor

    def _register(self, visit_id: int, editor: VisitEditor) -> None:
        self._editors[visit_id] = editor
        editor.destroyed.connect(lambda _=None: self._editors.pop(visit_id, None))

    def on_change(self, change: Change) -> None:
        """Tell every open editor of a committed *change*."""
        if change.kind in _PERSON_CHOICE_ENTITIES or change == DATABASE_REPLACED:
            self.person_choices.invalidate()
        for editor in list(self._editors.values()):
            editor.on_change(change)

    def close_all(self) -> bool:
        """Close every editor; False if one stayed open (the coordinator kept its changes)."""
        return all(editor.close() for editor in list(self._editors.values()))

"""Context menus for item views: right click, the Menu key and Shift+F10 open them.

A feature attaches a *builder* to its table; the builder fills a fresh menu for the rows
selected when the menu opens (the row under the pointer becomes current first, as in every
desktop application). The shell may add builders of its own for entries that belong to
another feature (exporting a visit's itinerary from the visits list, for instance).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QMenu

#: Fills *menu* for the selected rows (column-0 indexes of the view's model, top to bottom).
MenuBuilder = Callable[[QMenu, list[QModelIndex]], None]


def add_entry(
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    *,
    enabled: bool = True,
    icon: QIcon | None = None,
    name: str = "",
) -> QAction:
    """Add an entry running *slot* to *menu*; *name* becomes its object name (tests find it)."""
    action = menu.addAction(text)
    action.setObjectName(name)
    action.setEnabled(enabled)
    if icon is not None:
        action.setIcon(icon)
    action.triggered.connect(lambda _checked=False: slot())
    return action


#: An entry of a mirrored menu: an action (added as is), a button (an entry with its text and
#: enabled state that clicks it), or None for a separator.
MenuEntry = QAction | QAbstractButton | None


def mirror_entries(menu: QMenu, entries: Sequence[MenuEntry]) -> None:
    """Add *entries* to *menu*: the view's own actions and buttons, so the menu runs exactly
    what they run and is enabled exactly when they are (buttons not shown are left out)."""
    for entry in entries:
        if entry is None:
            if menu.actions() and not menu.actions()[-1].isSeparator():
                menu.addSeparator()
        elif isinstance(entry, QAction):
            menu.addAction(entry)
        elif not entry.isHidden():
            add_entry(
                menu, entry.text(), entry.click, enabled=entry.isEnabled(), name=entry.objectName()
            )


def mirror_menu(entries: Sequence[MenuEntry]) -> MenuBuilder:
    """A builder that mirrors *entries* (see :func:`mirror_entries`) whatever the selection."""
    return lambda menu, _rows: mirror_entries(menu, entries)


def copy_text(text: str) -> None:
    """Put *text* on the clipboard (Copy e-mail and the like)."""
    clipboard = QApplication.clipboard()
    clipboard.setText(text)


class ContextMenu(QObject):
    """The context menu of *view*, built on demand by *builder* (and any added later).

    ``last_menu`` is the menu shown last (tests and screenshots look at it); it is deleted
    when the next one is built.
    """

    def __init__(self, view: QAbstractItemView, builder: MenuBuilder) -> None:
        super().__init__(view)
        self.setObjectName("contextMenu")
        self._view = view
        self._builders: list[MenuBuilder] = [builder]
        self.last_menu: QMenu | None = None
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.popup)
        # The Menu key reaches the view as a keyboard context-menu event (caught below, so the
        # menu opens at the current row); Shift+F10 is the other key people expect (Windows,
        # GNOME, KDE), which Qt does not bind itself.
        view.installEventFilter(self)
        shortcut = QShortcut(QKeySequence("Shift+F10"), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._popup_at_current)

    def add_builder(self, builder: MenuBuilder) -> None:
        """Let *builder* add entries after the existing ones (a separator between them)."""
        self._builders.append(builder)

    def selected_rows(self) -> list[QModelIndex]:
        """Column-0 indexes of the selected rows, top to bottom (the current row if none)."""
        selection = self._view.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        if not rows:
            current = self._view.currentIndex()
            rows = [current.siblingAtColumn(0)] if current.isValid() else []
        return sorted(rows, key=lambda index: index.row())

    def build(self, position: QPoint) -> QMenu:
        """The menu for a request at *position* (viewport coordinates), not shown yet."""
        self._select_at(position)
        if self.last_menu is not None:
            self.last_menu.deleteLater()
        menu = QMenu(self._view)
        menu.setObjectName("contextMenuPopup")
        rows = self.selected_rows()
        for builder in self._builders:
            if menu.actions() and not menu.actions()[-1].isSeparator():
                menu.addSeparator()
            builder(menu, rows)
        while menu.actions() and menu.actions()[-1].isSeparator():
            menu.removeAction(menu.actions()[-1])
        self.last_menu = menu
        return menu

    def popup(self, position: QPoint) -> QMenu | None:
        """Build the menu for *position* and show it there; None if it would be empty."""
        menu = self.build(position)
        if menu.isEmpty():
            return None
        menu.popup(self._view.viewport().mapToGlobal(position))
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Open the menu at the current row for the Menu key (not at the view's middle)."""
        if (
            watched is self._view
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
        ):
            self._popup_at_current()
            return True
        return super().eventFilter(watched, event)

    def _popup_at_current(self) -> None:
        rect = self._view.visualRect(self._view.currentIndex())
        self.popup(rect.center() if rect.isValid() else QPoint(4, 4))

    def _select_at(self, position: QPoint) -> None:
        """Make the row under *position* current unless it is already selected."""
        index = self._view.indexAt(position)
        selection = self._view.selectionModel()
        if not index.isValid() or selection is None:
            return
        if selection.isSelected(index):
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if self._view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
            flags |= QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)


def attach_context_menu(view: QAbstractItemView, builder: MenuBuilder) -> ContextMenu:
    """Give *view* a context menu filled by *builder* (see :class:`ContextMenu`)."""
    return ContextMenu(view, builder)


def context_menu_of(view: QAbstractItemView) -> ContextMenu | None:
    """The context menu attached to *view*, if any."""
    return view.findChild(ContextMenu, "contextMenu")

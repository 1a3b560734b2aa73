"""The main views of the window, and the sidebar that switches between them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from planner.services.changes import Change


@dataclass
class Page:
    """One main view: its screenshot/file name, its title and the widget."""

    name: str
    title: str
    widget: QWidget
    on_change: Callable[[Change], None] | None = None
    reload: Callable[[], object] | None = None
    focus_filter: Callable[[], None] | None = None


class Workspace(QStackedWidget):
    """Holds the main views; a :class:`Sidebar` (or View menu) chooses the one shown."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[Page] = []
        self._stale: set[str] = set()
        self.currentChanged.connect(self.page_changed)
        self.currentChanged.connect(self._reload_if_stale)

    def add_page(self, page: Page) -> None:
        """Add *page* at the end."""
        self.pages.append(page)
        self.addWidget(page.widget)

    def page(self, name: str) -> Page | None:
        """The page called *name*."""
        return next((p for p in self.pages if p.name == name), None)

    def current_page(self) -> Page | None:
        """The page shown."""
        index = self.currentIndex()
        return self.pages[index] if 0 <= index < len(self.pages) else None

    def show_page(self, name: str) -> None:
        """Bring the page called *name* to the front."""
        page = self.page(name)
        if page is not None:
            self.setCurrentWidget(page.widget)
            page.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def broadcast(self, change: Change) -> None:
        """Tell every page about a committed change."""
        for page in self.pages:
            if page.on_change is not None:
                page.on_change(change)

    def reload_all(self, *, eager: frozenset[str] = frozenset()) -> None:
        """Reload the page shown and the *eager* ones now; the others when they are shown.

        Reading every view's data at start would make the window wait for views nobody
        has looked at yet.
        """
        current = self.current_page()
        for page in self.pages:
            if page.reload is None:
                continue
            if page is current or page.name in eager:
                page.reload()
                self._stale.discard(page.name)
            else:
                self._stale.add(page.name)

    def _reload_if_stale(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            page = self.pages[index]
            if page.name in self._stale and page.reload is not None:
                self._stale.discard(page.name)
                page.reload()


class Sidebar(QListWidget):
    """The list of main views on the left (navigation, not database rows)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(QCoreApplication.translate("Sidebar", "Views"))
        self._workspace = workspace
        for page in workspace.pages:
            item = QListWidgetItem(page.title, self)
            item.setData(Qt.ItemDataRole.UserRole, page.name)
        self.setStyleSheet("QListWidget#sidebar::item { padding: 6px 10px; }")
        self.setFixedWidth(max(self.sizeHintForColumn(0) + 28, 130))
        self.setCurrentRow(max(workspace.currentIndex(), 0))
        self.currentRowChanged.connect(self._on_row)
        workspace.page_changed.connect(self.setCurrentRow)

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self._workspace.pages):
            self._workspace.setCurrentIndex(row)

"""The main views of the window, and the sidebar that switches between them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget

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


#: Builds a lazy page's view inside *container* (its parent) and returns it with its hooks.
PageBuilder = Callable[[QWidget], Page]


class Workspace(QStackedWidget):
    """Holds the main views; a :class:`Sidebar` (or View menu) chooses the one shown.

    Pages added with :meth:`add_lazy_page` are built the first time they are shown (or
    :meth:`ensure_built`): the window starts without constructing, importing or loading
    views nobody has opened yet.
    """

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[Page] = []
        self._stale: set[str] = set()
        self._builders: dict[str, PageBuilder] = {}
        # Build first, so the page exists when the others hear of the change.
        self.currentChanged.connect(self._build_shown)
        self.currentChanged.connect(self.page_changed)
        self.currentChanged.connect(self._reload_if_stale)

    def add_page(self, page: Page) -> None:
        """Add *page* at the end."""
        self.pages.append(page)
        self.addWidget(page.widget)

    def add_lazy_page(self, name: str, title: str, build: PageBuilder) -> None:
        """Add a page at the end whose view *build* makes when it is first needed.

        Until then the page is an empty container; the built view fills it, and the page's
        hooks become the built page's.
        """
        container = QWidget(self)
        container.setObjectName(f"{name}Page")
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        self._builders[name] = build
        self.add_page(Page(name, title, container))

    def is_built(self, name: str) -> bool:
        """Whether the page called *name* has its view (eager pages always have)."""
        return name not in self._builders

    def ensure_built(self, name: str) -> Page:
        """The page called *name*, building its view first if it is a lazy page not built yet.

        A page built while hidden loads its data when it is first shown.
        """
        page = self.page(name)
        if page is None:
            raise KeyError(name)
        build = self._builders.pop(name, None)
        if build is not None:
            built = build(page.widget)
            layout = page.widget.layout()
            assert layout is not None
            layout.addWidget(built.widget)
            built.widget.show()  # at once: a layout shows a new child only later, queued
            page.widget.setFocusProxy(built.widget)
            page.on_change, page.reload = built.on_change, built.reload
            page.focus_filter = built.focus_filter
            if page.reload is not None:
                self._stale.add(name)
                if page is self.current_page():
                    self._reload_if_stale(self.currentIndex())
        return page

    def _build_shown(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.ensure_built(self.pages[index].name)

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
        """Tell every built page about a committed change (the others read fresh data later)."""
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

"""The main views of the window, and the sidebar that switches between them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget

from planner.services.changes import Change
from planner.ui.common.view import Filterable, View


@dataclass
class Page:
    """One main view: its screenshot/file name, its title, the widget shown and its view.

    *widget* is the view itself, or for a lazy page the container the view is built into;
    *view* is None until a lazy page is built.
    """

    name: str
    title: str
    widget: QWidget
    view: View | None = None

    @property
    def filterable(self) -> Filterable | None:
        """The view, if it has a filter the Find command can focus."""
        return self.view if isinstance(self.view, Filterable) else None


#: Builds a lazy page's view inside *container* (its parent) and returns it. The widget must
#: implement :class:`~planner.ui.common.view.View`.
PageBuilder = Callable[[QWidget], QWidget]


def as_view(widget: QWidget) -> View:
    """*widget* as a :class:`View`; a TypeError names the widget if it lacks a method."""
    if not isinstance(widget, View):
        raise TypeError(f"{type(widget).__name__} does not implement the View protocol")
    return widget


class Workspace(QStackedWidget):
    """Holds the main views; a :class:`Sidebar` (or View menu) chooses the one shown.

    Pages added with :meth:`add_lazy_page` are built the first time they are shown (or
    :meth:`ensure_built`): the window starts without constructing, importing or loading
    views nobody has opened yet. With *settings*, every view takes back its layout when it is
    built and :meth:`save_state` remembers the layouts of the views built.
    """

    page_changed = Signal(int)

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[Page] = []
        self._settings = settings
        self._stale: set[str] = set()
        self._builders: dict[str, PageBuilder] = {}
        # Build first, so the page exists when the others hear of the change.
        self.currentChanged.connect(self._build_shown)
        self.currentChanged.connect(self.page_changed)
        self.currentChanged.connect(self._reload_if_stale)

    def add_page(self, name: str, title: str, widget: QWidget) -> Page:
        """Add the page called *name* at the end, showing *widget* (a :class:`View`)."""
        page = Page(name, title, widget, as_view(widget))
        self._restore(page.view)
        self._append(page)
        return page

    def add_lazy_page(self, name: str, title: str, build: PageBuilder) -> Page:
        """Add a page at the end whose view *build* makes when it is first needed.

        Until then the page is an empty container; the built view fills it.
        """
        container = QWidget(self)
        container.setObjectName(f"{name}Page")
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        self._builders[name] = build
        page = Page(name, title, container)
        self._append(page)
        return page

    def _append(self, page: Page) -> None:
        self.pages.append(page)
        self.addWidget(page.widget)

    def _restore(self, view: View | None) -> None:
        if view is not None and self._settings is not None:
            view.restore_state(self._settings)

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
            widget = build(page.widget)
            page.view = as_view(widget)
            layout = page.widget.layout()
            assert layout is not None
            layout.addWidget(widget)
            widget.show()  # at once: a layout shows a new child only later, queued
            page.widget.setFocusProxy(widget)
            self._restore(page.view)
            self._stale.add(name)
            if page is self.current_page():
                self._reload_if_stale(self.currentIndex())
        return page

    def view(self, name: str) -> QWidget:
        """The view of the page called *name*, built now if it was not yet."""
        view = self.ensure_built(name).view
        assert isinstance(view, QWidget)
        return view

    def views(self) -> list[tuple[str, View]]:
        """The views built so far, with their page names, in page order."""
        return [(p.name, p.view) for p in self.pages if p.view is not None]

    def save_state(self, settings: QSettings) -> None:
        """Every built view remembers its layout in *settings*."""
        for _name, view in self.views():
            view.save_state(settings)

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
        """Tell every built view about a committed change (the others read fresh data later)."""
        for _name, view in self.views():
            view.on_change(change)

    def reload_all(self, *, eager: frozenset[str] = frozenset()) -> None:
        """Reload the page shown and the *eager* ones now; the others when they are shown.

        Reading every view's data at start would make the window wait for views nobody
        has looked at yet.
        """
        current = self.current_page()
        for page in self.pages:
            if page.view is None:
                continue
            if page is current or page.name in eager:
                page.view.reload()
                self._stale.discard(page.name)
            else:
                self._stale.add(page.name)

    def _reload_if_stale(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            page = self.pages[index]
            if page.name in self._stale and page.view is not None:
                self._stale.discard(page.name)
                page.view.reload()


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

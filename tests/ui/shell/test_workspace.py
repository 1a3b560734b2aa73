"""The workspace holds views through the View protocol; the page table builds lazy ones late."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, cast

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.services.changes import Change
from planner.ui.common.view import Filterable, View
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.pages import PAGES, PageContext, PageSpec, install_pages
from planner.ui.shell.workspace import Workspace


class FakeView(QWidget):
    """A view that counts what the workspace asks of it."""

    built: ClassVar[list[str]] = []

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.reloads = 0
        self.changes: list[Change] = []
        self.restored: list[QSettings] = []
        self.saved: list[QSettings] = []
        FakeView.built.append(name)

    def reload(self) -> None:
        self.reloads += 1

    def on_change(self, change: Change) -> None:
        self.changes.append(change)

    def save_state(self, settings: QSettings) -> None:
        self.saved.append(settings)

    def restore_state(self, settings: QSettings) -> None:
        self.restored.append(settings)


def _spec(name: str, *, lazy: bool = True) -> PageSpec:
    return PageSpec(name, name.title(), lambda _ctx, parent: FakeView(name, parent), lazy=lazy)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "planner.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def workspace(qtbot: QtBot, settings: QSettings) -> Workspace:
    FakeView.built = []
    workspace = Workspace(settings)
    qtbot.addWidget(workspace)
    context = PageContext(None, None, print, print)  # type: ignore[arg-type]
    install_pages(workspace, [_spec("first", lazy=False), _spec("second"), _spec("third")], context)
    workspace.show()
    return workspace


def _view(workspace: Workspace, name: str) -> FakeView:
    page = workspace.page(name)
    assert page is not None and isinstance(page.view, FakeView)
    return page.view


def test_lazy_pages_are_built_only_when_shown(workspace: Workspace, settings: QSettings) -> None:
    assert FakeView.built == ["first"]
    assert [p.title for p in workspace.pages] == ["First", "Second", "Third"]
    assert not workspace.is_built("second")
    workspace.show_page("second")
    assert FakeView.built == ["first", "second"]
    second = _view(workspace, "second")
    assert second.reloads == 1  # loaded once, when first shown
    assert second.restored == [settings]  # took back its layout when built
    assert not workspace.is_built("third")


def test_changes_reach_the_built_views_only(workspace: Workspace) -> None:
    change = cast(Change, object())  # the workspace only passes it on
    workspace.broadcast(change)
    assert _view(workspace, "first").changes == [change]
    assert workspace.view("third") is _view(workspace, "third")  # built now, on demand
    assert _view(workspace, "third").changes == []


def test_save_state_asks_every_built_view(workspace: Workspace, settings: QSettings) -> None:
    workspace.show_page("third")
    workspace.save_state(settings)
    assert _view(workspace, "first").saved == [settings]
    assert _view(workspace, "third").saved == [settings]
    assert not workspace.is_built("second")


def test_a_widget_that_is_not_a_view_is_refused(qtbot: QtBot) -> None:
    workspace = Workspace()
    qtbot.addWidget(workspace)
    with pytest.raises(TypeError, match="QWidget does not implement the View protocol"):
        workspace.add_page("plain", "Plain", QWidget())


def test_the_page_table_builds_every_real_view(window: MainWindow) -> None:
    names = [spec.name for spec in PAGES]
    assert names == [page.name for page in window.workspace.pages]
    assert [spec.name for spec in PAGES if not spec.lazy] == ["dashboard", "visits"]
    for name in names:
        view = window.workspace.view(name)
        assert isinstance(view, View), name
    filterable = [n for n in names if isinstance(window.workspace.view(n), Filterable)]
    assert filterable == ["visits", "people"]

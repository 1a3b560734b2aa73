"""The window's toolbar, icons and application icon, and the screenshot extras hook."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QToolBar

from planner.services.container import Services
from planner.ui.common.icons import APP_ICON_SIZES, ICON_SIZES, app_icon, bundled_icon
from planner.ui.common.resources import resource_path
from planner.ui.shell.chrome import ACTION_ICONS, window_action
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.screenshots import save_screenshots
from planner.ui.shell.settings import open_settings
from tests.fixtures.sample import Sample


def test_the_toolbar_holds_the_main_actions(window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "mainToolBar")
    assert toolbar is window.chrome.toolbar and toolbar.isVisible() and toolbar.isMovable()
    names = [a.objectName() for a in toolbar.actions() if not a.isSeparator()]
    assert names == [
        "actionNewVisit",
        "actionNewPerson",
        "actionUndo",
        "actionRedo",
        "actionExportItinerary",
        "actionImportVisits",
        "actionFind",
        "actionBackup",
    ]
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonFollowStyle
    for action in toolbar.actions():
        assert action.isSeparator() or not action.icon().isNull(), action.objectName()


def test_the_view_menu_shows_and_hides_the_toolbar(window: MainWindow) -> None:
    toggle = window.chrome.toolbar.toggleViewAction()
    assert toggle in window.main_actions.view_menu.actions()
    toggle.trigger()
    assert not window.chrome.toolbar.isVisible()


def test_the_toolbar_is_remembered_with_the_window(
    window: MainWindow, services: Services, sample: Sample, settings_path: Path
) -> None:
    window.removeToolBar(window.chrome.toolbar)
    window.addToolBar(Qt.ToolBarArea.LeftToolBarArea, window.chrome.toolbar)
    window.chrome.toolbar.show()
    window.close()
    again = MainWindow(services, open_settings(settings_path))
    try:
        assert again.toolBarArea(again.chrome.toolbar) == Qt.ToolBarArea.LeftToolBarArea
    finally:
        again.close()
        again.deleteLater()


def test_every_action_icon_comes_from_the_bundle_without_a_theme() -> None:
    for name in [*ACTION_ICONS.values()]:
        icon = bundled_icon(name)
        assert not icon.isNull(), name
        assert {s.width() for s in icon.availableSizes()} >= set(ICON_SIZES), name
        assert not icon.pixmap(16, 16).isNull()


def test_a_theme_icon_wins_over_the_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.ui.common import icons

    themed = QIcon(str(resource_path("icons", "app", "planner-32.png")))
    monkeypatch.setattr(QIcon, "fromTheme", lambda _name, _fallback: themed)
    assert icons.themed_icon("edit-undo") is themed


def test_the_application_icon_has_every_size_and_is_the_windows(window: MainWindow) -> None:
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(APP_ICON_SIZES)
    assert not window.windowIcon().isNull()
    assert window.windowIcon().cacheKey() == icon.cacheKey()
    assert QApplication.windowIcon().cacheKey() == icon.cacheKey()
    assert resource_path("icons", "app", "planner.svg").is_file()


def test_the_svg_application_icon_renders_with_the_binding() -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(resource_path("icons", "app", "planner.svg")))
    assert renderer.isValid()


def test_the_icon_licence_ships_with_the_icons() -> None:
    folder = resource_path("icons")
    assert "Adwaita" in (folder / "README").read_text()
    assert "LGPL" in (folder / "LICENSE").read_text()
    assert (folder / "LICENSE-LGPL-3").stat().st_size > 5000


def test_every_iconed_action_exists(window: MainWindow) -> None:
    for attribute in ACTION_ICONS:
        assert not window_action(window, attribute).icon().isNull(), attribute
    with pytest.raises(KeyError):
        window_action(window, "no_such_action")


def test_screenshots_include_the_context_menu_and_registered_extras(
    window: MainWindow, tmp_path: Path
) -> None:
    extra = QLabel("registered extra")
    extra.resize(200, 100)
    window.screenshot_extras.append(lambda: [("extra", lambda: extra)])
    window.screenshot_extras.append(list)  # a provider with nothing to show today
    shots = window.screenshot_shots()
    names = [name for name, _prepare in shots]
    # The window's own extras (the context menu, the search popup), then the one added here.
    assert names[-3:] == ["visits-context-menu", "search", "extra"]
    saved = save_screenshots(
        [s for s in shots if s[0] in {"visits-context-menu", "extra"}], tmp_path
    )
    assert [p.name for p in saved] == ["visits-context-menu.png", "extra.png"]
    assert all(p.stat().st_size > 500 for p in saved)
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if w.inherits("QMenu"))


def test_no_context_menu_shot_without_visits(
    qtbot: object, services: Services, settings_path: Path
) -> None:
    empty = MainWindow(services, open_settings(settings_path))
    try:
        assert "visits-context-menu" not in [n for n, _ in empty.screenshot_shots()]
    finally:
        empty.close()
        empty.deleteLater()

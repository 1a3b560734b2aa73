"""Accessibility: every control a screen reader reaches has a name; keyboard reaches them.

A control is named by its own text (buttons, check boxes), an accessible name, or a label whose
buddy it is (form rows). Controls inside composite widgets (the line edit of a combo box or
spin box, an item view's viewport) are named through their parent.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner.domain.enums import VisitStatus
from planner.ui.common.palette import contrast_ratio, error_colour, muted_colour, warning_colour
from planner.ui.shell.main_window import MainWindow
from tests.fixtures.sample import Sample

_CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
)


def _labelled(widget: QWidget) -> bool:
    window = widget.window()
    return any(
        label.buddy() is widget and label.text().replace("&", "").strip()
        for label in window.findChildren(QLabel)
    )


def _inside_composite(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible, focusable controls under *root* with no name a screen reader could read."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, _CONTROLS) or not widget.isVisibleTo(root):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or _inside_composite(widget):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if widget.accessibleName().strip() or text.replace("&", "").strip() or _labelled(widget):
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'}")
    return missing


def test_every_main_view_names_its_controls(window: MainWindow) -> None:
    problems = {}
    for name, view in window.main_views():
        window.show_view(view)
        missing = unnamed_controls(view)
        if missing:
            problems[name] = missing
    assert not problems


def test_the_visit_editor_names_its_controls(
    qtbot: QtBot, window: MainWindow, sample: Sample
) -> None:
    editor = window.open_visit(sample.visit_in.id or 0)
    qtbot.waitExposed(editor)
    problems = {}
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        missing = unnamed_controls(editor)
        if missing:
            problems[editor.tabs.tabText(tab)] = missing
    assert not problems
    editor.close()


def test_keyboard_shortcuts_switch_views(qtbot: QtBot, window: MainWindow) -> None:
    # test_visit_filters checks each view's action; this presses the keys themselves.
    for name, action in window.workspace_actions.pages.items():
        if action.shortcut().isEmpty():  # the welcome page: Help ▸ Getting started
            continue
        key = action.shortcut().toString()[-1]
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        page = window.workspace.current_page()
        assert page is not None and page.name == name


@pytest.fixture
def dark_palette() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = app.palette()
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1b1b1d"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Button, "#303134"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
    ):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    yield
    app.setPalette(previous)


@pytest.mark.parametrize("dark", [False, True])
def test_signal_colours_read_on_the_palette(request: pytest.FixtureRequest, dark: bool) -> None:
    if dark:
        request.getfixturevalue("dark_palette")
    background = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    for colour in (error_colour(), warning_colour(), muted_colour()):
        assert contrast_ratio(colour, background) >= 4.5, (colour.name(), background.name())


def test_status_is_written_not_only_coloured(window: MainWindow) -> None:
    from planner.ui.common.labels import status_label
    from planner.ui.visits.visits_model import Column

    model = window.visits_view.model
    shown = [model.index(row, Column.STATUS).data() for row in range(model.rowCount())]
    assert shown and all(text in {status_label(s) for s in VisitStatus} for text in shown)


def test_the_japanese_fallback_keeps_the_system_font_and_size(qapp: QApplication) -> None:
    from planner.ui.shell.fonts import install_japanese_fallback

    before = qapp.font()
    install_japanese_fallback(qapp)
    after = qapp.font()
    assert after.pointSizeF() == before.pointSizeF()
    assert after.families()[0] == (before.families() or [before.family()])[0]

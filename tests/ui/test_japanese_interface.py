"""The Japanese interface shows no English of its own.

Every view is built with the Japanese catalogue installed, and every piece of interface text
(menus, labels, buttons, group and tab titles, placeholders, accessible names, table headers) is
checked for English words. Words that come from the data (names, institutions, codes) and
technical names (PDF, CSV, UTC…) are allowed. This catches strings that are not wrapped for
translation at all, which the catalogue check (tests/test_translations.py) cannot see.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.shell.language import install_language, remove_language
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings import open_settings
from tests.fixtures.sample import Sample

_WORD = re.compile(r"[A-Za-z]{3,}")
_PATH = re.compile(r"/\S+")
#: File formats, standards and product names that stay in Latin letters in Japanese too.
_TECHNICAL = {
    "PDF", "CSV", "XLSX", "JSON", "HTML", "UTC", "IANA", "ISO", "iCalendar", "ICS", "NDA",
    "MTA", "Shift_JIS", "UTF", "XLSM", "TSV", "TOML", "FY", "Ctrl", "Shift", "Del", "Esc",
    "Tab", "Enter", "PNG", "SQLite", "PostgreSQL", "Qt", "PySide", "Alembic",
}  # fmt: skip


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translators = install_language(qapp, "ja")
    yield
    remove_language(qapp, translators)


@pytest.fixture
def ja_window(
    qtbot: QtBot, japanese: None, services: Services, sample: Sample, settings_path: Path
) -> MainWindow:
    main = MainWindow(services, open_settings(settings_path))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _data_words(db_path: Path) -> set[str]:
    """Every word stored in the database: names, institutions, codes, notes."""
    words: set[str] = set()
    with sqlite3.connect(db_path) as connection:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str):
                        words.update(_WORD.findall(value))
    return words


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of the interface text under *root*."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = f"{type(widget).__name__} {widget.objectName()}"
        if widget.accessibleName():
            yield name, widget.accessibleName()
        if isinstance(widget, QLabel):
            yield name, re.sub(r"<[^>]+>", " ", widget.text())
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield name, widget.tabText(index)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            if isinstance(model, QAbstractListModel):
                continue  # no headers; its rows are data
            for column in range(model.columnCount(QModelIndex())):
                yield name, str(model.headerData(column, Qt.Orientation.Horizontal) or "")


def _menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        yield f"menu {menu.title()}", action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def _english(texts: Iterator[tuple[str, str]], allowed: set[str]) -> list[tuple[str, str]]:
    return [
        (where, text)
        for where, text in texts
        # File paths (the rules file, the database) are data too.
        if any(w not in allowed for w in _WORD.findall(_PATH.sub(" ", text.replace("&", ""))))
    ]


def test_no_english_in_the_japanese_views(ja_window: MainWindow, db_path: Path) -> None:
    allowed = _TECHNICAL | _data_words(db_path)
    found = []
    for action in ja_window.menuBar().actions():
        found += (
            [("menu bar", action.text())] if _WORD.search(action.text().replace("&", "")) else []
        )
        if action.menu() is not None:
            found += _english(_menu_texts(action.menu()), allowed)
    for name, view in ja_window.main_views():
        ja_window.show_view(view)
        found += [(f"{name}: {w}", t) for w, t in _english(_texts(view), allowed)]
    assert not found, "\n".join(map(str, found))


def test_no_english_in_the_japanese_visit_editor(
    qtbot: QtBot, ja_window: MainWindow, sample: Sample, db_path: Path
) -> None:
    allowed = _TECHNICAL | _data_words(db_path)
    editor = ja_window.open_visit(sample.visit_in.id or 0)
    qtbot.waitExposed(editor)
    found = []
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        found += [(editor.tabs.tabText(tab), w, t) for w, t in _english(_texts(editor), allowed)]
    editor.close()
    assert not found, "\n".join(map(str, found))


def test_qts_own_buttons_are_japanese(japanese: None) -> None:
    # Qt's catalogue (qtbase_ja, shipped with PySide6) is installed with ours.
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().replace("&", "").startswith("キャンセル")

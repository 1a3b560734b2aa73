"""Help → About: version from pyproject.toml and the licences of everything that ships."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

import planner
from planner.domain.licences import Component, write_licences
from planner.ui.shell.about import AboutDialog
from planner.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]


def _pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def _row(dialog: AboutDialog, start: str) -> int:
    labels = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    matches = [row for row, label in enumerate(labels) if label.startswith(start)]
    assert matches, labels
    return matches[0]


def test_help_about_opens_the_dialog_with_version_and_licences(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The real modal dialog from the Help menu; closed by the test once it is shown."""
    seen: list[AboutDialog] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    window.main_actions.about.trigger()
    (dialog,) = seen
    heading = dialog.findChild(QLabel).text()
    assert _pyproject_version() == planner.__version__
    assert f"Version {planner.__version__}" in heading
    # Qt under the LGPL, the font and the icon set, each with its text.
    qt = _row(dialog, "Qt and Qt for Python")
    assert "LGPL-3.0" in dialog.list.item(qt).text()
    dialog.list.setCurrentRow(qt)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    assert "Replacing the libraries" in dialog.text.toPlainText()
    dialog.list.setCurrentRow(_row(dialog, "IPAex Gothic font"))
    assert "IPA Font License Agreement v1.0" in dialog.text.toPlainText()
    dialog.list.setCurrentRow(_row(dialog, "Adwaita icon theme"))
    assert "Creative Commons" in dialog.text.toPlainText()
    # Python packages that the application requires are listed with their licence.
    dialog.list.setCurrentRow(_row(dialog, "SQLAlchemy"))
    assert "MIT" in dialog.list.currentItem().text()
    assert "Permission is hereby granted" in dialog.text.toPlainText()


def test_the_dialog_shows_a_collected_licences_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in the bundle: the list comes from the folder the build wrote, not the system."""
    folder = tmp_path / "licences"
    written = write_licences(folder)
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    dialog = AboutDialog(None, "db")
    qtbot.addWidget(dialog)
    assert [c.name for c in dialog.components] == [c.name for c in written]
    assert all(str(path).startswith(str(folder)) for c in dialog.components for path in c.files)
    index = json.loads((folder / "index.json").read_text("utf-8"))
    assert dialog.list.count() == len(index)


def test_a_missing_licence_text_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    gone = Component("Gone", "1", "MIT", (tmp_path / "absent.txt",))
    dialog = AboutDialog(None, "db", [gone])
    qtbot.addWidget(dialog)
    assert dialog.list.item(0).text() == "Gone 1 — MIT"
    assert "missing" in dialog.text.toPlainText()


def test_the_heading_escapes_the_database_name(qtbot: QtBot) -> None:
    dialog = AboutDialog(None, "/tmp/<b>a#b?c%41</b>", [])
    qtbot.addWidget(dialog)
    assert "&lt;b&gt;a#b?c%41&lt;/b&gt;" in dialog.findChild(QLabel).text()

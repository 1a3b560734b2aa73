"""Fixtures for GUI tests: sample data and a shown main window with its own settings file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.common.formats import set_viewer_country
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings import open_settings
from tests.fixtures.sample import Sample


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    """An INI file for QSettings, so no test reads or writes the user's settings."""
    return tmp_path / "settings" / "planner.ini"


@pytest.fixture
def window(qtbot: QtBot, services: Services, sample: Sample, settings_path: Path) -> MainWindow:
    """The main window over the sample data, shown and exposed."""
    main = MainWindow(services, open_settings(settings_path))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.workspace.show_page("visits")  # these tests drive the visits list
    return main


@pytest.fixture(autouse=True)
def _never_block_on_unsaved_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Editors left dirty by a test discard at teardown instead of opening a modal question.

    Tests about the question replace ``ask_save_changes`` themselves.
    """
    from PySide6.QtWidgets import QMessageBox

    from planner.ui.common.form_widgets import RecordEditorDialog

    monkeypatch.setattr(
        RecordEditorDialog, "ask_save_changes", lambda self: QMessageBox.StandardButton.Discard
    )


@pytest.fixture(autouse=True)
def _no_viewer_country() -> Iterator[None]:
    """Phone numbers are shown internationally unless a test chooses a coordinator's country
    (the main window sets it from the preferences; it must not leak into the next test)."""
    set_viewer_country(None)
    yield
    set_viewer_country(None)


@pytest.fixture(autouse=True)
def _full_access_after_each_test() -> Iterator[None]:
    """A test that signs in with a restricted role leaves the next test's editors unaffected."""
    yield
    from planner.db.server import FULL_ACCESS
    from planner.ui.common.access import set_access

    set_access(FULL_ACCESS)

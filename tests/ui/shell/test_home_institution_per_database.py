"""The home institution belongs to the database: another file never inherits it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings import open_settings
from tests.fixtures.database import open_sample_copy
from tests.fixtures.sample import Sample

_LEGACY_KEY = "Preferences/homeInstitutionId"


def _window(qtbot: QtBot, services: Services, settings: QSettings) -> MainWindow:
    main = MainWindow(services, settings)
    qtbot.addWidget(main)
    return main


def test_legacy_setting_moves_into_the_database_once(
    qtbot: QtBot, services: Services, sample: Sample, settings_path: Path, tmp_path: Path
) -> None:
    settings = open_settings(settings_path)
    settings.setValue(_LEGACY_KEY, sample.argonne.id)
    first = _window(qtbot, services, settings)
    assert first.preferences.home_institution_id == sample.argonne.id
    assert services.choices.home_institution_id() == sample.argonne.id
    assert settings.value(_LEGACY_KEY) is None  # moved, not copied
    assert first.visits_view.filter_bar.direction.isEnabled()

    # Another database with the same ids (a copy of the sample) and the same settings: its
    # direction filter stays off until the coordinator chooses a home institution there.
    other, _ = open_sample_copy(tmp_path / "other.sqlite3")
    try:
        second = _window(qtbot, other, settings)
        assert second.preferences.home_institution_id is None
        assert not second.visits_view.filter_bar.direction.isEnabled()
        assert other.choices.home_institution_id() is None
    finally:
        other.close()


def test_choosing_a_home_institution_writes_the_database_not_the_settings(
    qtbot: QtBot, window: MainWindow, services: Services, sample: Sample
) -> None:
    window.apply_preferences(
        type(window.preferences)(sample.riken.id, window.preferences.date_format)
    )
    assert services.choices.home_institution_id() == sample.riken.id
    settings = window._settings
    assert isinstance(settings, QSettings)
    assert settings.value(_LEGACY_KEY) is None

"""Japanese data shows in the Japanese interface wherever it is recorded (issue 17, point 5)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.common.formats import institution_name
from planner.ui.common.preferences import Preferences
from planner.ui.shell.language import install_language, remove_language
from planner.ui.shell.settings_dialog import SettingsDialog
from planner.ui.visits.editors import VisitEditors
from planner.ui.visits.status_steps import localised_titles
from tests.fixtures.sample import Sample


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translators = install_language(qapp, "ja")
    yield
    remove_language(qapp, translators)


@pytest.mark.usefixtures("qapp")
def test_institution_name_in_english_keeps_the_english_name() -> None:
    assert institution_name("RIKEN Wako Campus", "理化学研究所 和光地区", "RIKEN Wako") == (
        "RIKEN Wako Campus (RIKEN Wako)"
    )
    assert institution_name("Argonne", "", "") == "Argonne"


@pytest.mark.usefixtures("japanese")
def test_settings_combo_lists_japanese_institution_names(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    dialog = SettingsDialog(Preferences(), services.institutions.list())
    qtbot.addWidget(dialog)
    texts = [dialog.home.itemText(i) for i in range(dialog.home.count())]
    assert "理化学研究所 和光地区" in texts
    assert "RIKEN Wako Campus" not in texts
    assert sample.argonne.name in texts  # no Japanese name: the English one


@pytest.mark.usefixtures("japanese")
def test_blocking_dialog_names_documents_in_japanese(services: Services, sample: Sample) -> None:
    # The editor's and the visits list's override question both name the items this way.
    assert sample.visit_in.id is not None
    blocking = services.paperwork.blocking(sample.visit_in.id)
    with_ja = [item for item in blocking if item.title_ja]
    assert with_ja, "the sample's blocking paperwork has Japanese titles"
    shown = localised_titles(services, sample.visit_in.id, [item.title for item in blocking])
    assert shown == [item.title_ja or item.title for item in blocking]


@pytest.mark.usefixtures("japanese")
def test_visit_editor_host_combo_in_japanese(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    window = QWidget()
    qtbot.addWidget(window)
    editor = VisitEditors(services, QUndoStack(window), window).open(sample.visit_in.id)
    texts = [editor.host.itemText(i) for i in range(editor.host.count())]
    assert "理化学研究所 和光地区" in texts and "RIKEN Wako Campus" not in texts

"""Exchange package dialogs, driven with qtbot (file dialogs and message boxes patched)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.exchange.package_dialogs import ExportPackageDialog, import_visit_package_dialog
from tests.export.conftest import PASSPORT, TripData, make_trip
from tests.fixtures.database import open_migrated


@pytest.fixture
def trip(services: Services) -> TripData:
    """A visit with an itinerary."""
    return make_trip(services)


@pytest.fixture
def partner(tmp_path: Path) -> Iterator[Services]:
    """The partner's empty database."""
    svc = open_migrated(tmp_path / "partner.sqlite3")
    yield svc
    svc.close()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Message boxes answer Yes and record their text instead of blocking."""
    shown: dict[str, list[str]] = {"question": [], "warning": [], "information": []}

    def fake(kind: str, answer: Any = None) -> Any:
        def show(_parent: object, _title: str, text: str, *_args: object) -> Any:
            shown[kind].append(text)
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", fake("warning"))
    monkeypatch.setattr(QMessageBox, "information", fake("information"))
    return shown


def _export(qtbot: QtBot, services: Services, trip: TripData, path: Path, sensitive: bool) -> Path:
    assert trip.visit.id is not None
    dialog = ExportPackageDialog(None, services, trip.visit.id)
    qtbot.addWidget(dialog)
    assert not dialog.sensitive_check.isChecked()  # default off
    dialog.path_edit.setText(str(path))
    dialog.sensitive_check.setChecked(sensitive)
    dialog.accept()
    assert dialog.written == path
    return path


def test_export_dialog_leaves_sensitive_fields_out_by_default(
    qtbot: QtBot, services: Services, trip: TripData, tmp_path: Path,
    boxes: dict[str, list[str]],
) -> None:  # fmt: skip
    path = _export(qtbot, services, trip, tmp_path / "plain.json", sensitive=False)
    assert PASSPORT not in path.read_text(encoding="utf-8")
    assert not boxes["question"]
    assert path.stat().st_mode & 0o777 == 0o600


def test_export_dialog_asks_before_including_sensitive_fields(
    qtbot: QtBot, services: Services, trip: TripData, tmp_path: Path,
    boxes: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    path = _export(qtbot, services, trip, tmp_path / "full.json", sensitive=True)
    assert "passport" in boxes["question"][0]
    assert (
        json.loads(path.read_text(encoding="utf-8"))["people"]["visitor"]["passport_number"]
        == PASSPORT
    )
    # Saying No writes nothing and keeps the dialog open.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    assert trip.visit.id is not None
    dialog = ExportPackageDialog(None, services, trip.visit.id)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "refused.json"))
    dialog.sensitive_check.setChecked(True)
    dialog.accept()
    assert dialog.written is None and not (tmp_path / "refused.json").exists()


def test_export_dialog_browse_uses_the_file_dialog(
    qtbot: QtBot, services: Services, trip: TripData, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    target = str(tmp_path / "picked.json")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (target, ""))
    assert trip.visit.id is not None
    dialog = ExportPackageDialog(None, services, trip.visit.id)
    qtbot.addWidget(dialog)
    dialog._browse()
    assert dialog.path_edit.text() == target


def test_import_dialog_creates_then_updates(
    qtbot: QtBot, services: Services, trip: TripData, partner: Services, tmp_path: Path,
    boxes: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    path = _export(qtbot, services, trip, tmp_path / "visit.json", sensitive=False)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))
    result = import_visit_package_dialog(None, partner)
    assert result is not None and result.created
    assert "creates a new visit" in boxes["question"][0]
    assert f"Visit {result.visit.code} created." in boxes["information"][0]
    again = import_visit_package_dialog(None, partner)
    assert again is not None and not again.created
    assert f"updates visit {result.visit.code}" in boxes["question"][1]
    assert partner.visits.count() == 1


def test_import_dialog_refuses_a_bad_file(
    qtbot: QtBot, partner: Services, tmp_path: Path, boxes: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(bad), ""))
    assert import_visit_package_dialog(None, partner) is None
    assert "not valid JSON" in boxes["warning"][0]
    assert partner.visits.count() == 0


def test_import_dialog_cancelled(
    qtbot: QtBot, partner: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: ("", ""))
    assert import_visit_package_dialog(None, partner) is None

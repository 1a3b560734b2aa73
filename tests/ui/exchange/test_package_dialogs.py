"""Exchange package dialogs, driven with qtbot (file dialogs and message boxes patched)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.export.package import export_visit_package
from planner.importing.package import open_package_file
from planner.services.container import Services
from planner.ui.exchange.package_dialogs import (
    ExportPackageDialog,
    ReviewPackageDialog,
    import_visit_package_dialog,
)
from tests.export.conftest import PASSPORT, TripData, make_trip
from tests.fixtures.database import open_migrated


@pytest.fixture
def trip(services: Services) -> TripData:
    """A visit with an itinerary."""
    return make_trip(services)


@pytest.fixture
def partner(tmp_path: Path) -> Iterator[Services]:
    """The partner's empty database."""
    (tmp_path / "partner").mkdir()
    svc = open_migrated(tmp_path / "partner" / "partner.sqlite3")  # its own keys folder
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
    qtbot: QtBot, services: Services, trip: TripData, tmp_path: Path, partner: Services,
    boxes: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert trip.visit.id is not None
    dialog = ExportPackageDialog(None, services, trip.visit.id)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "full.json"))
    dialog.sensitive_check.setChecked(True)
    # No recipient key: refused, saying how to get one.
    dialog.accept()
    assert dialog.written is None and "planner keys export" in boxes["warning"][-1]
    partner_home = partner.institutions.list()[0] if partner.institutions.list() else None
    assert partner_home is None
    key_file = tmp_path / "partner-key.json"
    monkeypatch.setattr(partner.keys, "institution", lambda: "Argonne National Laboratory")
    key_file.write_bytes(partner.keys.export_bytes())
    dialog.recipient_edit.setText(str(key_file))
    dialog.accept()
    assert "passport" in boxes["question"][-1]
    text = (tmp_path / "full.json").read_text(encoding="utf-8")
    assert dialog.written == tmp_path / "full.json" and PASSPORT not in text
    assert json.loads(text)["format"] == "exchange-visit-planner/encrypted-package"
    # Saying No writes nothing and keeps the dialog open.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    dialog = ExportPackageDialog(None, services, trip.visit.id)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "refused.json"))
    dialog.recipient_edit.setText(str(key_file))
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


def test_review_dialog_shows_the_plan_and_imports_only_what_it_shows(
    qtbot: QtBot, services: Services, trip: TripData, partner: Services, tmp_path: Path,
    boxes: dict[str, list[str]],
) -> None:  # fmt: skip
    path = _export(qtbot, services, trip, tmp_path / "visit.json", sensitive=False)
    opened = open_package_file(path, partner.keys)
    dialog = ReviewPackageDialog(None, partner, opened)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    text = dialog.plan_view.toPlainText()
    assert opened.sender.fingerprint in text and "compare this fingerprint" in text
    assert dialog.trust_check.isVisibleTo(dialog) and not dialog.unsigned_check.isVisibleTo(dialog)
    assert not ok.isEnabled()  # a new key must be trusted first
    dialog.trust_check.setChecked(True)  # the plan is recomputed on toggle
    assert ok.isEnabled() and "Creates visit" in dialog.plan_view.toPlainText()
    assert partner.visits.count() == 0  # reviewing wrote nothing
    with qtbot.waitSignal(dialog.accepted):
        ok.click()
    assert dialog.result_ is not None and dialog.result_.created
    assert partner.visits.count() == 1
    assert [k.fingerprint for k in partner.keys.trusted()] == [opened.sender.fingerprint]


def test_import_dialog_opens_the_review(
    qtbot: QtBot, services: Services, trip: TripData, partner: Services, tmp_path: Path,
    boxes: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    path = _export(qtbot, services, trip, tmp_path / "visit.json", sensitive=False)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))

    def answer(dialog: ReviewPackageDialog) -> int:
        dialog.trust_check.setChecked(True)
        dialog.accept()
        return 1

    monkeypatch.setattr(ReviewPackageDialog, "exec", answer)
    result = import_visit_package_dialog(None, partner)
    assert result is not None and result.created
    assert f"Visit {result.visit.code} created." in boxes["information"][0]
    monkeypatch.setattr(ReviewPackageDialog, "exec", lambda _d: 0)  # cancelled
    assert import_visit_package_dialog(None, partner) is None
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


def test_export_dialog_browses_for_the_partner_key_file(
    qtbot: QtBot, services: Services, trip: TripData, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    target = str(tmp_path / "their-key.json")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (target, ""))
    assert trip.visit.id is not None
    dialog = ExportPackageDialog(None, services, trip.visit.id)
    qtbot.addWidget(dialog)
    dialog._browse_key()
    assert dialog.recipient_edit.text() == target


def test_review_dialog_ticks_confirm_matches_and_sensitive_fields(
    qtbot: QtBot, services: Services, trip: TripData, partner: Services, tmp_path: Path,
    boxes: dict[str, list[str]],
) -> None:  # fmt: skip
    from tests.fixtures.sample import make_sample

    sample = make_sample(partner)  # Tanaka's e-mail is known there, under another name
    partner.people.update(
        dataclasses.replace(sample.tanaka, family_name="Tanabe", passport_number="",
                            passport_expiry=None, date_of_birth=None)
    )  # fmt: skip
    assert partner.people.get(sample.tanaka.id or 0).passport_number == ""
    path = tmp_path / "sealed.json"
    export_visit_package(
        services, trip.visit.id or 0, path, include_sensitive=True,
        recipient=partner.keys.own(),
    )  # fmt: skip
    dialog = ReviewPackageDialog(None, partner, open_package_file(path, partner.keys))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.trust_check.setChecked(True)
    assert not ok.isEnabled() and "NOT CONFIRMED" in dialog.plan_view.toPlainText()
    dialog.matches_check.setChecked(True)
    assert ok.isEnabled()
    assert "not applied" in dialog.plan_view.toPlainText()  # passport not asked for yet
    dialog.sensitive_check.setChecked(True)
    text = dialog.plan_view.toPlainText()
    assert "Encrypted to this planner's key." in text and PASSPORT not in text
    with qtbot.waitSignal(dialog.accepted):
        ok.click()
    assert partner.people.get(sample.tanaka.id or 0).passport_number == PASSPORT

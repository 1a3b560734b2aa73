"""Export dialogs: one visit to a file; every participant of an event into a folder."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from planner.domain.entities import Event
from planner.domain.enums import EventKind
from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat
from planner.services.container import Services
from planner.ui.itinerary.export_dialogs import BatchExportDialog, ExportItineraryDialog
from tests.export.conftest import CHICAGO, at, make_trip


def test_export_dialog_writes_the_chosen_format(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    trip = make_trip(services)
    assert trip.visit.id is not None
    dialog = ExportItineraryDialog(None, services, trip.visit.id)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "trip.pdf"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(ExportFormat.HTML))
    assert dialog.path_edit.text().endswith("trip.html")  # the suffix follows the format
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData(Lang.JA))
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.accept()
    assert dialog.written == tmp_path / "trip.html"
    assert "旅程表" in dialog.written.read_text(encoding="utf-8")


def test_batch_dialog_exports_participants(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    trip = make_trip(services)
    assert trip.sample.argonne.id is not None and trip.sample.tanaka.id is not None
    event = services.events.create(
        Event(
            kind=EventKind.LECTURE, title="Lecture", institution_id=trip.sample.argonne.id,
            start_utc=at("2027-03-10 10:00", CHICAGO), start_zone=CHICAGO,
            end_utc=at("2027-03-10 11:00", CHICAGO), end_zone=CHICAGO,
        )
    )  # fmt: skip
    assert event.id is not None
    services.events.set_participant(event.id, trip.sample.tanaka.id)
    dialog = BatchExportDialog(None, services, event.id)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(ExportFormat.ICS))
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.accept()
    assert dialog.batch_result is not None
    assert [p.name for p in dialog.batch_result.written] == [f"{trip.visit.code}-Tanaka.ics"]
    assert (tmp_path / f"{trip.visit.code}-Tanaka.ics").stat().st_mode & 0o777 == 0o600


def test_export_dialog_writes_a_shareable_copy(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    trip = make_trip(services)
    assert trip.visit.id is not None
    dialog = ExportItineraryDialog(None, services, trip.visit.id)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "shared.pdf"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(ExportFormat.HTML))
    dialog.redact.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.accept()
    assert dialog.written is not None
    page = dialog.written.read_text(encoding="utf-8")
    assert "FJ6CRT" not in page and "Argonne Guest House" in page

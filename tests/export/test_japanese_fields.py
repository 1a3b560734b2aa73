"""Japanese fields for the visitor's notes and item details (issue 18, point 7).

Stored, edited, imported and carried by packages; used by Japanese and bilingual exports and
left out of English ones.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from icalendar import Calendar
from pytestqt.qtbot import QtBot

from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat, render_itinerary
from planner.export.package import export_visit_package
from planner.importing.itinerary import import_itinerary
from planner.importing.package import ImportOptions, import_visit_package
from planner.services.container import Services
from tests.export.conftest import CHICAGO, TripData
from tests.fixtures.database import open_migrated

NOTES_JA = "ホテルのロビーで受入担当者がお待ちしています。"
DETAILS_JA = "搭乗券はオンラインで発行してください。"


def _with_japanese(services: Services, trip: TripData) -> None:
    services.visits.update(
        dataclasses.replace(services.visits.get(trip.visit.id or 0), visitor_notes_ja=NOTES_JA)
    )
    flight = trip.items["outbound"]
    services.itinerary.update(
        dataclasses.replace(
            flight, visitor_details="Print your boarding pass.", visitor_details_ja=DETAILS_JA
        )
    )


def _html(services: Services, trip: TripData, lang: Lang) -> str:
    return render_itinerary(services, trip.visit.id or 0, ExportFormat.HTML, lang).decode()


def test_exports_use_the_japanese_fields_where_the_visitor_reads_japanese(
    services: Services, trip: TripData
) -> None:
    _with_japanese(services, trip)
    en, ja, both = (_html(services, trip, lang) for lang in Lang)
    assert NOTES_JA not in en and DETAILS_JA not in en and "Print your boarding pass." in en
    assert NOTES_JA in ja and DETAILS_JA in ja
    assert "Your host meets you at the hotel lobby." not in ja
    assert "Print your boarding pass." not in ja
    assert NOTES_JA in both and "Your host meets you at the hotel lobby." in both
    assert DETAILS_JA in both and "Print your boarding pass." in both
    ics = render_itinerary(services, trip.visit.id or 0, ExportFormat.ICS, Lang.JA)
    descriptions = [str(e.get("DESCRIPTION", "")) for e in Calendar.from_ical(ics).walk("VEVENT")]
    assert any(DETAILS_JA in d for d in descriptions)


def test_a_japanese_field_without_text_falls_back_to_english(
    services: Services, trip: TripData
) -> None:
    ja = _html(services, trip, Lang.JA)
    assert "Your host meets you at the hotel lobby." in ja  # no Japanese notes yet


def test_itinerary_import_reads_a_japanese_details_column(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    path = tmp_path / "items.csv"
    path.write_text(
        "kind,title,start,end,details,詳細（日本語）\n"
        f"meeting,Lunch,2027-03-10 12:00,2027-03-10 13:00,Cafeteria,{DETAILS_JA}\n",
        encoding="utf-8",
    )
    (item,) = import_itinerary(services, path, trip.visit.code)
    assert (item.visitor_details, item.visitor_details_ja) == ("Cafeteria", DETAILS_JA)


def test_packages_carry_the_japanese_fields(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    _with_japanese(services, trip)
    out = export_visit_package(services, trip.visit.id or 0, tmp_path / "visit.json")
    partner = open_migrated(tmp_path / "partner.sqlite3")
    try:
        # The first package from that partner: its key trusted, as after a phone call.
        trust = ImportOptions(trust_new_key=True)
        imported = import_visit_package(partner, out, trust).visit
        assert imported.visitor_notes_ja == NOTES_JA
        assert imported.id is not None
        details = {i.visitor_details_ja for i in partner.itinerary.for_visit(imported.id)}
        assert DETAILS_JA in details
    finally:
        partner.close()


def test_the_item_dialog_edits_the_japanese_details(qtbot: QtBot, trip: TripData) -> None:
    from planner.ui.itinerary.itinerary_dialog import ItineraryItemDialog

    flight = dataclasses.replace(trip.items["outbound"], visitor_details_ja=DETAILS_JA)
    dialog = ItineraryItemDialog(None, visit_id=flight.visit_id, host_zone=CHICAGO, item=flight)
    qtbot.addWidget(dialog)
    assert dialog.details_ja_edit.toPlainText() == DETAILS_JA
    dialog.details_ja_edit.setPlainText("変更後の詳細")
    dialog.accept()
    assert dialog.item is not None and dialog.item.visitor_details_ja == "変更後の詳細"

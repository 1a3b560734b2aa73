"""Every curated demo visit exports in every format and language."""

from __future__ import annotations

import html
import shutil
import subprocess
from datetime import UTC
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.demo.populate import populate_demo
from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat, export_itinerary
from planner.services.container import Services


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_every_demo_visit_exports_in_all_formats_and_languages(
    services: Services, tmp_path: Path
) -> None:
    populate_demo(services)
    visits = services.visits.summaries()
    assert len(visits) >= 10
    for summary in visits:
        items = services.itinerary.for_visit(summary.id)
        visit = services.visits.get(summary.id)
        for lang in Lang:
            stem = tmp_path / f"{summary.code}-{lang.value}"
            ics = export_itinerary(
                services, summary.id, ExportFormat.ICS, stem.with_suffix(".ics"), lang
            )
            cal = Calendar.from_ical(ics.read_bytes())
            events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
            # Every visit has one all-day event for its stay, besides its items.
            expected = {i.uid for i in items} | {f"stay-{summary.code}@exchange-visit-planner"}
            assert set(events) == expected
            for item in items:
                assert events[item.uid]["DTSTART"].dt.astimezone(UTC) == item.start_utc
            assert cal.get_missing_tzids() == set()

            page = export_itinerary(
                services, summary.id, ExportFormat.HTML, stem.with_suffix(".html"), lang
            ).read_text(encoding="utf-8")
            assert summary.code in page
            for item in items:
                title = item.title_ja if lang is Lang.JA and item.title_ja else item.title
                assert html.escape(title) in page
            assert visit.internal_notes == "" or visit.internal_notes not in page

            pdf = export_itinerary(
                services, summary.id, ExportFormat.PDF, stem.with_suffix(".pdf"), lang
            )
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            assert summary.code in text
            if lang is not Lang.EN and summary.visitor_name_native:
                assert summary.visitor_name_native in text

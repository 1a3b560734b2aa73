"""A PDF that prints well (issue 18, point 6), checked in the text ``pdftotext`` extracts.

An entry and a day heading with its first entry never split across pages; nothing is drawn
twice (each line found once); body text at least 9.5 pt; a short itinerary fits one page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from planner.domain.entities import ItineraryItem
from planner.domain.enums import ItineraryKind
from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat, export_itinerary
from planner.services.container import Services
from tests.export.conftest import CHICAGO, TripData, at

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)


def _pages(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in out.split("\f") if page.strip()]


def _long_trip(services: Services, trip: TripData) -> list[ItineraryItem]:
    """Eight items a day for nine days, with details of varying length: many page breaks."""
    made = []
    for day in range(9):
        for slot in range(8):
            start = at(f"2027-03-{9 + day:02d} {8 + slot:02d}:05", CHICAGO)
            made.append(
                services.itinerary.create(
                    ItineraryItem(
                        visit_id=trip.visit.id or 0,
                        kind=ItineraryKind.MEETING,
                        title=f"Session D{day}S{slot}",
                        start_utc=start,
                        start_zone=CHICAGO,
                        end_utc=start + timedelta(minutes=50),
                        end_zone=CHICAGO,
                        location_name=f"Room R{day}{slot}",
                        confirmation_code=f"CONF{day}{slot}",
                        visitor_details=" ".join(["Bring slides."] * (slot % 4 * 6)),
                    )
                )
            )
    return made


def test_entries_and_day_headings_never_split(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    items = _long_trip(services, trip)
    out = export_itinerary(services, trip.visit.id or 0, ExportFormat.PDF, tmp_path / "t.pdf")
    pages = _pages(out)
    assert len(pages) >= 3, "the test needs page breaks"
    text = "\f".join(pages)
    for item in items:
        # Nothing drawn twice: the title, the room and the code are each found once.
        for part in (item.title, item.location_name, item.confirmation_code):
            assert text.count(part) == 1, part
        page = next(p for p in pages if item.title in p)
        clock = f"{int(item.title[-1]) + 8:02d}:05"
        assert clock in page and item.location_name in page and item.confirmation_code in page
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = [line for line in lines if "Generated:" not in line]
        # A day heading is never the last thing on a page: its first entry follows it.
        last = body[-1]
        assert not re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w+ 2027", last), last


def test_body_text_is_at_least_9_5_points(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    out = export_itinerary(
        services, trip.visit.id or 0, ExportFormat.PDF, tmp_path / "t.pdf", Lang.BILINGUAL
    )
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = [
        (word, float(y0), float(y1) - float(y0))
        for y0, y1, word in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', xml
        )
    ]
    # The footer line (visit code, generation time, page number) sits below 770 pt on A4.
    body = [(word, height) for word, top, height in words if top < 770]
    assert len(body) > 100
    smallest = sorted(body, key=lambda wh: wh[1])[:3]
    assert smallest[0][1] >= 9.4, smallest  # pdftotext's box height is the font size
    assert min(h for w, h in body if w == "Flight") >= 9.4  # the kind labels, once 6 pt


def test_a_short_itinerary_is_one_compact_page(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    out = export_itinerary(services, trip.visit.id or 0, ExportFormat.PDF, tmp_path / "t.pdf")
    pages = _pages(out)
    assert len(pages) == 1
    assert "Day-by-day schedule" in pages[0] and "AuroraGPT seminar" in pages[0]

"""The HTML itinerary measured in a real browser, and its data for machines (issue 18, point 5).

The "+1 day" marker must stay inside the time column at phone and desktop widths: headless
Chromium lays the page out and a measuring script (added to a test copy only; the exported
page has no script) reports every marker's box against its entry's title column.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat, export_itinerary, render_itinerary
from planner.services.container import Services
from tests.export.conftest import TripData

CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)

MEASURE = """
<script>
const out = [];
for (const marker of document.querySelectorAll('.marker')) {
  const entry = marker.closest('.entry');
  const title = entry.children[1].getBoundingClientRect();
  const box = marker.getBoundingClientRect();
  const when = entry.children[0].getBoundingClientRect();
  out.push({right: box.right, titleLeft: title.left, whenRight: when.right,
            overlap: Math.max(0, box.right - title.left), top: box.top, titleTop: title.top,
            stacked: title.top >= when.bottom - 1});
}
document.body.setAttribute('data-markers', JSON.stringify(out));
</script>
"""


def _measure(page: str, tmp_path: Path, width: int) -> list[dict[str, float]]:
    assert CHROMIUM is not None
    path = tmp_path / f"page-{width}.html"
    path.write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = subprocess.run(
        [
            CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
            f"--user-data-dir={tmp_path / f'profile-{width}'}", f"--window-size={width},900",
            "--virtual-time-budget=3000", "--dump-dom", path.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    found = re.search(r'data-markers="([^"]*)"', dom)
    assert found, dom[:500]
    data: list[dict[str, float]] = json.loads(found.group(1).replace("&quot;", '"'))
    return data


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
@pytest.mark.parametrize("lang", list(Lang))
def test_the_day_marker_never_overlaps_the_title(
    services: Services, trip: TripData, tmp_path: Path, lang: Lang
) -> None:
    page = render_itinerary(services, trip.visit.id or 0, ExportFormat.HTML, lang).decode()
    for width in (360, 1280):
        markers = _measure(page, tmp_path, width)
        assert markers, "the trip has a +1 day marker"
        for marker in markers:
            if marker["stacked"]:  # phone layout: the title is under the times
                continue
            assert marker["overlap"] == 0, (width, marker)
            assert marker["right"] <= marker["whenRight"] + 0.5, (width, marker)


def test_json_ld_describes_the_trip_with_schema_org_types(
    services: Services, trip: TripData
) -> None:
    page = render_itinerary(services, trip.visit.id or 0, ExportFormat.HTML, Lang.EN).decode()
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(block)
    types = [entry["@type"] for entry in data]
    assert types.count("FlightReservation") == 2
    assert "LodgingReservation" in types and "EventReservation" in types
    assert all(entry["@context"] == "https://schema.org" for entry in data)
    flight = next(e for e in data if e.get("reservationNumber") == "FJ6CRT")
    assert flight["reservationFor"]["@type"] == "Flight"
    assert flight["reservationFor"]["departureTime"] == "2027-03-08T10:40:00+09:00"
    assert flight["reservationFor"]["arrivalTime"] == "2027-03-08T07:30:00-06:00"
    assert flight["underName"]["name"] == "Hiroshi Tanaka"
    hostile = next(
        e for e in data if e["reservationFor"].get("name") == "<script>alert(1)</script>"
    )
    assert hostile["@type"] == "EventReservation"


def test_links_dark_mode_and_the_shareable_variant(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    out = export_itinerary(
        services, trip.visit.id or 0, ExportFormat.HTML, tmp_path / "trip.html", Lang.EN
    )
    page = out.read_text(encoding="utf-8")
    assert (tmp_path / "trip.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert '<a href="trip.ics" download>Add to calendar</a>' in page
    assert "@media (prefers-color-scheme: dark)" in page
    corrections = re.findall(r'href="(mailto:[^"]*\?subject=[^"]*)"', page)
    assert len(corrections) == len(trip.items)
    assert any("V-2027-0001%3A%20AuroraGPT%20seminar" in link for link in corrections)
    assert all(link.startswith("mailto:amiller@example.org?") for link in corrections)
    assert "FJ6CRT" in page
    shared = export_itinerary(
        services, trip.visit.id or 0, ExportFormat.HTML, tmp_path / "shared.html", Lang.EN,
        redact_confirmations=True,
    ).read_text(encoding="utf-8")  # fmt: skip
    assert "FJ6CRT" not in shared and "K2P9QX" not in shared
    assert b"FJ6CRT" not in (tmp_path / "shared.ics").read_bytes()

"""HTML and PDF itineraries: escaping, self-containment, fonts, extractable Japanese text,
times to the minute, and nothing private."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat, export_itinerary, render_itinerary
from planner.services.container import Services
from tests.export.conftest import (
    HOSTILE_TITLE,
    PASSPORT,
    SECRET_ITEM_NOTE,
    SECRET_VISIT_NOTE,
    TripData,
)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) not installed",
)


def _html(services: Services, trip: TripData, lang: Lang) -> str:
    assert trip.visit.id is not None
    return render_itinerary(services, trip.visit.id, ExportFormat.HTML, lang).decode("utf-8")


def test_html_escapes_user_text(services: Services, trip: TripData) -> None:
    page = _html(services, trip, Lang.EN)
    assert HOSTILE_TITLE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The one script element is the JSON-LD data block; the title in it cannot close it.
    assert page.lower().count("<script") == 1
    assert '<script type="application/ld+json">' in page
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page


def test_html_is_self_contained_responsive_and_printable(
    services: Services, trip: TripData
) -> None:
    page = _html(services, trip, Lang.BILINGUAL)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media print" in page and "@media (max-width" in page
    assert "<link" not in page.lower() and "@import" not in page and "url(" not in page
    links = re.findall(r'(?:href|src)="([^"]*)"', page)
    assert links and all(link.startswith(("mailto:", "tel:")) for link in links)
    assert "mailto:amiller@example.org" in page and "tel:+16305550100" in page


def test_html_times_markers_and_languages(services: Services, trip: TripData) -> None:
    en = _html(services, trip, Lang.EN)
    assert '10:40 <span class="zone">JST</span>' in en
    assert '07:30 <span class="zone">CST</span>' in en
    assert '16:25 <span class="zone">JST</span>' in en and "+1 day" in en
    assert '14:00 <span class="zone">CDT</span>' in en  # after the 14 March change
    assert "Mon 8 March 2027" in en and "Hiroshi Tanaka" in en
    ja = _html(services, trip, Lang.JA)
    assert "2027年3月8日(月)" in ja and "田中 博" in ja and "NH111便" in ja and "+1日" in ja
    assert '<html lang="ja">' in ja
    both = _html(services, trip, Lang.BILINGUAL)
    assert "Hiroshi Tanaka / 田中 博" in both and "Visitor / 訪問者" in both


def test_exports_leave_out_internal_notes_and_sensitive_fields(
    services: Services, trip: TripData
) -> None:
    assert trip.visit.id is not None
    for fmt in (ExportFormat.HTML, ExportFormat.ICS):
        for lang in Lang:
            data = render_itinerary(services, trip.visit.id, fmt, lang).decode("utf-8")
            for secret in (SECRET_VISIT_NOTE, SECRET_ITEM_NOTE, PASSPORT, "1980-05-17"):
                assert secret not in data, (fmt, lang, secret)


def _pdftotext(path: Path, env: dict[str, str] | None = None) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True,
        env=env,
    ).stdout  # fmt: skip


@needs_poppler
def test_pdf_fonts_embedded_and_japanese_extractable(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    assert trip.visit.id is not None
    out = export_itinerary(
        services, trip.visit.id, ExportFormat.PDF, tmp_path / "trip.pdf", Lang.BILINGUAL
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_mode & 0o777 == 0o600
    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        columns = line.split()
        assert columns[-5] == "yes", f"font not embedded: {line}"  # the "emb" column
    text = _pdftotext(out)
    for expected in (
        "田中 博", "理化学研究所", "2027年3月8日(月)", "NH111便", "10:40 JST", "07:30 CST",
        "16:25 JST", "+1 day", "14:00 CDT", "Page 1 of", "Generated", "What to bring",
        "Emergency", "911", "amiller@example.org", "9700 S. Cass Avenue",
    ):  # fmt: skip
        assert expected in text, expected
    for secret in (SECRET_VISIT_NOTE, SECRET_ITEM_NOTE, PASSPORT):
        assert secret not in text


@needs_poppler
def test_pdf_japanese_only_layout(services: Services, trip: TripData, tmp_path: Path) -> None:
    assert trip.visit.id is not None
    out = export_itinerary(services, trip.visit.id, ExportFormat.PDF, tmp_path / "ja.pdf", Lang.JA)
    text = _pdftotext(out)
    assert "旅程表" in text and "田中 博" in text and "ページ" in text and "受入機関" in text
    assert "Hiroshi" not in text  # Japanese output uses the kanji name


_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""

_RENDER = """
import sys
from pathlib import Path
from planner.db.location import sqlite_target
from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat, export_itinerary
from planner.services.container import Services
from tests.export.conftest import make_trip

services = Services.open(sqlite_target(Path(sys.argv[1])), create=True)
trip = make_trip(services)
export_itinerary(services, trip.visit.id, ExportFormat.PDF, Path(sys.argv[2]), Lang.JA)
services.close()
"""


@needs_poppler
def test_pdf_japanese_without_any_system_cjk_font(tmp_path: Path) -> None:
    """In a process whose fontconfig sees only DejaVu, the bundled font still carries kanji."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(_FONTS_CONF.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FONTCONFIG_PATH", None)
    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "isolated.pdf"
    subprocess.run(
        [sys.executable, "-c", _RENDER, str(tmp_path / "db.sqlite3"), str(out)],
        cwd=root, env=env, check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    fc_list = (
        subprocess.run(
            ["fc-list", ":lang=ja"], env=env, capture_output=True, text=True, check=False
        ).stdout
        if shutil.which("fc-list")
        else ""
    )
    assert fc_list.strip() == "", "the isolated fontconfig should see no Japanese font"
    text = _pdftotext(out)
    assert "田中 博" in text and "2027年3月19日(金)" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    assert "IPAexGothic" in fonts.stdout


def test_what_to_bring_hook(services: Services, trip: TripData) -> None:
    from planner.export.document import build_document

    assert trip.visit.id is not None
    doc = build_document(services, trip.visit.id, Lang.EN, bring=["Laptop with VPN"])
    assert doc.bring == ("Laptop with VPN",)
    default = build_document(services, trip.visit.id, Lang.EN)
    assert default.bring[0] == "Passport (valid for the whole stay)"  # JP visitor, US host
    paperwork = getattr(services, "paperwork", None)
    if paperwork is not None and hasattr(paperwork, "visitor_checklist"):
        for line in paperwork.visitor_checklist(trip.visit.id, "en"):
            assert line in default.bring
    page = render_itinerary(services, trip.visit.id, ExportFormat.HTML, Lang.EN).decode()
    assert "What to bring" in page

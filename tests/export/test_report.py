"""The activity report files: XLSX sheets, CSV breakdown column, PDF text (pdftotext)."""

from __future__ import annotations

import csv
import io
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.domain.fiscal import FiscalSystem
from planner.export.report import CSV_HEADER, ReportFormat, write_report
from planner.services.container import Services
from planner.services.reports import ActivityReport
from tests.services.test_reports import make_report_data


@pytest.fixture
def report(services: Services) -> ActivityReport:
    make_report_data(services)
    return services.reports.activity(FiscalSystem.US, 2028)


def test_xlsx_has_one_sheet_per_breakdown(report: ActivityReport, tmp_path: Path) -> None:
    out = write_report(report, ReportFormat.XLSX, tmp_path / "r.xlsx")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    book = load_workbook(out)
    assert book.sheetnames == ["Summary", "Direction", "Category", "Project", "Purpose", "Events"]
    direction = [[c.value for c in row] for row in book["Direction"].iter_rows()]
    assert direction[0] == ["direction", "japanese", "visits", "person_days"]
    assert ["Argonne → RIKEN Wako", "Argonne → 理化学研究所 和光地区", 1, 7] in direction
    assert direction[-1] == ["Total", "合計", 2, 12]
    events = [[c.value for c in row] for row in book["Events"].iter_rows()]
    assert events[1][2:] == ["Joint seminar", "合同セミナー", "RIKEN Wako", 2]


def test_csv_is_one_table_with_a_breakdown_column(report: ActivityReport, tmp_path: Path) -> None:
    out = write_report(report, ReportFormat.CSV, tmp_path / "r.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == CSV_HEADER
    assert {r["breakdown"] for r in rows} == {
        "direction", "category", "project", "purpose", "events",
    }  # fmt: skip
    totals = {r["breakdown"]: r for r in rows if r["key"] == "total"}
    assert totals["category"]["visits"] == "2" and totals["category"]["person_days"] == "12"
    assert totals["events"]["participants"] == "2"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdf_text_has_headings_and_japanese_names(report: ActivityReport, tmp_path: Path) -> None:
    out = write_report(report, ReportFormat.PDF, tmp_path / "r.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for needle in (
        "Activity report — US FY2028",
        "2027-10-01 – 2028-09-30",
        "By direction",
        "By category",
        "By project",
        "By purpose",
        "Events held",
        "理化学研究所 和光地区",
        "合同セミナー",
        "Generated",
        "Page 1 of",
    ):
        assert needle in text, needle

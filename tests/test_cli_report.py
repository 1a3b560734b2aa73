"""``planner report`` and ``planner export visits``: exit codes, outputs, sensitive columns."""

from __future__ import annotations

import csv
import io
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.cli import main
from tests.fixtures.database import open_migrated
from tests.services.test_reports import make_report_data


@pytest.fixture
def report_db(db_path: Path) -> Path:
    services = open_migrated(db_path)
    make_report_data(services)
    services.close()
    return db_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_export_visits_csv_without_sensitive_columns(
    capsys: pytest.CaptureFixture[str], report_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "visits.csv"
    code, stdout, _ = _run(capsys, "--db", str(report_db), "export", "visits",
                           "--format", "csv", "-o", str(out))  # fmt: skip
    assert code == 0 and "7 visits" in stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = _csv(out)
    assert list(rows[0]) == [
        "code", "visitor_name", "visitor_name_native", "home_institution", "host_institution",
        "arrival_date", "departure_date", "status", "purpose", "project", "paid",
    ]  # fmt: skip
    tanaka = next(r for r in rows if r["visitor_name"] == "Hiroshi Tanaka")
    assert tanaka["visitor_name_native"] == "田中 博"
    assert "TK0000001" not in out.read_text(encoding="utf-8-sig")
    assert "1980-05-17" not in out.read_text(encoding="utf-8-sig")


def test_export_visits_xlsx_with_sensitive_columns(
    capsys: pytest.CaptureFixture[str], report_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "visits.xlsx"
    code, _, _ = _run(capsys, "export", "visits", "--db", str(report_db), "--format", "xlsx",
                      "-o", str(out), "--include-sensitive")  # fmt: skip
    assert code == 0
    sheet = load_workbook(out)["Visits"]
    header = [c.value for c in sheet[1]]
    assert header[-3:] == ["date_of_birth", "passport_number", "passport_expiry"]
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert "TK0000001" in values


def test_export_visits_errors(
    capsys: pytest.CaptureFixture[str], report_db: Path, tmp_path: Path
) -> None:
    code, _, err = _run(capsys, "--db", str(report_db), "export", "visits", "--format", "csv",
                        "-o", str(tmp_path / "nope" / "v.csv"))  # fmt: skip
    assert code == 1 and err.count("\n") == 1 and "does not exist" in err
    with pytest.raises(SystemExit) as info:
        main(["--db", str(report_db), "export", "visits", "--format", "ods", "-o", "x"])
    assert info.value.code == 2
    code, _, err = _run(capsys, "--db", str(tmp_path / "missing.sqlite3"), "export", "visits",
                        "--format", "csv", "-o", str(tmp_path / "v.csv"))  # fmt: skip
    assert code == 1 and not (tmp_path / "missing.sqlite3").exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_report_formats(
    capsys: pytest.CaptureFixture[str], report_db: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"report.{fmt}"
    code, stdout, err = _run(capsys, "--db", str(report_db), "report", "--fiscal-year", "us",
                             "--year", "2027", "--format", fmt, "-o", str(out))  # fmt: skip
    assert code == 0, err
    assert "US FY2027 (2026-10-01 – 2027-09-30): 2 visits, 16 person-days" in stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    if fmt == "csv":
        rows = _csv(out)
        total = next(r for r in rows if r["breakdown"] == "direction" and r["key"] == "total")
        assert (total["visits"], total["person_days"]) == ("2", "16")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_report_pdf_jp(capsys: pytest.CaptureFixture[str], report_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "jp.pdf"
    code, stdout, _ = _run(capsys, "--db", str(report_db), "report", "--fiscal-year", "jp",
                           "--year", "2027", "--format", "pdf", "-o", str(out))  # fmt: skip
    assert code == 0 and "JP FY2027 (2027-04-01 – 2028-03-31): 2 visits, 15 person-days" in stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    for needle in ("Activity report — JP FY2027", "By direction", "Events held",
                   "理化学研究所 和光地区", "合同セミナー", "Page 1 of"):  # fmt: skip
        assert needle in text, needle


def test_report_usage_and_user_errors(
    capsys: pytest.CaptureFixture[str], report_db: Path, tmp_path: Path
) -> None:
    for bad in (["--fiscal-year", "eu", "--year", "2027"], ["--fiscal-year", "us", "--year", "x"]):
        with pytest.raises(SystemExit) as info:
            main(["--db", str(report_db), "report", *bad, "--format", "csv", "-o", "r.csv"])
        assert info.value.code == 2
    code, _, err = _run(capsys, "--db", str(report_db), "report", "--fiscal-year", "us",
                        "--year", "2027", "--format", "csv", "-o", str(tmp_path))  # fmt: skip
    assert code == 1 and "folder" in err

"""The command line contract: exit codes, one-line errors, JSON keys, --db handling."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner import __version__
from planner.cli import main
from planner.db.migrate import head_revision
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    services = open_migrated(db_path)
    make_sample(services)
    services.close()
    return db_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_visits_list_json_keeps_japanese_and_iso_dates(
    capsys: pytest.CaptureFixture[str], sample_db: Path
) -> None:
    code, out, err = _run(capsys, "visits", "list", "--json", "--db", str(sample_db))
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [r["code"] for r in rows] == ["V-2027-0001", "V-2027-0002"]
    first = rows[0]
    assert first["visitor_name"] == "Hiroshi Tanaka"
    assert first["visitor_name_native"] == "田中 博"
    assert first["home_institution"] == "RIKEN Wako"
    assert first["host_institution"] == "Argonne"
    assert (first["arrival_date"], first["departure_date"]) == ("2027-03-08", "2027-03-19")
    assert first["status"] == "draft"
    assert "田中" in out  # not \u-escaped


def test_db_option_before_the_command_and_from_the_environment(
    capsys: pytest.CaptureFixture[str], sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = _run(capsys, "--db", str(sample_db), "visits", "list")
    assert code == 0 and "V-2027-0002" in out and "田中 博" in out
    monkeypatch.setenv("PLANNER_DATABASE_URL", f"sqlite:///{sample_db}")
    code, out, _ = _run(capsys, "people", "list")
    assert code == 0 and "Dana Miller" in out


def test_people_list_json_never_shows_sensitive_fields(
    capsys: pytest.CaptureFixture[str], sample_db: Path
) -> None:
    code, out, _ = _run(capsys, "people", "list", "--json", "--db", str(sample_db))
    assert code == 0
    rows = json.loads(out)
    assert {r["latin_name"] for r in rows} == {"Dana Miller", "Hiroshi Tanaka"}
    assert set(rows[0]) == {
        "id", "latin_name", "native_name", "category", "home_institution", "email", "nationality",
    }  # fmt: skip
    assert "TK0000001" not in out and "1980" not in out


def test_set_status_follows_the_life_cycle(
    capsys: pytest.CaptureFixture[str], sample_db: Path
) -> None:
    db = str(sample_db)
    code, out, _ = _run(capsys, "visits", "set-status", "V-2027-0001", "proposed", "--db", db,
                        "--reason", "Host confirmed")  # fmt: skip
    assert code == 0 and "draft -> proposed" in out
    code, out, err = _run(capsys, "visits", "set-status", "V-2027-0001", "completed", "--db", db)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "cannot go from proposed to completed" in err
    code, _, err = _run(capsys, "visits", "set-status", "V-2027-0001", "finished", "--db", db)
    assert code == 1 and "unknown status" in err
    code, _, err = _run(capsys, "visits", "set-status", "V-2031-0001", "proposed", "--db", db)
    assert code == 1 and "no visit V-2031-0001" in err


def test_junk_file_exits_1_with_one_line_and_stays_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00\x01garbage" * 100)
    digest = hashlib.sha256(junk.read_bytes()).hexdigest()
    for argv in (["visits", "list"], ["people", "list", "--json"], ["check"], ["demo"]):
        code, out, err = _run(capsys, *argv, "--db", str(junk))
        assert code == 1, argv
        assert out == "" and err.count("\n") == 1 and "not an Exchange Visit Planner" in err
    assert hashlib.sha256(junk.read_bytes()).hexdigest() == digest
    assert [p.name for p in tmp_path.iterdir()] == ["junk.sqlite3"]


def test_reading_a_missing_database_does_not_create_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.sqlite3"
    code, _, err = _run(capsys, "visits", "list", "--db", str(missing))
    assert code == 1 and "there is no database" in err
    assert not missing.exists()


def test_check_reports_schema_and_refuses_newer_files(
    capsys: pytest.CaptureFixture[str], sample_db: Path
) -> None:
    code, out, _ = _run(capsys, "check", "--db", str(sample_db))
    assert code == 0 and "integrity: ok" in out and f"schema: {head_revision()}" in out
    with sqlite3.connect(sample_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.close()
    digest = hashlib.sha256(sample_db.read_bytes()).hexdigest()
    code, _, err = _run(capsys, "check", "--db", str(sample_db))
    assert code == 1 and "newer" in err
    code, _, err = _run(capsys, "visits", "list", "--db", str(sample_db))
    assert code == 1 and "install" in err
    assert hashlib.sha256(sample_db.read_bytes()).hexdigest() == digest


def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["visits"],
        ["frobnicate"],
        ["visits", "list", "--jsn"],
        ["demo", "--visits", "x"],
    ):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2, argv


def test_console_script_prints_no_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    result = subprocess.run(
        [sys.executable, "-m", "planner", "visits", "list", "--db", str(junk)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("planner: error: ")


def test_cli_choices_match_the_exporters() -> None:
    """The CLI lists formats as plain strings (to stay fast); they must match the enums."""
    from planner.cli.exporting import ITINERARY_FORMATS, LANGUAGES
    from planner.cli.report import REPORT_FORMATS
    from planner.export.i18n import Lang
    from planner.export.itinerary import ExportFormat
    from planner.export.report import ReportFormat

    assert set(ITINERARY_FORMATS) == {f.value for f in ExportFormat}
    assert set(LANGUAGES) == {lang.value for lang in Lang}
    assert set(REPORT_FORMATS) == {f.value for f in ReportFormat}

"""``planner backup -o FILE``: exit 0 with a private, verified copy; one line on failure."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from planner.cli import main
from planner.db.backup import integrity_problems
from planner.db.rotation import list_backups
from tests.db.helpers import digest, make_database


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_to_a_file(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    make_database(db_path)
    before = digest(db_path)
    out_file = tmp_path / "copies" / "visits.bak"
    out_file.parent.mkdir()
    code, out, err = _run(capsys, "backup", "-o", str(out_file), "--db", str(db_path))
    assert (code, err) == (0, "")
    assert str(out_file) in out and "verified" in out
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    assert integrity_problems(out_file, quick=False) == []
    with sqlite3.connect(out_file) as conn:
        assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 2
    conn.close()
    assert digest(db_path) == before
    assert [p.name for p in out_file.parent.iterdir()] == ["visits.bak"]


def test_backup_without_output_goes_into_the_rotation(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    make_database(db_path)
    code, out, _err = _run(capsys, "backup", "--db", str(db_path))
    assert code == 0
    [info] = list_backups(db_path)
    assert info.reason == "manual" and str(info.path) in out


@pytest.mark.parametrize("where", ["missing-folder", "a-folder", "the-database"])
def test_unusable_destination_fails_with_one_line(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, where: str
) -> None:
    make_database(db_path)
    destination = {
        "missing-folder": tmp_path / "nowhere" / "b.bak",
        "a-folder": tmp_path,
        "the-database": db_path,
    }[where]
    before = digest(db_path)
    code, out, err = _run(capsys, "backup", "-o", str(destination), "--db", str(db_path))
    assert code == 1 and out == ""
    assert err.startswith("planner: error: ") and err.count("\n") == 1
    assert digest(db_path) == before


def test_backup_of_a_missing_database_or_a_server(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _out, err = _run(capsys, "backup", "-o", "x.bak", "--db", str(db_path))
    assert code == 1 and "no database" in err
    monkeypatch.setenv("PLANNER_DATABASE_URL", "postgresql+psycopg://u:secret@db.example/p")
    code, _out, err = _run(capsys, "backup", "-o", "x.bak")
    assert code == 1 and "pg_dump" in err and "secret" not in err

"""Any folder or file name works: the file named is the file used, and no other.

Paths were pasted into ``file:{path}?mode=ro`` URIs and ``sqlite:///{path}`` URLs, so ``#``
cut the path short (a stray empty file was checked and backed up), ``?`` started parameters
(a new empty database beside the real one) and ``%41`` was decoded (a healthy file called
damaged). Each name below goes through check, listing, both kinds of backup and a write,
and the folder holds exactly what it should afterwards.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from tests.db.helpers import digest, make_database

ROOT = Path(__file__).resolve().parents[2]

NAMES = [
    "a#b?c%41",
    "x&y=z%2e%2e",
    "with spaces  and 'quotes' \"double\"",
    "日本語のフォルダ",
    "C:\\Users\\Tanaka Taro\\Documents",
    "file:evil?mode=memory&cache=shared#frag",
    "%00%ZZ?%",
]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _count(path: Path, table: str = "visits") -> int:
    # A plain file name, never a URI: the reference of which file holds what.
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("name", NAMES)
def test_every_command_uses_the_named_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    folder = tmp_path / name
    folder.mkdir()
    db = folder / f"{name}.sqlite3"
    make_database(db)
    before = digest(db)

    code, out, err = _run(capsys, "check", "--db", str(db))
    assert (code, err) == (0, ""), err
    assert "integrity: ok" in out
    code, out, err = _run(capsys, "visits", "list", "--json", "--db", str(db))
    assert (code, err) == (0, ""), err
    assert len(json.loads(out)) == 2
    assert digest(db) == before  # reading changed nothing

    copy = folder / f"copy {name}.bak"
    code, out, err = _run(capsys, "backup", "-o", str(copy), "--db", str(db))
    assert (code, err) == (0, ""), err
    code, out, err = _run(capsys, "backup", "--db", str(db))
    assert (code, err) == (0, ""), err
    [rotated] = list((folder / "backups").glob("*.bak"))
    # Real copies, with the data: not 4 KB empty databases read from a stray file.
    assert _count(copy) == _count(rotated) == 2

    code, out, err = _run(capsys, "visits", "set-status", "V-2027-0001", "proposed",
                          "--reason", "ok", "--db", str(db))  # fmt: skip
    assert (code, err) == (0, ""), err
    conn = sqlite3.connect(db)
    status = conn.execute("SELECT status FROM visits WHERE code = 'V-2027-0001'").fetchone()[0]
    conn.close()
    assert status == "proposed"

    expected = {db.name, copy.name, "backups"}
    journals = {f"{db.name}-wal", f"{db.name}-shm"}
    assert expected <= {p.name for p in folder.iterdir()} <= expected | journals
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert {p.name for p in (folder / "backups").iterdir()} == {
        rotated.name,
        f"{db.name}.last-backup.json",
    }


def test_a_database_url_with_a_quoted_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "a#b?c%41"
    folder.mkdir()
    db = make_database(folder / "p.sqlite3")
    quoted = str(db).replace("%", "%25").replace("#", "%23").replace("?", "%3F")
    monkeypatch.setenv("PLANNER_DATABASE_URL", f"sqlite:///{quoted}")
    code, out, err = _run(capsys, "visits", "list", "--json")
    assert (code, err) == (0, ""), err
    assert len(json.loads(out)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]


def test_demo_and_the_window_on_a_hostile_path(tmp_path: Path) -> None:
    folder = tmp_path / "a#b?c%41 &x=y 日本 'q'"
    folder.mkdir()
    db = folder / "C:\\planner?.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")

    def planner(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "planner", *argv],
            capture_output=True, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip

    made = planner("demo", "--db", str(db))
    assert made.returncode == 0, made.stderr
    visits = _count(db)
    assert visits > 10
    ready = planner("--db", str(db), "--exit-when-ready")
    assert ready.returncode == 0, ready.stderr
    assert re.fullmatch(rf"ready visits={visits} seconds=\d+\.\d\d\n", ready.stdout)
    # The window's start-up backup is a real copy of this file.
    [auto] = list((folder / "backups").glob("*.auto.bak"))
    assert _count(auto) == visits
    names = {p.name for p in folder.iterdir()}
    assert names - {f"{db.name}-wal", f"{db.name}-shm"} == {db.name, "backups"}
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]

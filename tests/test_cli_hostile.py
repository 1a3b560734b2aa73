"""Hostile command lines: usage errors exit 2, unknown records exit 1 naming them, never a
traceback, nothing written; and what the CLI prints never carries raw control codes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from planner.cli import main
from planner.cli.common import terminal_safe
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample


@pytest.fixture
def db(db_path: Path) -> Path:
    services = open_migrated(db_path)
    make_sample(services)
    services.close()
    return db_path


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


USAGE = [
    ["paperwork", "due", "--within", "99999999999"],
    ["paperwork", "due", "--within", "9" * 5000],
    ["paperwork", "due", "--within", "-1"],
    ["paperwork", "due", "--within", "abc"],
    ["export", "event-itineraries", "abc", "--format", "ics", "-o", "{tmp}"],
    ["export", "event-itineraries", "0", "--format", "ics", "-o", "{tmp}"],
    ["export", "event-itineraries", "-5", "--format", "ics", "-o", "{tmp}"],
    ["export", "event-itineraries", "99999999999999999999", "--format", "ics", "-o", "{tmp}"],
    ["export", "event-itineraries", "9" * 5000, "--format", "ics", "-o", "{tmp}"],
    ["report", "--year", "99999999999", "--format", "html", "-o", "{tmp}/r.html"],
]


@pytest.mark.parametrize("argv", USAGE, ids=[" ".join(a)[:50] for a in USAGE])
def test_bad_arguments_are_usage_errors(
    argv: list[str], db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, _out, err = _run(capsys, ["--db", str(db), *args])
    assert code == 2, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("planner ")
    assert " error: argument " in err
    assert len(err) < 2000  # a 5,000-digit argument is not echoed back whole
    assert list(tmp_path.iterdir()) == [db]


UNKNOWN = [
    (["export", "event-itineraries", "999999", "--format", "ics", "-o", "{tmp}"],
     "no event with id 999999"),
    (["export", "itinerary", "V-2099-9999", "--format", "ics", "-o", "{tmp}/x.ics"],
     "V-2099-9999"),
    (["export", "visit", "V-2099-9999", "--format", "json", "-o", "{tmp}/x.json"],
     "V-2099-9999"),
    (["paperwork", "list", "V-2099-9999"], "V-2099-9999"),
    (["visits", "set-status", "V-2099-9999", "proposed"], "V-2099-9999"),
    (["visits", "set-status", "\x1b[2J", "proposed"], "\\x1b[2J"),
    (["import", "itinerary", "{tmp}/i.csv", "--visit", "V-2099-9999"], "V-2099-9999"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "named"), UNKNOWN, ids=[" ".join(a[0][:3]) for a in UNKNOWN])
def test_unknown_records_exit_1_naming_them_and_write_nothing(
    argv: list[str], named: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "i.csv"
    sheet.write_text("kind,title,start,end\nmeeting,x,2027-03-09 10:00,2027-03-09 11:00\n")
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    before = db.read_bytes()
    code, _out, err = _run(capsys, ["--db", str(db), *args])
    assert code == 1, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("planner: error: ") and named in err, err
    assert "\x1b" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([db.name, sheet.name])
    assert db.read_bytes() == before


def test_every_known_event_exports_or_says_why_not(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from planner.domain.entities import Event
    from planner.domain.enums import EventKind

    services = open_migrated(db_path)
    try:
        make_sample(services)
        host = services.institutions.list()[0]
        assert host.id is not None
        start = datetime(2027, 3, 10, 1, 0, tzinfo=UTC)
        services.events.create(
            Event(EventKind.SEMINAR, "Nobody comes", host.id, start, "UTC", start, "UTC")
        )
        event_ids = [e.id for e in services.events.list()]
    finally:
        services.close()
    db = db_path
    assert event_ids
    folder = tmp_path / "out"
    folder.mkdir()
    for event_id in event_ids:
        code, out, err = _run(
            capsys,
            ["--db", str(db), "export", "event-itineraries", str(event_id), "--format", "ics",
             "-o", str(folder)],
        )  # fmt: skip
        assert code == 0, err
        assert "nothing written" in out, "an export that writes nothing says so"


def _plant_hostile_names(db: Path) -> None:
    """Names as an older version or another tool may have stored them (validation now
    refuses them), with terminal escape sequences inside."""
    con = sqlite3.connect(db)
    with con:
        con.execute(
            "UPDATE people SET family_name = ?, given_name = ? WHERE email = ?",
            ("Tanaka\x1b]0;owned\x07", "Hiro\x1b[2J\x9b31m\u202e", "h.tanaka@example.jp"),
        )
    con.close()


@pytest.mark.parametrize(
    "argv",
    [["people", "list"], ["visits", "list"], ["people", "list", "--json"],
     ["visits", "list", "--json"], ["paperwork", "due", "--within", "3650"]],
)  # fmt: skip
def test_output_never_carries_raw_control_codes(
    argv: list[str], db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plant_hostile_names(db)
    code, out, err = _run(capsys, ["--db", str(db), *argv])
    assert code == 0, err
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in out and raw not in err
    if "people" in argv or "visits" in argv:
        assert "Tanaka" in out and ("\\x1b" in out or "\\u001b" in out)


def test_terminal_safe_keeps_text_and_escapes_controls() -> None:
    assert terminal_safe("田中\u3000博 Ωmega\tx\n") == "田中\u3000博 Ωmega\tx\n"
    assert terminal_safe("a\x1b[31mb") == "a\\x1b[31mb"
    assert terminal_safe("\r\x00\x7f\x9b") == "\\x0d\\x00\\x7f\\x9b"
    assert terminal_safe("\u202eevil") == "\\u202eevil"
    assert terminal_safe("\U000e0001") == "\\U000e0001"

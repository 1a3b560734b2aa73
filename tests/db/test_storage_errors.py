"""Disk full, read-only folders: one clear line, and nothing half-written."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from planner.db.backup import integrity_problems
from planner.db.errors import DiskFullError
from planner.db.models import AuditRow, PersonRow
from planner.services.container import Services
from tests.db.helpers import digest, make_database
from tests.fixtures.sample import make_sample

# As root, permission bits do not apply; dropping the capabilities that bypass them makes the
# child process meet the read-only folder exactly as an ordinary user would.
_AS_ORDINARY_USER = (
    ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--inh-caps=-all"]
    if os.geteuid() == 0
    else []
)


def _planner(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_AS_ORDINARY_USER, sys.executable, "-m", "planner", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _counts(services: Services) -> tuple[int, int]:
    with services.db.read() as session:
        people = session.scalar(select(func.count(PersonRow.id)))
        audit = session.scalar(select(func.count(AuditRow.id)))
    return int(people or 0), int(audit or 0)


def test_a_full_disk_is_reported_and_nothing_is_half_written(services: Services) -> None:
    sample = make_sample(services)
    if services.db.target.path is None:
        pytest.skip("max_page_count is an SQLite limit")
    before = _counts(services)
    with sqlite3.connect(services.db.target.path) as probe:
        pages = probe.execute("PRAGMA page_count").fetchone()[0]
    probe.close()

    # SQLite reports SQLITE_FULL when the file may not grow: the same error a full disk gives.
    def limit(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    services.db.engine.dispose()
    event.listen(services.db.engine, "connect", limit)
    big = dataclasses.replace(
        sample.tanaka, id=None, email="big@example.jp", internal_notes="x" * 20_000
    )
    with pytest.raises(DiskFullError) as info:
        services.people.create(big)
    message = str(info.value)
    assert "disk is full" in message and "not saved" in message and "\n" not in message
    assert _counts(services) == before
    assert integrity_problems(services.db.target.path) == []


def test_read_only_folder_gives_one_clear_line(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = make_database(folder / "planner.sqlite3")
    before = digest(db)
    folder.chmod(0o500)
    try:
        result = _planner("visits", "set-status", "V-2027-0001", "proposed", "--db", str(db))
        created = _planner("demo", "--db", str(folder / "new.sqlite3"))
    finally:
        folder.chmod(0o700)
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "read-only" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(db) == before
    assert created.returncode == 1, created.stderr
    assert created.stderr.count("\n") == 1 and "read-only" in created.stderr
    assert not (folder / "new.sqlite3").exists()

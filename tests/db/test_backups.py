"""Automatic, verified, private, rotated backups in ``backups/`` beside the database."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from planner.db.backup import backup_database, integrity_problems
from planner.db.errors import StorageError
from planner.db.location import sqlite_target
from planner.db.rotation import (
    backup_if_changed,
    backups_dir,
    list_backups,
    make_backup,
    newest_good_backup,
    prune_backups,
)
from planner.domain.enums import VisitStatus
from planner.services.container import Services
from tests.db.helpers import corrupt_table_page, make_database


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_is_private_verified_and_a_full_copy(db_path: Path) -> None:
    make_database(db_path)
    info = make_backup(db_path, "manual")
    assert info.path.parent == db_path.parent / "backups"
    assert _mode(info.path.parent) == 0o700
    assert _mode(info.path) == 0o600
    assert integrity_problems(info.path, quick=False) == []
    with sqlite3.connect(info.path) as conn:
        codes = sorted(r[0] for r in conn.execute("SELECT code FROM visits"))
    conn.close()
    assert codes == ["V-2027-0001", "V-2027-0002"]
    # Standalone file: reading it leaves no journals behind in the backups folder.
    assert sorted(p.name for p in info.path.parent.iterdir()) == [
        info.path.name,
        "planner.sqlite3.last-backup.json",
    ]
    assert list_backups(db_path) == [info]


def test_automatic_backup_only_when_the_data_changed(db_path: Path) -> None:
    make_database(db_path)
    first = backup_if_changed(db_path)
    assert first is not None
    # Opening and only reading changes nothing: no second backup.
    services = Services.open(sqlite_target(db_path))
    services.visits.summaries()
    services.close()
    assert backup_if_changed(db_path) is None
    # A committed change does.
    services = Services.open(sqlite_target(db_path))
    visit = services.visits.list()[0]
    assert visit.id is not None
    services.visits.set_status(visit.id, VisitStatus.PROPOSED)
    services.close()
    second = backup_if_changed(db_path)
    assert second is not None and second.created > first.created
    with sqlite3.connect(second.path) as conn:
        statuses = {r[0] for r in conn.execute("SELECT status FROM visits")}
    conn.close()
    assert "proposed" in statuses


def test_rotation_deletes_what_the_policy_drops(db_path: Path) -> None:
    make_database(db_path)
    now = datetime.now(UTC)
    for days in (200, 100, 90):
        make_backup(db_path, "auto", now=now - timedelta(days=days), prune=False)
    for minutes in range(12):
        make_backup(db_path, "auto", now=now - timedelta(minutes=minutes), prune=False)
    removed = prune_backups(db_path, now=now)
    remaining = list_backups(db_path)
    assert len(remaining) == 10
    assert len(removed) == 5
    assert all(now - b.created < timedelta(hours=1) for b in remaining)


def test_newest_good_backup_skips_a_damaged_one(db_path: Path) -> None:
    make_database(db_path)
    now = datetime.now(UTC)
    older = make_backup(db_path, "auto", now=now - timedelta(hours=2))
    newer = make_backup(db_path, "auto", now=now - timedelta(hours=1))
    corrupt_table_page(newer.path)
    assert newest_good_backup(db_path) == older


def test_backup_to_an_unwritable_place_says_so(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    with pytest.raises(StorageError, match="cannot write the backup"):
        backup_database(db_path, tmp_path / "no-such-folder" / "b.sqlite3")
    with pytest.raises(StorageError, match="onto itself"):
        backup_database(db_path, db_path)


def test_backups_dir_is_beside_the_database(tmp_path: Path) -> None:
    assert backups_dir(tmp_path / "x.sqlite3") == tmp_path / "backups"

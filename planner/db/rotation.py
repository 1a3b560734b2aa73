"""The backups folder beside a database: automatic, verified, rotated backups.

Backups live in ``backups/`` beside the database (mode 0700), one file per backup named
``<database name>.<UTC time>.<reason>.bak`` (mode 0600), so several databases can share a
folder and the names sort by time. A small JSON marker remembers what the database file
looked like after the last backup, so an automatic backup is made only when data changed.
"""

from __future__ import annotations

import glob
import json
import re
from datetime import UTC, datetime
from pathlib import Path

from planner.db.backup import PARTIAL_SUFFIX, backup_database, integrity_problems

# Re-exported: callers have long imported BackupInfo from here.
from planner.db.backup_info import BackupInfo as BackupInfo
from planner.db.files import (
    create_private_file,
    ensure_private_dir,
    held_while_writing,
    remove_if_abandoned,
    sqlite_companions,
)
from planner.db.retention import DEFAULT_POLICY, RetentionPolicy, backups_to_keep

BACKUP_DIR_NAME = "backups"
_STAMP_FORMAT = "%Y-%m-%dT%H%M%S.%fZ"
_NAME = re.compile(
    r"^(?P<db>.+)\.(?P<stamp>\d{4}-\d\d-\d\dT\d{6}\.\d{6}Z)\.(?P<reason>[a-z0-9-]+)\.bak$"
)


def backups_dir(db_path: Path) -> Path:
    """The folder holding *db_path*'s backups."""
    return db_path.parent / BACKUP_DIR_NAME


def _marker_path(db_path: Path) -> Path:
    return backups_dir(db_path) / f"{db_path.name}.last-backup.json"


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of *db_path*, newest first (files whose names are not ours are ignored)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match is None or match["db"] != db_path.name or not entry.is_file():
            continue
        created = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
        found.append(BackupInfo(entry, created, match["reason"]))
    return sorted(found, key=lambda b: b.created, reverse=True)


def fingerprint(db_path: Path) -> list[list[int]]:
    """Size and modification time of the database and its WAL: changes when data is written.

    ``PRAGMA data_version`` only sees changes within one connection's lifetime, so the file
    system is the one witness that lasts across runs. A checkpoint without new data may
    change it too; that costs one extra backup, never a missed one.
    """
    parts: list[list[int]] = []
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            st = path.stat()
        except FileNotFoundError:
            parts.append([])
            continue
        # An empty WAL holds no data; readers create and leave one without changing anything.
        parts.append([st.st_size, st.st_mtime_ns] if st.st_size else [])
    return parts


def _read_marker(db_path: Path) -> object:
    try:
        return json.loads(_marker_path(db_path).read_text(encoding="utf-8")).get("fingerprint")
    except (OSError, ValueError, AttributeError):
        return None


def _write_marker(db_path: Path, backup: BackupInfo) -> None:
    marker = _marker_path(db_path)
    tmp = marker.with_name(marker.name + ".partial")
    create_private_file(tmp)
    payload = {"fingerprint": fingerprint(db_path), "backup": backup.path.name}
    with held_while_writing(tmp):
        tmp.write_text(json.dumps(payload), encoding="utf-8")
        tmp.replace(marker)


def changed_since_last_backup(db_path: Path) -> bool:
    """True when *db_path* was written after its last backup (or has none)."""
    return _read_marker(db_path) != fingerprint(db_path) or not list_backups(db_path)


def make_backup(
    db_path: Path, reason: str, *, now: datetime | None = None, prune: bool = True
) -> BackupInfo:
    """Back up *db_path* into its backups folder (verified, 0600), then apply the rotation."""
    when = now or datetime.now(UTC)
    folder = backups_dir(db_path)
    ensure_private_dir(folder)
    name = f"{db_path.name}.{when.strftime(_STAMP_FORMAT)}.{reason}.bak"
    info = BackupInfo(backup_database(db_path, folder / name), when, reason)
    _write_marker(db_path, info)
    if prune:
        prune_backups(db_path, now=when)
    return info


def backup_if_changed(db_path: Path) -> BackupInfo | None:
    """The automatic backup at start: made only when the data changed since the last one."""
    if not db_path.exists() or not changed_since_last_backup(db_path):
        return None
    return make_backup(db_path, "auto")


def prune_backups(
    db_path: Path, *, now: datetime | None = None, policy: RetentionPolicy = DEFAULT_POLICY
) -> list[Path]:
    """Delete the backups the retention policy does not keep; returns what was deleted."""
    backups = list_backups(db_path)
    keep = backups_to_keep([b.created for b in backups], now or datetime.now(UTC), policy)
    removed: list[Path] = []
    for backup in backups:
        if backup.created not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def remove_leftovers(db_path: Path) -> list[Path]:
    """Delete what an interrupted backup or restore of *db_path* left behind.

    A kill during a backup leaves ``<backup>.partial`` in the backups folder (a copy of the
    data, so personal data), a kill during a restore ``<database>.restoring`` beside the
    database. Files another process is still writing are left alone. Returns what was removed.
    """
    candidates = [db_path.with_name(db_path.name + ".restoring")]
    # A database whose creation was interrupted (see opening): never published, so debris.
    candidates += db_path.parent.glob(f"{glob.escape(db_path.name)}.creating-*[0-9]")
    # An interrupted 'planner encrypt': the encrypted copy being built, and a second name of
    # the plain file that was to be overwritten (plain personal data: never left behind).
    candidates.append(db_path.with_name(db_path.name + ".encrypting"))
    candidates += db_path.parent.glob(f"{glob.escape(db_path.name)}.plain-*[0-9]")
    folder = backups_dir(db_path)
    if folder.is_dir():
        prefix = db_path.name + "."
        candidates += [
            entry
            for entry in folder.iterdir()
            if entry.name.startswith(prefix) and entry.name.endswith(PARTIAL_SUFFIX)
        ]
    removed = []
    for candidate in candidates:
        if candidate.is_file() and remove_if_abandoned(candidate):
            removed.append(candidate)
            for journal in sqlite_companions(candidate)[1:]:
                journal.unlink(missing_ok=True)
    return removed


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of *db_path* that passes SQLite's quick check, if any."""
    for backup in list_backups(db_path):
        if not integrity_problems(backup.path, quick=True):
            return backup
    return None

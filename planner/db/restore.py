"""Putting a backup back in place of the database, and keeping a damaged file aside."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from planner.db.backup import integrity_problems
from planner.db.backup_info import BackupInfo
from planner.db.errors import StorageError
from planner.db.files import PRIVATE_FILE_MODE, create_private_file, make_private
from planner.db.rotation import make_backup
from planner.domain.i18n import QT_TRANSLATE_NOOP

_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup now in place, and where the previous file went."""

    restored: Path
    previous_backup: BackupInfo | None  # the sound file as it was, backed up first
    damaged_copy: Path | None  # the damaged file, renamed aside untouched


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


def keep_damaged(db_path: Path, *, now: datetime | None = None) -> Path:
    """Rename the damaged *db_path* (and its journals) to ``<name>.corrupt-<UTC time>``.

    A rename never changes the bytes, so whatever can still be rescued from the file is kept
    exactly as it was; the journals move with it because they belong to that file only.
    """
    aside = db_path.with_name(f"{db_path.name}.corrupt-{_stamp(now)}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = db_path.with_name(f"{db_path.name}.corrupt-{_stamp(now)}-{counter}")
    db_path.replace(aside)
    for suffix in _COMPANION_SUFFIXES:
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + suffix))
    return aside


def _fsync_dir(folder: Path) -> None:
    # Makes the rename durable; not every platform can open a folder (Windows cannot).
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def restore_backup(db_path: Path, backup: Path, *, damaged: bool) -> RestoreResult:
    """Replace *db_path* with a verified copy of *backup*; every connection must be closed.

    The backup is checked first; a sound current file is backed up (``before-restore``), a
    *damaged* one is renamed aside untouched. The copy is written under a temporary name and
    renamed over the database in one step, so a crash leaves either the old or the new file.
    """
    problems = integrity_problems(backup, quick=False)
    if problems:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation", "the backup {backup} is damaged too ({problem}); choose another"
            ),
            params={"backup": str(backup), "problem": problems[0]},
        )
    tmp = db_path.with_name(db_path.name + ".restoring")
    try:
        create_private_file(tmp)
        shutil.copyfile(backup, tmp)
        tmp.chmod(PRIVATE_FILE_MODE)
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        previous: BackupInfo | None = None
        damaged_copy: Path | None = None
        if db_path.exists():
            if damaged:
                damaged_copy = keep_damaged(db_path)
            else:
                previous = make_backup(db_path, "before-restore", prune=False)
        # The old file's journals must not be replayed into the restored one.
        for suffix in _COMPANION_SUFFIXES:
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        tmp.replace(db_path)
        _fsync_dir(db_path.parent)
    except OSError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "could not restore {backup} to {path}: {reason}"),
            params={
                "backup": str(backup),
                "path": str(db_path),
                "reason": exc.strerror or str(exc),
            },
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    make_private(db_path)
    return RestoreResult(db_path, previous, damaged_copy)

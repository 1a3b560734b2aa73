"""Online backups with SQLite's backup API, each verified before it is trusted."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from planner.db.errors import StorageError
from planner.db.files import create_private_file, make_private


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def integrity_problems(path: Path, *, quick: bool = True) -> list[str]:
    """SQLite's own verdict on *path*: an empty list when the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            # A damaged file's report can quote names whose bytes are not UTF-8.
            conn.text_factory = _lenient_text
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def _fsync(path: Path) -> None:
    # The rename that publishes a backup must not reach the disk before its contents.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_database(source: Path, destination: Path) -> Path:
    """Copy the live database *source* to *destination* (mode 0600) and verify the copy.

    The copy is written beside *destination* under a temporary name and renamed into place
    only once SQLite's full integrity check passed, so *destination* is never half-written.
    """
    if destination.resolve() == source.resolve():
        raise StorageError(f"cannot back up {source} onto itself; choose another file")
    if destination.is_dir():
        raise StorageError(f"{destination} is a folder; give the backup a file name")
    tmp = destination.with_name(destination.name + ".partial")
    try:
        create_private_file(tmp)
    except OSError as exc:
        raise StorageError(
            f"cannot write the backup to {destination.parent}: {exc.strerror or exc}"
        ) from exc
    try:
        with (
            closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(tmp)) as dst,
        ):
            src.backup(dst)
            # A backup is a standalone file: rollback-journal mode, so reading it later
            # (verification, listing) leaves no -wal/-shm files behind in the backups folder.
            dst.execute("PRAGMA journal_mode = DELETE")
        problems = integrity_problems(tmp, quick=False)
        if problems:
            raise StorageError(f"the backup failed its integrity check: {problems[0]}")
        _fsync(tmp)
        tmp.replace(destination)
    except sqlite3.Error as exc:
        reason = "the disk is full" if "full" in str(exc) else str(exc)
        raise StorageError(f"could not back up {source}: {reason}") from exc
    except OSError as exc:
        raise StorageError(f"could not write the backup {destination}: {exc.strerror}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    make_private(destination)
    return destination

"""Online backups with SQLite's backup API, each verified before it is trusted."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from planner.db.errors import StorageError
from planner.db.files import create_private_file, make_private


def integrity_problems(path: Path, *, quick: bool = True) -> list[str]:
    """SQLite's own verdict on *path*: an empty list when the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def backup_database(source: Path, destination: Path) -> Path:
    """Copy the live database *source* to *destination* (mode 0600) and verify the copy."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_name(destination.name + ".partial")
    create_private_file(tmp)
    try:
        with (
            closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(tmp)) as dst,
        ):
            src.backup(dst)
        problems = integrity_problems(tmp, quick=False)
        if problems:
            raise StorageError(f"the backup failed its integrity check: {problems[0]}")
        tmp.replace(destination)
    except sqlite3.Error as exc:
        raise StorageError(f"could not back up {source}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    make_private(destination)
    return destination

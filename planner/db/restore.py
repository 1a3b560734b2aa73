"""Putting a backup back in place of the database, and keeping a damaged file aside."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from planner.db.backup import integrity_problems
from planner.db.backup_info import BackupInfo
from planner.db.cipher import (
    connect,
    driver_errors,
    file_key,
    is_database_file,
)
from planner.db.engine import BUSY_TIMEOUT_MS
from planner.db.errors import StorageError, environment_error
from planner.db.files import (
    PRIVATE_FILE_MODE,
    create_private_file,
    fsync_dir,
    held_while_writing,
    make_private,
)
from planner.db.location import sqlite_uri
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


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _copy_into_main(conn: sqlite3.Connection) -> None:
    """Replace everything in ``main`` with the schema and rows of ``restoring``.

    Runs inside the caller's write transaction: other connections see the old contents or
    the restored ones, never a mixture, and their writes wait for the commit.
    """
    old = conn.execute(
        "SELECT type, name FROM main.sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    # Views and triggers first; dropping a table drops its indexes and triggers with it.
    for kind in ("view", "trigger", "table"):
        for obj_type, name in old:
            if obj_type == kind:
                conn.execute(f"DROP {kind.upper()} IF EXISTS main.{_quoted(name)}")
    new = conn.execute(
        "SELECT type, name, sql FROM restoring.sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    ).fetchall()
    for obj_type, name, sql in new:
        if obj_type == "table":
            conn.execute(sql)
            # The table name is a quoted identifier, not text from a user.
            table = _quoted(name)
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM restoring.{table}")  # noqa: S608
    internal = {
        r[0] for r in conn.execute("SELECT name FROM restoring.sqlite_master WHERE type='table'")
    }
    if "sqlite_sequence" in internal:
        conn.execute("DELETE FROM main.sqlite_sequence")
        conn.execute("INSERT INTO main.sqlite_sequence SELECT * FROM restoring.sqlite_sequence")
    # Indexes after the rows (faster), triggers last so that copying fires none of them.
    for kind in ("index", "view", "trigger"):
        for obj_type, _name, sql in new:
            if obj_type == kind:
                conn.execute(sql)
    version = conn.execute("PRAGMA restoring.user_version").fetchone()[0]
    conn.execute(f"PRAGMA main.user_version = {int(version)}")


def _restore_live(db_path: Path, backup: Path) -> BackupInfo:
    """Restore *backup* into the live *db_path* under SQLite's write lock; returns the
    ``before-restore`` backup.

    The file is never renamed or replaced, so a program that has it open keeps using the
    same file and sees the restored data. ``BEGIN IMMEDIATE`` takes SQLite's write lock
    first: from then on no other connection can commit, so the before-restore backup
    (read by another connection, which a writer's lock does not block) holds every write
    acknowledged before the restore, and writes after it wait and land in the restored data.
    """
    main_key, backup_key = file_key(db_path), file_key(backup)
    if main_key is None and backup_key is not None:
        # SQLCipher's driver reads the plain file too; only it can attach the encrypted one.
        main_key = ""
    conn = connect(
        db_path,
        mode="rw",
        key=main_key,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    try:
        # The replaced rows hold personal data: overwrite their pages, as the application does.
        conn.execute("PRAGMA secure_delete = ON")
        if main_key is None:
            conn.execute("ATTACH DATABASE ? AS restoring", (sqlite_uri(backup, mode="ro"),))
        else:
            # SQLCipher: KEY '' attaches a plain backup into an encrypted database (its rows
            # are encrypted as they are copied), the key an encrypted one.
            conn.execute(
                "ATTACH DATABASE ? AS restoring KEY ?",
                (sqlite_uri(backup, mode="ro"), backup_key or ""),
            )
        conn.execute("BEGIN IMMEDIATE")
        try:
            previous = make_backup(db_path, "before-restore", prune=False)
            _copy_into_main(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE restoring")
    finally:
        conn.close()
    return previous


def _is_sound(path: Path) -> bool:
    try:
        sound = is_database_file(path)
    except OSError:
        return False
    return sound and not integrity_problems(path, quick=True)


def restore_backup(db_path: Path, backup: Path, *, damaged: bool) -> RestoreResult:
    """Put a verified copy of *backup* in place of *db_path*.

    The backup is checked first. A sound current file is restored *in place*, under SQLite's
    own write lock, after a ``before-restore`` backup taken inside that lock (see
    :func:`_restore_live`): other programs with the file open lose no acknowledged write. A
    *damaged* file (or an empty or headerless one) is renamed aside untouched and the copy,
    written under a temporary name, renamed in its place in one step.
    """
    problems = integrity_problems(backup, quick=False)
    if problems:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation", "the backup {backup} is damaged too ({problem}); choose another"
            ),
            params={"backup": str(backup), "problem": problems[0]},
        )
    if db_path.exists() and not damaged and _is_sound(db_path):
        try:
            previous = _restore_live(db_path, backup)
        except driver_errors() as exc:
            error = environment_error(exc, str(db_path), writing=True)
            if error is not None:
                raise error from exc
            raise StorageError(
                QT_TRANSLATE_NOOP("Validation", "could not restore {backup} to {path}: {reason}"),
                params={"backup": str(backup), "path": str(db_path), "reason": str(exc)},
            ) from exc
        make_private(db_path)
        return RestoreResult(db_path, previous, None)
    return _replace_file(db_path, backup)


def _replace_file(db_path: Path, backup: Path) -> RestoreResult:
    tmp = db_path.with_name(db_path.name + ".restoring")
    try:
        create_private_file(tmp)
        with held_while_writing(tmp):
            shutil.copyfile(backup, tmp)
            tmp.chmod(PRIVATE_FILE_MODE)
            with tmp.open("rb") as handle:
                os.fsync(handle.fileno())
            damaged_copy: Path | None = None
            if db_path.exists():
                damaged_copy = keep_damaged(db_path)
            # The old file's journals must not be replayed into the restored one.
            for suffix in _COMPANION_SUFFIXES:
                db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
            tmp.replace(db_path)
        fsync_dir(db_path.parent)
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
    return RestoreResult(db_path, None, damaged_copy)

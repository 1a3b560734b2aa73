"""Online backups with SQLite's backup API, each verified before it is trusted."""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path

from planner.db.cipher import connect, driver_errors, file_key, is_database_file
from planner.db.errors import (
    StorageError,
    StorageProblem,
    classify,
    disk_problem,
    storage_error,
)
from planner.db.files import create_private_file, held_while_writing, make_private
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message

#: The first 16 bytes of every SQLite database file.
SQLITE_MAGIC = b"SQLite format 3\x00"


#: The suffix of a backup being written; one left behind was interrupted (see rotation).
PARTIAL_SUFFIX = ".partial"


def read_header(path: Path) -> bytes:
    """The first bytes of *path*, as many as the SQLite header has (fewer if it is shorter)."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC))


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def integrity_problems(path: Path, *, quick: bool = True) -> list[str]:
    """SQLite's own verdict on *path*: an empty list when the file is sound.

    An encrypted file is opened with its key (a missing or wrong key is raised, not called
    damage); its full check also verifies every page's HMAC (``cipher_integrity_check``).
    """
    pragma = "quick_check" if quick else "integrity_check"
    key = file_key(path)
    try:
        with closing(connect(path, mode="ro", key=key)) as conn:
            # A damaged file's report can quote names whose bytes are not UTF-8.
            conn.text_factory = _lenient_text
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            if key is not None and not quick:
                # Lists the pages whose authentication failed; nothing when all pass.
                rows += conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except UnicodeDecodeError as exc:
        # SQLite's own message quoted non-UTF-8 bytes (a damaged name): Python could not
        # even build the error. The bytes are in the exception; show them safely.
        return [_lenient_text(exc.object if isinstance(exc.object, bytes) else bytes(exc.object))]
    except driver_errors() as exc:
        problem = classify(exc)
        if problem not in (None, StorageProblem.CORRUPT, StorageProblem.NOT_A_DATABASE):
            # Busy, read-only, a full disk, an I/O error: the environment, not damage. Calling
            # it damage would advise a restore that cannot help (and a full disk may not even
            # let SQLite create its -shm file to read a healthy database).
            raise storage_error(disk_problem(problem, path), str(path)) from exc
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
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation", "cannot back up {source} onto itself; choose another file"
            ),
            params={"source": str(source)},
        )
    if destination.is_dir():
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation", "{destination} is a folder; give the backup a file name"
            ),
            params={"destination": str(destination)},
        )
    try:
        sound_header = is_database_file(source)
        # A backup of an encrypted database is encrypted with the same key.
        key = file_key(source) if sound_header else None
    except OSError:
        sound_header, key = False, None
    if not sound_header:
        # An empty or overwritten file would "back up" as a valid empty database and push
        # good backups out of the rotation.
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{source} was not backed up: it is empty or not a database (run 'planner check')",
            ),
            params={"source": str(source)},
        )
    tmp = destination.with_name(destination.name + PARTIAL_SUFFIX)
    try:
        create_private_file(tmp)
    except OSError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "cannot write the backup to {folder}: {reason}"),
            params={"folder": str(destination.parent), "reason": exc.strerror or str(exc)},
        ) from exc
    try:
        # Held until the rename: a clean-up at another start must not take it for debris.
        with held_while_writing(tmp):
            with (
                closing(connect(source, mode="ro", key=key)) as src,
                closing(connect(tmp, mode="rw", key=key, like=source)) as dst,
            ):
                src.backup(dst)
                # A backup is a standalone file: rollback-journal mode, so reading it later
                # (verification, listing) leaves no -wal/-shm files behind in the backups folder.
                dst.execute("PRAGMA journal_mode = DELETE")
            problems = integrity_problems(tmp, quick=False)
            if problems:
                raise StorageError(
                    QT_TRANSLATE_NOOP(
                        "Validation", "the backup failed its integrity check: {problem}"
                    ),
                    params={"problem": problems[0]},
                )
            _fsync(tmp)
            tmp.replace(destination)
    except driver_errors() as exc:
        full = classify(exc) is StorageProblem.FULL
        reason = Message(QT_TRANSLATE_NOOP("Validation", "the disk is full")) if full else str(exc)
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "could not back up {source}: {reason}"),
            params={"source": str(source), "reason": reason},
        ) from exc
    except OSError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "could not write the backup {destination}: {reason}"),
            params={"destination": str(destination), "reason": exc.strerror or str(exc)},
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    make_private(destination)
    return destination

"""``planner encrypt``: turning a plain SQLite file into an SQLCipher file, and its backups too.

The plain file is backed up (verified) first, copied into a new encrypted file with
SQLCipher's ``sqlcipher_export`` while nobody can write, the copy verified (integrity, page
authentication, the same rows in every table), and published in place of the plain file in
one rename. The plain file's bytes are then overwritten, and so are the plain backups once
each has an encrypted, verified replacement: no readable copy is left in the data folder.
"""

from __future__ import annotations

import contextlib
import os
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from planner.db.backup import PARTIAL_SUFFIX, integrity_problems
from planner.db.backup_info import BackupInfo
from planner.db.cipher import (
    SQLITE_MAGIC,
    connect,
    driver_errors,
    ensure_key,
    file_key,
    header_of,
    looks_encrypted,
    open_file,
)
from planner.db.errors import CorruptDatabaseError, StorageError, environment_error
from planner.db.files import create_private_file, fsync_dir, held_while_writing, make_private
from planner.db.location import sqlite_uri
from planner.db.rotation import list_backups, make_backup, newest_good_backup
from planner.db.sealing import seal_folder
from planner.domain.i18n import QT_TRANSLATE_NOOP

#: The suffix of the encrypted copy being built beside the database.
ENCRYPTING_SUFFIX = ".encrypting"


@dataclass(frozen=True)
class EncryptionResult:
    """What ``planner encrypt`` did."""

    path: Path
    #: The verified backup taken first (itself encrypted by the end); None when the file was
    #: encrypted already and only an interrupted run's backups and attachments were left.
    backup: BackupInfo | None
    backups_encrypted: int  # plain backups in the backups folder replaced by encrypted ones
    attachments_sealed: int  # plain attachment copies replaced by sealed ones


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _row_counts(conn: object, schema: str) -> dict[str, int]:
    execute = conn.execute  # type: ignore[attr-defined]
    tables = [
        row[0]
        for row in execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "  # noqa: S608
            "AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        # The table name is a quoted identifier from the file's own schema.
        table: execute(f"SELECT count(*) FROM {schema}.{_quoted(table)}").fetchone()[0]  # noqa: S608
        for table in tables
    }


def export_encrypted(source: Path, destination: Path, key: str) -> None:
    """Write an encrypted copy of the plain *source* to *destination* (new or empty), verified.

    Verified means: SQLite's full integrity check and SQLCipher's page authentication pass,
    and every table holds as many rows as in *source*. The schema version is copied too
    (``sqlcipher_export`` leaves ``user_version`` out).
    """
    with closing(connect(source, mode="ro", key="", isolation_level=None)) as conn:
        conn.execute(
            "ATTACH DATABASE ? AS encrypted KEY ?", (sqlite_uri(destination, mode="rw"), key)
        )
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
        conn.execute(f"PRAGMA encrypted.user_version = {version}")
        expected, copied = _row_counts(conn, "main"), _row_counts(conn, "encrypted")
        conn.execute("DETACH DATABASE encrypted")
    problems = integrity_problems(destination, quick=False)
    if not problems and copied != expected:
        problems = ["the encrypted copy does not hold the same rows"]
    if problems:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "the encrypted copy failed its check ({problem}); {path} was left unchanged",
            ),
            params={"problem": problems[0], "path": str(source)},
        )
    with destination.open("rb") as handle:
        os.fsync(handle.fileno())


def scrub(path: Path) -> None:
    """Overwrite *path*'s bytes with zeros, then delete it.

    On a disk that rewrites in place this removes the plain data; on an SSD or a
    copy-on-write file system old blocks may survive (the README says so).
    """
    with contextlib.suppress(FileNotFoundError):
        size = path.stat().st_size
        with path.open("r+b") as handle:
            block = b"\x00" * (1 << 20)
            written = 0
            while written < size:
                written += handle.write(block[: min(len(block), size - written)])
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()


def _replace_with_encrypted(path: Path, key: str, suffix: str) -> None:
    """Build the encrypted copy of *path* beside it, then swap it in and scrub the plain one."""
    tmp = path.with_name(path.name + suffix)
    create_private_file(tmp)
    try:
        with held_while_writing(tmp):
            export_encrypted(path, tmp, key)
            # A second name for the plain file, so its bytes can be scrubbed once replaced.
            plain = path.with_name(f"{path.name}.plain-{os.getpid()}")
            plain.unlink(missing_ok=True)
            os.link(path, plain)
            tmp.replace(path)
            fsync_dir(path.parent)
            scrub(plain)
    finally:
        tmp.unlink(missing_ok=True)
    make_private(path)


def _in_use(path: Path) -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP(
            "Validation",
            "{path} is in use by another program (a window or a command); close it and run "
            "'planner encrypt' again",
        ),
        params={"path": str(path)},
    )


def _take_sole_writer(path: Path) -> object:
    """A connection that alone may write *path* until it is closed, in rollback-journal mode.

    Leaving WAL mode needs the file to itself: it fails while any other program has it open,
    which is exactly the refusal wanted. ``BEGIN IMMEDIATE`` then keeps writers out (readers,
    such as the backup and the export, may still read).
    """
    # A few seconds: a command that is just finishing may still hold the file briefly.
    conn = connect(path, mode="rw", isolation_level=None, timeout=5)
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise _in_use(path)
        conn.execute("BEGIN IMMEDIATE")
    except driver_errors() as exc:
        conn.close()
        error = environment_error(exc, str(path), path=path)
        raise (
            _in_use(path) if error is None or error.kind in ("busy", "locked") else error
        ) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _encrypt_the_rest(path: Path, key: str, attachments: Path | None) -> tuple[int, int]:
    """Encrypt the plain backups of *path* and seal the plain attachments; how many of each."""
    encrypted = 0
    for info in list_backups(path):
        if not looks_encrypted(info.path):
            _replace_with_encrypted(info.path, key, PARTIAL_SUFFIX)
            encrypted += 1
    sealed = seal_folder(attachments, key) if attachments is not None else 0
    return encrypted, sealed


def encrypt_database(path: Path, attachments: Path | None = None) -> EncryptionResult:
    """Turn the plain SQLite database *path* into an SQLCipher file with the database key.

    The key is ``PLANNER_DATABASE_KEY``, else the keychain's; when there is none, a random
    key is made and kept in the keychain. Refused (nothing changed) when the file is damaged
    or open in another program. The files in the *attachments* folder are sealed with the
    same key. On a file already encrypted it finishes what an interrupted run left (plain
    backups, plain attachments), or says there is nothing to do.
    """
    if looks_encrypted(path):
        key = file_key(path)
        assert key is not None  # looks_encrypted: file_key raised when there is none
        open_file(path).close()  # the key must open it before it encrypts anything else
        encrypted, sealed = _encrypt_the_rest(path, key, attachments)
        if not (encrypted or sealed):
            raise StorageError(
                QT_TRANSLATE_NOOP("Validation", "{path} is already encrypted"),
                params={"path": str(path)},
            )
        return EncryptionResult(path, None, encrypted, sealed)
    header, _size = header_of(path)
    problems = ["it does not start like a database"] if header != SQLITE_MAGIC else []
    problems = problems or integrity_problems(path, quick=False)
    if problems:
        raise CorruptDatabaseError(path, problems[0], newest_good_backup(path))
    key = ensure_key()
    writer = _take_sole_writer(path)
    try:
        for journal in ("-wal", "-shm"):
            path.with_name(path.name + journal).unlink(missing_ok=True)
        backup = make_backup(path, "before-encrypt", prune=False)
        _replace_with_encrypted(path, key, ENCRYPTING_SUFFIX)
    finally:
        writer.close()  # type: ignore[attr-defined]
    encrypted, sealed = _encrypt_the_rest(path, key, attachments)
    return EncryptionResult(path, backup, encrypted, sealed)

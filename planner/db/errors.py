"""Storage errors that are the environment's fault (bad file, newer schema, disk), not bugs."""

from __future__ import annotations

import shutil
from enum import StrEnum
from pathlib import Path

from planner.db.backup_info import BackupInfo
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message


class StorageError(PlannerError):
    """The database cannot be used as it is; the message says why and what to do."""

    # Set when the error was classified from a driver error (see classify below).
    kind: StorageProblem | None = None


class NotADatabaseError(StorageError):
    """The file exists but is not an SQLite database (or is damaged beyond opening)."""


class NewerSchemaError(StorageError):
    """The file was written by a newer version of the application."""


class CorruptDatabaseError(StorageError):
    """SQLite's integrity check failed; carries the newest good backup, if there is one."""

    def __init__(self, path: Path, problem: str, backup: BackupInfo | None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        if backup is None:
            advice = Message(QT_TRANSLATE_NOOP("Validation", "no good backup was found beside it"))
        else:
            advice = Message(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "the newest good backup is {backup} from {label} (restore it with "
                    "'planner restore {backup}'; changes made after that time are lost)",
                ),
                {"backup": str(backup.path), "label": backup.label},
            )
        super().__init__(
            QT_TRANSLATE_NOOP("Validation", "{path} is damaged ({problem}); {advice}"),
            params={"path": str(path), "problem": problem, "advice": advice},
        )


class DamagedFileError(CorruptDatabaseError, NotADatabaseError):
    """The file is empty or lacks the SQLite header: damage, never a new database."""


class DiskFullError(StorageError):
    """A write failed because the disk (or the database's size limit) is full."""


class ReadOnlyError(StorageError):
    """The database file or its folder cannot be written."""


class StorageProblem(StrEnum):
    """What the environment did to a database operation: each has a message and advice."""

    BUSY = "busy"
    LOCKED = "locked"
    READ_ONLY = "read-only"
    FULL = "full"
    IO = "io"
    CORRUPT = "corrupt"
    NOT_A_DATABASE = "not-a-database"
    CANNOT_OPEN = "cannot-open"
    #: The team server's roles do not allow it (a viewer saving, an assistant's passport).
    NOT_PERMITTED = "not-permitted"


# SQLite primary result codes (https://sqlite.org/rescode.html); the extended code's low byte.
_SQLITE_CODES: dict[int, StorageProblem] = {
    3: StorageProblem.READ_ONLY,  # SQLITE_PERM: the operating system refused access
    5: StorageProblem.BUSY,  # SQLITE_BUSY
    6: StorageProblem.LOCKED,  # SQLITE_LOCKED
    8: StorageProblem.READ_ONLY,  # SQLITE_READONLY
    10: StorageProblem.IO,  # SQLITE_IOERR
    11: StorageProblem.CORRUPT,  # SQLITE_CORRUPT
    13: StorageProblem.FULL,  # SQLITE_FULL
    14: StorageProblem.CANNOT_OPEN,  # SQLITE_CANTOPEN
    22: StorageProblem.FULL,  # SQLITE_NOLFS: the file outgrew what the file system allows
    26: StorageProblem.NOT_A_DATABASE,  # SQLITE_NOTADB
}

# PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
_SQLSTATES: dict[str, StorageProblem] = {
    "53100": StorageProblem.FULL,  # disk_full
    "53300": StorageProblem.CANNOT_OPEN,  # too_many_connections
    "57P01": StorageProblem.CANNOT_OPEN,  # admin_shutdown
    "57P02": StorageProblem.CANNOT_OPEN,  # crash_shutdown
    "57P03": StorageProblem.CANNOT_OPEN,  # cannot_connect_now
    "3D000": StorageProblem.CANNOT_OPEN,  # invalid_catalog_name: no such database
    "25006": StorageProblem.READ_ONLY,  # read_only_sql_transaction (e.g. a standby)
    "42501": StorageProblem.NOT_PERMITTED,  # insufficient_privilege
    "40001": StorageProblem.BUSY,  # serialization_failure
    "40P01": StorageProblem.LOCKED,  # deadlock_detected
    "55P03": StorageProblem.LOCKED,  # lock_not_available
    "58030": StorageProblem.IO,  # io_error
    "XX001": StorageProblem.CORRUPT,  # data_corrupted
    "XX002": StorageProblem.CORRUPT,  # index_corrupted
}
# Whole SQLSTATE classes: 08 connection exception, 28 invalid authorization.
_SQLSTATE_CLASSES: dict[str, StorageProblem] = {
    "08": StorageProblem.CANNOT_OPEN,
    "28": StorageProblem.CANNOT_OPEN,
}


def _driver_error(exc: BaseException) -> BaseException:
    # SQLAlchemy wraps the driver's exception; the codes live on the original.
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


def classify(exc: BaseException) -> StorageProblem | None:
    """The environment problem behind *exc*, by its error code; None when it is a bug.

    SQLite errors are read by their result code (``sqlite_errorcode``), PostgreSQL errors by
    their SQLSTATE (psycopg's ``sqlstate``, psycopg2's ``pgcode``); SQLAlchemy's wrappers
    are looked through (``.orig``). Message texts are never read: they change between
    versions and languages. Anything without a known code (a constraint violated, SQL that
    does not parse, a programming error) is not the environment's fault and yields None.
    """
    error = _driver_error(exc)
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_CODES.get(code & 0xFF)
    state = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
    if isinstance(state, str) and state:
        return _SQLSTATES.get(state) or _SQLSTATE_CLASSES.get(state[:2])
    # psycopg reports a connection that never came up (refused, unknown host, timed out)
    # as an OperationalError without a SQLSTATE: the server never answered.
    if type(error).__module__.startswith("psycopg") and type(error).__name__ in (
        "OperationalError",
        "ConnectionTimeout",
    ):
        return StorageProblem.CANNOT_OPEN
    return None


#: Below this much free space, an I/O error is taken for a full disk (SQLite reports a
#: -shm file it could not grow, or a write cut short, as an I/O error, not as "full").
LOW_SPACE_BYTES = 1024 * 1024


def disk_problem(problem: StorageProblem, path: Path | None) -> StorageProblem:
    """*problem*, or FULL when it is an I/O failure and the disk at *path* is (nearly) full."""
    if problem not in (StorageProblem.IO, StorageProblem.CANNOT_OPEN) or path is None:
        return problem
    folder = path if path.is_dir() else path.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return problem
    return StorageProblem.FULL if free < LOW_SPACE_BYTES else problem


# Messages for a write that was refused: the transaction was rolled back as a whole.
_WRITE_MESSAGES: dict[StorageProblem, str] = {
    StorageProblem.FULL: QT_TRANSLATE_NOOP(
        "Validation",
        "the disk is full or the database reached its size limit ({where}); "
        "the change was not saved and nothing was half-written: free some space and retry",
    ),
    StorageProblem.READ_ONLY: QT_TRANSLATE_NOOP(
        "Validation", "the database cannot be written ({where}); the change was not saved"
    ),
    StorageProblem.BUSY: QT_TRANSLATE_NOOP(
        "Validation",
        "the database is busy in another program ({where}); the change was not saved, "
        "try again in a moment",
    ),
}
_WRITE_MESSAGES[StorageProblem.LOCKED] = _WRITE_MESSAGES[StorageProblem.BUSY]
_WRITE_MESSAGES[StorageProblem.NOT_PERMITTED] = QT_TRANSLATE_NOOP(
    "Validation",
    "your login on {where} is not allowed to make this change (your role does not include "
    "it; ask an administrator); the change was not saved",
)

# Messages for any other operation (a read, a command, an action in the window).
_MESSAGES: dict[StorageProblem, str] = {
    StorageProblem.BUSY: QT_TRANSLATE_NOOP(
        "Validation", "the database is busy in another program ({where}); try again in a moment"
    ),
    StorageProblem.FULL: QT_TRANSLATE_NOOP(
        "Validation",
        "the disk is full or the database reached its size limit ({where}); nothing was saved: "
        "free some space and retry",
    ),
    StorageProblem.READ_ONLY: QT_TRANSLATE_NOOP(
        "Validation",
        "the database cannot be written ({where}); nothing was saved: make the file and its "
        "folder writable",
    ),
    StorageProblem.IO: QT_TRANSLATE_NOOP(
        "Validation",
        "the disk could not read or write the database ({where}); nothing was saved: check the "
        "disk and retry",
    ),
    StorageProblem.CORRUPT: QT_TRANSLATE_NOOP(
        "Validation",
        "the database is damaged ({where}); run 'planner check' to find the newest good backup "
        "and restore it",
    ),
    StorageProblem.NOT_A_DATABASE: QT_TRANSLATE_NOOP(
        "Validation",
        "the file is not a database or is damaged beyond opening ({where}); check that it is "
        "the right file",
    ),
    StorageProblem.CANNOT_OPEN: QT_TRANSLATE_NOOP(
        "Validation",
        "the database cannot be opened ({where}); check that the file and its folder exist and "
        "can be read, or that the server is reachable",
    ),
}
_MESSAGES[StorageProblem.LOCKED] = _MESSAGES[StorageProblem.BUSY]
_MESSAGES[StorageProblem.NOT_PERMITTED] = QT_TRANSLATE_NOOP(
    "Validation",
    "your login on {where} is not allowed to do this (your role does not include it; ask an "
    "administrator); nothing was changed",
)

_ERROR_TYPES: dict[StorageProblem, type[StorageError]] = {
    StorageProblem.FULL: DiskFullError,
    StorageProblem.READ_ONLY: ReadOnlyError,
    StorageProblem.NOT_A_DATABASE: NotADatabaseError,
}

#: The place named when the caller does not know which database failed (the window).
UNKNOWN_PLACE = Message(QT_TRANSLATE_NOOP("Validation", "the open database"))


def storage_error(
    problem: StorageProblem, where: str = UNKNOWN_PLACE, *, writing: bool = False
) -> StorageError:
    """The translatable error a person reads for *problem* at *where*.

    *writing*: the failed operation was a write transaction, which was rolled back whole.
    """
    template = (_WRITE_MESSAGES.get(problem) if writing else None) or _MESSAGES[problem]
    error = _ERROR_TYPES.get(problem, StorageError)(template, params={"where": where})
    error.kind = problem
    return error


def environment_error(
    exc: BaseException,
    where: str = UNKNOWN_PLACE,
    *,
    writing: bool = False,
    path: Path | None = None,
) -> StorageError | None:
    """*exc* as a :class:`StorageError` when the environment caused it, else None (a bug).

    *path*: the database file, when known, so that an I/O error on a full disk is called
    "disk full" (see :func:`disk_problem`).
    """
    problem = classify(exc)
    if problem is None:
        return None
    return storage_error(disk_problem(problem, path), where, writing=writing)

"""One desktop application per database file, with QLockFile and its stale-lock recovery."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QLockFile

from planner.db.files import make_private
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP

#: How long to wait for a lock that is being released right now (a closing instance).
TRY_LOCK_MS = 200


class DatabaseInUseError(PlannerError):
    """Another running instance holds the database; the message names it (host, pid)."""


def lock_path(db_path: Path) -> Path:
    """The lock file beside the database, e.g. ``planner.sqlite3.lock``."""
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """The lock of one database file, held for as long as the window is open.

    ``setStaleLockTime(0)`` is what Qt's documentation prescribes for a long-lived lock: the
    lock never expires by age (a window may stay open for days), yet a lock whose process no
    longer runs on this host (killed, crashed) is recognised as stale and taken over.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        """Take the lock, or raise :class:`DatabaseInUseError` naming who holds it."""
        if self._lock.tryLock(TRY_LOCK_MS):
            make_private(self.path)
            return
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            template, params = self._holder()
            raise DatabaseInUseError(template, params=params)
        raise DatabaseInUseError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "cannot create the lock file {path} (is the folder writable?); "
                "the database was not opened",
            ),
            params={"path": str(self.path)},
        )

    def holder_message(self) -> str:
        """Who holds the lock, for the refusal message (English)."""
        template, params = self._holder()
        return template.format(**params)

    def _holder(self) -> tuple[str, dict[str, object]]:
        """The refusal as a template (translated where shown) and its parameters."""
        info = self._lock.getLockInfo()
        db_name = self.path.name.removesuffix(".lock")
        if isinstance(info, tuple) and len(info) == 3:
            pid, host, app = info
            template = QT_TRANSLATE_NOOP(
                "Validation",
                "{db} is already open in another Exchange Visit Planner{program} on host "
                "{host}, process id {pid}; close that window first",
            )
            return template, {
                "db": db_name,
                "program": f" ({app})" if app else "",
                "host": host or QT_TRANSLATE_NOOP("Validation", "unknown"),
                "pid": pid,
            }
        return (
            QT_TRANSLATE_NOOP(
                "Validation",
                "{db} is already open in another Exchange Visit Planner; close it first",
            ),
            {"db": db_name},
        )

    def release(self) -> None:
        """Give the lock up (removes the lock file)."""
        with contextlib.suppress(RuntimeError):
            self._lock.unlock()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

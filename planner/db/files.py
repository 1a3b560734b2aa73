"""Private files and folders: the data is personal, so only its owner may read it."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def fsync_dir(folder: Path) -> None:
    """Make a rename or unlink in *folder* durable (its directory entry reaches the disk).

    Not every platform can open a folder (Windows cannot): there it is a no-op.
    """
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def ensure_private_dir(path: Path) -> None:
    """Create *path* (and parents) and make the leaf folder 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    path.chmod(PRIVATE_DIR_MODE)


def create_private_file(path: Path) -> None:
    """Create *path* empty with mode 0600 if it does not exist; tighten it if it does."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE)
    os.close(fd)
    path.chmod(PRIVATE_FILE_MODE)


def make_private(path: Path) -> None:
    """Set mode 0600 on *path* if it exists (SQLite's -wal and -shm files, backups)."""
    with contextlib.suppress(FileNotFoundError):
        path.chmod(PRIVATE_FILE_MODE)


def sqlite_companions(path: Path) -> list[Path]:
    """The database file and the journal files SQLite keeps beside it."""
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


@contextlib.contextmanager
def held_while_writing(path: Path) -> Iterator[None]:
    """Mark *path* as being written by this process until the block ends.

    An advisory ``flock`` on the file says "in use"; :func:`remove_if_abandoned` leaves such a
    file alone, so the clean-up at start never deletes another process's backup in progress.
    Where ``flock`` does not exist (Windows), an open file cannot be deleted anyway.
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def remove_if_abandoned(path: Path) -> bool:
    """Delete *path* unless a process holds it (see :func:`held_while_writing`)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False
        # Private while it still exists (it may hold personal data), then gone.
        make_private(path)
        try:
            path.unlink()
        except OSError:
            return False
        return True
    finally:
        os.close(fd)

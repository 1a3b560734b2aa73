"""Atomic file writes: a failed export leaves neither a half file nor a damaged old one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP

#: Exports carry personal data: only the owner may read them.
EXPORT_MODE = 0o600


class ExportError(PlannerError):
    """An export could not be written; the message says why, in one line."""


def _cannot_write(target: Path, exc: OSError) -> ExportError:
    return ExportError(
        QT_TRANSLATE_NOOP("Validation", "cannot write {path}: {reason}"),
        params={"path": str(target), "reason": exc.strerror or str(exc)},
    )


def atomic_write(path: Path, data: bytes) -> Path:
    """Write *data* to *path* all at once, mode 0600.

    The bytes go to a temporary file in the same folder (so the final rename never crosses a
    file system), are flushed to disk, and only then replace *path*. Any failure removes the
    temporary file, leaves an existing *path* untouched and raises :class:`ExportError`.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Validation", "cannot write {path}: the folder {folder} does not exist"
            ),
            params={"path": str(target), "folder": str(folder)},
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            # mkstemp already creates 0600; say it explicitly where the platform allows.
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), EXPORT_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _cannot_write(target, exc) from exc
    # The rename itself must survive a crash: sync the folder (not possible on Windows).
    with contextlib.suppress(OSError, AttributeError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return target

"""Where a database should not live: cloud-synced folders and network shares.

Sync clients copy a live SQLite file while it is being written (and keep old copies on their
servers); network file systems often break SQLite's locking. Both risk corruption and put
personal data somewhere the coordinator did not choose. The functions here are pure (they
take the mount table as text) so they can be tested for every platform on any platform.
"""

from __future__ import annotations

import sys
from pathlib import PurePath, PurePosixPath

from planner.domain.i18n import QT_TRANSLATE_NOOP, Message

#: Folder names that sync clients use; compared case-insensitively against path parts.
SYNC_FOLDERS = ("dropbox", "onedrive", "google drive", "googledrive", "icloud drive",
                "mobile documents", "icloudrive", "box sync", "nextcloud", "owncloud")  # fmt: skip
#: File-system types (from /proc/mounts) that are network shares.
NETWORK_FS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs",
                        "afs", "9p", "ncpfs", "fuse.rclone", "davfs", "fuse.davfs2"})  # fmt: skip

ADVICE = QT_TRANSLATE_NOOP(
    "Validation",
    "keep the database on this computer's own disk, or, to share it with colleagues, use the "
    "shared server mode (PLANNER_DATABASE_URL=postgresql+psycopg://...)",
)


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes spaces, tabs and backslashes in paths as octal escapes.
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def mount_fs_type(path: PurePosixPath, mounts_text: str) -> str | None:
    """The file-system type of the mount holding *path*, from /proc/mounts' text."""
    best: tuple[int, str] | None = None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = PurePosixPath(_unescape_mount(fields[1]))
        if path == mount_point or mount_point in path.parents:
            depth = len(mount_point.parts)
            if best is None or depth > best[0]:
                best = (depth, fields[2])
    return best[1] if best else None


def location_warning(
    path: PurePath, *, platform: str | None = None, mounts_text: str | None = None
) -> str | None:
    """A one-line warning if *path* is in a cloud-synced folder or on a network share.

    The warning is a :class:`~planner.domain.i18n.Message` (English text; the interface shows
    it translated with ``message_text``).
    """
    platform = sys.platform if platform is None else platform
    text = str(path)
    lowered = [part.lower() for part in path.parts]
    for name in SYNC_FOLDERS:
        if any(part == name or part.startswith(name + " ") or part.startswith(name + "-")
               for part in lowered):  # fmt: skip
            return Message(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "warning: the database {path} is in a cloud-synced folder; syncing a live "
                    "database can corrupt it and copies personal data to the cloud: {advice}",
                ),
                {"path": text, "advice": ADVICE},
            )
    network: Message | None = None
    if platform.startswith("win") and (text.startswith("\\\\") or text.startswith("//")):
        network = Message(QT_TRANSLATE_NOOP("Validation", "a network share"))
    elif mounts_text is not None:
        fs_type = mount_fs_type(PurePosixPath(text), mounts_text)
        if fs_type is not None and fs_type.lower() in NETWORK_FS:
            network = Message(
                QT_TRANSLATE_NOOP("Validation", "a network share ({type})"), {"type": fs_type}
            )
    if network is not None:
        return Message(
            QT_TRANSLATE_NOOP(
                "Validation",
                "warning: the database {path} is on {network}; SQLite's locking is not reliable "
                "there and the file can be corrupted: {advice}",
            ),
            {"path": text, "network": network, "advice": ADVICE},
        )
    return None


def read_mounts() -> str | None:
    """Linux's mount table, or None where there is none (macOS, Windows)."""
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as handle:  # noqa: PTH123
            return handle.read()
    except OSError:
        return None

"""What one backup file is: a leaf module, so errors can name a backup without importing I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when it was taken (UTC) and why."""

    path: Path
    created: datetime
    reason: str

    @property
    def label(self) -> str:
        """The time for messages, e.g. ``2026-11-27 00:15 UTC``."""
        return self.created.strftime("%Y-%m-%d %H:%M UTC")

"""Where the interface remembers its state (window layout, columns): QSettings, UI state only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "ExchangeVisitPlanner"
APPLICATION = "planner"


def open_settings(path: Path | None = None) -> QSettings:
    """The INI file at *path*, or the normal per-user settings when *path* is None."""
    if path is None:
        return QSettings(ORGANIZATION, APPLICATION)
    return QSettings(str(path), QSettings.Format.IniFormat)

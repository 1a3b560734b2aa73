"""Storage errors that are the environment's fault (bad file, newer schema, disk), not bugs."""

from __future__ import annotations

from planner.domain.errors import PlannerError


class StorageError(PlannerError):
    """The database cannot be used as it is; the message says why and what to do."""


class NotADatabaseError(StorageError):
    """The file exists but is not an SQLite database (or is damaged beyond opening)."""


class NewerSchemaError(StorageError):
    """The file was written by a newer version of the application."""


class CorruptDatabaseError(StorageError):
    """SQLite's integrity check failed."""

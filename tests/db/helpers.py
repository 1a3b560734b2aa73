"""Helpers for storage tests: real databases with data, damaged on purpose."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_database(path: Path) -> Path:
    """A real planner database with the sample records, checkpointed (no WAL left)."""
    services = open_migrated(path)
    make_sample(services)
    services.close()
    return path


def corrupt_table_page(path: Path, table: str = "visits") -> None:
    """Overwrite the b-tree page header of *table*'s root page with garbage."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type='table' AND name=?", (table,)
        ).fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * 64)

"""The migrated template the tests copy is what creating a database would have made."""

from __future__ import annotations

import stat
from pathlib import Path

from planner.db.files import sqlite_companions
from planner.db.location import sqlite_target
from planner.db.opening import inspect_file
from tests.fixtures.database import migrated_copy, template_path


def test_the_template_is_migrated_and_has_no_journal_beside_it() -> None:
    template = template_path()
    assert [p for p in sqlite_companions(template)[1:] if p.exists()] == []
    state = inspect_file(sqlite_target(template))
    assert state.revision == state.head


def test_a_copy_is_private_and_current(tmp_path: Path) -> None:
    copy = migrated_copy(tmp_path / "copy.sqlite3")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert copy.read_bytes() == template_path().read_bytes()
    assert not inspect_file(sqlite_target(copy)).needs_upgrade

"""Shared fixtures: every test gets its own database and never touches the user's data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from planner.services.container import Services
    from tests.fixtures.sample import Sample

# Before any Qt import: no display in CI, and tests must not depend on one.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test (nor a process a test starts) reads or writes the real OS keychain; tests that need
# one install an in-memory keyring (tests/fixtures/memory_keyring.py).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point every per-user folder at a temporary one, so no test sees real data or settings."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("PLANNER_DATABASE_URL", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path for a fresh database file (not yet created)."""
    return tmp_path / "planner.sqlite3"


@pytest.fixture
def services(db_path: Path, request: pytest.FixtureRequest) -> Iterator[Services]:
    """Services over a new, migrated database: empty, or holding the sample when the test asks
    for ``sample``.

    SQLite by default; with ``PLANNER_TEST_DATABASE_URL`` set (CI does it for the service and
    migration suites), a fresh database on that PostgreSQL server instead.
    """
    from planner.db.location import DatabaseTarget
    from planner.services.container import Services
    from tests.fixtures.database import open_migrated, open_sample_copy
    from tests.pg import fresh_database, server_url

    base = server_url()
    if base is None:
        # Copied from a template migrated once per run: migrating each test's file was the
        # largest part of the suite's time.
        if "sample" in request.fixturenames:
            # The sample is in a template of its own: making it was most of a GUI test's set-up.
            svc, _sample = open_sample_copy(db_path)
        else:
            svc = open_migrated(db_path)
        yield svc
        svc.close()
        return
    with fresh_database(base) as url:
        svc = Services.open(DatabaseTarget(url=url, path=None), create=True)
        yield svc
        svc.close()


@pytest.fixture
def sample(services: Services) -> Sample:
    """The shared sample: two institutions, two people, two visits (see tests.fixtures.sample).

    With SQLite, ``services`` opened a copy of a database that already holds it.
    """
    from tests.fixtures.database import sample_template
    from tests.fixtures.sample import make_sample
    from tests.pg import server_url

    return sample_template()[1] if server_url() is None else make_sample(services)

"""Live updates: a change saved elsewhere reaches this window's change bus within 2 seconds.

The SQLite tests run everywhere (a command-line import in another process); the team-server
tests need ``PLANNER_TEST_DATABASE_URL`` (``.ci/run`` sets it).
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from planner.db.location import DatabaseTarget
from planner.domain.enums import AuditAction, RecordKind
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.live import grouped, parse_notice
from planner.ui.shell.live_updates import LiveUpdates
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample
from tests.pg import fresh_database, server_url

ROOT = Path(__file__).resolve().parent.parent
HEADER = "family name,given name,category,affiliation,email\n"


def _wait_for(qtbot: QtBot, live: LiveUpdates, kind: RecordKind) -> list[Change]:
    """The first batch from elsewhere that concerns *kind* (fails after 2 s)."""

    def about(changes: list[Change]) -> bool:
        return any(c.concerns(kind) for c in changes)

    with qtbot.waitSignal(live.arrived, timeout=2000, check_params_cb=about) as blocker:
        pass
    changes = blocker.args[0] if blocker.args else []
    return list(changes)


@pytest.fixture
def file_services(tmp_path: Path) -> Iterator[Services]:
    """An SQLite file with the sample (whatever backend the run's other tests use)."""
    services = open_migrated(tmp_path / "team.sqlite3")
    make_sample(services)
    yield services
    services.close()


def test_a_command_line_import_shows_up_in_the_open_window(
    qtbot: QtBot, file_services: Services, tmp_path: Path
) -> None:
    live = LiveUpdates(file_services)
    seen: list[Change] = []
    file_services.bus.subscribe(seen.append)
    try:
        csv = tmp_path / "people.csv"
        csv.write_text(HEADER + "Ono,Yu,staff,Argonne,yu@example.org\n", encoding="utf-8")
        path = file_services.db.target.path
        assert path is not None
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("PLANNER_DATABASE_URL", None)
        with qtbot.waitSignal(live.arrived, timeout=2000):
            # The wait (2 s) starts once the other process has finished.
            done = subprocess.run(
                [sys.executable, "-m", "planner", "import", "people", str(csv), "--db", str(path)],
                capture_output=True,
                text=True,
                env=env,
                check=False,
                timeout=60,
            )
            assert done.returncode == 0, done.stderr
        assert any(c.kind is RecordKind.PERSON for c in seen)
    finally:
        live.close()


def test_the_windows_own_saves_are_not_announced_twice(
    qtbot: QtBot, file_services: Services
) -> None:
    live = LiveUpdates(file_services)
    arrived: list[object] = []
    live.arrived.connect(arrived.append)
    try:
        visit = file_services.visits.list()[0]
        file_services.visits.update(dataclasses.replace(visit, internal_notes="mine"))
        # Poll directly: the data_version moved, but only because of this window's own save.
        live.poll()
        assert arrived == []
        other = Services.open(file_services.db.target)
        try:
            again = other.visits.get(visit.id or 0)
            other.visits.update(dataclasses.replace(again, internal_notes="theirs"))
        finally:
            other.close()
        changes = _wait_for(qtbot, live, RecordKind.VISIT)
        assert Change(RecordKind.VISIT, (visit.id or 0,), AuditAction.UPDATE) in changes
    finally:
        live.close()


MALFORMED = ["", "{", "[]", '{"kind": "visit"}',
             '{"kind": 1, "id": 1, "action": "update", "pid": 1}',
             '{"kind": "visit", "id": "1", "action": "update", "pid": 1}']  # fmt: skip


@pytest.mark.parametrize("payload", MALFORMED)
def test_malformed_notices_are_ignored(payload: str) -> None:
    assert parse_notice(payload) is None


def test_notices_are_grouped_by_kind_and_action() -> None:
    changes = grouped(
        [("visit", 3, "update"), ("visit", 4, "update"), ("visit", 3, "update"),
         ("person", 1, "insert"), ("nonsense", 1, "update"), ("visit", 1, "explode")]
    )  # fmt: skip
    assert changes == [
        Change(RecordKind.VISIT, (3, 4), AuditAction.UPDATE),
        Change(RecordKind.PERSON, (1,), AuditAction.CREATE),
    ]


@pytest.mark.skipif(server_url() is None, reason="PLANNER_TEST_DATABASE_URL is not set")
def test_a_colleagues_save_on_the_server_reaches_this_window(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.cli import main

    base = server_url()
    assert base is not None
    with fresh_database(base) as url:
        assert main(["server", "init", "--db", url]) == 0
        capsys.readouterr()
        mine = Services.open(DatabaseTarget(url=url, path=None))
        theirs = Services.open(DatabaseTarget(url=url, path=None))
        live = LiveUpdates(mine)
        try:
            sample = make_sample(mine)
            feed = live.feed
            assert feed is not None and feed.listening.wait(10)
            visit_id = sample.visit_in.id
            assert visit_id is not None
            # My own save is not announced back to me; my colleague's is, within 2 s.
            own = mine.visits.get(visit_id)
            mine.visits.update(dataclasses.replace(own, internal_notes="mine"))
            other = theirs.visits.get(visit_id)
            theirs.visits.update(dataclasses.replace(other, internal_notes="theirs"))
            changes = _wait_for(qtbot, live, RecordKind.VISIT)
            assert Change(RecordKind.VISIT, (visit_id,), AuditAction.UPDATE) in changes
            person = theirs.people.get(sample.tanaka.id or 0)
            theirs.people.update(dataclasses.replace(person, preferred_name="Hiro"))
            changes = _wait_for(qtbot, live, RecordKind.PERSON)
            assert any(c.kind is RecordKind.PERSON and c.ids for c in changes)
        finally:
            live.close()
            mine.close()
            theirs.close()


def test_every_table_of_records_is_announced() -> None:
    from planner.db.models import Base
    from planner.db.server import NOTIFIED_TABLES

    # Tables that are not records a view shows: the file's facts, rules, the audit itself and
    # the exchange packages' bookkeeping (trusted partner keys, which visit came from whom).
    quiet = {"planner_meta", "document_types", "audit_entries", "partner_keys", "exchange_links"}
    assert set(NOTIFIED_TABLES) == {t.name for t in Base.metadata.sorted_tables} - quiet

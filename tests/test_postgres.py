"""The shared team database on PostgreSQL: migrations, every command, the GUI, lost updates.

Skipped only when ``PLANNER_TEST_DATABASE_URL`` is unset; ``.ci/run`` starts a throwaway
server and sets it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, text

from planner.cli import main
from planner.db.errors import StorageError
from planner.db.location import DatabaseTarget
from planner.db.migrate import head_revision
from planner.db.models import Base
from planner.db.opening import open_database
from planner.domain.entities import ItineraryItem
from planner.domain.enums import ItineraryKind, VisitStatus
from planner.domain.errors import ConflictError
from planner.services.container import Services
from tests.db.test_migration_failure import BROKEN_0002, _migrations_with
from tests.fixtures.sample import make_sample
from tests.pg import fresh_database, server_url

pytestmark = pytest.mark.skipif(
    server_url() is None, reason="PLANNER_TEST_DATABASE_URL is not set (CI sets it)"
)


@pytest.fixture
def empty_url() -> Iterator[str]:
    """A new, empty PostgreSQL database (no schema yet)."""
    base = server_url()
    assert base is not None
    with fresh_database(base, migrated=False) as url:
        yield url


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_migrations_create_the_schema_of_the_models(empty_url: str) -> None:
    db = open_database(DatabaseTarget(url=empty_url, path=None))
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn)
            assert context.get_current_revision() == head_revision()
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()


def test_every_command_runs_on_the_server(
    capsys: pytest.CaptureFixture[str], empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_DATABASE_URL", empty_url)
    code, out, err = _run(capsys, "demo", "--visits", "30", "--seed", "3")
    assert (code, err) == (0, ""), err
    code, out, err = _run(capsys, "visits", "list", "--json")
    assert (code, err) == (0, "")
    visits = json.loads(out)
    assert len(visits) >= 30 and all(v["code"].startswith("V-") for v in visits)
    draft = next(v for v in visits if v["status"] == "draft")
    code, out, err = _run(
        capsys, "visits", "set-status", draft["code"], "proposed", "--reason", "team meeting"
    )
    assert (code, err) == (0, ""), err
    code, out, err = _run(capsys, "people", "list", "--json")
    assert code == 0 and json.loads(out)
    code, out, err = _run(capsys, "check")
    assert code == 0 and "schema up to date" in out
    code, out, err = _run(capsys, "backup", "-o", "copy.bak")
    assert code == 1 and "pg_dump" in err and err.count("\n") == 1


def test_gui_starts_on_the_server(
    qapp: QApplication,
    capsys: pytest.CaptureFixture[str],
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_sample(services)
    monkeypatch.setenv("PLANNER_DATABASE_URL", str(services.db.engine.url.render_as_string(False)))
    code, out, err = _run(capsys, "--exit-when-ready")
    assert code == 0, err
    assert out.startswith("ready visits=2 ")


def test_second_coordinator_cannot_overwrite_the_first(services: Services) -> None:
    sample = make_sample(services)
    url = services.db.engine.url.render_as_string(hide_password=False)
    other = Services.open(DatabaseTarget(url=url, path=None))
    try:
        assert sample.visit_in.id is not None
        mine = services.visits.get(sample.visit_in.id)
        theirs = other.visits.get(sample.visit_in.id)
        services.visits.update(dataclasses.replace(mine, internal_notes="booked the hotel"))
        with pytest.raises(ConflictError) as info:
            other.visits.update(dataclasses.replace(theirs, internal_notes="cancel the hotel"))
        assert "changed by someone else" in str(info.value)
        assert other.visits.get(sample.visit_in.id).internal_notes == "booked the hotel"
        with pytest.raises(ConflictError):
            other.visits.set_status(
                sample.visit_in.id, VisitStatus.PROPOSED, expected_version=theirs.version
            )
    finally:
        other.close()


def test_instants_come_back_in_utc_and_codes_count_up(services: Services) -> None:
    sample = make_sample(services)
    assert sample.visit_in.id is not None
    tokyo = ZoneInfo("Asia/Tokyo")
    start = datetime(2027, 3, 8, 9, 30, tzinfo=tokyo)
    item = services.itinerary.create(
        ItineraryItem(
            visit_id=sample.visit_in.id,
            kind=ItineraryKind.MEETING,
            title="Kick-off",
            start_utc=start,
            start_zone="Asia/Tokyo",
            end_utc=start.replace(hour=11),
            end_zone="Asia/Tokyo",
        )
    )
    assert item.id is not None
    stored = services.itinerary.get(item.id)
    assert stored.start_utc == start and stored.start_utc.tzinfo == UTC
    again = services.visits.duplicate(sample.visit_in.id)
    assert again.code == "V-2027-0003"


def test_newer_schema_on_the_server_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = services.db.engine.url.render_as_string(hide_password=False)
    services.close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        conn.execute(text("UPDATE planner_meta SET value = '7.2.0' WHERE key = 'app_version'"))
    monkeypatch.setenv("PLANNER_DATABASE_URL", url)
    code, _out, err = _run(capsys, "visits", "list")
    assert code == 1 and "7.2.0" in err and err.count("\n") == 1
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
    engine.dispose()


def test_unreachable_server_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_DATABASE_URL", "postgresql+psycopg://nobody:pw@127.0.0.1:1/none")
    code, _out, err = _run(capsys, "visits", "list")
    assert code == 1 and err.count("\n") == 1 and "pw" not in err
    with pytest.raises(StorageError):
        open_database(DatabaseTarget(url="postgresql+psycopg://nobody@127.0.0.1:1/none", path=None))


def test_a_failing_migration_leaves_the_server_schema_as_it_was(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_sample(services)
    url = services.db.engine.url.render_as_string(hide_password=False)
    services.close()
    head = head_revision()  # before the broken revision is added after it
    _migrations_with(tmp_path, BROKEN_0002, monkeypatch)
    with pytest.raises(StorageError, match="left unchanged"):
        open_database(DatabaseTarget(url=url, path=None))
    engine = create_engine(url)
    with engine.connect() as conn:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == head  # the failed upgrade left it where it was
        assert conn.execute(text("SELECT count(*) FROM people")).scalar() == 2
        assert conn.execute(text("SELECT to_regclass('scratch')")).scalar() is None
    engine.dispose()

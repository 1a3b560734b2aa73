"""``planner paperwork ...`` and the admission guard on ``planner visits set-status``."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.cli import main
from planner.db.location import sqlite_target
from planner.domain.entities import Visit
from planner.domain.enums import VisitStatus
from planner.services.container import Services
from planner.services.paperwork import today_local
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample


@pytest.fixture
def cli_db(db_path: Path) -> Path:
    """The sample, plus a visit arriving in 20 days (so its 45-day items are 25 days late)."""
    services = open_migrated(db_path)
    sample = make_sample(services)
    assert sample.tanaka.id is not None and sample.argonne.id is not None
    arrival = today_local() + timedelta(days=20)
    soon = services.visits.create(
        Visit(sample.tanaka.id, sample.argonne.id, arrival, arrival + timedelta(days=5))
    )
    assert soon.id is not None
    for step in (VisitStatus.PROPOSED, VisitStatus.APPROVED):
        services.visits.set_status(soon.id, step)
    cancelled = services.visits.create(
        Visit(sample.tanaka.id, sample.argonne.id, arrival + timedelta(days=30),
              arrival + timedelta(days=32))
    )  # fmt: skip
    assert cancelled.id is not None
    services.visits.set_status(cancelled.id, VisitStatus.CANCELLED)
    services.close()
    return db_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _soon_code(capsys: pytest.CaptureFixture[str], db: str) -> str:
    _, out, _ = _run(capsys, "visits", "list", "--json", "--db", db)
    (row,) = [r for r in json.loads(out) if r["status"] == "approved"]
    return str(row["code"])


def test_paperwork_list_json_keys_and_late_by(
    capsys: pytest.CaptureFixture[str], cli_db: Path
) -> None:
    db = str(cli_db)
    code, out, err = _run(capsys, "paperwork", "list", _soon_code(capsys, db), "--json", "--db", db)
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert {
        "type", "title", "status", "blocking", "lead_days", "due_date", "applies", "late_by_days",
    } <= set(rows[0])  # fmt: skip
    fn = next(r for r in rows if r["type"] == "fn_access_request")
    assert fn["late_by_days"] == 25 and fn["lead_days"] == 45 and fn["blocking"] is True
    expected_due = (today_local() + timedelta(days=20) - timedelta(days=45)).isoformat()
    assert fn["due_date"] == expected_due and fn["status"] == "not_started" and fn["applies"]
    assert date.fromisoformat(rows[0]["due_date"]) <= date.fromisoformat(rows[-1]["due_date"])


def test_paperwork_list_table_and_unknown_visit(
    capsys: pytest.CaptureFixture[str], cli_db: Path
) -> None:
    db = str(cli_db)
    code, out, _ = _run(capsys, "paperwork", "list", "V-2027-0001", "--db", db)
    assert code == 0 and "fn_access_request" in out and "BLOCKING" in out
    assert "warning: no passport expiry" in out
    code, out, err = _run(capsys, "paperwork", "list", "V-1999-0001", "--db", db)
    assert code == 1 and out == "" and err.count("\n") == 1 and "no visit V-1999-0001" in err


def test_paperwork_due_json_and_within(capsys: pytest.CaptureFixture[str], cli_db: Path) -> None:
    db = str(cli_db)
    code, out, err = _run(capsys, "paperwork", "due", "--json", "--db", db)
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert rows and {"visit_code", "visitor_name", "item", "due_date", "status"} <= set(rows[0])
    soon = _soon_code(capsys, db)
    assert {r["visit_code"] for r in rows} == {soon}  # not the cancelled one, not March 2027
    assert all(r["visitor_name"] == "Hiroshi Tanaka" for r in rows)
    horizon = today_local() + timedelta(days=14)
    assert all(date.fromisoformat(r["due_date"]) <= horizon for r in rows)
    assert any(r["late_by_days"] == 25 for r in rows)
    _, out, _ = _run(capsys, "paperwork", "due", "--within", "400", "--json", "--db", db)
    assert len(json.loads(out)) > len(rows)
    with pytest.raises(SystemExit) as usage:
        main(["paperwork", "due", "--within", "soon", "--db", db])
    assert usage.value.code == 2 and "whole number" in capsys.readouterr().err


def test_set_status_refuses_admission_naming_blocking_items(
    capsys: pytest.CaptureFixture[str], cli_db: Path
) -> None:
    db = str(cli_db)
    soon = _soon_code(capsys, db)
    code, out, err = _run(capsys, "visits", "set-status", soon, "confirmed", "--db", db)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "Foreign-national access request" in err and "ESTA" in err and "Traceback" not in err
    code, out, err = _run(capsys, "visits", "set-status", soon, "confirmed", "--db", db,
                          "--reason", "Director approved the exception in writing")  # fmt: skip
    assert code == 0 and err == ""
    assert "approved -> confirmed" in out and "overridden" in out and "ESTA" in out
    services = Services.open(sqlite_target(cli_db))
    try:
        visit = services.visits.get_by_code(soon)
        assert visit.id is not None and visit.status is VisitStatus.CONFIRMED
        entry = services.visits.history(visit.id)[-1]
        assert entry.reason == "Director approved the exception in writing"
        assert len(entry.changes["override"]["blocking_items"]) == 4
    finally:
        services.close()

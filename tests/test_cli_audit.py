"""``planner export … --include-sensitive`` leaves audit entries naming the real account."""

from __future__ import annotations

import json
import os
import pwd
from pathlib import Path

import pytest
from sqlalchemy import select

from planner.cli import main
from planner.db.location import sqlite_target
from planner.db.models import AuditRow
from planner.domain.enums import AuditAction
from planner.services.container import Services
from tests.export.conftest import PASSPORT, TripData, make_trip
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample

FIELDS = ["date_of_birth", "passport_expiry", "passport_number"]


@pytest.fixture
def trip_db(db_path: Path) -> tuple[Path, TripData]:
    """A database with the trip visit (V-2027-0001: Tanaka, hosted by Alex Miller)."""
    services = open_migrated(db_path)
    trip = make_trip(services)
    services.close()
    return db_path, trip


@pytest.fixture(autouse=True)
def _lying_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("USER", "LOGNAME", "USERNAME", "LNAME"):
        monkeypatch.setenv(name, "mallory")


def disclosures(db: Path) -> list[AuditRow]:
    """Every REVEAL or EXPORT entry of *db*, oldest first (detached)."""
    services = Services.open(sqlite_target(db))
    try:
        with services.db.read() as session:
            found = list(
                session.scalars(
                    select(AuditRow)
                    .where(AuditRow.action.in_([AuditAction.REVEAL, AuditAction.EXPORT]))
                    .order_by(AuditRow.id)
                )
            )
            session.expunge_all()
            return found
    finally:
        services.close()


def test_package_export_with_sensitive_fields_is_audited(
    capsys: pytest.CaptureFixture[str], trip_db: tuple[Path, TripData], tmp_path: Path
) -> None:
    db, trip = trip_db
    out = tmp_path / "full.json"
    (tmp_path / "partner").mkdir()
    partner = open_migrated(tmp_path / "partner" / "partner.sqlite3")
    try:  # the recipient's key file: personal data travels encrypted to it
        partner.choices.set_home_institution(make_sample(partner).riken.id)
        key = tmp_path / "partner-key.json"
        key.write_bytes(partner.keys.export_bytes())
    finally:
        partner.close()
    code = main(["export", "visit", "V-2027-0001", "--format", "json", "-o", str(out),
                 "--include-sensitive", "--to", str(key), "--db", str(db)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert PASSPORT not in out.read_text(encoding="utf-8")  # encrypted
    entries = disclosures(db)
    who = {(r.entity, r.entity_id) for r in entries}
    assert who == {
        ("person", trip.sample.tanaka.id),
        ("person", trip.host.id),
        ("visit", trip.visit.id),
    }
    for row in entries:
        assert row.action == AuditAction.EXPORT
        assert row.actor == pwd.getpwuid(os.geteuid()).pw_name != "mallory"
        changes = json.loads(row.changes)
        assert changes["fields"] == FIELDS and changes["visit"] == "V-2027-0001"
        assert PASSPORT not in row.changes + row.reason and "1980" not in row.changes


def test_exports_without_sensitive_fields_are_not_audited(
    capsys: pytest.CaptureFixture[str], trip_db: tuple[Path, TripData], tmp_path: Path
) -> None:
    db, _ = trip_db
    assert main(["export", "visit", "V-2027-0001", "--format", "json",
                 "-o", str(tmp_path / "plain.json"), "--db", str(db)]) == 0  # fmt: skip
    assert main(["export", "visits", "--format", "csv",
                 "-o", str(tmp_path / "plain.csv"), "--db", str(db)]) == 0  # fmt: skip
    assert disclosures(db) == []


def test_visits_table_with_sensitive_columns_is_audited_per_visitor(
    capsys: pytest.CaptureFixture[str], trip_db: tuple[Path, TripData], tmp_path: Path
) -> None:
    db, trip = trip_db
    out = tmp_path / "visits.csv"
    code = main(["export", "visits", "--format", "csv", "-o", str(out),
                 "--include-sensitive", "--db", str(db)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    entries = disclosures(db)
    # The visitors of both visits (the host's fields are not in the table).
    assert sorted(r.entity_id for r in entries) == sorted(
        [trip.sample.tanaka.id, trip.sample.miller.id]
    )
    assert {(r.entity, r.action) for r in entries} == {("person", AuditAction.EXPORT)}
    assert all(
        json.loads(r.changes) == {"export": "visits_table", "fields": FIELDS} for r in entries
    )

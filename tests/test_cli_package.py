"""``planner export visit`` / ``planner import visit``: files, exit codes, nothing half-written."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from planner.cli import main
from planner.db.location import sqlite_target
from planner.services.container import Services
from tests.export.conftest import PASSPORT, make_trip
from tests.fixtures.database import open_migrated


@pytest.fixture
def origin_db(db_path: Path) -> Path:
    """A database with the trip visit (V-2027-0001) and its itinerary."""
    services = open_migrated(db_path)
    make_trip(services)
    services.close()
    return db_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _visits(db: Path) -> int:
    services = Services.open(sqlite_target(db))
    try:
        return services.visits.count()
    finally:
        services.close()


def test_export_then_import_into_new_database(
    capsys: pytest.CaptureFixture[str], origin_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "visit.json"
    code, stdout, _ = _run(
        capsys, "export", "visit", "V-2027-0001", "--format", "json", "-o", str(out),
        "--db", str(origin_db),
    )  # fmt: skip
    assert code == 0 and "V-2027-0001" in stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert PASSPORT not in out.read_text(encoding="utf-8")

    (tmp_path / "partner").mkdir()
    partner = tmp_path / "partner" / "partner.sqlite3"
    code, stdout, err = _run(capsys, "import", "visit", str(out), "--db", str(partner))
    assert code == 1 and "--trust-new-key" in err and len(err.strip().splitlines()) == 1
    assert _visits(partner) == 0  # refused: nothing written
    code, stdout, err = _run(
        capsys, "import", "visit", str(out), "--db", str(partner), "--trust-new-key"
    )
    assert code == 0, err
    assert "V-2027-0001: visit created" in stdout and stdout.count("new: itinerary item") == 5
    code, stdout, _ = _run(capsys, "import", "visit", str(out), "--db", str(partner))
    assert code == 0 and "visit updated" in stdout and "(trusted)" in stdout
    assert _visits(partner) == 1


def test_include_sensitive_flag(
    capsys: pytest.CaptureFixture[str], origin_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "full.json"
    with pytest.raises(SystemExit) as usage:  # no recipient key: refused, saying how to get it
        main(["export", "visit", "V-2027-0001", "--format", "json", "-o", str(out),
              "--include-sensitive", "--db", str(origin_db)])  # fmt: skip
    assert usage.value.code == 2 and "planner keys export" in capsys.readouterr().err
    assert not out.exists()
    (tmp_path / "partner").mkdir()
    partner = tmp_path / "partner" / "partner.sqlite3"
    key = tmp_path / "partner-key.json"
    assert _run(capsys, "demo", "--db", str(partner))[0] == 0
    code, _, err = _run(capsys, "keys", "export", "-o", str(key), "--db", str(partner))
    if code == 1:  # the demo sets no home institution: name one first
        services = Services.open(sqlite_target(partner))
        services.choices.set_home_institution(services.institutions.list()[0].id)
        services.close()
        code, _, err = _run(capsys, "keys", "export", "-o", str(key), "--db", str(partner))
    assert code == 0, err
    code, stdout, err = _run(
        capsys, "export", "visit", "V-2027-0001", "--format", "json", "-o", str(out),
        "--include-sensitive", "--to", str(key), "--db", str(origin_db),
    )  # fmt: skip
    assert code == 0, err
    assert "encrypted to" in stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "exchange-visit-planner/encrypted-package"
    assert PASSPORT not in out.read_text(encoding="utf-8")


def test_export_errors(capsys: pytest.CaptureFixture[str], origin_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    code, _, err = _run(
        capsys, "export", "visit", "V-1999-0001", "--format", "json", "-o", str(out),
        "--db", str(origin_db),
    )  # fmt: skip
    assert code == 1 and "V-1999-0001" in err and not out.exists()
    with pytest.raises(SystemExit) as usage:
        main(["export", "visit", "V-2027-0001", "--format", "xml", "-o", str(out)])
    assert usage.value.code == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{broken", "not valid JSON"),
        ('{"format": "exchange-visit-planner/visit-package", "schema_version": 99}',
         "schema version 99"),
        ('{"format": "exchange-visit-planner/visit-package", "schema_version": 1}',
         "missing field institutions"),
        ('{"format": "exchange-visit-planner/visit-package", "schema_version": 3}',
         "update the planner to one that reads version 3"),
    ],
)  # fmt: skip
def test_import_refusals_exit_1_and_write_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    partner = tmp_path / "partner.sqlite3"
    code, _out, err = _run(capsys, "import", "visit", str(bad), "--db", str(partner))
    assert code == 1
    assert message in err and len(err.strip().splitlines()) == 1
    assert not partner.exists()


def test_import_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "import", "visit", str(tmp_path / "nope.json"))
    assert code == 1 and "does not exist" in err

"""``planner export visit`` / ``planner import visit``: files, exit codes, nothing half-written."""

from __future__ import annotations

import dataclasses
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


def _two_planners(tmp_path: Path, origin_db: Path) -> tuple[Path, Path]:
    """The origin (its home institution set) and a partner database, each with its keys."""
    services = Services.open(sqlite_target(origin_db))
    try:
        argonne = next(i for i in services.institutions.list() if "Argonne" in i.name)
        services.choices.set_home_institution(argonne.id)
    finally:
        services.close()
    (tmp_path / "partner").mkdir()
    return origin_db, tmp_path / "partner" / "partner.sqlite3"


def test_keys_commands_and_a_refused_key_change(
    capsys: pytest.CaptureFixture[str], origin_db: Path, tmp_path: Path
) -> None:
    origin, partner = _two_planners(tmp_path, origin_db)
    code, shown, _ = _run(capsys, "keys", "show", "--db", str(origin))
    assert code == 0 and "Argonne National Laboratory" in shown
    fingerprint = shown.split("fingerprint:", 1)[1].splitlines()[0].strip()
    assert len(fingerprint.split()) == 10  # ten groups of four, read aloud
    keys_dir = origin.parent / "keys"
    assert stat.S_IMODE(keys_dir.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in keys_dir.iterdir())
    key_file = tmp_path / "argonne.json"
    assert _run(capsys, "keys", "export", "-o", str(key_file), "--db", str(origin))[0] == 0
    code, out, err = _run(capsys, "keys", "import", str(key_file), "--db", str(partner))
    assert code == 0 and fingerprint in out, err
    code, listed, _ = _run(capsys, "keys", "list", "--db", str(partner))
    assert "Argonne National Laboratory" in listed and fingerprint in listed
    # A package now arrives trusted; one from another key claiming Argonne is refused.
    out = tmp_path / "visit.json"
    _run(capsys, "export", "visit", "V-2027-0001", "--format", "json", "-o", str(out),
         "--db", str(origin))  # fmt: skip
    code, stdout, err = _run(capsys, "import", "visit", str(out), "--db", str(partner))
    assert code == 0 and "(trusted)" in stdout, err
    (origin.parent / "keys").rename(origin.parent / "old-keys")  # a reinstall: new keys
    _run(capsys, "export", "visit", "V-2027-0001", "--format", "json", "-o", str(out),
         "--db", str(origin))  # fmt: skip
    code, _, err = _run(capsys, "import", "visit", str(out), "--db", str(partner),
                        "--trust-new-key")  # fmt: skip
    assert code == 1 and "signed by another key" in err and fingerprint in err
    assert len(err.strip().splitlines()) == 1 and err.startswith("planner: error: ")
    # Their new key is trusted only when the coordinator replaces the old one on purpose.
    new_key = tmp_path / "argonne-new.json"
    assert _run(capsys, "keys", "export", "-o", str(new_key), "--db", str(origin))[0] == 0
    code, _, err = _run(capsys, "keys", "import", str(new_key), "--db", str(partner))
    assert code == 1 and "--replace" in err
    code, out, err = _run(capsys, "keys", "import", str(new_key), "--replace", "--db",
                          str(partner))  # fmt: skip
    assert code == 0 and f"key {fingerprint} replaced" in out, err
    out_pkg = tmp_path / "after.json"
    _run(capsys, "export", "visit", "V-2027-0001", "--format", "json", "-o", str(out_pkg),
         "--db", str(origin))  # fmt: skip
    code, _, err = _run(capsys, "import", "visit", str(out_pkg), "--db", str(partner), "--dry-run")
    assert code == 0, err
    # A tampered key file is refused.
    tampered = tmp_path / "tampered.json"
    tampered.write_bytes(key_file.read_bytes().replace(b"Argonne", b"Argonnf"))
    code, _, err = _run(capsys, "keys", "import", str(tampered), "--db", str(partner))
    assert code == 1 and "damaged or was altered" in err


def test_dry_run_writes_nothing_and_matches_need_confirming(
    capsys: pytest.CaptureFixture[str], origin_db: Path, tmp_path: Path
) -> None:
    origin, partner = _two_planners(tmp_path, origin_db)
    out = tmp_path / "visit.json"
    _run(capsys, "export", "visit", "V-2027-0001", "--format", "json", "-o", str(out),
         "--db", str(origin))  # fmt: skip
    # The partner knows someone with the visitor's e-mail under another name.
    services = open_migrated(partner)
    try:
        from tests.fixtures.sample import make_sample

        sample = make_sample(services)
        services.people.update(dataclasses.replace(sample.tanaka, family_name="Tanabe"))
        before = services.visits.count()
    finally:
        services.close()
    mtime = partner.stat().st_mtime_ns
    code, stdout, err = _run(capsys, "import", "visit", str(out), "--db", str(partner),
                             "--trust-new-key", "--dry-run")  # fmt: skip
    assert code == 1 and "e-mail only" in err and "--accept-matches" in err
    assert "Tanabe" in err and "Tanaka" in err
    assert "(NOT CONFIRMED)" in stdout  # the dry run still shows the whole plan
    code, stdout, err = _run(capsys, "import", "visit", str(out), "--db", str(partner),
                             "--trust-new-key", "--accept-matches", "--dry-run")  # fmt: skip
    assert code == 0, err
    assert "dry run: nothing written" in stdout and "match: visitor" in stdout
    assert "new: visit V-2027-" in stdout
    assert _visits(partner) == before
    services = Services.open(sqlite_target(partner))
    try:
        assert services.keys.trusted() == []  # not even the key is kept
    finally:
        services.close()
    assert partner.stat().st_mtime_ns == mtime


def test_names_with_escape_sequences_never_reach_the_terminal_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = {
        "format": "exchange-visit-planner/visit-package", "schema_version": 2,
        "includes_sensitive": False,
        "visit": {"exchange_id": "0f8fad5b-d9cb-469f-a165-70867728950e", "code": "V-2027-0009",
                  "status": "draft", "purpose": "other", "arrival_date": "2027-03-01",
                  "departure_date": "2027-03-02", "host_institution": "h"},
        "institutions": {"h": {"name": "Host\x1b[31m", "kind": "other", "country": "US",
                               "timezone": "UTC"}},
        "people": {"visitor": {"family_name": "A", "given_name": "B", "category": "staff",
                               "institution": "h"}},
    }  # fmt: skip
    bad = tmp_path / "esc.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = _run(capsys, "import", "visit", str(bad), "--db", str(tmp_path / "p.db"))
    assert code == 1 and "\x1b" not in out + err and "U+001B" in err
    assert not (tmp_path / "p.db").exists()

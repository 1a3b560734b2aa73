"""``planner import people|visits``: exit codes, messages, dry run."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.db.location import sqlite_target
from planner.services.container import Services
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample

HEADER = "family name,given name,category,affiliation,email\n"


@pytest.fixture
def db(db_path: Path) -> Path:
    services = open_migrated(db_path)
    make_sample(services)
    services.close()
    return db_path


def _count(db: Path) -> int:
    services = Services.open(sqlite_target(db))
    try:
        return len(services.people.list())
    finally:
        services.close()


def test_people_ok_twice_and_dry_run(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.csv"
    path.write_text(HEADER + "Ono,Yu,staff,Argonne,yu@example.org\n", encoding="utf-8")
    assert main(["import", "people", str(path), "--db", str(db), "--dry-run"]) == 0
    assert "1 people would be added, 0 already present" in capsys.readouterr().out
    assert _count(db) == 2
    assert main(["--db", str(db), "import", "people", str(path)]) == 0
    assert "p.csv: 1 people added, 0 already present" in capsys.readouterr().out
    assert main(["--db", str(db), "import", "people", str(path)]) == 0
    assert "0 people added, 1 already present" in capsys.readouterr().out
    assert _count(db) == 3


def test_problems_exit_1_listing_rows(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        HEADER + "Ono,Yu,staff,Argonne,yu@example.org\nX,Y,staff,Kobe U,bad\n", encoding="utf-8"
    )
    assert main(["--db", str(db), "import", "people", str(path)]) == 1
    err = capsys.readouterr().err
    assert "p.csv: 2 problems, nothing imported" in err
    assert "row 3, column affiliation, value 'Kobe U': unknown institution 'Kobe U'" in err
    assert "row 3, column email, value 'bad'" in err
    assert _count(db) == 2


def test_create_institutions_flag(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text(
        HEADER.strip() + ",country,time zone\nX,Y,staff,Kobe U,x@example.jp,JP,Asia/Tokyo\n",
        encoding="utf-8",
    )
    assert main(["--db", str(db), "import", "people", str(path)]) == 1
    assert main(["--db", str(db), "import", "people", str(path), "--create-institutions"]) == 0
    visits = tmp_path / "visits.csv"
    visits.write_text(
        "email,host,arrival,departure\nx@example.jp,Argonne,2027-05-01,2027-05-09\n",
        encoding="utf-8",
    )
    assert main(["--db", str(db), "import", "visits", str(visits)]) == 0


def test_usage_errors(db: Path, tmp_path: Path) -> None:
    assert main(["--db", str(db), "import", "people", str(tmp_path / "missing.csv")]) == 1
    with pytest.raises(SystemExit) as info:
        main(["import", "people"])
    assert info.value.code == 2

"""A damaged database: found on open, never written, the newest good backup named/offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.db.errors import CorruptDatabaseError
from planner.db.location import sqlite_target
from planner.db.opening import open_database
from planner.db.rotation import make_backup
from tests.db.helpers import corrupt_table_page, digest, make_database


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def damaged(db_path: Path) -> Path:
    make_database(db_path)
    make_backup(db_path, "auto")
    corrupt_table_page(db_path)
    return db_path


def test_check_exits_non_zero_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], damaged: Path
) -> None:
    before = digest(damaged)
    code, _out, err = _run(capsys, "check", "--db", str(damaged))
    assert code == 1
    assert err.count("\n") == 1 and "damaged" in err
    assert "backups" in err  # names the newest good backup
    assert digest(damaged) == before
    # Reading a WAL-mode file may leave SQLite's empty -wal/-shm beside it; nothing else.
    names = {p.name for p in damaged.parent.iterdir()} - {
        f"{damaged.name}-wal",
        f"{damaged.name}-shm",
    }
    assert names == {"backups", damaged.name}


def test_opening_refuses_before_writing_and_names_the_backup(damaged: Path) -> None:
    before = digest(damaged)
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(sqlite_target(damaged), create=True)
    assert info.value.backup is not None
    assert info.value.backup.path.parent == damaged.parent / "backups"
    assert str(info.value.backup.path) in str(info.value)
    assert digest(damaged) == before


@pytest.mark.parametrize(
    "argv",
    [
        ("visits", "list"),
        ("people", "list", "--json"),
        ("visits", "set-status", "V-2027-0001", "proposed"),
        ("demo",),
        ("backup", "-o", "OUT"),
    ],
)
def test_every_command_refuses_a_damaged_file_with_one_line(
    capsys: pytest.CaptureFixture[str], damaged: Path, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    before = digest(damaged)
    argv = tuple(str(tmp_path / "out.bak") if a == "OUT" else a for a in argv)
    code, out, err = _run(capsys, *argv, "--db", str(damaged))
    assert code == 1, err
    assert out == ""
    assert err.count("\n") == 1 and "damaged" in err and "planner restore" in err
    assert "Traceback" not in err
    assert digest(damaged) == before
    assert not (tmp_path / "out.bak").exists()


def test_restore_keeps_the_damaged_file_aside_untouched(
    capsys: pytest.CaptureFixture[str], damaged: Path
) -> None:
    before = digest(damaged)
    [backup] = (damaged.parent / "backups").glob("*.bak")
    code, out, err = _run(capsys, "restore", str(backup), "--db", str(damaged))
    assert (code, err) == (0, ""), err
    kept_files = sorted(damaged.parent.glob(f"{damaged.name}.corrupt-*"))
    # The damaged file moved aside with its own journals (if SQLite had left any).
    [kept] = [p for p in kept_files if not p.name.endswith(("-wal", "-shm"))]
    assert digest(kept) == before
    assert "damaged database was kept" in out
    code, out, err = _run(capsys, "visits", "list", "--json", "--db", str(damaged))
    assert (code, err) == (0, "")
    assert "V-2027-0001" in out and "V-2027-0002" in out

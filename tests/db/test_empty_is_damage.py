"""An empty or headerless file is damage, never a new database; reading never creates,
initialises or migrates; a full disk is "disk full"; leftovers of a killed backup go away.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.cli import main
from planner.db.errors import CorruptDatabaseError
from planner.db.location import sqlite_target
from planner.db.opening import open_database
from planner.db.rotation import list_backups, make_backup
from tests.db.helpers import digest, make_database

ROOT = Path(__file__).resolve().parents[2]
READERS = [
    ["visits", "list"],
    ["people", "list", "--json"],
    ["paperwork", "due"],
    ["check"],
    ["backup"],
]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _listing(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): digest(p) if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(params=[b"", b"\x00" * 4096, b"SQLite format 2\x00" + b"\x00" * 100])
def emptied(request: pytest.FixtureRequest, db_path: Path) -> Path:
    """A real database with a good backup beside it, then emptied or overwritten."""
    make_database(db_path)
    make_backup(db_path, "auto")
    db_path.write_bytes(request.param)
    for journal in ("-wal", "-shm"):
        db_path.with_name(db_path.name + journal).unlink(missing_ok=True)
    return db_path


@pytest.mark.parametrize("argv", [*READERS, ["demo"], ["visits", "set-status", "V-1", "proposed"]])
def test_every_command_calls_an_emptied_file_damage(
    capsys: pytest.CaptureFixture[str], emptied: Path, argv: list[str]
) -> None:
    before = _listing(emptied.parent)
    code, out, err = _run(capsys, *argv, "--db", str(emptied))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "damaged" in err, err
    assert "planner restore" in err and "backups" in err  # the backup advice
    assert _listing(emptied.parent) == before  # nothing written, nothing backed up


def test_the_window_refuses_an_emptied_file_and_backs_nothing_up(emptied: Path) -> None:
    before = _listing(emptied.parent)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(emptied), "--exit-when-ready"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr
    assert _listing(emptied.parent) == before
    [good] = list_backups(emptied)
    assert good.reason == "auto" and good.path.stat().st_size > 4096


def test_opening_for_the_window_offers_the_backup(emptied: Path) -> None:
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(sqlite_target(emptied), create=True)
    assert info.value.backup is not None


def test_only_a_path_where_nothing_exists_is_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    new = tmp_path / "new.sqlite3"
    for argv in READERS:
        code, _, err = _run(capsys, *argv, "--db", str(new))
        assert code == 1 and "no database" in err
    assert list(tmp_path.iterdir()) == []
    open_database(sqlite_target(new), create=True).close()
    assert new.stat().st_size > 0


def test_reading_never_initialises_or_migrates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_path: Path
) -> None:
    # An SQLite file with no tables: a write may initialise it, a read may not.
    blank = tmp_path / "blank.sqlite3"
    sqlite3.connect(blank).execute("PRAGMA user_version = 1").connection.close()
    before = digest(blank)
    code, _, err = _run(capsys, "visits", "list", "--db", str(blank))
    assert code == 1 and "holds no Exchange Visit Planner data" in err
    assert digest(blank) == before
    # A file at an older schema: reading refuses, and no upgrade or backup happens.
    make_database(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.close()
    before = digest(db_path)
    for argv in (["visits", "list"], ["people", "list"]):
        code, _, err = _run(capsys, *argv, "--db", str(db_path))
        assert code == 1 and err.count("\n") == 1 and "older version" in err
    assert digest(db_path) == before
    assert list_backups(db_path) == []


def test_a_failed_creation_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import planner.db.opening as opening

    def fail(_engine: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(opening, "upgrade_to_head", fail)
    new = tmp_path / "new.sqlite3"
    with pytest.raises(Exception, match="power cut"):
        open_database(sqlite_target(new), create=True)
    assert list(tmp_path.iterdir()) == []


def test_a_creation_killed_half_way_leaves_no_empty_database(tmp_path: Path) -> None:
    # The process dies while the schema is being written (SIGKILL from inside the migration).
    new = tmp_path / "new.sqlite3"
    script = (
        "import os, signal, sys\n"
        "import planner.db.opening as opening\n"
        "from planner.db.location import sqlite_target\n"
        "opening.upgrade_to_head = lambda e: os.kill(os.getpid(), signal.SIGKILL)\n"
        "opening.open_database(sqlite_target(opening.Path(sys.argv[1])), create=True)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", script, str(new)], env=env, check=False)
    assert killed.returncode == -9
    assert not new.exists()  # the debris has another name, and goes at the next start
    assert all(p.name.startswith("new.sqlite3.creating-") for p in tmp_path.iterdir())
    open_database(sqlite_target(new), create=True).close()
    assert sorted(
        p.name for p in tmp_path.iterdir() if "-wal" not in p.name and "-shm" not in p.name
    ) == ["new.sqlite3"]


def test_leftover_partial_backups_are_removed_at_start(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    make_database(db_path)
    make_backup(db_path, "auto")
    folder = db_path.parent / "backups"
    # What a kill during a backup leaves: a copy of the data under a temporary name.
    killed = folder / f"{db_path.name}.2026-01-01T000000.000000Z.manual.bak.partial"
    shutil.copyfile(db_path, killed)
    killed.chmod(0o644)
    restoring = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(db_path, restoring)
    # One another process is still writing: it holds the lock, so it stays.
    busy = folder / f"{db_path.name}.2026-01-02T000000.000000Z.manual.bak.partial"
    busy.write_bytes(b"in progress")
    with busy.open("rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        code, _, err = _run(capsys, "visits", "list", "--db", str(db_path))
        assert (code, err) == (0, "")
        assert not killed.exists() and not restoring.exists()
        assert busy.exists()
    other = folder / "someone-else.bak.partial"  # not ours: left alone
    other.write_bytes(b"x")
    _run(capsys, "people", "list", "--db", str(db_path))
    assert not busy.exists() and other.exists()


def test_partial_backup_files_are_private_while_they_exist(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import planner.db.backup as backup

    make_database(db_path)
    seen: list[int] = []
    real = backup.integrity_problems

    def spy(path: Path, *, quick: bool = True) -> list[str]:
        if path.name.endswith(".partial"):
            seen.append(stat.S_IMODE(path.stat().st_mode))
        return real(path, quick=quick)

    monkeypatch.setattr(backup, "integrity_problems", spy)
    previous = os.umask(0o022)  # a lax umask: the mode must not depend on it
    try:
        make_backup(db_path, "manual")
    finally:
        os.umask(previous)
    assert seen == [0o600]


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system holding a good database, then filled to the last byte."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small file system")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        capture_output=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        db = make_database(mount / "p.sqlite3")
        try:
            with (mount / "filler").open("wb") as filler:
                while True:
                    filler.write(b"\0" * 4096)
                    filler.flush()
        except OSError:
            pass  # full: what the test needs
        yield db
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_never_called_damage(
    capsys: pytest.CaptureFixture[str], full_disk: Path
) -> None:
    before = digest(full_disk)
    for argv in (*READERS, ["visits", "set-status", "V-2027-0001", "proposed"]):
        code, out, err = _run(capsys, *argv, "--db", str(full_disk))
        assert (code, out) == (1, ""), argv
        assert err.count("\n") == 1 and "disk is full" in err, err
        assert "damaged" not in err and "restore" not in err
    assert digest(full_disk) == before


def test_a_damage_report_with_non_utf8_bytes_is_shown(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    make_database(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        # An index renamed to bytes that are not UTF-8 and cut off from its table.
        conn.execute(
            "UPDATE sqlite_master SET name = CAST(X'66FF6F' AS TEXT), "
            "tbl_name = CAST(X'66FF6F' AS TEXT) WHERE rowid = "
            "(SELECT min(rowid) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL)"
        )
    conn.close()
    for argv in READERS:
        code, out, err = _run(capsys, *argv, "--db", str(db_path))
        assert (code, out) == (1, ""), argv
        assert err.count("\n") == 1 and "damaged" in err and "f\ufffdo" in err, err


def test_the_window_offers_the_backup_for_an_emptied_file(qtbot: object, emptied: Path) -> None:
    from planner.services.container import Services
    from planner.ui.shell.backup_dialogs import corruption_text, offer_restore_after_corruption

    with pytest.raises(CorruptDatabaseError) as info:
        Services.open(sqlite_target(emptied), create=True)
    assert "damaged" in corruption_text(info.value)
    emptied_bytes = emptied.read_bytes()
    kept = offer_restore_after_corruption(info.value, ask=lambda _e: True)
    assert kept is not None and kept.read_bytes() == emptied_bytes  # kept aside, unchanged
    restored = Services.open(sqlite_target(emptied), read_only=True)
    assert len(restored.visits.summaries()) == 2
    restored.close()

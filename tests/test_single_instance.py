"""One window per database file: a second start names the holder; a killed holder's lock
does not lock the user out; newer-version and damaged files are refused by the GUI too."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from planner.cli import main
from planner.db.rotation import list_backups, make_backup
from planner.ui.shell.instance_lock import lock_path
from tests.db.helpers import corrupt_table_page, digest, make_database

HOLDER = """
import sys
from pathlib import Path
from planner.ui.shell.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def holder(db_path: Path):  # type: ignore[no-untyped-def]
    """A real second process holding the database's lock until it is killed."""
    make_database(db_path)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def _gui(capsys: pytest.CaptureFixture[str], db: Path) -> tuple[int, str, str]:
    code = main(["--db", str(db), "--exit-when-ready"])
    out, err = capsys.readouterr()
    return code, out, err


def test_second_instance_exits_1_naming_the_holder(
    qapp: QApplication,
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    holder: subprocess.Popen[str],
) -> None:
    lock = lock_path(db_path)
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    code, out, err = _gui(capsys, db_path)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "already open" in err
    assert f"process id {holder.pid}" in err and socket.gethostname() in err
    assert lock.exists(), "the refused instance must not remove the holder's lock"


def test_a_killed_holder_does_not_lock_the_user_out(
    qapp: QApplication,
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    holder: subprocess.Popen[str],
) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    assert lock_path(db_path).exists(), "a killed process leaves its lock file behind"
    code, out, err = _gui(capsys, db_path)
    assert code == 0, err
    assert out.startswith("ready visits=2 ")
    assert not lock_path(db_path).exists(), "the lock is released on exit"


def test_gui_refuses_a_newer_version_file_untouched(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    make_database(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.execute("UPDATE planner_meta SET value = '7.2.0' WHERE key = 'app_version'")
    conn.close()
    before = digest(db_path)
    code, out, err = _gui(capsys, db_path)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "7.2.0" in err and "newer" in err
    assert digest(db_path) == before
    assert not lock_path(db_path).exists()
    assert not (db_path.parent / "backups").exists()


def test_gui_refuses_a_damaged_file_naming_the_backup(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    make_database(db_path)
    backup = make_backup(db_path, "auto")
    corrupt_table_page(db_path)
    before = digest(db_path)
    code, _out, err = _gui(capsys, db_path)
    assert code == 1
    assert err.count("\n") == 1 and "damaged" in err and str(backup.path) in err
    assert digest(db_path) == before


def test_restore_refuses_while_a_window_holds_the_database(
    capsys: pytest.CaptureFixture[str], db_path: Path, holder: subprocess.Popen[str]
) -> None:
    backup = make_backup(db_path, "manual")
    before = digest(db_path)
    code = main(["restore", str(backup.path), "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == 1 and "already open" in err and f"process id {holder.pid}" in err
    assert digest(db_path) == before


def test_gui_start_backs_up_changed_data_once(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    make_database(db_path)
    assert _gui(capsys, db_path)[0] == 0
    [first] = list_backups(db_path)
    assert first.reason == "auto" and stat.S_IMODE(first.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(first.path.parent.stat().st_mode) == 0o700
    assert _gui(capsys, db_path)[0] == 0
    assert list_backups(db_path) == [first], "nothing changed, so no second backup"

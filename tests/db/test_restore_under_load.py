"""``planner restore`` while another process commits every 0.1 s: no acknowledged write lost.

The writer keeps one engine (and so one open connection) for its whole life, as the window
does. Each commit it reports is either in the restored database (it came after the restore)
or in the before-restore backup (it came before); none went to a replaced, unlinked file.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from planner.db.rotation import list_backups
from tests.db.helpers import make_database

ROOT = Path(__file__).resolve().parents[2]

WRITER = r"""
import sys, time
from pathlib import Path
from sqlalchemy import text
from planner.db.errors import StorageError
from planner.db.location import sqlite_target
from planner.db.opening import open_database

db = open_database(sqlite_target(Path(sys.argv[1])))
stop = Path(sys.argv[2])
# Writes until told to stop (a loaded machine may take long to restore); 120 s at most.
deadline = time.monotonic() + 120
n = 0
while time.monotonic() < deadline and not stop.exists():
    n += 1
    key = f"w-{n:04d}"
    try:
        with db.write() as session:
            session.execute(
                text("INSERT INTO planner_meta (key, value) VALUES (:k, 'x')"), {"k": key}
            )
    except StorageError as exc:
        print(f"ERR {key} {exc}", flush=True)
    else:
        print(f"ACK {key} {time.monotonic()}", flush=True)
    time.sleep(0.1)
db.close()
print("DONE", flush=True)
"""


def _keys(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT key FROM planner_meta WHERE key LIKE 'w-%'").fetchall()
    conn.close()
    return {r[0] for r in rows}


def _after(line: str, instant: float) -> bool:
    """Whether *line* acknowledges a commit made after *instant* (a monotonic time)."""
    return line.startswith("ACK") and float(line.split()[2]) > instant


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_no_acknowledged_write_is_lost_during_restore(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    good = tmp_path / "good.bak"
    code = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(db_path), "backup", "-o", str(good)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert code.returncode == 0, code.stderr
    inode = db_path.stat().st_ino
    stop = tmp_path / "stop-writing"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(stop)],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    # Wait until the writer has committed a few times, then restore under its feet.
    first = [writer.stdout.readline() for _ in range(5)]
    assert all(line.startswith("ACK") for line in first), first
    restore = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(db_path), "restore", str(good)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    restored_at = time.monotonic()
    # Keep the writer going until it has committed a few times after the restore.
    during: list[str] = []
    while sum(_after(line, restored_at) for line in during) < 3:
        line = writer.stdout.readline()
        if not line:
            break
        during.append(line)
    stop.touch()
    rest, err = writer.communicate(timeout=60)
    rest = "".join(during) + rest
    assert restore.returncode == 0, restore.stderr
    assert writer.returncode == 0, err
    lines = first + rest.splitlines()
    assert lines[-1].strip() == "DONE"
    acked = [line.split()[1] for line in lines if line.startswith("ACK")]
    after = [
        line.split()[1]
        for line in lines
        if line.startswith("ACK") and float(line.split()[2]) > restored_at
    ]
    errors = [line for line in lines if line.startswith("ERR")]
    # A clear refusal is allowed (a busy database), never anything else.
    assert all("busy" in line for line in errors), errors
    assert after, "the writer never wrote after the restore"

    [before] = [b for b in list_backups(db_path) if b.reason == "before-restore"]
    in_restored, in_before = _keys(db_path), _keys(before.path)
    lost = [key for key in acked if key not in in_restored and key not in in_before]
    assert lost == []
    # The file was restored in place: the writer kept using the one file there is.
    assert db_path.stat().st_ino == inode
    assert set(after) <= in_restored
    # The restored database is the backup's data plus what came after: nothing from before.
    assert in_restored.isdisjoint(in_before)

"""Kill a writing process with SIGKILL at random moments; nothing acknowledged may be lost.

The child creates a person and then changes that person's e-mail, printing an
acknowledgement line after each committed service call. The parent kills it at a random
moment, then checks SQLite's full integrity check and that every acknowledged change is in
the file. 20 rounds by default; ``PLANNER_CRASH_ITERATIONS=100 .venv/bin/python -m pytest
tests/test_crash_safety.py`` runs 100 (``PLANNER_CRASH_SEED`` repeats a run).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

from planner.db.backup import integrity_problems
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample

ITERATIONS = int(os.environ.get("PLANNER_CRASH_ITERATIONS", "20"))
SEED = int(os.environ.get("PLANNER_CRASH_SEED", str(time.time_ns() % 1_000_000)))

# One launcher process imports the planner once and forks a writer per round: a new
# interpreter per round spent a second importing SQLAlchemy and the services, twenty times
# over. Each writer is still its own process, opening its own connection after the fork, and
# is killed with SIGKILL; it acknowledges through a FIFO of its own, so a line cut short by
# the kill can never run into the next round's output.
LAUNCHER = """
import dataclasses, os, sys, traceback
from pathlib import Path
from planner.db.location import sqlite_target
from planner.domain.entities import Person
from planner.domain.enums import PersonCategory
from planner.services.container import Services
from planner.domain.validation import is_valid_email

# The e-mail check's library loads on first use (~0.1 s): load it here, once, like the planner
# modules, so each writer starts saving at once rather than inside the random kill window.
is_valid_email("warm@example.org")


def write(db, institution, round_no, fifo):
    out = open(fifo, "w")
    services = Services.open(sqlite_target(Path(db)))
    print("ready", file=out, flush=True)
    n = 0
    while True:
        n += 1
        person = services.people.create(Person(
            family_name=f"Crash-{round_no}-{n}", given_name="Test",
            category=PersonCategory.STAFF, home_institution_id=institution,
            email=f"first-{round_no}-{n}@example.org",
        ))
        print(f"ack {person.id} {person.family_name} {person.email}", file=out, flush=True)
        changed = services.people.update(
            dataclasses.replace(person, email=f"second-{round_no}-{n}@example.org")
        )
        print(f"ack {changed.id} {changed.family_name} {changed.email}", file=out, flush=True)


for command in sys.stdin:
    db, institution, round_no, fifo = command.split()
    pid = os.fork()
    if pid == 0:
        try:
            write(db, int(institution), int(round_no), fifo)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    print(pid, flush=True)
    os.waitpid(pid, 0)  # returns once the parent has killed the writer
    print("reaped", flush=True)
"""


def _one_round(
    launcher: subprocess.Popen[str],
    db: Path,
    institution: int,
    round_no: int,
    rng: random.Random,
) -> dict[int, tuple[str, str]]:
    """Fork a writer, kill it at a random moment; returns the acknowledged state per id."""
    assert launcher.stdin is not None and launcher.stdout is not None
    fifo = db.with_name(f"round-{round_no}.fifo")
    os.mkfifo(fifo)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        with fifo.open(encoding="utf-8") as stream:  # opens once the writer does
            for line in stream:
                if line.strip() == "ready":
                    ready.set()
                elif line.endswith("\n"):  # only a whole line is an acknowledgement
                    lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    launcher.stdin.write(f"{db} {institution} {round_no} {fifo}\n")
    launcher.stdin.flush()
    pid = int(launcher.stdout.readline())
    assert ready.wait(timeout=30), "the writer did not start"
    time.sleep(rng.uniform(0.0, 0.2))  # the random moment of the crash
    os.kill(pid, signal.SIGKILL)
    assert launcher.stdout.readline().strip() == "reaped"
    reader.join(timeout=10)
    fifo.unlink()
    acknowledged: dict[int, tuple[str, str]] = {}
    for line in lines:
        _ack, pid_text, family, email = line.split()
        acknowledged[int(pid_text)] = (family, email)
    return acknowledged


def _at_least(stored: tuple[str, str] | None, acknowledged: tuple[str, str]) -> bool:
    """The stored record holds the acknowledged change, or the writer's next one.

    The writer may commit its next change and be killed before it prints the
    acknowledgement: that newer state is correct too; an older one or none is a loss.
    """
    if stored is None or stored[0] != acknowledged[0]:
        return False
    if stored[1] == acknowledged[1]:
        return True
    return acknowledged[1].startswith("first-") and stored[1] == acknowledged[1].replace(
        "first-", "second-", 1
    )


def test_sigkill_at_random_moments_loses_nothing_acknowledged(db_path: Path) -> None:
    setup = open_migrated(db_path)
    institution = make_sample(setup).riken.id
    setup.close()
    assert institution is not None
    rng = random.Random(SEED)
    expected: dict[int, tuple[str, str]] = {}
    started = time.perf_counter()
    launcher = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        for round_no in range(ITERATIONS):
            expected.update(_one_round(launcher, db_path, institution, round_no, rng))
            _check_round(db_path, round_no, expected)
    finally:
        assert launcher.stdin is not None
        launcher.stdin.close()
        launcher.wait(timeout=30)
    elapsed = time.perf_counter() - started
    assert len(expected) > ITERATIONS, "the writer should acknowledge something most rounds"
    print(f"crash safety: {ITERATIONS} kills, {len(expected)} records, {elapsed:.1f} s")


def _check_round(db_path: Path, round_no: int, expected: dict[int, tuple[str, str]]) -> None:
    """The file is intact and holds every acknowledged change (or the writer's next one)."""
    problems = integrity_problems(db_path, quick=False)
    assert problems == [], f"round {round_no} (seed {SEED}): {problems}"
    # Read as a fresh process would after the crash (plain sqlite3 replays the WAL).
    with closing(sqlite3.connect(db_path)) as conn:
        stored = {
            int(pid): (family, email)
            for pid, family, email in conn.execute("SELECT id, family_name, email FROM people")
        }
    missing = {k: v for k, v in expected.items() if not _at_least(stored.get(k), v)}
    assert not missing, f"round {round_no} (seed {SEED}) lost acknowledged changes: {missing}"

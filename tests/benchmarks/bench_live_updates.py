"""How long after a colleague's commit the change reaches this window's change bus.

Usage::

    PLANNER_TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:54341/postgres \
        python tests/benchmarks/bench_live_updates.py --saves 30

Team server: a second connection saves a visit *saves* times; the first one's listener
(:class:`~planner.services.live.ServerChangeFeed`) reports each notice; the delay is measured
from the end of the commit. SQLite: another connection saves, the window's watcher is polled
every :data:`~planner.ui.shell.live_updates.FILE_POLL_MS` as the window's timer does. Prints
the median and the largest delay of each.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

from planner.cli import main as cli
from planner.db.location import DatabaseTarget, sqlite_target
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.live import FileChangeWatcher, ServerChangeFeed
from tests.pg import fresh_database, server_url

FILE_POLL_MS = 500  # as planner.ui.shell.live_updates (not imported: no Qt needed here)


def _save(services: Services, visit_id: int, note: str) -> float:
    visit = services.visits.get(visit_id)
    services.visits.update(dataclasses.replace(visit, internal_notes=note))
    return time.perf_counter()


def server_delays(url: str, saves: int) -> list[float]:
    """Seconds from each commit to the listener's delivery."""
    mine = Services.open(DatabaseTarget(url=url, path=None))
    theirs = Services.open(DatabaseTarget(url=url, path=None))
    got = threading.Event()
    arrived: list[float] = []

    def deliver(_changes: list[Change]) -> None:
        arrived.append(time.perf_counter())
        got.set()

    feed = ServerChangeFeed(mine.db, deliver)
    feed.start()
    try:
        assert feed.listening.wait(10)
        visit_id = theirs.visits.list()[0].id or 0
        delays = []
        for i in range(saves):
            got.clear()
            committed = _save(theirs, visit_id, f"note {i}")
            assert got.wait(5), "no notice within 5 s"
            delays.append(arrived[-1] - committed)
        return delays
    finally:
        feed.stop()
        mine.close()
        theirs.close()


def file_delays(path: Path, saves: int) -> list[float]:
    """Seconds from each commit to the poll that reports it."""
    mine = Services.open(sqlite_target(path))
    theirs = Services.open(sqlite_target(path))
    watcher = FileChangeWatcher(mine.db)
    try:
        visit_id = theirs.visits.list()[0].id or 0
        delays = []
        next_poll = time.perf_counter()
        for i in range(saves):
            # The other program saves at some moment between two of the window's polls.
            time.sleep((i % 5) * FILE_POLL_MS / 5000)
            committed = _save(theirs, visit_id, f"note {i}")
            while True:
                next_poll += FILE_POLL_MS / 1000
                time.sleep(max(0.0, next_poll - time.perf_counter()))
                if watcher.poll():
                    delays.append(time.perf_counter() - committed)
                    break
        return delays
    finally:
        watcher.close()
        mine.close()
        theirs.close()


def _report(what: str, delays: list[float]) -> None:
    print(
        f"{what}: {len(delays)} saves, median {statistics.median(delays) * 1000:.0f} ms, "
        f"largest {max(delays) * 1000:.0f} ms after the commit"
    )


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--saves", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"live-{uuid.uuid4().hex[:6]}.sqlite3"
        assert cli(["demo", "--db", str(path)]) == 0
        _report("SQLite file", file_delays(path, args.saves))
    base = server_url()
    if base is not None:
        with fresh_database(base) as url:
            assert cli(["server", "init", "--db", url]) == 0
            assert cli(["demo", "--db", url]) == 0
            _report("team server", server_delays(url, args.saves))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

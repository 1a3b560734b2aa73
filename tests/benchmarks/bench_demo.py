"""Time ``populate_demo`` into a fresh database file (not part of the test suite).

Usage::

    python tests/benchmarks/bench_demo.py --visits 100000 --repeat 3

Each run creates a new temporary SQLite file, fills it with the curated demo plus the requested
synthetic visits, and closes it. The script prints every run, the median in seconds and the size
of the resulting file.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from planner.db.location import sqlite_target
from planner.demo.populate import DemoSummary, populate_demo
from planner.services.container import Services


def run_once(folder: Path, visits: int, seed: int, today: date) -> tuple[float, int, DemoSummary]:
    """Seconds to populate a new database, its size in bytes afterwards, and what it holds."""
    path = folder / "bench.sqlite3"
    services = Services.open(sqlite_target(path), create=True)
    try:
        start = time.perf_counter()
        summary = populate_demo(services, synthetic_visits=visits, seed=seed, today=today)
        seconds = time.perf_counter() - start
    finally:
        services.close()  # checkpoints the WAL into the main file
    size = sum(p.stat().st_size for p in folder.iterdir() if p.name.startswith(path.name))
    return seconds, size, summary


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the benchmark and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=100_000, help="synthetic visits")
    parser.add_argument("--repeat", type=int, default=3, help="number of runs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2027, 4, 1))
    args = parser.parse_args(argv)

    times: list[float] = []
    sizes: list[int] = []
    for run in range(1, args.repeat + 1):
        with tempfile.TemporaryDirectory(prefix="bench-demo-") as tmp:
            seconds, size, summary = run_once(Path(tmp), args.visits, args.seed, args.today)
        times.append(seconds)
        sizes.append(size)
        print(
            f"run {run}: {seconds:.2f} s, {size / 1e6:.1f} MB "
            f"({summary.visits} visits, {summary.itinerary_items} itinerary items, "
            f"{summary.people} people)",
            flush=True,
        )
    print(
        f"populate_demo(synthetic_visits={args.visits}): median {statistics.median(times):.2f} s "
        f"over {args.repeat} runs (min {min(times):.2f} s, max {max(times):.2f} s); "
        f"file size {statistics.median(sizes) / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

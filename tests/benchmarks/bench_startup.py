"""Time from process start to a populated main window (not part of the test suite).

Usage::

    python tests/benchmarks/bench_startup.py --visits 20000 --repeat 5

Builds a demo database with the requested synthetic visits once, then starts
``planner --exit-when-ready`` on it several times (offscreen) and prints each run's reported
seconds and the median.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    """Run the benchmark and print the median."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visits", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        planner = [sys.executable, "-m", "planner"]
        subprocess.run(
            [*planner, "demo", "--db", str(db), "--visits", str(args.visits), "--seed", "1"],
            check=True,
            capture_output=True,
        )
        seconds: list[float] = []
        for _ in range(args.repeat):
            out = subprocess.run(
                [*planner, "--db", str(db), "--exit-when-ready"],
                check=True,
                capture_output=True,
                text=True,
                env=env,
            ).stdout
            match = re.search(r"ready visits=(\d+) seconds=([\d.]+)", out)
            if match is None:
                print(f"unexpected output: {out!r}", file=sys.stderr)
                return 1
            seconds.append(float(match.group(2)))
            print(f"run {len(seconds)}: {seconds[-1]:.2f} s ({match.group(1)} visits)")
    print(f"median: {statistics.median(seconds):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What the encrypted laptop file costs: a command and the window, plain against encrypted.

Usage (from the repository, with the worktree first on the path)::

    PYTHONPATH=$PWD .venv/bin/python tests/benchmarks/bench_encryption.py [--visits 2000]
        [--repeat 3]

Builds a demo database (``planner demo --visits N --seed 1``) in a temporary folder, times
``planner visits list`` and ``planner --exit-when-ready`` (its own ready line) *repeat* times,
runs ``planner encrypt`` (timed), then times the same two on the encrypted file. The key comes
from ``PLANNER_DATABASE_KEY``; keyring's refusing backend keeps the real keychain out of it.
Prints one JSON line per figure (every run and the median). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLANNER = [sys.executable, "-m", "planner"]
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    "PLANNER_DATABASE_KEY": "bench-encryption-key",
}


def _timed(*argv: str) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(
        [*PLANNER, *argv], env=ENV, check=True, capture_output=True, text=True
    ).stdout
    return time.perf_counter() - started, out


def _ready(db: Path) -> float:
    _seconds, out = _timed("--db", str(db), "--exit-when-ready")
    match = re.search(r"seconds=([0-9.]+)", out)
    assert match is not None, out
    return float(match.group(1))


def _report(metric: str, runs: list[float]) -> None:
    print(json.dumps({"metric": metric, "median": round(statistics.median(runs), 3),
                      "runs": [round(r, 3) for r in runs], "unit": "s"}))  # fmt: skip


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planner-encryption-") as folder:
        db = Path(folder) / "planner.sqlite3"
        _timed("demo", "--db", str(db), "--visits", str(args.visits), "--seed", "1")
        print(json.dumps({"metric": "file_bytes_plain", "value": db.stat().st_size}))
        for label in ("plain", "encrypted"):
            if label == "encrypted":
                _report("encrypt_s", [_timed("encrypt", "--db", str(db))[0]])
                print(json.dumps({"metric": "file_bytes_encrypted", "value": db.stat().st_size}))
            runs = [_timed("visits", "list", "--db", str(db))[0] for _ in range(args.repeat)]
            _report(f"visits_list_{label}_s", runs)
            _report(f"ready_{label}_s", [_ready(db) for _ in range(args.repeat)])
    print(json.dumps({"metric": "load_average", "value": os.getloadavg()[0]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

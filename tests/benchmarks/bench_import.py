"""Time ``planner import people`` of a generated 50,000-row CSV (not part of the test suite).

Usage::

    python tests/benchmarks/bench_import.py --rows 50000 --repeat 3

Each run creates a fresh database with two institutions, writes a CSV of *rows* people
(Latin and kanji names, categories, affiliations, e-mails, nationalities, dates of birth) and
runs the real command line (``planner import people FILE``) in a subprocess; the time is the
whole command, start-up included. Prints every run and the median, then checks that a second
import of the same file adds nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from planner.db.location import sqlite_target
from planner.domain.entities import Institution
from planner.domain.enums import InstitutionKind
from planner.services.container import Services

HEADER = "Family name,Given name,姓（漢字）,名（漢字）,Category,Affiliation,E-mail,国籍,生年月日"
_CATEGORIES = ("researcher", "研究者", "staff", "student")


def make_csv(path: Path, rows: int) -> None:
    """A people CSV with *rows* distinct people."""
    lines = [HEADER]
    for i in range(rows):
        home = "RIKEN Wako" if i % 2 else "Argonne"
        nationality = "日本" if i % 2 else "US"
        birth = f"{1950 + i % 50}/{1 + i % 12:02d}/{1 + i % 28:02d}"
        lines.append(
            f"Family{i},Given{i},田中{i},博{i},{_CATEGORIES[i % 4]},{home},"
            f"person{i}@example.org,{nationality},{birth}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_db(path: Path) -> None:
    """A new database with the two institutions the CSV names."""
    services = Services.open(sqlite_target(path), create=True)
    try:
        services.institutions.create(
            Institution(name="Argonne National Laboratory", short_name="Argonne",
                        kind=InstitutionKind.NATIONAL_LAB, country="US",
                        timezone="America/Chicago")
        )  # fmt: skip
        services.institutions.create(
            Institution(name="RIKEN Wako Campus", short_name="RIKEN Wako",
                        kind=InstitutionKind.RESEARCH_INSTITUTE, country="JP",
                        timezone="Asia/Tokyo")
        )  # fmt: skip
    finally:
        services.close()


def run_cli(db: Path, csv_path: Path) -> tuple[float, str]:
    """Seconds the command took and its output line."""
    command = [sys.executable, "-m", "planner", "--db", str(db), "import", "people", str(csv_path)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"import failed ({done.returncode}): {done.stderr[:2000]}")
    return seconds, done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the benchmark and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        csv_path = folder / "people.csv"
        make_csv(csv_path, args.rows)
        for run in range(1, args.repeat + 1):
            db = folder / f"run{run}.sqlite3"
            make_db(db)
            seconds, line = run_cli(db, csv_path)
            times.append(seconds)
            print(f"run {run}: {seconds:.2f} s — {line}")
        seconds, line = run_cli(folder / f"run{args.repeat}.sqlite3", csv_path)
        print(f"second import of the same file: {seconds:.2f} s — {line}")
    print(f"median of {args.repeat}: {statistics.median(times):.2f} s for {args.rows} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())

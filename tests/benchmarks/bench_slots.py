"""Time of the slot finder and of a series' occurrences with every site's time (not a test).

Usage::

    python tests/benchmarks/bench_slots.py --repeat 5

- *season*: Chicago–Kobe, 60 minutes, Tuesday to Thursday, 15 February to 28 May 2027 (the
  README's worked example);
- *year*: Chicago–Kobe–Zurich, 60 minutes, every day of 2027 (the longest useful search);
- *series*: a weekly series of 520 sessions (ten years) at three sites, with the working-hours
  and clock-change flags.

Prints every run and the medians in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from planner.domain.enums import Frequency
from planner.domain.series import Recurrence, Site, occurrences, site_times
from planner.domain.slots import SlotQuery, find_slots

ZONES = ("America/Chicago", "Asia/Tokyo", "Europe/Zurich")


def _season() -> None:
    find_slots(SlotQuery(ZONES[:2], 60, date(2027, 2, 15), date(2027, 5, 28),
                         frozenset({1, 2, 3})))  # fmt: skip


def _year() -> None:
    find_slots(SlotQuery(ZONES, 60, date(2027, 1, 1), date(2027, 12, 31), frozenset(range(7))))


def _series() -> None:
    first = datetime(2027, 3, 2, 23, 0, tzinfo=UTC)
    occ = occurrences(first, first + timedelta(hours=1), ZONES[0],
                      Recurrence(Frequency.WEEKLY, count=520))  # fmt: skip
    site_times(occ, ZONES[0], [Site(z, z) for z in ZONES])


def main() -> int:
    """Run each measurement *repeat* times and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    cases: dict[str, Callable[[], None]] = {"season": _season, "year": _year, "series": _series}
    for name, run in cases.items():
        samples = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run()
            samples.append((time.perf_counter() - start) * 1000)
        runs = ", ".join(f"{s:.1f}" for s in samples)
        print(f"{name}: median {statistics.median(samples):.1f} ms ({runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

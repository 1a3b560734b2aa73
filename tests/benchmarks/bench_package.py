"""Time signing, verifying, encrypting and planning an exchange package (not a test).

Usage::

    python tests/benchmarks/bench_package.py --repeat 50

Two fresh demo databases in a temporary folder (each with its own keys, the home institutions
set): the first exports V-2027-0001 signed, and signed + encrypted to the second's key with the
sensitive fields; the second opens each file (decrypt, check the signature) *repeat* times and
computes the import plan a few times. Prints file sizes and the median of each measurement.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from planner.db.location import sqlite_target
from planner.demo.populate import populate_demo
from planner.export.package import export_visit_package
from planner.importing.package import open_package
from planner.services.container import Services
from planner.services.exchange_import import ImportOptions


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _planner(folder: Path, home: str) -> Services:
    folder.mkdir()
    services = Services.open(sqlite_target(folder / "planner.sqlite3"), create=True)
    populate_demo(services)
    institution = next(i for i in services.institutions.list() if i.name == home)
    services.choices.set_home_institution(institution.id)
    return services


def main() -> int:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        origin = _planner(root / "argonne", "Argonne National Laboratory")
        partner = _planner(root / "riken", "RIKEN Center for Computational Science")
        visit_id = origin.visits.get_by_code("V-2027-0001").id or 0
        signed = export_visit_package(origin, visit_id, root / "signed.json")
        sealed = export_visit_package(
            origin, visit_id, root / "sealed.json", include_sensitive=True,
            recipient=partner.keys.own(),
        )  # fmt: skip
        print(f"signed package: {signed.stat().st_size} bytes")
        print(f"encrypted package with sensitive fields: {sealed.stat().st_size} bytes")
        export_ms = _median_ms(
            lambda: export_visit_package(origin, visit_id, root / "again.json"), args.repeat
        )
        print(f"build + sign + write: {export_ms:.1f} ms (median of {args.repeat})")
        for path in (signed, sealed):
            raw = path.read_bytes()
            ms = _median_ms(lambda raw=raw: open_package(raw, partner.keys), args.repeat)
            print(f"open + verify {path.name}: {ms:.1f} ms (median of {args.repeat})")
        opened = open_package(sealed.read_bytes(), partner.keys)
        options = ImportOptions(trust_new_key=True, accept_matches=True, include_sensitive=True)
        plan_ms = _median_ms(
            lambda: partner.exchange.plan(opened.package, opened.sender, options), 5
        )
        print(f"import plan (rolled-back run): {plan_ms:.1f} ms (median of 5)")
        origin.close()
        partner.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

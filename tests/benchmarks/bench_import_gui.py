"""How responsive the window stays while the import wizard reads and imports a large file.

Usage::

    python tests/benchmarks/bench_import_gui.py --rows 50000 --repeat 3 [--json]

Each run builds a database with two institutions and a *rows*-person CSV (as
``bench_import.py`` does), opens the main window on the people page and drives the real
:class:`~planner.ui.spreadsheets.import_wizard.ImportWizard`
through check and import. A 20 ms timer on the
GUI thread records how long the event loop went without running it; the longest gap while
checking, while importing and while the views reload afterwards is what a coordinator would
feel as a freeze. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import make_csv, make_db
from PySide6.QtCore import QEventLoop, QSettings, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

from planner.db.location import sqlite_target
from planner.services.container import Services
from planner.ui.shell.main_window import MainWindow
from planner.ui.spreadsheets.import_wizard import ImportWizard

TICK_MS = 20


class GapMeter:
    """Longest pause between ticks of a GUI-thread timer, per named phase."""

    def __init__(self) -> None:
        self.phase = "idle"
        self.longest: dict[str, float] = {}
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.timeout.connect(self._tick)
        self._timer.start(TICK_MS)

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self._last
        self._last = now
        self.longest[self.phase] = max(self.longest.get(self.phase, 0.0), gap)

    def enter(self, phase: str) -> None:
        """Start attributing gaps to *phase*."""
        self.phase = phase


def _wait(signal: SignalInstance, until: Callable[[], bool]) -> None:
    if until():
        return
    loop = QEventLoop()
    signal.connect(loop.quit)
    loop.exec()


def _settle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def run_once(rows: int, folder: Path) -> dict[str, float]:
    """One check + import of a *rows*-person file; gaps and durations in ms."""
    db, csv = folder / "bench.db", folder / "people.csv"
    make_db(db)
    make_csv(csv, rows)
    services = Services.open(sqlite_target(db))
    window = MainWindow(
        services, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    )
    window.show()
    window.workspace.show_page("people")
    meter = GapMeter()
    _settle(200)
    wizard = ImportWizard(window, services, "people")
    wizard.show()
    wizard.file_page.path_edit.setText(str(csv))
    meter.enter("check")
    started = time.perf_counter()
    wizard.next()
    wizard.next()
    _wait(wizard.checked, lambda: not wizard.preview_page.busy)
    check_ms = (time.perf_counter() - started) * 1000
    plan = wizard.preview_page.plan
    if plan is None or not plan.ok:
        raise SystemExit("the generated file did not check cleanly")
    meter.enter("import")
    started = time.perf_counter()
    wizard.next()
    _wait(wizard.imported, lambda: wizard.run_page.done)
    import_ms = (time.perf_counter() - started) * 1000
    meter.enter("reload")
    people_view = window.workspace.view("people")
    deadline = time.perf_counter() + 30
    while people_view.model.rowCount() < rows and time.perf_counter() < deadline:
        _settle(50)
    _settle(500)
    wizard.accept()
    meter.enter("closed")
    _settle(300)
    window.close()
    services.close()
    return {
        "check_ms": check_ms,
        "import_ms": import_ms,
        **{f"max_gap_{phase}_ms": gap * 1000 for phase, gap in meter.longest.items()},
    }


def main() -> None:
    """Run the benchmark and print each run and the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="one JSON object per metric")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    runs = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(run_once(args.rows, Path(tmp)))
        if not args.json:
            print({k: round(v) for k, v in runs[-1].items()}, flush=True)
    for metric in sorted({k for run in runs for k in run}):
        values = [run[metric] for run in runs if metric in run]
        median = round(statistics.median(values), 1)
        if args.json:
            print(json.dumps({"metric": f"import_gui_{args.rows // 1000}k_{metric}",
                              "median": median, "unit": "ms", "n": len(values)}))  # fmt: skip
        else:
            print(f"{metric}: median {median} ms over {len(values)} runs")


if __name__ == "__main__":
    main()

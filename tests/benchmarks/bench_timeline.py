"""Time to build and paint the timeline with about a thousand visits in view (not a test).

Usage::

    python tests/benchmarks/bench_timeline.py --visits 20000 --repeat 5

Builds a demo database with the requested synthetic visits once (20,000 put about a thousand
visits in a quarter around today), then, offscreen at 1200×720 on the quarter scale:

- *build*: a new TimelineView created, shown and painted once (the query, the layout and the
  first paint);
- *paint*: one more full repaint of the canvas;
- *step*: Right (one week later, inside the loaded window: no query, a paint);
- *page*: Page Down twice (two screens later, past the loaded window: a new query and
  layout, then a paint).

Prints every run and the medians, and how many visits the loaded and the visible windows hold.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from planner.db.location import sqlite_target
from planner.demo.populate import populate_demo
from planner.services.container import Services
from planner.services.visits import VisitFilter
from planner.ui.shell.fonts import install_japanese_fallback
from planner.ui.timeline.timeline_layout import Grouping, Scale
from planner.ui.timeline.timeline_view import TimelineView


def _key(widget: object, key: Qt.Key) -> None:
    event = QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def main() -> int:
    """Run the benchmark and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visits", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--grouping", choices=[g.value for g in Grouping], default="institution")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the app is created
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_japanese_fallback(app)
    today = date(2026, 11, 27)
    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(sqlite_target(Path(folder) / "bench.sqlite3"), create=True)
        try:
            started = time.perf_counter()
            populate_demo(services, synthetic_visits=args.visits, seed=1, today=today)
            print(
                f"database: {services.visits.count()} visits "
                f"({time.perf_counter() - started:.1f} s to build)"
            )
            timings: dict[str, list[float]] = {"build": [], "paint": [], "step": [], "page": []}
            for run in range(args.repeat):
                started = time.perf_counter()
                view = TimelineView(services, today=today)
                view.set_scale(Scale.QUARTER)
                view.set_grouping(Grouping(args.grouping))
                view.resize(1200, 720)
                view.show()
                view.canvas.viewport().grab()
                timings["build"].append(time.perf_counter() - started)

                canvas = view.canvas
                layout = canvas.layout_data
                assert layout is not None
                first, last = canvas.visible_range()
                in_view = len(
                    services.visits.summaries(
                        VisitFilter(overlapping_from=first, overlapping_to=last)
                    )
                )
                started = time.perf_counter()
                canvas.viewport().grab()
                timings["paint"].append(time.perf_counter() - started)

                queries = view.queries
                started = time.perf_counter()
                _key(canvas, Qt.Key.Key_Right)
                canvas.viewport().grab()
                timings["step"].append(time.perf_counter() - started)
                assert view.queries == queries, "a step inside the loaded window queried"

                # Two pages later: past the loaded window, so this one reads and lays out.
                started = time.perf_counter()
                _key(canvas, Qt.Key.Key_PageDown)
                _key(canvas, Qt.Key.Key_PageDown)
                canvas.viewport().grab()
                timings["page"].append(time.perf_counter() - started)
                assert view.queries > queries, "paging past the loaded window did not read"

                print(
                    f"run {run + 1}: "
                    + ", ".join(f"{k} {v[-1] * 1000:.1f} ms" for k, v in timings.items())
                    + f" | {in_view} visits in view ({first}…{last}), "
                    f"{layout.bar_count} bars in the loaded window, "
                    f"{len(canvas.visible_bars())} painted after paging"
                )
                view.close()
                view.deleteLater()
                app.processEvents()
            print(
                "median: "
                + ", ".join(f"{k} {statistics.median(v) * 1000:.1f} ms" for k, v in timings.items())
            )
        finally:
            services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

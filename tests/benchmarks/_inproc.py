"""In-process measurements for ``run.py`` (not a test; run by ``run.py`` in a fresh process).

Usage::

    python tests/benchmarks/_inproc.py GROUP --db PATH --synthetic N --repeat N

Each group opens the database, creates an offscreen QApplication, measures and prints one JSON
object per line: ``{"metric": name, "samples": [...], "unit": unit}`` (plus optional notes).
Groups run in separate processes so one measurement's leftovers (caches, loaded models,
garbage) do not slow down the next.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # read when the application is created

from PySide6.QtWidgets import QApplication

from planner.db.location import sqlite_target
from planner.services.container import Services
from planner.ui.shell.fonts import install_japanese_fallback

#: A realistic typed filter: a family name letter by letter, then the field cleared.
TYPED = ("t", "ta", "tan", "tana", "tanak", "tanaka", "")


def emit(metric: str, samples: list[float], unit: str, **extra: Any) -> None:
    """Print one metric's raw samples as a JSON line (``run.py`` aggregates them)."""
    print(json.dumps({"metric": metric, "samples": samples, "unit": unit, **extra}), flush=True)


def ms_since(start: float) -> float:
    """Milliseconds since *start* (a ``perf_counter`` value)."""
    return (time.perf_counter() - start) * 1000


def app() -> QApplication:
    """The offscreen application, with the fonts the real application installs."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    created = QApplication(["planner-bench"])
    install_japanese_fallback(created)
    return created


def curated_visit(db: Path, synthetic: int) -> int:
    """The curated demo visit closest to 14 days long (most itinerary items on a tie)."""
    with sqlite3.connect(db) as con:
        (total,) = con.execute("SELECT count(*) FROM visits").fetchone()
        rows = con.execute(
            "SELECT v.id, julianday(v.departure_date) - julianday(v.arrival_date),"
            " (SELECT count(*) FROM itinerary_items i WHERE i.visit_id = v.id)"
            " FROM visits v WHERE v.id <= ? AND v.status != 'cancelled'",
            (total - synthetic,),
        ).fetchall()
    rows.sort(key=lambda r: (abs(r[1] - 14), -r[2], r[0]))
    return int(rows[0][0])


# -- table load and filter ---------------------------------------------------------------------

PLAIN_SUMMARY_SQL = """
SELECT v.id, v.code, v.visitor_id, p.given_name, p.family_name, p.family_name_native,
       p.given_name_native, coalesce(nullif(home.short_name, ''), home.name),
       coalesce(nullif(host.short_name, ''), host.name), v.arrival_date, v.departure_date,
       v.status, v.purpose, coalesce(pr.name, ''), v.version, v.host_institution_id,
       p.home_institution_id, v.project_id
FROM visits v
JOIN people p ON v.visitor_id = p.id
JOIN institutions home ON p.home_institution_id = home.id
JOIN institutions host ON v.host_institution_id = host.id
LEFT JOIN projects pr ON v.project_id = pr.id
"""


def group_table(services: Services, db: Path, repeat: int, size: str) -> None:
    """Model refresh vs a plain sqlite3 fetch of the same join; then filter keystrokes."""
    from planner.ui.visits.visits_model import VisitFilterProxyModel, VisitTableModel

    app()
    model = VisitTableModel(services.visits)
    con = sqlite3.connect(db)

    def plain() -> int:
        return len(con.execute(PLAIN_SUMMARY_SQL).fetchall())

    model.refresh()  # warm both (page cache, imports, statement caches); not timed
    rows = plain()
    model_ms: list[float] = []
    sqlite_ms: list[float] = []
    query_ms: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        plain()
        sqlite_ms.append(ms_since(start))
        start = time.perf_counter()
        summaries = services.visits.summaries()
        query_ms.append(ms_since(start))
        del summaries
        start = time.perf_counter()
        model.refresh()
        model_ms.append(ms_since(start))
    con.close()
    assert model.rowCount() == rows, (model.rowCount(), rows)
    emit(f"table_load_{size}_ms", model_ms, "ms", rows=rows)
    emit(f"sqlite_summary_{size}_ms", sqlite_ms, "ms", rows=rows)
    emit(f"summaries_service_{size}_ms", query_ms, "ms", rows=rows)

    proxy = VisitFilterProxyModel()
    proxy.setSourceModel(model)
    keystrokes: list[float] = []
    shown: list[int] = []
    for _ in range(repeat):
        for text in TYPED:
            start = time.perf_counter()
            proxy.set_filter_text(text)
            proxy.rowCount()
            keystrokes.append(ms_since(start))
            shown.append(proxy.rowCount())
    emit(f"filter_keystroke_{size}_ms", keystrokes, "ms", typed=list(TYPED), shown=shown[:7])


# -- editor ------------------------------------------------------------------------------------


def group_editor(services: Services, db: Path, repeat: int, synthetic: int, size: str) -> None:
    """MainWindow once, then open (construct + show + first events) and close visit editors."""
    from planner.ui.shell.main_window import MainWindow

    qt = app()
    start = time.perf_counter()
    window = MainWindow(services, None)
    window.show()
    qt.processEvents()
    emit(f"main_window_{size}_ms", [ms_since(start)], "ms")
    with sqlite3.connect(db) as con:
        (total,) = con.execute("SELECT max(id) FROM visits").fetchone()
    curated = curated_visit(db, synthetic)
    ids = [curated, 1, 4, total // 2, total - 7, total // 3, 10][:repeat]
    samples: list[float] = []
    for visit_id in ids:
        start = time.perf_counter()
        editor = window.open_visit(visit_id)
        qt.processEvents()  # the first layout and paint of the shown editor
        samples.append(ms_since(start))
        editor.close()
        qt.processEvents()
    emit("editor_open_ms", samples, "ms", visit_ids=ids, note="first sample is the cold open")
    window.close()


# -- exports -----------------------------------------------------------------------------------


def group_export(services: Services, db: Path, repeat: int, synthetic: int) -> None:
    """Single itinerary exports of the curated ~14-day visit, PDF and iCalendar."""
    from planner.export.itinerary import ExportFormat, export_itinerary

    app()
    visit_id = curated_visit(db, synthetic)
    visit = services.visits.get(visit_id)
    items = len(services.itinerary.for_visit(visit_id))
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        for fmt, metric in (
            (ExportFormat.PDF, "pdf_export_ms"),
            (ExportFormat.ICS, "ics_export_ms"),
        ):
            samples: list[float] = []
            for run in range(repeat):
                out = Path(folder) / f"{run}.{fmt.value}"
                start = time.perf_counter()
                export_itinerary(services, visit_id, fmt, out)
                samples.append(ms_since(start))
            emit(
                metric,
                samples,
                "ms",
                visit=visit.code,
                days=(visit.departure_date - visit.arrival_date).days,
                items=items,
                note="first sample is cold (fonts, imports)",
            )


# -- views -------------------------------------------------------------------------------------


def _view_samples(
    make: Callable[[], Any], repeat: int
) -> tuple[list[float], list[float], list[float], list[float]]:
    qt = app()
    total: list[float] = []
    construct: list[float] = []
    reload: list[float] = []
    paint: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        view = make()
        built = time.perf_counter()
        view.reload()
        reloaded = time.perf_counter()
        view.resize(1200, 720)
        view.show()
        qt.processEvents()  # expose, layout and the first paint
        end = time.perf_counter()
        total.append((end - start) * 1000)
        construct.append((built - start) * 1000)
        reload.append((reloaded - built) * 1000)
        paint.append((end - reloaded) * 1000)
        view.close()
        view.deleteLater()
        qt.processEvents()
    return total, construct, reload, paint


def group_views(services: Services, repeat: int, size: str) -> None:
    """DashboardView and TimelineView: construct (which loads) + reload() + show + paint."""
    from planner.ui.dashboard.dashboard_view import DashboardView
    from planner.ui.timeline.timeline_view import TimelineView

    for name, make in (
        ("dashboard", lambda: DashboardView(services)),
        ("timeline", lambda: TimelineView(services)),
    ):
        total, construct, reload, paint = _view_samples(make, repeat)
        emit(f"{name}_{size}_ms", total, "ms", note="construct + reload() + show + first paint")
        emit(f"{name}_{size}_construct_ms", construct, "ms")
        emit(f"{name}_{size}_reload_ms", reload, "ms")
        emit(f"{name}_{size}_show_paint_ms", paint, "ms")


# -- change stall ------------------------------------------------------------------------------


def group_change(services: Services, repeat: int, size: str) -> None:
    """Longest event-loop pause in the 2 s after one visit is saved through the services.

    The main window is open on the visits view (as a coordinator with a visit editor in
    another window would have it). A zero-interval timer on the GUI thread ticks whenever the
    loop is free; the clock starts when the save returns (the save's own time, a few ms
    on an idle machine, is reported as ``save_ms``): what is measured is what the views do
    about the change.
    """
    from dataclasses import replace

    from PySide6.QtCore import QEventLoop, QTimer

    from planner.domain.enums import Purpose
    from planner.ui.shell.main_window import MainWindow

    qt = app()
    window = MainWindow(services, None)
    window.resize(1200, 720)
    window.show()
    window.workspace.show_page("visits")
    qt.processEvents()
    table = window.visits_view.model
    ids = [table.visit_at(row).id for row in (0, table.rowCount() // 2, table.rowCount() - 1)]
    samples: list[float] = []
    saves: list[float] = []
    idle: list[float] = []
    for n in range(repeat + 1):  # the first round saves nothing: the idle loop's own pauses
        visit_id = ids[n % len(ids)]
        longest = 0.0
        last = time.perf_counter()

        def tick() -> None:
            nonlocal last, longest
            now = time.perf_counter()
            longest = max(longest, now - last)
            last = now

        def save(visit_id: int = visit_id) -> None:
            stored = services.visits.get(visit_id)
            purposes = list(Purpose)
            other = purposes[(purposes.index(stored.purpose) + 1) % len(purposes)]
            nonlocal last, longest
            started = time.perf_counter()
            services.visits.update(replace(stored, purpose=other))
            last = time.perf_counter()
            saves.append((last - started) * 1000)
            longest = 0.0

        # Let the window settle, then measure from just before the save for 2 s.
        settle = QEventLoop()
        QTimer.singleShot(300, settle.quit)
        settle.exec()
        ticker = QTimer()
        ticker.setInterval(0)
        ticker.timeout.connect(tick)
        loop = QEventLoop()
        QTimer.singleShot(2000, loop.quit)
        last = time.perf_counter()
        longest = 0.0
        ticker.start()
        if n > 0:
            QTimer.singleShot(10, save)
        loop.exec()
        ticker.stop()
        (samples if n > 0 else idle).append(longest * 1000)
    emit(
        f"change_stall_{size}_ms",
        samples,
        "ms",
        save_ms=[round(v, 1) for v in saves],
        idle_ms=[round(v, 1) for v in idle],
        note="longest event-loop pause in the 2 s after services.visits.update of one visit",
    )
    window.close()


# -- batch -------------------------------------------------------------------------------------


def _batch_people(db: Path, wanted: int) -> tuple[date, list[int]]:
    """A date and up to *wanted* people with exactly one (not cancelled) visit covering it."""
    best: tuple[date, list[int]] = (date.today(), [])
    with sqlite3.connect(db) as con:
        for offset in (0, 30, -30, 60, 90):
            day = date.today() + timedelta(days=offset)
            people = [
                int(pid)
                for (pid,) in con.execute(
                    "SELECT visitor_id FROM visits WHERE status != 'cancelled'"
                    " AND arrival_date <= ? AND departure_date >= ?"
                    " GROUP BY visitor_id HAVING count(*) = 1 ORDER BY visitor_id",
                    (day.isoformat(), day.isoformat()),
                )
            ]
            if len(people) > len(best[1]):
                best = (day, people)
            if len(people) >= wanted:
                break
    return best[0], best[1][:wanted]


def group_batch(services: Services, db: Path, repeat: int, size: int) -> None:
    """An event with *size* participants, each with a visit covering it; batch PDF export.

    Changes the database (one event, its participants and their itinerary items): run last.
    """
    from planner.domain.entities import Event
    from planner.domain.enums import EventKind
    from planner.domain.timezones import local_to_utc
    from planner.export.itinerary import ExportFormat, export_event_itineraries

    app()
    day, people = _batch_people(db, size)
    host = services.institutions.list()[0]
    assert host.id is not None
    start = time.perf_counter()
    event = services.events.create(
        Event(
            kind=EventKind.LECTURE,
            title="Benchmark lecture",
            institution_id=host.id,
            start_utc=local_to_utc(datetime.combine(day, clock(10)), host.timezone),
            start_zone=host.timezone,
            end_utc=local_to_utc(datetime.combine(day, clock(11)), host.timezone),
            end_zone=host.timezone,
        )
    )
    assert event.id is not None
    for person_id in people:
        services.events.set_participant(event.id, person_id)
    setup_s = time.perf_counter() - start
    samples: list[float] = []
    written = 0
    per_file: list[float] = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder:
            start = time.perf_counter()
            result = export_event_itineraries(services, event.id, Path(folder), ExportFormat.PDF)
            samples.append(time.perf_counter() - start)
        written = len(result.written)
        per_file.append(samples[-1] * 1000 / max(written, 1))
    emit(
        f"batch_{size}_s",
        samples,
        "s",
        files=written,
        failed=len(result.failed),
        event_day=day.isoformat(),
        setup_s=round(setup_s, 2),
        ms_per_file=[round(v, 1) for v in per_file],
        note="export_event_itineraries(PDF) over an event with one covering visit per participant",
    )


def main() -> int:
    """Run one group and print its samples."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("group", choices=["table", "editor", "export", "views", "change", "batch"])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--synthetic", type=int, required=True, help="synthetic visits in --db")
    parser.add_argument("--size", default="100k", help="label used in metric names")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--batch", type=int, default=200, help="participants in the batch")
    args = parser.parse_args()
    services = Services.open(sqlite_target(args.db))
    try:
        match args.group:
            case "table":
                group_table(services, args.db, args.repeat, args.size)
            case "editor":
                group_editor(services, args.db, args.repeat, args.synthetic, args.size)
            case "export":
                group_export(services, args.db, args.repeat, args.synthetic)
            case "views":
                group_views(services, args.repeat, args.size)
            case "change":
                group_change(services, args.repeat, args.size)
            case "batch":
                group_batch(services, args.db, args.repeat, args.batch)
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

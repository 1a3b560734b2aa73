"""Operation: work on a pool thread, callbacks on the GUI thread, latest wins, no nested loop."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QThread, QThreadPool
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.ui.common.operations import LatestOnly, Operation, Report


def test_success_runs_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = QThread.currentThread()
    work_threads: list[QThread] = []
    delivered: list[tuple[int, bool]] = []

    def work(_report: Report) -> int:
        work_threads.append(QThread.currentThread())
        return 42

    op = Operation(
        None, work, lambda value: delivered.append((value, QThread.currentThread() is gui))
    )
    op.run_in_background()
    assert op.running
    qtbot.waitUntil(lambda: bool(delivered))
    assert delivered == [(42, True)]
    assert work_threads and work_threads[0] is not gui
    assert not op.running


def test_failure_gets_the_exception_and_no_success(qtbot: QtBot) -> None:
    gui = QThread.currentThread()
    successes: list[object] = []
    failures: list[tuple[Exception, bool]] = []
    error = OSError("database is locked")

    def work(_report: Report) -> int:
        raise error

    Operation(None, work, successes.append).failure(
        lambda exc: failures.append((exc, QThread.currentThread() is gui))
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(failures))
    QCoreApplication.processEvents()
    assert failures == [(error, True)]
    assert successes == []


def test_progress_arrives_in_order_before_the_result(qtbot: QtBot) -> None:
    seen: list[object] = []

    def work(report: Report) -> str:
        for done in range(1, 51):
            report(done, 50, f"file {done}")
        return "written"

    Operation(None, work, seen.append).with_progress(
        lambda done, total, label: seen.append((done, total, label))
    ).run_in_background()
    qtbot.waitUntil(lambda: "written" in seen)
    assert seen == [(d, 50, f"file {d}") for d in range(1, 51)] + ["written"]


def test_cancel_stops_the_work_at_its_next_report(qtbot: QtBot) -> None:
    at_two = threading.Event()
    go_on = threading.Event()
    results: list[list[int]] = []

    def work(report: Report) -> list[int]:
        written: list[int] = []
        for n in range(100):
            if not report(n, 100):
                break
            written.append(n)
            if n == 2:
                at_two.set()
                go_on.wait(5)  # the user presses Cancel now
        return written

    op = Operation(None, work, results.append).run_in_background()
    assert at_two.wait(5)
    op.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: bool(results))
    assert results == [[0, 1, 2]]  # the partial result is still delivered


def test_the_caller_returns_before_the_work_finishes(qtbot: QtBot) -> None:
    release = threading.Event()
    delivered: list[str] = []

    def work(_report: Report) -> str:
        release.wait(5)
        return "done"

    op = Operation(None, work, delivered.append).run_in_background()
    # Back here while the work still waits: nothing ran an event loop in between.
    assert op.running and delivered == []
    release.set()
    qtbot.waitUntil(lambda: delivered == ["done"])


def test_an_older_result_is_dropped_when_a_newer_request_was_made(qtbot: QtBot) -> None:
    release = threading.Event()
    started = threading.Event()
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    applied: list[str] = []
    latest = LatestOnly()

    def stale(_report: Report) -> str:
        started.set()
        release.wait(5)  # still running when the second request is made
        return "stale"

    latest.run_in_background(Operation(None, stale, applied.append, pool=pool))
    assert started.wait(5)
    assert latest.busy
    latest.run_in_background(Operation(None, lambda _r: "fresh", applied.append, pool=pool))
    qtbot.waitUntil(lambda: applied == ["fresh"])
    release.set()
    pool.waitForDone()
    QCoreApplication.processEvents()  # deliver the stale result (posted before waitForDone)
    assert applied == ["fresh"]
    assert not latest.busy


def _after(release: threading.Event, value: str) -> Callable[[Report], str]:
    def work(_report: Report) -> str:
        release.wait(5)
        return value

    return work


def test_run_now_discards_a_pending_request_and_delivers_synchronously(qtbot: QtBot) -> None:
    release = threading.Event()
    pool = QThreadPool()
    applied: list[str] = []
    latest = LatestOnly()
    latest.run_in_background(Operation(None, _after(release, "stale"), applied.append, pool=pool))
    assert latest.run_now(Operation(None, lambda _r: "now", applied.append)) == "now"
    assert applied == ["now"]
    release.set()
    pool.waitForDone()
    QCoreApplication.processEvents()
    assert applied == ["now"]


def test_run_now_raises_the_exception_to_its_caller() -> None:
    def work(_report: Report) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        Operation(None, work).run_now()


def test_nothing_is_delivered_once_the_parent_is_deleted(qtbot: QtBot) -> None:
    release = threading.Event()
    pool = QThreadPool()
    parent = QWidget()
    delivered: list[str] = []
    Operation(parent, _after(release, "late"), delivered.append, pool=pool).run_in_background()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent))
    release.set()  # the job now emits into its relay, which outlived the parent
    pool.waitForDone()
    QCoreApplication.processEvents()
    assert delivered == []


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True

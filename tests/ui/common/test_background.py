"""BackgroundLoader: reads on a pool thread, results applied on the GUI thread, latest wins."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QThread, QThreadPool
from pytestqt.qtbot import QtBot

from planner.ui.common.background import BackgroundLoader, BackgroundTask


def test_result_is_applied_on_the_gui_thread(qtbot: QtBot) -> None:
    worker_threads: list[int] = []
    applied: list[tuple[int, bool]] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    loader: BackgroundLoader[int] = BackgroundLoader(
        work, lambda value: applied.append((value, QThread.currentThread().isMainThread()))
    )
    with qtbot.waitSignal(loader.loaded):
        loader.request()
        assert loader.busy
    assert applied == [(42, True)]
    assert worker_threads != [threading.get_ident()]
    assert not loader.busy


def test_only_the_latest_request_is_applied(qtbot: QtBot) -> None:
    release = threading.Event()
    started = threading.Event()
    calls = iter(["stale", "fresh"])

    def work() -> str:
        value = next(calls)
        if value == "stale":
            started.set()
            release.wait(5)  # still running when the second request is made
        return value

    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    applied: list[str] = []
    loader: BackgroundLoader[str] = BackgroundLoader(work, applied.append, pool=pool)
    loader.request()
    assert started.wait(5)  # the first read is under way (and holds "stale")
    with qtbot.waitSignal(loader.loaded):
        loader.request()
    release.set()
    pool.waitForDone()
    QCoreApplication.processEvents()  # deliver the stale result (posted before waitForDone)
    assert applied == ["fresh"]


def test_a_failing_read_reports_a_message(qtbot: QtBot) -> None:
    def work() -> int:
        raise OSError("database is locked")

    loader: BackgroundLoader[int] = BackgroundLoader(work, lambda _value: None)
    with qtbot.waitSignal(loader.failed) as failed:
        loader.request()
    assert "database is locked" in failed.args[0]  # in the paragraph the user reads
    assert not loader.busy


def test_run_now_applies_synchronously() -> None:
    applied: list[int] = []
    loader: BackgroundLoader[int] = BackgroundLoader(lambda: 7, applied.append)
    loader.run_now()
    assert applied == [7]


def test_task_reports_progress_and_returns_its_result(qtbot: QtBot) -> None:
    def work(report: Callable[[int, int, str], bool]) -> str:
        for done in range(1, 4):
            report(done, 3, f"file {done}")
        return "written"

    task = BackgroundTask(work)
    seen: list[tuple[int, int, str]] = []
    task.progress.connect(lambda d, t, label: seen.append((d, t, label)))
    assert task.run() == "written"
    QCoreApplication.processEvents()
    assert seen == [(1, 3, "file 1"), (2, 3, "file 2"), (3, 3, "file 3")]


def test_cancelled_task_stops_at_its_next_report(qtbot: QtBot) -> None:
    written: list[int] = []
    task = BackgroundTask(lambda report: None)

    def work(report: Callable[[int, int, str], bool]) -> list[int]:
        for n in range(100):
            if not report(n, 100, ""):
                break
            written.append(n)
            if n == 2:
                task.cancel()  # as the dialog's Cancel button does
        return written

    task.work = work
    assert task.run() == [0, 1, 2]


def test_task_errors_are_raised_on_the_calling_thread() -> None:
    def work(report: Callable[[int, int, str], bool]) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        BackgroundTask(work).run()

"""BackgroundLoader: reads on a pool thread, results applied on the GUI thread, latest wins."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QThread, QThreadPool
from pytestqt.qtbot import QtBot

from planner.ui.background import BackgroundLoader


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
    calls = iter(["stale", "fresh"])

    def work() -> str:
        value = next(calls)
        if value == "stale":
            release.wait(5)  # still running when the second request is made
        return value

    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    applied: list[str] = []
    loader: BackgroundLoader[str] = BackgroundLoader(work, applied.append, pool=pool)
    loader.request()
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
    assert failed.args == ["database is locked"]
    assert not loader.busy


def test_run_now_applies_synchronously() -> None:
    applied: list[int] = []
    loader: BackgroundLoader[int] = BackgroundLoader(lambda: 7, applied.append)
    loader.run_now()
    assert applied == [7]

"""Reads that run off the GUI thread and hand their result back to it.

A view that reloads tens of thousands of rows (the directory after a large import) would
otherwise freeze the window while the query runs and the rows are prepared. Only the latest
request counts: a result that arrives after a newer request was made is dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, Signal

from planner.ui.common.errors import error_message

T = TypeVar("T")

_log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a worker's result to the thread the loader lives in (queued signal)."""

    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, generation: int, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._generation = generation
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # reported to the view; the window never sees a traceback
            _log.exception("background read failed")
            self._relay.failed.emit(self._generation, error_message(exc))
            return
        self._relay.done.emit(self._generation, result)


class BackgroundLoader(QObject, Generic[T]):
    """Runs *work* on a pool thread and calls *apply* with its result on the GUI thread.

    ``work`` must only read (through the services, which open their own session per call)
    and build plain data; ``apply`` puts that data into models. :attr:`loaded` is emitted
    after each applied result, :attr:`failed` with a message when the read fails.
    """

    loaded = Signal()
    failed = Signal(str)

    def __init__(
        self,
        work: Callable[[], T],
        apply: Callable[[T], None],
        parent: QObject | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._apply = apply
        self._pool = pool or QThreadPool.globalInstance()
        self._generation = 0
        self._pending = False
        # No parent: a job still running when the view goes away emits into a live relay,
        # whose connections to this (deleted) loader are already gone.
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        """True while the latest request has not delivered its result yet."""
        return self._pending

    def request(self) -> None:
        """Start a read; any result of an earlier, unfinished read will be ignored."""
        self._generation += 1
        self._pending = True
        self._pool.start(_Job(self._generation, self._work, self._relay))

    def run_now(self) -> None:
        """Read and apply on the calling thread (start-up, tests, small data)."""
        self._generation += 1
        self._pending = False
        self._apply(self._work())
        self.loaded.emit()

    def _on_done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # superseded by a newer request
        self._pending = False
        self._apply(result)  # type: ignore[arg-type]  # produced by self._work
        self.loaded.emit()

    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._pending = False
        self.failed.emit(message)


class _TaskRelay(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class _TaskJob(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        task = self._task
        try:
            result = task.work(task.report)
        except Exception as exc:  # handed to the GUI thread, which shows it without a traceback
            _log.debug("background task failed", exc_info=True)
            task.relay.failed.emit(exc)
            return
        task.relay.done.emit(result)


class BackgroundTask(QObject):
    """A long job (an export, a report) on a pool thread, with progress and cancel.

    *work* receives a ``report(done, total, label) -> bool`` callback and runs off the GUI
    thread (services open their own session per call); ``report`` returns False once
    :meth:`cancel` was called, so the job can stop between files. :meth:`run` starts the job
    and waits for it in a local event loop: the window keeps repainting and the progress
    dialog's Cancel button keeps working, while callers stay as simple as a function call.
    """

    progress = Signal(int, int, str)

    def __init__(
        self,
        work: Callable[[Callable[[int, int, str], bool]], object],
        parent: QObject | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.work = work
        self._pool = pool or QThreadPool.globalInstance()
        self._cancelled = threading.Event()
        self.relay = _TaskRelay()
        self.relay.progress.connect(self.progress)

    def report(self, done: int, total: int, label: str = "") -> bool:
        """Progress from the job (any thread); False once the user cancelled."""
        self.relay.progress.emit(done, total, label)
        return not self._cancelled.is_set()

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report."""
        self._cancelled.set()

    def run(self) -> object:
        """Run the job and return its result; re-raises the job's exception here."""
        loop = QEventLoop()
        outcome: list[tuple[bool, object]] = []

        def finish(ok: bool, value: object) -> None:
            outcome.append((ok, value))
            loop.quit()

        self.relay.done.connect(lambda value: finish(True, value))
        self.relay.failed.connect(lambda exc: finish(False, exc))
        self._pool.start(_TaskJob(self))
        if not outcome:
            loop.exec()
        ok, value = outcome[0]
        if not ok:
            assert isinstance(value, BaseException)
            raise value
        return value

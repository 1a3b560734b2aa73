"""Work off the GUI thread: one helper for reads, exports and imports.

Learnt from Anki's ``QueryOp``: build an :class:`Operation` with the work and what to do with
its result, add a failure handler or progress if wanted, and start it::

    Operation(self, lambda report: services.reports.activity(fy), success=self.show_report)
        .failure(lambda exc: self.summary_label.setText(error_message(exc)))
        .run_in_background()

The work runs on a pool thread (services open their own session per call); ``success``,
``failure`` and progress callbacks run on the GUI thread, so they may touch widgets. Nothing
waits: the caller returns at once and no event loop is ever nested. :class:`LatestOnly`
keeps only the newest of a series of requests (reloads), and :meth:`Operation.run_now` does
the same work synchronously (start-up, tests).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from planner.domain.errors import PlannerError

T = TypeVar("T")

_log = logging.getLogger(__name__)


class Report(Protocol):
    """What the work calls to report progress: ``report(done, total, label)``.

    Returns False once the operation was cancelled (or superseded), so the work can stop
    at that point; work that cannot stop simply ignores the answer.
    """

    def __call__(self, done: int, total: int, label: str = "") -> bool:
        """Report progress from the worker thread; False means stop."""
        ...


class _Relay(QObject):
    """The sending side, used from the worker thread; it has no parent on purpose.

    A job still running when the widget that started it goes away must emit into a live
    object: this one is kept alive by the job. Its signals reach a receiver that is a child
    of that widget, so once the widget is deleted the connections are gone with it and the
    late result is dropped instead of calling into a deleted widget.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Receiver(QObject):
    """The receiving side: lives on the GUI thread, as a child of the operation's parent."""

    def __init__(self, operation: Operation[Any], parent: QObject | None) -> None:
        super().__init__(parent)
        # None once the operation delivered or was discarded; events already queued for this
        # receiver before its deletion then find nothing to call.
        self.operation: Operation[Any] | None = operation

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, label: str) -> None:
        if self.operation is not None:
            self.operation._deliver_progress(done, total, label)

    @Slot(object)
    def on_success(self, result: object) -> None:
        if self.operation is not None:
            self.operation._deliver_success(result)

    @Slot(object)
    def on_failure(self, exc: object) -> None:
        if self.operation is not None:
            assert isinstance(exc, Exception)
            self.operation._deliver_failure(exc)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Report], object], report: Report, relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._report = report
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._report)
        except Exception as exc:  # handed to the GUI thread, which shows it without a traceback
            _log_failure(exc)
            self._relay.failed.emit(exc)
            return
        self._relay.succeeded.emit(result)


def _log_failure(exc: Exception) -> None:
    if isinstance(exc, PlannerError):
        _log.debug("operation failed", exc_info=exc)  # expected: the user is told why
    else:
        _log.error("operation failed unexpectedly", exc_info=exc)


#: Operations started without a parent, kept alive until they deliver.
_unparented: set[Operation[Any]] = set()


class Operation(Generic[T]):
    """One piece of work for a pool thread, its result and failure handled on the GUI thread.

    *work* receives a :class:`Report` callable. *success* gets the result; the handler set
    with :meth:`failure` gets the exception (show it with
    :func:`planner.ui.common.errors.error_message`). Without a failure handler the exception
    goes to ``sys.excepthook``, which in the application tells the user and logs the
    traceback. If *parent* is deleted before the work ends, nothing is delivered.
    """

    def __init__(
        self,
        parent: QObject | None,
        work: Callable[[Report], T],
        success: Callable[[T], None] | None = None,
        *,
        pool: QThreadPool | None = None,
    ) -> None:
        self._parent = parent
        self._work = work
        self._success = success
        self._failure: Callable[[Exception], None] | None = None
        self._progress: Callable[[int, int, str], None] | None = None
        self._pool = pool
        self._cancelled = threading.Event()
        self._discarded = False
        self._running = False
        self._receiver: _Receiver | None = None

    def failure(self, callback: Callable[[Exception], None]) -> Operation[T]:
        """Call *callback* with the exception if the work raises; returns self."""
        self._failure = callback
        return self

    def with_progress(self, callback: Callable[[int, int, str], None]) -> Operation[T]:
        """Call *callback(done, total, label)* for each report, in order; returns self."""
        self._progress = callback
        return self

    @property
    def running(self) -> bool:
        """True from :meth:`run_in_background` until the result or failure is delivered."""
        return self._running

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` (or :meth:`discard`) was called."""
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Ask the work to stop: its next report returns False. Its result is still delivered."""
        self._cancelled.set()

    def discard(self) -> None:
        """Cancel and deliver nothing more (a newer request superseded this one)."""
        self._discarded = True
        self._cancelled.set()
        self._finish()

    def run_in_background(self) -> Operation[T]:
        """Start the work on a pool thread and return at once; returns self."""
        relay = _Relay()
        receiver = _Receiver(self, self._parent)
        relay.progressed.connect(receiver.on_progress)
        relay.succeeded.connect(receiver.on_success)
        relay.failed.connect(receiver.on_failure)
        self._receiver = receiver
        self._running = True
        if self._parent is None:
            _unparented.add(self)

        cancelled = self._cancelled

        def report(done: int, total: int, label: str = "") -> bool:
            relay.progressed.emit(done, total, label)
            return not cancelled.is_set()

        # The job holds the relay and the work, never the receiver or this operation: those
        # belong to the GUI thread.
        pool = self._pool or QThreadPool.globalInstance()
        pool.start(_Job(self._work, report, relay))
        return self

    def run_now(self) -> T:
        """Do the work on the calling thread and hand its result to *success*; returns it.

        For start-up and tests. Progress callbacks are called directly; an exception
        propagates to the caller as from any function call.
        """
        cancelled = self._cancelled

        def report(done: int, total: int, label: str = "") -> bool:
            if self._progress is not None:
                self._progress(done, total, label)
            return not cancelled.is_set()

        result = self._work(report)
        if self._success is not None:
            self._success(result)
        return result

    # -- delivery on the GUI thread -------------------------------------------------------------

    def _deliver_progress(self, done: int, total: int, label: str) -> None:
        if not self._discarded and self._progress is not None:
            self._progress(done, total, label)

    def _deliver_success(self, result: object) -> None:
        if self._discarded:
            return
        self._finish()
        if self._success is not None:
            self._success(result)  # type: ignore[arg-type]  # produced by self._work

    def _deliver_failure(self, exc: Exception) -> None:
        if self._discarded:
            return
        self._finish()
        if self._failure is not None:
            self._failure(exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _finish(self) -> None:
        self._running = False
        _unparented.discard(self)
        receiver, self._receiver = self._receiver, None
        if receiver is not None:
            receiver.operation = None  # break the cycle
            receiver.deleteLater()


class LatestOnly:
    """Only the newest of the operations started through it delivers (reloads).

    Starting an operation discards the one before: its work is asked to stop at its next
    report, and whatever it produces is dropped, so an older read never overwrites a newer.
    """

    def __init__(self) -> None:
        self._current: Operation[Any] | None = None

    @property
    def busy(self) -> bool:
        """True while the newest operation has not delivered yet."""
        return self._current is not None and self._current.running

    def run_in_background(self, operation: Operation[T]) -> Operation[T]:
        """Discard the previous operation and start *operation* on a pool thread."""
        self._replace(operation)
        return operation.run_in_background()

    def run_now(self, operation: Operation[T]) -> T:
        """Discard the previous operation and do *operation* here, synchronously."""
        self._replace(operation)
        return operation.run_now()

    def _replace(self, operation: Operation[T]) -> None:
        if self._current is not None:
            self._current.discard()
        self._current = operation

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
    """Carries every operation's progress and outcome from pool threads to the GUI thread.

    One relay for the whole application, made on the GUI thread and never deleted: a worker
    thread only ever emits its signals, so no Qt object is created or destroyed off the GUI
    thread (a per-job relay whose last reference dropped in the worker would be deleted there,
    in the wrong thread). Each signal names its operation by ticket; the relay hands it to that
    operation's receiver if the receiver is still alive.
    """

    progressed = Signal(int, int, int, str)
    succeeded = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        # Touched only on the GUI thread: by run_in_background, the slots and destroyed.
        self._pending: dict[int, _Receiver] = {}
        self._next_ticket = 0
        # Queued: the signals come from pool threads, the slots run where the relay lives.
        self.progressed.connect(self._on_progress)
        self.succeeded.connect(self._on_success)
        self.failed.connect(self._on_failure)

    def register(self, receiver: _Receiver) -> int:
        """A ticket for *receiver*; forgotten when the receiver is delivered or deleted."""
        self._next_ticket += 1
        ticket = self._next_ticket
        self._pending[ticket] = receiver
        receiver.destroyed.connect(lambda _=None, t=ticket: self._pending.pop(t, None))
        return ticket

    def forget(self, ticket: int) -> None:
        """Deliver nothing more for *ticket*."""
        self._pending.pop(ticket, None)

    @Slot(int, int, int, str)
    def _on_progress(self, ticket: int, done: int, total: int, label: str) -> None:
        receiver = self._pending.get(ticket)
        if receiver is not None:
            receiver.on_progress(done, total, label)

    @Slot(int, object)
    def _on_success(self, ticket: int, result: object) -> None:
        receiver = self._pending.pop(ticket, None)
        if receiver is not None:
            receiver.on_success(result)

    @Slot(int, object)
    def _on_failure(self, ticket: int, exc: object) -> None:
        receiver = self._pending.pop(ticket, None)
        if receiver is not None:
            receiver.on_failure(exc)


_RELAY: _Relay | None = None


def _relay() -> _Relay:
    """The application's relay, made on first use (always on the GUI thread)."""
    global _RELAY
    if _RELAY is None:
        _RELAY = _Relay()
    return _RELAY


class _Receiver(QObject):
    """The receiving side: lives on the GUI thread, as a child of the operation's parent.

    When the parent widget is deleted, the receiver goes with it and the relay forgets its
    ticket, so a late result is dropped instead of calling into a deleted widget.
    """

    def __init__(self, operation: Operation[Any], parent: QObject | None) -> None:
        super().__init__(parent)
        # None once the operation delivered or was discarded.
        self.operation: Operation[Any] | None = operation

    def on_progress(self, done: int, total: int, label: str) -> None:
        if self.operation is not None:
            self.operation._deliver_progress(done, total, label)

    def on_success(self, result: object) -> None:
        if self.operation is not None:
            self.operation._deliver_success(result)

    def on_failure(self, exc: object) -> None:
        if self.operation is not None:
            assert isinstance(exc, Exception)
            self.operation._deliver_failure(exc)


class _Job(QRunnable):
    """The work of one operation; holds only plain Python values and the lasting relay."""

    def __init__(self, work: Callable[[Report], object], report: Report, ticket: int) -> None:
        super().__init__()
        self._work = work
        self._report = report
        self._ticket = ticket

    def run(self) -> None:
        relay = _relay()
        try:
            result = self._work(self._report)
        except Exception as exc:  # handed to the GUI thread, which shows it without a traceback
            _log_failure(exc)
            relay.failed.emit(self._ticket, exc)
            return
        relay.succeeded.emit(self._ticket, result)


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
        self._ticket: int | None = None

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
        relay = _relay()
        receiver = _Receiver(self, self._parent)
        ticket = relay.register(receiver)
        self._receiver = receiver
        self._ticket = ticket
        self._running = True
        if self._parent is None:
            _unparented.add(self)

        cancelled = self._cancelled

        def report(done: int, total: int, label: str = "") -> bool:
            relay.progressed.emit(ticket, done, total, label)
            return not cancelled.is_set()

        # The job holds the work, the ticket and the lasting relay, never the receiver or this
        # operation: those belong to the GUI thread.
        pool = self._pool or QThreadPool.globalInstance()
        pool.start(_Job(self._work, report, ticket))
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
        if self._ticket is not None:
            _relay().forget(self._ticket)
            self._ticket = None
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

"""Change notifications: plain-Python publish/subscribe; the GUI adapts them to Qt signals.

A :class:`Change` names the kind of record, the ids, what happened and who started it. The
initiator is whatever object the caller names with :func:`initiated_by` around its service
call (an editor window, say), so that listener can tell its own change from a colleague's or
another window's and skip reloading what it just wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

from planner.domain.enums import AuditAction, RecordKind

# A context variable, not a global: a service call on a worker thread names its own initiator.
_initiator: ContextVar[object | None] = ContextVar("change_initiator", default=None)


@dataclass(frozen=True)
class Change:
    """Something committed: which kind of record, which ids, what happened, and who did it.

    Empty *ids* mean "any number of records of this kind" (an import, a synthetic batch): a
    listener reads everything of that kind again. The initiator takes no part in equality.
    """

    kind: RecordKind
    ids: tuple[int, ...]
    action: AuditAction
    initiator: object | None = field(default=None, compare=False, repr=False)

    @property
    def is_bulk(self) -> bool:
        """Whether listeners should read everything again rather than the named rows."""
        return not self.ids or self.action is AuditAction.IMPORT or self.kind is RecordKind.DATABASE

    def concerns(self, *kinds: RecordKind) -> bool:
        """Whether this change is about one of *kinds*, or replaced the whole database."""
        return self.kind is RecordKind.DATABASE or self.kind in kinds


@contextmanager
def initiated_by(initiator: object) -> Iterator[None]:
    """Name *initiator* on every change published by service calls inside this block."""
    token = _initiator.set(initiator)
    try:
        yield
    finally:
        _initiator.reset(token)


Listener = Callable[[Change], None]


class ChangeBus:
    """Delivers committed changes to listeners, so views refresh only what changed."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call *listener* for every change from now on; returns a function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        """Tell every listener about *change* (after its transaction committed).

        A change without an initiator gets the one named by the enclosing
        :func:`initiated_by`, if any.
        """
        if change.initiator is None:
            current = _initiator.get()
            if current is not None:
                change = replace(change, initiator=current)
        for listener in list(self._listeners):
            listener(change)

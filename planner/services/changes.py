"""Change notifications: plain-Python publish/subscribe; the GUI adapts them to Qt signals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.domain.enums import AuditAction


@dataclass(frozen=True)
class Change:
    """Something committed: which kind of record, which ids, what happened."""

    entity: str
    ids: tuple[int, ...]
    action: AuditAction


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
        """Tell every listener about *change* (after its transaction committed)."""
        for listener in list(self._listeners):
            listener(change)

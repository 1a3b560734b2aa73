"""Adapts the services' plain-Python change bus to a Qt signal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from planner.services.changes import Change, ChangeBus


class ChangeBridge(QObject):
    """Re-emits every :class:`Change` of a bus as the ``changed`` signal.

    The bridge lives on the GUI thread, so a change published from a worker thread reaches
    the listeners through a queued connection, on the GUI thread.
    """

    changed = Signal(object)

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(self._relay)

    def _relay(self, change: Change) -> None:
        try:
            self.changed.emit(change)
        except RuntimeError:
            # The Qt side was deleted without close(): stop listening instead of failing the
            # service call that published the change.
            self._disconnect_bus()

    def _disconnect_bus(self) -> None:
        if self._unsubscribe is not None:
            unsubscribe, self._unsubscribe = self._unsubscribe, None
            unsubscribe()

    def close(self) -> None:
        """Stop listening to the bus (safe to call more than once)."""
        self._disconnect_bus()

    @property
    def is_connected(self) -> bool:
        """Whether the bridge still listens to its bus."""
        return self._unsubscribe is not None

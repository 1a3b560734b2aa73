"""Other people's saves appear in the open views within a couple of seconds, without F5.

The services' :mod:`~planner.services.live` feeds (a listener thread on a team server, a
poll of the SQLite file) produce the same typed :class:`~planner.services.changes.Change`
notices the window's own saves publish; this object brings them to the GUI thread and
publishes them on the services' change bus, where every view already listens.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import SQLAlchemyError

from planner.domain.errors import PlannerError
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.live import FileChangeWatcher, ServerChangeFeed

#: How often an SQLite file is checked for other programs' commits (one cheap pragma).
FILE_POLL_MS = 500


class LiveUpdates(QObject):
    """Publishes other programs' changes on the bus, on the GUI thread."""

    #: A batch of changes from elsewhere (emitted from the listener thread: queued).
    arrived = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveUpdates")
        self._services = services
        self._feed: ServerChangeFeed | None = None
        self._watcher: FileChangeWatcher | None = None
        self.arrived.connect(self._publish)
        if services.db.target.path is None:
            self._feed = ServerChangeFeed(services.db, self.arrived.emit)
            self._feed.start()
        else:
            self._watcher = FileChangeWatcher(services.db)
            self._timer = QTimer(self)
            self._timer.setInterval(FILE_POLL_MS)
            self._timer.timeout.connect(self.poll)
            self._timer.start()

    @property
    def feed(self) -> ServerChangeFeed | None:
        """The team server's listener, if this is one."""
        return self._feed

    def poll(self) -> None:
        """Check the SQLite file now (the timer does this every half second)."""
        if self._watcher is None:
            return
        try:
            changes = self._watcher.poll()
        except (sqlite3.Error, SQLAlchemyError, PlannerError):
            return  # a file being restored or moved: the next poll tries again
        if changes:
            self.arrived.emit(changes)

    def _publish(self, changes: list[Change]) -> None:
        for change in changes:
            self._services.bus.publish(change)

    def close(self) -> None:
        """Stop listening (safe to call more than once)."""
        if self._feed is not None:
            self._feed.stop()
            self._feed = None
        if self._watcher is not None:
            self._timer.stop()
            self._watcher.close()
            self._watcher = None

"""Live updates: other people's committed changes, as the same typed :class:`Change` notices.

* On a team server, the triggers ``planner server init`` installs ``NOTIFY planner_changes``
  with the kind, id and action of each row written and the writer's backend pid.
  :class:`ServerChangeFeed` listens on a connection of its own, in a daemon thread, and hands
  each batch (changes from this process's own connections left out: its views already know)
  to a callback, which the interface forwards to the GUI thread.
* On an SQLite file, :class:`FileChangeWatcher` is polled (on the GUI thread, by a timer):
  ``PRAGMA data_version`` moves when another connection committed; when none of this
  process's connections committed meanwhile, the audit entries written since name what
  changed (a command-line import, another tool); without any, the whole database is read
  again.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Engine, event, func, select

from planner.db.cipher import connect
from planner.db.engine import Database, target_key
from planner.db.models import AuditRow
from planner.db.server import CHANNEL
from planner.domain.enums import AuditAction, RecordKind
from planner.services.changes import Change

_ACTIONS = {
    "insert": AuditAction.CREATE,
    "update": AuditAction.UPDATE,
    "delete": AuditAction.DELETE,
}
_KINDS = {k.value: k for k in RecordKind}
#: How long the listener waits for notices before it checks whether to stop.
LISTEN_SLICE_S = 0.25
#: How long after a lost server connection the listener tries again.
RECONNECT_S = 2.0

Deliver = Callable[[list[Change]], None]


def grouped(notices: Iterable[tuple[str, int, str]]) -> list[Change]:
    """One change per (kind, action), ids in order of arrival, each once; unknown kinds and
    actions (a payload this version does not know) are left out."""
    groups: dict[tuple[RecordKind, AuditAction], dict[int, None]] = {}
    for kind, record_id, action in notices:
        known_kind, known_action = _KINDS.get(kind), _ACTIONS.get(action) or _audit_action(action)
        if known_kind is None or known_action is None:
            continue
        groups.setdefault((known_kind, known_action), {})[record_id] = None
    return [Change(kind, tuple(ids), action) for (kind, action), ids in groups.items()]


def _audit_action(value: str) -> AuditAction | None:
    try:
        return AuditAction(value)
    except ValueError:
        return None


class _OwnConnections:
    """The backend pids of this process's connections to the server (their notices are ours)."""

    def __init__(self, engine: Engine) -> None:
        self.pids: set[int] = set()
        self._engine = engine
        event.listen(engine, "checkout", self._checked_out)

    def _checked_out(self, dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        pid = getattr(getattr(dbapi_conn, "info", None), "backend_pid", None)
        if isinstance(pid, int):
            self.pids.add(pid)

    def close(self) -> None:
        event.remove(self._engine, "checkout", self._checked_out)


def parse_notice(payload: str) -> tuple[str, int, str, int] | None:
    """``(kind, id, action, pid)`` from a notice's JSON, or None for anything malformed."""
    try:
        data = json.loads(payload)
        kind, record_id, action, pid = data["kind"], data["id"], data["action"], data["pid"]
    except (ValueError, TypeError, KeyError):
        return None
    if not (isinstance(kind, str) and isinstance(action, str)):
        return None
    if not (isinstance(record_id, int) and isinstance(pid, int)):
        return None
    return kind, record_id, action, pid


class ServerChangeFeed:
    """Listens for ``planner_changes`` notices on the server and delivers them in batches."""

    def __init__(self, db: Database, deliver: Deliver) -> None:
        self._db = db
        self._deliver = deliver
        self._own = _OwnConnections(db.engine)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: Set once the listener is listening (tests wait on it instead of sleeping).
        self.listening = threading.Event()

    def start(self) -> None:
        """Start listening in a daemon thread."""
        self._thread = threading.Thread(target=self._run, name="planner-live", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and close the connection (waits at most a moment)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=LISTEN_SLICE_S * 8)
        self._own.close()

    def _connect(self) -> Any:
        import psycopg

        engine = self._db.engine
        args, kwargs = engine.dialect.create_connect_args(engine.url)
        # The same server, login, password and TLS settings as the engine's connections.
        conn = psycopg.connect(*args, autocommit=True, **kwargs)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn = self._connect()
            except Exception:  # the server is away: try again in a moment, never crash
                self._stop.wait(RECONNECT_S)
                continue
            try:
                self.listening.set()
                self._listen(conn)
            except Exception:  # a lost connection: reconnect
                self._stop.wait(RECONNECT_S)
            finally:
                conn.close()

    def _listen(self, conn: Any) -> None:
        while not self._stop.is_set():
            notices: list[tuple[str, int, str]] = []
            for notice in conn.notifies(timeout=LISTEN_SLICE_S):
                parsed = parse_notice(notice.payload)
                if parsed is not None and parsed[3] not in self._own.pids:
                    notices.append(parsed[:3])
            changes = grouped(notices)
            if changes:
                self._deliver(changes)


class FileChangeWatcher:
    """Tells, when polled, what other programs committed to an SQLite file since last time."""

    def __init__(self, db: Database) -> None:
        assert db.target.path is not None
        self._db = db
        # A connection of its own, read-only: data_version counts the others' commits. An
        # encrypted file needs SQLCipher's driver and the key, as the engine's connections do.
        key = target_key(db.target)  # the engine's own rule for which key the file needs
        self._conn = connect(db.target.path, mode="ro", key=key, check_same_thread=False)
        self._own_commits = 0
        self._seen_commits = 0
        event.listen(db.engine, "commit", self._committed)
        self._version = self._data_version()
        self._last_audit = self._max_audit_id()

    def _committed(self, _conn: Any) -> None:
        self._own_commits += 1

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _max_audit_id(self) -> int:
        with self._db.read() as session:
            return int(session.scalar(select(func.coalesce(func.max(AuditRow.id), 0))) or 0)

    def poll(self) -> list[Change]:
        """The changes other programs committed since the last poll (empty if none)."""
        version = self._data_version()
        if version == self._version:
            return []
        self._version = version
        own = self._own_commits != self._seen_commits
        self._seen_commits = self._own_commits
        with self._db.read() as session:
            rows = session.execute(
                select(AuditRow.id, AuditRow.entity, AuditRow.entity_id, AuditRow.action)
                .where(AuditRow.id > self._last_audit)
                .order_by(AuditRow.id)
            ).all()
        if rows:
            self._last_audit = int(rows[-1][0])
        if own:
            # This window's own save (its views already know); another program's commit in
            # the same moment is seen by the next poll only if it moves data_version again.
            return []
        if not rows:
            return [Change(RecordKind.DATABASE, (), AuditAction.IMPORT)]
        return grouped((str(e), int(i), str(getattr(a, "value", a))) for _, e, i, a in rows)

    def close(self) -> None:
        """Stop watching."""
        event.remove(self._db.engine, "commit", self._committed)
        self._conn.close()

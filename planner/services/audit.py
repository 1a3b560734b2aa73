"""Audit entries: who changed what, when; sensitive values are never written into the log."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Collection, Iterable, Mapping
from dataclasses import fields
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planner.db.models import AuditRow
from planner.domain.entities import AuditEntry, Person
from planner.domain.enums import AuditAction
from planner.domain.timezones import utc_now

HIDDEN = "(hidden)"
#: Fields whose values stay out of the audit log; only the fact that they changed is kept.
SENSITIVE = Person.SENSITIVE_FIELDS
_NOT_AUDITED = frozenset({"id", "version"})


def current_actor() -> str:
    """The operating-system account this process runs as: the name every audit entry records.

    It comes from the process's credentials, never from ``USER``, ``LOGNAME`` or
    ``USERNAME`` (anyone can set those, and :func:`getpass.getuser` reads them first). On
    POSIX it is the effective uid's name in the password database, or ``uid 1234`` when the
    uid has no entry there (containers, removed accounts); on Windows, the account of the
    process token. This is the single place that decides who the actor is.
    """
    if sys.platform == "win32":
        return _windows_account()
    return _posix_account(os.geteuid())


@functools.lru_cache(maxsize=8)
def _posix_account(uid: int) -> str:
    # Cached by uid: a directory-service lookup per entry would slow bulk imports, and a
    # process keeps its uid (if it changes, the new uid is looked up afresh).
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name or f"uid {uid}"
    except KeyError:  # no password-database entry: record the number, not the environment
        return f"uid {uid}"


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only

    def _windows_account() -> str:
        """``GetUserNameW``: the account of the process token (environment not consulted).

        ``os.getlogin()`` calls the same API on Windows and is only the fallback should
        ctypes be unavailable; neither reads ``USERNAME``.
        """
        try:
            import ctypes
            from ctypes import wintypes

            size = wintypes.DWORD(257)  # UNLEN + 1
            buffer = ctypes.create_unicode_buffer(size.value)
            if ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)) and buffer.value:
                return buffer.value
        except (ImportError, OSError, AttributeError):
            pass
        try:
            return os.getlogin()
        except OSError:
            return "unknown"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(entity: object) -> dict[str, Any]:
    """Every audited field of a domain dataclass, JSON-ready, sensitive values hidden."""
    out: dict[str, Any] = {}
    for f in fields(entity):  # type: ignore[arg-type]
        if f.name in _NOT_AUDITED:
            continue
        value = getattr(entity, f.name)
        out[f.name] = HIDDEN if f.name in SENSITIVE and value else _plain(value)
    return out


def diff(old: object, new: object) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for fields that differ, sensitive values hidden."""
    before, after = snapshot(old), snapshot(new)
    changed: dict[str, list[Any]] = {}
    for name, value in after.items():
        old_raw, new_raw = getattr(old, name), getattr(new, name)
        if old_raw != new_raw:
            changed[name] = [HIDDEN, HIDDEN] if name in SENSITIVE else [before.get(name), value]
    return changed


def record(
    session: Session,
    entity: str,
    entity_id: int,
    action: AuditAction,
    changes: Mapping[str, Any] | None = None,
    reason: str = "",
) -> None:
    """Add an audit entry to the current transaction."""
    session.add(
        AuditRow(
            at_utc=utc_now(),
            actor=current_actor(),
            entity=entity,
            entity_id=entity_id,
            action=action,
            changes=json.dumps(dict(changes or {}), ensure_ascii=False, sort_keys=True),
            reason=reason,
        )
    )


def record_disclosure(
    session: Session,
    action: AuditAction,
    person_ids: Iterable[int],
    fields: Collection[str],
    context: Mapping[str, str] | None = None,
) -> None:
    """Record that *fields* of each of *person_ids* were shown (REVEAL) or exported (EXPORT).

    One entry per person (so each person's history lists it), all in the current
    transaction. Only the field NAMES are written, ``{"fields": [...]}``, with *context*
    (what kind of export, which visit: see ``describe_changes`` in the History tab) beside
    them; never a value.
    Raises ValueError for a field that is not sensitive or an action that is not a disclosure
    (a programming error: the entry would otherwise say something untrue).
    """
    if action not in (AuditAction.REVEAL, AuditAction.EXPORT):
        raise ValueError(f"not a disclosure action: {action}")
    unknown = set(fields) - SENSITIVE
    if unknown or not fields:
        raise ValueError(f"not sensitive fields: {sorted(unknown) or 'none given'}")
    changes = json.dumps(
        {**(context or {}), "fields": sorted(fields)}, ensure_ascii=False, sort_keys=True
    )
    at, actor = utc_now(), current_actor()
    rows = [
        {
            "at_utc": at,
            "actor": actor,
            "entity": "person",
            "entity_id": person_id,
            "action": action,
            "changes": changes,
            "reason": "",
        }
        for person_id in dict.fromkeys(person_ids)  # each person once, in the order given
    ]
    if rows:  # one executemany: an export of every visit can name thousands of people
        session.execute(insert(AuditRow), rows)


def to_entry(row: AuditRow) -> AuditEntry:
    """Plain audit entry from its row."""
    return AuditEntry(
        id=row.id,
        at_utc=row.at_utc,
        actor=row.actor,
        entity=row.entity,
        entity_id=row.entity_id,
        action=row.action,
        changes=json.loads(row.changes or "{}"),
        reason=row.reason,
    )


def history(session: Session, entity: str, entity_ids: Iterable[int]) -> list[AuditEntry]:
    """Audit entries of the given records, oldest first."""
    rows = session.scalars(
        select(AuditRow)
        .where(AuditRow.entity == entity, AuditRow.entity_id.in_(list(entity_ids)))
        .order_by(AuditRow.at_utc, AuditRow.id)
    )
    return [to_entry(r) for r in rows]

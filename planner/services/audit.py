"""Audit entries: who changed what, when; sensitive values are never written into the log."""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterable, Mapping
from dataclasses import fields
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
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
    """The operating-system user making the change."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers and services)
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

"""The JSON exchange package of one visit (schema in :mod:`planner.services.exchange`)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from planner.export.atomic import atomic_write
from planner.services.container import Services
from planner.services.exchange import (
    PACKAGE_FORMAT,
    SCHEMA_VERSION,
    PackageItem,
    PackagePerson,
    VisitPackage,
)


def instant(value: datetime) -> str:
    """A UTC instant as ``2027-03-08T06:30:00Z``."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return instant(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _object(values: dict[str, Any]) -> dict[str, Any]:
    return {k: _plain(v) for k, v in values.items()}


def _person(person: PackagePerson, sensitive: bool) -> dict[str, Any]:
    out = _object(asdict(person))
    if not sensitive:
        for name in ("date_of_birth", "passport_number", "passport_expiry"):
            out.pop(name)
    return out


def _item(item: PackageItem) -> dict[str, Any]:
    out = _object(asdict(item))
    return out


def package_to_json(package: VisitPackage) -> dict[str, Any]:
    """The JSON object of *package* (sensitive keys only present when it includes them)."""
    sensitive = package.includes_sensitive
    return {
        "format": PACKAGE_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": instant(package.exported_at) if package.exported_at else None,
        "includes_sensitive": sensitive,
        "visit": {
            "exchange_id": package.exchange_id,
            "code": package.code,
            "status": package.status.value,
            "purpose": package.purpose.value,
            "paid": package.paid,
            "arrival_date": package.arrival_date.isoformat(),
            "departure_date": package.departure_date.isoformat(),
            "host_institution": package.host_institution,
            "project": package.project,
            "visitor_notes": package.visitor_notes,
            "visitor_notes_ja": package.visitor_notes_ja,
        },
        "institutions": {key: _object(asdict(i)) for key, i in package.institutions.items()},
        "people": {
            "visitor": _person(package.visitor, sensitive),
            "host_person": (
                _person(package.host_person, sensitive) if package.host_person else None
            ),
        },
        "itinerary": [_item(i) for i in package.itinerary],
        "paperwork": [_object(asdict(p)) for p in package.paperwork],
    }


def package_bytes(package: VisitPackage) -> bytes:
    """The package as UTF-8 JSON text (kanji kept readable, keys in a stable order)."""
    text = json.dumps(package_to_json(package), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def export_visit_package(
    services: Services, visit_id: int, path: Path, *, include_sensitive: bool = False
) -> Path:
    """Write the exchange package of *visit_id* to *path* atomically, mode 0600."""
    package = services.exchange.build(visit_id, include_sensitive=include_sensitive)
    return atomic_write(Path(path), package_bytes(package))

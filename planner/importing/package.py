"""Reading and checking a visit exchange package (JSON); no Qt, nothing written here."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from planner.domain.enums import (
    InstitutionKind,
    ItineraryKind,
    PaperworkStatus,
    PersonCategory,
    Purpose,
    VisitStatus,
)
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.limits import (
    CODE,
    MAX_YEAR,
    MIN_YEAR,
    NAME,
    NOTES,
    REFERENCE,
    bad_character,
    date_in_range,
    describe_character,
)
from planner.services.container import Services
from planner.services.exchange import (
    PACKAGE_FORMAT,
    SCHEMA_VERSION,
    ImportResult,
    PackageError,
    PackageInstitution,
    PackageItem,
    PackagePaperwork,
    PackagePerson,
    VisitPackage,
)

N = TypeVar("N", bound=Enum)
D = TypeVar("D", date, datetime)

#: Bounds of what a package may hold: a real one is a few kilobytes, a few levels deep, and
#: its numbers are small (schema version, item sequences; PostgreSQL's INTEGER is 32-bit).
MAX_PACKAGE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32
MAX_INTEGER = 2**31 - 1
_MAX_DIGITS = len(str(MAX_INTEGER))
#: Strings (skipped: they may hold brackets) and the brackets that nest.
_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _check_depth(text: str) -> None:
    """Refuse JSON nested deeper than :data:`MAX_DEPTH` before the parser recurses into it."""
    depth = 0
    for match in _NESTING.finditer(text):
        bracket = match.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise PackageError(
                    QT_TRANSLATE_NOOP(
                        "Validation", "the package is nested more than {depth} levels deep"
                    ),
                    params={"depth": MAX_DEPTH},
                )
        elif bracket in "]}":
            depth -= 1


def _parse_int(text: str) -> int:
    # Checked on the digits, before int() (which refuses over 4,300 digits with ValueError).
    digits = text.lstrip("-")
    if len(digits) > _MAX_DIGITS or int(digits) > MAX_INTEGER:
        raise PackageError(
            QT_TRANSLATE_NOOP("Validation", "the package holds a number beyond {limit}: {value}"),
            params={"limit": MAX_INTEGER, "value": text[:20] + ("…" if len(text) > 20 else "")},
        )
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not abs(value) <= MAX_INTEGER:  # also inf and nan
        raise PackageError(
            QT_TRANSLATE_NOOP("Validation", "the package holds a number beyond {limit}: {value}"),
            params={"limit": MAX_INTEGER, "value": text[:20] + ("…" if len(text) > 20 else "")},
        )
    return value


def _parse_constant(text: str) -> float:
    raise PackageError(
        QT_TRANSLATE_NOOP("Validation", "the package holds {value}, which is not JSON"),
        params={"value": text},
    )


class _Reader:
    """Typed access to one JSON object; every problem names its path in the package."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "{where} must be a JSON object"),
                params={"where": where},
            )
        self.data: dict[str, Any] = data
        self.where = where

    def at(self, key: str) -> str:
        """The path of *key* in the package, as messages name it (``visit.code``)."""
        return key if self.where == "package" else f"{self.where}.{key}"

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise PackageError(
                    QT_TRANSLATE_NOOP("Validation", "missing field {field}"),
                    params={"field": self.at(key)},
                )
            return None
        return self.data[key]

    def text(self, key: str, required: bool = False, limit: int = NOTES) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "{field} must be text"),
                params={"field": self.at(key)},
            )
        # Records validate their own fields' lengths; this bounds every text, stored or not.
        if len(value) > limit:
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "Validation", "{field} is {length} characters long; at most {limit} are allowed"
                ),
                params={"field": self.at(key), "length": len(value), "limit": limit},
            )
        ch = bad_character(value)
        if ch is not None:
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "{field} contains the control character {char}; only tabs and line breaks "
                    "are allowed",
                ),
                params={"field": self.at(key), "char": describe_character(ch)},
            )
        if required and not value.strip():
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "missing field {field} (it is empty)"),
                params={"field": self.at(key)},
            )
        return value

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if self._get(key, False) is not None else None

    def integer(self, key: str) -> int:
        value = self._get(key, True)
        if not isinstance(value, int) or isinstance(value, bool):
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "{field} must be a whole number"),
                params={"field": self.at(key)},
            )
        return value

    def boolean(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "{field} must be true or false"),
                params={"field": self.at(key)},
            )
        return value

    def choice(self, key: str, enum: type[N]) -> N:
        value = self.text(key, True)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in enum)
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "{field}: {value} is not one of {allowed}"),
                params={"field": self.at(key), "value": repr(value), "allowed": allowed},
            ) from None

    def day(self, key: str, required: bool = False) -> date | None:
        value = self.text(key, required)
        if not value:
            return None
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "{field}: {value} is not an ISO date"),
                params={"field": self.at(key), "value": repr(value[:40])},
            ) from None
        return self._in_range(key, parsed)

    def _in_range(self, key: str, value: D) -> D:
        if not date_in_range(value):
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "Validation", "{field}: the year {year} is outside {first}–{last}"
                ),
                params={"field": self.at(key), "year": value.year, "first": MIN_YEAR,
                        "last": MAX_YEAR},
            )  # fmt: skip
        return value

    def instant(self, key: str) -> datetime:
        value = self.text(key, True)
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "Validation", "{field}: {value} is not an ISO instant (2027-03-08T06:30:00Z)"
                ),
                params={"field": self.at(key), "value": repr(value[:40])},
            ) from None
        self._in_range(key, parsed)
        if parsed.tzinfo is None:
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "{field}: {value} has no UTC offset"),
                params={"field": self.at(key), "value": repr(value)},
            )
        return parsed.astimezone(UTC)

    def child(self, key: str) -> _Reader:
        return _Reader(self._get(key, True), self.at(key))

    def items(self, key: str) -> list[Any]:
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list):
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "{field} must be a list"),
                params={"field": self.at(key)},
            )
        return value


def _institution(r: _Reader) -> PackageInstitution:
    return PackageInstitution(
        name=r.text("name", True), kind=r.choice("kind", InstitutionKind),
        country=r.text("country", True), timezone=r.text("timezone", True),
        name_ja=r.text("name_ja"), short_name=r.text("short_name"), city=r.text("city"),
        address=r.text("address"),
    )  # fmt: skip


def _person(r: _Reader, institutions: dict[str, PackageInstitution]) -> PackagePerson:
    key = r.text("institution", True)
    if key not in institutions:
        raise PackageError(
            QT_TRANSLATE_NOOP("Validation", "{field}: {key} is not in the package's institutions"),
            params={"field": r.at("institution"), "key": repr(key)},
        )
    return PackagePerson(
        family_name=r.text("family_name"), given_name=r.text("given_name"),
        category=r.choice("category", PersonCategory), institution=key,
        family_name_native=r.text("family_name_native"),
        given_name_native=r.text("given_name_native"), preferred_name=r.text("preferred_name"),
        email=r.text("email"), phone=r.text("phone"), nationality=r.text("nationality"),
        date_of_birth=r.day("date_of_birth"), passport_number=r.optional_text("passport_number"),
        passport_expiry=r.day("passport_expiry"),
    )  # fmt: skip


def _item(r: _Reader) -> PackageItem:
    return PackageItem(
        uid=r.text("uid", True, REFERENCE), sequence=r.integer("sequence"),
        kind=r.choice("kind", ItineraryKind), title=r.text("title", True),
        start_utc=r.instant("start_utc"), start_zone=r.text("start_zone", True),
        end_utc=r.instant("end_utc"), end_zone=r.text("end_zone", True),
        title_ja=r.text("title_ja"), location_name=r.text("location_name"),
        location_address=r.text("location_address"),
        confirmation_code=r.text("confirmation_code"), visitor_details=r.text("visitor_details"),
        visitor_details_ja=r.text("visitor_details_ja"),
    )  # fmt: skip


def _paperwork(r: _Reader) -> PackagePaperwork:
    return PackagePaperwork(
        document_type=r.text("document_type", True, CODE), title=r.text("title", limit=NAME),
        status=r.choice("status", PaperworkStatus), due_date=r.day("due_date"),
        submitted_date=r.day("submitted_date"), approved_date=r.day("approved_date"),
        expiry_date=r.day("expiry_date"),
        reference_number=r.text("reference_number", limit=REFERENCE),
    )  # fmt: skip


def parse_package(raw: bytes | str) -> VisitPackage:
    """The package in *raw* JSON; :class:`PackageError` with one clear message otherwise."""
    if len(raw) > MAX_PACKAGE_BYTES:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation", "the file is larger than {limit} MB, so not an exchange package"
            ),
            params={"limit": MAX_PACKAGE_BYTES // 2**20},
        )
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        _check_depth(text)
        data = json.loads(
            text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant
        )
    except RecursionError:  # only if the depth check missed a way to nest
        raise PackageError(
            QT_TRANSLATE_NOOP("Validation", "the package is nested more than {depth} levels deep"),
            params={"depth": MAX_DEPTH},
        ) from None
    except UnicodeDecodeError:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation", "the file is not UTF-8 text, so not an exchange package"
            )
        ) from None
    except json.JSONDecodeError as exc:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation", "the file is not valid JSON (line {line}, column {column}: {error})"
            ),
            params={"line": exc.lineno, "column": exc.colno, "error": exc.msg},
        ) from None
    top = _Reader(data, "package")
    if data.get("format") != PACKAGE_FORMAT:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation", "not a visit exchange package (its format is not {format})"
            ),
            params={"format": repr(PACKAGE_FORMAT)},
        )
    version = top.integer("schema_version")
    if version > SCHEMA_VERSION:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "this package uses schema version {version}; this version of the planner reads "
                "versions up to {supported}: update the planner to import it",
            ),
            params={"version": version, "supported": SCHEMA_VERSION},
        )
    if version < 1:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation", "package.schema_version {version} is not a valid version"
            ),
            params={"version": version},
        )
    inst_reader = top.child("institutions")
    institutions = {
        str(key): _institution(_Reader(value, f"institutions.{key}"))
        for key, value in inst_reader.data.items()
    }
    visit = top.child("visit")
    host = visit.text("host_institution", True)
    if host not in institutions:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation", "visit.host_institution: {key} is not in the package's institutions"
            ),
            params={"key": repr(host)},
        )
    people = top.child("people")
    visitor = _person(people.child("visitor"), institutions)
    host_raw = people.data.get("host_person")
    host_person = (
        None if host_raw is None else _person(_Reader(host_raw, "people.host_person"), institutions)
    )
    items = tuple(
        _item(_Reader(v, f"itinerary[{n}]")) for n, v in enumerate(top.items("itinerary"))
    )
    uids = [i.uid for i in items]
    if len(set(uids)) != len(uids):
        raise PackageError(
            QT_TRANSLATE_NOOP("Validation", "itinerary: two items carry the same uid")
        )
    papers = tuple(
        _paperwork(_Reader(v, f"paperwork[{n}]")) for n, v in enumerate(top.items("paperwork"))
    )
    exchange_id = visit.text("exchange_id", True)
    try:
        exchange_id = str(uuid.UUID(exchange_id))
    except ValueError:
        raise PackageError(
            QT_TRANSLATE_NOOP("Validation", "visit.exchange_id: {value} is not a UUID"),
            params={"value": repr(exchange_id)},
        ) from None
    exported = top.optional_text("exported_at")
    return VisitPackage(
        exchange_id=exchange_id, code=visit.text("code", True),
        status=visit.choice("status", VisitStatus), purpose=visit.choice("purpose", Purpose),
        paid=visit.boolean("paid"), arrival_date=visit.day("arrival_date", True) or date.min,
        departure_date=visit.day("departure_date", True) or date.min,
        institutions=institutions, visitor=visitor, host_institution=host,
        host_person=host_person, project=visit.text("project", limit=NAME),
        visitor_notes=visit.text("visitor_notes"),
        visitor_notes_ja=visit.text("visitor_notes_ja"), itinerary=items, paperwork=papers,
        includes_sensitive=top.boolean("includes_sensitive"),
        exported_at=top.instant("exported_at") if exported else None,
        schema_version=version,
    )  # fmt: skip


def read_package(path: Path) -> VisitPackage:
    """The package in the file at *path*."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise PackageError(
            QT_TRANSLATE_NOOP("Validation", "cannot read {path}: {error}"),
            params={"path": str(path), "error": str(exc.strerror or exc)},
        ) from exc
    return parse_package(raw)


def import_visit_package(services: Services, path: Path) -> ImportResult:
    """Read, check and import the package at *path* in one transaction."""
    return services.exchange.import_package(read_package(path))

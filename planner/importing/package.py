"""Reading and checking a visit exchange package (JSON); no Qt, nothing written here."""

from __future__ import annotations

import base64
import dataclasses
import json
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

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
    PASSPORT_NUMBER,
    REFERENCE,
    bad_character,
    date_in_range,
    describe_character,
)
from planner.services.container import Services
from planner.services.exchange import (
    ENCRYPTED_FORMAT,
    ENCRYPTION_ALGORITHM,
    PACKAGE_FORMAT,
    SCHEMA_VERSION,
    SIGNATURE_ALGORITHM,
    SIGNATURE_CONTEXT,
    ImportResult,
    PackageError,
    PackageInstitution,
    PackageItem,
    PackagePaperwork,
    PackagePerson,
    VisitPackage,
    envelope_key,
)
from planner.services.exchange_import import (
    NEW_KEY,
    TRUSTED,
    UNSIGNED,
    ImportOptions,
    ImportPlan,
    Sender,
)
from planner.services.keys import (
    KeyFileError,
    KeyService,
    PublicKeys,
    canonical,
    hex_key,
    institution_name,
)

N = TypeVar("N", bound=Enum)
D = TypeVar("D", date, datetime)

#: Bounds of what a package may hold: a real one is a few kilobytes, a few levels deep, and
#: its numbers are small (schema version, item sequences; PostgreSQL's INTEGER is 32-bit).
MAX_PACKAGE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32
MAX_INTEGER = 2**31 - 1
_MAX_DIGITS = len(str(MAX_INTEGER))
#: What codes and ids look like: checked, so none can be a path, a command or a header.
_VISIT_CODE = re.compile(r"V-[0-9]{4}-[0-9]{4,6}")
_UID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}@[A-Za-z0-9][A-Za-z0-9.-]{0,80}")
_DOC_CODE = re.compile(r"[a-z0-9][a-z0-9_]{0,39}")
_INSTITUTION_KEY = re.compile(r"[A-Za-z0-9_]{1,40}")
#: Every key a package's top level may hold (the sender and signature are read apart).
_TOP_KEYS = frozenset({"format", "schema_version", "exported_at", "includes_sensitive", "visit",
                       "institutions", "people", "itinerary", "paperwork"})  # fmt: skip
_SENSITIVE_KEYS = ("date_of_birth", "passport_number", "passport_expiry")
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

    def text(
        self, key: str, required: bool = False, limit: int = NOTES, *, lines: bool = False
    ) -> str:
        """Text at *key*; only *lines* fields (notes, addresses) may hold line breaks."""
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
        if not lines and ("\n" in value or "\r" in value or "\t" in value):
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "{field} must be one line of text"),
                params={"field": self.at(key)},
            )
        if required and not value.strip():
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "missing field {field} (it is empty)"),
                params={"field": self.at(key)},
            )
        return value

    def optional_text(self, key: str, limit: int = NOTES) -> str | None:
        return self.text(key, limit=limit) if self._get(key, False) is not None else None

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


def _pattern(r: _Reader, key: str, pattern: re.Pattern[str], example: str, limit: int) -> str:
    """Text at *key* that must match *pattern* (codes and ids never become paths)."""
    value = r.text(key, True, limit)
    if not pattern.fullmatch(value):
        raise PackageError(
            QT_TRANSLATE_NOOP("Validation", "{field}: {value} is not of the form {example}"),
            params={"field": r.at(key), "value": repr(value[:40]), "example": example},
        )
    return value


def _institution(r: _Reader) -> PackageInstitution:
    return PackageInstitution(
        name=r.text("name", True), kind=r.choice("kind", InstitutionKind),
        country=r.text("country", True), timezone=r.text("timezone", True),
        name_ja=r.text("name_ja"), short_name=r.text("short_name"), city=r.text("city"),
        address=r.text("address", lines=True),
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
        date_of_birth=r.day("date_of_birth"),
        passport_number=r.optional_text("passport_number", PASSPORT_NUMBER),
        passport_expiry=r.day("passport_expiry"),
    )  # fmt: skip


def _item(r: _Reader) -> PackageItem:
    return PackageItem(
        uid=_pattern(r, "uid", _UID, "<letters, digits, -._>@<domain>", REFERENCE),
        sequence=r.integer("sequence"),
        kind=r.choice("kind", ItineraryKind), title=r.text("title", True),
        start_utc=r.instant("start_utc"), start_zone=r.text("start_zone", True),
        end_utc=r.instant("end_utc"), end_zone=r.text("end_zone", True),
        title_ja=r.text("title_ja"), location_name=r.text("location_name"),
        location_address=r.text("location_address", lines=True),
        confirmation_code=r.text("confirmation_code"),
        visitor_details=r.text("visitor_details", lines=True),
        visitor_details_ja=r.text("visitor_details_ja", lines=True),
    )  # fmt: skip


def _paperwork(r: _Reader) -> PackagePaperwork:
    return PackagePaperwork(
        document_type=_pattern(r, "document_type", _DOC_CODE, "export_control_review", CODE),
        title=r.text("title", limit=NAME),
        status=r.choice("status", PaperworkStatus), due_date=r.day("due_date"),
        submitted_date=r.day("submitted_date"), approved_date=r.day("approved_date"),
        expiry_date=r.day("expiry_date"),
        reference_number=r.text("reference_number", limit=REFERENCE),
    )  # fmt: skip


def _load_json(raw: bytes | str) -> Any:
    """The JSON value in *raw*, bounded in size, depth and numbers; one clear message else."""
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
        return json.loads(
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


def parse_package(raw: bytes | str) -> VisitPackage:
    """The package in *raw* JSON (signature not checked: see :func:`open_package`)."""
    data = _load_json(raw)
    if isinstance(data, dict):
        data.pop("signature", None)
        data.pop("sender", None)
    return package_from_data(data)


def _check_version(data: dict[str, Any]) -> int:
    """The package's schema (major) version; an unknown one is refused naming the one needed."""
    top = _Reader(data, "package")
    version = top.integer("schema_version")
    if version > SCHEMA_VERSION:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "this package uses schema version {version}; this version of the planner reads "
                "versions up to {supported}: update the planner to one that reads version "
                "{version} to import it",
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
    return version


def package_from_data(data: Any) -> VisitPackage:
    """The package in the parsed JSON *data* (without its sender and signature)."""
    top = _Reader(data, "package")
    if data.get("format") != PACKAGE_FORMAT:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation", "not a visit exchange package (its format is not {format})"
            ),
            params={"format": repr(PACKAGE_FORMAT)},
        )
    version = _check_version(data)
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise PackageError(
            QT_TRANSLATE_NOOP("Validation", "the package holds unknown fields: {fields}"),
            params={"fields": ", ".join(repr(k[:40]) for k in unknown[:5])},
        )
    inst_reader = top.child("institutions")
    for key in inst_reader.data:
        if not _INSTITUTION_KEY.fullmatch(str(key)):
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "institutions: {key} is not a valid key"),
                params={"key": repr(str(key)[:40])},
            )
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
    if not top.boolean("includes_sensitive"):
        for role in ("visitor", "host_person"):
            person = people.data.get(role)
            carried = [k for k in _SENSITIVE_KEYS if isinstance(person, dict) and k in person]
            if carried:
                raise PackageError(
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "people.{role} carries {fields} although the package says it includes "
                        "no sensitive fields: refused",
                    ),
                    params={"role": role, "fields": ", ".join(carried)},
                )
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
        exchange_id=exchange_id, code=_pattern(visit, "code", _VISIT_CODE, "V-2027-0007", CODE),
        status=visit.choice("status", VisitStatus), purpose=visit.choice("purpose", Purpose),
        paid=visit.boolean("paid"), arrival_date=visit.day("arrival_date", True) or date.min,
        departure_date=visit.day("departure_date", True) or date.min,
        institutions=institutions, visitor=visitor, host_institution=host,
        host_person=host_person, project=visit.text("project", limit=NAME),
        visitor_notes=visit.text("visitor_notes", lines=True),
        visitor_notes_ja=visit.text("visitor_notes_ja", lines=True), itinerary=items,
        paperwork=papers,
        includes_sensitive=top.boolean("includes_sensitive"),
        exported_at=top.instant("exported_at") if exported else None,
        schema_version=version,
    )  # fmt: skip


def _read_bytes(path: Path) -> bytes:
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_PACKAGE_BYTES + 1)  # a bigger file is refused, not read whole
    except OSError as exc:
        raise PackageError(
            QT_TRANSLATE_NOOP("Validation", "cannot read {path}: {error}"),
            params={"path": str(path), "error": str(exc.strerror or exc)},
        ) from exc
    return raw


def read_package(path: Path) -> VisitPackage:
    """The package in the file at *path* (signature not checked: see :func:`open_package`)."""
    return parse_package(_read_bytes(path))


@dataclass(frozen=True)
class OpenedPackage:
    """A package read from a file: its content and who signed it."""

    package: VisitPackage
    sender: Sender


def _decrypt(data: dict[str, Any], raw: bytes, keys: KeyService) -> bytes:
    """The signed package inside an encrypted envelope addressed to this installation."""
    damaged = PackageError(
        QT_TRANSLATE_NOOP(
            "Validation", "the encrypted package is damaged or was altered: nothing can be read"
        )
    )
    _check_version(data)
    if data.get("algorithm") != ENCRYPTION_ALGORITHM:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation", "the package is encrypted with {algorithm}, which is not supported"
            ),
            params={"algorithm": repr(str(data.get("algorithm"))[:40])},
        )
    recipient = data.get("recipient")
    text = data.get("ciphertext")
    if not isinstance(recipient, dict) or not isinstance(text, str):
        raise damaged
    try:
        recipient_key = hex_key(recipient.get("encryption_key"), "recipient.encryption_key")
        ephemeral = hex_key(data.get("ephemeral_key"), "ephemeral_key")
        nonce = bytes.fromhex(str(data.get("nonce")))
        sealed = base64.b64decode(text, validate=True)
    except (KeyFileError, ValueError):
        raise damaged from None
    own = keys.own()
    if recipient_key != own.encryption_key:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "the package is encrypted for another key ({fingerprint}), not this planner's: "
                "only its recipient can read it",
            ),
            params={"fingerprint": str(recipient.get("fingerprint"))[:60]},
        )
    header = {k: v for k, v in data.items() if k != "ciphertext"}
    if (
        len(nonce) != 12
        or canonical(data) != raw
        or base64.b64encode(sealed).decode("ascii") != text
    ):
        raise damaged
    shared = keys.encryption_key().exchange(X25519PublicKey.from_public_bytes(ephemeral))
    key = envelope_key(shared, ephemeral, recipient_key)
    try:
        return ChaCha20Poly1305(key).decrypt(nonce, sealed, canonical(header))
    except InvalidTag:
        raise damaged from None


def _sender(data: dict[str, Any], raw: bytes, encrypted: bool) -> Sender:
    """Who signed *data* (popping its sender and signature), or an unsigned sender saying why."""
    block = data.pop("sender", None)
    signature = data.pop("signature", None)
    if signature is None:
        return Sender("", "", UNSIGNED, encrypted=encrypted, problem="no signature")
    damaged = Sender(
        "", "", UNSIGNED, encrypted=encrypted,
        problem="the signature does not match: the file was altered or damaged",
    )  # fmt: skip
    if not isinstance(block, dict) or not isinstance(signature, dict):
        return damaged
    try:
        keys = PublicKeys(
            institution=institution_name(block.get("institution"), "sender.institution"),
            signing_key=hex_key(block.get("signing_key"), "sender.signing_key"),
            encryption_key=hex_key(block.get("encryption_key"), "sender.encryption_key"),
        )
        value = signature.get("value")
        if (
            signature.get("algorithm") != SIGNATURE_ALGORITHM
            or not isinstance(value, str)
            or len(value) != 128
            or bytes.fromhex(value).hex() != value
            or block.get("fingerprint") != keys.fingerprint
            or canonical({**data, "sender": block, "signature": signature}) != raw
        ):
            return damaged
        Ed25519PublicKey.from_public_bytes(keys.signing_key).verify(
            bytes.fromhex(value), SIGNATURE_CONTEXT + canonical({**data, "sender": block})
        )
    except (KeyFileError, ValueError, InvalidSignature):
        return damaged
    return Sender(keys.institution, keys.fingerprint, NEW_KEY, keys=keys, encrypted=encrypted)


def open_package(raw: bytes, keys: KeyService) -> OpenedPackage:
    """Decrypt (when encrypted to this installation), check the signature, read the package.

    The sender comes back as NEW_KEY when signed (the import decides whether that key is
    trusted) or UNSIGNED with the reason; a package that cannot be read raises.
    """
    data = _load_json(raw)
    encrypted = isinstance(data, dict) and data.get("format") == ENCRYPTED_FORMAT
    if encrypted:
        raw = _decrypt(data, raw, keys)
        data = _load_json(raw)
    sender = _sender(data, raw, encrypted) if isinstance(data, dict) else None
    package = package_from_data(data)
    assert sender is not None  # package_from_data refuses anything but an object
    trusted = keys.trusted_for(sender.institution) if sender.trust != UNSIGNED else None
    if trusted is not None and trusted.fingerprint == sender.fingerprint:
        sender = dataclasses.replace(sender, trust=TRUSTED)
    return OpenedPackage(package, sender)


def precheck_file(path: Path) -> None:
    """Refuse a file that is no readable package before anything is opened or created.

    An encrypted package is only checked as JSON here: its content needs the key.
    """
    raw = _read_bytes(path)
    data = _load_json(raw)
    if not (isinstance(data, dict) and data.get("format") == ENCRYPTED_FORMAT):
        parse_package(raw)


def open_package_file(path: Path, keys: KeyService) -> OpenedPackage:
    """:func:`open_package` of the file at *path*."""
    return open_package(_read_bytes(path), keys)


def plan_package_file(
    services: Services, path: Path, options: ImportOptions | None = None
) -> tuple[OpenedPackage, ImportPlan]:
    """Open the package at *path* and compute what importing it would do (nothing written)."""
    opened = open_package_file(path, services.keys)
    plan = services.exchange.plan(opened.package, opened.sender, options or ImportOptions())
    return opened, plan


def import_visit_package(
    services: Services, path: Path, options: ImportOptions | None = None
) -> ImportResult:
    """Open, plan and apply the package at *path* in one transaction (refused: nothing)."""
    opened, plan = plan_package_file(services, path, options)
    return services.exchange.apply(opened.package, plan)

"""The JSON exchange package of one visit (schema in :mod:`planner.services.exchange`)."""

from __future__ import annotations

import base64
import os
from dataclasses import asdict
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from planner.export.atomic import atomic_write
from planner.services.container import Services
from planner.services.exchange import (
    ENCRYPTED_FORMAT,
    ENCRYPTION_ALGORITHM,
    NEEDS_RECIPIENT,
    PACKAGE_FORMAT,
    SCHEMA_VERSION,
    SIGNATURE_ALGORITHM,
    SIGNATURE_CONTEXT,
    PackageError,
    PackageItem,
    PackagePerson,
    VisitPackage,
    envelope_key,
)
from planner.services.keys import KeyService, PublicKeys, canonical


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
    """The package as UTF-8 JSON text, unsigned (kanji kept readable, keys sorted)."""
    return canonical(package_to_json(package))


def signed_bytes(package: VisitPackage, keys: KeyService) -> bytes:
    """The package signed with this installation's Ed25519 key.

    The signature covers :data:`SIGNATURE_CONTEXT` and the canonical bytes of everything but
    the signature itself, including the sender block (institution and both public keys), so
    neither the content nor who claims to have sent it can change unnoticed.
    """
    own = keys.own()
    body = package_to_json(package)
    # Without a home institution set, the visit's host institution is the best guess of who
    # plans it; the receiver sees the name with the fingerprint on first use either way.
    institution = own.institution or package.institutions[package.host_institution].name
    body["sender"] = {
        "institution": institution,
        "signing_key": own.signing_key.hex(),
        "encryption_key": own.encryption_key.hex(),
        "fingerprint": own.fingerprint,
    }
    value = keys.signing_key().sign(SIGNATURE_CONTEXT + canonical(body))
    body["signature"] = {"algorithm": SIGNATURE_ALGORITHM, "value": value.hex()}
    return canonical(body)


def encrypted_bytes(plain: bytes, recipient: PublicKeys) -> bytes:
    """*plain* (a signed package) sealed for *recipient*'s X25519 key.

    A fresh X25519 key pair per package; HKDF-SHA256 over the shared secret (salted with both
    public keys) gives a one-time ChaCha20-Poly1305 key; the envelope's header is the AEAD's
    associated data, so neither it nor the ciphertext can change without decryption failing.
    """
    ephemeral = X25519PrivateKey.generate()
    raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    ephemeral_public = ephemeral.public_key().public_bytes(*raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.encryption_key))
    key = envelope_key(shared, ephemeral_public, recipient.encryption_key)
    nonce = os.urandom(12)
    header: dict[str, Any] = {
        "format": ENCRYPTED_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "algorithm": ENCRYPTION_ALGORITHM,
        "recipient": {
            "institution": recipient.institution,
            "fingerprint": recipient.fingerprint,
            "encryption_key": recipient.encryption_key.hex(),
        },
        "ephemeral_key": ephemeral_public.hex(),
        "nonce": nonce.hex(),
    }
    sealed = ChaCha20Poly1305(key).encrypt(nonce, plain, canonical(header))
    header["ciphertext"] = base64.b64encode(sealed).decode("ascii")
    return canonical(header)


def export_visit_package(
    services: Services,
    visit_id: int,
    path: Path,
    *,
    include_sensitive: bool = False,
    recipient: PublicKeys | None = None,
) -> Path:
    """Write the signed exchange package of *visit_id* to *path* atomically, mode 0600.

    With *include_sensitive* the package is encrypted to *recipient* (required then: personal
    data never travels in the clear).
    """
    if include_sensitive and (recipient is None or not recipient.encryption_key):
        raise PackageError(NEEDS_RECIPIENT)
    signed = signed_bytes(
        services.exchange.build(visit_id, include_sensitive=include_sensitive), services.keys
    )
    data = encrypted_bytes(signed, recipient) if recipient is not None else signed
    return atomic_write(Path(path), data)

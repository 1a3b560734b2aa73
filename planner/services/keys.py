"""This institution's package keys and the partner keys it trusts.

Each installation has two key pairs, made on first use and kept in ``keys/`` inside the data
folder (folder 0700, files 0600): an Ed25519 pair that signs every exported package and an
X25519 pair that partners encrypt packages with personal data to. The *fingerprint* people
read aloud to each other is the first 20 bytes of the SHA-256 of the Ed25519 public key, in
ten groups of four hex digits.

Partner keys are trusted on first use and kept in the database (``partner_keys``), one entry
per partner institution: a later package from that institution signed by another key is
refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from planner.db.engine import Database
from planner.db.location import default_data_dir
from planner.db.models import PartnerKeyRow
from planner.domain.enums import AuditAction
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.limits import bad_character
from planner.domain.timezones import utc_now
from planner.services import audit
from planner.services.choices import DatabaseChoices

KEYS_FOLDER = "keys"
SIGNING_FILE = "signing-ed25519.pem"
ENCRYPTION_FILE = "encryption-x25519.pem"
#: What a public key file names itself, so a stray JSON file is not read as one.
KEY_FILE_FORMAT = "exchange-visit-planner/public-keys"
_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")
_MAX_KEY_FILE = 64 * 1024
_MAX_NAME = 200


class KeyFileError(PlannerError):
    """A key file cannot be read or a key cannot be trusted; the message says why."""


def fingerprint(signing_key: bytes) -> str:
    """The fingerprint of an Ed25519 public key: ``3F2A 91C0 …`` (ten groups of four)."""
    digest = hashlib.sha256(signing_key).hexdigest()[:40].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 40, 4))


def fold(institution: str) -> str:
    """An institution name as partner keys are looked up: trimmed, spaces collapsed, folded."""
    return " ".join(institution.split()).casefold()


def canonical(data: dict[str, Any]) -> bytes:
    """The one serialisation signatures are made over and files are written in.

    Sorted keys, two-space indent, UTF-8 (kanji kept readable), one final newline: a file is
    accepted only if it is exactly this serialisation of what it holds, so no byte of it can
    change without the change being refused.
    """
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


@dataclass(frozen=True)
class PublicKeys:
    """An institution's public keys as they travel (key files, package senders)."""

    institution: str
    signing_key: bytes  # Ed25519, 32 bytes
    encryption_key: bytes  # X25519, 32 bytes (empty when unknown)

    @property
    def fingerprint(self) -> str:
        """The fingerprint people compare over the phone."""
        return fingerprint(self.signing_key)


@dataclass(frozen=True)
class TrustedKey:
    """A partner institution's key this database trusts."""

    institution: str
    fingerprint: str
    signing_key: bytes
    encryption_key: bytes
    source: str
    trusted_utc: str


def _private_file(path: Path, data: bytes) -> None:
    """Write *data* to a new file readable by its owner only (never world-readable first)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    path.chmod(0o600)


def _key_error(template: str, **params: object) -> KeyFileError:
    return KeyFileError(template, params=params)


def hex_key(value: object, field: str) -> bytes:
    """A 32-byte key written as 64 lower-case hex digits; :class:`KeyFileError` otherwise."""
    if not isinstance(value, str) or not _HEX_KEY.match(value):
        raise _key_error(
            QT_TRANSLATE_NOOP("Validation", "{field} is not a key (64 lower-case hex digits)"),
            field=field,
        )
    return bytes.fromhex(value)


def institution_name(value: object, field: str) -> str:
    """An institution name from outside: text, one line, no control characters, bounded."""
    if not isinstance(value, str) or not value.strip() or len(value) > _MAX_NAME:
        raise _key_error(
            QT_TRANSLATE_NOOP("Validation", "{field} must be an institution name"), field=field
        )
    if bad_character(value) is not None or "\n" in value or "\r" in value or "\t" in value:
        raise _key_error(
            QT_TRANSLATE_NOOP("Validation", "{field} contains control characters"), field=field
        )
    return value.strip()


class KeyService:
    """The installation's own key pairs (files) and the partner keys it trusts (database)."""

    def __init__(self, db: Database, choices: DatabaseChoices, folder: Path | None = None):
        self.db = db
        self.choices = choices
        if folder is None:
            path = db.target.path
            folder = (path.parent if path is not None else default_data_dir()) / KEYS_FOLDER
        self.folder = folder

    # Own keys ----------------------------------------------------------------------------
    def _load_or_make(self) -> tuple[Ed25519PrivateKey, X25519PrivateKey]:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.folder.chmod(0o700)
        signing_path = self.folder / SIGNING_FILE
        encryption_path = self.folder / ENCRYPTION_FILE
        if not signing_path.exists():
            _private_file(signing_path, _pem(Ed25519PrivateKey.generate()))
        if not encryption_path.exists():
            _private_file(encryption_path, _pem(X25519PrivateKey.generate()))
        try:
            signing = serialization.load_pem_private_key(signing_path.read_bytes(), None)
            encryption = serialization.load_pem_private_key(encryption_path.read_bytes(), None)
        except (OSError, ValueError, TypeError) as exc:
            raise _key_error(
                QT_TRANSLATE_NOOP(
                    "Validation", "the key files in {folder} cannot be read: {error}"
                ),
                folder=str(self.folder), error=str(exc),
            ) from None  # fmt: skip
        if not isinstance(signing, Ed25519PrivateKey) or not isinstance(
            encryption, X25519PrivateKey
        ):
            raise _key_error(
                QT_TRANSLATE_NOOP("Validation", "the key files in {folder} hold other keys"),
                folder=str(self.folder),
            )
        return signing, encryption

    def signing_key(self) -> Ed25519PrivateKey:
        """This installation's signing key (made on first use)."""
        return self._load_or_make()[0]

    def encryption_key(self) -> X25519PrivateKey:
        """This installation's decryption key (made on first use)."""
        return self._load_or_make()[1]

    def institution(self) -> str:
        """The name this installation signs as: the home institution set in the database."""
        home_id = self.choices.home_institution_id()
        if home_id is None:
            return ""
        from planner.db.models import InstitutionRow

        with self.db.read() as session:
            row = session.get(InstitutionRow, home_id)
            return row.name if row is not None else ""

    def own(self) -> PublicKeys:
        """This installation's public keys."""
        signing, encryption = self._load_or_make()
        raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
        return PublicKeys(
            institution=self.institution(),
            signing_key=signing.public_key().public_bytes(*raw),
            encryption_key=encryption.public_key().public_bytes(*raw),
        )

    def export_bytes(self) -> bytes:
        """The public key file partners import: both keys, signed by the signing key."""
        keys = self.own()
        if not keys.institution:
            raise _key_error(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "set this planner's home institution first: partners trust keys by institution",
                )
            )
        body = {
            "format": KEY_FILE_FORMAT,
            "version": 1,
            "institution": keys.institution,
            "signing_key": keys.signing_key.hex(),
            "encryption_key": keys.encryption_key.hex(),
            "fingerprint": keys.fingerprint,
        }
        body["signature"] = self.signing_key().sign(canonical(body)).hex()
        return canonical(body)

    # Partner keys ----------------------------------------------------------------------
    def trusted(self) -> list[TrustedKey]:
        """Every trusted partner key, by institution name."""
        with self.db.read() as session:
            rows = session.scalars(select(PartnerKeyRow).order_by(PartnerKeyRow.institution_key))
            return [_trusted(r) for r in rows]

    def trusted_for(self, institution: str) -> TrustedKey | None:
        """The key trusted for *institution*, or None (first contact)."""
        with self.db.read() as session:
            row = session.scalar(
                select(PartnerKeyRow).where(PartnerKeyRow.institution_key == fold(institution))
            )
            return None if row is None else _trusted(row)

    def trust_in_session(
        self, session: Any, keys: PublicKeys, source: str, *, replace: bool = False
    ) -> None:
        """Trust *keys* for their institution inside the caller's transaction (audited).

        An institution that already has a different signing key is refused, unless *replace*
        (``planner keys import FILE --replace``: a deliberate act after the partner made new
        keys, audited with both fingerprints). A package can never replace a key.
        """
        row = session.scalar(
            select(PartnerKeyRow).where(PartnerKeyRow.institution_key == fold(keys.institution))
        )
        if row is not None and replace and row.signing_key != keys.signing_key.hex():
            audit.record(session, "partner_key", row.id, AuditAction.DELETE,
                         {"institution": row.institution, "fingerprint": row.fingerprint},
                         reason=f"replaced by {keys.fingerprint} ({source})")  # fmt: skip
            session.delete(row)
            session.flush()
            row = None
        if row is not None:
            if row.signing_key != keys.signing_key.hex():
                raise key_changed(keys.institution, row.fingerprint, keys.fingerprint)
            if keys.encryption_key and row.encryption_key != keys.encryption_key.hex():
                row.encryption_key = keys.encryption_key.hex()
                audit.record(session, "partner_key", row.id, AuditAction.UPDATE,
                             {"encryption_key": "changed"}, reason=source)  # fmt: skip
            return
        row = PartnerKeyRow(
            institution=keys.institution, institution_key=fold(keys.institution),
            fingerprint=keys.fingerprint, signing_key=keys.signing_key.hex(),
            encryption_key=keys.encryption_key.hex(), source=source,
            trusted_utc=utc_now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        )  # fmt: skip
        session.add(row)
        session.flush()
        audit.record(session, "partner_key", row.id, AuditAction.CREATE,
                     {"institution": keys.institution, "fingerprint": keys.fingerprint},
                     reason=f"trusted on first use ({source})")  # fmt: skip

    def import_key_file(self, raw: bytes, *, replace: bool = False) -> PublicKeys:
        """Read a partner's public key file and trust it; :class:`KeyFileError` names why not.

        *replace*: a key already trusted for that institution gives way to this one.
        """
        keys = read_key_file(raw)
        if keys.signing_key == self.own().signing_key:
            raise _key_error(QT_TRANSLATE_NOOP("Validation", "this is this planner's own key file"))
        with self.db.write() as session:
            self.trust_in_session(session, keys, "key file", replace=replace)
        return keys


def key_changed(institution: str, trusted: str, offered: str) -> KeyFileError:
    """The refusal of a key that differs from the one trusted for *institution*."""
    return _key_error(
        QT_TRANSLATE_NOOP(
            "Validation",
            "{institution} is trusted with the key {trusted}, but this is signed by another "
            "key, {offered}: refused. Call your contact there and compare fingerprints; if they "
            "made new keys, import their new key file with 'planner keys import FILE --replace'",
        ),
        institution=institution, trusted=trusted, offered=offered,
    )  # fmt: skip


def read_key_file(raw: bytes) -> PublicKeys:
    """The public keys in a key file (its self-signature checked)."""
    from cryptography.exceptions import InvalidSignature

    bad = _key_error(QT_TRANSLATE_NOOP("Validation", "not a planner public key file"))
    if len(raw) > _MAX_KEY_FILE:
        raise bad
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad from None
    if not isinstance(data, dict) or data.get("format") != KEY_FILE_FORMAT:
        raise bad
    if data.get("version") != 1:
        raise _key_error(
            QT_TRANSLATE_NOOP(
                "Validation", "this key file has version {version}; this planner reads version 1"
            ),
            version=str(data.get("version"))[:20],
        )
    keys = PublicKeys(
        institution=institution_name(data.get("institution"), "institution"),
        signing_key=hex_key(data.get("signing_key"), "signing_key"),
        encryption_key=hex_key(data.get("encryption_key"), "encryption_key"),
    )
    signature = data.pop("signature", None)
    try:
        if not isinstance(signature, str) or canonical({**data, "signature": signature}) != raw:
            raise InvalidSignature
        Ed25519PublicKey.from_public_bytes(keys.signing_key).verify(
            bytes.fromhex(signature), canonical(data)
        )
    except (InvalidSignature, ValueError):
        raise _key_error(
            QT_TRANSLATE_NOOP("Validation", "the key file is damaged or was altered: refused")
        ) from None
    return keys


def _trusted(row: PartnerKeyRow) -> TrustedKey:
    return TrustedKey(
        institution=row.institution, fingerprint=row.fingerprint,
        signing_key=bytes.fromhex(row.signing_key),
        encryption_key=bytes.fromhex(row.encryption_key) if row.encryption_key else b"",
        source=row.source, trusted_utc=row.trusted_utc,
    )  # fmt: skip


def _pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )

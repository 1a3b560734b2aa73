"""Sealed files: attachments and sensitive exports of an encrypted database, with its key.

A sealed file is ``EVP-SEALED-1\\n``, a 16-byte salt, a 12-byte nonce, then the contents
encrypted and authenticated with AES-256-GCM under a key derived from the database key by
PBKDF2-HMAC-SHA256 (a fresh salt per file). A changed byte, a truncated file or another key
is refused whole; nothing half-decrypted is ever written.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path
from typing import Any

from planner.db.cipher import wrong_key
from planner.db.errors import StorageError
from planner.db.files import PRIVATE_FILE_MODE, create_private_file, held_while_writing
from planner.domain.i18n import QT_TRANSLATE_NOOP

SEALED_MAGIC = b"EVP-SEALED-1\n"
_SALT, _NONCE = 16, 12
#: Cost of deriving each file's key: the database key from the environment may be a
#: passphrase a person chose, so guessing it must stay slow.
_ITERATIONS = 200_000


def _aead(key: str, salt: bytes) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    secret = hashlib.pbkdf2_hmac("sha256", key.encode("utf-8"), salt, _ITERATIONS, dklen=32)
    return AESGCM(secret)


def seal(data: bytes, key: str) -> bytes:
    """*data* sealed with *key* (see the module's description of the format)."""
    salt, nonce = secrets.token_bytes(_SALT), secrets.token_bytes(_NONCE)
    aead = _aead(key, salt)
    sealed: bytes = aead.encrypt(nonce, data, SEALED_MAGIC)
    return SEALED_MAGIC + salt + nonce + sealed


def is_sealed(path: Path) -> bool:
    """True when *path* starts like a sealed file."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SEALED_MAGIC)) == SEALED_MAGIC
    except OSError:
        return False


def unseal(blob: bytes, key: str, where: Path) -> bytes:
    """The contents of the sealed *blob* (read from *where*), or a one-line error."""
    from cryptography.exceptions import InvalidTag

    head = len(SEALED_MAGIC)
    if not blob.startswith(SEALED_MAGIC) or len(blob) < head + _SALT + _NONCE + 16:
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "{path} is not a file sealed by this application"),
            params={"path": str(where)},
        )
    salt = blob[head : head + _SALT]
    nonce = blob[head + _SALT : head + _SALT + _NONCE]
    try:
        data: bytes = _aead(key, salt).decrypt(nonce, blob[head + _SALT + _NONCE :], SEALED_MAGIC)
    except InvalidTag as exc:
        raise wrong_key(where) from exc
    return data


def write_private(path: Path, data: bytes) -> Path:
    """Write *data* to *path* (mode 0600) whole or not at all: built aside, then renamed."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    create_private_file(tmp)
    try:
        with held_while_writing(tmp):
            with tmp.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            tmp.chmod(PRIVATE_FILE_MODE)
            tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def seal_file(path: Path, key: str) -> None:
    """Replace the plain *path* by its sealed copy, then overwrite the plain bytes.

    The plain file keeps a second name until the sealed one has taken its place, so a kill at
    any moment leaves the attachment readable (sealed or plain), never lost.
    """
    data = path.read_bytes()
    plain = path.with_name(f".{path.name}.plain-{os.getpid()}")
    plain.unlink(missing_ok=True)
    os.link(path, plain)
    write_private(path, seal(data, key))
    with plain.open("r+b") as handle:
        handle.write(b"\x00" * len(data))
        handle.flush()
        os.fsync(handle.fileno())
    plain.unlink()


def seal_folder(folder: Path, key: str) -> int:
    """Seal every plain file under *folder* (the attachments); returns how many."""
    if not folder.is_dir():
        return 0
    sealed = 0
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and not is_sealed(path):
            seal_file(path, key)
            sealed += 1
    return sealed

"""The encrypted laptop file: SQLCipher connections, the database key, and which file is which.

An encrypted database is an SQLCipher 4 file: every page is encrypted with AES-256 (CBC) and
authenticated with HMAC-SHA512, the key derived from the passphrase by PBKDF2-HMAC-SHA512.
Nothing in it is readable without the key, not even the SQLite header; so a file that does not
start with the SQLite header but looks like random pages is taken for an encrypted database.

The key is one passphrase per user: ``PLANNER_DATABASE_KEY`` (scripts, CI) or else the entry
``database-key`` of the service ``exchange-visit-planner`` in the operating system's keychain
(through ``keyring``). It never appears in a URL, a message or the audit.

Every connection to a database file, backup or restore goes through :func:`connect` or
:func:`open_file`, so the encrypted and the plain file share one code path.
"""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
import sqlite3
import sys
from pathlib import Path
from typing import Any

from planner.db.errors import StorageError
from planner.db.location import sqlite_uri
from planner.domain.i18n import QT_TRANSLATE_NOOP

KEY_ENV = "PLANNER_DATABASE_KEY"
KEYCHAIN_SERVICE = "exchange-visit-planner"
KEYCHAIN_ENTRY = "database-key"

#: The first 16 bytes of every plain SQLite database file.
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The smallest SQLCipher file: one page of the smallest size SQLCipher writes.
_MIN_ENCRYPTED_SIZE = 512


class MissingKeyError(StorageError):
    """An encrypted database and no key: neither the environment nor the keychain has one."""


class WrongKeyError(StorageError):
    """The key does not open the encrypted file (or the file is damaged)."""


class NotEncryptedError(StorageError):
    """An encrypted database was asked for and the file is a plain one."""


class KeychainError(StorageError):
    """The keychain could not keep a new key."""


def driver_errors() -> tuple[type[Exception], ...]:
    """The error base classes of the drivers in use: ``sqlite3``'s, and SQLCipher's if loaded.

    ``sqlcipher3`` has its own copy of the DB-API classes; until it is imported no connection
    can have raised one, so the plain case never pays for importing it.
    """
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is None:
        return (sqlite3.Error,)
    return (sqlite3.Error, cipher.Error)


def dbapi_module() -> Any:
    """The SQLCipher DB-API module, or a :class:`StorageError` saying what to install."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "the SQLCipher driver is not installed, so an encrypted database cannot be "
                "opened; install it with 'pip install sqlcipher3'",
            )
        ) from exc
    return dbapi2


def _checked(key: str, source: str) -> str:
    # A key with control characters cannot come from a keyboard: most likely a pasted file or
    # a broken script. Refuse it rather than guess what was meant (and never echo it).
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in key):
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation", "the database key from {source} contains control characters"
            ),
            params={"source": source},
        )
    return key


def _keyring() -> Any:
    import keyring

    return keyring


def keychain_key() -> str | None:
    """The key kept in the operating system's keychain, or None (none kept, no keychain)."""
    try:
        from keyring.errors import KeyringError

        try:
            key = _keyring().get_password(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)
        except (KeyringError, RuntimeError):
            # No usable keychain (a server without one, a locked one): as if no key were kept.
            return None
    except ImportError:
        return None
    return _checked(key, "the keychain") if key else None


def database_key(environ: dict[str, str] | None = None) -> str | None:
    """The database key: ``PLANNER_DATABASE_KEY`` if set, else the keychain's, else None."""
    env = os.environ if environ is None else environ
    key = env.get(KEY_ENV, "")
    if key:
        return _checked(key, KEY_ENV)
    return keychain_key()


def ensure_key() -> str:
    """The database key, a new random one stored in the keychain when there is none yet."""
    key = database_key()
    if key is not None:
        return key
    key = secrets.token_urlsafe(32)  # 256 bits; printable, so it survives any keychain
    try:
        from keyring.errors import KeyringError

        keyring = _keyring()
        try:
            keyring.set_password(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY, key)
            stored = keyring.get_password(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)
        except (KeyringError, RuntimeError) as exc:
            raise _no_keychain(
                str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            ) from exc
    except ImportError as exc:
        raise _no_keychain("keyring is not installed") from exc
    if stored != key:
        # A keychain that accepts a key and gives back another would lock the file for good.
        raise _no_keychain("the key read back differs from the key stored")
    return key


def _no_keychain(reason: str) -> KeychainError:
    return KeychainError(
        QT_TRANSLATE_NOOP(
            "Validation",
            "no keychain can keep the database key ({reason}); set PLANNER_DATABASE_KEY "
            "instead (and keep it safe: without it the data cannot be read)",
        ),
        params={"reason": reason},
    )


def key_pragma(key: str, schema: str = "") -> str:
    """``PRAGMA key`` for *key*: a pragma takes no bound parameters, so the quote is doubled."""
    prefix = f"{schema}." if schema else ""
    return f"PRAGMA {prefix}key = '{key.replace(chr(39), chr(39) * 2)}'"


#: SQLCipher 4's key derivation: PBKDF2-HMAC-SHA512, this many iterations, a 256-bit key.
_KDF_ITERATIONS = 256_000


@functools.lru_cache(maxsize=16)
def _page_key(key: str, salt: bytes) -> str:
    # The derivation SQLCipher would run on every connection (about 0.2 s, more on a busy
    # machine), run once per file and process: a command opens the file several times.
    return hashlib.pbkdf2_hmac("sha512", key.encode("utf-8"), salt, _KDF_ITERATIONS, 32).hex()


def _salt(path: Path) -> bytes | None:
    # An encrypted file's first 16 bytes are its key-derivation salt.
    header, size = header_of(path)
    if size >= _MIN_ENCRYPTED_SIZE and len(header) == len(SQLITE_MAGIC) and header != SQLITE_MAGIC:
        return header
    return None


def _keying(path: Path, key: str, like: Path | None) -> str:
    """The ``PRAGMA key`` for *path*: the derived raw key when the file exists; for a new
    file, the raw key and salt of the encrypted file *like* (a backup of it: no second
    derivation), else the passphrase, from which SQLCipher makes a new salt."""
    salt = _salt(path)
    if salt is not None:
        return f"PRAGMA key = \"x'{_page_key(key, salt)}'\""
    salt = _salt(like) if like is not None else None
    if salt is not None:
        return f"PRAGMA key = \"x'{_page_key(key, salt)}{salt.hex()}'\""
    return key_pragma(key)


def header_of(path: Path) -> tuple[bytes, int]:
    """The first 16 bytes of *path* and its size; ``(b"", 0)`` when it does not exist."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)), os.fstat(handle.fileno()).st_size
    except FileNotFoundError:
        return b"", 0


def looks_encrypted(path: Path) -> bool:
    """True when *path* looks like an SQLCipher file: whole pages starting with random bytes.

    Its first 16 bytes are the key-derivation salt. A file of zeros or text (an overwritten or
    truncated database) does not look like that, and is reported as damage instead.
    """
    header, size = header_of(path)
    return (
        len(header) == len(SQLITE_MAGIC)
        and header != SQLITE_MAGIC
        and size >= _MIN_ENCRYPTED_SIZE
        and size % _MIN_ENCRYPTED_SIZE == 0
        and len(set(header)) >= 8  # 16 random bytes have about 15 distinct values
        and sum(32 <= b < 127 for b in header) < 12  # random: about 6 printable; text: 16
    )


def is_database_file(path: Path) -> bool:
    """True when *path* starts like a database: the SQLite header, or SQLCipher's pages."""
    header, _size = header_of(path)
    return header == SQLITE_MAGIC or looks_encrypted(path)


def file_key(path: Path) -> str | None:
    """None for a plain (or missing) file; the key for an encrypted one.

    An encrypted file without a key is a :class:`MissingKeyError`, said in one line.
    """
    if not looks_encrypted(path):
        return None
    key = database_key()
    if key is None:
        raise MissingKeyError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{path} is encrypted and no key was found: set PLANNER_DATABASE_KEY or keep the "
                "key in the keychain (service exchange-visit-planner, entry database-key)",
            ),
            params={"path": str(path)},
        )
    return key


def wrong_key(path: Path) -> WrongKeyError:
    """The error for an encrypted file the key does not open."""
    return WrongKeyError(
        QT_TRANSLATE_NOOP(
            "Validation",
            "{path} cannot be decrypted with the database key: the key is wrong (check "
            "PLANNER_DATABASE_KEY or the keychain) or the file is damaged",
        ),
        params={"path": str(path)},
    )


def connect(
    path: Path,
    *,
    mode: str = "ro",
    key: str | None = None,
    like: Path | None = None,
    **options: Any,
) -> sqlite3.Connection:
    """A DB-API connection to *path* opened with *mode* (``ro``, ``rw``, ``rwc``).

    Without *key*, a plain ``sqlite3`` connection; with ``""``, SQLCipher's driver on a plain
    file (it can attach an encrypted one). With a key, an SQLCipher connection keyed
    before its first read, and checked: a key that does not open the file is a
    :class:`WrongKeyError` (a new, empty file takes the key and is encrypted from its first
    page; *like*: an encrypted file whose salt a new file shares, as a backup of it does).
    *options* go to ``connect`` (``timeout``, ``isolation_level``,
    ``check_same_thread``).
    """
    uri = sqlite_uri(path, mode=mode)
    if key is None:
        plain: sqlite3.Connection = sqlite3.connect(uri, uri=True, **options)
        return plain
    dbapi = dbapi_module()
    conn: sqlite3.Connection = dbapi.connect(uri, uri=True, **options)
    try:
        # SQLCipher writes its own diagnostics to stderr; the user gets one line from us.
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key:  # "" reads a plain file through SQLCipher (to attach an encrypted one)
            conn.execute(_keying(path, key, like))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi.DatabaseError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorcode", None) == 26:  # SQLITE_NOTADB: key or damage
            raise wrong_key(path) from exc
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def open_file(path: Path, *, mode: str = "ro", **options: Any) -> sqlite3.Connection:
    """:func:`connect` to an existing *path* with the key it needs (none for a plain file)."""
    return connect(path, mode=mode, key=file_key(path), **options)

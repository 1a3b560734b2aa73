"""Commands about the database itself: demo data and the integrity check."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from planner import APP_NAME, __version__
from planner.cli.common import EXIT_OK, CommandError, add_command, open_services
from planner.db.backup import integrity_problems
from planner.db.cipher import database_key, looks_encrypted
from planner.db.errors import CorruptDatabaseError
from planner.db.location import resolve_target
from planner.db.opening import check_sqlite_file, inspect_file
from planner.db.rotation import newest_good_backup
from planner.db.sealing import unseal, write_private
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.container import Services


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill a database with the curated demo exchange plus N synthetic visits."""
    from planner.demo.populate import populate_demo

    if args.visits < 0:
        raise CommandError("--visits must be zero or more")
    started = time.perf_counter()
    with open_services(args, create=True) as services:
        summary = populate_demo(services, synthetic_visits=args.visits, seed=args.seed)
        where = services.db.target.display
    seconds = time.perf_counter() - started
    print(
        f"demo data written to {where}: {summary.visits} visits, "
        f"{summary.people} people, {summary.institutions} institutions, {summary.events} events, "
        f"{summary.itinerary_items} itinerary items in {seconds:.1f} s"
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Report integrity and schema version without changing the file."""
    target = resolve_target(args.db)
    if target.path is None:
        Services.open(target, read_only=True).close()
        print(f"{target.display}: reachable, schema up to date")
        return EXIT_OK
    if not target.path.exists():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "there is no database at {path}"),
            params={"path": str(target.path)},
        )
    check_sqlite_file(target.path)
    # Integrity first: a damaged file may not even let its schema version be read.
    problems = integrity_problems(target.path, quick=False)
    if problems:
        raise CorruptDatabaseError(target.path, problems[0], newest_good_backup(target.path))
    state = inspect_file(target)
    schema = state.revision or "none (empty file)"
    if state.needs_upgrade:
        schema += f", will be upgraded to {state.head} when opened"
    print(f"database: {target.path}")
    print(f"encryption: {'SQLCipher' if looks_encrypted(target.path) else 'none'}")
    print("integrity: ok")
    print(f"schema: {schema}")
    print(f"written by: {APP_NAME} {state.written_by or 'unknown'}")
    print(f"this version: {__version__} (schema {state.head})")
    return EXIT_OK


def cmd_encrypt(args: argparse.Namespace) -> int:
    """Turn the SQLite file into an encrypted (SQLCipher) one, its backups with it."""
    from planner.db.encryption import encrypt_database
    from planner.services.paperwork import ATTACHMENTS_FOLDER
    from planner.ui.shell.instance_lock import InstanceLock

    target = resolve_target(args.db)
    if target.path is None:
        raise CommandError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{where} is a shared server database; 'planner encrypt' encrypts a database "
                "file on this computer (a server is protected by its logins and TLS)",
            ),
            params={"where": target.display},
        )
    if not target.path.exists():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "there is no database at {path}"),
            params={"path": str(target.path)},
        )
    check_sqlite_file(target.path)
    # Refuses foreign files and files from a newer version, as every command does.
    inspect_file(target)
    # Replacing the file under a running window would lose its next saves: refuse instead.
    with InstanceLock(target.path):
        result = encrypt_database(target.path, target.path.parent / ATTACHMENTS_FOLDER)
    if result.backup is None:
        print(f"{result.path} was already encrypted; finished what an earlier run left")
    else:
        print(f"{result.path} is now encrypted (SQLCipher, AES-256)")
        print(f"a verified backup was taken first: {result.backup.path}")
    print(f"backups encrypted: {result.backups_encrypted}")
    print(f"attachments sealed: {result.attachments_sealed}")
    return EXIT_OK


def cmd_decrypt(args: argparse.Namespace) -> int:
    """Write the plain contents of a sealed export or attachment (with the database key)."""
    source = Path(args.file).expanduser().absolute()
    out = Path(args.output).expanduser().absolute()
    if not source.is_file():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "there is no file at {path}"),
            params={"path": str(source)},
        )
    if out.is_dir() or out == source:
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "{path}: give another file name with -o"),
            params={"path": str(out)},
        )
    key = database_key()
    if key is None:
        raise CommandError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "no database key was found: set PLANNER_DATABASE_KEY or keep the key in the "
                "keychain",
            )
        )
    data = unseal(source.read_bytes(), key, source)
    write_private(out, data)
    print(f"{source} decrypted to {out} (mode 0600; delete it when done)")
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``demo``, ``check``, ``encrypt`` and ``decrypt``."""
    demo = add_command(sub, "demo", cmd_demo, "fill a database with the demo exchange")
    demo.add_argument("--visits", type=int, default=0, metavar="N", help="synthetic visits to add")
    demo.add_argument("--seed", type=int, default=0, metavar="S", help="seed for synthetic data")
    add_command(sub, "check", cmd_check, "check integrity and schema version (changes nothing)")
    add_command(
        sub,
        "encrypt",
        cmd_encrypt,
        "encrypt the database file and its backups (key from the keychain or PLANNER_DATABASE_KEY)",
    )
    decrypt = add_command(
        sub, "decrypt", cmd_decrypt, "write the plain contents of a sealed export or attachment"
    )
    decrypt.add_argument("file", metavar="FILE", help="the sealed file")
    decrypt.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")

"""``planner keys show|export|import|list``: this institution's package keys and its partners'."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner.cli.common import EXIT_OK, CommandError, add_command, open_services, output_path
from planner.domain.i18n import QT_TRANSLATE_NOOP

_MAX_KEY_FILE = 64 * 1024


def cmd_keys_show(args: argparse.Namespace) -> int:
    """Print this installation's fingerprint and public keys (made on first use)."""
    with open_services(args) as services:
        own = services.keys.own()
        folder = services.keys.folder
    print(f"institution:    {own.institution or '(home institution not set)'}")
    print(f"fingerprint:    {own.fingerprint}")
    print(f"signing key:    {own.signing_key.hex()} (Ed25519)")
    print(f"encryption key: {own.encryption_key.hex()} (X25519)")
    print(f"private keys:   {folder}")
    return EXIT_OK


def cmd_keys_export(args: argparse.Namespace) -> int:
    """Write the public key file partners import (both public keys, self-signed)."""
    from planner.export.atomic import atomic_write

    out = output_path(args)
    with open_services(args) as services:
        data = services.keys.export_bytes()
        own = services.keys.own()
    written = atomic_write(out, data)
    print(f"{written}: public keys of {own.institution} written (fingerprint {own.fingerprint})")
    return EXIT_OK


def read_key_path(path: Path) -> bytes:
    """The bytes of a key file given on the command line (bounded; clear message otherwise)."""
    if not path.is_file():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "{path} does not exist or is not a file"),
            params={"path": str(path)},
        )
    try:
        with path.open("rb") as handle:
            return handle.read(_MAX_KEY_FILE + 1)
    except OSError as exc:
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "cannot read {path}: {error}"),
            params={"path": str(path), "error": str(exc.strerror or exc)},
        ) from exc


def cmd_keys_import(args: argparse.Namespace) -> int:
    """Trust a partner institution's public key file."""
    from planner.services.keys import read_key_file

    raw = read_key_path(Path(args.file))
    with open_services(args, create=True) as services:
        before = None
        if args.replace:
            before = services.keys.trusted_for(read_key_file(raw).institution)
        keys = services.keys.import_key_file(raw, replace=args.replace)
    if before is not None and before.fingerprint != keys.fingerprint:
        print(f"{keys.institution}: key {before.fingerprint} replaced")
    print(f"{keys.institution}: key {keys.fingerprint} trusted")
    print("  compare this fingerprint with your contact there (by phone) before relying on it")
    return EXIT_OK


def cmd_keys_list(args: argparse.Namespace) -> int:
    """List the partner keys this database trusts."""
    with open_services(args) as services:
        trusted = services.keys.trusted()
    if not trusted:
        print("no partner keys trusted yet")
    for key in trusted:
        print(f"{key.institution}\t{key.fingerprint}\t{key.source}\t{key.trusted_utc}")
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``keys show|export|import|list``."""
    keys = sub.add_parser("keys", help="this institution's package keys and its partners'")
    actions = keys.add_subparsers(title="key commands", metavar="WHAT", required=True)
    add_command(actions, "show", cmd_keys_show, "this institution's fingerprint and public keys")
    export = add_command(
        actions, "export", cmd_keys_export, "write the public key file to send to partners"
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    imported = add_command(
        actions, "import", cmd_keys_import, "trust a partner institution's public key file"
    )
    imported.add_argument("file", metavar="FILE", help="the partner's public key file")
    imported.add_argument(
        "--replace", action="store_true",
        help="replace the key trusted for that institution (after they made new keys: "
        "compare the new fingerprint by phone first)",
    )  # fmt: skip
    add_command(actions, "list", cmd_keys_list, "the partner keys this database trusts")

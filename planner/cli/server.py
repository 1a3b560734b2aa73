"""``planner server init`` and ``planner server add-user``: the team server's accounts."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from planner.cli.common import EXIT_OK, CommandError, add_db_option
from planner.db.engine import create_planner_engine
from planner.db.location import DatabaseTarget, resolve_target
from planner.db.opening import open_database
from planner.db.server import Role, add_user, apply_server_policy
from planner.domain.i18n import QT_TRANSLATE_NOOP

#: Longer than any sensible password: stdin is not read without limit.
MAX_PASSWORD = 1024


def _server_target(args: argparse.Namespace) -> DatabaseTarget:
    target = resolve_target(args.db)
    if target.path is not None:
        raise CommandError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{where} is a file on this computer; 'planner server' sets up a shared "
                "PostgreSQL server: give its URL with --db or PLANNER_DATABASE_URL",
            ),
            params={"where": target.display},
        )
    return target


def cmd_init(args: argparse.Namespace) -> int:
    """Create the schema, the four roles, the privileges and the triggers (as the owner)."""
    target = _server_target(args)
    db = open_database(target, create=True)
    try:
        apply_server_policy(db.engine)
    finally:
        db.close()
    print(
        f"{target.display}: schema, roles (planner_admin, planner_coordinator, "
        "planner_assistant, planner_viewer), append-only audit and change notices are set up"
    )
    return EXIT_OK


def _read_password() -> str:
    """From a prompt (asked twice) on a terminal, else the first line of standard input."""
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password again: "):
            raise CommandError(QT_TRANSLATE_NOOP("Validation", "the passwords do not match"))
        return first
    line = sys.stdin.readline(MAX_PASSWORD + 2)
    password = line.removesuffix("\n").removesuffix("\r")
    if len(password) > MAX_PASSWORD:
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "the password is longer than {limit} characters"),
            params={"limit": MAX_PASSWORD},
        )
    if any(ord(c) < 32 or ord(c) == 127 for c in password):
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "the password contains control characters")
        )
    return password


def cmd_add_user(args: argparse.Namespace) -> int:
    """Create a login in a role; the password never appears on the command line."""
    target = _server_target(args)
    password = _read_password()
    engine = create_planner_engine(target)
    try:
        add_user(engine, args.name, Role(args.role), password)
    finally:
        engine.dispose()
    print(f"login {args.name} can now sign in as {args.role} on {target.display}")
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``server init`` and ``server add-user``."""
    server = sub.add_parser(
        "server", help="set up a shared PostgreSQL server", description="team server accounts"
    )
    actions = server.add_subparsers(title="actions", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="create the schema, roles and audit triggers (run once, as the database owner)",
    )
    add_db_option(init)
    init.set_defaults(handler=cmd_init)
    user = actions.add_parser(
        "add-user",
        help="create a login in a role; the password is read from a prompt or standard input",
    )
    add_db_option(user)
    user.add_argument("name", help="login name")
    user.add_argument("--role", required=True, choices=[r.value for r in Role])
    user.set_defaults(handler=cmd_add_user)

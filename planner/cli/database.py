"""Commands about the database itself: demo data and the integrity check."""

from __future__ import annotations

import argparse
import time
from typing import Any

from planner import APP_NAME, __version__
from planner.cli.common import EXIT_OK, CommandError, add_command, open_services
from planner.db.backup import integrity_problems
from planner.db.errors import CorruptDatabaseError
from planner.db.location import resolve_target
from planner.db.opening import check_sqlite_file, inspect_file
from planner.db.rotation import newest_good_backup
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
    print("integrity: ok")
    print(f"schema: {schema}")
    print(f"written by: {APP_NAME} {state.written_by or 'unknown'}")
    print(f"this version: {__version__} (schema {state.head})")
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``demo`` and ``check``."""
    demo = add_command(sub, "demo", cmd_demo, "fill a database with the demo exchange")
    demo.add_argument("--visits", type=int, default=0, metavar="N", help="synthetic visits to add")
    demo.add_argument("--seed", type=int, default=0, metavar="S", help="seed for synthetic data")
    add_command(sub, "check", cmd_check, "check integrity and schema version (changes nothing)")

"""Command line and composition root: wires the database, the services and the GUI.

Exit codes (a stable contract): 0 success, 1 a user or data error (one line on stderr),
2 wrong usage (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from planner import APP_NAME, __version__
from planner.db.backup import integrity_problems
from planner.db.location import DatabaseTarget, resolve_target
from planner.db.opening import inspect_file
from planner.domain.enums import VisitStatus
from planner.domain.errors import PlannerError
from planner.services.app import Services

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CommandError(PlannerError):
    """A command cannot do what was asked; the message is shown as is."""


# Output helpers ---------------------------------------------------------------------------
def _print_json(rows: list[dict[str, Any]]) -> None:
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def display_width(text: str) -> int:
    """Terminal columns *text* takes: kanji and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_table(headers: Sequence[str], rows: list[Sequence[str]]) -> None:
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]
    for row in [headers, *rows]:
        cells = (c + " " * (w - display_width(c)) for c, w in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())


# Commands ---------------------------------------------------------------------------------
def _open(args: argparse.Namespace, *, create: bool) -> Services:
    return Services.open(resolve_target(args.db), create=create)


@contextmanager
def _session(args: argparse.Namespace, *, create: bool = False) -> Iterator[Services]:
    """The services of the chosen database for the length of one command."""
    services = _open(args, create=create)
    try:
        yield services
    finally:
        services.close()


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill a database with the curated demo exchange plus N synthetic visits."""
    from planner.services.demo import populate_demo

    if args.visits < 0:
        raise CommandError("--visits must be zero or more")
    started = time.perf_counter()
    with _session(args, create=True) as services:
        summary = populate_demo(services, synthetic_visits=args.visits, seed=args.seed)
    seconds = time.perf_counter() - started
    print(
        f"demo data written to {services.db.target.display}: {summary.visits} visits, "
        f"{summary.people} people, {summary.institutions} institutions, {summary.events} events, "
        f"{summary.itinerary_items} itinerary items in {seconds:.1f} s"
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Report integrity and schema version without changing the file."""
    target = resolve_target(args.db)
    if target.path is None:
        services = Services.open(target)
        services.close()
        print(f"{target.display}: reachable, schema up to date")
        return EXIT_OK
    if not target.path.exists():
        raise CommandError(f"there is no database at {target.path}")
    state = inspect_file(target)
    problems = integrity_problems(target.path, quick=False)
    if problems:
        raise CommandError(f"{target.path} is damaged: {problems[0]}")
    schema = state.revision or "none (empty file)"
    if state.needs_upgrade:
        schema += f", will be upgraded to {state.head} when opened"
    print(f"database: {target.path}")
    print("integrity: ok")
    print(f"schema: {schema}")
    print(f"written by: {APP_NAME} {state.written_by or 'unknown'}")
    print(f"this version: {__version__} (schema {state.head})")
    return EXIT_OK


def cmd_visits_list(args: argparse.Namespace) -> int:
    """List visits by arrival date."""
    with _session(args) as services:
        visits = services.visits.summaries()
    if args.json:
        _print_json(
            [
                {
                    "code": v.code,
                    "visitor_name": v.visitor_name,
                    "visitor_name_native": v.visitor_name_native,
                    "home_institution": v.home_institution,
                    "host_institution": v.host_institution,
                    "arrival_date": v.arrival_date.isoformat(),
                    "departure_date": v.departure_date.isoformat(),
                    "status": v.status.value,
                    "purpose": v.purpose.value,
                    "project": v.project,
                }
                for v in visits
            ]
        )
        return EXIT_OK
    _print_table(
        ["CODE", "VISITOR", "FROM", "TO", "ARRIVAL", "DEPARTURE", "STATUS"],
        [
            [
                v.code,
                " / ".join(n for n in (v.visitor_name, v.visitor_name_native) if n),
                v.home_institution,
                v.host_institution,
                v.arrival_date.isoformat(),
                v.departure_date.isoformat(),
                v.status.value,
            ]
            for v in visits
        ],
    )
    return EXIT_OK


def cmd_visits_set_status(args: argparse.Namespace) -> int:
    """Move a visit to another status along the allowed transitions."""
    try:
        target = VisitStatus(args.status)
    except ValueError:
        choices = ", ".join(s.value for s in VisitStatus)
        raise CommandError(f"unknown status {args.status!r}; choose one of {choices}") from None
    with _session(args) as services:
        visit = services.visits.get_by_code(args.code)
        assert visit.id is not None
        updated = services.visits.set_status(visit.id, target, reason=args.reason or "")
    print(f"{updated.code}: {visit.status.value} -> {updated.status.value}")
    return EXIT_OK


def cmd_people_list(args: argparse.Namespace) -> int:
    """List people (never their sensitive fields)."""
    with _session(args) as services:
        people = services.people.summaries()
    if args.json:
        _print_json(
            [
                {
                    **{k: v for k, v in asdict(p).items() if k != "category"},
                    "category": p.category.value,
                }
                for p in people
            ]
        )
        return EXIT_OK
    _print_table(
        ["NAME", "NATIVE", "CATEGORY", "INSTITUTION", "EMAIL"],
        [
            [p.latin_name, p.native_name, p.category.value, p.home_institution, p.email]
            for p in people
        ],
    )
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    """Start the desktop application."""
    from planner.ui.app import run_gui

    if args.demo and args.db:
        raise CommandError("--demo opens its own fresh database; leave out --db")
    demo_dir: Path | None = None
    try:
        if args.demo:
            from planner.db.location import sqlite_target
            from planner.services.demo import populate_demo

            # A fresh private copy each time: the demo can be edited without consequences.
            demo_dir = Path(tempfile.mkdtemp(prefix="planner-demo-"))
            services = Services.open(sqlite_target(demo_dir / "demo.sqlite3"), create=True)
            populate_demo(services)
        else:
            services = _open(args, create=True)
        try:
            return run_gui(
                services,
                lang=args.lang,
                exit_when_ready=args.exit_when_ready,
                screenshot_dir=Path(args.screenshot) if args.screenshot else None,
                started_at=args.started_at,
            )
        finally:
            services.close()
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


# Parser -----------------------------------------------------------------------------------
def _db_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # On sub-commands the default is SUPPRESS, so `planner --db X visits list` keeps X.
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="database file (default: $PLANNER_DATABASE_URL, else the per-user database)",
    )


def _add_command(
    subparsers: Any, name: str, handler: Callable[[argparse.Namespace], int], help_text: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text
    )
    _db_option(parser, top=False)
    parser.set_defaults(handler=handler)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command line of DESIGN.md that this version implements."""
    parser = argparse.ArgumentParser(
        prog="planner",
        description=f"{APP_NAME}: plan exchange visits between partner institutions. "
        "Without a command, starts the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _db_option(parser, top=True)
    parser.add_argument("--demo", action="store_true", help="open a fresh copy of the demo data")
    parser.add_argument("--lang", choices=["en", "ja"], default="en", help="interface language")
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help='quit once the main window is populated, printing "ready visits=N seconds=S"',
    )
    parser.add_argument(
        "--screenshot", metavar="DIR", help="save a PNG of each main view into DIR, then quit"
    )
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    demo = _add_command(sub, "demo", cmd_demo, "fill a database with the demo exchange")
    demo.add_argument("--visits", type=int, default=0, metavar="N", help="synthetic visits to add")
    demo.add_argument("--seed", type=int, default=0, metavar="S", help="seed for synthetic data")

    _add_command(sub, "check", cmd_check, "check integrity and schema version (changes nothing)")

    visits = sub.add_parser("visits", help="list visits or change their status")
    visits_sub = visits.add_subparsers(title="visit commands", metavar="ACTION", required=True)
    vlist = _add_command(visits_sub, "list", cmd_visits_list, "list visits by arrival date")
    vlist.add_argument("--json", action="store_true", help="print a JSON array")
    vstatus = _add_command(visits_sub, "set-status", cmd_visits_set_status, "change a status")
    vstatus.add_argument("code", help="visit code, e.g. V-2027-0007")
    vstatus.add_argument("status", help=", ".join(s.value for s in VisitStatus))
    vstatus.add_argument("--reason", help="why (kept in the audit log)")

    people = sub.add_parser("people", help="list people")
    people_sub = people.add_subparsers(title="people commands", metavar="ACTION", required=True)
    plist = _add_command(people_sub, "list", cmd_people_list, "list people by family name")
    plist.add_argument("--json", action="store_true", help="print a JSON array")
    return parser


def _describe_database_error(exc: SQLAlchemyError, target: DatabaseTarget | None) -> str:
    text = str(getattr(exc, "orig", exc))
    where = f" ({target.display})" if target else ""
    if "locked" in text or "busy" in text:
        return f"the database is busy in another program{where}; try again in a moment"
    if "disk is full" in text or "full" in text:
        return f"the disk is full{where}; nothing was saved"
    if "readonly" in text or "read-only" in text:
        return f"the database cannot be written{where}: {text}"
    return f"database error{where}: {text}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    started_at = time.perf_counter()
    # Everything this process creates (database, journals, backups, exports) is private.
    os.umask(0o077)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.started_at = started_at
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped reading: not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except PlannerError as exc:
        print(f"planner: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (OperationalError, SQLAlchemyError) as exc:
        try:
            target: DatabaseTarget | None = resolve_target(args.db)
        except (PlannerError, ValueError):
            target = None
        print(f"planner: error: {_describe_database_error(exc, target)}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(
            f"planner: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130

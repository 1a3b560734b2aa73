"""Command line and composition root: wires the database, the services and the GUI.

Exit codes (a stable contract): 0 success, 1 a user or data error (one line on stderr),
2 wrong usage (argparse's own). Each group of commands lives in its own module with a
``register(subparsers)`` function.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

import planner
from planner import APP_NAME, __version__
from planner.cli import (
    backup,
    database,
    events,
    exporting,
    gui,
    importing,
    keys,
    paperwork,
    people,
    report,
    visits,
)
from planner.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    Handler,
    TerminalSafeStream,
    add_db_option,
)
from planner.db.errors import UNKNOWN_PLACE, StorageError, environment_error
from planner.db.location import resolve_target
from planner.domain.errors import PlannerError

#: Modules whose ``register`` adds their sub-commands, in the order ``--help`` lists them.
COMMAND_MODULES = (
    database,
    visits,
    people,
    paperwork,
    events,
    backup,
    importing,
    exporting,
    keys,
    report,
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line of DESIGN.md that this version implements."""
    parser = argparse.ArgumentParser(
        prog="planner",
        description=f"{APP_NAME}: plan exchange visits between partner institutions. "
        "Without a command, starts the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_db_option(parser, top=True)
    gui.add_gui_options(parser)
    parser.set_defaults(handler=gui.cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def _database_error(exc: SQLAlchemyError, db_option: str | None) -> StorageError | None:
    """*exc* as the one line a person can act on, or None when it is a bug."""
    try:
        target = resolve_target(db_option)
    except (PlannerError, ValueError):
        return environment_error(exc, UNKNOWN_PLACE)
    return environment_error(exc, target.display, path=target.path)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code.

    Everything printed goes through :func:`~planner.cli.common.terminal_safe`: names and notes
    that came in from other people's files never reach the terminal as raw control codes.
    """
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafeStream(stdout), TerminalSafeStream(stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _main(argv: Sequence[str] | None) -> int:
    # A process started to run the command line (argv None) counts from its first import of
    # the planner; a call from inside a running program counts from the call.
    started_at = planner.STARTED_AT if argv is None else time.perf_counter()
    # Everything this process creates (database, journals, backups, exports) is private.
    os.umask(0o077)
    args = build_parser().parse_args(argv)
    args.started_at = started_at
    handler: Handler = args.handler
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
    except SQLAlchemyError as exc:
        problem = _database_error(exc, args.db)
        if problem is None:
            # Not the environment's fault: a bug, reported with everything needed to fix it.
            traceback.print_exc()
            detail = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [""])[0]
            print(f"planner: error: unexpected database error (a bug): {detail}", file=sys.stderr)
        else:
            print(f"planner: error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"planner: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130

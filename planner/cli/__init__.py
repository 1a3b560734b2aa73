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
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from planner import APP_NAME, __version__
from planner.cli import (
    backup,
    database,
    exporting,
    gui,
    importing,
    paperwork,
    people,
    report,
    visits,
)
from planner.cli.common import EXIT_ERROR, EXIT_OK, Handler, add_db_option
from planner.db.location import DatabaseTarget, resolve_target
from planner.domain.errors import PlannerError

#: Modules whose ``register`` adds their sub-commands, in the order ``--help`` lists them.
COMMAND_MODULES = (database, visits, people, paperwork, backup, importing, exporting, report)


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


def _describe_database_error(exc: SQLAlchemyError, target: DatabaseTarget | None) -> str:
    text = str(getattr(exc, "orig", exc))
    where = f" ({target.display})" if target else ""
    if "locked" in text or "busy" in text:
        return f"the database is busy in another program{where}; try again in a moment"
    if "full" in text:
        return f"the disk is full{where}; nothing was saved"
    if "readonly" in text or "read-only" in text:
        return f"the database cannot be written{where}: {text}"
    return f"database error{where}: {text}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    started_at = time.perf_counter()
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
        try:
            target: DatabaseTarget | None = resolve_target(args.db)
        except (PlannerError, ValueError):
            target = None
        print(f"planner: error: {_describe_database_error(exc, target)}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"planner: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130

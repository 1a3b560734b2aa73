"""``planner import itinerary FILE --visit CODE``: itinerary items from CSV or XLSX."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from planner.cli.common import EXIT_ERROR, EXIT_OK, CommandError, add_command, open_services
from planner.importing.itinerary import ImportRowsError, import_itinerary


def cmd_import_itinerary(args: argparse.Namespace) -> int:
    """Import every row of FILE into the visit's itinerary, or nothing if any row is bad."""
    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{path} does not exist or is not a file")
    with open_services(args, create=False) as services:
        try:
            items = import_itinerary(services, path, args.visit)
        except ImportRowsError as exc:
            count = len(exc.problems)
            print(
                f"planner: error: {path.name}: {count} problem{'s' if count != 1 else ''}, "
                "nothing imported",
                file=sys.stderr,
            )
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return EXIT_ERROR
    print(f"{args.visit}: {len(items)} itinerary items imported from {path.name}")
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``import itinerary``."""
    imports = sub.add_parser("import", help="read records from CSV or XLSX files")
    actions = imports.add_subparsers(title="import commands", metavar="WHAT", required=True)
    itinerary = add_command(
        actions, "itinerary", cmd_import_itinerary, "itinerary items of a visit (.csv or .xlsx)"
    )
    itinerary.add_argument("file", metavar="FILE", help=".csv (UTF-8) or .xlsx file")
    itinerary.add_argument("--visit", required=True, metavar="CODE", help="visit code")

"""``planner import itinerary FILE --visit CODE``: itinerary items from CSV or XLSX."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from planner.cli.common import EXIT_ERROR, EXIT_OK, CommandError, add_command, open_services
from planner.domain.i18n import QT_TRANSLATE_NOOP


def _report_problems(path: Path, problems: Sequence[object]) -> int:
    """Print why nothing was imported: one line for one problem, else a line per problem."""
    if len(problems) == 1:
        print(f"planner: error: {path.name}: nothing imported: {problems[0]}", file=sys.stderr)
        return EXIT_ERROR
    print(f"planner: error: {path.name}: {len(problems)} problems, nothing imported",
          file=sys.stderr)  # fmt: skip
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_ERROR


def cmd_import_itinerary(args: argparse.Namespace) -> int:
    """Import every row of FILE into the visit's itinerary, or nothing if any row is bad."""
    from planner.importing.itinerary import ImportRowsError, import_itinerary

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "{path} does not exist or is not a file"),
            params={"path": str(path)},
        )
    with open_services(args, write=True) as services:
        try:
            items = import_itinerary(services, path, args.visit)
        except ImportRowsError as exc:
            return _report_problems(path, exc.problems)
    print(f"{args.visit}: {len(items)} itinerary items imported from {path.name}")
    return EXIT_OK


def cmd_import_visit(args: argparse.Namespace) -> int:
    """Import a partner's exchange package: create or update the visit, all or nothing."""
    from planner.importing.package import read_package

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "{path} does not exist or is not a file"),
            params={"path": str(path)},
        )
    package = read_package(path)  # checked before the database is even opened
    with open_services(args, create=True) as services:
        result = services.exchange.import_package(package)
    what = "created" if result.created else "updated"
    print(
        f"{result.visit.code}: visit {what} from {path.name} "
        f"(itinerary: {result.items_created} added, {result.items_updated} changed, "
        f"{result.items_removed} removed)"
    )
    for note in result.notes:
        print(f"  note: {note}")
    return EXIT_OK


def _records_handler(kind: str) -> Any:
    def handler(args: argparse.Namespace) -> int:
        """Import people or visits from FILE, all or nothing."""
        from planner.importing.itinerary import ImportRowsError
        from planner.importing.run import import_file

        path = Path(args.file)
        if not path.is_file():
            raise CommandError(
                QT_TRANSLATE_NOOP("Validation", "{path} does not exist or is not a file"),
                params={"path": str(path)},
            )
        with open_services(args, create=not args.dry_run) as services:
            try:
                report = import_file(
                    services, kind, path, dry_run=args.dry_run,  # type: ignore[arg-type]
                    create_institutions=args.create_institutions,
                )  # fmt: skip
            except ImportRowsError as exc:
                return _report_problems(path, exc.problems)
        print(f"{path.name}: {report}")
        return EXIT_OK

    return handler


def register(sub: Any) -> None:
    """Add ``import itinerary``."""
    imports = sub.add_parser("import", help="read records from CSV or XLSX files")
    actions = imports.add_subparsers(title="import commands", metavar="WHAT", required=True)
    itinerary = add_command(
        actions, "itinerary", cmd_import_itinerary, "itinerary items of a visit (.csv or .xlsx)"
    )
    itinerary.add_argument("file", metavar="FILE", help=".csv (UTF-8) or .xlsx file")
    itinerary.add_argument("--visit", required=True, metavar="CODE", help="visit code")
    for kind in ("people", "visits"):
        records = add_command(
            actions, kind, _records_handler(kind), f"{kind} from a .csv or .xlsx file"
        )
        records.add_argument("file", metavar="FILE", help=".csv (UTF-8 or Shift_JIS) or .xlsx")
        records.add_argument(
            "--dry-run", action="store_true", help="check and report, write nothing"
        )
        records.add_argument(
            "--create-institutions",
            action="store_true",
            help="create unknown institutions (their country and time zone columns are needed)",
        )
    package = add_command(
        actions, "visit", cmd_import_visit, "a partner's visit exchange package (.json)"
    )
    package.add_argument("file", metavar="FILE.json", help="exchange package")

"""``planner import itinerary FILE --visit CODE``: itinerary items from CSV or XLSX."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    CommandError,
    add_command,
    open_services,
    output_path,
)
from planner.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from planner.services.exchange_import import ImportPlan


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


def _existing_file(args: argparse.Namespace) -> Path:
    path = Path(args.file)
    if not path.is_file():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "{path} does not exist or is not a file"),
            params={"path": str(path)},
        )
    return path


def _overrides(args: argparse.Namespace) -> dict[str, str]:
    """``--map`` entries as {column title: field} (each entry already checked by argparse)."""
    return dict(entry for entry in (args.map or []))


def _computed_line(path: Path, computed: Sequence[str]) -> None:
    if computed:
        print(
            f"{path.name}: computed by formulas (the values stored in the file are used): "
            + ", ".join(computed)
        )


def cmd_import_itinerary(args: argparse.Namespace) -> int:
    """Import every row of FILE into the visit's itinerary, or nothing if any row is bad."""
    from planner.importing.itinerary import ImportRowsError, check_itinerary
    from planner.services.itinerary import classify

    if (special := _fields_or_template(args, "itinerary")) is not None:
        return special
    if not args.visit:
        args.parser.error("the following arguments are required: --visit")
    path = _existing_file(args)
    with open_services(args, write=not args.dry_run) as services:
        try:
            items, computed = check_itinerary(services, path, args.visit, _overrides(args))
        except ImportRowsError as exc:
            return _report_problems(path, exc.problems)
        visit = services.visits.get_by_code(args.visit)
        assert visit.id is not None
        if args.dry_run:
            added, updated, same = classify(services.itinerary.for_visit(visit.id), items)
        else:
            result = services.itinerary.merge_many(visit.id, items)
            added, updated, same = len(result.added), len(result.updated), len(result.unchanged)
    _computed_line(path, computed)
    # Re-importing a file updates what it added before: say what happened to each row.
    counts = f"{added} added, {updated} updated, {same} already up to date"
    if args.dry_run:
        print(f"{args.visit}: {len(items)} itinerary items in {path.name} would give {counts} "
              "(dry run: nothing written)")  # fmt: skip
        return EXIT_OK
    print(f"{args.visit}: {len(items)} itinerary items imported from {path.name}: {counts}")
    return EXIT_OK


def _fields_or_template(args: argparse.Namespace, kind: str) -> int | None:
    """Handle ``--fields`` or ``--template``; None when neither was asked for."""
    from planner.importing.templates import FIELDS, header_text, template_bytes

    if args.fields:
        print(f"Fields of 'planner import {kind}' (* required); use with --map \"Title=field\":")
        for spec in FIELDS[kind]:
            words = ", ".join(spec.aliases[:5])
            print(f"  {spec.key:<22} {header_text(spec)}")
            print(f"  {'':<22} also: {words}")
        return EXIT_OK
    if args.template:
        if not args.output:
            args.parser.error("--template needs -o FILE.xlsx")
        from planner.export.atomic import atomic_write

        out = output_path(args)
        if out.suffix.lower() != ".xlsx":
            args.parser.error("the template is an .xlsx workbook: give -o FILE.xlsx")
        atomic_write(out, template_bytes(kind))  # type: ignore[arg-type]
        print(f"{out}: {kind} template written (header in English and Japanese, an example "
              "row, drop-down lists)")  # fmt: skip
        return EXIT_OK
    if not args.file:
        args.parser.error("give FILE (or --fields, or --template -o FILE.xlsx)")
    return None


def print_plan(plan: ImportPlan, name: str) -> None:
    """The plan of a package import, one line per fact (sensitive values not printed)."""
    sender = plan.sender
    who = (
        f"{sender.institution}, key {sender.fingerprint} ({sender.trust})"
        if sender.fingerprint
        else f"UNSIGNED: {sender.problem}"
    )
    crypt = ", encrypted to this planner" if sender.encrypted else ""
    action = "create" if plan.creates_visit else "update"
    print(f"{name}: partner visit {plan.partner_code} from {who}{crypt}")
    print(f"  visit: {action} {plan.visit_code}; status: partner {plan.status_incoming.value}, "
          f"here {plan.status_applied.value}")  # fmt: skip
    for record in plan.new_records:
        print(f"  new: {record}")
    for change in plan.changes:
        if change.sensitive:
            print(f"  change: {change.record}: {change.field}: (empty) -> (set from the package)")
        else:
            print(f"  change: {change.record}: {change.field}: {change.local!r} -> "
                  f"{change.incoming!r}")  # fmt: skip
    for match in plan.matches:
        flag = "" if match.confirmed else " (NOT CONFIRMED)"
        print(f"  match: {match.role} {match.incoming} is {match.local} here, by {match.by}"
              f"{flag}")  # fmt: skip
    for line in (*plan.conflicts, *plan.sensitive_conflicts):
        print(f"  conflict: {line}")
    for line in plan.not_taken:
        print(f"  not taken: {line}")
    for line in plan.partner_reports:
        print(f"  paperwork: {line}")


def cmd_import_visit(args: argparse.Namespace) -> int:
    """Review (``--dry-run``) or apply a partner's exchange package: all or nothing."""
    from planner.importing.package import plan_package_file, precheck_file
    from planner.services.exchange_import import ImportOptions

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "{path} does not exist or is not a file"),
            params={"path": str(path)},
        )
    options = ImportOptions(
        accept_matches=args.accept_matches, include_sensitive=args.include_sensitive,
        trust_new_key=args.trust_new_key, accept_unsigned=args.accept_unsigned,
    )  # fmt: skip
    precheck_file(path)  # a file that is no package is refused before any database is opened
    with open_services(args, create=not args.dry_run, write=True) as services:
        opened, plan = plan_package_file(services, path, options)
        if args.dry_run or not plan.refusals:  # a review shows the plan, refused or not
            print_plan(plan, path.name)
        if plan.refusals:
            for reason in plan.refusals:
                print(f"planner: error: {path.name}: {reason}", file=sys.stderr)
            return EXIT_ERROR
        if args.dry_run:
            print(f"{path.name}: dry run: nothing written")
            return EXIT_OK
        result = services.exchange.apply(opened.package, plan)
    what = "created" if result.created else "updated"
    print(f"{result.visit.code}: visit {what} from {path.name}")
    return EXIT_OK


def _records_handler(kind: str) -> Any:
    def handler(args: argparse.Namespace) -> int:
        """Import people or visits from FILE, all or nothing."""
        from planner.importing.itinerary import ImportRowsError
        from planner.importing.run import import_file

        if (special := _fields_or_template(args, kind)) is not None:
            return special
        path = _existing_file(args)
        with open_services(args, create=not args.dry_run) as services:
            try:
                report = import_file(
                    services, kind, path, dry_run=args.dry_run,  # type: ignore[arg-type]
                    create_institutions=args.create_institutions, overrides=_overrides(args),
                )  # fmt: skip
            except ImportRowsError as exc:
                return _report_problems(path, exc.problems)
        print(f"{path.name}: {report}")
        return EXIT_OK

    return handler


def _map_entry(kind: str) -> Callable[[str], tuple[str, str]]:
    """argparse type of ``--map "Column title=field"`` for *kind*'s fields (usage error
    otherwise)."""
    from planner.importing.headers import parse_map
    from planner.importing.templates import FIELDS

    def parse(text: str) -> tuple[str, str]:
        try:
            ((title, key),) = parse_map([text], FIELDS[kind]).items()
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        return title, key

    return parse


def _add_common(parser: argparse.ArgumentParser, kind: str) -> None:
    """FILE (optional with --fields/--template), --map, --fields, --template, -o, --dry-run."""
    parser.add_argument(
        "file", metavar="FILE", nargs="?",
        help=".csv (UTF-8, UTF-16 or Shift_JIS; comma, semicolon or tab) or .xlsx",
    )  # fmt: skip
    parser.add_argument(
        "--map", action="append", metavar='"TITLE=FIELD"', type=_map_entry(kind),
        help="the column titled TITLE holds FIELD (see --fields; FIELD - ignores the column); "
        "repeatable",
    )  # fmt: skip
    parser.add_argument(
        "--fields", action="store_true", help="list the field names and the titles recognised"
    )
    parser.add_argument(
        "--template", action="store_true",
        help="write an empty .xlsx template (headers in English and Japanese, an example row, "
        "drop-down lists) to -o FILE.xlsx",
    )  # fmt: skip
    parser.add_argument("-o", "--output", metavar="FILE.xlsx", help="where --template writes")
    parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    parser.set_defaults(parser=parser)


def register(sub: Any) -> None:
    """Add ``import itinerary|people|visits|visit``."""
    imports = sub.add_parser("import", help="read records from CSV or XLSX files")
    actions = imports.add_subparsers(title="import commands", metavar="WHAT", required=True)
    itinerary = add_command(
        actions, "itinerary", cmd_import_itinerary, "itinerary items of a visit (.csv or .xlsx)"
    )
    _add_common(itinerary, "itinerary")
    itinerary.add_argument("--visit", metavar="CODE", help="visit code (required to import)")
    for kind in ("people", "visits"):
        records = add_command(
            actions, kind, _records_handler(kind), f"{kind} from a .csv or .xlsx file"
        )
        _add_common(records, kind)
        records.add_argument(
            "--create-institutions",
            action="store_true",
            help="create unknown institutions (their country and time zone columns are needed)",
        )
    package = add_command(
        actions, "visit", cmd_import_visit, "a partner's visit exchange package (.json)"
    )
    package.add_argument("file", metavar="FILE.json", help="exchange package")
    package.add_argument(
        "--dry-run", action="store_true", help="print what the import would do, write nothing"
    )
    package.add_argument(
        "--accept-matches", action="store_true",
        help="confirm people matched by e-mail only (check the list first)",
    )  # fmt: skip
    package.add_argument(
        "--include-sensitive", action="store_true",
        help="apply dates of birth and passport fields the package carries",
    )  # fmt: skip
    package.add_argument(
        "--trust-new-key", action="store_true",
        help="trust the key of a partner's first package (compare its fingerprint first)",
    )  # fmt: skip
    package.add_argument(
        "--accept-unsigned", action="store_true",
        help="import a package not signed by a trusted key (recorded in the audit)",
    )  # fmt: skip

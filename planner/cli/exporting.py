"""``planner export itinerary ...``: itineraries for visitors as PDF, iCalendar or HTML."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.cli.common import (
    EXIT_OK,
    CommandError,
    add_command,
    open_services,
    output_path,
    record_id,
)
from planner.cli.events import cli_date
from planner.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from planner.services.keys import PublicKeys

#: Kept as plain strings so ``planner --help`` and every other command do not pay for importing
#: Qt's PDF writer and openpyxl; a test checks they match the exporters' enums.
ITINERARY_FORMATS = ("pdf", "ics", "html", "eml")
LANGUAGES = ("en", "ja", "bilingual")


def cmd_export_itinerary(args: argparse.Namespace) -> int:
    """Write one visit's itinerary to the file given by ``-o``."""
    from planner.export.i18n import Lang
    from planner.export.itinerary import ExportFormat, export_itinerary

    out = output_path(args)
    with open_services(args) as services:
        visit = services.visits.get_by_code(args.code)
        assert visit.id is not None
        written = export_itinerary(
            services,
            visit.id,
            ExportFormat(args.format),
            out,
            Lang(args.lang),
            redact_confirmations=args.redact_confirmations,
        )
    if args.format == "eml":
        print(f"{visit.code}: e-mail draft to the visitor written to {written} "
              "(recorded in the visit's history)")  # fmt: skip
        return EXIT_OK
    print(f"{visit.code}: itinerary written to {written}")
    return EXIT_OK


def cmd_export_paperwork_request(args: argparse.Namespace) -> int:
    """Write an e-mail draft asking the visitor for their paperwork."""
    from planner.export.email_draft import write_draft
    from planner.export.i18n import Lang
    from planner.services.messages import MessageKind

    out = output_path(args)
    with open_services(args) as services:
        visit = services.visits.get_by_code(args.code)
        assert visit.id is not None
        written, _sent = write_draft(
            services, visit.id, MessageKind.PAPERWORK_REQUEST, Lang(args.lang), out
        )
    print(f"{visit.code}: paperwork request to the visitor written to {written} "
          "(recorded in the visit's history)")  # fmt: skip
    return EXIT_OK


def cmd_export_event(args: argparse.Namespace) -> int:
    """Write the itineraries of every participant of an event into a folder."""
    from planner.export.i18n import Lang
    from planner.export.itinerary import ExportFormat, export_event_itineraries

    folder = Path(args.output)
    if not folder.is_dir():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "{path} is not a folder; create it first"),
            params={"path": str(folder)},
        )
    with open_services(args) as services:
        event = services.events.get(args.event_id)  # NotFoundError (exit 1) names the id
        result = export_event_itineraries(
            services, args.event_id, folder, ExportFormat(args.format), Lang(args.lang)
        )
    for path in result.written:
        print(path)
    if not result.written and not result.failed:
        print(f"event {args.event_id} ({event.title}): no participant's visit covers it; "
              "nothing written")  # fmt: skip
    if result.failed:
        name, reason = result.failed[0]
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "{count} itineraries not written; {name}: {reason}"),
            params={"count": len(result.failed), "name": name, "reason": reason},
        )
    return EXIT_OK


SEALED_NOTE = " (sealed with the database key; 'planner decrypt' reads it)"


def seal_if_encrypted(args: argparse.Namespace, written: Path) -> bool:
    """Seal the sensitive export *written* when the database is encrypted; True if sealed.

    Passport numbers and dates of birth from an encrypted database stay encrypted on disk.
    """
    from planner.db.cipher import file_key
    from planner.db.location import resolve_target
    from planner.db.sealing import seal_file

    path = resolve_target(args.db).path
    key = file_key(path) if path is not None else None
    if key is None:
        return False
    seal_file(written, key)
    return True


def cmd_export_series(args: argparse.Namespace) -> int:
    """Write an event's (or series') calendar file or invitation draft to ``-o``."""
    from planner.export.atomic import atomic_write
    from planner.export.i18n import Lang
    from planner.export.series import invitation_eml, invitees_of, one_occurrence, series_ics

    out = output_path(args)
    lang = Lang(args.lang)
    with open_services(args) as services:
        details = services.events.details(args.event_id)  # NotFoundError (exit 1) names it
        if args.occurrence is not None:
            narrowed = one_occurrence(details, args.occurrence)
            if narrowed is None:
                raise CommandError(
                    QT_TRANSLATE_NOOP(
                        "Validation", "event {id} has no occurrence on {date} (or it is cancelled)"
                    ),
                    params={"id": args.event_id, "date": args.occurrence.isoformat()},
                )
            details = narrowed
        invitees = invitees_of(services, details) if args.format == "eml" else []
    if args.format == "ics":
        data = series_ics(details, lang, occurrence=args.occurrence)
    else:
        data = invitation_eml(details, invitees, lang, occurrence=args.occurrence)
    written = atomic_write(out, data)
    what = "series" if len(details.occurrences) > 1 else "event"
    print(f"event {args.event_id}: {what} {args.format} written to {written}")
    return EXIT_OK


def cmd_export_visit(args: argparse.Namespace) -> int:
    """Write one visit's exchange package (JSON) to the file given by ``-o``."""
    from planner.export.package import export_visit_package
    from planner.services.exchange import NEEDS_RECIPIENT
    from planner.services.keys import key_changed

    out = output_path(args)
    if args.include_sensitive and not args.to:
        args.parser.error(NEEDS_RECIPIENT)
    recipient = _recipient(Path(args.to)) if args.to else None
    with open_services(args) as services:
        visit = services.visits.get_by_code(args.code)
        assert visit.id is not None
        if recipient is not None:
            trusted = services.keys.trusted_for(recipient.institution)
            if trusted is not None and trusted.fingerprint != recipient.fingerprint:
                raise key_changed(recipient.institution, trusted.fingerprint,
                                  recipient.fingerprint)  # fmt: skip
        written = export_visit_package(
            services, visit.id, out, include_sensitive=args.include_sensitive,
            recipient=recipient,
        )  # fmt: skip
        fingerprint = services.keys.own().fingerprint
    extra = " with sensitive fields" if args.include_sensitive else ""
    sealed = (
        f", encrypted to {recipient.institution} ({recipient.fingerprint})" if recipient else ""
    )
    print(f"{visit.code}: exchange package{extra} written to {written}, signed by "
          f"{fingerprint}{sealed}")  # fmt: skip
    return EXIT_OK


def _recipient(path: Path) -> PublicKeys:
    """The partner public key file given with ``--to``."""
    from planner.cli.keys import read_key_path
    from planner.services.keys import read_key_file

    return read_key_file(read_key_path(path))


def cmd_export_visits(args: argparse.Namespace) -> int:
    """Write every visit as a CSV or XLSX table (sensitive columns only on request)."""
    from planner.export.tabular import visits_table, write_table

    out = output_path(args)
    with open_services(args) as services:
        rows = services.reports.visit_rows(include_sensitive=args.include_sensitive)
    table = visits_table(rows, include_sensitive=args.include_sensitive)
    written = write_table(out, args.format, table)
    extra = ""
    if args.include_sensitive and seal_if_encrypted(args, written):
        extra = SEALED_NOTE
    print(f"{len(rows)} visits written to {written}{extra}")
    return EXIT_OK


def cmd_export_letter(args: argparse.Namespace) -> int:
    """Write a letter for a visit (the invitation letter) as a PDF."""
    from planner.export.i18n import Lang
    from planner.export.letter import LetterKind, export_letter

    out = output_path(args)
    with open_services(args) as services:
        visit = services.visits.get_by_code(args.code)
        assert visit.id is not None
        written = export_letter(services, visit.id, LetterKind(args.kind), Lang(args.lang), out)
    print(f"{visit.code}: {args.kind} letter written to {written}")
    return EXIT_OK


def _format_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=ITINERARY_FORMATS, help="file format")
    parser.add_argument(
        "--lang",
        default="en",
        choices=LANGUAGES,
        help="language of labels, dates and names (default: en)",
    )


def register(sub: Any) -> None:
    """Add ``export itinerary`` and ``export event-itineraries``."""
    export = sub.add_parser("export", help="write itineraries and other files for others")
    actions = export.add_subparsers(title="export commands", metavar="WHAT", required=True)
    one = add_command(
        actions,
        "itinerary",
        cmd_export_itinerary,
        "a visit's itinerary (pdf, ics, html, or eml: an e-mail draft to the visitor)",
    )
    one.add_argument("code", help="visit code, e.g. V-2027-0007")
    _format_options(one)
    one.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    one.add_argument(
        "--redact-confirmations",
        action="store_true",
        help="leave confirmation codes out (a copy to share with family or the host group)",
    )
    request = add_command(
        actions,
        "paperwork-request",
        cmd_export_paperwork_request,
        "an e-mail draft asking the visitor for the documents they must send (eml)",
    )
    request.add_argument("code", help="visit code, e.g. V-2027-0007")
    request.add_argument(
        "--lang", default="en", choices=LANGUAGES, help="language of the e-mail (default: en)"
    )
    request.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    letter = add_command(
        actions, "letter", cmd_export_letter, "a letter for a visit, e.g. the invitation (pdf)"
    )
    letter.add_argument("code", help="visit code, e.g. V-2027-0007")
    letter.add_argument("--kind", required=True, choices=["invitation"], help="which letter")
    letter.add_argument(
        "--lang", default="en", choices=["en", "ja"], help="language of the letter (default: en)"
    )
    letter.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    batch = add_command(
        actions,
        "event-itineraries",
        cmd_export_event,
        "the itineraries of every participant of an event, one file each, into a folder",
    )
    batch.add_argument("event_id", type=record_id, help="event id")
    _format_options(batch)
    batch.add_argument("-o", "--output", required=True, metavar="FOLDER", help="folder")
    series = add_command(
        actions, "event", cmd_export_series,
        "an event or series as a calendar file (ics) or invitation draft (eml)",
    )  # fmt: skip
    series.add_argument("event_id", type=record_id, help="event id")
    series.add_argument("--format", required=True, choices=["ics", "eml"], help="file format")
    series.add_argument("--lang", default="en", choices=LANGUAGES,
                        help="language of labels and dates (default: en)")  # fmt: skip
    series.add_argument(
        "--occurrence",
        type=cli_date,
        metavar="DATE",
        help="only the occurrence the series has on this date (YYYY-MM-DD)",
    )
    series.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    table = add_command(
        actions, "visits", cmd_export_visits, "every visit as a spreadsheet (csv or xlsx)"
    )
    table.add_argument("--format", required=True, choices=["csv", "xlsx"], help="file format")
    table.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    table.add_argument(
        "--include-sensitive",
        action="store_true",
        help="add date of birth, passport number and passport expiry (personal data!)",
    )
    package = add_command(
        actions, "visit", cmd_export_visit, "a visit's exchange package for a partner (json)"
    )
    package.add_argument("code", help="visit code, e.g. V-2027-0007")
    package.add_argument("--format", required=True, choices=["json"], help="file format")
    package.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    package.add_argument(
        "--include-sensitive",
        action="store_true",
        help="include dates of birth, passport numbers and expiry (left out by default; "
        "needs --to)",
    )
    package.add_argument(
        "--to", metavar="KEYFILE",
        help="encrypt to this partner's public key file (from their 'planner keys export')",
    )  # fmt: skip
    package.set_defaults(parser=package)

"""``planner visits ...``: list visits and move them along their life cycle."""

from __future__ import annotations

import argparse
from typing import Any

from planner.cli.common import (
    EXIT_OK,
    CommandError,
    add_command,
    open_services,
    print_json,
    print_table,
)
from planner.domain.entities import VisitSummary
from planner.domain.enums import VisitStatus
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.status import ADMISSION_STATUSES


def visit_json(v: VisitSummary) -> dict[str, Any]:
    """The JSON object of one visit row (a stable contract: scripts depend on the keys)."""
    return {
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


def cmd_list(args: argparse.Namespace) -> int:
    """List visits by arrival date."""
    with open_services(args) as services:
        visits = services.visits.summaries()
    if args.json:
        print_json([visit_json(v) for v in visits])
        return EXIT_OK
    print_table(
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


def cmd_set_status(args: argparse.Namespace) -> int:
    """Move a visit to another status along the allowed transitions."""
    try:
        target = VisitStatus(args.status)
    except ValueError:
        choices = ", ".join(s.value for s in VisitStatus)
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "unknown status {status}; choose one of {choices}"),
            params={"status": repr(args.status), "choices": choices},
        ) from None
    reason = (args.reason or "").strip()
    with open_services(args, write=True) as services:
        visit = services.visits.get_by_code(args.code)
        assert visit.id is not None
        # A written reason is what lets a coordinator override the admission guard; without
        # one, blocking paperwork refuses the move (AdmissionBlockedError, exit 1).
        blockers = (
            [i.title for i in services.paperwork.blocking(visit.id)]
            if target in ADMISSION_STATUSES
            else []
        )
        updated = services.visits.set_status(visit.id, target, reason=reason, override=bool(reason))
    print(f"{updated.code}: {visit.status.value} -> {updated.status.value}")
    if blockers:
        print(
            f"admission guard overridden (reason: {reason}); blocking items still open: "
            + "; ".join(blockers)
        )
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``visits list`` and ``visits set-status``."""
    visits = sub.add_parser("visits", help="list visits or change their status")
    actions = visits.add_subparsers(title="visit commands", metavar="ACTION", required=True)
    listing = add_command(actions, "list", cmd_list, "list visits by arrival date")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    status = add_command(actions, "set-status", cmd_set_status, "change a visit's status")
    status.add_argument("code", help="visit code, e.g. V-2027-0007")
    status.add_argument("status", help=", ".join(s.value for s in VisitStatus))
    status.add_argument(
        "--reason",
        help="why (kept in the audit log); to confirm or start a visit whose blocking "
        "paperwork is not cleared, this written reason overrides the guard and is audited",
    )

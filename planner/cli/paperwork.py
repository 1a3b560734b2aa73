"""``planner paperwork ...``: a visit's checklist and what is due across visits."""

from __future__ import annotations

import argparse
from typing import Any

from planner.cli.common import EXIT_OK, add_command, open_services, print_json, print_table
from planner.domain.paperwork import DueItem, PaperworkItem, late_by_days
from planner.services.paperwork import today_local


def item_json(item: PaperworkItem, late_by: int) -> dict[str, Any]:
    """The JSON object of one checklist item (a stable contract: scripts depend on the keys)."""
    return {
        "type": item.code,
        "title": item.title,
        "title_ja": item.title_ja,
        "status": item.status.value,
        "responsible": item.responsible.value,
        "blocking": item.blocking,
        "lead_days": item.lead_days,
        "due_date": item.due_date.isoformat() if item.due_date else None,
        "applies": item.applies,
        "late_by_days": late_by,
        "reference_number": item.reference_number,
    }


def due_json(item: DueItem) -> dict[str, Any]:
    """The JSON object of one due or overdue item across visits."""
    return {
        "visit_code": item.visit_code,
        "visitor_name": item.visitor_name,
        "type": item.code,
        "item": item.title,
        "due_date": item.due_date.isoformat(),
        "status": item.status.value,
        "responsible": item.responsible.value,
        "blocking": item.blocking,
        "late_by_days": item.late_by_days,
    }


def cmd_list(args: argparse.Namespace) -> int:
    """Print one visit's checklist."""
    today = today_local()
    with open_services(args) as services:
        visit = services.visits.get_by_code(args.code)
        assert visit.id is not None
        items = services.paperwork.for_visit(visit.id)
        warnings = services.paperwork.warnings(visit.id, today)
    rows = [item_json(i, late_by_days(i.due_date, i.status, today) if i.applies else 0)
            for i in items]  # fmt: skip
    if args.json:
        print_json(rows)
        return EXIT_OK
    print_table(
        ["TYPE", "TITLE", "STATUS", "BLOCKING", "DUE", "LATE BY", "APPLIES"],
        [
            [
                r["type"], r["title"], r["status"], "yes" if r["blocking"] else "",
                r["due_date"] or "", f"{r['late_by_days']} d" if r["late_by_days"] else "",
                "yes" if r["applies"] else "no (no longer required)",
            ]
            for r in rows
        ],
    )  # fmt: skip
    for warning in warnings:
        print(f"warning: {warning.message}")
    return EXIT_OK


def cmd_due(args: argparse.Namespace) -> int:
    """Print overdue items and items due within N days, on visits not cancelled or completed."""
    with open_services(args) as services:
        items = services.paperwork.due(args.within, today_local())
    if args.json:
        print_json([due_json(i) for i in items])
        return EXIT_OK
    print_table(
        ["VISIT", "VISITOR", "ITEM", "DUE", "STATUS", "LATE BY"],
        [
            [
                i.visit_code, i.visitor_name, i.title, i.due_date.isoformat(), i.status.value,
                f"{i.late_by_days} d" if i.late_by_days else "",
            ]
            for i in items
        ],
    )  # fmt: skip
    return EXIT_OK


#: The furthest ``paperwork due --within`` looks ahead (a date far beyond would overflow).
MAX_DAYS = 3650


def _days(text: str) -> int:
    try:
        value = int(text) if len(text) <= 12 else MAX_DAYS + 1
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a whole number of days") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the number of days cannot be negative")
    if value > MAX_DAYS:
        raise argparse.ArgumentTypeError(f"at most {MAX_DAYS} days (ten years) ahead")
    return value


def register(sub: Any) -> None:
    """Add ``paperwork list`` and ``paperwork due``."""
    paperwork = sub.add_parser("paperwork", help="paperwork checklists and deadlines")
    actions = paperwork.add_subparsers(title="paperwork commands", metavar="ACTION", required=True)
    listing = add_command(actions, "list", cmd_list, "a visit's paperwork checklist")
    listing.add_argument("code", help="visit code, e.g. V-2027-0007")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    due = add_command(
        actions, "due", cmd_due, "overdue paperwork and paperwork due soon, across visits"
    )
    due.add_argument(
        "--within", type=_days, default=14, metavar="DAYS", help="days ahead (default 14)"
    )
    due.add_argument("--json", action="store_true", help="print a JSON array")

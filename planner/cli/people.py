"""``planner people list``: the directory, never with sensitive fields."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from planner.cli.common import EXIT_OK, add_command, open_services, print_json, print_table


def cmd_list(args: argparse.Namespace) -> int:
    """List people (never their sensitive fields)."""
    with open_services(args) as services:
        people = services.people.summaries()
    if args.json:
        print_json([{**asdict(p), "category": p.category.value} for p in people])
        return EXIT_OK
    print_table(
        ["NAME", "NATIVE", "CATEGORY", "INSTITUTION", "EMAIL"],
        [
            [p.latin_name, p.native_name, p.category.value, p.home_institution, p.email]
            for p in people
        ],
    )
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``people list``."""
    people = sub.add_parser("people", help="list people")
    actions = people.add_subparsers(title="people commands", metavar="ACTION", required=True)
    listing = add_command(actions, "list", cmd_list, "list people by family name")
    listing.add_argument("--json", action="store_true", help="print a JSON array")

"""``planner report``: the activity report of one fiscal year (pdf, xlsx or csv)."""

from __future__ import annotations

import argparse
from typing import Any

from planner.cli.common import EXIT_OK, add_command, open_services, output_path
from planner.domain.fiscal import FiscalSystem

#: Plain strings so other commands do not import Qt; a test checks them against ReportFormat.
REPORT_FORMATS = ("pdf", "xlsx", "csv")


def cmd_report(args: argparse.Namespace) -> int:
    """Write the activity report of ``--fiscal-year`` ``--year`` to ``-o``."""
    from planner.export.report import ReportFormat, write_report

    out = output_path(args)
    with open_services(args) as services:
        report = services.reports.activity(FiscalSystem(args.fiscal_year), args.year)
    written = write_report(report, ReportFormat(args.format), out)
    fy = report.fiscal_year
    print(
        f"{fy.label}: {report.visits} visits, {report.person_days} person-days, "
        f"{len(report.events)} events; written to {written}"
    )
    return EXIT_OK


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {text!r}") from None
    if not 1900 <= value <= 9998:
        raise argparse.ArgumentTypeError(f"year out of range: {value}")
    return value


def register(sub: Any) -> None:
    """Add ``report``."""
    parser = add_command(
        sub,
        "report",
        cmd_report,
        "activity report of a fiscal year: visits, person-days, events (pdf, xlsx or csv)",
    )
    parser.add_argument(
        "--fiscal-year",
        required=True,
        choices=[s.value for s in FiscalSystem],
        help="us: October-September, named after the year it ends (FY2027 = 2026-10-01.."
        "2027-09-30); jp: April-March, named after the year it starts (FY2027 = 2027-04-01.."
        "2028-03-31)",
    )
    parser.add_argument("--year", required=True, type=_year, metavar="YYYY", help="fiscal year")
    parser.add_argument("--format", required=True, choices=REPORT_FORMATS, help="file format")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")

"""``planner events ...``: occurrences with every site's local time, and the slot finder."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from planner.cli.common import (
    EXIT_OK,
    CommandError,
    add_command,
    open_services,
    print_json,
    print_table,
)
from planner.domain.english_dates import month_name, weekday_name
from planner.domain.errors import ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.limits import FIRST_DATE, LAST_DATE
from planner.domain.series import SiteTime, WorkingHours, parse_hours, parse_weekdays
from planner.domain.slots import MAX_DURATION, SlotQuery, find_slots, local_spans
from planner.domain.timezones import is_valid_zone
from planner.services.events import SeriesDetails


def site_time_json(t: SiteTime) -> dict[str, Any]:
    """One site's view of one occurrence (a stable contract: scripts depend on the keys)."""
    return {
        "site": t.site.name,
        "zone": t.site.zone,
        "start": t.start.isoformat(),
        "end": t.end.isoformat(),
        "label": t.label,
        "day_shift": t.day_shift,
        "outside_working_hours": t.outside_hours,
        "clock_change": t.clock_change or None,
    }


def occurrence_rows(details: SeriesDetails) -> list[dict[str, Any]]:
    """The JSON objects of every occurrence of one event (the meeting link stays out)."""
    event = details.event
    return [
        {
            "event_id": event.id,
            "title": event.title,
            "title_ja": event.title_ja,
            "mode": event.mode.value,
            "frequency": event.frequency.value,
            "occurrence": occ.index + 1,
            "original_date": occ.original_date.isoformat(),
            "moved": occ.moved,
            "start_utc": occ.start_utc.isoformat(),
            "starts": [site_time_json(t) for t in row],
        }
        for occ, row in zip(details.occurrences, details.times, strict=True)
    ]


def cmd_list(args: argparse.Namespace) -> int:
    """Print every occurrence of every event with the local start at each site."""
    with open_services(args) as services:
        everything = services.events.all_details()
    rows = [row for details in everything for row in occurrence_rows(details)]
    if args.json:
        print_json(rows)
        return EXIT_OK

    def flags(s: dict[str, Any]) -> str:
        marks = ("!" if s["outside_working_hours"] else "") + ("*" if s["clock_change"] else "")
        return f"{s['label']}{marks}"

    print_table(
        ["EVENT", "TITLE", "#", "LOCAL START AT EACH SITE"],
        [[str(r["event_id"]), r["title"], str(r["occurrence"]) + (" moved" if r["moved"] else ""),
          " = ".join(flags(s) for s in r["starts"])] for r in rows],
    )  # fmt: skip
    if any(s["outside_working_hours"] or s["clock_change"] for r in rows for s in r["starts"]):
        print("! outside the site's working hours   * local time moved by a clock change")
    return EXIT_OK


def _zone(text: str) -> str:
    if not is_valid_zone(text):
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r} is not an IANA time zone (America/Chicago)"
        )
    return text


def cli_date(text: str) -> date:
    try:
        value = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        value = None
    if value is None or not FIRST_DATE <= value <= LAST_DATE:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a date (YYYY-MM-DD)")
    return value


def _duration(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text[:6]) <= MAX_DURATION:
        raise argparse.ArgumentTypeError(f"the duration is 1 to {MAX_DURATION} minutes")
    return int(text)


def _weekdays(text: str) -> frozenset[int]:
    try:
        return parse_weekdays(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc.problems[0].message)) from None


def _hours(text: str) -> tuple[str, WorkingHours]:
    name, sep, spec = text.partition("=")
    if not sep or not is_valid_zone(name):
        raise argparse.ArgumentTypeError(f"{text[:40]!r}: write ZONE=HH:MM-HH:MM")
    try:
        return name, parse_hours(spec)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc.problems[0].message)) from None


def _query(args: argparse.Namespace) -> SlotQuery:
    hours = dict(args.hours or [])
    stray = sorted(set(hours) - set(args.zone))
    if stray:
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "--hours names {zone}, which is not one of the --zone"),
            params={"zone": stray[0]},
        )
    return SlotQuery(
        tuple(args.zone), args.duration, args.from_date, args.to_date,
        args.weekday if args.weekday is not None else frozenset(range(5)), hours, args.step,
    )  # fmt: skip


def slot_json(query: SlotQuery, result: Any) -> list[dict[str, Any]]:
    """One object per candidate start: its start in each zone and the dates it covers."""
    rows: list[dict[str, Any]] = []
    for number, segment in enumerate(result.segments, 1):
        for minute in segment.starts:
            spans = local_spans(query, segment.dates, minute)
            rows.append({
                "start": f"{minute // 60:02d}:{minute % 60:02d}",
                "zone": query.zones[0],
                "whole_range": result.whole_range,
                "segment": number,
                "proposed": minute == segment.chosen,
                "first_date": segment.dates[0].isoformat(),
                "last_date": segment.dates[-1].isoformat(),
                "dates": [d.isoformat() for d in segment.dates],
                "starts": [{
                    "zone": s.zone, "local_time": f"{s.local:%H:%M}",
                    "abbreviation": s.abbreviation, "day_shift": s.day_shift,
                    "from": s.first.isoformat(), "to": s.last.isoformat(),
                } for s in spans],
            })  # fmt: skip
    return rows


def _day(value: date) -> str:
    # English month names that never depend on the machine's locale.
    return f"{value.day} {month_name(value, short=True)}"


def _span_text(query: SlotQuery, dates: list[date], minute: int) -> str:
    """``17:00 CST until 11 Mar, 17:00 CDT from 15 Mar = 08:00 JST +1 day ...``."""
    zones: list[str] = []
    for name in query.zones:
        spans = [s for s in local_spans(query, dates, minute) if s.zone == name]
        texts = []
        for i, span in enumerate(spans):
            shift = f" {span.day_shift:+d} day" if span.day_shift else ""
            text = f"{span.local:%H:%M} {span.abbreviation}{shift}"
            if len(spans) > 1:
                if i == 0:
                    text += f" until {_day(span.last)}"
                elif i == len(spans) - 1:
                    text += f" from {_day(span.first)}"
                else:
                    text += f" {_day(span.first)} – {_day(span.last)}"
            texts.append(text)
        zones.append(", ".join(texts))
    return " = ".join(zones)


def cmd_find_slot(args: argparse.Namespace) -> int:
    """Print start times inside working hours at every site on every date, or the best split."""
    query = _query(args)
    result = find_slots(query)
    if args.json:
        print_json(slot_json(query, result))
        if result.impossible:
            days = ", ".join(d.isoformat() for d in result.impossible)
            print(f"planner: no start time works on {days}", file=sys.stderr)
        return EXIT_OK
    anchor = query.zones[0]
    if len(result.segments) == 1:
        (segment,) = result.segments
        left_out = f", except the {len(result.impossible)} below" if result.impossible else ""
        print(f"Start times ({anchor}) inside working hours at every site on all "
              f"{len(segment.dates)} dates{left_out}:")  # fmt: skip
        for minute in segment.starts:
            print(f"  {_span_text(query, list(segment.dates), minute)}")
    elif result.segments:
        print("No start time works on every date. Best split:")
        for segment in result.segments:
            run = list(segment.dates)
            also = [f"{m // 60:02d}:{m % 60:02d}" for m in segment.starts if m != segment.chosen]
            more = f"  (also {', '.join(also)})" if also else ""
            print(f"  {_day(run[0])} – {_day(run[-1])} {run[-1].year}: "
                  f"{_span_text(query, run, segment.chosen)}{more}")  # fmt: skip
    else:
        print("No start time works on any date of the range.")
    if result.impossible:
        print(
            "No start time works on: "
            + ", ".join(f"{weekday_name(d, short=True)} {d.isoformat()}" for d in result.impossible)
        )
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``events list`` and ``events find-slot``."""
    events = sub.add_parser("events", help="events, series and joint-seminar slots")
    actions = events.add_subparsers(title="events commands", metavar="ACTION", required=True)
    listing = add_command(
        actions, "list", cmd_list, "every occurrence with the local start at every site"
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    finder = add_command(
        actions, "find-slot", cmd_find_slot,
        "start times inside working hours at every site on every date (DST-aware)",
    )  # fmt: skip
    finder.add_argument(
        "--zone",
        action="append",
        required=True,
        type=_zone,
        metavar="ZONE",
        help="a site's IANA zone; give two or more (the first is the anchor)",
    )
    finder.add_argument(
        "--duration",
        required=True,
        type=_duration,
        metavar="MIN",
        help="length of the meeting in minutes",
    )
    finder.add_argument(
        "--from",
        dest="from_date",
        required=True,
        type=cli_date,
        metavar="DATE",
        help="first date (YYYY-MM-DD, in the first zone)",
    )
    finder.add_argument(
        "--to",
        dest="to_date",
        required=True,
        type=cli_date,
        metavar="DATE",
        help="last date (YYYY-MM-DD, included)",
    )
    finder.add_argument(
        "--weekday",
        type=_weekdays,
        metavar="DAYS",
        help="meeting weekdays in the first zone, e.g. mon,tue (default mon-fri)",
    )
    finder.add_argument(
        "--hours",
        action="append",
        type=_hours,
        metavar="ZONE=HH:MM-HH:MM",
        help="a zone's working hours (default 08:00-19:00, mon-fri)",
    )
    finder.add_argument(
        "--step",
        type=int,
        default=15,
        choices=[5, 10, 15, 20, 30, 60],
        help="minutes between candidate starts (default 15)",
    )
    finder.add_argument("--json", action="store_true", help="print a JSON array")  # fmt: skip

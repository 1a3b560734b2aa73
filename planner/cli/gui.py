"""The desktop application, started when no command is given."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from planner.cli.common import CommandError
from planner.db.location import resolve_target


def add_gui_options(parser: argparse.ArgumentParser) -> None:
    """Options of the bare ``planner`` command."""
    parser.add_argument("--demo", action="store_true", help="open a fresh copy of the demo data")
    parser.add_argument(
        "--lang",
        choices=["en", "ja"],
        default=None,
        help="interface language for this run (default: the language setting)",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help='quit once the main window is populated, printing "ready visits=N seconds=S"',
    )
    parser.add_argument(
        "--screenshot", metavar="DIR", help="save a PNG of each main view into DIR, then quit"
    )


def cmd_gui(args: argparse.Namespace) -> int:
    """Start the desktop application."""
    from planner.ui.shell.app import run_gui
    from planner.ui.shell.safe_start import open_for_gui

    if args.demo and args.db:
        raise CommandError("--demo opens its own fresh database; leave out --db")
    demo_dir: Path | None = None
    try:
        if args.demo:
            from planner.demo.populate import populate_demo

            # A fresh private copy each time: the demo can be edited without consequences.
            demo_dir = Path(tempfile.mkdtemp(prefix="planner-demo-"))
            args.db = str(demo_dir / "demo.sqlite3")
        interactive = not args.exit_when_ready and not args.screenshot
        with open_for_gui(
            resolve_target(args.db), interactive=interactive, auto_backup=demo_dir is None
        ) as services:
            if demo_dir is not None:
                populate_demo(services)
            code: int = run_gui(
                services,
                lang=args.lang,
                exit_when_ready=args.exit_when_ready,
                screenshot_dir=Path(args.screenshot) if args.screenshot else None,
                started_at=args.started_at,
            )
            return code
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)

"""The desktop application, started when no command is given."""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from planner.cli.common import CommandError
from planner.db.location import resolve_target

#: Limits of ``--screenshot-size``: from a small laptop panel to an 8K screen.
SCREENSHOT_MIN = (640, 480)
SCREENSHOT_MAX = (7680, 4320)
DEFAULT_SCREENSHOT_SIZE = (1280, 800)
#: The usage error of ``--screenshot-size`` without ``--screenshot``.
EXIT_USAGE = 2


def screenshot_size(text: str) -> tuple[int, int]:
    """``WxH`` (e.g. ``1024x700``) as (width, height); argparse reports a bad value (exit 2)."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x800, not {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    (min_w, min_h), (max_w, max_h) = SCREENSHOT_MIN, SCREENSHOT_MAX
    if not (min_w <= width <= max_w and min_h <= height <= max_h):
        raise argparse.ArgumentTypeError(
            f"{width}x{height} is outside {min_w}x{min_h} to {max_w}x{max_h}"
        )
    return width, height


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
    parser.add_argument(
        "--import-package",
        metavar="FILE",
        help="open the import review of this exchange package once the window is shown "
        "(what the desktop runs when a package is opened)",
    )
    parser.add_argument(
        "--screenshot-size",
        metavar="WxH",
        type=screenshot_size,
        default=None,
        help="window size for --screenshot (default: 1280x800)",
    )


def _package_argument(text: str | None) -> Path | None:
    """The exchange package to review at start-up: an existing regular file, else refused.

    A device, a folder or a pipe is refused before the window opens (reading one could block
    or never end); the package's content is checked by the import review itself.
    """
    if not text:
        # The desktop entry runs ``--import-package=%f``, which is empty when started from
        # the menu without a file.
        return None
    path = Path(text)
    try:
        regular = path.is_file()
    except (OSError, ValueError):  # a name the system cannot even look up (NUL, too long)
        regular = False
    if not regular:
        raise CommandError(
            "--import-package: {path} is not an exchange package file", params={"path": text}
        )
    return path


def cmd_gui(args: argparse.Namespace) -> int:
    """Start the desktop application."""
    from planner.ui.shell.app import run_gui
    from planner.ui.shell.safe_start import open_for_gui

    if args.demo and args.db:
        raise CommandError("--demo opens its own fresh database; leave out --db")
    if args.screenshot_size is not None and not args.screenshot:
        print("planner: error: --screenshot-size needs --screenshot DIR", file=sys.stderr)
        return EXIT_USAGE
    package = _package_argument(args.import_package)
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
                screenshot_size=args.screenshot_size or DEFAULT_SCREENSHOT_SIZE,
                started_at=args.started_at,
                import_package=package,
            )
            return code
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)

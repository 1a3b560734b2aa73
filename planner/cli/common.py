"""Helpers every command shares: errors, output, the database session of one command."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from planner.db.location import resolve_target
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.container import Services

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


class CommandError(PlannerError):
    """A command cannot do what was asked; the message is shown as is."""


#: Characters printed as they are although str.isprintable() says no: line breaks and tabs
#: the commands write themselves, and spaces such as the ideographic space of Japanese names.
_KEEP = frozenset("\n\t")
#: Unicode categories escaped: controls (ESC starts a terminal escape sequence, CR overwrites
#: the line), format characters (bidirectional overrides reorder what the reader sees),
#: surrogates, private use, unassigned, and line or paragraph separators.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def terminal_safe(text: str) -> str:
    """*text* with every character a terminal would act on shown as an escape (``\\x1b``).

    Names and notes come from other people's spreadsheets and packages; printed raw, an
    escape sequence in them could recolour, hide or rewrite what the coordinator reads.
    """
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        if ch in _KEEP or unicodedata.category(ch) not in _ESCAPED_CATEGORIES:
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return "".join(out)


class TerminalSafeStream:
    """A text stream that passes everything written through :func:`terminal_safe`.

    :func:`planner.cli.main` puts it in front of stdout and stderr, so every output path of
    every command (tables, messages, errors, JSON) is covered by the one helper.
    """

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write *text*, escaped; returns what the underlying stream returns."""
        result: int = self.stream.write(terminal_safe(text))
        return result

    def __getattr__(self, name: str) -> Any:
        # flush, fileno, encoding, isatty, buffer …: the stream's own.
        return getattr(self.stream, name)


def output_path(args: argparse.Namespace) -> Path:
    """The file ``-o`` names; a folder there is refused (one line, exit 1)."""
    out = Path(args.output)
    if out.is_dir():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "{path} is a folder; give a file name with -o"),
            params={"path": str(out)},
        )
    return out


def print_json(rows: list[dict[str, Any]]) -> None:
    """Print *rows* as a JSON array, non-ASCII text kept readable."""
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def display_width(text: str) -> int:
    """Terminal columns *text* takes: kanji and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(headers: Sequence[str], rows: list[Sequence[str]]) -> None:
    """Print aligned columns (wide characters counted as two columns)."""
    rows = [[terminal_safe(c) for c in row] for row in rows]  # escaped before measuring
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]
    for row in [headers, *rows]:
        cells = (c + " " * (w - display_width(c)) for c, w in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())


@contextmanager
def open_services(
    args: argparse.Namespace, *, create: bool = False, write: bool = False
) -> Iterator[Services]:
    """The services of the chosen database (``--db``, environment, default) for one command.

    A command that neither *create*s nor *write*s only reads: it never creates, initialises
    or migrates a database, and refuses one that would need it.
    """
    read_only = not (create or write)
    services = Services.open(resolve_target(args.db), create=create, read_only=read_only)
    try:
        # A database in a synced folder or on a share is at risk: say so, without failing.
        warning = services.backups.location_warning()
        if warning:
            print(f"planner: {warning}", file=sys.stderr)
        yield services
    finally:
        services.close()


#: The largest record id a command accepts (the databases' 32-bit INTEGER).
MAX_ID = 2**31 - 1


def record_id(text: str) -> int:
    """An ``argparse`` type: a record id (a whole number from 1), else a usage error."""
    try:
        value = int(text) if len(text) <= 12 else 0
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not an id (a whole number)") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not an id (1 to {MAX_ID})")
    return value


def _db_argument(text: str) -> str:
    # An empty --db (e.g. an unset shell variable) must not quietly mean the default database.
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a database file path or URL, not an empty value")
    return text


def add_db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--db PATH``; on sub-commands its default is SUPPRESS so ``planner --db X cmd`` keeps X."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        type=_db_argument,
        help="database file (default: $PLANNER_DATABASE_URL, else the per-user database)",
    )


def add_command(
    subparsers: Any, name: str, handler: Handler, help_text: str
) -> argparse.ArgumentParser:
    """A sub-command with ``--db`` that runs *handler*."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text
    )
    add_db_option(parser)
    parser.set_defaults(handler=handler)
    return parser

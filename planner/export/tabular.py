"""CSV and XLSX tables that no spreadsheet will evaluate, written atomically with mode 0600.

**Formula neutralisation**: a text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return could be taken as a formula (CSV/DDE injection) by Excel, LibreOffice or
Google Sheets. Such text is written with a single quote ``'`` in front — in CSV and in XLSX —
and XLSX cells holding text are always typed as strings, never as formulas (openpyxl would
otherwise store any ``str`` beginning with ``=`` as a formula).

**CSV** is UTF-8 *with* a byte-order mark, so Excel opens kanji correctly (other programs
ignore the mark), with ``\\r\\n`` line ends and minimal quoting.

**XLSX** has one sheet per table, a bold frozen header row, dates as real date cells
(``yyyy-mm-dd``), numbers as numbers and column widths fitted to the content.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.export.atomic import ExportError, atomic_write
from planner.services.reports import VisitExportRow

#: First characters that make a spreadsheet treat text as a formula.
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

#: Control characters XLSX (XML 1.0) cannot store.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Cell = str | int | float | bool | date | None


@dataclass(frozen=True)
class Table:
    """One table: its sheet name (XLSX), its header and its rows."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]] = field(default_factory=list)


def neutralise(text: str) -> str:
    """*text* with a leading ``'`` if a spreadsheet could read it as a formula."""
    if text.startswith(DANGEROUS_PREFIXES):
        return "'" + text
    return text


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    return neutralise(str(value))


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """The table as CSV bytes: UTF-8 with BOM, every text cell neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_text(h) for h in header])
    for row in rows:
        writer.writerow([_csv_text(v) for v in row])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Path:
    """Write the table as CSV to *path* (atomic, 0600)."""
    return atomic_write(Path(path), csv_bytes(header, rows))


_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str, used: set[str]) -> str:
    base = (_SHEET_BAD.sub("_", name).strip("'") or "Sheet")[:31]
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def _put(cell: Any, value: Cell) -> int:
    """Store *value* in an openpyxl cell; the width (characters) it needs."""
    if value is None:
        return 0
    if isinstance(value, bool):
        cell.value = value
        return 5
    if isinstance(value, datetime):
        cell.value = value.replace(tzinfo=None)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return 16
    if isinstance(value, date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
        return 10
    if isinstance(value, int | float):
        cell.value = value
        return len(str(value))
    text = neutralise(_ILLEGAL_XML.sub("", str(value)))
    cell.value = text
    cell.data_type = "s"  # never a formula, whatever the text looks like
    wide = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    return min(wide, 60)


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """A workbook with one sheet per table."""
    if not tables:
        raise ExportError("nothing to write: no tables")
    book = Workbook()
    default = book.active
    used: set[str] = set()
    bold = Font(bold=True)
    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.name, used))
        widths: dict[int, int] = {}
        for c, title in enumerate(table.header, start=1):
            cell = sheet.cell(row=1, column=c)
            widths[c] = _put(cell, title)
            cell.font = bold
        for r, row in enumerate(table.rows, start=2):
            for c, value in enumerate(row, start=1):
                widths[c] = max(widths.get(c, 0), _put(sheet.cell(row=r, column=c), value))
        sheet.freeze_panes = "A2"
        for c, width in widths.items():
            letter = sheet.cell(row=1, column=c).column_letter
            sheet.column_dimensions[letter].width = max(8, width + 2)
    if default is not None:
        book.remove(default)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_xlsx(path: Path, tables: Sequence[Table]) -> Path:
    """Write the tables as one XLSX workbook to *path* (atomic, 0600)."""
    return atomic_write(Path(path), xlsx_bytes(tables))


def write_table(path: Path, fmt: str, table: Table) -> Path:
    """Write one table as ``csv`` or ``xlsx`` (*fmt*) to *path*."""
    if fmt == "csv":
        return write_csv(path, table.header, table.rows)
    if fmt == "xlsx":
        return write_xlsx(path, [table])
    raise ExportError(
        QT_TRANSLATE_NOOP("Validation", "unknown table format {format}; use csv or xlsx"),
        params={"format": repr(fmt)},
    )


#: Columns of ``planner export visits`` (snake_case, like ``visits list --json``).
VISIT_COLUMNS = [
    "code",
    "visitor_name",
    "visitor_name_native",
    "home_institution",
    "host_institution",
    "arrival_date",
    "departure_date",
    "status",
    "purpose",
    "project",
    "paid",
]
#: Added only with ``--include-sensitive``.
SENSITIVE_VISIT_COLUMNS = ["date_of_birth", "passport_number", "passport_expiry"]


def visits_table(rows: Sequence[VisitExportRow], *, include_sensitive: bool = False) -> Table:
    """The visits spreadsheet; sensitive columns only when *include_sensitive*."""
    header = VISIT_COLUMNS + (SENSITIVE_VISIT_COLUMNS if include_sensitive else [])
    out: list[list[Cell]] = []
    for r in rows:
        cells: list[Cell] = [
            r.code, r.visitor_name, r.visitor_name_native, r.home_institution,
            r.host_institution, r.arrival_date, r.departure_date, r.status.value,
            r.purpose.value, r.project, r.paid,
        ]  # fmt: skip
        if include_sensitive:
            cells += [r.date_of_birth, r.passport_number, r.passport_expiry]
        out.append(cells)
    return Table("Visits", header, out)

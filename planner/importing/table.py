"""Reading CSV and XLSX files into a plain table: header texts and numbered rows.

Shared by every importer. CSV files may be UTF-8 (with or without a byte-order mark) or
Shift_JIS/CP932 (what Excel on a Japanese Windows writes); the delimiter (comma, semicolon or
tab) is detected. XLSX files are read with openpyxl in read-only mode *without* cached formula
values: a formula cell comes back as :class:`Formula`, which importers report as a problem
instead of trusting a value Excel may never have computed. openpyxl uses defusedxml when it
is installed (it is a dependency), so XML entity-expansion attacks are refused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message

#: A cell: text from CSV; from XLSX also numbers, real dates and :class:`Formula`.
Cell = str | int | float | datetime | date | time | None

#: Encodings tried in order for CSV files.
CSV_ENCODINGS = ("utf-8-sig", "cp932")
_DELIMITERS = ",;\t"


class Formula(str):
    """The text of an XLSX formula cell (``=SUM(A1:A3)``): never evaluated, never used."""

    __slots__ = ()


@dataclass(frozen=True)
class RowProblem:
    """One invalid cell: spreadsheet row number (header = 1), column, reason, and the value."""

    row: int
    column: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        shown = f", value {self.value!r}" if self.value else ""
        return f"row {self.row}, column {self.column}{shown}: {self.message}"


class ImportRowsError(PlannerError):
    """The file has problems; nothing was imported. ``problems`` lists every one."""

    def __init__(self, problems: Sequence[RowProblem], source: str = "") -> None:
        self.problems = list(problems)
        where = f"{source}: " if source else ""
        count = len(self.problems)
        super().__init__(
            f"{where}{count} problem{'s' if count != 1 else ''}, nothing imported: "
            + "; ".join(str(p) for p in self.problems)
        )


@dataclass(frozen=True)
class TableRow:
    """A data row: its number as the spreadsheet shows it and its cells in column order."""

    number: int
    values: tuple[Cell, ...]

    def get(self, index: int | None) -> Cell:
        """The cell in column *index* (None when the column is absent or the row short)."""
        if index is None or index >= len(self.values):
            return None
        return self.values[index]


@dataclass(frozen=True)
class Table:
    """A header row (texts as written) and the non-blank data rows below it."""

    header: list[str]
    rows: list[TableRow]


def cell_text(value: Cell) -> str:
    """A cell as stripped text (whole floats without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _unreadable_xlsx(exc: Exception) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("Validation", "not a readable XLSX file: {error}"), {"error": str(exc)}
    )


def _table(lines: Sequence[Sequence[Cell]], empty: str) -> Table:
    if not lines:
        raise ImportRowsError([RowProblem(1, "-", empty)])
    header = [cell_text(v) for v in lines[0]]
    rows = [
        TableRow(number, tuple(values))
        for number, values in enumerate(lines[1:], start=2)
        # blank lines between blocks are common in hand-made sheets
        if any(cell_text(v) for v in values)
    ]
    return Table(header, rows)


def decode_csv(data: bytes) -> str:
    """Text of a CSV file in UTF-8 (BOM or not) or Shift_JIS/CP932; a clear error otherwise."""
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRowsError(
        [
            RowProblem(
                0,
                "-",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "the file is neither UTF-8 nor Shift_JIS (CP932) text; "
                    "save it as 'CSV UTF-8' and try again",
                ),
            )
        ]
    )


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: csv.Sniffer on the first lines, else the most frequent one."""
    sample = "\n".join(text[:65536].splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        counts = {d: first.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_csv_table(data: bytes) -> Table:
    """Header and rows of a CSV file (encoding and delimiter detected)."""
    text = decode_csv(data)
    delimiter = sniff_delimiter(text)
    # One CSV record is one spreadsheet row, even when a quoted cell spans several lines.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # A comprehension, not list(reader): list() consumes the reader inside one C call that
    # holds the GIL for the whole file, freezing the window while a worker reads 50,000 rows.
    lines: list[Sequence[Cell]] = [record for record in reader]
    return _table(lines, QT_TRANSLATE_NOOP("Validation", "the file is empty"))


def _xlsx_cell(value: object) -> Cell:
    if isinstance(value, str) and value.startswith("="):
        return Formula(value)
    if value is None or isinstance(value, str | int | float | datetime | date | time):
        if isinstance(value, bool):
            return "yes" if value else "no"
        return value
    # ArrayFormula, DataTableFormula and the like: formulas too.
    text = getattr(value, "text", None)
    return Formula(str(text if text is not None else value))


def read_xlsx_table(path: Path) -> Table:
    """Header and rows of the first sheet; formula cells come back as :class:`Formula`."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl and defusedxml raise many kinds for a bad file
        raise ImportRowsError([RowProblem(0, "-", _unreadable_xlsx(exc))]) from exc
    try:
        sheet = book.worksheets[0]
        lines = [[_xlsx_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # a damaged or hostile sheet part
        raise ImportRowsError([RowProblem(0, "-", _unreadable_xlsx(exc))]) from exc
    finally:
        book.close()
    return _table(lines, QT_TRANSLATE_NOOP("Validation", "the sheet is empty"))


def read_table(path: Path) -> Table:
    """Header and rows of a ``.csv`` or ``.xlsx`` file."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return read_csv_table(path.read_bytes())
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx_table(path)
    raise ImportRowsError(
        [
            RowProblem(
                0,
                "-",
                Message(
                    QT_TRANSLATE_NOOP("Validation", "{file}: use a .csv or .xlsx file"),
                    {"file": path.name},
                ),
            )
        ]
    )


def read_header(path: Path) -> list[str]:
    """Only the header texts of *path* (quick, for choosing the column mapping)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=False)
        except Exception as exc:  # see read_xlsx_table
            raise ImportRowsError([RowProblem(0, "-", _unreadable_xlsx(exc))]) from exc
        try:
            first = next(book.worksheets[0].iter_rows(max_row=1, values_only=True), None)
        finally:
            book.close()
        if first is None:
            raise ImportRowsError(
                [RowProblem(1, "-", QT_TRANSLATE_NOOP("Validation", "the sheet is empty"))]
            )
        return [cell_text(_xlsx_cell(v)) for v in first]
    if path.suffix.lower() not in (".csv", ".tsv", ".txt"):
        return read_table(path).header
    # Only the first record is parsed: the wizard calls this on the GUI thread, and parsing a
    # 50,000-row file there would freeze the window for most of a second.
    text = decode_csv(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    first_record = next(reader, None)
    if first_record is None:
        raise ImportRowsError(
            [RowProblem(1, "-", QT_TRANSLATE_NOOP("Validation", "the file is empty"))]
        )
    return [cell_text(v) for v in first_record]

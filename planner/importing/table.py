"""Reading CSV and XLSX files into a plain table: header texts and numbered rows.

Shared by every importer. CSV files may be UTF-8 (with or without a byte-order mark) or
Shift_JIS/CP932 (what Excel on a Japanese Windows writes); the delimiter (comma, semicolon or
tab) is detected. XLSX files are read with openpyxl in read-only mode *without* cached formula
values: a formula cell comes back as :class:`Formula`, which importers report as a problem
instead of trusting a value Excel may never have computed. openpyxl uses defusedxml when it
is installed (it is a dependency), so XML entity-expansion attacks are refused.

Every reader is bounded, so a hostile or broken file costs a clear message rather than the
machine's memory: at most :data:`MAX_FILE_BYTES` of CSV, :data:`MAX_XLSX_UNPACKED` bytes of
unpacked XLSX parts (checked in the zip directory before anything is parsed),
:data:`MAX_ROWS` data rows, :data:`MAX_COLUMNS` columns and :data:`MAX_CELL_CHARS` characters
per cell; a text cell holding a control character other than tab and line breaks is refused
with its row and column.
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
from planner.domain.limits import bad_character, describe_character

#: A cell: text from CSV; from XLSX also numbers, real dates and :class:`Formula`.
Cell = str | int | float | datetime | date | time | None

#: Encodings tried in order for CSV files.
CSV_ENCODINGS = ("utf-8-sig", "cp932")
_DELIMITERS = ",;\t"

#: Bounds of what a spreadsheet may hold (see the module docstring). A cell may be as long as
#: the csv module's own field limit; the records' field limits (planner.domain.limits) are
#: far shorter, so such a cell is refused by validation, never stored.
MAX_CELL_CHARS = 131_072
MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_XLSX_UNPACKED = 256 * 1024 * 1024
#: Problems listed before the reader stops looking for more.
MAX_PROBLEMS = 100
#: Characters of a cell's value a problem quotes.
_SHOWN_CHARS = 60


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
        value = self.value
        if len(value) > _SHOWN_CHARS:
            value = value[:_SHOWN_CHARS] + "…"
        shown = f", value {value!r}" if value else ""
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


def column_name(index: int, header: Sequence[str] = ()) -> str:
    """A column as a problem names it: its header text, else its letter (A, B, …, AA)."""
    if index < len(header) and header[index]:
        return header[index]
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _too_much(what: str, limit: int) -> ImportRowsError:
    return ImportRowsError(
        [
            RowProblem(
                0,
                "-",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Validation", "the file has more than {limit} {what}; split it"
                    ),
                    {"limit": f"{limit:,}", "what": what},
                ),
            )
        ]
    )


def _cell_problems(lines: Sequence[Sequence[Cell]]) -> list[RowProblem]:
    """Cells too long or holding control characters, with row (header = 1) and column."""
    problems: list[RowProblem] = []
    header = [cell_text(v) if isinstance(v, str) else "" for v in lines[0]] if lines else []
    for number, values in enumerate(lines, start=1):
        for index, value in enumerate(values):
            if not isinstance(value, str):
                continue
            if len(value) > MAX_CELL_CHARS:
                message = Message(
                    QT_TRANSLATE_NOOP(
                        "Validation", "the cell holds {length} characters; at most {limit}"
                    ),
                    {"length": f"{len(value):,}", "limit": f"{MAX_CELL_CHARS:,}"},
                )
            else:
                ch = bad_character(value)
                if ch is None:
                    continue
                message = Message(
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "contains the control character {char}; only tabs and line breaks "
                        "are allowed",
                    ),
                    {"char": describe_character(ch)},
                )
            problems.append(RowProblem(number, column_name(index, header), message))
            if len(problems) >= MAX_PROBLEMS:
                return problems
    return problems


def check_lines(lines: Sequence[Sequence[Cell]]) -> None:
    """Raise :class:`ImportRowsError` when *lines* (header first) break a bound."""
    if len(lines) > MAX_ROWS + 1:
        raise _too_much("rows", MAX_ROWS)
    if any(len(values) > MAX_COLUMNS for values in lines):
        raise _too_much("columns", MAX_COLUMNS)
    problems = _cell_problems(lines)
    if problems:
        raise ImportRowsError(problems)


def _table(lines: Sequence[Sequence[Cell]], empty: str) -> Table:
    if not lines:
        raise ImportRowsError([RowProblem(1, "-", empty)])
    check_lines(lines)
    header = [cell_text(v) for v in lines[0]]
    rows = [
        TableRow(number, tuple(values))
        for number, values in enumerate(lines[1:], start=2)
        # blank lines between blocks are common in hand-made sheets
        if any(cell_text(v) for v in values)
    ]
    return Table(header, rows)


def read_file_bytes(path: Path) -> bytes:
    """The bytes of a CSV file, refused beyond :data:`MAX_FILE_BYTES`."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _too_much("bytes", MAX_FILE_BYTES)
    return path.read_bytes()


def csv_records(text: str, delimiter: str = ",") -> list[list[str]]:
    """The records of CSV *text*, stopping at the bounds; a clear error for a broken file."""
    # One CSV record is one spreadsheet row, even when a quoted cell spans several lines.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines: list[list[str]] = []
    try:
        # A loop, not list(reader): list() consumes the reader inside one C call that holds
        # the GIL for the whole file, freezing the window while a worker reads 50,000 rows.
        for record in reader:
            lines.append(record)
            if len(lines) > MAX_ROWS + 1:
                raise _too_much("rows", MAX_ROWS)
    except csv.Error as exc:
        # Chiefly a cell beyond the csv module's field limit (131,072 characters) or a NUL.
        raise ImportRowsError(
            [
                RowProblem(
                    reader.line_num,
                    "-",
                    Message(
                        QT_TRANSLATE_NOOP("Validation", "not a readable CSV file: {error}"),
                        {"error": str(exc)},
                    ),
                )
            ]
        ) from None
    return lines


def check_xlsx_size(path: Path) -> None:
    """Refuse an XLSX whose parts unpack to more than :data:`MAX_XLSX_UNPACKED` bytes.

    Read from the zip directory before anything is parsed: a 195 KB file can hold one
    200-million-character cell. A file that is not a zip is left to openpyxl to refuse.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        return
    if unpacked > MAX_XLSX_UNPACKED:
        raise ImportRowsError(
            [
                RowProblem(
                    0,
                    "-",
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "the workbook unpacks to {size} MB; at most {limit} MB are read",
                        ),
                        {"size": unpacked // 2**20, "limit": MAX_XLSX_UNPACKED // 2**20},
                    ),
                )
            ]
        )


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
    lines: list[Sequence[Cell]] = list(csv_records(text, sniff_delimiter(text)))
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
    lines = xlsx_lines(path, data_only=False)
    return _table(lines, QT_TRANSLATE_NOOP("Validation", "the sheet is empty"))


def _no_sheet() -> ImportRowsError:
    return ImportRowsError(
        [RowProblem(0, "-", QT_TRANSLATE_NOOP("Validation", "the workbook has no sheet"))]
    )


def xlsx_lines(path: Path, *, data_only: bool, max_rows: int = MAX_ROWS + 1) -> list[list[Cell]]:
    """The rows of the first sheet (at most *max_rows*, else an error), each cell converted
    by the formula rule (:class:`Formula` unless *data_only*, which takes cached values)."""
    from openpyxl import load_workbook

    check_xlsx_size(path)
    try:
        book = load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl and defusedxml raise many kinds for a bad file
        raise ImportRowsError([RowProblem(0, "-", _unreadable_xlsx(exc))]) from None
    try:
        if not book.worksheets:
            raise _no_sheet()
        sheet = book.worksheets[0]
        lines: list[list[Cell]] = []
        # max_col: a sheet may claim the whole grid as its dimension; never pad to it.
        for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1):
            if len(lines) >= max_rows:
                if max_rows > MAX_ROWS:
                    raise _too_much("rows", MAX_ROWS)
                break
            lines.append(list(row) if data_only else [_xlsx_cell(v) for v in row])
    except ImportRowsError:
        raise
    except Exception as exc:  # a damaged or hostile sheet part (truncated XML, bad zip)
        raise ImportRowsError([RowProblem(0, "-", _unreadable_xlsx(exc))]) from None
    finally:
        book.close()
    # Trailing empty cells of a sheet whose dimension is wider than its data.
    for values in lines:
        while values and values[-1] is None:
            values.pop()
    return lines


def read_table(path: Path) -> Table:
    """Header and rows of a ``.csv`` or ``.xlsx`` file."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return read_csv_table(read_file_bytes(path))
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
        lines = xlsx_lines(path, data_only=False, max_rows=1)
        if not lines:
            raise ImportRowsError(
                [RowProblem(1, "-", QT_TRANSLATE_NOOP("Validation", "the sheet is empty"))]
            )
        check_lines(lines)
        return [cell_text(v) for v in lines[0]]
    if path.suffix.lower() not in (".csv", ".tsv", ".txt"):
        return read_table(path).header
    # Only the first record is parsed: the wizard calls this on the GUI thread, and parsing a
    # 50,000-row file there would freeze the window for most of a second.
    text = decode_csv(read_file_bytes(path))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        first_record = next(reader, None)
    except csv.Error as exc:
        raise ImportRowsError(
            [
                RowProblem(
                    1,
                    "-",
                    Message(
                        QT_TRANSLATE_NOOP("Validation", "not a readable CSV file: {error}"),
                        {"error": str(exc)},
                    ),
                )
            ]
        ) from None
    if first_record is None:
        raise ImportRowsError(
            [RowProblem(1, "-", QT_TRANSLATE_NOOP("Validation", "the file is empty"))]
        )
    return [cell_text(v) for v in first_record]

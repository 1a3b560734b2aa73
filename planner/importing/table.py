"""Reading CSV and XLSX files into a plain table: header texts and numbered rows.

Shared by every importer. CSV files may be UTF-16 with its byte-order mark (Excel's "Unicode
Text"), UTF-8 (with or without a byte-order mark) or Shift_JIS/CP932 (what Excel on a Japanese
Windows writes); anything else is refused with the encoding problem named, never decoded into
garbage. The delimiter (comma, semicolon or tab) is detected.

XLSX files are read with openpyxl in read-only mode, twice side by side: once for each cell's
*type* and once for the values Excel or LibreOffice stored. A text cell is text whatever it
starts with (``'=SUM(1,2)`` typed with Excel's apostrophe is the name ``=SUM(1,2)``); a formula
cell with a stored result gives that result (its column is listed in :attr:`Table.computed`);
a formula without one (written by a program that never computed it) or with an error result
comes back as :class:`Formula`, which importers report as a problem — formulas are never
evaluated here. openpyxl uses defusedxml when it is installed (it is a dependency), so XML
entity-expansion attacks are refused.

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
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.domain.limits import bad_character, describe_character

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

#: A cell: text from CSV; from XLSX also numbers, real dates and :class:`Formula`.
Cell = str | int | float | datetime | date | time | None

#: Encodings tried in order for CSV files without a UTF-16 byte-order mark.
CSV_ENCODINGS = ("utf-8-sig", "cp932")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
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
    """The text of an XLSX formula cell with no usable stored result: never evaluated."""

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
    """A header row (texts as written) and the non-blank data rows below it.

    ``computed`` holds the indexes of the columns where at least one cell was a formula whose
    stored result was used (XLSX only), so the wizard and ``--dry-run`` can say so.
    """

    header: list[str]
    rows: list[TableRow]
    computed: frozenset[int] = frozenset()

    def computed_columns(self) -> list[str]:
        """Names of the :attr:`computed` columns, in sheet order."""
        return [column_name(i, self.header) for i in sorted(self.computed)]


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


def _table(
    lines: Sequence[Sequence[Cell]], empty: str, computed: frozenset[int] = frozenset()
) -> Table:
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
    return Table(header, rows, computed)


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


def _encoding_problem(template: str, params: dict[str, object] | None = None) -> ImportRowsError:
    return ImportRowsError([RowProblem(0, "-", Message(template, params))])


def _garbled(text: str) -> bool:
    """True when decoded *text* holds what no typed sheet does: a byte-order mark after the
    start, unassigned or private-use code points, or control characters other than tab and
    line breaks — the signs of bytes decoded with the wrong encoding."""
    for ch in text:
        if ch == "\ufeff":
            return True
        if ch in "\t\r\n":
            continue
        if unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"):
            return True
    return False


def decode_csv(data: bytes) -> str:
    """Text of a CSV file: UTF-16 with a byte-order mark, UTF-8 (BOM or not) or Shift_JIS/CP932.

    Anything else is refused with one line naming the problem, never decoded into garbage:
    UTF-32, UTF-16 without its byte-order mark, a workbook saved under a ``.csv`` name, or
    bytes that are neither UTF-8 nor Shift_JIS.
    """
    if data.startswith(_UTF32_BOMS):
        raise _encoding_problem(
            QT_TRANSLATE_NOOP(
                "Validation",
                "the file is UTF-32 text, which is not read; save it as 'CSV UTF-8' and try again",
            )
        )
    if data.startswith(_UTF16_BOMS):
        try:
            # The mark says which byte order; it is dropped.
            text: str | None = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
        if text is None or _garbled(text):
            raise _encoding_problem(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "the file starts with a UTF-16 byte-order mark but is not UTF-16 text; "
                    "save it again as 'Unicode Text' or 'CSV UTF-8'",
                )
            )
        return text
    if data.startswith(b"PK\x03\x04"):
        raise _encoding_problem(
            QT_TRANSLATE_NOOP(
                "Validation",
                "the file is a workbook (XLSX/zip), not CSV text; give it the .xlsx extension",
            )
        )
    head = data[:4096]
    if head.count(b"\x00") * 8 > len(head):
        # UTF-16 without its mark (every other byte of Latin text is NUL), or not text at
        # all: either way Shift_JIS would "succeed". A stray NUL is the CSV reader's problem,
        # reported with its row.
        raise _encoding_problem(
            QT_TRANSLATE_NOOP(
                "Validation",
                "the file holds NUL bytes: it is UTF-16 without a byte-order mark, or not text; "
                "save it as 'CSV UTF-8' or 'Unicode Text' and try again",
            )
        )
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # CP932's user-defined area (0xF040–0xF9FC) decodes to private-use characters: no
        # coordinator types them, and they are what a Latin-1 or Big5 file turns into.
        if encoding == "cp932" and any("\ue000" <= ch <= "\uf8ff" for ch in text):
            break
        return text
    raise _encoding_problem(
        QT_TRANSLATE_NOOP(
            "Validation",
            "the file is neither UTF-8, UTF-16 nor Shift_JIS (CP932) text; "
            "save it as 'CSV UTF-8' and try again",
        )
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


def _plain(value: object) -> Cell:
    """A stored cell value as a :data:`Cell` (booleans as yes/no)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None or isinstance(value, str | int | float | datetime | date | time):
        return value
    return str(value)


def _formula_text(value: object) -> str:
    # ArrayFormula and DataTableFormula carry their text in .text
    text = getattr(value, "text", None)
    return str(text if text is not None else value)


def _xlsx_cell(typed: object, stored: object) -> tuple[Cell, bool]:
    """The cell for a (type-reading, value-reading) pair of openpyxl cells, and whether it
    is a computed formula result.

    Only the type tells formulas from text: ``'=SUM(1,2)`` is a text cell (``s``) whose
    value starts with ``=``; a formula cell is ``f``. A formula's stored result is used;
    none, or an error result such as ``#REF!``, gives a :class:`Formula` (a problem).
    """
    kind = getattr(typed, "data_type", "n")
    if kind == "f":
        result = getattr(stored, "value", None)
        if result is None or getattr(stored, "data_type", "n") == "e":
            return Formula(_formula_text(getattr(typed, "value", ""))), False
        return _plain(result), True
    value = getattr(typed, "value", None)
    if kind == "e":
        # An error typed as a value (#N/A): not data.
        return Formula(str(value)), False
    return _plain(value), False


def read_xlsx_table(path: Path) -> Table:
    """Header and rows of the first sheet (see the module docstring for formulas)."""
    computed: set[int] = set()
    lines = xlsx_lines(path, computed=computed)
    return _table(lines, QT_TRANSLATE_NOOP("Validation", "the sheet is empty"), frozenset(computed))


def _no_sheet() -> ImportRowsError:
    return ImportRowsError(
        [RowProblem(0, "-", QT_TRANSLATE_NOOP("Validation", "the workbook has no sheet"))]
    )


def _open_book(path: Path, *, data_only: bool) -> Workbook:
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl and defusedxml raise many kinds for a bad file
        raise ImportRowsError([RowProblem(0, "-", _unreadable_xlsx(exc))]) from None


def xlsx_lines(
    path: Path, *, max_rows: int = MAX_ROWS + 1, computed: set[int] | None = None
) -> list[list[Cell]]:
    """The rows of the first sheet (at most *max_rows*, else an error), each cell typed by
    :func:`_xlsx_cell`; the columns holding computed formula results are added to *computed*.

    The workbook is opened twice in read-only mode — once for types and formulas, once for
    stored values — and both sheets are walked row by row together, so memory stays bounded
    by one row of each, whatever the file's size.
    """
    check_xlsx_size(path)
    types = _open_book(path, data_only=False)
    try:
        values = _open_book(path, data_only=True)
    except ImportRowsError:
        types.close()
        raise
    try:
        if not types.worksheets:
            raise _no_sheet()
        lines: list[list[Cell]] = []
        # max_col: a sheet may claim the whole grid as its dimension; never pad to it.
        typed_rows = types.worksheets[0].iter_rows(max_col=MAX_COLUMNS + 1)
        stored_rows = values.worksheets[0].iter_rows(max_col=MAX_COLUMNS + 1)
        for typed_row in typed_rows:
            stored_row = next(stored_rows, ())
            if len(lines) >= max_rows:
                if max_rows > MAX_ROWS:
                    raise _too_much("rows", MAX_ROWS)
                break
            line: list[Cell] = []
            for index, typed in enumerate(typed_row):
                stored = stored_row[index] if index < len(stored_row) else None
                value, was_computed = _xlsx_cell(typed, stored)
                if was_computed and computed is not None and lines:  # not for the header
                    computed.add(index)
                line.append(value)
            lines.append(line)
    except ImportRowsError:
        raise
    except Exception as exc:  # a damaged or hostile sheet part (truncated XML, bad zip)
        raise ImportRowsError([RowProblem(0, "-", _unreadable_xlsx(exc))]) from None
    finally:
        types.close()
        values.close()
    # Trailing empty cells of a sheet whose dimension is wider than its data.
    for values_ in lines:
        while values_ and values_[-1] is None:
            values_.pop()
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
        lines = xlsx_lines(path, max_rows=1)
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

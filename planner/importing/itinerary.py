"""``planner import itinerary FILE --visit CODE``: itinerary items from a CSV or XLSX sheet.

Columns (header row, any order, case-insensitive): ``kind``, ``title``, ``start``,
``start_zone``, ``end``, ``end_zone``, ``location``, ``address``, ``confirmation``; optional
``title_ja`` and ``details``. ``start`` and ``end`` are local wall times in their zones
(``2027-03-13 11:45``); an empty zone means the host institution's zone.

All or nothing: every row is checked first, and any problem means nothing is written. Each
problem names the row as the spreadsheet shows it (the header is row 1), the column and the
reason. A local time that does not exist or happens twice on a daylight-saving change is a
problem, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from planner.domain.entities import ItineraryItem
from planner.domain.enums import ItineraryKind
from planner.domain.errors import ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.domain.itinerary_checks import local_time_question
from planner.domain.limits import date_problem
from planner.domain.timezones import is_valid_zone, local_to_utc
from planner.domain.validation import validate_itinerary_item
from planner.importing.table import (
    Cell,
    ImportRowsError,
    RowProblem,
    check_lines,
    csv_records,
    read_file_bytes,
    xlsx_lines,
)
from planner.services.container import Services

__all__ = ["Cell", "ImportRowsError", "RowProblem", "import_itinerary", "read_sheet"]

REQUIRED = ("kind", "title", "start", "end")
COLUMNS = (
    "kind", "title", "start", "start_zone", "end", "end_zone", "location", "address",
    "confirmation", "title_ja", "details",
)  # fmt: skip
#: The sheet column of each item field, for validation problems.
_COLUMN_OF = {
    "start_utc": "start", "end_utc": "end", "location_name": "location",
    "location_address": "address", "confirmation_code": "confirmation",
    "visitor_details": "details",
}  # fmt: skip
_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


@dataclass(frozen=True)
class SheetRow:
    """A data row with its spreadsheet row number and cells by lower-case column name."""

    number: int
    cells: dict[str, Cell]


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(names: Sequence[Cell]) -> list[str]:
    return [_text(n).lower().replace(" ", "_") for n in names]


def _check_header(header: list[str]) -> list[RowProblem]:
    problems = [
        RowProblem(1, name, "required column is missing") for name in REQUIRED if name not in header
    ]
    for name in header:
        if name and name not in COLUMNS:
            problems.append(RowProblem(1, name, f"unknown column (expected: {', '.join(COLUMNS)})"))
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            problems.append(RowProblem(1, name, "column appears twice"))
        seen.add(name)
    return problems


def _rows(header: list[str], body: Iterator[tuple[int, Sequence[Cell]]]) -> list[SheetRow]:
    rows = []
    for number, values in body:
        if all(_text(v) == "" for v in values):
            continue  # blank lines between blocks are common in hand-made sheets
        cells = {name: (values[i] if i < len(values) else None) for i, name in enumerate(header)}
        rows.append(SheetRow(number, cells))
    return rows


def read_csv(data: bytes) -> tuple[list[str], list[SheetRow]]:
    """Header and rows of a UTF-8 CSV (with or without a byte-order mark)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRowsError(
            [
                RowProblem(
                    0,
                    "-",
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "the file is not UTF-8 text (byte {byte}); save it as UTF-8",
                        ),
                        {"byte": exc.start},
                    ),
                )
            ]
        ) from exc
    lines: list[Sequence[Cell]] = list(csv_records(text))
    if not lines:
        raise ImportRowsError([RowProblem(1, "-", "the file is empty")])
    check_lines(lines)
    header = _header(lines[0])
    return header, _rows(header, ((n, row) for n, row in enumerate(lines[1:], start=2)))


def read_xlsx(path: Path) -> tuple[list[str], list[SheetRow]]:
    """Header and rows of the first sheet; formulas are not evaluated (cached values only)."""
    lines = xlsx_lines(path)
    if not lines:
        raise ImportRowsError([RowProblem(1, "-", "the sheet is empty")])
    check_lines(lines)
    header = _header(lines[0])
    return header, _rows(header, ((n, row) for n, row in enumerate(lines[1:], start=2)))


def _wall_time(value: Cell) -> datetime | str:
    """A naive wall time from a cell, or the reason it is not one."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return "give the local time without an offset; the zone is its own column"
        return value.replace(second=0, microsecond=0) if value.second == 0 else value
    if isinstance(value, date):
        return "a date without a time; write e.g. 2027-03-13 11:45"
    text = _text(value)
    if not text:
        return "is required"
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt)  # noqa: DTZ007 - a wall time, zone separate
        except ValueError:
            continue
    return f"{text!r} is not a local time like 2027-03-13 11:45"


def _kind(text: str) -> ItineraryKind | None:
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return ItineraryKind(key)
    except ValueError:
        return None


def parse_rows(rows: Sequence[SheetRow], visit_id: int, host_zone: str) -> list[ItineraryItem]:
    """The items of *rows*; :class:`ImportRowsError` listing every problem if any row is bad."""
    problems: list[RowProblem] = []
    items: list[ItineraryItem] = []
    for row in rows:
        before = len(problems)

        def bad(column: str, message: str, row: SheetRow = row) -> None:
            problems.append(RowProblem(row.number, column, message))

        cells = {name: _text(value) for name, value in row.cells.items()}
        kind = _kind(cells.get("kind", ""))
        if kind is None:
            choices = ", ".join(k.value for k in ItineraryKind)
            bad("kind", f"{cells.get('kind', '')!r} is not a kind ({choices})")
        title = cells.get("title", "")
        if not title:
            bad("title", "is required")
        instants = {}
        for end in ("start", "end"):
            zone_column = f"{end}_zone"
            zone = cells.get(zone_column, "") or host_zone
            if not is_valid_zone(zone):
                bad(zone_column, f"unknown time zone {zone!r} (use an IANA name like Asia/Tokyo)")
                continue
            wall = _wall_time(row.cells.get(end))
            if isinstance(wall, str):
                bad(end, wall)
                continue
            out_of_range = date_problem(end, wall)
            if out_of_range is not None:
                bad(end, out_of_range.message)
                continue
            question = local_time_question(wall, zone)
            if question is not None:
                bad(end, f"{question.message}; enter this item in the item dialog, which asks")
                continue
            instants[end] = (local_to_utc(wall, zone), zone)
        if "start" in instants and "end" in instants and instants["end"][0] < instants["start"][0]:
            bad("end", "ends before it starts")
        if len(problems) > before or kind is None:
            continue
        item = ItineraryItem(
            visit_id=visit_id,
            kind=kind,
            title=title,
            title_ja=cells.get("title_ja", ""),
            start_utc=instants["start"][0],
            start_zone=instants["start"][1],
            end_utc=instants["end"][0],
            end_zone=instants["end"][1],
            location_name=cells.get("location", ""),
            location_address=cells.get("address", ""),
            confirmation_code=cells.get("confirmation", ""),
            visitor_details=cells.get("details", ""),
        )
        try:
            validate_itinerary_item(item)
        except ValidationError as exc:
            for problem in exc.problems:
                bad(_COLUMN_OF.get(problem.field, problem.field), problem.message)
            continue
        items.append(item)
    if problems:
        raise ImportRowsError(problems)
    return items


def read_sheet(path: Path) -> tuple[list[str], list[SheetRow]]:
    """Header and rows of a ``.csv`` or ``.xlsx`` file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(read_file_bytes(path))
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    raise ImportRowsError(
        [
            RowProblem(
                0,
                "-",
                Message(
                    QT_TRANSLATE_NOOP("Validation", "{name}: use a .csv or .xlsx file"),
                    {"name": path.name},
                ),
            )
        ]
    )


def import_itinerary(services: Services, path: Path, visit_code: str) -> list[ItineraryItem]:
    """Add the items of *path* to the visit *visit_code*, all in one transaction, or none."""
    visit = services.visits.get_by_code(visit_code)
    assert visit.id is not None
    host = services.institutions.get(visit.host_institution_id)
    try:
        header, rows = read_sheet(path)
        problems = _check_header(header)
        if problems:
            raise ImportRowsError(problems)
        if not rows:
            raise ImportRowsError([RowProblem(2, "-", "no data rows below the header")])
        items = parse_rows(rows, visit.id, host.timezone)
    except ImportRowsError as exc:
        raise ImportRowsError(exc.problems, path.name) from None
    return services.itinerary.create_many(items)

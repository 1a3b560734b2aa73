"""``planner import itinerary FILE --visit CODE``: itinerary items from a CSV or XLSX sheet.

Columns (header row, any order, case-insensitive): ``kind``, ``title``, ``start``,
``start_zone``, ``end``, ``end_zone``, ``location``, ``address``, ``confirmation``;
optional ``title_ja``, ``details``, ``details_ja`` and ``uid``. ``start`` and ``end`` are local
wall times in their zones (``2027-03-13 11:45``); an empty zone means the host institution's
zone.

Importing the same file again updates the items it added instead of adding copies: a row
matches a stored item of the visit by ``uid`` (the calendar UID, when the file carries it) or
by its kind, start and title; see :meth:`ItineraryService.merge_many`.

All or nothing: every row is checked first, and any problem means nothing is written. Each
problem names the row as the spreadsheet shows it (the header is row 1), the column and the
reason. A local time that does not exist or happens twice on a daylight-saving change is a
problem, never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
from planner.importing.common import FORMULA_WITHOUT_VALUE
from planner.importing.headers import (
    IGNORE,
    ITINERARY_FIELDS,
    apply_overrides,
    match_headers,
    normalize_header,
    suggest_field,
)
from planner.importing.table import (
    Cell,
    Formula,
    ImportRowsError,
    RowProblem,
    Table,
    read_csv_table,
    read_table,
    read_xlsx_table,
)
from planner.services.container import Services
from planner.services.itinerary import MergeResult

__all__ = ["Cell", "ImportRowsError", "RowProblem", "import_itinerary", "read_sheet"]

REQUIRED = ("kind", "title", "start", "end")
COLUMNS = (
    "kind", "title", "start", "start_zone", "end", "end_zone", "location", "address",
    "confirmation", "title_ja", "details", "details_ja", "uid",
)  # fmt: skip
#: The sheet column of each item field, for validation problems.
_COLUMN_OF = {
    "start_utc": "start", "end_utc": "end", "location_name": "location",
    "location_address": "address", "confirmation_code": "confirmation",
    "visitor_details": "details", "visitor_details_ja": "details_ja",
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


def _header(
    names: Sequence[str], overrides: Mapping[str, str] | None = None
) -> tuple[list[str], list[RowProblem]]:
    """The field key of each column ("" for none) and the header's problems.

    Columns are matched like the people and visit importers' (English or Japanese, hints
    ignored, ``--map`` overrides); a titled column that matches nothing is a problem, with
    the closest field suggested, rather than silently dropped.
    """
    mapping = match_headers(names, ITINERARY_FIELDS)
    if overrides:
        mapping = apply_overrides(names, mapping, overrides)
    ignored = {names[i].strip() for i in range(len(names))} & {
        t for t, k in (overrides or {}).items() if k == IGNORE
    }
    keys = [""] * len(names)
    for key, index in mapping.items():
        if index is not None:
            keys[index] = key
    problems = [
        RowProblem(1, name, QT_TRANSLATE_NOOP("Validation", "required column is missing"))
        for name in REQUIRED
        if mapping.get(name) is None
    ]
    for index, title in enumerate(names):
        if keys[index] or not title.strip() or title.strip() in ignored:
            continue
        twin = next((k for k in COLUMNS if normalize_header(title) == normalize_header(k)), None)
        if twin is not None:
            problems.append(
                RowProblem(1, title, QT_TRANSLATE_NOOP("Validation", "column appears twice"))
            )
            continue
        close = suggest_field(title, ITINERARY_FIELDS)
        template = (
            QT_TRANSLATE_NOOP(
                "Validation", "unknown column (expected: {columns}); did you mean {closest}?"
            )
            if close
            else QT_TRANSLATE_NOOP("Validation", "unknown column (expected: {columns})")
        )
        params = {"columns": ", ".join(COLUMNS), "closest": close.key if close else ""}
        problems.append(RowProblem(1, title, Message(template, params)))
    return keys, problems


def _rows(keys: list[str], table: Table) -> list[SheetRow]:
    return [
        SheetRow(row.number, {key: row.get(i) for i, key in enumerate(keys) if key})
        for row in table.rows
    ]


def read_csv(data: bytes) -> tuple[list[str], list[SheetRow]]:
    """Header and rows of a CSV file (UTF-8, UTF-16 or Shift_JIS; delimiter detected)."""
    table = read_csv_table(data)
    keys, problems = _header(table.header)
    if problems:
        raise ImportRowsError(problems)
    return keys, _rows(keys, table)


def read_xlsx(path: Path) -> tuple[list[str], list[SheetRow]]:
    """Header and rows of the first sheet; stored formula results are used, never evaluated."""
    table = read_xlsx_table(path)
    keys, problems = _header(table.header)
    if problems:
        raise ImportRowsError(problems)
    return keys, _rows(keys, table)


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
        formulas = [name for name, value in row.cells.items() if isinstance(value, Formula)]
        problems.extend(RowProblem(row.number, name, FORMULA_WITHOUT_VALUE) for name in formulas)

        def bad(
            column: str, message: str, row: SheetRow = row, formulas: list[str] = formulas
        ) -> None:
            if column not in formulas:  # a formula without a value was said once already
                problems.append(RowProblem(row.number, column, message))

        cells = {
            name: "" if isinstance(value, Formula) else _text(value)
            for name, value in row.cells.items()
        }
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
            if end in formulas:
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
            visitor_details_ja=cells.get("details_ja", ""),
            uid=cells.get("uid", "")[:100],
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


def read_sheet(
    path: Path, overrides: Mapping[str, str] | None = None
) -> tuple[list[str], list[SheetRow], list[str]]:
    """Field keys of the columns, the rows and the computed columns of a ``.csv`` or
    ``.xlsx`` file; :class:`ImportRowsError` for a header problem."""
    table = read_table(path)
    keys, problems = _header(table.header, overrides)
    if problems:
        raise ImportRowsError(problems)
    return keys, _rows(keys, table), table.computed_columns()


def check_itinerary(
    services: Services,
    path: Path,
    visit_code: str,
    overrides: Mapping[str, str] | None = None,
) -> tuple[list[ItineraryItem], list[str]]:
    """The items *path* would add to the visit *visit_code* (nothing is written), and the
    columns whose values were stored results of formulas; :class:`ImportRowsError` lists
    every problem."""
    visit = services.visits.get_by_code(visit_code)
    assert visit.id is not None
    host = services.institutions.get(visit.host_institution_id)
    try:
        _keys, rows, computed = read_sheet(path, overrides)
        if not rows:
            raise ImportRowsError(
                [
                    RowProblem(
                        2, "-", QT_TRANSLATE_NOOP("Validation", "no data rows below the header")
                    )
                ]
            )
        items = parse_rows(rows, visit.id, host.timezone)
    except ImportRowsError as exc:
        raise ImportRowsError(exc.problems, path.name) from None
    return items, computed


def import_itinerary(
    services: Services,
    path: Path,
    visit_code: str,
    overrides: Mapping[str, str] | None = None,
) -> list[ItineraryItem]:
    """The stored items of *path* (added, then updated, then unchanged); see
    :func:`merge_itinerary`."""
    result = merge_itinerary(services, path, visit_code, overrides)
    return [*result.added, *result.updated, *result.unchanged]


def merge_itinerary(
    services: Services,
    path: Path,
    visit_code: str,
    overrides: Mapping[str, str] | None = None,
) -> MergeResult:
    """Merge the items of *path* into the visit *visit_code*, all in one transaction, or none:
    new rows are added, rows already imported are updated or left as they are."""
    items, _computed = check_itinerary(services, path, visit_code, overrides)
    visit = services.visits.get_by_code(visit_code)
    assert visit.id is not None
    return services.itinerary.merge_many(visit.id, items)

"""Blank import templates: ``planner import people|visits|itinerary --template -o FILE.xlsx``.

A template is an XLSX workbook whose first sheet has the header every importer recognises, in
both languages (``Family name / 姓``; required columns marked ``*``), one example row that
imports as it stands, and drop-down lists (data validation) for the columns with fixed
choices: category, purpose, paid, institution kind, itinerary kind and IANA time zones. The
lists live on a hidden second sheet (Excel limits a list typed into the rule to 255
characters, far fewer than the time zones); the importer reads only the first sheet.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from planner.domain.enums import InstitutionKind, ItineraryKind, PersonCategory, Purpose
from planner.domain.timezones import is_valid_zone
from planner.importing.headers import (
    ITINERARY_FIELDS,
    PEOPLE_FIELDS,
    VISIT_FIELDS,
    FieldSpec,
)

TemplateKind = Literal["people", "visits", "itinerary"]

#: Rows below the header the drop-down lists cover.
_ROWS = 2000

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "people": PEOPLE_FIELDS,
    "visits": VISIT_FIELDS,
    "itinerary": ITINERARY_FIELDS,
}

#: Examples that differ by template: a visit's host is another institution than the
#: visitor's home (US national laboratory in the example).
_EXAMPLES: dict[str, dict[str, str]] = {
    "visits": {
        "institution_country": "US",
        "institution_timezone": "America/Chicago",
        "institution_kind": "national_lab",
        "host_institution": "Argonne National Laboratory",
    },
}


def _zones() -> list[str]:
    """Region/City IANA zones (no aliases such as ``posixrules``, ``Etc/GMT+5`` or ``EST``)."""
    from zoneinfo import available_timezones

    skip = ("Etc/", "posix/", "right/", "SystemV/", "US/", "Canada/", "Mexico/", "Brazil/",
            "Chile/")  # fmt: skip
    return sorted(
        z for z in available_timezones()
        if "/" in z and not z.startswith(skip) and is_valid_zone(z)
    )  # fmt: skip


def _choices() -> dict[str, list[str]]:
    zones = _zones()
    return {
        "category": [c.value for c in PersonCategory],
        "purpose": [p.value for p in Purpose],
        "paid": ["yes", "no"],
        "institution_kind": [k.value for k in InstitutionKind],
        "kind": [k.value for k in ItineraryKind],
        "institution_timezone": zones,
        "start_zone": zones,
        "end_zone": zones,
    }


def header_text(spec: FieldSpec) -> str:
    """``Family name / 姓``, with `` *`` for a required field."""
    text = f"{spec.label} / {spec.ja}" if spec.ja else spec.label
    return text + (" *" if spec.required else "")


def example_row(kind: TemplateKind) -> list[str]:
    """The template's example row, cell by cell."""
    overrides = _EXAMPLES.get(kind, {})
    return [overrides.get(spec.key, spec.example) for spec in FIELDS[kind]]


def template_bytes(kind: TemplateKind) -> bytes:
    """The XLSX template for *kind* as bytes (written by the caller, atomically)."""
    fields: Sequence[FieldSpec] = FIELDS[kind]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = {"people": "People", "visits": "Visits", "itinerary": "Itinerary"}[kind]
    sheet.append([header_text(spec) for spec in fields])
    # Text cells: a typed example such as "2027-04-01" must stay text, not become a formula
    # or a number.
    sheet.append(example_row(kind))
    for cell in sheet[2]:
        cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    lists = book.create_sheet("Lists")
    lists.sheet_state = "hidden"
    choices = _choices()
    list_column = 0
    for index, spec in enumerate(fields, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, len(header_text(spec)) + 4)
        values = choices.get(spec.key)
        if not values:
            continue
        list_column += 1
        list_letter = get_column_letter(list_column)
        for row, value in enumerate(values, start=1):
            lists.cell(row=row, column=list_column, value=value)
        rule = DataValidation(
            type="list",
            formula1=f"=Lists!${list_letter}$1:${list_letter}${len(values)}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",  # the importer also accepts Japanese words (研究者, 研究 …)
            error=f"Choose one of the list ({', '.join(values[:6])}…)",
        )
        rule.add(f"{letter}2:{letter}{_ROWS + 1}")
        sheet.add_data_validation(rule)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

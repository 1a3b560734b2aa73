"""Template spreadsheets for the people and visits imports: the headers the importer reads.

A template's first sheet holds only the header row (what the import reads, so an untouched
template imports nothing); a second sheet explains each column with an example value.
The headers are the fields' English labels, which the importer matches like any alias.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.importing.headers import PEOPLE_FIELDS, VISIT_FIELDS, FieldSpec

#: An example value for each field key (shown in the help sheet, never in the data sheet).
_EXAMPLES: dict[str, str] = {
    "family_name": "Tanaka",
    "given_name": "Hiroshi",
    "family_name_native": "田中",
    "given_name_native": "博",
    "preferred_name": "Hiro",
    "category": "researcher / staff / student",
    "home_institution": "RIKEN Wako",
    "email": "h.tanaka@example.org",
    "phone": "+81 48 000 0000",
    "nationality": "JP",
    "date_of_birth": "1980-04-01",
    "passport_number": "TK0000000",
    "passport_expiry": "2030-03-31",
    "institution_country": "JP",
    "institution_timezone": "Asia/Tokyo",
    "institution_kind": "research_institute",
    "visitor_email": "h.tanaka@example.org",
    "host_institution": "Argonne National Laboratory",
    "arrival_date": "2027-03-08",
    "departure_date": "2027-03-19",
    "purpose": "research_collaboration",
    "paid": "yes / no",
    "visitor_notes": "",
    "internal_notes": "",
}

#: The kinds of template there are, with their fields.
TEMPLATE_FIELDS: dict[str, Sequence[FieldSpec]] = {
    "people": PEOPLE_FIELDS,
    "visits": VISIT_FIELDS,
}


@dataclass(frozen=True)
class Template:
    """A template: the data sheet's header and the help sheet's rows."""

    kind: str
    header: list[str]
    help_header: list[str]
    help_rows: list[list[str]]


def template(kind: str) -> Template:
    """The template for importing *kind* (``people`` or ``visits``); KeyError for others."""
    fields = TEMPLATE_FIELDS[kind]
    header = [spec.label for spec in fields]
    help_rows = [
        [spec.label, "required" if spec.required else "optional", _EXAMPLES.get(spec.key, "")]
        for spec in fields
    ]
    return Template(kind, header, ["Column", "Required", "Example"], help_rows)

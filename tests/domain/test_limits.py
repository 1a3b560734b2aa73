"""The bounds of planner.domain.limits (dates, lengths, characters) and the columns behind."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Enum, String

from planner.db import models
from planner.domain import entities, paperwork
from planner.domain.entities import Event, Institution, ItineraryItem, Person, Visit
from planner.domain.enums import EventKind, InstitutionKind, ItineraryKind, PersonCategory
from planner.domain.errors import ValidationError
from planner.domain.limits import (
    MAX_LENGTHS,
    MAX_YEAR,
    MIN_YEAR,
    NOTES,
    PASSPORT_NUMBER,
    bad_character,
    max_length,
)
from planner.domain.validation import (
    validate_event,
    validate_institution,
    validate_itinerary_item,
    validate_person,
    validate_visit,
)

_ROWS = {
    "Institution": models.InstitutionRow, "Person": models.PersonRow,
    "Program": models.ProgramRow, "Project": models.ProjectRow, "Visit": models.VisitRow,
    "ItineraryItem": models.ItineraryItemRow, "Event": models.EventRow,
    "PaperworkItem": models.PaperworkItemRow, "Agreement": models.AgreementRow,
    "MaterialTransfer": models.MaterialTransferRow,
}  # fmt: skip
_RECORDS = {
    cls.__name__: cls
    for cls in (
        entities.Institution, entities.Person, entities.Program, entities.Project,
        entities.Visit, entities.ItineraryItem, entities.Event, paperwork.PaperworkItem,
        paperwork.Agreement, paperwork.MaterialTransfer,
    )
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(_ROWS))
def test_every_limit_fits_its_column_so_both_backends_agree(kind: str) -> None:
    """SQLite stores any length; PostgreSQL refuses beyond VARCHAR(n): the domain must stop
    first, for every text field of every record that has a column."""
    table = _ROWS[kind].__table__
    names = {f.name for f in dataclasses.fields(_RECORDS[kind])}
    for column in table.columns:
        if column.name not in names or not isinstance(column.type, String):
            continue
        if isinstance(column.type, Enum):  # the enum itself bounds it
            continue
        if column.type.length is not None:
            assert max_length(kind, column.name) <= column.type.length, (kind, column.name)
    for field in MAX_LENGTHS[kind]:
        assert field in names, (kind, field)


def _person(**changes: object) -> Person:
    base = Person("Tanaka", "Hiroshi", PersonCategory.RESEARCHER, 1)
    return dataclasses.replace(base, **changes)


def _fields(info: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {p.field for p in info.value.problems}


@pytest.mark.parametrize("year", [1, 1899, 2201, 9999])
def test_dates_outside_the_supported_years_are_refused_everywhere(year: int) -> None:
    day = date(year, 6, 1)
    instant = datetime(year, 6, 1, tzinfo=UTC)
    with pytest.raises(ValidationError) as info:
        validate_visit(Visit(1, 1, arrival_date=day, departure_date=day))
    assert _fields(info) == {"arrival_date", "departure_date"}
    assert f"{MIN_YEAR}–{MAX_YEAR}" in str(info.value)
    with pytest.raises(ValidationError) as info:
        validate_person(_person(date_of_birth=day, passport_expiry=None))
    assert _fields(info) == {"date_of_birth"}
    with pytest.raises(ValidationError) as info:
        validate_person(_person(passport_expiry=day))
    assert _fields(info) == {"passport_expiry"}
    item = ItineraryItem(1, ItineraryKind.MEETING, "x", instant, "UTC", instant, "UTC")
    with pytest.raises(ValidationError) as info:
        validate_itinerary_item(item)
    assert _fields(info) == {"start_utc", "end_utc"}
    event = Event(EventKind.LECTURE, "x", 1, instant, "UTC", instant, "UTC")
    with pytest.raises(ValidationError):
        validate_event(event)


@pytest.mark.parametrize("year", [MIN_YEAR, 2027, MAX_YEAR])
def test_dates_inside_the_years_pass(year: int) -> None:
    day = date(year, 1, 1)
    validate_visit(Visit(1, 1, arrival_date=day, departure_date=day))


def test_lengths_are_counted_in_characters_and_named() -> None:
    validate_person(_person(passport_number="X" * PASSPORT_NUMBER, internal_notes="n" * NOTES))
    with pytest.raises(ValidationError) as info:
        validate_person(_person(passport_number="X" * 10_000))
    assert _fields(info) == {"passport_number"}
    assert "10000 characters" in str(info.value) and f"at most {PASSPORT_NUMBER}" in str(info.value)
    with pytest.raises(ValidationError) as info:
        validate_person(_person(internal_notes="日" * (NOTES + 1)))
    assert _fields(info) == {"internal_notes"}
    inst = Institution("R" * 201, InstitutionKind.OTHER, "JP", "Asia/Tokyo")
    with pytest.raises(ValidationError) as info:
        validate_institution(inst)
    assert _fields(info) == {"name"}


@pytest.mark.parametrize("bad", ["\x1b[31m", "\x00", "\x07", "\x7f", "\x9b", "\ud800"])
def test_control_characters_are_refused(bad: str) -> None:
    assert bad_character(f"Tan{bad}aka") == bad[0]
    with pytest.raises(ValidationError) as info:
        validate_person(_person(family_name=f"Tan{bad}aka"))
    assert _fields(info) == {"family_name"}
    assert "U+" in str(info.value)


def test_tabs_and_line_breaks_are_fine() -> None:
    assert bad_character("a\tb\nc\r\nd 田中") is None
    validate_visit(
        Visit(1, 1, date(2027, 1, 1), date(2027, 1, 2), visitor_notes="line 1\r\n\tline 2")
    )

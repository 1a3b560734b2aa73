"""Validation of domain records: every problem, tied to its field, in plain words."""

from __future__ import annotations

import re

from planner.domain.countries import is_country_code
from planner.domain.entities import Event, Institution, ItineraryItem, Person, Visit
from planner.domain.errors import FieldProblem, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.limits import record_problems
from planner.domain.timezones import is_valid_zone

# Deliberately permissive: one @, no spaces, a dot in the domain. Real validation of an
# address is sending mail to it; this catches typing mistakes.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def _required(problems: list[FieldProblem], field: str, value: str, message: str) -> None:
    if not value.strip():
        problems.append(FieldProblem(field, message))


def _zone(problems: list[FieldProblem], field: str, value: str) -> None:
    if not is_valid_zone(value):
        problems.append(
            FieldProblem(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "unknown time zone {zone} (use an IANA name like Asia/Tokyo)"
                ),
                {"zone": repr(value)},
            )
        )


def _country(problems: list[FieldProblem], field: str, value: str, optional: bool) -> None:
    if optional and not value:
        return
    if not is_country_code(value):
        problems.append(
            FieldProblem(
                field,
                QT_TRANSLATE_NOOP(
                    "Validation", "{code} is not an ISO 3166 country code (e.g. US, JP)"
                ),
                {"code": repr(value)},
            )
        )


def _raise(problems: list[FieldProblem]) -> None:
    if problems:
        raise ValidationError(problems)


def _bounded(problems: list[FieldProblem], record: object) -> None:
    """Add the bound problems (length, characters, years) of fields not already flagged."""
    flagged = {p.field for p in problems}
    problems.extend(p for p in record_problems(record) if p.field not in flagged)


def validate_bounds(record: object) -> None:
    """Raise :class:`ValidationError` when *record* breaks a bound of
    :mod:`planner.domain.limits` (for records without a validator of their own here)."""
    _raise(record_problems(record))


def is_valid_email(value: str) -> bool:
    """True if *value* looks like an e-mail address."""
    return bool(_EMAIL.match(value))


def validate_institution(inst: Institution) -> None:
    """Raise :class:`ValidationError` listing every problem of *inst*."""
    problems: list[FieldProblem] = []
    _required(problems, "name", inst.name, QT_TRANSLATE_NOOP("Validation", "Name is required"))
    _country(problems, "country", inst.country, optional=False)
    _zone(problems, "timezone", inst.timezone)
    _bounded(problems, inst)
    _raise(problems)


def validate_person(person: Person) -> None:
    """Raise :class:`ValidationError` listing every problem of *person*."""
    problems: list[FieldProblem] = []
    if not (person.family_name.strip() or person.family_name_native.strip()):
        # One rule for the editor, imports and packages: a family name in some script (a
        # kanji-only name is complete); the message says so on both family-name fields.
        needed = QT_TRANSLATE_NOOP(
            "Validation", "A family name is required, in Latin letters or in the native script"
        )
        problems.append(FieldProblem("family_name", needed))
        problems.append(FieldProblem("family_name_native", needed))
    if person.email and not is_valid_email(person.email):
        problems.append(
            FieldProblem(
                "email",
                QT_TRANSLATE_NOOP("Validation", "{email} is not a valid e-mail address"),
                {"email": repr(person.email)},
            )
        )
    _country(problems, "nationality", person.nationality, optional=True)
    if (
        person.date_of_birth
        and person.passport_expiry
        and person.passport_expiry <= person.date_of_birth
    ):
        problems.append(
            FieldProblem(
                "passport_expiry",
                QT_TRANSLATE_NOOP("Validation", "expiry is before the date of birth"),
            )
        )
    _bounded(problems, person)
    _raise(problems)


def validate_visit(visit: Visit) -> None:
    """Raise :class:`ValidationError` listing every problem of *visit*."""
    problems: list[FieldProblem] = []
    if visit.departure_date < visit.arrival_date:
        problems.append(
            FieldProblem(
                "departure_date",
                QT_TRANSLATE_NOOP(
                    "Validation", "departure {departure} is before arrival {arrival}"
                ),
                {
                    "departure": visit.departure_date.isoformat(),
                    "arrival": visit.arrival_date.isoformat(),
                },
            )
        )
    _bounded(problems, visit)
    _raise(problems)


def _instants(problems: list[FieldProblem], item: ItineraryItem | Event) -> None:
    _zone(problems, "start_zone", item.start_zone)
    _zone(problems, "end_zone", item.end_zone)
    naive = [name for name, t in (("start", item.start_utc), ("end", item.end_utc)) if not t.tzinfo]
    problems.extend(
        FieldProblem(name, QT_TRANSLATE_NOOP("Validation", "time has no zone")) for name in naive
    )
    if not naive and item.end_utc < item.start_utc:
        problems.append(
            FieldProblem("end", QT_TRANSLATE_NOOP("Validation", "ends before it starts"))
        )


def validate_itinerary_item(item: ItineraryItem) -> None:
    """Raise :class:`ValidationError` listing every problem of *item*."""
    problems: list[FieldProblem] = []
    _required(problems, "title", item.title, QT_TRANSLATE_NOOP("Validation", "Title is required"))
    _instants(problems, item)
    _bounded(problems, item)
    _raise(problems)


def validate_event(event: Event) -> None:
    """Raise :class:`ValidationError` listing every problem of *event*."""
    problems: list[FieldProblem] = []
    _required(problems, "title", event.title, QT_TRANSLATE_NOOP("Validation", "Title is required"))
    _instants(problems, event)
    _bounded(problems, event)
    _raise(problems)

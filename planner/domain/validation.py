"""Validation of domain records: every problem, tied to its field, in plain words."""

from __future__ import annotations

import dataclasses

from planner.domain.countries import is_country_code
from planner.domain.entities import Event, Institution, ItineraryItem, Person, Visit
from planner.domain.errors import FieldProblem, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.domain.limits import EMAIL, record_problems
from planner.domain.phones import normalize_phone
from planner.domain.series import Recurrence, validate_recurrence
from planner.domain.timezones import is_valid_zone, utc_to_local


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


def email_problem(value: str) -> str | None:
    """Why *value* is not an e-mail address (the library's English words), or None.

    Syntax only, by ``email-validator`` (RFC 5322/6531: internationalised addresses are
    valid): no DNS look-up is made, so checking works offline and reveals nothing.
    """
    if len(value) > EMAIL:
        return "too long"
    # Imported here: the library and its DNS toolkit cost start-up time no one else needs.
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


def is_valid_email(value: str) -> bool:
    """True if *value* is a well-formed e-mail address (see :func:`email_problem`)."""
    return email_problem(value) is None


def _phone(problems: list[FieldProblem], phone: str, region: str | None, stored_phone: str) -> None:
    """A phone must read as a dialable number, unless it is the unchanged stored value."""
    if not phone or phone == stored_phone:
        return
    result = normalize_phone(phone, region)
    if isinstance(result, Message):
        problems.append(FieldProblem("phone", result.template, result.params))


def validate_institution(inst: Institution) -> None:
    """Raise :class:`ValidationError` listing every problem of *inst*."""
    problems: list[FieldProblem] = []
    _required(problems, "name", inst.name, QT_TRANSLATE_NOOP("Validation", "Name is required"))
    _country(problems, "country", inst.country, optional=False)
    _zone(problems, "timezone", inst.timezone)
    _bounded(problems, inst)
    _raise(problems)


def validate_person(person: Person, region: str | None = None, *, stored_phone: str = "") -> None:
    """Raise :class:`ValidationError` listing every problem of *person*.

    *region* is the home institution's country, for a phone number written without a
    country code; a phone equal to *stored_phone* (what the record holds now) is not checked
    again, so a number stored before numbers were checked does not block other changes.
    """
    problems: list[FieldProblem] = []
    if not (person.family_name.strip() or person.family_name_native.strip()):
        # One rule for the editor, imports and packages: a family name in some script (a
        # kanji-only name is complete); the message says so on both family-name fields.
        needed = QT_TRANSLATE_NOOP(
            "Validation", "A family name is required, in Latin letters or in the native script"
        )
        problems.append(FieldProblem("family_name", needed))
        problems.append(FieldProblem("family_name_native", needed))
    reason = email_problem(person.email) if person.email else None
    if reason is not None:
        problems.append(
            FieldProblem(
                "email",
                QT_TRANSLATE_NOOP("Validation", "{email} is not a valid e-mail address: {reason}"),
                {"email": repr(person.email), "reason": reason},
            )
        )
    _phone(problems, person.phone, region, stored_phone)
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


def prepare_person(person: Person, region: str | None, *, stored_phone: str = "") -> Person:
    """*person* as it is stored: the phone in E.164 form (read with *region*, the home
    institution's country); :class:`ValidationError` listing every problem otherwise."""
    validate_person(person, region, stored_phone=stored_phone)
    if not person.phone or person.phone == stored_phone:
        return person
    phone = normalize_phone(person.phone, region)
    return dataclasses.replace(person, phone=phone) if phone != person.phone else person


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
    if event.meeting_link and not event.meeting_link.lower().startswith(("https://", "http://")):
        # Invitations make it a link; a javascript: or file: URL must never become one.
        problems.append(FieldProblem("meeting_link", QT_TRANSLATE_NOOP(
            "Validation", "the meeting link must start with https:// or http://")))  # fmt: skip
    if event.start_utc.tzinfo is not None and not problems:
        first_day = utc_to_local(event.start_utc, event.start_zone).date()
        recurrence = Recurrence(event.frequency, event.repeat_until, event.repeat_count)
        problems.extend(validate_recurrence(recurrence, first_day))
    _raise(problems)

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from planner.domain.countries import country_name, is_country_code
from planner.domain.entities import Event, Institution, ItineraryItem, Person, Visit
from planner.domain.enums import EventKind, InstitutionKind, ItineraryKind, PersonCategory
from planner.domain.errors import ValidationError
from planner.domain.validation import (
    is_valid_email,
    validate_event,
    validate_institution,
    validate_itinerary_item,
    validate_person,
    validate_visit,
)


def _fields(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {p.field for p in exc.value.problems}


def test_departure_before_arrival_names_both_dates() -> None:
    visit = Visit(1, 1, arrival_date=date(2027, 3, 10), departure_date=date(2027, 3, 9))
    with pytest.raises(ValidationError) as info:
        validate_visit(visit)
    assert _fields(info) == {"departure_date"}
    assert "2027-03-09" in str(info.value) and "2027-03-10" in str(info.value)


def test_same_day_visit_is_valid() -> None:
    validate_visit(Visit(1, 1, arrival_date=date(2027, 3, 10), departure_date=date(2027, 3, 10)))


def test_institution_lists_every_problem_at_once() -> None:
    bad = Institution(name=" ", kind=InstitutionKind.OTHER, country="XX", timezone="Asia/Tokio")
    with pytest.raises(ValidationError) as info:
        validate_institution(bad)
    assert _fields(info) == {"name", "country", "timezone"}
    assert "Asia/Tokio" in str(info.value)


def test_country_codes_come_from_iso_3166() -> None:
    assert is_country_code("JP") and is_country_code("US")
    assert not is_country_code("jp") and not is_country_code("XX") and not is_country_code("USA")
    assert country_name("JP") == "Japan"


@pytest.mark.parametrize("email", ["a@b.co", "h.tanaka@example.jp", "x+tag@sub.example.org"])
def test_good_emails(email: str) -> None:
    assert is_valid_email(email)


@pytest.mark.parametrize("email", ["plain", "a@b", "a b@c.org", "a@@b.org", "@b.org", "a@b."])
def test_malformed_emails(email: str) -> None:
    assert not is_valid_email(email)


def test_person_with_malformed_email_and_bad_nationality() -> None:
    person = Person(
        "Tanaka",
        "Hiroshi",
        PersonCategory.RESEARCHER,
        1,
        email="tanaka-at-riken",
        nationality="JPN",
    )
    with pytest.raises(ValidationError) as info:
        validate_person(person)
    assert _fields(info) == {"email", "nationality"}


def test_person_may_have_only_a_native_name() -> None:
    validate_person(
        Person(
            "", "", PersonCategory.STUDENT, 1, family_name_native="佐藤", given_name_native="花子"
        )
    )


def _item(start: datetime, end: datetime, **kw: str) -> ItineraryItem:
    return ItineraryItem(
        visit_id=1,
        kind=ItineraryKind.MEETING,
        title=kw.get("title", "Meeting"),
        start_utc=start,
        start_zone=kw.get("start_zone", "America/Chicago"),
        end_utc=end,
        end_zone=kw.get("end_zone", "America/Chicago"),
    )


def test_item_ending_before_it_starts() -> None:
    with pytest.raises(ValidationError) as info:
        validate_itinerary_item(
            _item(datetime(2027, 3, 1, 15, tzinfo=UTC), datetime(2027, 3, 1, 14, tzinfo=UTC))
        )
    assert _fields(info) == {"end"}


def test_item_with_unknown_zone_and_no_title() -> None:
    with pytest.raises(ValidationError) as info:
        validate_itinerary_item(
            _item(
                datetime(2027, 3, 1, 14, tzinfo=UTC),
                datetime(2027, 3, 1, 15, tzinfo=UTC),
                title="",
                end_zone="Tokyo",
            )
        )
    assert _fields(info) == {"title", "end_zone"}


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        validate_itinerary_item(_item(datetime(2027, 3, 1, 14), datetime(2027, 3, 1, 15)))
    assert _fields(info) == {"start", "end"}


def test_event_checks_its_times() -> None:
    event = Event(
        EventKind.SEMINAR,
        "Joint seminar",
        1,
        datetime(2027, 3, 1, 15, tzinfo=UTC),
        "Asia/Tokyo",
        datetime(2027, 3, 1, 14, tzinfo=UTC),
        "Asia/Tokyo",
    )
    with pytest.raises(ValidationError, match="ends before it starts"):
        validate_event(event)


@pytest.mark.parametrize(
    ("family", "family_native"), [("", ""), ("   ", ""), ("", "\u3000 "), ("", "\t")]
)
def test_person_needs_a_family_name_in_some_script(family: str, family_native: str) -> None:
    """Given names alone (or blanks) are not a name: both family fields say what is needed."""
    person = Person(
        family,
        "Hiroshi",
        PersonCategory.RESEARCHER,
        1,
        family_name_native=family_native,
        given_name_native="博",
    )
    with pytest.raises(ValidationError) as info:
        validate_person(person)
    assert _fields(info) == {"family_name", "family_name_native"}
    assert "Latin letters or in the native script" in info.value.problems[0].message


def test_kanji_family_name_alone_is_enough() -> None:
    validate_person(Person("", "", PersonCategory.STUDENT, 1, family_name_native="佐藤"))

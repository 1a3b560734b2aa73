"""E-mail addresses (syntax only, no network) and telephone numbers (E.164)."""

from __future__ import annotations

import socket

import pytest

from planner.domain.entities import Person
from planner.domain.enums import PersonCategory
from planner.domain.errors import ValidationError
from planner.domain.phones import format_phone, is_normal_phone, normalize_phone
from planner.domain.validation import (
    email_problem,
    is_valid_email,
    prepare_person,
    validate_person,
)


def _person(**fields: str) -> Person:
    return Person(
        family_name="Miller", given_name="Dana", category=PersonCategory.STAFF,
        home_institution_id=1, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.mark.parametrize(
    "email",
    [
        "john..doe@x", "john..doe@example.com", "john@example..com", "john@-example.com",
        ".john@x", ".john@example.com", "john.@example.com", "john@example.com-",
        "a@b", "plain", "a b@c.org", "a@@b.org", "@b.org", "a@b.", "john@localhost",
        "john@exa mple.com", "a@" + "b" * 250 + ".com",
    ],
)  # fmt: skip
def test_malformed_emails_are_refused_with_a_reason(email: str) -> None:
    assert not is_valid_email(email)
    with pytest.raises(ValidationError) as info:
        validate_person(_person(email=email))
    (problem,) = info.value.problems
    assert problem.field == "email" and "is not a valid e-mail address: " in str(info.value)


@pytest.mark.parametrize(
    "email",
    [
        "a@b.co", "h.tanaka@example.jp", "x+tag@sub.example.org", "J.Smith@Example.ORG",
        "田中@例え.jp", "tanaka@東京大学.jp", "o'brien@example.ie", "dmiller@anl.gov",
    ],
)  # fmt: skip
def test_good_and_internationalised_emails(email: str) -> None:
    assert email_problem(email) is None
    validate_person(_person(email=email))


def test_email_check_makes_no_network_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a DNS look-up was attempted")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert is_valid_email("someone@a-domain-that-does-not-exist-4711.example.org")


@pytest.mark.parametrize(
    ("text", "region", "stored"),
    [
        ("630-252-2000", "US", "+16302522000"),  # Argonne's switchboard, written nationally
        ("(630) 252-2000", "US", "+16302522000"),
        ("+1 630 252 2000", "JP", "+16302522000"),  # a country code wins over the region
        ("010-1-630-252-2000", "JP", "+16302522000"),  # dialled from Japan
        ("048-462-1111", "JP", "+81484621111"),  # RIKEN Wako
        ("０４８－４６２－１１１１", "JP", "+81484621111"),  # full-width
        ("090-1234-5678", "JP", "+819012345678"),  # a mobile
        ("+81 48 462 1111", None, "+81484621111"),
        ("630-252-2000 ext. 5", "US", "+16302522000;ext=5"),
        ("+16302522000;ext=5", None, "+16302522000;ext=5"),
    ],
)  # fmt: skip
def test_numbers_are_stored_in_e164(text: str, region: str | None, stored: str) -> None:
    assert normalize_phone(text, region) == stored
    assert normalize_phone(stored, None) == stored and is_normal_phone(stored)


@pytest.mark.parametrize(
    ("text", "region", "reason"),
    [
        ("630-252-2000", None, "has no country code"),
        ("252-2000", "US", "is a local number: add the area code"),
        ("123", "US", "is too short"),
        ("+1 630 252 200", None, "is too short"),
        ("+1 630 252 20001", None, "is too long"),
        ("(123) 456-7890", "US", "is not a valid number in United States (US)"),
        ("03-1234-567", "JP", "is not a valid number in Japan (JP)"),
        ("+999 1234 5678", None, "the country calling code after + does not exist"),
        ("＋９９９ 1234", None, "does not exist"),
        ("call the front desk", "US", "is not a telephone number"),
        ("+81 mine", None, "is not a telephone number"),
        ("1" * 200, "US", "is too long"),
    ],
)  # fmt: skip
def test_invalid_numbers_are_refused_with_the_reason(
    text: str, region: str | None, reason: str
) -> None:
    result = normalize_phone(text, region)
    assert reason in result and not result.startswith("+"), result
    with pytest.raises(ValidationError) as info:
        prepare_person(_person(phone=text), region)
    assert [p.field for p in info.value.problems] == ["phone"] and reason in str(info.value)


def test_prepare_person_stores_e164_for_the_home_country() -> None:
    prepared = prepare_person(_person(phone="630-252-2000"), "US")
    assert prepared.phone == "+16302522000"
    assert prepare_person(_person(phone=""), "US").phone == ""


def test_an_unchanged_stored_number_is_kept_even_if_it_does_not_parse() -> None:
    legacy = _person(phone="ask reception")
    assert prepare_person(legacy, "US", stored_phone="ask reception").phone == "ask reception"
    with pytest.raises(ValidationError):
        prepare_person(legacy, "US")  # a new value must be a number


@pytest.mark.parametrize(
    ("stored", "viewer", "shown"),
    [
        ("+16302522000", "US", "(630) 252-2000"),
        ("+16302522000", "JP", "+1 630-252-2000"),
        ("+16302522000", None, "+1 630-252-2000"),
        ("+81484621111", "JP", "048-462-1111"),
        ("+81484621111", "US", "+81 48-462-1111"),
        ("+16302522000;ext=5", "US", "(630) 252-2000 ext. 5"),
        ("ask reception", "US", "ask reception"),  # stored before numbers were checked
        ("+81 mine", "JP", "+81 mine"),
        ("", "JP", ""),
    ],
)  # fmt: skip
def test_numbers_are_shown_as_fits_the_viewer(stored: str, viewer: str | None, shown: str) -> None:
    assert format_phone(stored, viewer) == shown

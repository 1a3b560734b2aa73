"""Saving a person: the phone read in the home institution's country and stored in E.164;
numbers stored before they were checked neither break reading nor block other changes."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import update

from planner.db.models import PersonRow
from planner.domain.errors import ValidationError
from planner.services.container import Services
from tests.fixtures.sample import Sample


def test_a_national_number_is_stored_internationally(services: Services, sample: Sample) -> None:
    # Miller works at Argonne (US): 630-252-2000 is Argonne's switchboard.
    saved = services.people.update(dataclasses.replace(sample.miller, phone="630-252-2000"))
    assert saved.phone == "+16302522000" == services.people.get(saved.id or 0).phone
    # The same digits for Tanaka at RIKEN (Japan) are no Japanese number.
    with pytest.raises(ValidationError) as info:
        services.people.update(dataclasses.replace(sample.tanaka, phone="630-252-2000"))
    assert [p.field for p in info.value.problems] == ["phone"]
    assert "is not a valid number in Japan (JP)" in str(info.value)
    saved = services.people.update(dataclasses.replace(sample.tanaka, phone="048-462-1111"))
    assert saved.phone == "+81484621111"


def test_a_new_person_gets_the_home_country_too(services: Services, sample: Sample) -> None:
    new = dataclasses.replace(sample.miller, id=None, email="new@example.org", version=1,
                              family_name="New", phone="(630) 252-2000 x 12")  # fmt: skip
    assert services.people.create(new).phone == "+16302522000;ext=12"


def test_invalid_e_mail_addresses_are_refused(services: Services, sample: Sample) -> None:
    for email in ("john..doe@x", "john@example..com", "john@-example.com", ".john@x"):
        with pytest.raises(ValidationError, match="is not a valid e-mail address"):
            services.people.update(dataclasses.replace(sample.miller, email=email))
    assert services.people.get(sample.miller.id or 0).email == sample.miller.email


def test_an_old_unparsable_number_is_listed_kept_and_replaced_only_by_a_valid_one(
    services: Services, sample: Sample
) -> None:
    person_id = sample.miller.id or 0
    with services.db.write() as session:  # as a version before numbers were checked left it
        session.execute(
            update(PersonRow).where(PersonRow.id == person_id).values(phone="ask reception")
        )
    stored = services.people.get(person_id)
    assert stored.phone == "ask reception"
    assert any(s.id == person_id for s in services.people.summaries())
    # Other changes still save, the old value kept as it is.
    saved = services.people.update(dataclasses.replace(stored, preferred_name="Dee"))
    assert (saved.preferred_name, saved.phone) == ("Dee", "ask reception")
    # A new value must be a number.
    with pytest.raises(ValidationError, match="is not a telephone number"):
        services.people.update(dataclasses.replace(saved, phone="ask the front desk"))
    assert services.people.update(dataclasses.replace(saved, phone="630 252 2000")).phone == (
        "+16302522000"
    )

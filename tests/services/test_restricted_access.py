"""A login whose role may not read passports and dates of birth uses every service without
them (the columns stay unloaded: reading one fails at once, on SQLite as on the server).

On the team server PostgreSQL refuses those columns to assistants and viewers
(tests/test_server_roles.py); here the same restriction is applied to any database with
:meth:`Database.restrict`, so the application's side is checked in every run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

import pytest

from planner.db.server import Access, SensitiveFieldsWithheldError
from planner.domain.entities import Person
from planner.domain.enums import PersonCategory
from planner.services.container import Services
from tests.fixtures.sample import Sample

ASSISTANT = Access(role="assistant", read_sensitive=False, write=True)


@pytest.fixture
def assistant(services: Services, sample: Sample) -> Iterator[Services]:
    """The sample's services, restricted as an assistant's login."""
    restricted = Services.open(services.db.target)
    restricted.db.restrict(ASSISTANT)
    yield restricted
    restricted.close()


def test_people_are_read_and_saved_without_sensitive_fields(
    assistant: Services, services: Services, sample: Sample
) -> None:
    assert sample.tanaka.id is not None
    person = assistant.people.get(sample.tanaka.id)
    hidden = (person.passport_number, person.date_of_birth, person.passport_expiry)
    assert hidden == ("", None, None)
    assert all(p.passport_number == "" for p in assistant.people.list())
    changed = assistant.people.update(dataclasses.replace(person, preferred_name="Hiro"))
    assert changed.preferred_name == "Hiro"
    stored = services.people.get(sample.tanaka.id)
    assert stored.passport_number == "TK0000001" and stored.date_of_birth == date(1980, 5, 17)
    created = assistant.people.create(
        Person(
            family_name="Ono",
            given_name="Yu",
            category=PersonCategory.STAFF,
            home_institution_id=sample.argonne.id or 0,
        )
    )
    assert created.id is not None and created.passport_number == ""
    assistant.people.delete(created.id)


def test_visits_paperwork_dashboard_and_search_work_without_them(
    assistant: Services, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    visit = assistant.visits.get(sample.visit_in.id)
    assistant.visits.update(dataclasses.replace(visit, internal_notes="assistant"))
    assert assistant.paperwork.for_visit(visit.id or 0)
    warnings = assistant.paperwork.warnings(visit.id or 0)
    # No passport warning: the login can neither see nor fix one ("none recorded" is untrue).
    assert not [w for w in warnings if w.kind.startswith("passport")]
    assert assistant.dashboard.snapshot() is not None
    assert assistant.search.search("Tanaka").count >= 1
    assert assistant.visits.count() == 2 and assistant.visits.summaries()
    assert assistant.reports.visit_rows()


def test_sensitive_exports_and_reveals_are_refused_in_words(
    assistant: Services, sample: Sample
) -> None:
    assert sample.visit_in.id is not None and sample.tanaka.id is not None
    with pytest.raises(SensitiveFieldsWithheldError, match="role does not include passports"):
        assistant.reports.visit_rows(include_sensitive=True)
    with pytest.raises(SensitiveFieldsWithheldError):
        assistant.exchange.build(sample.visit_in.id, include_sensitive=True)
    with pytest.raises(SensitiveFieldsWithheldError):
        assistant.people.record_reveal(sample.tanaka.id)
    # Without them, the package builds.
    package = assistant.exchange.build(sample.visit_in.id)
    assert package.visitor.passport_number in (None, "")

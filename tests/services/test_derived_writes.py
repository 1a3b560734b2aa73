"""Checklists derived from people, institutions and agreements are written in the same
transaction as the change they follow: a failed regeneration leaves nothing committed."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import date

import pytest
from sqlalchemy import func, select

from planner.db.models import AuditRow
from planner.domain.entities import Visit
from planner.domain.enums import AgreementKind, AuditAction, InstitutionKind, Purpose, RecordKind
from planner.domain.paperwork import Agreement, PaperworkItem
from planner.services.agreements import AgreementService
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.directory import InstitutionService, PersonService
from planner.services.visits import VisitService
from tests.fixtures.sample import Sample


class RegenerationError(RuntimeError):
    """The failure injected into checklist regeneration."""


@pytest.fixture
def changes(services: Services) -> list[Change]:
    """Every change announced from now on."""
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    return seen


def _break_regeneration(services: Services, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make every checklist regeneration fail; returns the visit ids it was asked for."""
    asked: list[int] = []

    def broken(session: object, visit_id: int) -> list[int]:
        asked.append(visit_id)
        raise RegenerationError("the rules could not be applied")

    monkeypatch.setattr(services.paperwork, "regenerate_in_session", broken)
    return asked


def _audit_entries(services: Services) -> int:
    with services.db.read() as session:
        return int(session.scalar(select(func.count(AuditRow.id))) or 0)


def _checklist(services: Services, visit_id: int | None) -> list[PaperworkItem]:
    assert visit_id is not None
    return services.paperwork.for_visit(visit_id)


def test_a_person_update_whose_regeneration_fails_commits_nothing(
    services: Services, sample: Sample, changes: list[Change], monkeypatch: pytest.MonkeyPatch
) -> None:
    checklist = _checklist(services, sample.visit_in.id)
    entries = _audit_entries(services)
    asked = _break_regeneration(services, monkeypatch)

    with pytest.raises(RegenerationError):
        services.people.update(dataclasses.replace(sample.tanaka, nationality="IN"))

    assert asked == [sample.visit_in.id]
    assert sample.tanaka.id is not None
    assert services.people.get(sample.tanaka.id).nationality == "JP"
    assert _audit_entries(services) == entries
    assert _checklist(services, sample.visit_in.id) == checklist
    assert changes == []


def test_an_institution_update_whose_regeneration_fails_commits_nothing(
    services: Services, sample: Sample, changes: list[Change], monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = _audit_entries(services)
    asked = _break_regeneration(services, monkeypatch)

    with pytest.raises(RegenerationError):
        services.institutions.update(
            dataclasses.replace(sample.argonne, kind=InstitutionKind.UNIVERSITY)
        )

    assert asked  # it hosts Tanaka's visit and is Miller's home
    assert sample.argonne.id is not None
    assert services.institutions.get(sample.argonne.id) == sample.argonne
    assert _audit_entries(services) == entries
    assert changes == []


def test_an_agreement_delete_whose_regeneration_fails_commits_nothing(
    services: Services, sample: Sample, changes: list[Change], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sample.tanaka.id is not None and sample.argonne.id is not None
    visit = services.visits.create(
        Visit(sample.tanaka.id, sample.argonne.id, date(2031, 6, 1), date(2031, 6, 10),
              purpose=Purpose.DATA_EXCHANGE)
    )  # fmt: skip
    agreement = services.agreements.create(
        Agreement(AgreementKind.DATA_SHARING, "Evaluation data",
                  partner_institution_id=sample.riken.id, signed_date=date(2030, 1, 1))
    )  # fmt: skip
    assert agreement.id is not None
    checklist = _checklist(services, visit.id)
    assert not any(i.code == "data_agreement" and i.applies for i in checklist)
    entries = _audit_entries(services)
    changes.clear()
    asked = _break_regeneration(services, monkeypatch)

    with pytest.raises(RegenerationError):
        services.agreements.delete(agreement.id)

    assert asked == [visit.id]
    assert services.agreements.get(agreement.id) == agreement
    assert _audit_entries(services) == entries
    assert _checklist(services, visit.id) == checklist
    assert changes == []


def test_a_changed_nationality_regenerates_in_the_same_save_without_listeners(
    services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Deliver nothing: the bus only informs, it takes no part in keeping data consistent.
    published: list[Change] = []
    monkeypatch.setattr(services.bus, "publish", published.append)
    visit_id = sample.visit_in.id

    services.people.update(dataclasses.replace(sample.tanaka, nationality="IN"))

    items = {i.code: i for i in _checklist(services, visit_id)}
    assert items["b1_visa"].applies and not items["esta"].applies
    person, regenerated = published
    assert (person.kind, person.ids, person.action) == (
        RecordKind.PERSON, (sample.tanaka.id,), AuditAction.UPDATE,
    )  # fmt: skip
    assert regenerated.kind is RecordKind.PAPERWORK_ITEM
    assert {items["b1_visa"].id, items["esta"].id} <= set(regenerated.ids)


def test_edits_the_rules_do_not_read_leave_checklists_alone(
    services: Services, sample: Sample, changes: list[Change], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _break_regeneration(services, monkeypatch)
    services.people.update(dataclasses.replace(sample.tanaka, email="tanaka@example.jp"))
    services.institutions.update(dataclasses.replace(sample.argonne, city="Argonne"))
    assert asked == []
    assert [c.kind for c in changes] == [RecordKind.PERSON, RecordKind.INSTITUTION]


@pytest.mark.parametrize(
    "service", [VisitService, PersonService, InstitutionService, AgreementService]
)
def test_services_that_keep_checklists_cannot_be_built_without_paperwork(
    service: type[object],
) -> None:
    parameter = inspect.signature(service).parameters["paperwork"]
    assert parameter.default is inspect.Parameter.empty

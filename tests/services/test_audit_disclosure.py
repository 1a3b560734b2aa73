"""Who is named in the history, and the audit of every reveal or export of sensitive fields.

The actor is the operating-system account of the process, whatever the environment says;
reveals and exports with sensitive fields leave one entry per person naming the fields and
never their values; exports without them leave none.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pwd
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from planner.db.errors import StorageError
from planner.db.models import AuditRow
from planner.domain.entities import Person
from planner.domain.enums import AuditAction
from planner.domain.errors import NotFoundError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services import audit
from planner.services.container import Services
from tests.fixtures.sample import Sample

FIELDS = ["date_of_birth", "passport_expiry", "passport_number"]
#: Tanaka's sensitive values in the sample, in every form they could be written.
VALUES = ("TK0000001", "1980-05-17", "1980/05/17", "17 May 1980")
DISCLOSURES = (AuditAction.REVEAL, AuditAction.EXPORT)


def real_account() -> str:
    """The name of the account running the tests, from the password database."""
    return pwd.getpwuid(os.geteuid()).pw_name


@pytest.fixture(autouse=True)
def _lying_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every variable a name could be taken from says "mallory" (getpass reads them first)."""
    for name in ("USER", "LOGNAME", "USERNAME", "LNAME"):
        monkeypatch.setenv(name, "mallory")
    audit._posix_account.cache_clear()
    yield
    audit._posix_account.cache_clear()


def rows(services: Services, *actions: AuditAction) -> list[AuditRow]:
    """Audit rows with *actions*, oldest first (detached copies)."""
    with services.db.read() as session:
        found = list(
            session.scalars(
                select(AuditRow).where(AuditRow.action.in_(actions)).order_by(AuditRow.id)
            )
        )
        session.expunge_all()
        return found


def assert_no_values(entries: list[AuditRow]) -> None:
    """No sensitive value anywhere in the entries' text."""
    for row in entries:
        text = f"{row.actor} {row.entity} {row.changes} {row.reason}"
        for value in VALUES:
            assert value not in text


def test_actor_is_the_process_account_not_the_environment(
    services: Services, sample: Sample
) -> None:
    assert audit.current_actor() == real_account() != "mallory"
    services.people.update(dataclasses.replace(sample.miller, phone="+1 630 252 0000"))
    [entry] = [r for r in rows(services, AuditAction.UPDATE) if r.entity == "person"]
    assert (entry.actor, entry.entity_id) == (real_account(), sample.miller.id)


def test_an_account_without_a_name_is_recorded_by_uid(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    assert audit.current_actor() == f"uid {os.geteuid()}"


def test_reveal_is_recorded_with_who_whose_and_which_fields(
    services: Services, sample: Sample
) -> None:
    tanaka = sample.tanaka.id
    assert tanaka is not None
    services.people.record_reveal(tanaka, Person.SENSITIVE_FIELDS)
    services.people.record_reveal(tanaka, ["passport_number"])  # every reveal, not the first
    first, second = rows(services, *DISCLOSURES)
    assert (first.actor, first.entity, first.entity_id) == (real_account(), "person", tanaka)
    assert first.action == AuditAction.REVEAL
    assert json.loads(first.changes) == {"fields": FIELDS}
    assert json.loads(second.changes) == {"fields": ["passport_number"]}
    assert first.at_utc.tzinfo is not None
    assert_no_values([first, second])


def test_reveal_of_an_unknown_person_fails_and_records_nothing(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.people.record_reveal(999_999)
    assert rows(services, *DISCLOSURES) == []


@pytest.mark.parametrize("fields", [["email"], [], ["passport_number", "internal_notes"]])
def test_only_sensitive_field_names_can_be_recorded(
    services: Services, sample: Sample, fields: list[str]
) -> None:
    assert sample.tanaka.id is not None
    with pytest.raises(ValueError):
        services.people.record_reveal(sample.tanaka.id, fields)
    assert rows(services, *DISCLOSURES) == []


def test_package_with_sensitive_fields_names_visitor_host_and_visit(
    services: Services, sample: Sample
) -> None:
    visit = services.visits.get(sample.visit_in.id or 0)
    services.visits.update(dataclasses.replace(visit, host_person_id=sample.miller.id))
    package = services.exchange.build(visit.id or 0, include_sensitive=True)
    assert package.visitor.passport_number == "TK0000001"  # the export did get the values
    entries = rows(services, *DISCLOSURES)
    people = [(r.entity, r.entity_id) for r in entries if r.entity == "person"]
    assert people == [("person", sample.tanaka.id), ("person", sample.miller.id)]
    [on_visit] = [r for r in entries if r.entity == "visit"]
    assert on_visit.entity_id == visit.id
    for row in entries:
        assert (row.action, row.actor) == (AuditAction.EXPORT, real_account())
        changes = json.loads(row.changes)
        assert changes["fields"] == FIELDS
        assert (changes["export"], changes["visit"]) == ("package", visit.code)
    assert json.loads(on_visit.changes)["people"] == [sample.tanaka.id, sample.miller.id]
    assert_no_values(entries)


def test_package_without_sensitive_fields_records_no_disclosure(
    services: Services, sample: Sample
) -> None:
    services.exchange.build(sample.visit_in.id or 0)
    assert rows(services, *DISCLOSURES) == []


def test_visits_table_with_sensitive_fields_names_each_visitor_once(
    services: Services, sample: Sample
) -> None:
    # A second visit of Tanaka: still one entry for him.
    services.visits.create(dataclasses.replace(sample.visit_in, id=None, code="", version=0))
    table = services.reports.visit_rows(include_sensitive=True)
    assert len(table) == 3
    entries = rows(services, *DISCLOSURES)
    assert sorted(r.entity_id for r in entries) == sorted([sample.tanaka.id, sample.miller.id])
    for row in entries:
        assert (row.entity, row.action, row.actor) == ("person", "export", real_account())
        assert json.loads(row.changes) == {"export": "visits_table", "fields": FIELDS}
    assert_no_values(entries)
    services.reports.visit_rows()
    assert len(rows(services, *DISCLOSURES)) == 2  # the plain table added none


def test_no_audit_entry_no_sensitive_export(
    services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fails closed: when the entry cannot be written, the values are not handed out."""

    def full_disk(*args: object, **kwargs: object) -> None:
        raise StorageError(QT_TRANSLATE_NOOP("Validation", "disk full"))

    monkeypatch.setattr(audit, "record_disclosure", full_disk)
    with pytest.raises(StorageError):
        services.exchange.build(sample.visit_in.id or 0, include_sensitive=True)
    with pytest.raises(StorageError):
        services.reports.visit_rows(include_sensitive=True)
    services.reports.visit_rows()  # without sensitive fields nothing needs recording

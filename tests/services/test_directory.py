"""Institutions, people, programmes and projects; sensitive values stay out of the audit."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from sqlalchemy import select

from planner.db.models import AuditRow
from planner.domain.entities import Institution, Program, Project
from planner.domain.enums import InstitutionKind
from planner.domain.errors import InUseError, ValidationError
from planner.services.audit import HIDDEN
from planner.services.container import Services
from tests.fixtures.sample import make_sample


def _audit(services: Services, entity: str) -> list[str]:
    """The JSON ``changes`` of every audit entry about *entity*, oldest first."""
    with services.db.read() as session:
        return list(
            session.scalars(
                select(AuditRow.changes).where(AuditRow.entity == entity).order_by(AuditRow.id)
            )
        )


def test_institution_name_must_be_unique(services: Services) -> None:
    make_sample(services)
    with pytest.raises(ValidationError, match="already has this name"):
        services.institutions.create(
            Institution("Argonne National Laboratory", InstitutionKind.OTHER, "US", "UTC")
        )


def test_institution_in_use_cannot_be_deleted(services: Services) -> None:
    s = make_sample(services)
    assert s.riken.id is not None
    with pytest.raises(InUseError, match="cannot be deleted"):
        services.institutions.delete(s.riken.id)
    assert services.institutions.get(s.riken.id) == s.riken


def test_find_institution_by_short_or_full_name(services: Services) -> None:
    s = make_sample(services)
    assert services.institutions.find_by_name("riken wako") == s.riken
    assert services.institutions.find_by_name("Argonne National Laboratory") == s.argonne
    assert services.institutions.find_by_name("CERN") is None


def test_sensitive_fields_never_reach_the_audit_log(services: Services) -> None:
    s = make_sample(services)
    services.people.update(dataclasses.replace(s.tanaka, passport_number="TK9999999"))
    raw = " ".join(_audit(services, "person"))
    assert "TK0000001" not in raw and "TK9999999" not in raw and "1980-05-17" not in raw
    last = json.loads(_audit(services, "person")[-1])
    assert last == {"passport_number": [HIDDEN, HIDDEN]}


def test_people_summaries_are_sorted_and_have_no_sensitive_fields(services: Services) -> None:
    make_sample(services)
    rows = services.people.summaries()
    assert [r.latin_name for r in rows] == ["Dana Miller", "Hiroshi Tanaka"]
    assert rows[1].native_name == "田中 博"
    assert not hasattr(rows[1], "passport_number")


def test_person_needs_an_existing_home_institution(services: Services) -> None:
    s = make_sample(services)
    with pytest.raises(ValidationError, match="no institution with id 42"):
        services.people.create(dataclasses.replace(s.miller, id=None, home_institution_id=42))


def test_programs_and_projects(services: Services) -> None:
    program = services.programs.create(Program("Argonne–RIKEN Memorandum of Cooperation"))
    project = services.projects.create(Project("AuroraGPT", program_id=program.id))
    assert services.projects.list() == [project]
    with pytest.raises(ValidationError, match="no programme with id 77"):
        services.projects.create(Project("TPC", program_id=77))
    with pytest.raises(ValidationError, match="ends before it starts"):
        services.programs.create(
            Program("Bad", start_date=date(2027, 1, 2), end_date=date(2027, 1, 1))
        )


def test_update_without_changes_writes_nothing(services: Services) -> None:
    s = make_sample(services)
    before = len(_audit(services, "institution"))
    assert services.institutions.update(s.argonne) == s.argonne
    assert len(_audit(services, "institution")) == before

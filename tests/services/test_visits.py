"""Visit use cases: codes, optimistic locking, status machine, audit entries, notifications."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from planner.domain.entities import Visit
from planner.domain.enums import AuditAction, VisitStatus
from planner.domain.errors import ConflictError, NotFoundError, TransitionError, ValidationError
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.visits import VisitFilter
from tests.fixtures.paperwork import approve_blocking
from tests.fixtures.sample import make_sample


def test_codes_are_per_arrival_year_and_sequential(services: Services) -> None:
    s = make_sample(services)
    assert s.visit_in.code == "V-2027-0001"
    assert s.visit_out.code == "V-2027-0002"
    assert s.tanaka.id is not None and s.argonne.id is not None
    nxt = services.visits.create(
        Visit(s.tanaka.id, s.argonne.id, date(2028, 1, 5), date(2028, 1, 9))
    )
    assert nxt.code == "V-2028-0001"


def test_create_writes_an_audit_entry_and_announces_it(services: Services) -> None:
    s = make_sample(services)
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    assert s.tanaka.id is not None and s.riken.id is not None
    visit = services.visits.create(
        Visit(s.tanaka.id, s.riken.id, date(2027, 6, 1), date(2027, 6, 3), internal_notes="x")
    )
    assert visit.id is not None
    (entry,) = services.visits.history(visit.id)
    assert entry.action is AuditAction.CREATE
    assert entry.entity == "visit" and entry.actor
    assert entry.changes["code"] == visit.code
    assert seen == [Change("visit", (visit.id,), AuditAction.CREATE)]


def test_update_records_only_changed_fields_and_bumps_version(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    updated = services.visits.update(
        dataclasses.replace(visit, departure_date=date(2027, 3, 21), visitor_notes="Bring badge")
    )
    assert updated.version == visit.version + 1
    last = services.visits.history(visit.id)[-1]
    assert last.action is AuditAction.UPDATE
    assert last.changes == {
        "departure_date": ["2027-03-19", "2027-03-21"],
        "visitor_notes": ["", "Bring badge"],
    }


def test_stale_update_is_refused_and_changes_nothing(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    services.visits.update(dataclasses.replace(visit, visitor_notes="first"))
    with pytest.raises(ConflictError) as info:
        services.visits.update(dataclasses.replace(visit, visitor_notes="second"))
    assert info.value.current_version == visit.version + 1
    assert services.visits.get(visit.id).visitor_notes == "first"


def test_invalid_dates_are_refused_before_writing(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    with pytest.raises(ValidationError, match="before arrival"):
        services.visits.update(dataclasses.replace(visit, departure_date=date(2027, 3, 1)))
    assert services.visits.get(visit.id) == visit
    assert len(services.visits.history(visit.id)) == 1


def test_unknown_visitor_is_a_validation_error(services: Services) -> None:
    s = make_sample(services)
    assert s.argonne.id is not None
    with pytest.raises(ValidationError, match="no person with id 999"):
        services.visits.create(Visit(999, s.argonne.id, date(2027, 1, 1), date(2027, 1, 2)))


def test_status_moves_along_the_life_cycle_with_reason_in_the_audit(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    services.visits.set_status(visit.id, VisitStatus.PROPOSED, reason="Host agreed by e-mail")
    with pytest.raises(TransitionError):
        services.visits.set_status(visit.id, VisitStatus.COMPLETED)
    assert services.visits.get(visit.id).status is VisitStatus.PROPOSED
    last = services.visits.history(visit.id)[-1]
    assert last.action is AuditAction.STATUS
    assert last.changes == {"status": ["draft", "proposed"]}
    assert last.reason == "Host agreed by e-mail"


def test_status_cannot_jump_through_a_plain_update(services: Services) -> None:
    visit = make_sample(services).visit_in
    with pytest.raises(TransitionError):
        services.visits.update(dataclasses.replace(visit, status=VisitStatus.IN_PROGRESS))


def test_code_never_changes_on_update(services: Services) -> None:
    visit = make_sample(services).visit_in
    updated = services.visits.update(
        dataclasses.replace(visit, code="V-1999-0001", arrival_date=date(2028, 3, 8),
                            departure_date=date(2028, 3, 9))
    )  # fmt: skip
    assert updated.code == visit.code


def test_summaries_carry_both_scripts_and_filter(services: Services) -> None:
    s = make_sample(services)
    rows = services.visits.summaries()
    assert [r.code for r in rows] == ["V-2027-0001", "V-2027-0002"]
    first = rows[0]
    assert first.visitor_name == "Hiroshi Tanaka"
    assert first.visitor_name_native == "田中 博"
    assert first.direction == "RIKEN Wako → Argonne"
    only_riken = services.visits.summaries(VisitFilter(host_institution_id=s.riken.id))
    assert [r.code for r in only_riken] == ["V-2027-0002"]
    in_march = services.visits.summaries(
        VisitFilter(overlapping_from=date(2027, 3, 19), overlapping_to=date(2027, 3, 31))
    )
    assert [r.code for r in in_march] == ["V-2027-0001"]
    drafts = services.visits.summaries(VisitFilter(statuses=frozenset({VisitStatus.CANCELLED})))
    assert drafts == []


def test_get_by_code_and_missing_code(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert services.visits.get_by_code(" V-2027-0001 ") == visit
    with pytest.raises(NotFoundError, match="V-2027-9999"):
        services.visits.get_by_code("V-2027-9999")


def test_delete_is_audited(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    services.visits.delete(visit.id)
    with pytest.raises(NotFoundError):
        services.visits.get(visit.id)
    assert services.visits.history(visit.id)[-1].action is AuditAction.DELETE


def test_duplicate_makes_a_new_draft_with_a_new_code(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    services.visits.set_status(visit.id, VisitStatus.PROPOSED)
    copy = services.visits.duplicate(visit.id)
    assert copy.id != visit.id and copy.code == "V-2027-0003"
    assert copy.status is VisitStatus.DRAFT and copy.version == 1
    assert (copy.visitor_id, copy.arrival_date, copy.purpose) == (
        visit.visitor_id, visit.arrival_date, visit.purpose,
    )  # fmt: skip


def test_undo_status_puts_back_the_previous_status_only_from_the_exact_state(
    services: Services,
) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    approve_blocking(services, visit.id)  # admission needs cleared paperwork
    for step in (VisitStatus.PROPOSED, VisitStatus.APPROVED, VisitStatus.CONFIRMED):
        current = services.visits.set_status(visit.id, step)
    started = services.visits.set_status(visit.id, VisitStatus.IN_PROGRESS)
    with pytest.raises(ConflictError):
        services.visits.undo_status(visit.id, VisitStatus.IN_PROGRESS, VisitStatus.CONFIRMED,
                                    current.version)  # fmt: skip
    back = services.visits.undo_status(
        visit.id, VisitStatus.IN_PROGRESS, VisitStatus.CONFIRMED, started.version
    )
    assert back.status is VisitStatus.CONFIRMED
    last = services.visits.history(visit.id)[-1]
    assert last.reason == "undo" and last.changes == {"status": ["in_progress", "confirmed"]}

"""The curated demo's paperwork: every state, realistic admissions, overdue items, agreements."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from planner.demo.populate import populate_demo
from planner.domain.enums import AuditAction, PaperworkStatus, VisitStatus
from planner.domain.paperwork import AdmissionBlockedError
from planner.domain.status import ADMISSION_STATUSES
from planner.services.container import Services
from tests.fixtures.database import open_migrated

TODAY = date(2027, 2, 24)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services = open_migrated(tmp_path_factory.mktemp("pw") / "d.sqlite3")
    populate_demo(services, today=TODAY)
    yield services
    services.close()


def test_every_paperwork_status_appears(demo: Services) -> None:
    statuses = {i.status for v in demo.visits.summaries() for i in demo.paperwork.for_visit(v.id)}
    assert statuses == set(PaperworkStatus)


def test_admitted_visits_got_there_without_overrides(demo: Services) -> None:
    admitted = {VisitStatus.COMPLETED} | ADMISSION_STATUSES
    for v in demo.visits.summaries():
        if v.status in admitted:
            assert demo.paperwork.blocking(v.id) == [], v.code
        steps = [e for e in demo.visits.history(v.id) if e.action is AuditAction.STATUS]
        assert all("override" not in e.changes for e in steps), v.code


def test_an_approved_japanese_visit_to_argonne_still_has_blocking_items(demo: Services) -> None:
    found = [
        v for v in demo.visits.summaries()
        if v.status is VisitStatus.APPROVED and v.host_institution == "Argonne"
        and v.visitor_name_native and demo.paperwork.blocking(v.id)
    ]  # fmt: skip
    assert found
    with pytest.raises(AdmissionBlockedError, match="blocking paperwork"):
        demo.visits.set_status(found[0].id, VisitStatus.CONFIRMED)


def test_overdue_and_due_soon_items_for_the_dashboard(demo: Services) -> None:
    overdue = demo.paperwork.overdue(TODAY)
    assert len(overdue) >= 3 and all(d.late_by_days > 0 for d in overdue)
    due = demo.paperwork.due(14, TODAY)
    assert len(due) > len(overdue)
    assert not any(d.visit_code for d in due if d.status is PaperworkStatus.APPROVED)


def test_a_flagged_item_and_agreements(demo: Services) -> None:
    flagged = [i for v in demo.visits.summaries() for i in demo.paperwork.for_visit(v.id)
               if not i.applies]  # fmt: skip
    assert {i.code for i in flagged} == {"jp_coe", "jp_visa"}
    assert len(demo.agreements.summaries()) == 3 and len(demo.transfers.summaries()) == 2
    needs = {
        v.visitor_name: any(i.code == "data_agreement" and i.applies
                            for i in demo.paperwork.for_visit(v.id))
        for v in demo.visits.summaries() if v.purpose.value == "data_exchange"
    }  # fmt: skip
    # Wako has a signed data-sharing agreement; Kobe's material-transfer one is still a draft.
    assert needs == {"Linda Brennan": False, "Rachel Dunmore": True}

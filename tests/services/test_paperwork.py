"""Paperwork service: generation, regeneration, the admission guard, reminders, attachments."""

from __future__ import annotations

import dataclasses
import hashlib
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from planner.db.models import DocumentTypeRow
from planner.domain.entities import Visit
from planner.domain.enums import AuditAction, PaperworkStatus, Purpose, VisitStatus
from planner.domain.errors import TransitionError, ValidationError
from planner.domain.paperwork import AdmissionBlockedError
from planner.services.container import Services
from tests.fixtures.paperwork import approve_blocking
from tests.fixtures.sample import Sample

_PS = PaperworkStatus


def _codes(services: Services, visit_id: int, applies: bool = True) -> set[str]:
    return {i.code for i in services.paperwork.for_visit(visit_id) if i.applies == applies}


def _id(value: int | None) -> int:
    assert value is not None
    return value


def test_a_new_visit_gets_its_checklist_with_due_dates(services: Services, sample: Sample) -> None:
    visit_id = _id(sample.visit_in.id)  # Tanaka (JP) to Argonne, 12 days, unpaid
    items = services.paperwork.for_visit(visit_id)
    assert {i.code for i in items} == {
        "fn_access_request", "us_host_approval", "us_export_control", "esta",
        "travel_authorisation", "travel_insurance", "housing",
    }  # fmt: skip
    for item in items:
        assert item.status is _PS.NOT_STARTED and item.applies
        assert item.due_date == sample.visit_in.arrival_date - timedelta(days=item.lead_days)
    fn = next(i for i in items if i.code == "fn_access_request")
    assert (fn.lead_days, fn.due_date, fn.blocking) == (45, date(2027, 1, 22), True)
    assert fn.title_ja and fn.explanation
    # Miller (US) to RIKEN Wako: visa exemption, institute screening, general items.
    assert _codes(services, _id(sample.visit_out.id)) == {
        "jp_visa_exemption", "jp_export_control", "jp_visiting_researcher",
        "travel_authorisation", "travel_insurance", "housing",
    }  # fmt: skip
    with services.db.read() as session:
        codes = list(session.scalars(select(DocumentTypeRow.code)))
    assert len(codes) == len(set(codes)) == 10  # upserted once by code


def test_regeneration_keeps_statuses_and_flags_items_that_no_longer_apply(
    services: Services, sample: Sample
) -> None:
    visit = sample.visit_in
    items = {i.code: i for i in services.paperwork.for_visit(_id(visit.id))}
    services.paperwork.update(
        dataclasses.replace(
            items["esta"], status=_PS.SUBMITTED, notes="sent", reference_number="E1"
        )
    )
    services.paperwork.update(dataclasses.replace(items["fn_access_request"], status=_PS.APPROVED))
    # A paid stay: J-1 instead of ESTA.
    paid = services.visits.update(
        dataclasses.replace(services.visits.get(_id(visit.id)), paid=True)
    )
    after = {i.code: i for i in services.paperwork.for_visit(_id(visit.id))}
    assert not after["esta"].applies
    assert after["esta"].status is _PS.SUBMITTED and after["esta"].notes == "sent"
    assert after["esta"].reference_number == "E1"
    assert {"ds2019", "sevis_fee", "j1_visa", "j1_insurance"} <= _codes(services, _id(visit.id))
    assert after["fn_access_request"].status is _PS.APPROVED and after["fn_access_request"].applies
    # Flagged items come last and do not hold up admission.
    assert not services.paperwork.for_visit(_id(visit.id))[-1].applies
    # Unpaid again: ESTA applies again with its status; the J-1 items are flagged.
    services.visits.update(dataclasses.replace(paid, paid=False))
    again = {i.code: i for i in services.paperwork.for_visit(_id(visit.id))}
    assert again["esta"].applies and again["esta"].status is _PS.SUBMITTED
    assert not again["ds2019"].applies
    history = services.paperwork.history(_id(again["esta"].id))
    flips = [e for e in history if e.action is AuditAction.UPDATE and "applies" in e.changes]
    assert [e.changes["applies"] for e in flips] == [
        [True, False], [False, True],
    ]  # fmt: skip


def test_moving_the_dates_moves_the_due_dates(services: Services, sample: Sample) -> None:
    visit = services.visits.get(_id(sample.visit_in.id))
    later = dataclasses.replace(
        visit, arrival_date=date(2027, 5, 3), departure_date=date(2027, 5, 14)
    )
    services.visits.update(later)
    for item in services.paperwork.for_visit(_id(visit.id)):
        assert item.due_date == date(2027, 5, 3) - timedelta(days=item.lead_days)


def test_unrelated_edits_do_not_touch_the_checklist(services: Services, sample: Sample) -> None:
    visit = services.visits.get(_id(sample.visit_in.id))
    before = services.paperwork.for_visit(_id(visit.id))
    services.visits.update(dataclasses.replace(visit, internal_notes="call the host"))
    assert services.paperwork.for_visit(_id(visit.id)) == before


def test_a_changed_nationality_regenerates_the_checklist(
    services: Services, sample: Sample
) -> None:
    services.people.update(dataclasses.replace(sample.tanaka, nationality="IN"))
    codes = _codes(services, _id(sample.visit_in.id))
    assert "b1_visa" in codes and "esta" not in codes


# --- The admission guard ---------------------------------------------------------------------


def _approve_visit(services: Services, visit_id: int) -> None:
    for step in (VisitStatus.PROPOSED, VisitStatus.APPROVED):
        services.visits.set_status(visit_id, step)


def test_confirming_with_blocking_items_open_is_refused_naming_them(
    services: Services, sample: Sample
) -> None:
    visit_id = _id(sample.visit_in.id)
    _approve_visit(services, visit_id)
    before = services.visits.get(visit_id)
    with pytest.raises(AdmissionBlockedError) as caught:
        services.visits.set_status(visit_id, VisitStatus.CONFIRMED)
    assert isinstance(caught.value, TransitionError)
    message = str(caught.value)
    assert "Foreign-national access request" in message and "ESTA" in message
    assert "Housing" not in message  # not blocking
    assert len(caught.value.blocking) == 4
    assert services.visits.get(visit_id) == before


def test_approved_or_waived_items_let_the_visit_through(services: Services, sample: Sample) -> None:
    visit_id = _id(sample.visit_in.id)
    _approve_visit(services, visit_id)
    blocking = services.paperwork.blocking(visit_id)
    services.paperwork.update_many(
        [dataclasses.replace(blocking[0], status=_PS.WAIVED)]
        + [dataclasses.replace(i, status=_PS.APPROVED) for i in blocking[1:]]
    )
    assert services.paperwork.blocking(visit_id) == []
    confirmed = services.visits.set_status(visit_id, VisitStatus.CONFIRMED)
    assert confirmed.status is VisitStatus.CONFIRMED
    last = services.visits.history(visit_id)[-1]
    assert "override" not in last.changes
    # Approved items get today's date when none was entered.
    assert all(i.approved_date for i in services.paperwork.for_visit(visit_id) if i.blocking
               and i.status is _PS.APPROVED)  # fmt: skip


def test_override_needs_a_reason_and_is_audited(services: Services, sample: Sample) -> None:
    visit_id = _id(sample.visit_in.id)
    _approve_visit(services, visit_id)
    with pytest.raises(ValidationError, match="written reason"):
        services.visits.set_status(visit_id, VisitStatus.CONFIRMED, reason="  ", override=True)
    assert services.visits.get(visit_id).status is VisitStatus.APPROVED
    visit = services.visits.set_status(
        visit_id, VisitStatus.CONFIRMED, reason="Director's written exception", override=True
    )
    assert visit.status is VisitStatus.CONFIRMED
    entry = services.visits.history(visit_id)[-1]
    assert entry.action is AuditAction.STATUS and entry.reason == "Director's written exception"
    assert entry.changes["status"] == ["approved", "confirmed"]
    assert len(entry.changes["override"]["blocking_items"]) == 4
    # In progress is an admission status too: guarded again.
    with pytest.raises(AdmissionBlockedError):
        services.visits.set_status(visit_id, VisitStatus.IN_PROGRESS, reason="arrived")
    warnings = services.paperwork.warnings(visit_id, date(2027, 1, 1))
    assert warnings[0].kind == "admission"


def test_an_ordinary_save_cannot_bypass_the_guard(services: Services, sample: Sample) -> None:
    visit_id = _id(sample.visit_in.id)
    _approve_visit(services, visit_id)
    visit = services.visits.get(visit_id)
    with pytest.raises(AdmissionBlockedError):
        services.visits.update(dataclasses.replace(visit, status=VisitStatus.CONFIRMED))
    assert services.visits.get(visit_id).status is VisitStatus.APPROVED
    with pytest.raises(AdmissionBlockedError):
        services.visits.create(dataclasses.replace(visit, id=None, code="", version=0,
                                                   status=VisitStatus.CONFIRMED))  # fmt: skip
    assert services.visits.count() == 2


def test_a_save_that_changes_dates_and_confirms_is_judged_on_the_new_checklist(
    services: Services, sample: Sample
) -> None:
    visit_id = _id(sample.visit_in.id)
    _approve_visit(services, visit_id)
    approve_blocking(services, visit_id)
    visit = services.visits.get(visit_id)
    longer = dataclasses.replace(
        visit, departure_date=date(2027, 8, 1), status=VisitStatus.CONFIRMED
    )
    with pytest.raises(AdmissionBlockedError, match="DS-2019"):
        services.visits.update(longer)
    assert services.visits.get(visit_id).departure_date == date(2027, 3, 19)
    assert "ds2019" not in _codes(services, visit_id)  # the whole save was rolled back


def test_undoing_a_cancel_is_guarded_too(services: Services, sample: Sample) -> None:
    visit_id = _id(sample.visit_in.id)
    _approve_visit(services, visit_id)
    approve_blocking(services, visit_id)
    services.visits.set_status(visit_id, VisitStatus.CONFIRMED)
    cancelled = services.visits.set_status(visit_id, VisitStatus.CANCELLED)
    esta = next(i for i in services.paperwork.for_visit(visit_id) if i.code == "esta")
    services.paperwork.set_status(_id(esta.id), _PS.EXPIRED)
    with pytest.raises(AdmissionBlockedError, match="ESTA"):
        services.visits.undo_status(visit_id, VisitStatus.CANCELLED, VisitStatus.CONFIRMED,
                                    cancelled.version)  # fmt: skip


# --- Reminders, checklists for the visitor, warnings ------------------------------------------


def test_due_and_overdue_across_visits(services: Services, sample: Sample) -> None:
    today = date(2027, 1, 25)
    due = services.paperwork.due(14, today)
    # Tanaka's FN request and export control were due 2027-01-22: late by 3 days.
    late = {d.code: d.late_by_days for d in due if d.late_by_days}
    assert late == {"fn_access_request": 3, "us_export_control": 3}
    assert all(d.due_date <= today + timedelta(days=14) for d in due)
    assert {d.visit_code for d in due} == {sample.visit_in.code}
    assert all(d.visitor_name == "Hiroshi Tanaka" for d in due)
    wider = services.paperwork.due(60, today)
    assert {d.visit_code for d in wider} == {sample.visit_in.code, sample.visit_out.code}
    assert {d.code for d in services.paperwork.overdue(today)} == late.keys()
    # Submitted items and cancelled visits drop out.
    fn = next(i for i in services.paperwork.for_visit(_id(sample.visit_in.id))
              if i.code == "fn_access_request")  # fmt: skip
    services.paperwork.set_status(_id(fn.id), _PS.SUBMITTED, today)
    assert {d.code for d in services.paperwork.overdue(today)} == {"us_export_control"}
    services.visits.set_status(_id(sample.visit_in.id), VisitStatus.CANCELLED)
    assert services.paperwork.overdue(today) == []
    with pytest.raises(ValidationError):
        services.paperwork.due(-1, today)


def test_visitor_checklist_in_both_languages(services: Services, sample: Sample) -> None:
    visit_id = _id(sample.visit_in.id)
    en = services.paperwork.visitor_checklist(visit_id)
    assert en == ["ESTA travel authorisation (business purpose)", "Travel insurance"]
    ja = services.paperwork.visitor_checklist(visit_id, "ja")
    assert ja == ["ESTA渡航認証（商用目的）", "海外旅行保険"]
    both = services.paperwork.visitor_checklist(visit_id, "bilingual")
    assert both[1] == "Travel insurance / 海外旅行保険"


def test_passport_margin_warning(services: Services, sample: Sample) -> None:
    visit_id = _id(sample.visit_in.id)
    kinds = [w.kind for w in services.paperwork.warnings(visit_id, date(2026, 12, 1))]
    assert kinds == ["passport_missing"]
    services.people.update(dataclasses.replace(sample.tanaka, passport_expiry=date(2027, 6, 1)))
    (warning,) = services.paperwork.warnings(visit_id, date(2026, 12, 1))
    assert warning.kind == "passport" and "6 months" in warning.message
    late = services.paperwork.warnings(visit_id, date(2027, 2, 1))
    assert [w.kind for w in late] == ["late", "late", "passport"]


# --- Attachments -----------------------------------------------------------------------------


def test_attachments_are_private_copies_with_their_hash(
    services: Services, sample: Sample, tmp_path: Path, db_path: Path
) -> None:
    source = tmp_path / "source" / "ESTA approval.pdf"
    source.parent.mkdir()
    payload = b"%PDF-1.7 fake approval " * 1000
    source.write_bytes(payload)
    item = services.paperwork.for_visit(_id(sample.visit_in.id))[0]
    added = services.paperwork.add_attachment(_id(item.id), source)
    stored = services.paperwork.attachment_file(added)
    assert stored.parent == db_path.parent / "attachments" / sample.visit_in.code
    assert stored.read_bytes() == payload
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(stored.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(stored.parent.parent.stat().st_mode) == 0o700
    assert added.sha256 == hashlib.sha256(payload).hexdigest()
    assert added.size_bytes == len(payload) and added.filename == "ESTA approval.pdf"
    again = services.paperwork.add_attachment(_id(item.id), source)
    assert services.paperwork.attachment_file(again) != stored  # never overwritten
    assert services.paperwork.get(_id(item.id)).attachments == 2
    services.paperwork.remove_attachment(_id(added.id))
    assert not stored.exists()
    assert [a.id for a in services.paperwork.attachments(_id(item.id))] == [again.id]
    with services.db.read() as session:
        from planner.db.models import AuditRow

        actions = list(
            session.scalars(
                select(AuditRow.action).where(AuditRow.entity == "attachment").order_by(AuditRow.id)
            )
        )
    assert actions == [AuditAction.CREATE, AuditAction.CREATE, AuditAction.DELETE]


def test_attaching_a_missing_file_is_a_clear_error(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    item = services.paperwork.for_visit(_id(sample.visit_in.id))[0]
    with pytest.raises(ValidationError, match="not a readable file"):
        services.paperwork.add_attachment(_id(item.id), tmp_path / "nope.pdf")
    assert not (tmp_path / "attachments").exists() or not any(
        (tmp_path / "attachments").rglob("*.pdf")
    )


def test_document_types_are_not_duplicated_by_many_visits(
    services: Services, sample: Sample
) -> None:
    for n in range(3):
        services.visits.create(
            Visit(_id(sample.tanaka.id), _id(sample.argonne.id), date(2027, 6, 1 + n),
                  date(2027, 6, 10 + n), purpose=Purpose.DATA_EXCHANGE)
        )  # fmt: skip
    with services.db.read() as session:
        assert session.scalar(select(func.count(DocumentTypeRow.id))) == 11


def test_a_visit_written_without_a_checklist_gets_one_before_admission(
    services: Services, sample: Sample
) -> None:
    """Bulk-inserted visits (synthetic demo data) have no checklist until they need one."""
    from sqlalchemy import delete

    from planner.db.models import PaperworkItemRow

    visit_id = _id(sample.visit_in.id)
    _approve_visit(services, visit_id)
    with services.db.write() as session:
        session.execute(delete(PaperworkItemRow).where(PaperworkItemRow.visit_id == visit_id))
    assert services.paperwork.for_visit(visit_id) == []
    with pytest.raises(AdmissionBlockedError, match="ESTA"):
        services.visits.set_status(visit_id, VisitStatus.CONFIRMED)
    assert services.paperwork.for_visit(visit_id) == []  # the refused move wrote nothing

"""Optimistic locking on every record a coordinator edits (issue #14).

Two real processes run read-modify-write cycles on the same records, retrying on conflict as a
careful client does: every acknowledged update must be in the final value. Unit tests check that
a stale copy is refused and writes nothing, and that a race between the version check and the
UPDATE (another transaction committing in between) is a ConflictError, never StaleDataError.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import event, update
from sqlalchemy.orm import Session

from planner.db.location import DatabaseTarget
from planner.db.models import PersonRow, VisitRow
from planner.domain.entities import Event, ItineraryItem, Program, Project
from planner.domain.enums import (
    AgreementKind,
    EventKind,
    ItineraryKind,
    ParticipantRole,
    TransferKind,
    VisitStatus,
)
from planner.domain.errors import ConflictError
from planner.domain.paperwork import Agreement, MaterialTransfer
from planner.domain.timezones import local_to_utc
from planner.services.container import Services
from tests.fixtures.sample import Sample

CYCLES = 100
#: The kinds the two-process test races: every kind a coordinator edits (participants are set
#: and removed, not edited in place, and have their own version tests below).
RACED = (
    "person", "institution", "program", "project", "event", "itinerary_item",
    "paperwork_item", "agreement", "transfer",
)  # fmt: skip

#: record kind -> (service attribute, text field the cycles append to)
KINDS: dict[str, tuple[str, str]] = {
    "person": ("people", "internal_notes"),
    "institution": ("institutions", "address"),
    "program": ("programs", "description"),
    "project": ("projects", "description"),
    "event": ("events", "description"),
    "itinerary_item": ("itinerary", "internal_notes"),
    "paperwork_item": ("paperwork", "notes"),
    "agreement": ("agreements", "notes"),
    "transfer": ("transfers", "notes"),
}


def _records(services: Services, s: Sample) -> dict[str, int]:
    """One record of every kind, with the ids the workers edit."""
    assert s.argonne.id and s.riken.id and s.tanaka.id and s.visit_in.id
    program = services.programs.create(Program("Cooperation memorandum"))
    project = services.projects.create(Project("AuroraGPT", program_id=program.id))
    zone = "America/Chicago"
    start = local_to_utc(datetime(2027, 3, 10, 15, 0), zone)
    end = local_to_utc(datetime(2027, 3, 10, 16, 30), zone)
    ev = services.events.create(
        Event(EventKind.SEMINAR, "Seminar", s.argonne.id, start, zone, end, zone)
    )
    item = services.itinerary.create(
        ItineraryItem(s.visit_in.id, ItineraryKind.MEETING, "Kick-off", start, zone, end, zone)
    )
    paper = services.paperwork.for_visit(s.visit_in.id)[0]
    agreement = services.agreements.create(
        Agreement(AgreementKind.MATERIAL_TRANSFER, "Samples", partner_institution_id=s.riken.id,
                  signed_date=date(2026, 1, 1))
    )  # fmt: skip
    assert agreement.id is not None
    transfer = services.transfers.create(
        MaterialTransfer(agreement.id, TransferKind.DATA_SET, "Corpus", s.riken.id, s.argonne.id)
    )
    ids = {
        "person": s.tanaka.id, "institution": s.riken.id, "program": program.id,
        "project": project.id, "event": ev.id, "itinerary_item": item.id,
        "paperwork_item": paper.id, "agreement": agreement.id, "transfer": transfer.id,
    }  # fmt: skip
    return {k: int(v or 0) for k, v in ids.items()}


def _cycle(services: Services, kind: str, record_id: int, token: str) -> int:
    """One careful read-modify-write of *record_id*: append *token*; retries on conflict.

    Returns how many conflicts it met (each one a refused, unwritten update).
    """
    attr, field = KINDS[kind]
    service = getattr(services, attr)
    conflicts = 0
    while True:
        record = service.get(record_id)
        changed = dataclasses.replace(record, **{field: getattr(record, field) + token + " "})
        try:
            service.update(changed)
        except ConflictError:
            conflicts += 1
            continue
        return conflicts


def _worker(target: DatabaseTarget, ids: dict[str, int], tag: str, start: Any) -> None:
    """A second coordinator's process: CYCLES updates of every record, interleaved."""
    services = Services.open(target)
    try:
        start.wait(60)
        for n in range(CYCLES):
            for kind, record_id in ids.items():
                _cycle(services, kind, record_id, f"{tag}{n}")
    finally:
        services.close()


def test_two_processes_lose_no_update_on_any_record(services: Services, sample: Sample) -> None:
    """2 processes x 100 read-modify-write cycles on each raced record kind: 0 lost updates."""
    ids = {
        kind: record_id for kind, record_id in _records(services, sample).items() if kind in RACED
    }
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no inherited engine
    start = context.Event()
    workers = [
        context.Process(target=_worker, args=(services.db.target, ids, tag, start))
        for tag in ("A", "B")
    ]
    began = time.perf_counter()
    for process in workers:
        process.start()
    start.set()
    for process in workers:
        process.join(120)
        assert process.exitcode == 0, f"worker failed with exit code {process.exitcode}"
    elapsed = time.perf_counter() - began
    print(f"2 processes x {CYCLES} cycles x {len(ids)} kinds: {elapsed:.1f} s")
    for kind, record_id in ids.items():
        attr, field = KINDS[kind]
        stored = getattr(services, attr).get(record_id)
        tokens = getattr(stored, field).split()
        expected = {f"{tag}{n}" for tag in "AB" for n in range(CYCLES)}
        lost = expected - set(tokens)
        assert not lost, f"{kind}: {len(lost)} of {len(expected)} acknowledged updates lost"
        assert len(tokens) == len(expected), f"{kind}: an update was applied twice"
        # Every acknowledged update raised the version once (records start at version 1).
        assert stored.version >= 1 + len(expected), kind


# -- unit tests -------------------------------------------------------------------------------


def _stale_cases(services: Services, s: Sample) -> Iterator[tuple[str, Any, Callable[[Any], Any]]]:
    ids = _records(services, s)
    for kind, record_id in ids.items():
        attr, _field = KINDS[kind]
        service = getattr(services, attr)
        yield kind, service.get(record_id), service.update


def test_a_stale_copy_is_refused_and_writes_nothing(services: Services, sample: Sample) -> None:
    for kind, opened, store in list(_stale_cases(services, sample)):
        _attr, field = KINDS[kind]
        theirs = store(dataclasses.replace(opened, **{field: "theirs"}))
        assert theirs.version == opened.version + 1, kind
        with pytest.raises(ConflictError, match="changed by someone else") as caught:
            store(dataclasses.replace(opened, **{field: "mine"}))
        assert caught.value.current_version == theirs.version, kind
        service = getattr(services, KINDS[kind][0])
        stored = service.get(opened.id)
        assert getattr(stored, field) == "theirs" and stored.version == theirs.version, kind
        history = service.history(opened.id) if hasattr(service, "history") else None
        if history is not None:
            assert not any("mine" in str(entry) for entry in history), kind


def test_an_unread_copy_is_refused(services: Services, sample: Sample) -> None:
    """A copy that was never read (version 0) cannot overwrite a stored record."""
    with pytest.raises(ConflictError):
        services.people.update(dataclasses.replace(sample.tanaka, version=0, email="x@y.org"))
    assert services.people.get(sample.tanaka.id or 0).email == sample.tanaka.email


@contextmanager
def _someone_commits_first(row_type: Any, record_id: int) -> Iterator[None]:
    """Simulate another transaction committing between our version check and our UPDATE: the
    first flush first raises the row's version behind the ORM's back."""
    fired: list[bool] = []

    def bump(session: Session, _context: object, _instances: object) -> None:
        if not fired:
            fired.append(True)
            session.execute(
                update(row_type)
                .where(row_type.id == record_id)
                .values(version=row_type.version + 1)
                .execution_options(synchronize_session=False)
            )

    event.listen(Session, "before_flush", bump)
    try:
        yield
    finally:
        event.remove(Session, "before_flush", bump)
    assert fired


def test_a_race_after_the_check_is_a_conflict_not_stale_data(
    services: Services, sample: Sample
) -> None:
    person = services.people.get(sample.tanaka.id or 0)
    with _someone_commits_first(PersonRow, person.id or 0), pytest.raises(ConflictError):
        services.people.update(dataclasses.replace(person, email="race@example.org"))
    assert services.people.get(person.id or 0).email == person.email  # rolled back
    visit = services.visits.get(sample.visit_in.id or 0)
    with _someone_commits_first(VisitRow, visit.id or 0), pytest.raises(ConflictError):
        services.visits.update(dataclasses.replace(visit, visitor_notes="race"))
    with _someone_commits_first(VisitRow, visit.id or 0), pytest.raises(ConflictError):
        services.visits.set_status(visit.id or 0, VisitStatus.PROPOSED)


def test_participants_are_versioned(services: Services, sample: Sample) -> None:
    ids = _records(services, sample)
    event_id, person_id = ids["event"], sample.miller.id or 0
    added = services.events.set_participant(event_id, person_id, expected_version=0)
    assert added.version == 1
    with pytest.raises(ConflictError):  # someone else added them already
        services.events.set_participant(event_id, person_id, expected_version=0)
    services.events.set_participant(
        event_id, person_id, ParticipantRole.SPEAKER, expected_version=1
    )
    with pytest.raises(ConflictError):  # their role changed since version 1 was read
        services.events.remove_participant(event_id, person_id, expected_version=1)
    assert [p.version for p in services.events.participants(event_id)] == [2]
    services.events.remove_participant(event_id, person_id, expected_version=2)
    assert services.events.participants(event_id) == []


def test_regeneration_bumps_paperwork_versions(services: Services, sample: Sample) -> None:
    """A derived write (the checklist regenerated for new dates) makes an open copy stale."""
    visit = services.visits.get(sample.visit_in.id or 0)
    opened = services.paperwork.for_visit(visit.id or 0)
    services.visits.update(dataclasses.replace(visit, arrival_date=date(2027, 3, 1)))
    moved = [
        i for i in services.paperwork.for_visit(visit.id or 0) if i.id in {o.id for o in opened}
    ]
    changed = {
        i.id for i in moved if i.due_date != next(o for o in opened if o.id == i.id).due_date
    }
    assert changed, "the new arrival should move some due date"
    stale = next(o for o in opened if o.id in changed)
    with pytest.raises(ConflictError):
        services.paperwork.update(dataclasses.replace(stale, notes="mine"))


def test_the_cli_reports_a_conflict_in_one_line(
    services: Services,
    sample: Sample,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another process commits between the command's read and its write: exit 1, one line."""
    from planner.cli import main
    from tests.pg import server_url

    target = services.db.target
    argv = ["visits", "set-status", sample.visit_in.code, "proposed"]
    if server_url() is None:
        assert target.path is not None
        argv += ["--db", str(target.path)]
    else:
        monkeypatch.setenv("PLANNER_DATABASE_URL", target.url)
    with _someone_commits_first(VisitRow, sample.visit_in.id or 0):
        code = main(argv)
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "changed by someone else" in err, err
    assert "Traceback" not in err and "StaleDataError" not in err
    assert services.visits.get(sample.visit_in.id or 0).status is VisitStatus.DRAFT

"""Exchange packages: JSON round trip into an empty database, re-import, privacy."""

from __future__ import annotations

import dataclasses
import json
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.domain.enums import PaperworkStatus, VisitStatus
from planner.export.package import export_visit_package
from planner.importing.package import import_visit_package, read_package
from planner.services.container import Services
from planner.services.exchange_import import ImportOptions
from tests.export.conftest import (
    PASSPORT,
    SECRET_ITEM_NOTE,
    SECRET_VISIT_NOTE,
    TripData,
    at,
)
from tests.fixtures.database import open_migrated
from tests.fixtures.paperwork import approve_blocking

#: The first package from the other database: its key is trusted (as after a phone call).
TRUST = ImportOptions(trust_new_key=True, include_sensitive=True)


@pytest.fixture
def partner(tmp_path: Path) -> Iterator[Services]:
    """The partner coordinator's own, empty database."""
    (tmp_path / "partner").mkdir()
    svc = open_migrated(tmp_path / "partner" / "partner.sqlite3")  # its own keys
    yield svc
    svc.close()


def _prepare(services: Services, trip: TripData) -> int:
    """Give the trip's visit paperwork progress and confirm it."""
    visit_id = trip.visit.id
    assert visit_id is not None
    approve_blocking(services, visit_id)
    items = services.paperwork.for_visit(visit_id)
    other = [i for i in items if not i.blocking]
    if other:
        services.paperwork.update(
            dataclasses.replace(
                other[0], status=PaperworkStatus.SUBMITTED, reference_number="REF-42",
                notes="internal paperwork note",
            )
        )  # fmt: skip
    services.visits.set_status(visit_id, VisitStatus.PROPOSED)
    services.visits.set_status(visit_id, VisitStatus.APPROVED)
    services.visits.set_status(visit_id, VisitStatus.CONFIRMED)
    return visit_id


def _decrypted(services: Services, path: Path) -> str:
    """The signed JSON inside an encrypted package addressed to *services*' keys."""
    from planner.importing.package import _decrypt

    raw = path.read_bytes()
    return _decrypt(json.loads(raw), raw, services.keys).decode("utf-8")


def _itinerary_view(services: Services, visit_id: int) -> list[tuple[object, ...]]:
    return [
        (i.uid, i.kind, i.title, i.title_ja, i.start_utc, i.start_zone, i.end_utc, i.end_zone,
         i.location_name, i.location_address, i.confirmation_code, i.visitor_details)
        for i in services.itinerary.for_visit(visit_id)
    ]  # fmt: skip


def _paperwork_view(services: Services, visit_id: int) -> dict[str, tuple[object, ...]]:
    return {
        p.code: (p.title, p.status, p.due_date, p.submitted_date, p.approved_date,
                 p.expiry_date, p.reference_number)
        for p in services.paperwork.for_visit(visit_id)
        if p.applies
    }  # fmt: skip


def test_round_trip_into_empty_database(
    services: Services, trip: TripData, partner: Services, tmp_path: Path
) -> None:
    visit_id = _prepare(services, trip)
    out = export_visit_package(services, visit_id, tmp_path / "visit.json")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    result = import_visit_package(partner, out, TRUST)
    assert result.created
    imported = result.visit
    assert imported.id is not None
    origin = services.visits.get(visit_id)
    assert imported.code == origin.code
    # Confirmed there, but the partner's approvals are not ours: at most approved here.
    assert imported.status is VisitStatus.APPROVED
    assert any("blocking paperwork" in note for note in result.notes)
    assert (imported.arrival_date, imported.departure_date) == (
        origin.arrival_date, origin.departure_date,
    )  # fmt: skip
    assert imported.purpose == origin.purpose and imported.paid == origin.paid
    assert imported.visitor_notes == origin.visitor_notes
    assert SECRET_VISIT_NOTE not in imported.internal_notes

    visitor = partner.people.get(imported.visitor_id)
    assert (visitor.family_name, visitor.given_name) == ("Tanaka", "Hiroshi")
    assert (visitor.family_name_native, visitor.given_name_native) == ("田中", "博")
    assert visitor.email == "h.tanaka@example.jp"
    assert visitor.passport_number == "" and visitor.date_of_birth is None
    home = partner.institutions.get(visitor.home_institution_id)
    assert home.name == "RIKEN Wako Campus" and home.name_ja == "理化学研究所 和光地区"
    assert home.timezone == "Asia/Tokyo"
    host = partner.institutions.get(imported.host_institution_id)
    assert host.name == "Argonne National Laboratory" and host.timezone == "America/Chicago"
    assert imported.host_person_id is not None
    assert partner.people.get(imported.host_person_id).email == "amiller@example.org"

    assert _itinerary_view(partner, imported.id) == _itinerary_view(services, visit_id)
    flight = next(
        i for i in partner.itinerary.for_visit(imported.id) if i.title_ja.startswith("NH112")
    )
    assert flight.start_utc == at("2027-03-08 10:40", "Asia/Tokyo")
    assert (flight.start_zone, flight.end_zone) == ("Asia/Tokyo", "America/Chicago")
    assert all(not i.internal_notes for i in partner.itinerary.for_visit(imported.id))
    # The partner's paperwork states arrive as information, never as local statuses.
    theirs = {p.code: p for p in services.paperwork.for_visit(visit_id) if p.applies}
    for item in partner.paperwork.for_visit(imported.id):
        if item.code in theirs:
            assert item.status is not PaperworkStatus.APPROVED and item.approved_date is None
            assert item.notes.startswith("Partner reports (Argonne National Laboratory): ")
            assert theirs[item.code].status.value in item.notes
    assert "internal paperwork note" not in str(partner.paperwork.for_visit(imported.id))

    history = partner.visits.history(imported.id)
    assert any(e.action.value == "import" for e in history)


def test_reimport_updates_instead_of_duplicating(
    services: Services, trip: TripData, partner: Services, tmp_path: Path
) -> None:
    visit_id = _prepare(services, trip)
    first = export_visit_package(services, visit_id, tmp_path / "v1.json")
    created = import_visit_package(partner, first, TRUST).visit
    assert created.id is not None
    before = {i.uid: i for i in partner.itinerary.for_visit(created.id)}

    # The origin edits: one item changed, one removed, one added.
    changed = services.itinerary.update(
        dataclasses.replace(trip.items["after_dst"], title="AuroraGPT seminar (room change)",
                            location_name="Building 240, Room 1404")
    )  # fmt: skip
    removed = trip.items["hostile"]
    assert removed.id is not None
    services.itinerary.delete(removed.id)
    added = services.itinerary.create(
        dataclasses.replace(
            trip.items["hotel"], id=None, uid="", title="Farewell dinner",
            start_utc=at("2027-03-18 18:00", "America/Chicago"),
            end_utc=at("2027-03-18 20:00", "America/Chicago"), sequence=0,
        )
    )  # fmt: skip
    second = export_visit_package(services, visit_id, tmp_path / "v2.json")
    result = import_visit_package(partner, second, TRUST)

    assert not result.created and result.visit.id == created.id
    assert (result.items_created, result.items_updated, result.items_removed) == (1, 1, 1)
    assert len(partner.visits.summaries()) == 1
    after = {i.uid: i for i in partner.itinerary.for_visit(created.id)}
    assert removed.uid not in after
    assert added.uid in after
    assert after[changed.uid].title == "AuroraGPT seminar (room change)"
    assert after[changed.uid].sequence > before[changed.uid].sequence
    untouched = trip.items["hotel"].uid
    assert after[untouched].sequence == before[untouched].sequence
    assert _itinerary_view(partner, created.id) == _itinerary_view(services, visit_id)
    # Importing the same package again changes nothing.
    again = import_visit_package(partner, second, TRUST)
    assert (again.items_created, again.items_updated, again.items_removed) == (0, 0, 0)


def test_sensitive_fields_absent_by_default(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    visit_id = trip.visit.id
    assert visit_id is not None
    out = export_visit_package(services, visit_id, tmp_path / "plain.json")
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert PASSPORT not in text and "1980-05-17" not in text
    assert SECRET_VISIT_NOTE not in text and SECRET_ITEM_NOTE not in text
    assert "internal_notes" not in text
    assert "passport_number" not in data["people"]["visitor"]
    assert data["includes_sensitive"] is False

    full = export_visit_package(
        services, visit_id, tmp_path / "full.json", include_sensitive=True,
        recipient=services.keys.own(),
    )  # fmt: skip
    data = json.loads(services.keys.encryption_key() and _decrypted(services, full))
    assert data["includes_sensitive"] is True
    assert data["people"]["visitor"]["passport_number"] == PASSPORT
    assert data["people"]["visitor"]["date_of_birth"] == "1980-05-17"
    assert SECRET_VISIT_NOTE not in full.read_text(encoding="utf-8")


def test_sensitive_fields_imported_when_present(
    services: Services, trip: TripData, partner: Services, tmp_path: Path
) -> None:
    visit_id = trip.visit.id
    assert visit_id is not None
    out = export_visit_package(
        services, visit_id, tmp_path / "f.json", include_sensitive=True,
        recipient=partner.keys.own(),
    )  # fmt: skip
    visit = import_visit_package(partner, out, TRUST).visit
    visitor = partner.people.get(visit.visitor_id)
    assert visitor.passport_number == PASSPORT
    assert str(visitor.date_of_birth) == "1980-05-17"


def test_exchange_id_is_stable(services: Services, trip: TripData, tmp_path: Path) -> None:
    visit_id = trip.visit.id
    assert visit_id is not None
    one = read_package(export_visit_package(services, visit_id, tmp_path / "a.json"))
    two = read_package(export_visit_package(services, visit_id, tmp_path / "b.json"))
    assert one.exchange_id == two.exchange_id


def test_package_sent_back_updates_the_original(
    services: Services, trip: TripData, partner: Services, tmp_path: Path
) -> None:
    visit_id = trip.visit.id
    assert visit_id is not None
    out = export_visit_package(services, visit_id, tmp_path / "there.json")
    theirs = import_visit_package(partner, out, TRUST).visit
    assert theirs.id is not None
    hotel = next(i for i in partner.itinerary.for_visit(theirs.id) if i.kind.value == "lodging")
    partner.itinerary.update(dataclasses.replace(hotel, confirmation_code="HOTEL-77"))
    back = export_visit_package(partner, theirs.id, tmp_path / "back.json")
    result = import_visit_package(services, back, TRUST)
    assert not result.created and result.visit.id == visit_id
    # The hotel was created here: the partner's change to it is shown, never taken.
    assert result.items_updated == 0
    assert any("created here" in note for note in result.notes)
    assert all(i.confirmation_code != "HOTEL-77" for i in services.itinerary.for_visit(visit_id))
    assert len(services.people.list()) == 3 and len(services.visits.summaries()) == 2


def test_deleted_visit_is_not_confused_with_a_reused_id(
    services: Services, trip: TripData, partner: Services, tmp_path: Path
) -> None:
    visit_id = trip.visit.id
    assert visit_id is not None
    out = export_visit_package(services, visit_id, tmp_path / "v.json")
    first = import_visit_package(partner, out, TRUST).visit
    assert first.id is not None
    partner.visits.delete(first.id)
    unrelated = partner.visits.create(dataclasses.replace(first, id=None, code="", version=0))
    assert unrelated.id == first.id  # SQLite hands the freed id out again
    again = import_visit_package(partner, out, TRUST)
    assert again.created and again.visit.id != unrelated.id
    assert partner.visits.count() == 2

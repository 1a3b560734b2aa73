"""Itinerary items keep their calendar identity; events track participants."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from planner.domain.entities import Event, ItineraryItem
from planner.domain.enums import EventKind, ItineraryKind, ParticipantRole, VisitStatus
from planner.domain.errors import ValidationError
from planner.domain.timezones import local_to_utc
from planner.services.container import Services
from tests.fixtures.sample import make_sample


def _flight(visit_id: int) -> ItineraryItem:
    return ItineraryItem(
        visit_id=visit_id,
        kind=ItineraryKind.FLIGHT,
        title="NH 112 Tokyo Haneda → Chicago O'Hare",
        start_utc=local_to_utc(datetime(2027, 3, 8, 10, 40), "Asia/Tokyo"),
        start_zone="Asia/Tokyo",
        end_utc=local_to_utc(datetime(2027, 3, 8, 8, 0), "America/Chicago"),
        end_zone="America/Chicago",
    )


def test_items_keep_uid_and_raise_sequence_on_change(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    item = services.itinerary.create(_flight(visit.id))
    assert item.uid.endswith("@exchange-visit-planner") and item.sequence == 0
    changed = services.itinerary.update(
        dataclasses.replace(item, confirmation_code="ABC123", uid="forged")
    )
    assert changed.uid == item.uid and changed.sequence == 1
    assert services.itinerary.for_visit(visit.id) == [changed]


def test_items_are_listed_in_time_order_with_zones_kept(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    flight = services.itinerary.create(_flight(visit.id))
    earlier = services.itinerary.create(
        dataclasses.replace(
            _flight(visit.id),
            kind=ItineraryKind.GROUND_TRANSPORT,
            title="Limousine bus to Haneda",
            start_utc=local_to_utc(datetime(2027, 3, 8, 7, 0), "Asia/Tokyo"),
            end_utc=local_to_utc(datetime(2027, 3, 8, 8, 30), "Asia/Tokyo"),
            end_zone="Asia/Tokyo",
        )
    )
    items = services.itinerary.for_visit(visit.id)
    assert [i.id for i in items] == [earlier.id, flight.id]
    assert (items[1].start_zone, items[1].end_zone) == ("Asia/Tokyo", "America/Chicago")
    assert items[1].start_utc.tzinfo is not None


def test_item_ending_before_start_is_refused(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    bad = dataclasses.replace(
        _flight(visit.id), end_utc=datetime(2027, 3, 1, tzinfo=_flight(visit.id).start_utc.tzinfo)
    )
    with pytest.raises(ValidationError, match="ends before it starts"):
        services.itinerary.create(bad)
    assert services.itinerary.for_visit(visit.id) == []


def test_deleting_a_visit_removes_its_itinerary(services: Services) -> None:
    visit = make_sample(services).visit_in
    assert visit.id is not None
    services.itinerary.create(_flight(visit.id))
    services.visits.delete(visit.id)
    assert services.itinerary.list() == []


def test_event_participants_and_roles(services: Services) -> None:
    s = make_sample(services)
    assert s.argonne.id is not None and s.tanaka.id is not None and s.miller.id is not None
    event = services.events.create(
        Event(
            EventKind.SEMINAR,
            "Joint AI for Science Seminar",
            s.argonne.id,
            local_to_utc(datetime(2027, 3, 10, 15, 0), "America/Chicago"),
            "America/Chicago",
            local_to_utc(datetime(2027, 3, 10, 16, 30), "America/Chicago"),
            "America/Chicago",
            title_ja="合同AI for Scienceセミナー",
        )
    )
    assert event.id is not None
    services.events.set_participant(event.id, s.tanaka.id, ParticipantRole.SPEAKER)
    services.events.set_participant(event.id, s.miller.id)
    services.events.set_participant(event.id, s.miller.id, ParticipantRole.ORGANIZER)
    roles = {p.person_id: p.role for p in services.events.participants(event.id)}
    assert roles == {s.tanaka.id: ParticipantRole.SPEAKER, s.miller.id: ParticipantRole.ORGANIZER}
    services.events.remove_participant(event.id, s.tanaka.id)
    assert [p.person_id for p in services.events.participants(event.id)] == [s.miller.id]


def _seminar(services: Services, institution_id: int, day: int) -> Event:
    return services.events.create(
        Event(
            EventKind.SEMINAR,
            "Joint AI for Science Seminar",
            institution_id,
            local_to_utc(datetime(2027, 3, day, 15, 0), "America/Chicago"),
            "America/Chicago",
            local_to_utc(datetime(2027, 3, day, 16, 30), "America/Chicago"),
            "America/Chicago",
            venue="Building 240, Room 1501",
        )
    )


def test_participant_whose_visit_covers_the_event_gets_it_in_the_itinerary(
    services: Services,
) -> None:
    s = make_sample(services)  # Tanaka visits Argonne 2027-03-08 .. 03-19
    assert s.argonne.id is not None and s.tanaka.id is not None and s.visit_in.id is not None
    event = _seminar(services, s.argonne.id, 10)
    assert event.id is not None
    services.events.set_participant(event.id, s.tanaka.id, ParticipantRole.SPEAKER)
    (item,) = services.itinerary.for_visit(s.visit_in.id)
    assert item.event_id == event.id and item.kind is ItineraryKind.SEMINAR
    assert (item.start_utc, item.start_zone) == (event.start_utc, "America/Chicago")
    assert item.location_name == "Building 240, Room 1501"
    # Changing the role does not add it twice; removing the participant removes the item.
    services.events.set_participant(event.id, s.tanaka.id, ParticipantRole.ATTENDEE)
    assert len(services.itinerary.for_visit(s.visit_in.id)) == 1
    services.events.remove_participant(event.id, s.tanaka.id)
    assert services.itinerary.for_visit(s.visit_in.id) == []


def test_event_outside_the_visit_or_for_a_cancelled_visit_is_not_added(
    services: Services,
) -> None:
    s = make_sample(services)
    assert s.argonne.id is not None and s.tanaka.id is not None and s.visit_in.id is not None
    late = _seminar(services, s.argonne.id, 25)
    assert late.id is not None
    services.events.set_participant(late.id, s.tanaka.id)
    assert services.itinerary.for_visit(s.visit_in.id) == []
    services.visits.set_status(s.visit_in.id, VisitStatus.CANCELLED)
    inside = _seminar(services, s.argonne.id, 10)
    assert inside.id is not None
    assert services.events.visits_covering(inside.id, s.tanaka.id) == []
    services.events.set_participant(inside.id, s.tanaka.id)
    assert services.itinerary.for_visit(s.visit_in.id) == []

"""Series in the services: sites, occurrence changes, and the participants' itineraries."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from planner.domain.entities import Event
from planner.domain.enums import Attendance, EventKind, EventMode, Frequency
from planner.domain.errors import ValidationError
from planner.domain.series import WorkingHours, parse_hours
from planner.services.container import Services
from tests.fixtures.sample import Sample

FIRST = datetime(2027, 3, 2, 23, 0, tzinfo=UTC)  # Tue 2 March 2027, 17:00 CST


def _series(sample: Sample, **changes: object) -> Event:
    assert sample.argonne.id is not None
    event = Event(
        kind=EventKind.SEMINAR, title="AuroraGPT joint seminar", institution_id=sample.argonne.id,
        start_utc=FIRST, start_zone="America/Chicago", end_utc=FIRST + timedelta(hours=1),
        end_zone="America/Chicago", mode=EventMode.HYBRID,
        meeting_link="https://meet.example.org/aurora", dial_in="+1 630 555 0100, code 123",
        frequency=Frequency.WEEKLY, repeat_until=date(2027, 4, 6),
    )  # fmt: skip
    return dataclasses.replace(event, **changes)


def _item_starts(services: Services, visit_id: int) -> list[datetime]:
    return sorted(i.start_utc for i in services.itinerary.for_visit(visit_id) if i.event_id)


def test_occurrences_inside_the_stay_join_the_itinerary_and_follow_changes(
    services: Services, sample: Sample
) -> None:
    event = services.events.create(_series(sample))
    assert event.id is not None and sample.tanaka.id and sample.visit_in.id
    services.events.set_participant(event.id, sample.tanaka.id, attendance=Attendance.REMOTE)
    (participant,) = services.events.participants(event.id)
    assert participant.attendance is Attendance.REMOTE
    # Tanaka stays 8–19 March: the occurrences of 9 and 16 March (CST, then CDT).
    nine = datetime(2027, 3, 9, 23, 0, tzinfo=UTC)
    sixteen = datetime(2027, 3, 16, 22, 0, tzinfo=UTC)
    assert _item_starts(services, sample.visit_in.id) == [nine, sixteen]

    moved = datetime(2027, 3, 17, 22, 0, tzinfo=UTC)
    services.events.change_occurrence(event.id, date(2027, 3, 16), start_utc=moved,
                                      end_utc=moved + timedelta(hours=1))  # fmt: skip
    assert _item_starts(services, sample.visit_in.id) == [nine, moved]
    services.events.change_occurrence(event.id, date(2027, 3, 9), cancelled=True)
    assert _item_starts(services, sample.visit_in.id) == [moved]
    services.events.restore_occurrence(event.id, date(2027, 3, 9))
    assert _item_starts(services, sample.visit_in.id) == [nine, moved]

    details = services.events.details(event.id)
    assert [o.original_date.day for o in details.occurrences] == [2, 9, 16, 23, 30, 6]
    assert details.occurrences[2].moved

    # Moving the whole series a week later brings the itinerary along.
    later = services.events.update(dataclasses.replace(
        details.event, start_utc=FIRST + timedelta(weeks=1),
        end_utc=FIRST + timedelta(weeks=1, hours=1)))  # fmt: skip
    assert later.version > event.version
    assert nine in _item_starts(services, sample.visit_in.id)


def test_sites_give_local_times_and_flags(services: Services, sample: Sample) -> None:
    event = services.events.create(_series(sample))
    assert event.id and sample.argonne.id and sample.riken.id
    services.events.set_sites(
        event.id,
        [(sample.argonne.id, WorkingHours()), (sample.riken.id, parse_hours("07:00-19:00"))],
    )
    details = services.events.details(event.id)
    assert [s.zone for s in details.sites] == ["America/Chicago", "Asia/Tokyo"]
    kobe = [row[1] for row in details.times]
    assert [t.start.hour for t in kobe] == [8, 8, 7, 7, 7, 7]
    assert [t.clock_change for t in kobe] == ["", "", "America/Chicago", "", "", ""]
    assert not any(t.outside_hours for t in kobe)
    with pytest.raises(ValidationError):
        services.events.set_sites(event.id, [(sample.riken.id, WorkingHours())] * 2)
    with pytest.raises(ValidationError):
        services.events.set_sites(event.id, [(999_999, WorkingHours())])


def test_bad_series_and_changes_are_refused(services: Services, sample: Sample) -> None:
    with pytest.raises(ValidationError):
        services.events.create(_series(sample, repeat_until=None))
    with pytest.raises(ValidationError):
        services.events.create(_series(sample, meeting_link="javascript:alert(1)"))
    event = services.events.create(_series(sample))
    assert event.id is not None
    with pytest.raises(ValidationError):  # a Wednesday: no occurrence then
        services.events.change_occurrence(event.id, date(2027, 3, 3), cancelled=True)
    with pytest.raises(ValidationError):
        services.events.change_occurrence(event.id, date(2027, 3, 9))
    assert services.events.details(event.id).changes == ()

"""ItineraryService additions used by import and the editor: bulk create, manual order."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from planner.domain.entities import ItineraryItem
from planner.domain.enums import ItineraryKind
from planner.domain.errors import ValidationError
from planner.services.container import Services
from tests.fixtures.sample import make_sample


def _item(visit_id: int, title: str, hour: int) -> ItineraryItem:
    start = datetime(2027, 3, 9, hour, tzinfo=UTC)
    return ItineraryItem(
        visit_id=visit_id, kind=ItineraryKind.MEETING, title=title, start_utc=start,
        start_zone="America/Chicago", end_utc=start.replace(hour=hour + 1),
        end_zone="America/Chicago",
    )  # fmt: skip


def test_create_many_is_all_or_nothing(services: Services) -> None:
    sample = make_sample(services)
    visit_id = sample.visit_in.id or 0
    good = [_item(visit_id, "a", 15), _item(visit_id, "b", 16)]
    created = services.itinerary.create_many(good)
    assert [i.position for i in created] == [0, 1]
    assert len({i.uid for i in created}) == 2
    broken = [_item(visit_id, "c", 17), dataclasses.replace(_item(visit_id, "d", 18), visit_id=999)]
    with pytest.raises(ValidationError):
        services.itinerary.create_many(broken)
    invalid = [_item(visit_id, "e", 17), _item(visit_id, "", 18)]
    with pytest.raises(ValidationError):
        services.itinerary.create_many(invalid)
    assert [i.title for i in services.itinerary.for_visit(visit_id)] == ["a", "b"]


def test_set_order_changes_positions_not_sequence(services: Services) -> None:
    sample = make_sample(services)
    visit_id = sample.visit_in.id or 0
    a, b, c = services.itinerary.create_many(
        [_item(visit_id, "a", 15), _item(visit_id, "b", 15), _item(visit_id, "c", 16)]
    )
    assert a.id and b.id and c.id
    services.itinerary.set_order(visit_id, [b.id, a.id, c.id])
    assert services.itinerary.manual_order(visit_id) == [b.id, a.id, c.id]
    assert [i.title for i in services.itinerary.for_visit(visit_id)] == ["b", "a", "c"]
    assert services.itinerary.get(a.id).sequence == 0
    with pytest.raises(ValidationError):
        services.itinerary.set_order(visit_id, [a.id, b.id])
    with pytest.raises(ValidationError):
        services.itinerary.set_order(visit_id, [a.id, a.id, b.id])

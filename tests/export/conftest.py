"""A visit whose itinerary crosses the date line both ways and a US daylight-saving change."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime

import pytest

from planner.domain.entities import ItineraryItem, Person, Visit
from planner.domain.enums import ItineraryKind, PersonCategory
from planner.domain.timezones import local_to_utc
from planner.services.container import Services
from tests.fixtures.sample import Sample, make_sample

SECRET_VISIT_NOTE = "MARKER-INTERNAL-VISIT-7f3a"
SECRET_ITEM_NOTE = "MARKER-INTERNAL-ITEM-91bc"
PASSPORT = "TK0000001"
HOSTILE_TITLE = "<script>alert(1)</script>"

TOKYO, CHICAGO = "Asia/Tokyo", "America/Chicago"


def at(text: str, zone: str) -> datetime:
    """UTC instant of a local ``YYYY-MM-DD HH:MM`` wall time in *zone*."""
    return local_to_utc(datetime.strptime(text, "%Y-%m-%d %H:%M"), zone)


@dataclass(frozen=True)
class TripData:
    """The sample plus the visit with its itinerary items (by name)."""

    sample: Sample
    visit: Visit
    host: Person
    items: dict[str, ItineraryItem]


def make_trip(services: Services) -> TripData:
    """Tanaka (RIKEN) visits Argonne 2027-03-08 → 2027-03-19, across the 14 March DST change."""
    sample = make_sample(services)
    assert sample.argonne.id is not None
    services.institutions.update(
        dataclasses.replace(sample.argonne, address="9700 S. Cass Avenue, Lemont, IL 60439, USA")
    )
    host = services.people.create(
        Person(
            family_name="Miller",
            given_name="Alex",
            category=PersonCategory.RESEARCHER,
            home_institution_id=sample.argonne.id,
            email="amiller@example.org",
            phone="+1 630 555 0100",
            nationality="US",
        )
    )
    visit = services.visits.update(
        dataclasses.replace(
            sample.visit_in,
            host_person_id=host.id,
            internal_notes=SECRET_VISIT_NOTE,
            visitor_notes="Your host meets you at the hotel lobby.",
        )
    )
    assert visit.id is not None

    def item(name: str, **fields: object) -> tuple[str, ItineraryItem]:
        base = {"visit_id": visit.id, "internal_notes": SECRET_ITEM_NOTE}
        return name, services.itinerary.create(ItineraryItem(**{**base, **fields}))  # type: ignore[arg-type]

    items = dict(
        [
            item(
                "outbound",
                kind=ItineraryKind.FLIGHT,
                title="Flight NH 112 Tokyo Haneda → Chicago O'Hare",
                title_ja="NH112便 羽田 → シカゴ・オヘア",
                start_utc=at("2027-03-08 10:40", TOKYO),
                start_zone=TOKYO,
                end_utc=at("2027-03-08 07:30", CHICAGO),
                end_zone=CHICAGO,
                location_name="Tokyo Haneda Airport (HND), Terminal 3",
                confirmation_code="FJ6CRT",
            ),
            item(
                "hotel",
                kind=ItineraryKind.LODGING,
                title="Argonne Guest House",
                title_ja="アルゴンヌ・ゲストハウス",
                start_utc=at("2027-03-08 15:00", CHICAGO),
                start_zone=CHICAGO,
                end_utc=at("2027-03-19 09:30", CHICAGO),
                end_zone=CHICAGO,
                location_name="Argonne Guest House",
                location_address="9700 S. Cass Avenue, Lemont, IL 60439, USA",
            ),
            item(
                "hostile",
                kind=ItineraryKind.MEETING,
                title=HOSTILE_TITLE,
                start_utc=at("2027-03-09 10:00", CHICAGO),
                start_zone=CHICAGO,
                end_utc=at("2027-03-09 11:00", CHICAGO),
                end_zone=CHICAGO,
            ),
            item(
                "after_dst",
                kind=ItineraryKind.SEMINAR,
                title="AuroraGPT seminar",
                title_ja="AuroraGPT セミナー",
                start_utc=at("2027-03-15 14:00", CHICAGO),
                start_zone=CHICAGO,
                end_utc=at("2027-03-15 15:30", CHICAGO),
                end_zone=CHICAGO,
                location_name="Building 240, Room 1501",
            ),
            item(
                "return",
                kind=ItineraryKind.FLIGHT,
                title="Flight NH 111 Chicago O'Hare → Tokyo Haneda",
                title_ja="NH111便 シカゴ・オヘア → 羽田",
                start_utc=at("2027-03-19 12:40", CHICAGO),
                start_zone=CHICAGO,
                end_utc=at("2027-03-20 16:25", TOKYO),
                end_zone=TOKYO,
                confirmation_code="K2P9QX",
            ),
        ]
    )
    return TripData(sample, services.visits.get(visit.id), host, items)


@pytest.fixture
def trip(services: Services) -> TripData:
    """The trip above, stored."""
    return make_trip(services)

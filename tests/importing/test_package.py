"""Reading and importing exchange packages: refusals, matching, codes, the admission guard."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner.domain.enums import VisitStatus
from planner.export.package import package_to_json
from planner.importing.package import import_visit_package, parse_package
from planner.services.container import Services
from planner.services.exchange import SCHEMA_VERSION, PackageError
from planner.services.exchange_import import ImportOptions
from tests.export.conftest import make_trip
from tests.fixtures.database import open_migrated
from tests.fixtures.paperwork import approve_blocking
from tests.fixtures.sample import make_sample

#: These tests read unsigned JSON objects: signatures are tested in test_package_security.
UNSIGNED_OK = ImportOptions(accept_unsigned=True)


@pytest.fixture
def package(services: Services) -> dict[str, Any]:
    """The JSON object of a confirmed visit with itinerary and paperwork."""
    trip = make_trip(services)
    visit_id = trip.visit.id
    assert visit_id is not None
    approve_blocking(services, visit_id)
    for status in (VisitStatus.PROPOSED, VisitStatus.APPROVED, VisitStatus.CONFIRMED):
        services.visits.set_status(visit_id, status)
    return package_to_json(services.exchange.build(visit_id))


@pytest.fixture
def partner(tmp_path: Path) -> Iterator[Services]:
    """The partner's database, empty."""
    svc = open_migrated(tmp_path / "partner.sqlite3")
    yield svc
    svc.close()


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "in.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _empty(services: Services) -> bool:
    return (
        services.visits.count() == 0
        and not services.people.list()
        and not services.institutions.list()
    )


def test_newer_schema_version_refused(
    package: dict[str, Any], partner: Services, tmp_path: Path
) -> None:
    package["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(PackageError) as err:
        import_visit_package(partner, _write(tmp_path, package), UNSIGNED_OK)
    assert f"schema version {SCHEMA_VERSION + 1}" in str(err.value)
    assert f"up to {SCHEMA_VERSION}" in str(err.value)
    assert _empty(partner)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "package must be a JSON object"),
        ('{"format": "something else"}', "not a visit exchange package"),
    ],
)
def test_malformed_files_refused(
    partner: Services, tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(PackageError, match=message):
        import_visit_package(partner, _write(tmp_path, text), UNSIGNED_OK)
    assert _empty(partner)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (("visit", "arrival_date"), "missing field visit.arrival_date"),
        (("visit", "exchange_id"), "missing field visit.exchange_id"),
        (("people", "visitor"), "missing field people.visitor"),
        (("institutions",), "missing field institutions"),
    ],
)
def test_missing_fields_named(
    package: dict[str, Any], partner: Services, tmp_path: Path,
    path: tuple[str, ...], message: str,
) -> None:  # fmt: skip
    target = package
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    with pytest.raises(PackageError, match=message):
        import_visit_package(partner, _write(tmp_path, package), UNSIGNED_OK)
    assert _empty(partner)


def test_bad_values_named(package: dict[str, Any]) -> None:
    package["itinerary"][0]["start_utc"] = "tomorrow"
    with pytest.raises(PackageError, match=r"itinerary\[0\]\.start_utc"):
        parse_package(json.dumps(package))
    package["itinerary"][0]["start_utc"] = "2027-03-08T01:40:00Z"
    package["visit"]["status"] = "teleported"
    with pytest.raises(PackageError, match=r"visit\.status: 'teleported' is not one of"):
        parse_package(json.dumps(package))
    package["visit"]["status"] = "draft"
    package["visit"]["exchange_id"] = "visit-7"
    with pytest.raises(PackageError, match=r"visit\.exchange_id: 'visit-7' is not a UUID"):
        parse_package(json.dumps(package))


def test_failure_late_in_the_import_writes_nothing(
    package: dict[str, Any], partner: Services, tmp_path: Path
) -> None:
    package["itinerary"][-1]["end_zone"] = "Mars/Olympus_Mons"
    with pytest.raises(PackageError, match="itinerary item"):
        import_visit_package(partner, _write(tmp_path, package), UNSIGNED_OK)
    assert _empty(partner)


def test_existing_records_matched_and_code_reassigned(
    package: dict[str, Any], partner: Services, tmp_path: Path
) -> None:
    sample = make_sample(partner)  # same institutions and Tanaka; V-2027-0001 is taken
    result = import_visit_package(partner, _write(tmp_path, package), UNSIGNED_OK)
    visit = result.visit
    assert visit.visitor_id == sample.tanaka.id
    assert visit.host_institution_id == sample.argonne.id
    assert len(partner.institutions.list()) == 2
    assert visit.code != package["visit"]["code"]
    assert package["visit"]["code"] in visit.internal_notes
    assert any("is taken here" in note for note in result.notes)


def test_people_matched_by_names_and_birth_date(
    package: dict[str, Any], partner: Services, tmp_path: Path
) -> None:
    sample = make_sample(partner)
    package["people"]["visitor"]["email"] = "new-address@example.jp"
    package["people"]["visitor"]["date_of_birth"] = "1980-05-17"
    package["includes_sensitive"] = True
    package["institutions"]["home"]["name"] = "Some other name"
    visit = import_visit_package(partner, _write(tmp_path, package), UNSIGNED_OK).visit
    assert visit.visitor_id == sample.tanaka.id
    assert len(partner.institutions.list()) == 2  # RIKEN matched by its Japanese name


def test_admission_guard_falls_back_to_approved(
    package: dict[str, Any], partner: Services, tmp_path: Path
) -> None:
    for paper in package["paperwork"]:
        paper["status"] = "not_started"
        paper["approved_date"] = None
    result = import_visit_package(partner, _write(tmp_path, package), UNSIGNED_OK)
    assert result.visit.status is VisitStatus.APPROVED
    assert any("not approved or waived here" in note for note in result.notes)
    assert result.visit.id is not None
    reasons = [e.reason for e in partner.visits.history(result.visit.id)]
    assert any("accepted with --accept-unsigned" in reason for reason in reasons)


def test_changes_published_only_after_a_successful_import(
    package: dict[str, Any], partner: Services, tmp_path: Path
) -> None:
    seen: list[tuple[str, str]] = []
    partner.bus.subscribe(lambda change: seen.append((change.kind, change.action.value)))
    bad = json.loads(json.dumps(package))
    bad["itinerary"][0]["end_zone"] = "Nowhere/At_All"
    with pytest.raises(PackageError):
        import_visit_package(partner, _write(tmp_path, bad), UNSIGNED_OK)
    assert seen == []
    import_visit_package(partner, _write(tmp_path, package), UNSIGNED_OK)
    assert ("visit", "create") in seen
    assert ("itinerary_item", "import") in seen and ("person", "import") in seen


def test_phones_in_a_package_are_read_in_the_persons_home_country(
    package: dict[str, Any], partner: Services, tmp_path: Path
) -> None:
    home = package["people"]["visitor"]["institution"]
    country = package["institutions"][home]["country"]
    local = {"JP": "048-462-1111", "US": "630-252-2000"}[country]
    package["people"]["visitor"]["phone"] = local
    import_visit_package(partner, _write(tmp_path, package), UNSIGNED_OK)
    visitor = next(
        p for p in partner.people.list() if p.email == package["people"]["visitor"]["email"]
    )
    assert visitor.phone == {"JP": "+81484621111", "US": "+16302522000"}[country]


def test_a_package_with_an_undiallable_phone_is_refused_whole(
    package: dict[str, Any], partner: Services, tmp_path: Path
) -> None:
    package["people"]["visitor"]["phone"] = "12"
    with pytest.raises(PackageError, match=r"cannot be imported: .*'12' is too short"):
        import_visit_package(partner, _write(tmp_path, package), UNSIGNED_OK)
    assert _empty(partner)

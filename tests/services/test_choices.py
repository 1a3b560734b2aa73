"""Per-database choices: the home institution lives in the database it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.domain.entities import Institution
from planner.domain.enums import InstitutionKind
from planner.domain.errors import NotFoundError
from planner.services.container import Services
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import Sample


def test_home_institution_round_trip_and_unset(services: Services, sample: Sample) -> None:
    assert services.choices.home_institution_id() is None
    services.choices.set_home_institution(sample.riken.id)
    assert services.choices.home_institution_id() == sample.riken.id
    services.choices.set_home_institution(None)
    assert services.choices.home_institution_id() is None


def test_an_unknown_institution_is_refused(services: Services, sample: Sample) -> None:
    with pytest.raises(NotFoundError, match="no institution with id 999"):
        services.choices.set_home_institution(999)
    assert services.choices.home_institution_id() is None


def test_a_deleted_home_institution_reads_as_unset(services: Services) -> None:
    lab = services.institutions.create(
        Institution(
            name="Short-lived Lab",
            kind=InstitutionKind.NATIONAL_LAB,
            country="US",
            timezone="America/Chicago",
        )
    )
    assert lab.id is not None
    services.choices.set_home_institution(lab.id)
    services.institutions.delete(lab.id)
    assert services.choices.home_institution_id() is None


def test_legacy_setting_is_adopted_once_and_never_overrides(
    services: Services, sample: Sample
) -> None:
    assert sample.riken.id is not None and sample.argonne.id is not None
    assert services.choices.adopt_home_institution(None) is None
    assert services.choices.adopt_home_institution(999) is None  # not in this database
    assert services.choices.adopt_home_institution(sample.riken.id) == sample.riken.id
    # The database has its own choice now: a legacy value no longer changes it.
    assert services.choices.adopt_home_institution(sample.argonne.id) == sample.riken.id
    services.choices.set_home_institution(None)  # unset on purpose stays unset
    assert services.choices.adopt_home_institution(sample.argonne.id) is None


def test_the_choice_does_not_leak_to_another_database(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    services.choices.set_home_institution(sample.riken.id)
    other = open_migrated(tmp_path / "other.sqlite3")
    try:
        assert other.choices.home_institution_id() is None
    finally:
        other.close()

"""Atomic, private writes; the command line of ``planner export itinerary``; batch export."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.domain.entities import Event
from planner.domain.enums import EventKind, ParticipantRole
from planner.export.atomic import ExportError, atomic_write
from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat, export_event_itineraries, export_itinerary
from planner.services.container import Services
from tests.export.conftest import CHICAGO, TripData, at, make_trip
from tests.fixtures.database import open_migrated


def test_atomic_write_replaces_whole_file_with_mode_0600(tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    target.write_bytes(b"old")
    target.chmod(0o644)
    atomic_write(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.ics"]


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"previous export")

    def disk_full(self: Path, other: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        atomic_write(target, b"x" * 1000)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "x.html", b"")


@pytest.fixture
def trip_db(db_path: Path) -> tuple[Path, str]:
    services = open_migrated(db_path)
    trip = make_trip(services)
    services.close()
    return db_path, trip.visit.code


@pytest.mark.parametrize("fmt", ["ics", "html", "pdf"])
def test_cli_export_itinerary(
    trip_db: tuple[Path, str], tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db, code = trip_db
    out = tmp_path / f"itinerary.{fmt}"
    assert (
        main(["export", "itinerary", code, "--format", fmt, "-o", str(out), "--db", str(db)]) == 0
    )
    assert out.stat().st_size > 0 and out.stat().st_mode & 0o777 == 0o600
    assert code in capsys.readouterr().out


def test_cli_export_errors_are_one_line_and_exit_1(
    trip_db: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, code = trip_db
    missing = tmp_path / "no-such-folder" / "x.pdf"
    assert (
        main(["export", "itinerary", code, "--format", "pdf", "-o", str(missing), "--db", str(db)])
        == 1
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err
    assert not missing.parent.exists()
    assert (
        main(
            [
                "export",
                "itinerary",
                "V-1999-0001",
                "--format",
                "ics",
                "-o",
                str(tmp_path / "a.ics"),
                "--db",
                str(db),
            ]
        )
        == 1
    )
    assert "V-1999-0001" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["export", "itinerary", code, "--format", "docx", "-o", "x", "--db", str(db)])
    assert usage.value.code == 2


def test_cli_default_language_is_english(trip_db: tuple[Path, str], tmp_path: Path) -> None:
    db, code = trip_db
    out = tmp_path / "x.html"
    assert (
        main(["export", "itinerary", code, "--format", "html", "-o", str(out), "--db", str(db)])
        == 0
    )
    assert "Visitor" in out.read_text(encoding="utf-8")
    assert "訪問者" not in out.read_text(encoding="utf-8")


def test_batch_export_of_event_participants(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    assert trip.sample.argonne.id is not None and trip.sample.tanaka.id is not None
    event = services.events.create(
        Event(
            kind=EventKind.SEMINAR, title="Joint seminar", institution_id=trip.sample.argonne.id,
            start_utc=at("2027-03-16 15:00", CHICAGO), start_zone=CHICAGO,
            end_utc=at("2027-03-16 16:00", CHICAGO), end_zone=CHICAGO,
        )
    )  # fmt: skip
    assert event.id is not None
    services.events.set_participant(event.id, trip.sample.tanaka.id, ParticipantRole.SPEAKER)
    services.events.set_participant(event.id, trip.sample.miller.id or 0)  # no covering visit
    seen: list[tuple[int, int, str]] = []
    result = export_event_itineraries(
        services, event.id, tmp_path, ExportFormat.HTML, Lang.JA,
        progress=lambda d, t, n: seen.append((d, t, n)) is None,
    )  # fmt: skip
    assert [p.name for p in result.written] == [f"{trip.visit.code}-Tanaka.html"]
    assert result.failed == ()
    assert seen[0] == (0, 1, f"{trip.visit.code}-Tanaka.html") and seen[-1] == (1, 1, "")
    assert "Joint seminar" in result.written[0].read_text(encoding="utf-8")


def test_export_function_refuses_unknown_visit(services: Services, tmp_path: Path) -> None:
    from planner.domain.errors import NotFoundError

    with pytest.raises(NotFoundError):
        export_itinerary(services, 999, ExportFormat.HTML, tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


def test_cli_batch_export(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_migrated(db_path)
    trip = make_trip(services)
    assert trip.sample.argonne.id is not None and trip.sample.tanaka.id is not None
    event = services.events.create(
        Event(
            kind=EventKind.SEMINAR, title="Seminar", institution_id=trip.sample.argonne.id,
            start_utc=at("2027-03-16 15:00", CHICAGO), start_zone=CHICAGO,
            end_utc=at("2027-03-16 16:00", CHICAGO), end_zone=CHICAGO,
        )
    )  # fmt: skip
    assert event.id is not None
    services.events.set_participant(event.id, trip.sample.tanaka.id)
    services.close()
    folder = tmp_path / "out"
    folder.mkdir()
    argv = ["export", "event-itineraries", str(event.id), "--format", "ics", "--lang", "bilingual"]
    assert main([*argv, "-o", str(folder), "--db", str(db_path)]) == 0
    assert [p.name for p in folder.iterdir()] == [f"{trip.visit.code}-Tanaka.ics"]
    assert main([*argv, "-o", str(tmp_path / "missing"), "--db", str(db_path)]) == 1
    assert "not a folder" in capsys.readouterr().err

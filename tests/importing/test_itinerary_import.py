"""``planner import itinerary``: CSV and XLSX, all or nothing, problems by row and column."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from planner.cli import main
from planner.domain.enums import ItineraryKind
from planner.importing.itinerary import ImportRowsError, import_itinerary
from planner.services.container import Services
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import Sample, make_sample

HEADER = "kind,title,start,start_zone,end,end_zone,location,address,confirmation"


def _csv(tmp_path: Path, *lines: str, bom: bool = False, name: str = "items.csv") -> Path:
    path = tmp_path / name
    text = "\n".join([HEADER, *lines]) + "\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.mark.parametrize("bom", [False, True])
def test_csv_rows_become_items_in_their_zones(
    services: Services, sample: Sample, tmp_path: Path, bom: bool
) -> None:
    path = _csv(
        tmp_path,
        "flight,NH 111 Chicago → Tokyo,2027-03-19 12:40,America/Chicago,2027-03-20 16:25,"
        "Asia/Tokyo,O'Hare T5,,K2P9QX",
        'meeting,"Kick-off, room 1501",2027-03-09 10:00,,2027-03-09 11:00,,Bldg 240,'
        '"9700 S. Cass Avenue, Lemont",',
        bom=bom,
    )
    created = import_itinerary(services, path, sample.visit_in.code)
    assert [i.kind for i in created] == [ItineraryKind.FLIGHT, ItineraryKind.MEETING]
    flight, meeting = created
    assert flight.start_utc == datetime(2027, 3, 19, 17, 40, tzinfo=UTC)  # CDT, after 14 March
    assert flight.end_utc == datetime(2027, 3, 20, 7, 25, tzinfo=UTC)
    assert (flight.start_zone, flight.end_zone) == ("America/Chicago", "Asia/Tokyo")
    assert flight.confirmation_code == "K2P9QX" and flight.uid
    # Empty zones mean the host institution's zone (Argonne: Chicago, CST on 9 March).
    assert meeting.start_zone == "America/Chicago"
    assert meeting.start_utc == datetime(2027, 3, 9, 16, 0, tzinfo=UTC)
    assert meeting.title == "Kick-off, room 1501"
    assert meeting.location_address == "9700 S. Cass Avenue, Lemont"
    history = services.itinerary.for_visit(sample.visit_in.id or 0)
    assert len(history) == 2


def test_any_bad_row_means_nothing_written_and_every_problem_listed(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        "meeting,Fine,2027-03-09 10:00,,2027-03-09 11:00,,,,",
        "flight,,2027-03-14 02:30,America/Chicago,2027-03-14 05:00,Mars/Olympus,,,",
        "",
        "teleport,Dinner,yesterday,,2027-11-07 01:30,,,,",
        "meal,Backwards,2027-03-10 12:00,,2027-03-10 11:00,,,,",
    )
    with pytest.raises(ImportRowsError) as info:
        import_itinerary(services, path, sample.visit_in.code)
    found = [(p.row, p.column) for p in info.value.problems]
    assert found == [
        (3, "title"),
        (3, "start"),
        (3, "end_zone"),
        (5, "kind"),
        (5, "start"),
        (5, "end"),
        (6, "end"),
    ]
    messages = {(p.row, p.column): p.message for p in info.value.problems}
    assert "does not exist" in messages[(3, "start")] and "UTC−05:00" in messages[(3, "start")]
    assert "happens twice" in messages[(5, "end")]
    assert "ends before it starts" in messages[(6, "end")]
    assert "row 3, column start" in str(info.value)
    assert services.itinerary.for_visit(sample.visit_in.id or 0) == []


def test_header_problems_are_row_1(services: Services, sample: Sample, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("kind,title,begin,end\nmeeting,x,2027-03-09 10:00,2027-03-09 11:00\n")
    with pytest.raises(ImportRowsError) as info:
        import_itinerary(services, path, sample.visit_in.code)
    assert [(p.row, p.column) for p in info.value.problems] == [(1, "start"), (1, "begin")]


def test_not_utf8_is_refused(services: Services, sample: Sample, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        (HEADER + "\nmeeting,Caf\xe9,2027-03-09 10:00,,2027-03-09 11:00,,,,\n").encode("latin-1")
    )
    with pytest.raises(ImportRowsError, match="UTF-8"):
        import_itinerary(services, path, sample.visit_in.code)


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_with_real_datetimes(services: Services, sample: Sample, tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "items.xlsx",
        [
            ["train", "Nozomi", datetime(2027, 4, 5, 11, 10), "Asia/Tokyo",
             datetime(2027, 4, 5, 13, 57), "Asia/Tokyo", "Shin-Kobe", None, "S858A5"],
            ["meal", "Welcome dinner", "2027-04-05 18:30", None, "2027-04-05 20:00", None,
             None, None, None],
        ],
    )  # fmt: skip
    created = import_itinerary(services, path, sample.visit_out.code)
    assert [i.title for i in created] == ["Nozomi", "Welcome dinner"]
    assert created[0].start_utc == datetime(2027, 4, 5, 2, 10, tzinfo=UTC)
    assert created[1].start_zone == "Asia/Tokyo"  # RIKEN's zone


def test_xlsx_formulas_are_not_evaluated(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    path = _xlsx(
        tmp_path / "formula.xlsx",
        [["meeting", "=HYPERLINK(\"http://x\")", "=NOW()", None, "2027-04-06 11:00", None,
          None, None, None]],
    )  # fmt: skip
    with pytest.raises(ImportRowsError) as info:
        import_itinerary(services, path, sample.visit_out.code)
    # openpyxl never computes formulas; a file saved without cached values has empty cells.
    assert [(p.row, p.column) for p in info.value.problems] == [(2, "title"), (2, "start")]
    assert services.itinerary.for_visit(sample.visit_out.id or 0) == []


def test_import_is_audited(services: Services, sample: Sample, tmp_path: Path) -> None:
    from sqlalchemy import select

    from planner.db.models import AuditRow

    path = _csv(tmp_path, "meeting,Fine,2027-03-09 10:00,,2027-03-09 11:00,,,,")
    (item,) = import_itinerary(services, path, sample.visit_in.code)
    with services.db.read() as session:
        actions = session.scalars(
            select(AuditRow.action).where(
                AuditRow.entity == "itinerary_item", AuditRow.entity_id == item.id
            )
        ).all()
    assert [a.value for a in actions] == ["import"]


def test_cli_import(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    services = open_migrated(db_path)
    sample = make_sample(services)
    services.close()
    good = _csv(tmp_path, "meeting,Fine,2027-03-09 10:00,,2027-03-09 11:00,,,,", name="g.csv")
    bad = _csv(tmp_path, "meeting,Fine,2027-03-09 10:00,,nonsense,,,,", name="b.csv")
    code = sample.visit_in.code
    assert main(["import", "itinerary", str(bad), "--visit", code, "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "nothing imported" in err and "row 2, column end" in err
    assert main(["import", "itinerary", str(good), "--visit", code, "--db", str(db_path)]) == 0
    assert "1 itinerary items imported" in capsys.readouterr().out
    # The same file again updates nothing and adds nothing (issue 18): it says so.
    assert main(["import", "itinerary", str(good), "--visit", code, "--db", str(db_path)]) == 0
    assert "0 added, 0 updated, 1 already up to date" in capsys.readouterr().out
    assert (
        main(
            [
                "import",
                "itinerary",
                str(tmp_path / "none.csv"),
                "--visit",
                code,
                "--db",
                str(db_path),
            ]
        )
        == 1
    )
    assert (
        main(["import", "itinerary", str(good), "--visit", "V-1900-0001", "--db", str(db_path)])
        == 1
    )


def test_reimporting_updates_instead_of_duplicating(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    from planner.importing.itinerary import merge_itinerary

    visit = sample.visit_in
    assert visit.id is not None
    first = _csv(
        tmp_path,
        "flight,NH 111,2027-03-19 12:40,America/Chicago,2027-03-20 16:25,Asia/Tokyo,,,K2P9QX",
        "meeting,Kick-off,2027-03-09 10:00,,2027-03-09 11:00,,Bldg 240,,",
    )
    added = merge_itinerary(services, first, visit.code).added
    assert len(added) == 2
    # The same rows, one with a new room and one new row: one update, one add, one same.
    again = _csv(
        tmp_path,
        "flight,NH 111,2027-03-19 12:40,America/Chicago,2027-03-20 16:25,Asia/Tokyo,,,K2P9QX",
        "meeting,Kick-off,2027-03-09 10:00,,2027-03-09 11:00,,Bldg 240 room 1501,,",
        "meal,Dinner,2027-03-09 18:00,,2027-03-09 20:00,,,,",
        name="again.csv",
    )
    result = merge_itinerary(services, again, visit.code)
    assert (len(result.added), len(result.updated), len(result.unchanged)) == (1, 1, 1)
    items = services.itinerary.for_visit(visit.id)
    assert len(items) == 3
    meeting = next(i for i in items if i.title == "Kick-off")
    assert meeting.location_name == "Bldg 240 room 1501"
    assert meeting.uid == next(i.uid for i in added if i.title == "Kick-off")  # same event
    assert meeting.sequence == 1  # calendars replace it


def test_a_uid_column_matches_even_a_moved_item(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    from planner.importing.itinerary import merge_itinerary

    visit = sample.visit_in
    (item,) = import_itinerary(
        services, _csv(tmp_path, "meeting,Kick-off,2027-03-09 10:00,,2027-03-09 11:00,,,,"),
        visit.code,
    )  # fmt: skip
    moved = tmp_path / "moved.csv"
    moved.write_text(
        f"{HEADER},uid\nmeeting,Kick-off moved,2027-03-10 10:00,,2027-03-10 11:00,,,,,{item.uid}\n",
        encoding="utf-8",
    )
    result = merge_itinerary(services, moved, visit.code)
    assert not result.added and [i.uid for i in result.updated] == [item.uid]
    assert result.updated[0].title == "Kick-off moved"


def test_a_foreign_uid_never_takes_another_visits_item(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    """A UID of another visit's item in the file adds a new item with a UID of its own."""
    from planner.importing.itinerary import merge_itinerary

    (other,) = import_itinerary(
        services, _csv(tmp_path, "meeting,Theirs,2027-03-09 10:00,,2027-03-09 11:00,,,,"),
        sample.visit_out.code,
    )  # fmt: skip
    path = tmp_path / "foreign.csv"
    path.write_text(
        f"{HEADER},uid\nmeeting,Mine,2027-03-09 10:00,,2027-03-09 11:00,,,,,{other.uid}\n",
        encoding="utf-8",
    )
    result = merge_itinerary(services, path, sample.visit_in.code)
    (mine,) = result.added
    assert mine.uid != other.uid and mine.visit_id == sample.visit_in.id
    assert services.itinerary.get(other.id).title == "Theirs"  # type: ignore[arg-type]

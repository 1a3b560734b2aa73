"""``planner events list|find-slot`` and ``planner export event``: series end to end."""

from __future__ import annotations

import dataclasses
import email
import json
from datetime import UTC, date, datetime, timedelta
from email.message import Message
from pathlib import Path

import pytest
import recurring_ical_events
import vobject
from icalendar import Calendar

from planner.cli import main
from planner.db.location import sqlite_target
from planner.domain.entities import Event
from planner.domain.enums import Attendance, EventKind, EventMode, Frequency
from planner.domain.series import WorkingHours, parse_hours
from planner.services.container import Services
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample

FIRST = datetime(2027, 3, 2, 23, 0, tzinfo=UTC)  # Tue 2 March 2027, 17:00 CST
SLOT = ["events", "find-slot", "--zone", "America/Chicago", "--zone", "Asia/Tokyo",
        "--duration", "60", "--from", "2027-03-01", "--to", "2027-03-31"]  # fmt: skip


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def series_db(db_path: Path) -> tuple[Path, int, list[datetime]]:
    """The sample with a weekly hybrid series, one occurrence cancelled and one moved;
    returns the path, the event id and the starts every occurrence must have."""
    services = open_migrated(db_path)
    sample = make_sample(services)
    assert sample.argonne.id and sample.riken.id and sample.tanaka.id and sample.miller.id
    event = services.events.create(Event(
        kind=EventKind.SEMINAR, title="AuroraGPT joint seminar", title_ja="AuroraGPT合同セミナー",
        institution_id=sample.argonne.id, start_utc=FIRST, start_zone="America/Chicago",
        end_utc=FIRST + timedelta(hours=1), end_zone="America/Chicago", mode=EventMode.HYBRID,
        meeting_link="https://meet.example.org/aurora", dial_in="+1 630 555 0100",
        frequency=Frequency.WEEKLY, repeat_until=date(2027, 4, 27),
    ))  # fmt: skip
    assert event.id is not None
    services.events.set_sites(
        event.id,
        [(sample.argonne.id, WorkingHours()), (sample.riken.id, parse_hours("07:00-19:00"))],
    )
    services.events.set_participant(event.id, sample.tanaka.id, attendance=Attendance.REMOTE)
    services.events.set_participant(event.id, sample.miller.id)
    services.events.change_occurrence(event.id, date(2027, 3, 23), cancelled=True)
    moved = datetime(2027, 4, 7, 21, 0, tzinfo=UTC)  # Wed 16:00 CDT instead of Tue 17:00
    services.events.change_occurrence(event.id, date(2027, 4, 6), start_utc=moved,
                                      end_utc=moved + timedelta(hours=1))  # fmt: skip
    expected = [o.start_utc for o in services.events.details(event.id).occurrences]
    services.close()
    return db_path, event.id, expected


def test_series_ics_parsed_back_by_three_independent_readers(
    capsys: pytest.CaptureFixture[str], series_db: tuple[Path, int, list[datetime]],
    tmp_path: Path,
) -> None:  # fmt: skip
    db, event_id, expected = series_db
    assert len(expected) == 8  # 9 Tuesdays 2 Mar – 27 Apr, one cancelled
    folder = tmp_path / "a#b?c%41"
    folder.mkdir()
    out = folder / "series.ics"
    code, _, err = _run(capsys, "export", "event", str(event_id), "--format", "ics",
                        "-o", str(out), "--db", str(db))  # fmt: skip
    assert (code, err) == (0, "")
    data = out.read_bytes()
    assert out.stat().st_mode & 0o777 == 0o600

    cal = Calendar.from_ical(data)
    vevents = list(cal.walk("VEVENT"))
    assert len(vevents) == 2 and len({str(v["UID"]) for v in vevents}) == 1
    main_event = next(v for v in vevents if "RECURRENCE-ID" not in v)
    assert main_event["DTSTART"].params["TZID"] == "America/Chicago"
    assert "RRULE" in main_event and "EXDATE" in main_event
    assert {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")} == {"America/Chicago"}

    # 1. recurring-ical-events: the whole expansion, overrides included.
    window = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
    found = sorted(e["DTSTART"].dt.astimezone(UTC)
                   for e in recurring_ical_events.of(cal).between(*window))  # fmt: skip
    assert found == sorted(expected)
    # 2. vobject (dateutil underneath): the rule minus EXDATE, then the RECURRENCE-ID overrides.
    parsed = vobject.readOne(data.decode())
    components = parsed.vevent_list
    base = next(c for c in components if not hasattr(c, "recurrence_id"))
    rule = [d.astimezone(UTC) for d in base.getrruleset(addRDate=True)]
    overrides = {c.recurrence_id.value.astimezone(UTC): c.dtstart.value.astimezone(UTC)
                 for c in components if hasattr(c, "recurrence_id")}  # fmt: skip
    assert sorted(overrides.get(d, d) for d in rule) == sorted(expected)
    # 3. the description tells every site's time, the clock change and the meeting link.
    text = str(main_event["DESCRIPTION"])
    assert "https://meet.example.org/aurora" in text and "+1 630 555 0100" in text
    assert "Tue 2 Mar 17:00 CST = Wed 3 Mar 08:00 JST" in text
    assert "From Wed 17 Mar the time at RIKEN Wako is 07:00 JST (America/Chicago changed" in text


def test_invitation_draft_tells_each_participant_their_own_time(
    capsys: pytest.CaptureFixture[str], series_db: tuple[Path, int, list[datetime]],
    tmp_path: Path,
) -> None:  # fmt: skip
    db, event_id, expected = series_db
    out = tmp_path / "invite.eml"
    code, _, err = _run(capsys, "export", "event", str(event_id), "--format", "eml",
                        "--lang", "en", "-o", str(out), "--db", str(db))  # fmt: skip
    assert (code, err) == (0, "")
    msg = email.message_from_bytes(out.read_bytes())
    assert msg["X-Unsent"] == "1" and "Invitation" in str(msg["Subject"])
    parts = list(msg.walk())
    body = next(p for p in parts if p.get_content_type() == "text/plain")
    text = body.get_payload(decode=True).decode()
    # Tanaka (RIKEN Wako, remote) reads Kobe-side times, with the jump after 14 March.
    assert "Hiroshi Tanaka (remote, Asia/Tokyo):" in text
    assert "Wed 08:00 JST (+1 day): Wed 3 Mar – Wed 10 Mar" in text
    assert "Wed 07:00 JST (+1 day): Wed 17 Mar" in text
    assert "(in the room, America/Chicago)" in text
    attachment: Message = next(p for p in parts if p.get_content_type() == "text/calendar")
    cal = Calendar.from_ical(attachment.get_payload(decode=True))
    window = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
    found = sorted(e["DTSTART"].dt.astimezone(UTC)
                   for e in recurring_ical_events.of(cal).between(*window))  # fmt: skip
    assert found == sorted(expected)


def test_one_occurrence_and_unknown_dates(
    capsys: pytest.CaptureFixture[str], series_db: tuple[Path, int, list[datetime]],
    tmp_path: Path,
) -> None:  # fmt: skip
    db, event_id, _ = series_db
    out = tmp_path / "one.ics"
    code, _, _ = _run(capsys, "export", "event", str(event_id), "--format", "ics",
                      "--occurrence", "2027-04-06", "-o", str(out), "--db", str(db))  # fmt: skip
    assert code == 0
    (vevent,) = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert "RRULE" not in vevent
    assert vevent["DTSTART"].dt.astimezone(UTC) == datetime(2027, 4, 7, 21, 0, tzinfo=UTC)
    for day in ("2027-03-23", "2027-03-24"):  # cancelled; not a Tuesday
        code, _, err = _run(capsys, "export", "event", str(event_id), "--format", "ics",
                            "--occurrence", day, "-o", str(out), "--db", str(db))  # fmt: skip
        assert code == 1 and "no occurrence" in err
    code, _, err = _run(capsys, "export", "event", "999", "--format", "ics", "-o", str(out),
                        "--db", str(db))  # fmt: skip
    assert code == 1 and "999" in err


def test_events_list_json_gives_every_site_time(
    capsys: pytest.CaptureFixture[str], series_db: tuple[Path, int, list[datetime]]
) -> None:
    db, event_id, expected = series_db
    code, out, err = _run(capsys, "events", "list", "--json", "--db", str(db))
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [datetime.fromisoformat(r["start_utc"]) for r in rows] == expected
    first = rows[0]
    assert first["event_id"] == event_id and first["mode"] == "hybrid"
    assert [s["zone"] for s in first["starts"]] == ["America/Chicago", "Asia/Tokyo"]
    assert first["starts"][1]["label"] == "Wed 08:00 JST (+1 day)"
    assert "meet.example.org" not in out  # the link is for participants, not listings
    third = rows[2]  # 16 March: the first after the US change
    assert third["starts"][1]["clock_change"] == "America/Chicago"
    assert [r["moved"] for r in rows] == [False] * 4 + [True] + [False] * 3
    code, out, _ = _run(capsys, "events", "list", "--db", str(db))
    assert code == 0 and "Wed 07:00 JST (+1 day)*" in out


def test_find_slot_split_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, *SLOT, "--weekday", "mon,tue,wed,thu",
                          "--hours", "Asia/Tokyo=08:00-09:30")  # fmt: skip
    assert (code, err) == (0, "")
    assert "1 Mar – 11 Mar 2027: 17:00 CST = 08:00 JST +1 day" in out
    assert "15 Mar – 31 Mar 2027: 18:00 CDT = 08:00 JST +1 day" in out
    code, out, _ = _run(capsys, *SLOT, "--weekday", "mon,tue,wed,thu",
                        "--hours", "Asia/Tokyo=07:00-19:00", "--json")  # fmt: skip
    rows = json.loads(out)
    assert code == 0 and all(r["whole_range"] for r in rows)
    assert [r["start"] for r in rows] == ["17:00", "17:15", "17:30", "17:45", "18:00"]
    kobe = [s for s in rows[0]["starts"] if s["zone"] == "Asia/Tokyo"]
    assert [(s["local_time"], s["day_shift"], s["to"]) for s in kobe] == [
        ("08:00", 1, "2027-03-11"), ("07:00", 1, "2027-03-31")]  # fmt: skip


@pytest.mark.parametrize(
    "extra",
    [
        ["--zone", "Mars/Olympus"],
        ["--zone", "../../etc/passwd"],
        ["--duration", "0"],
        ["--duration", "１０"],
        ["--from", "2027-02-30"],
        ["--to", "yesterday"],
        ["--weekday", "funday"],
        ["--hours", "Asia/Tokyo=9-5"],
        ["--hours", "nozone"],
        ["--zone", "Asia/Tokyo\x1b[2J"],
        ["--step", "7"],
    ],
)
def test_find_slot_usage_errors(capsys: pytest.CaptureFixture[str], extra: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([*SLOT, *extra])
    assert info.value.code == 2
    assert "\x1b" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "extra",
    [["--hours", "Europe/Paris=08:00-19:00"], ["--to", "2029-01-01"],
     ["--zone", "Asia/Tokyo"]],
)  # fmt: skip
def test_find_slot_data_errors(capsys: pytest.CaptureFixture[str], extra: list[str]) -> None:
    code, out, err = _run(capsys, *SLOT, *extra)
    assert code == 1 and out == "" and err.count("\n") == 1 and err.startswith("planner: error:")


def test_export_event_refuses_a_folder_and_leaves_nothing_half_written(
    capsys: pytest.CaptureFixture[str], series_db: tuple[Path, int, list[datetime]],
    tmp_path: Path,
) -> None:  # fmt: skip
    db, event_id, _ = series_db
    code, _, err = _run(capsys, "export", "event", str(event_id), "--format", "ics",
                        "-o", str(tmp_path), "--db", str(db))  # fmt: skip
    assert code == 1 and "folder" in err
    missing = tmp_path / "no-such-folder" / "x.ics"
    code, _, err = _run(capsys, "export", "event", str(event_id), "--format", "ics",
                        "-o", str(missing), "--db", str(db))  # fmt: skip
    assert code == 1 and not missing.parent.exists()
    assert dataclasses.is_dataclass(Event)


def test_a_title_with_line_breaks_cannot_inject_mail_headers(
    capsys: pytest.CaptureFixture[str], series_db: tuple[Path, int, list[datetime]],
    tmp_path: Path,
) -> None:  # fmt: skip
    db, event_id, _ = series_db
    services = Services.open(sqlite_target(db))
    try:
        event = services.events.get(event_id)
        services.events.update(dataclasses.replace(
            event, title="Seminar\r\nBcc: everyone@example.org\r\n\r\nfake body"))  # fmt: skip
    finally:
        services.close()
    out = tmp_path / "invite.eml"
    code, _, err = _run(capsys, "export", "event", str(event_id), "--format", "eml",
                        "-o", str(out), "--db", str(db))  # fmt: skip
    assert (code, err) == (0, "")
    msg = email.message_from_bytes(out.read_bytes())
    assert msg["Bcc"] is None
    assert "Bcc: everyone@example.org fake body" in str(msg["Subject"])

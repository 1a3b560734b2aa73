"""E-mail drafts for the visitor and what changed since the last one (issue 18, points 1-2).

Every draft is parsed back with the standard library's ``email`` package: recipient, the
draft marker, attachments and their types, the body's language.
"""

from __future__ import annotations

import dataclasses
import email
import re
from datetime import timedelta
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.cli import main
from planner.domain.enums import AuditAction
from planner.export.email_draft import DraftError, write_draft
from planner.export.i18n import Lang
from planner.export.itinerary import ExportFormat, render_itinerary
from planner.export.templates import TemplateError, render_template
from planner.services.container import Services
from planner.services.messages import MessageKind
from tests.export.conftest import SECRET_ITEM_NOTE, SECRET_VISIT_NOTE, TripData, make_trip
from tests.fixtures.database import open_migrated

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _parse(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def _attachments(message: EmailMessage) -> dict[str, tuple[str, bytes]]:
    return {
        str(part.get_filename()): (part.get_content_type(), part.get_payload(decode=True))
        for part in message.iter_attachments()
    }


def _draft(services: Services, trip: TripData, tmp_path: Path, lang: Lang) -> EmailMessage:
    assert trip.visit.id is not None
    out = tmp_path / f"draft-{lang.value}.eml"
    write_draft(services, trip.visit.id, MessageKind.ITINERARY, lang, out)
    assert out.stat().st_mode & 0o777 == 0o600
    return _parse(out)


def test_itinerary_draft_is_a_standard_message_with_pdf_and_ics(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    message = _draft(services, trip, tmp_path, Lang.EN)
    assert message["To"].addresses[0].addr_spec == "h.tanaka@example.jp"
    assert message["X-Unsent"] == "1"
    assert message["From"] is None  # the mail program fills in the coordinator's account
    assert trip.visit.code in message["Subject"]
    files = _attachments(message)
    code = trip.visit.code
    assert set(files) == {f"{code}-itinerary.pdf", f"{code}-itinerary.ics"}
    pdf_type, pdf = files[f"{code}-itinerary.pdf"]
    assert pdf_type == "application/pdf" and pdf.startswith(b"%PDF")
    ics_type, ics = files[f"{code}-itinerary.ics"]
    assert ics_type == "text/calendar"
    uids = {str(e["UID"]) for e in Calendar.from_ical(ics).walk("VEVENT")}
    assert {i.uid for i in trip.items.values()} <= uids
    body = _body(message)
    assert body.startswith("Dear ") and not JAPANESE.search(body)
    raw = message.as_bytes().decode("ascii", "replace")
    assert SECRET_ITEM_NOTE not in raw and SECRET_VISIT_NOTE not in raw


@pytest.mark.parametrize("lang", [Lang.JA, Lang.BILINGUAL])
def test_the_body_is_in_the_visitors_language(
    services: Services, trip: TripData, tmp_path: Path, lang: Lang
) -> None:
    body = _body(_draft(services, trip, tmp_path, lang))
    assert "様" in body and JAPANESE.search(body)
    assert ("Dear " in body) is (lang is Lang.BILINGUAL)


def test_each_draft_is_recorded_in_the_visits_history(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    assert trip.visit.id is not None
    _draft(services, trip, tmp_path, Lang.EN)
    _draft(services, trip, tmp_path, Lang.JA)
    sent = services.messages.for_visit(trip.visit.id)
    assert [(m.revision, m.lang, m.kind) for m in sent] == [
        (1, "en", MessageKind.ITINERARY),
        (2, "ja", MessageKind.ITINERARY),
    ]
    assert all("h.tanaka@example.jp" in m.recipient for m in sent)
    entries = [e for e in services.visits.history(trip.visit.id) if e.action is AuditAction.SEND]
    assert [e.changes["revision"] for e in entries] == [1, 2]
    assert entries[0].changes["draft"] == "itinerary"
    assert "h.tanaka@example.jp" in entries[0].changes["to"]
    assert entries[0].changes["file"] == "draft-en.eml"


def test_the_next_draft_marks_what_changed_since_the_last(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    assert trip.visit.id is not None
    _draft(services, trip, tmp_path, Lang.EN)
    seminar = trip.items["after_dst"]
    services.itinerary.update(
        dataclasses.replace(seminar, end_utc=seminar.end_utc + timedelta(minutes=30))
    )
    services.itinerary.delete(trip.items["hostile"].id)  # type: ignore[arg-type]
    services.itinerary.update(  # an internal note alone is not a change for the visitor
        dataclasses.replace(trip.items["hotel"], internal_notes="changed internally")
    )
    message = _draft(services, trip, tmp_path, Lang.EN)
    body = _body(message)
    assert "version 2" in body and "version 2" in message["Subject"]
    changed = [line for line in body.splitlines() if line.strip().startswith("- ")]
    assert any("Changed" in line and "AuroraGPT seminar" in line for line in changed)
    assert any("Removed" in line and "<script>" in line for line in changed)
    assert not any("Argonne Guest House" in line for line in changed)
    # The HTML itinerary carries the same marks, against the draft just recorded: none now.
    page = render_itinerary(services, trip.visit.id, ExportFormat.HTML, Lang.EN).decode()
    assert 'class="change"' not in page


def test_an_export_after_a_draft_marks_new_and_removed_items(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    assert trip.visit.id is not None
    _draft(services, trip, tmp_path, Lang.EN)
    services.itinerary.delete(trip.items["return"].id)  # type: ignore[arg-type]
    moved = trip.items["after_dst"]
    services.itinerary.update(dataclasses.replace(moved, title="AuroraGPT seminar (room 1416)"))
    page = render_itinerary(services, trip.visit.id, ExportFormat.HTML, Lang.EN).decode()
    assert '<span class="change">Changed</span>' in page
    assert "Removed since the version last sent" in page
    assert "Flight NH 111 Chicago O&#x27;Hare → Tokyo Haneda" in page


def test_paperwork_request_lists_what_the_visitor_must_send(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    assert trip.visit.id is not None
    mine = [
        i
        for i in services.paperwork.for_visit(trip.visit.id)
        if i.responsible.value == "visitor" and i.applies
    ]
    assert mine, "the sample visit has visitor paperwork"
    out = tmp_path / "request.eml"
    written, sent = write_draft(
        services, trip.visit.id, MessageKind.PAPERWORK_REQUEST, Lang.JA, out
    )
    message = _parse(written)
    assert message["X-Unsent"] == "1"
    assert message["To"].addresses[0].addr_spec == "h.tanaka@example.jp"
    assert not list(message.iter_attachments())
    body = _body(message)
    assert "様" in body
    for item in mine:
        assert (item.title_ja or item.title) in body
        if item.due_date is not None:
            assert f"{item.due_date.year}年{item.due_date.month}月{item.due_date.day}日" in body
    assert sent.kind is MessageKind.PAPERWORK_REQUEST and sent.revision == 0
    assert services.messages.last_sent(trip.visit.id) is None  # not an itinerary


def test_no_visitor_address_is_one_clear_error(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    assert trip.visit.id is not None
    visitor = services.people.get(trip.visit.visitor_id)
    services.people.update(dataclasses.replace(visitor, email=""))
    out = tmp_path / "x.eml"
    with pytest.raises(DraftError, match="no e-mail address"):
        write_draft(services, trip.visit.id, MessageKind.ITINERARY, Lang.EN, out)
    assert not out.exists() and services.messages.for_visit(trip.visit.id) == []


def test_control_characters_in_a_name_cannot_add_header_lines(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    assert trip.visit.id is not None
    visitor = services.people.get(trip.visit.visitor_id)
    hostile = dataclasses.replace(visitor, given_name="Hiro\rBcc: evil@example.com")
    try:
        services.people.update(hostile)
    except Exception:
        pytest.skip("the name is refused on entry")
    message = _draft(services, trip, tmp_path, Lang.EN)
    assert message["Bcc"] is None
    assert [a.addr_spec for a in message["To"].addresses] == ["h.tanaka@example.jp"]


def test_cli_writes_both_drafts(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_migrated(db_path)
    trip = make_trip(services)
    services.close()
    code = trip.visit.code
    db = ["--db", str(db_path)]
    out = tmp_path / "a#b?c%41" / "itinerary.eml"
    out.parent.mkdir()
    args = ["export", "itinerary", code, "--format", "eml", "--lang", "bilingual", "-o", str(out)]
    assert main([*db, *args]) == 0
    assert "recorded in the visit's history" in capsys.readouterr().out
    assert _parse(out)["X-Unsent"] == "1"
    request = tmp_path / "request.eml"
    assert main([*db, "export", "paperwork-request", code, "--lang", "en", "-o", str(request)]) == 0
    assert "Dear " in _body(_parse(request))
    assert main([*db, "export", "paperwork-request", "V-1999-0001", "-o", str(request)]) == 1


def test_a_broken_template_is_one_message_naming_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "email_itinerary.en.txt.j2").write_text("Dear {{ visitor }},\n\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"line 3"):
        render_template("email_itinerary.en.txt.j2", {"visitor": "x"}, folder)
    (folder / "email_itinerary.en.txt.j2").write_text("ok\n{{ nothing_such }}\n")
    with pytest.raises(TemplateError, match=r"line 2"):
        render_template("email_itinerary.en.txt.j2", {}, folder)


def test_templates_are_sandboxed(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "t.txt.j2").write_text("{{ name.__class__.__mro__ }}\n")
    with pytest.raises(TemplateError, match="unsafe"):
        render_template("t.txt.j2", {"name": "x"}, folder)
    with pytest.raises(TemplateError):
        render_template("../etc/passwd", {}, folder)
    (folder / "t.html.j2").write_text("<p>{{ name }}</p>\n")
    assert render_template("t.html.j2", {"name": "<b>"}, folder) == "<p>&lt;b&gt;</p>\n"


def test_a_coordinators_template_replaces_the_default(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    from planner.export.email_draft import template_folder

    folder = template_folder(services)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "email_itinerary.en.txt.j2").write_text("Hello {{ visitor }} from our office.\n")
    body = _body(_draft(services, trip, tmp_path, Lang.EN))
    assert body.startswith("Hello Hiroshi Tanaka from our office.")

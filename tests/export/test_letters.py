"""Invitation letters (issue 18, point 3), read back with ``pdftotext``."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.cli import main
from planner.export.i18n import Lang
from planner.export.letter import LetterKind, export_letter
from planner.export.templates import TemplateError
from planner.services.container import Services
from tests.export.conftest import PASSPORT, TripData, make_trip
from tests.fixtures.database import open_migrated

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)


def _text(path: Path) -> str:
    return " ".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )


def test_the_invitation_letter_names_everything_the_consulate_asks(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    out = export_letter(
        services, trip.visit.id or 0, LetterKind.INVITATION, Lang.EN, tmp_path / "letter.pdf"
    )
    assert out.stat().st_mode & 0o777 == 0o600
    text = _text(out)
    assert "Letter of invitation" in text
    assert "TANAKA Hiroshi" in text  # as in the passport
    assert "Argonne National Laboratory" in text and "9700 S. Cass Avenue" in text
    assert "RIKEN Wako Campus" in text
    assert "Mon 8 March 2027" in text and "Fri 19 March 2027" in text
    assert "research collaboration" in text
    assert "Alex Miller" in text and "amiller@example.org" in text
    assert "unpaid" in text  # who pays: the sample visit is unpaid
    assert PASSPORT not in text
    services.visits.update(dataclasses.replace(services.visits.get(trip.visit.id or 0), paid=True))
    paid = _text(export_letter(services, trip.visit.id or 0, LetterKind.INVITATION, Lang.EN, out))
    assert "will cover the costs" in paid and "unpaid" not in paid


def test_the_japanese_letter(services: Services, trip: TripData, tmp_path: Path) -> None:
    out = export_letter(
        services, trip.visit.id or 0, LetterKind.INVITATION, Lang.JA, tmp_path / "ja.pdf"
    )
    text = _text(out)
    joined = text.replace(" ", "")  # Japanese lines wrap anywhere, even inside a word
    assert "招へい状" in text and "TANAKA Hiroshi" in text and "共同研究" in joined
    assert "2027年3月8日(月)" in joined


def test_a_broken_letter_template_writes_nothing(
    services: Services, trip: TripData, tmp_path: Path
) -> None:
    from planner.export.email_draft import template_folder

    folder = template_folder(services)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "letter_invitation.en.html.j2").write_text("<p>{{ visitor.name }</p>\n")
    out = tmp_path / "letter.pdf"
    with pytest.raises(TemplateError, match="line 1"):
        export_letter(services, trip.visit.id or 0, LetterKind.INVITATION, Lang.EN, out)
    assert not out.exists()
    # Markup in data is escaped by the HTML template: a name cannot add elements.
    (folder / "letter_invitation.en.html.j2").write_text("<p>{{ visitor.name }}</p>\n")
    visitor = services.people.get(trip.visit.visitor_id)
    services.people.update(dataclasses.replace(visitor, given_name="<b>Bold</b>"))
    text = _text(export_letter(services, trip.visit.id or 0, LetterKind.INVITATION, Lang.EN, out))
    assert "<b>Bold</b>" in text


def test_cli_letter_and_a_bad_template_exit_1(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_migrated(db_path)
    trip = make_trip(services)
    services.close()
    db = ["--db", str(db_path)]
    out = tmp_path / "letter.pdf"
    args = ["export", "letter", trip.visit.code, "--kind", "invitation", "--lang", "ja"]
    assert main([*db, *args, "-o", str(out)]) == 0
    assert "招へい状" in _text(out)
    folder = db_path.parent / "templates"
    folder.mkdir()
    (folder / "letter_invitation.ja.html.j2").write_text("ok\n{% for %}\n")
    assert main([*db, *args, "-o", str(tmp_path / "bad.pdf")]) == 1
    err = capsys.readouterr().err
    assert "line 2" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "bad.pdf").exists()

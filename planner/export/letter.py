"""Letters for a visit: the invitation letter (issue 18, point 3).

The wording comes from an editable, sandboxed, autoescaped template
(``letter_invitation.<lang>.html.j2``, see :mod:`planner.export.templates`) and is set as a PDF
in the bundled font. The letter names the visitor as in the passport (family name in capitals,
then given names), the host institution with its address, the purpose, the dates, the host
person and who pays. It never includes a passport number or date of birth.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from planner.domain.timezones import utc_now
from planner.export.atomic import atomic_write
from planner.export.i18n import Lang, format_date, institution_name, person_name, pick
from planner.export.templates import render_template
from planner.services.container import Services
from planner.services.reports import PURPOSE_LABELS


class LetterKind(StrEnum):
    """Letters the application writes."""

    INVITATION = "invitation"


def passport_name(family: str, given: str) -> str:
    """``TANAKA Hiroshi``: the machine-readable zone's order, family name in capitals."""
    return " ".join(p for p in (family.upper().strip(), given.strip()) if p)


def letter_context(
    services: Services, visit_id: int, lang: Lang, today: date | None = None
) -> dict[str, Any]:
    """What a letter template may use (never sensitive fields)."""
    visit = services.visits.get(visit_id)
    visitor = services.people.get(visit.visitor_id)
    host = services.institutions.get(visit.host_institution_id)
    home = services.institutions.get(visitor.home_institution_id)
    person = services.people.get(visit.host_person_id) if visit.host_person_id is not None else None
    en, ja = PURPOSE_LABELS[visit.purpose]
    return {
        "today": format_date(today or utc_now().date(), lang),
        "visit_code": visit.code,
        "host": {"name": institution_name(host, lang), "address": host.address},
        "host_person": {
            "name": person_name(person, lang) if person else "",
            "email": person.email if person else "",
            "phone": person.phone if person else "",
        },
        "visitor": {
            "passport_name": passport_name(visitor.family_name, visitor.given_name),
            "name": person_name(visitor, lang),
            "home_institution": institution_name(home, lang),
            "nationality": visitor.nationality,
        },
        "purpose": pick(lang, en.lower(), ja),
        "arrival": format_date(visit.arrival_date, lang),
        "departure": format_date(visit.departure_date, lang),
        "nights": visit.nights,
        "paid": visit.paid,
    }


def letter_html(services: Services, visit_id: int, kind: LetterKind, lang: Lang) -> str:
    """The letter's HTML from its template (coordinator's copy first, then the default)."""
    from planner.export.email_draft import template_folder

    context = letter_context(services, visit_id, lang)
    code = "ja" if lang is Lang.JA else "en"
    return render_template(
        f"letter_{kind.value}.{code}.html.j2", context, template_folder(services)
    )


def export_letter(
    services: Services, visit_id: int, kind: LetterKind, lang: Lang, out: Path
) -> Path:
    """Write the letter as a PDF to *out* (0600, atomically); a broken template writes nothing."""
    from planner.export.pdf import render_html_pdf

    html = letter_html(services, visit_id, kind, lang)
    title = pick(lang, "Letter of invitation", "招へい状")
    return atomic_write(out, render_html_pdf(html, title))

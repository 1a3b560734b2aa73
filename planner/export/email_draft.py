"""E-mail drafts for the visitor: the itinerary, or a request for their paperwork (issue 18).

A draft is a standard RFC 5322 message built with the standard library's :mod:`email` package
and saved as ``.eml``; ``X-Unsent: 1`` makes Outlook open it as a draft to send (Thunderbird
and Apple Mail open it as a message to edit or forward). It is addressed to the visitor, has
no ``From`` (the mail program fills in the coordinator's own account) and a plain-text body
in the visitor's language from an editable template. The itinerary draft carries the PDF and
the ``.ics``; both mark what changed since the itinerary last sent. Writing a draft records
it in the visit's history (:class:`~planner.services.messages.VisitorMessageService`).
"""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

from planner.domain.enums import PaperworkStatus, ResponsibleParty
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.timezones import utc_now
from planner.export.atomic import atomic_write
from planner.export.document import ItineraryDocument, build_document
from planner.export.i18n import Lang, format_date, pick
from planner.export.templates import render_template
from planner.services.container import Services
from planner.services.messages import MessageKind, SentMessage

#: Mail programs show at most this much of a subject; longer ones are cut.
_SUBJECT_LIMIT = 200


class DraftError(PlannerError):
    """A draft that cannot be written (no visitor e-mail, a broken template)."""


def _recipient(services: Services, visit_id: int) -> tuple[str, str]:
    visit = services.visits.get(visit_id)
    visitor = services.people.get(visit.visitor_id)
    if not visitor.email:
        raise DraftError(
            QT_TRANSLATE_NOOP(
                "Validation", "visit {code}: the visitor has no e-mail address; add one first"
            ),
            params={"code": visit.code},
        )
    return visitor.latin_name or visitor.native_name, visitor.email


def _address(name: str, email: str) -> Address:
    local, _, domain = email.rpartition("@")
    # Control characters in a display name could add header lines: keep printable text only.
    clean = "".join(c for c in name if c.isprintable())
    return Address(display_name=clean, username=local, domain=domain)


def _bodies(template: str, lang: Lang, context: dict[str, Any], folder: Path | None) -> str:
    """The body in *lang*; bilingual is the Japanese text, then the English one."""

    def one(code: str) -> str:
        return render_template(f"{template}.{code}.txt.j2", context[code], folder)

    if lang is Lang.BILINGUAL:
        return one("ja").rstrip() + "\n\n" + "-" * 40 + "\n\n" + one("en")
    return one(lang.value)


def _message(to: Address, subject: str, body: str, now: datetime) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    msg["To"] = to
    msg["Subject"] = " ".join(subject.split())[:_SUBJECT_LIMIT]
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain="exchange-visit-planner.invalid")
    msg["X-Unsent"] = "1"  # Outlook opens the file as a draft, ready to send
    msg.set_content(body, subtype="plain", charset="utf-8")
    return msg


def template_folder(services: Services) -> Path:
    """The coordinator's templates: ``templates`` beside the database."""
    return services.paperwork.data_folder() / "templates"


def _itinerary_context(doc: ItineraryDocument, revision: int, names: list[str]) -> dict[str, Any]:
    return {
        "visitor": doc.visitor,
        "visit_code": doc.visit_code,
        "host_institution": doc.host_institution,
        "host_person": doc.host_person,
        "dates": doc.dates,
        "revision": revision,
        "changes": [
            f"{e.change}: {day.heading} {e.start.clock} — {e.title}"
            for day in doc.days
            for e in day.entries
            if e.change
        ],
        "removed": list(doc.removed),
        "attachments": names,
    }


def itinerary_draft(
    services: Services, visit_id: int, lang: Lang, *, now: datetime | None = None
) -> tuple[EmailMessage, int]:
    """The itinerary e-mail of *visit_id* and the revision it is (nothing recorded)."""
    from planner.export.ics import itinerary_ics
    from planner.export.pdf import render_pdf

    stamp = now or utc_now()
    name, email = _recipient(services, visit_id)
    visit = services.visits.get(visit_id)
    host = services.institutions.get(visit.host_institution_id)
    revision = services.messages.next_revision(visit_id)
    stem = f"{visit.code}-itinerary"
    names = [f"{stem}.pdf", f"{stem}.ics"]
    docs = {
        code: build_document(services, visit_id, Lang(code), now=stamp) for code in ("en", "ja")
    }
    context = {code: _itinerary_context(d, revision, names) for code, d in docs.items()}
    body = _bodies("email_itinerary", lang, context, template_folder(services))
    doc = docs["ja" if lang is Lang.JA else "en"] if lang is not Lang.BILINGUAL else None
    doc = doc or build_document(services, visit_id, lang, now=stamp)
    subject = pick(
        lang,
        f"Your itinerary: {visit.code}, {format_date(visit.arrival_date, Lang.EN)}",
        f"旅程表のご案内（{visit.code}、{format_date(visit.arrival_date, Lang.JA)}）",
    )
    if revision > 1:
        subject += pick(lang, f" (version {revision})", f"（第{revision}版）", sep=" ")
    msg = _message(_address(name, email), subject, body, stamp)
    msg.add_attachment(render_pdf(doc), maintype="application", subtype="pdf", filename=names[0])
    items = services.itinerary.for_visit(visit_id)
    reminders = services.choices.reminder_minutes()
    ics = itinerary_ics(visit, items, host, lang, now=stamp, reminders=reminders)
    msg.add_attachment(
        ics, maintype="text", subtype="calendar", filename=names[1], params={"method": "PUBLISH"}
    )
    return msg, revision


def _paperwork_items(services: Services, visit_id: int, lang: Lang) -> list[dict[str, str]]:
    """What the visitor must send: their open items, soonest due first."""
    brings = {c for c, d in services.paperwork.ruleset.documents.items() if d.visitor_brings}
    out = []
    items = sorted(
        services.paperwork.for_visit(visit_id),
        key=lambda i: (i.due_date is None, i.due_date or visit_id, i.title),
    )
    for item in items:
        if not item.applies or item.settled or item.status is PaperworkStatus.SUBMITTED:
            continue
        if item.responsible is not ResponsibleParty.VISITOR and item.code not in brings:
            continue
        out.append(
            {
                "title": pick(lang, item.title, item.title_ja),
                "due": format_date(item.due_date, lang) if item.due_date else "",
                "explanation": item.explanation if lang is not Lang.JA else "",
            }
        )
    return out


def paperwork_draft(
    services: Services, visit_id: int, lang: Lang, *, now: datetime | None = None
) -> tuple[EmailMessage, int]:
    """The paperwork request of *visit_id*; DraftError when nothing is asked of the visitor."""
    stamp = now or utc_now()
    name, email = _recipient(services, visit_id)
    visit = services.visits.get(visit_id)
    context: dict[str, Any] = {}
    for code in ("en", "ja"):
        doc = build_document(services, visit_id, Lang(code), now=stamp)
        context[code] = {
            "visitor": doc.visitor,
            "visit_code": doc.visit_code,
            "host_institution": doc.host_institution,
            "host_person": doc.host_person,
            "dates": doc.dates,
            "items": _paperwork_items(services, visit_id, Lang(code)),
        }
    if not context["en"]["items"]:
        raise DraftError(
            QT_TRANSLATE_NOOP(
                "Validation", "visit {code}: nothing is open for the visitor to send"
            ),
            params={"code": visit.code},
        )
    body = _bodies("email_paperwork", lang, context, template_folder(services))
    subject = pick(
        lang,
        f"Documents needed for your visit {visit.code}",
        f"ご訪問（{visit.code}）に必要な書類のお願い",
    )
    msg = _message(_address(name, email), subject, body, stamp)
    return msg, services.messages.next_revision(visit_id) - 1


def write_draft(
    services: Services, visit_id: int, kind: MessageKind, lang: Lang, out: Path
) -> tuple[Path, SentMessage]:
    """Write the draft of *kind* to *out* (0600, atomically) and record it in the history."""
    if kind is MessageKind.ITINERARY:
        msg, _revision = itinerary_draft(services, visit_id, lang)
    else:
        msg, _revision = paperwork_draft(services, visit_id, lang)
    written = atomic_write(out, msg.as_bytes())
    items = services.itinerary.for_visit(visit_id) if kind is MessageKind.ITINERARY else []
    sent = services.messages.record(
        visit_id, kind, str(msg["To"]), lang.value, items, file_name=written.name
    )
    return written, sent

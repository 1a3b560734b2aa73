"""Export one visit's itinerary, or those of every participant of an event, to files."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.timezones import utc_now
from planner.export.atomic import ExportError, atomic_write
from planner.export.document import build_document
from planner.export.i18n import Lang
from planner.export.ics import itinerary_ics
from planner.services.container import Services

if TYPE_CHECKING:  # Qt only when painting: ICS and HTML exports never start it
    from PySide6.QtGui import QPagedPaintDevice


class ExportFormat(StrEnum):
    """File formats of an exported itinerary."""

    PDF = "pdf"
    ICS = "ics"
    HTML = "html"
    #: An e-mail draft to the visitor with the PDF and the .ics attached (recorded as sent).
    EML = "eml"


def render_itinerary(
    services: Services,
    visit_id: int,
    fmt: ExportFormat,
    lang: Lang = Lang.EN,
    *,
    bring: Sequence[str] | None = None,
    now: datetime | None = None,
    redact_confirmations: bool = False,
    ics_name: str = "",
) -> bytes:
    """The bytes of *visit_id*'s itinerary in *fmt* and *lang* (nothing written or recorded).

    *redact_confirmations* leaves confirmation codes out (a copy to share with family or the
    host group); *ics_name* is the calendar file an HTML page links to ("" for no link).
    """
    stamp = now or utc_now()
    if fmt is ExportFormat.EML:
        from planner.export.email_draft import itinerary_draft

        return itinerary_draft(services, visit_id, lang, now=stamp)[0].as_bytes()
    if fmt is ExportFormat.ICS:
        visit = services.visits.get(visit_id)
        host = services.institutions.get(visit.host_institution_id)
        items = services.itinerary.for_visit(visit_id)
        reminders = services.choices.reminder_minutes()
        if redact_confirmations:
            items = [dataclasses.replace(i, confirmation_code="") for i in items]
        return itinerary_ics(visit, items, host, lang, now=stamp, reminders=reminders)
    doc = build_document(
        services, visit_id, lang, bring=bring, now=stamp, redact_confirmations=redact_confirmations
    )
    if fmt is ExportFormat.HTML:
        from planner.export.html import render_html

        return render_html(doc, ics_name).encode("utf-8")
    # Imported here so ICS and HTML exports never start Qt.
    from planner.export.pdf import render_pdf

    return render_pdf(doc)


def export_itinerary(
    services: Services,
    visit_id: int,
    fmt: ExportFormat,
    out: Path,
    lang: Lang = Lang.EN,
    *,
    bring: Sequence[str] | None = None,
    redact_confirmations: bool = False,
) -> Path:
    """Write the itinerary to *out* atomically (mode 0600); ExportError says why it failed.

    An HTML page gets its calendar beside it (``OUT.ics``, linked as "Add to calendar"); an
    e-mail draft (EML) is recorded in the visit's history as sent to the visitor.
    """
    if fmt is ExportFormat.EML:
        from planner.export.email_draft import write_draft
        from planner.services.messages import MessageKind

        return write_draft(services, visit_id, MessageKind.ITINERARY, lang, out)[0]
    ics_name = out.with_suffix(".ics").name if fmt is ExportFormat.HTML else ""
    try:
        data = render_itinerary(
            services,
            visit_id,
            fmt,
            lang,
            bring=bring,
            redact_confirmations=redact_confirmations,
            ics_name=ics_name,
        )
        if ics_name:
            calendar = render_itinerary(
                services, visit_id, ExportFormat.ICS, lang,
                redact_confirmations=redact_confirmations,
            )  # fmt: skip
    except ExportError:
        raise
    except PlannerError:
        raise
    except (OSError, ValueError) as exc:
        raise ExportError(
            QT_TRANSLATE_NOOP("Validation", "the itinerary could not be rendered: {reason}"),
            params={"reason": str(exc)},
        ) from exc
    if ics_name:
        atomic_write(out.with_name(ics_name), calendar)
    return atomic_write(out, data)


_UNSAFE = re.compile(r"[^\w.-]+")


def safe_file_stem(*parts: str) -> str:
    """A file name stem from *parts* that every file system accepts (``V-2027-0001-Tanaka``)."""
    stem = "-".join(_UNSAFE.sub("_", p).strip("_") for p in parts if p)
    return stem[:120] or "itinerary"


@dataclass(frozen=True)
class BatchResult:
    """What a batch export wrote, and what it could not."""

    written: tuple[Path, ...]
    failed: tuple[tuple[str, str], ...]


Progress = Callable[[int, int, str], bool]


def event_visits(services: Services, event_id: int) -> list[tuple[int, str]]:
    """(visit id, file stem) of every participant visit covering the event, by code."""
    found: dict[int, str] = {}
    for participant in services.events.participants(event_id):
        person = services.people.get(participant.person_id)
        for visit_id in services.events.visits_covering(event_id, participant.person_id):
            code = services.visits.get(visit_id).code
            found[visit_id] = safe_file_stem(code, person.family_name or person.given_name)
    return sorted(found.items(), key=lambda pair: pair[1])


def export_event_itineraries(
    services: Services,
    event_id: int,
    folder: Path,
    fmt: ExportFormat,
    lang: Lang = Lang.EN,
    *,
    progress: Progress | None = None,
) -> BatchResult:
    """Write the itinerary of every participant's visit covering *event_id* into *folder*.

    ``progress(done, total, name)`` is called before each file; returning False stops the
    batch (files already written stay). A file that fails is reported, the others go on.
    """
    if not folder.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP("Validation", "the folder {folder} does not exist"),
            params={"folder": str(folder)},
        )
    targets = event_visits(services, event_id)
    written: list[Path] = []
    failed: list[tuple[str, str]] = []
    for done, (visit_id, stem) in enumerate(targets):
        name = f"{stem}.{fmt.value}"
        if progress is not None and not progress(done, len(targets), name):
            break
        try:
            written.append(export_itinerary(services, visit_id, fmt, folder / name, lang))
        except PlannerError as exc:
            failed.append((name, str(exc)))
    if progress is not None:
        progress(len(targets), len(targets), "")
    return BatchResult(tuple(written), tuple(failed))


def paint_itinerary_on(
    services: Services, visit_id: int, device: QPagedPaintDevice, dpi: int, lang: Lang = Lang.EN
) -> None:
    """Lay *visit_id*'s itinerary out on *device* (a printer) exactly as the PDF export does."""
    from planner.export.pdf import paint_itinerary

    paint_itinerary(build_document(services, visit_id, lang, now=utc_now()), device, dpi)

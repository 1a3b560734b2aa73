"""``planner import visits FILE``: visits from CSV or XLSX, all or nothing, never duplicated.

A row names its visitor by e-mail (the person must exist: import people first) and its host
institution by full, short or Japanese name. A visit already present — same visitor, host
and arrival date — is matched, not added again. New visits are drafts with the next free
code of their arrival year and their paperwork checklist.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from planner.db.models import PersonRow, VisitRow
from planner.domain.entities import Visit
from planner.domain.enums import Purpose
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.importing.common import (
    PROGRESS_EVERY,
    ImportPlan,
    Institutions,
    Progress,
    RowPreview,
    RowReader,
    RowStatus,
    parse_paid,
    parse_purpose,
)
from planner.importing.dates import parse_date
from planner.importing.headers import VISIT_FIELDS, match_headers, missing_required
from planner.importing.table import RowProblem, Table
from planner.services.bulk import PendingVisit
from planner.services.container import Services

VisitKey = tuple[int, int | str, date]


def _existing(services: Services) -> tuple[dict[str, int], set[VisitKey]]:
    with services.db.read() as session:
        emails: dict[str, int] = {}
        for pid, email in session.execute(select(PersonRow.id, PersonRow.email)):
            if email:
                emails.setdefault(email.strip().casefold(), pid)
        visits: set[VisitKey] = {
            (v, h, a)
            for v, h, a in session.execute(
                select(VisitRow.visitor_id, VisitRow.host_institution_id, VisitRow.arrival_date)
            )
        }
    return emails, visits


def plan_visits(
    services: Services,
    table: Table,
    mapping: dict[str, int | None] | None = None,
    *,
    create_institutions: bool = False,
    source: str = "",
    progress: Progress | None = None,
    create_hint: str = "import with --create-institutions",
) -> ImportPlan:
    """Check every row of *table*; the plan lists every problem or what would be written."""
    mapping = mapping if mapping is not None else match_headers(table.header, VISIT_FIELDS)
    plan = ImportPlan("visits", source, table.header, mapping)
    missing = missing_required(mapping, VISIT_FIELDS)
    if missing:
        plan.problems = [
            RowProblem(1, m, QT_TRANSLATE_NOOP("Validation", "required column is missing"))
            for m in missing
        ]
        return plan
    institutions = Institutions(services.institutions.list(), create_institutions)
    people, existing = _existing(services)
    seen: set[VisitKey] = set()
    total = len(table.rows)
    for done, row in enumerate(table.rows, start=1):
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
        r = RowReader(row, table.header, mapping, VISIT_FIELDS)
        email = r.text("visitor_email")
        visitor_id = people.get(email.casefold()) if email else None
        if not email:
            r.bad("visitor_email", QT_TRANSLATE_NOOP("Validation", "is required"))
        elif visitor_id is None:
            r.bad(
                "visitor_email",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Validation", "no person has the e-mail {email}: import or add them first"
                    ),
                    {"email": email},
                ),
            )
        host_id, new_host = institutions.resolve(r, "host_institution", create_hint)
        dates: dict[str, date | None] = {}
        for key in ("arrival_date", "departure_date"):
            parsed = parse_date(r.cell(key))
            if isinstance(parsed, str):
                r.bad(key, parsed)
                parsed = None
            elif parsed is None:
                r.bad(key, QT_TRANSLATE_NOOP("Validation", "is required"))
            dates[key] = parsed
        arrival, departure = dates["arrival_date"], dates["departure_date"]
        if arrival and departure and departure < arrival:
            r.bad(
                "departure_date",
                Message(
                    QT_TRANSLATE_NOOP("Validation", "is before the arrival {arrival}"),
                    {"arrival": arrival.isoformat()},
                ),
            )
        purpose_text = r.text("purpose")
        purpose = parse_purpose(purpose_text) if purpose_text else Purpose.RESEARCH_COLLABORATION
        if purpose is None:
            choices = ", ".join(p.value for p in Purpose)
            r.bad(
                "purpose",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Validation", "is not a purpose ({choices}; 研究, セミナー, 講演, ...)"
                    ),
                    {"choices": choices},
                ),
            )
        paid = parse_paid(r.text("paid"))
        if paid is None:
            r.bad("paid", QT_TRANSLATE_NOOP("Validation", "write yes or no"))
        summary = f"{email} → {r.text('host_institution')}, {arrival or '?'} – {departure or '?'}"
        if r.problems or arrival is None or departure is None or visitor_id is None:
            plan.problems.extend(r.problems)
            plan.rows.append(RowPreview(row.number, summary, RowStatus.PROBLEM, r.problems))
            continue
        host_key: int | str = host_id if host_id is not None else f"new:{new_host}"
        identity = (visitor_id, host_key, arrival)
        if identity in existing or identity in seen:
            plan.present += 1
            plan.rows.append(RowPreview(row.number, summary, RowStatus.PRESENT))
            continue
        seen.add(identity)
        visit = Visit(
            visitor_id=visitor_id, host_institution_id=host_id or 0, arrival_date=arrival,
            departure_date=departure, purpose=purpose or Purpose.OTHER, paid=bool(paid),
            visitor_notes=r.text("visitor_notes"), internal_notes=r.text("internal_notes"),
            visitor_notes_ja=r.text("visitor_notes_ja"),
        )  # fmt: skip
        plan.visits.append(PendingVisit(visit, new_host))
        plan.rows.append(RowPreview(row.number, summary, RowStatus.NEW))
    plan.new_institutions = institutions.new
    if not table.rows:
        plan.problems.append(
            RowProblem(2, "-", QT_TRANSLATE_NOOP("Validation", "no data rows below the header"))
        )
    return plan


def read_visits(services: Services, path: Path, **options: object) -> ImportPlan:
    """Read and check *path* (see :func:`plan_visits` for the options)."""
    from planner.importing.table import read_table

    return plan_visits(services, read_table(path), source=path.name, **options)  # type: ignore[arg-type]

"""``planner import people FILE``: people from CSV or XLSX, all or nothing, never duplicated.

A row names its home institution by full, short or Japanese name. People already in the
database — the same e-mail (case-insensitive), or the same family and given names and date
of birth — are matched, not added again, so importing a file twice adds nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from planner.db.models import PersonRow
from planner.domain.countries import parse_country
from planner.domain.entities import Person
from planner.domain.enums import PersonCategory
from planner.domain.errors import ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.validation import prepare_person
from planner.importing.common import (
    PROGRESS_EVERY,
    ImportPlan,
    Institutions,
    Progress,
    RowPreview,
    RowReader,
    RowStatus,
    country_problem,
    parse_category,
)
from planner.importing.dates import parse_date
from planner.importing.headers import PEOPLE_FIELDS, match_headers, missing_required
from planner.importing.table import RowProblem, Table
from planner.services.bulk import PendingPerson
from planner.services.container import Services

_TEXT_FIELDS = ("family_name", "given_name", "family_name_native", "given_name_native",
                "preferred_name", "phone", "passport_number")  # fmt: skip
NameKey = tuple[str, str, date | None]


def name_key(family: str, given: str, birth: date | None) -> NameKey:
    """What identifies a person without an e-mail: names (case-insensitive) and birth date."""
    return family.strip().casefold(), given.strip().casefold(), birth


def _existing(services: Services) -> tuple[dict[str, int], dict[NameKey, int]]:
    by_email: dict[str, int] = {}
    by_name: dict[NameKey, int] = {}
    query = select(
        PersonRow.id, PersonRow.email, PersonRow.family_name, PersonRow.given_name,
        PersonRow.family_name_native, PersonRow.given_name_native, PersonRow.date_of_birth,
    )  # fmt: skip
    with services.db.read() as session:
        for pid, email, family, given, family_n, given_n, birth in session.execute(query):
            if email:
                by_email.setdefault(email.strip().casefold(), pid)
            by_name.setdefault(name_key(family or family_n, given or given_n, birth), pid)
    return by_email, by_name


def plan_people(
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
    mapping = mapping if mapping is not None else match_headers(table.header, PEOPLE_FIELDS)
    plan = ImportPlan("people", source, table.header, mapping)
    missing = missing_required(mapping, PEOPLE_FIELDS)
    if mapping.get("family_name") is None and mapping.get("family_name_native") is None:
        missing.insert(0, QT_TRANSLATE_NOOP("Validation", "Family name"))
    if missing:
        plan.problems = [
            RowProblem(1, m, QT_TRANSLATE_NOOP("Validation", "required column is missing"))
            for m in missing
        ]
        return plan
    institutions = Institutions(services.institutions.list(), create_institutions)
    by_email, by_name = _existing(services)
    seen_email: set[str] = set()
    seen_name: set[NameKey] = set()
    total = len(table.rows)
    for done, row in enumerate(table.rows, start=1):
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
        r = RowReader(row, table.header, mapping, PEOPLE_FIELDS)
        texts = {key: r.text(key) for key in _TEXT_FIELDS}
        category_text = r.text("category")
        category = parse_category(category_text)
        if category is None:
            r.bad(
                "category",
                QT_TRANSLATE_NOOP("Validation", "is required")
                if not category_text
                else QT_TRANSLATE_NOOP(
                    "Validation", "is not a category (researcher/研究者, staff/職員, student/学生)"
                ),
            )
        home_id, new_home = institutions.resolve(r, "home_institution", create_hint)
        email = r.text("email")
        nationality_text = r.text("nationality")
        nationality = parse_country(nationality_text) if nationality_text else ""
        if nationality is None:
            r.bad("nationality", country_problem(nationality_text))
        dates: dict[str, date | None] = {}
        for key in ("date_of_birth", "passport_expiry"):
            parsed = parse_date(r.cell(key))
            if isinstance(parsed, str):
                r.bad(key, parsed)
                parsed = None
            dates[key] = parsed
        person = Person(
            family_name=texts["family_name"], given_name=texts["given_name"],
            family_name_native=texts["family_name_native"],
            given_name_native=texts["given_name_native"],
            preferred_name=texts["preferred_name"], category=category or PersonCategory.RESEARCHER,
            home_institution_id=home_id or 0, email=email, phone=texts["phone"],
            nationality=nationality or "", date_of_birth=dates["date_of_birth"],
            passport_number=texts["passport_number"], passport_expiry=dates["passport_expiry"],
        )  # fmt: skip
        try:
            # The phone is read in the home institution's country and stored in E.164 form.
            person = prepare_person(person, institutions.country(home_id, new_home))
        except ValidationError as exc:
            for problem in exc.problems:
                if problem.field == "nationality" and nationality is None:
                    continue  # already said in the importer's words
                r.bad(problem.field, problem.message)
        summary = f"{person.latin_name or person.native_name} <{email}>" if email else (
            person.latin_name or person.native_name)  # fmt: skip
        if r.problems:
            plan.problems.extend(r.problems)
            plan.rows.append(RowPreview(row.number, summary, RowStatus.PROBLEM, r.problems))
            continue
        folded_email = email.casefold()
        identity = name_key(
            person.family_name or person.family_name_native,
            person.given_name or person.given_name_native,
            person.date_of_birth,
        )
        if (folded_email and (folded_email in by_email or folded_email in seen_email)) or (
            identity in by_name or identity in seen_name
        ):
            plan.present += 1
            plan.rows.append(RowPreview(row.number, summary, RowStatus.PRESENT))
            continue
        if folded_email:
            seen_email.add(folded_email)
        seen_name.add(identity)
        plan.people.append(PendingPerson(person, new_home))
        plan.rows.append(RowPreview(row.number, summary, RowStatus.NEW))
    plan.new_institutions = institutions.new
    if not table.rows:
        plan.problems.append(
            RowProblem(2, "-", QT_TRANSLATE_NOOP("Validation", "no data rows below the header"))
        )
    return plan


def read_people(services: Services, path: Path, **options: object) -> ImportPlan:
    """Read and check *path* (see :func:`plan_people` for the options)."""
    from planner.importing.table import read_table

    return plan_people(services, read_table(path), source=path.name, **options)  # type: ignore[arg-type]

"""The visits list in compact form: one small tuple per visit, names looked up by id.

Building a :class:`~planner.domain.entities.VisitSummary` per visit costs more than the query
itself with 100,000 visits (object creation, name joins, date parsing). The list views read
this form instead: the visits table's own columns through SQLAlchemy Core (no ORM entities),
dates as the ISO text SQLite stores, and the few thousand people, institutions and projects
the rows refer to in separate dictionaries, so each name is built once, not once per visit.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from sqlalchemy import Select, String, cast, func, select
from sqlalchemy.orm import Session

from planner.db.models import InstitutionRow, PersonRow, ProjectRow, VisitRow

#: One visit as the list holds it (field positions are used by hot loops).
ListRow = tuple[int, str, int, int, str, str, str, str, int | None, int]

# Positions in :data:`ListRow` (Final, so type checkers know each field's type).
ROW_ID: Final = 0
ROW_CODE: Final = 1
ROW_VISITOR: Final = 2
ROW_HOST: Final = 3
ROW_ARRIVAL: Final = 4
ROW_DEPARTURE: Final = 5
ROW_STATUS: Final = 6
ROW_PURPOSE: Final = 7
ROW_PROJECT: Final = 8
ROW_VERSION: Final = 9


class ListPerson(NamedTuple):
    """The parts of a person the visits list shows."""

    given_name: str
    family_name: str
    family_name_native: str
    given_name_native: str
    home_institution_id: int

    @property
    def latin(self) -> str:
        """``Hiroshi Tanaka``."""
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def native(self) -> str:
        """``田中 博`` (family name first), or empty."""
        return f"{self.family_name_native} {self.given_name_native}".strip()


@dataclass(frozen=True)
class VisitListing:
    """Every visit of a list, read in one transaction.

    ``rows`` are in arrival-date then code order (codes as text; the views sort codes by
    number themselves). Dates are ISO ``YYYY-MM-DD`` text and statuses their enum values:
    ISO text sorts chronologically and is what the list shows by default, so no per-row
    conversion is needed.
    """

    rows: list[ListRow] = field(default_factory=list)
    people: dict[int, ListPerson] = field(default_factory=dict)
    institutions: dict[int, str] = field(default_factory=dict)
    projects: dict[int, str] = field(default_factory=dict)


def listing_query() -> Select[*ListRow]:
    """The visits table's list columns, in list order; dates and statuses left as text."""
    query: Select[*ListRow] = select(
        VisitRow.id,
        VisitRow.code,
        VisitRow.visitor_id,
        VisitRow.host_institution_id,
        # CAST keeps the stored text (SQLite) or formats the date as ISO (PostgreSQL): either
        # way no date object per cell.
        cast(VisitRow.arrival_date, String),
        cast(VisitRow.departure_date, String),
        cast(VisitRow.status, String),
        cast(VisitRow.purpose, String),
        VisitRow.project_id,
        VisitRow.version,
    ).order_by(VisitRow.arrival_date, VisitRow.code)
    return query


def read_listing(session: Session) -> VisitListing:
    """Every visit with the names it refers to, through Core queries on *session*."""
    connection = session.connection()  # Core: rows are plain tuples, no ORM loading
    rows: list[ListRow] = [tuple(r) for r in connection.execute(listing_query())]  # type: ignore[misc]
    people = {
        int(pid): ListPerson(given or "", family or "", family_n or "", given_n or "", int(home))
        for pid, given, family, family_n, given_n, home in connection.execute(
            select(
                PersonRow.id,
                PersonRow.given_name,
                PersonRow.family_name,
                PersonRow.family_name_native,
                PersonRow.given_name_native,
                PersonRow.home_institution_id,
            )
            # Only visitors: the directory may hold tens of thousands of people who never
            # visited (an imported staff list), and the list needs none of them.
            .where(PersonRow.id.in_(select(VisitRow.visitor_id)))
        )
    }
    institutions = {
        int(iid): str(label)
        for iid, label in connection.execute(
            select(
                InstitutionRow.id,
                func.coalesce(func.nullif(InstitutionRow.short_name, ""), InstitutionRow.name),
            )
        )
    }
    projects = {
        int(pid): str(name)
        for pid, name in connection.execute(select(ProjectRow.id, ProjectRow.name))
    }
    return VisitListing(rows, people, institutions, projects)


def read_listing_rows(session: Session, visit_ids: Collection[int]) -> VisitListing:
    """The visits with *visit_ids* (those that still exist) and the names they refer to.

    What a list needs to update a few rows after a change instead of reading every visit:
    the rows, their visitors (with home institutions), hosts and projects.
    """
    connection = session.connection()
    rows: list[ListRow] = [
        tuple(r)  # type: ignore[misc]
        for r in connection.execute(listing_query().where(VisitRow.id.in_(list(visit_ids))))
    ]
    refs = read_listing_refs(
        session,
        people={r[ROW_VISITOR] for r in rows},
        institutions={r[ROW_HOST] for r in rows},
        projects={r[ROW_PROJECT] for r in rows if r[ROW_PROJECT] is not None},
    )
    return VisitListing(rows, refs.people, refs.institutions, refs.projects)


def read_listing_refs(
    session: Session,
    *,
    people: Collection[int] = (),
    institutions: Collection[int] = (),
    projects: Collection[int] = (),
) -> VisitListing:
    """The list's names of the given people, institutions and projects (no rows).

    The people's home institutions come along, so their rows can show them. Ids that no
    longer exist are simply absent.
    """
    connection = session.connection()
    found_people = {
        int(pid): ListPerson(given or "", family or "", family_n or "", given_n or "", int(home))
        for pid, given, family, family_n, given_n, home in connection.execute(
            select(
                PersonRow.id,
                PersonRow.given_name,
                PersonRow.family_name,
                PersonRow.family_name_native,
                PersonRow.given_name_native,
                PersonRow.home_institution_id,
            ).where(PersonRow.id.in_(list(people)))
        )
    } if people else {}  # fmt: skip
    wanted = set(institutions) | {p.home_institution_id for p in found_people.values()}
    found_institutions = {
        int(iid): str(label)
        for iid, label in connection.execute(
            select(
                InstitutionRow.id,
                func.coalesce(func.nullif(InstitutionRow.short_name, ""), InstitutionRow.name),
            ).where(InstitutionRow.id.in_(list(wanted)))
        )
    } if wanted else {}  # fmt: skip
    found_projects = {
        int(pid): str(name)
        for pid, name in connection.execute(
            select(ProjectRow.id, ProjectRow.name).where(ProjectRow.id.in_(list(projects)))
        )
    } if projects else {}  # fmt: skip
    return VisitListing([], found_people, found_institutions, found_projects)

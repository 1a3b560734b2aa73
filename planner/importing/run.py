"""Running a people or visit import: check the whole file, then write it all or nothing."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from planner.importing.common import ImportPlan, ImportReport, Progress
from planner.importing.headers import PEOPLE_FIELDS, VISIT_FIELDS, apply_overrides, match_headers
from planner.importing.people import plan_people
from planner.importing.table import ImportRowsError, read_table
from planner.importing.visits import plan_visits
from planner.services.container import Services

Kind = Literal["people", "visits"]


def plan_file(
    services: Services,
    kind: Kind,
    path: Path,
    mapping: dict[str, int | None] | None = None,
    *,
    create_institutions: bool = False,
    progress: Progress | None = None,
    create_hint: str = "import with --create-institutions",
    overrides: Mapping[str, str] | None = None,
) -> ImportPlan:
    """Read and check *path*; the plan holds every problem or what importing would write.

    *mapping* (field → column index, from the wizard) replaces the automatic match;
    *overrides* (column title → field, from ``--map``) correct it. Raises
    :class:`ImportRowsError` only when the file itself cannot be read, and
    :class:`~planner.importing.headers.MappingError` for an override naming no column.
    """
    table = read_table(path)
    if mapping is None and overrides:
        fields = PEOPLE_FIELDS if kind == "people" else VISIT_FIELDS
        mapping = apply_overrides(table.header, match_headers(table.header, fields), overrides)
    planner = plan_people if kind == "people" else plan_visits
    plan = planner(
        services, table, mapping, create_institutions=create_institutions, source=path.name,
        progress=progress, create_hint=create_hint,
    )  # fmt: skip
    used = {index for index in plan.mapping.values() if index is not None}
    plan.computed = [
        name for index, name in zip(sorted(table.computed), table.computed_columns(), strict=True)
        if index in used
    ]  # fmt: skip
    return plan


def commit_plan(
    services: Services, plan: ImportPlan, *, progress: Progress | None = None
) -> ImportReport:
    """Write a checked plan in one transaction; :class:`ImportRowsError` if it has problems."""
    if plan.problems:
        raise ImportRowsError(plan.problems, plan.source)
    result = services.bulk.create(
        plan.new_institutions, plan.people, plan.visits, source=plan.source, progress=progress
    )
    return ImportReport(
        plan.kind,
        len(result.people) if plan.kind == "people" else len(result.visits),
        plan.present,
        [i.name for i in result.institutions],
        dry_run=False,
        computed=tuple(plan.computed),
    )


def import_file(
    services: Services,
    kind: Kind,
    path: Path,
    *,
    dry_run: bool = False,
    create_institutions: bool = False,
    progress: Progress | None = None,
    overrides: Mapping[str, str] | None = None,
) -> ImportReport:
    """Import *path* all or nothing; :class:`ImportRowsError` lists every problem.

    *overrides* maps column titles to field keys (``--map``), correcting the automatic match.
    """
    try:
        plan = plan_file(
            services, kind, path, create_institutions=create_institutions, overrides=overrides
        )
    except ImportRowsError as exc:
        raise ImportRowsError(exc.problems, path.name) from None
    if plan.problems:
        raise ImportRowsError(plan.problems, path.name)
    if dry_run:
        names = [i.name for i in plan.new_institutions]
        return ImportReport(
            kind, plan.added, plan.present, names, dry_run=True, computed=tuple(plan.computed)
        )
    return commit_plan(services, plan, progress=progress)

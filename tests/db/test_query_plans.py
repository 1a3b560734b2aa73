"""The hot visit queries use their indexes (EXPLAIN QUERY PLAN of the SQL the services run).

The statements are captured as the services execute them, so the test follows the real
queries rather than copies of them. Plans are checked, never timings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from planner.services.container import Services
from planner.services.visits import VisitFilter
from tests.fixtures.sample import Sample

TODAY = date(2027, 3, 1)


@contextmanager
def _captured(services: Services) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def before(_conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, params))

    event.listen(services.db.engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(services.db.engine, "before_cursor_execute", before)


def plans(services: Services, call: Callable[[], object]) -> list[str]:
    """The query plan of every SELECT that *call* runs, one line per statement."""
    with _captured(services) as statements:
        call()
    assert statements, "the call ran no query"
    with services.db.engine.connect() as conn:
        return [
            " | ".join(
                str(row[3]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            )
            for sql, params in statements
        ]


def _only_plan(services: Services, call: Callable[[], object]) -> str:
    [plan] = plans(services, call)
    return plan


@pytest.mark.usefixtures("sample")
@pytest.mark.parametrize(
    ("name", "call", "indexes"),
    [
        (
            "arrivals",
            lambda s: s.dashboard.arrivals(TODAY),
            ["ix_visits_arrival_departure"],
        ),
        (
            "departures",
            lambda s: s.dashboard.departures(TODAY),
            ["ix_visits_departure_date"],
        ),
        (
            "in progress",
            lambda s: s.dashboard.in_progress(TODAY),
            ["ix_visits_status_"],
        ),
        (
            "status behind the dates",
            lambda s: s.dashboard.needs_update(TODAY),
            ["ix_visits_status_arrival", "ix_visits_status_departure"],
        ),
        (
            "timeline window",
            lambda s: s.visits.summaries(
                VisitFilter(overlapping_from=TODAY, overlapping_to=date(2027, 4, 30))
            ),
            ["ix_visits_"],
        ),
    ],
)
def test_dashboard_and_timeline_queries_search_an_index(
    services: Services, name: str, call: Callable[[Services], object], indexes: list[str]
) -> None:
    plan = _only_plan(services, lambda: call(services))
    for index in indexes:
        assert index in plan, f"{name}: {plan}"
    assert "SCAN v " not in plan and "SCAN visits" not in plan, f"{name}: {plan}"


@pytest.mark.usefixtures("sample")
def test_date_extent_reads_two_index_ends(services: Services) -> None:
    plan = _only_plan(services, services.dashboard.date_extent)
    assert "ix_visits_arrival_departure" in plan
    assert "ix_visits_departure_date" in plan
    assert "SCAN visits" not in plan.replace("SCAN visits USING COVERING INDEX", "")


def test_next_code_searches_the_code_index(services: Services, sample: Sample) -> None:
    from planner.services.visits import next_code

    with services.db.read() as session:
        plan = _only_plan(services, lambda: next_code(session, 2027))
        assert next_code(session, 2027) == "V-2027-0003"
    assert "SEARCH visits USING" in plan and "(code>? AND code<?)" in plan, plan


@pytest.mark.usefixtures("sample")
def test_list_lookups_of_one_visit_search_by_key(services: Services) -> None:
    visit = services.visits.summaries()[0]
    for plan in plans(services, lambda: services.itinerary.for_visit(visit.id)):
        assert "SCAN" not in plan, plan

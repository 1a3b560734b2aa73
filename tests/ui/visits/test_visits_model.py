"""The visits table model and its filter proxy, without a window."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import QDate, QPersistentModelIndex, QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester

from planner.domain.codes import code_sort_key
from planner.domain.entities import VisitSummary
from planner.domain.enums import Purpose, VisitStatus
from planner.domain.visit_criteria import Direction, VisitCriteria, matches
from planner.services.container import Services
from planner.ui.common.labels import status_colour
from planner.ui.common.roles import ID_ROLE, SEARCH_ROLE, SORT_ROLE
from planner.ui.visits.visits_model import (
    Column,
    VisitFilterProxyModel,
    VisitTableModel,
    fast_code_key,
)
from tests.fixtures.sample import Sample

ASC = Qt.SortOrder.AscendingOrder
DESC = Qt.SortOrder.DescendingOrder


def summary(
    vid: int,
    arrival: date,
    status: VisitStatus = VisitStatus.DRAFT,
    name: str = "Dana Miller",
    native: str = "",
    host: str = "Argonne",
) -> VisitSummary:
    """A visit summary without a database."""
    return VisitSummary(
        id=vid,
        code=f"V-{arrival.year}-{vid:04d}",
        visitor_id=vid,
        visitor_name=name,
        visitor_name_native=native,
        home_institution="RIKEN Wako",
        host_institution=host,
        arrival_date=arrival,
        departure_date=arrival.replace(day=min(arrival.day + 3, 28)),
        status=status,
        purpose=Purpose.SEMINAR,
        project="",
        version=1,
    )


def column_texts(model: VisitTableModel | QSortFilterProxyModel, column: Column) -> list[str]:
    """The display texts of *column*, top to bottom."""
    return [model.index(row, column).data() for row in range(model.rowCount())]


@pytest.fixture
def loaded(services: Services, sample: Sample) -> VisitTableModel:
    """The model loaded from the sample database."""
    model = VisitTableModel(services.visits)
    model.refresh()
    return model


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, loaded: VisitTableModel) -> None:
    qtmodeltester.check(loaded, force_py=True)
    loaded.sort(Column.STATUS, DESC)
    loaded.refresh()
    qtmodeltester.check(loaded, force_py=True)


def test_proxy_passes_qt_model_tester(qtmodeltester: ModelTester, loaded: VisitTableModel) -> None:
    proxy = VisitFilterProxyModel()
    proxy.setSourceModel(loaded)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_filter_text("tanaka")
    proxy.sort(Column.ARRIVAL, DESC)
    proxy.set_filter_text("")
    assert proxy.rowCount() == 2


def test_cells_show_readable_text(loaded: VisitTableModel, sample: Sample) -> None:
    row = loaded.row_of(sample.visit_in.id or 0)
    assert row is not None
    cells = [loaded.index(row, c).data() for c in Column]
    assert cells == [
        sample.visit_in.code,
        "Hiroshi Tanaka (田中 博)",
        "RIKEN Wako",
        "Argonne",
        "2027-03-08",
        "2027-03-19",
        "Draft",
    ]
    other = loaded.row_of(sample.visit_out.id or 0)
    assert other is not None
    assert loaded.index(other, Column.VISITOR).data() == "Dana Miller"
    assert loaded.index(row, Column.CODE).data(ID_ROLE) == sample.visit_in.id
    headers = [loaded.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == [
        "Code", "Visitor", "Home institution", "Host institution", "Arrival", "Departure", "Status",
    ]  # fmt: skip


def test_status_has_label_and_distinct_colour() -> None:
    model = VisitTableModel()
    model.set_visits([summary(i + 1, date(2027, 5, 1 + i), s) for i, s in enumerate(VisitStatus)])
    labels = column_texts(model, Column.STATUS)
    assert labels == [
        "Draft", "Proposed", "Approved", "Confirmed", "In progress", "Completed", "Cancelled",
    ]  # fmt: skip
    colours = {
        model.index(r, Column.STATUS).data(Qt.ItemDataRole.ForegroundRole).color().name()
        for r in range(model.rowCount())
    }
    assert len(colours) == len(VisitStatus)
    assert model.index(0, Column.CODE).data(Qt.ItemDataRole.ForegroundRole) is None
    for status in VisitStatus:
        # Readable on a white base: no colour lighter than mid-grey.
        assert status_colour(status).lightness() < 140


def test_sort_role_gives_raw_values() -> None:
    model = VisitTableModel()
    model.set_visits([summary(1, date(2027, 10, 2), VisitStatus.IN_PROGRESS)])
    assert model.index(0, Column.ARRIVAL).data(SORT_ROLE) == QDate(2027, 10, 2)
    assert model.index(0, Column.STATUS).data(SORT_ROLE) == list(VisitStatus).index(
        VisitStatus.IN_PROGRESS
    )


def test_sorts_dates_as_dates_and_status_in_life_cycle_order() -> None:
    model = VisitTableModel()
    model.set_visits(
        [
            summary(1, date(2027, 10, 2), VisitStatus.CANCELLED),
            summary(2, date(2027, 9, 30), VisitStatus.APPROVED),
            summary(3, date(2026, 12, 1), VisitStatus.DRAFT),
        ]
    )
    model.sort(Column.ARRIVAL, ASC)
    assert column_texts(model, Column.ARRIVAL) == ["2026-12-01", "2027-09-30", "2027-10-02"]
    model.sort(Column.ARRIVAL, DESC)
    assert column_texts(model, Column.ARRIVAL) == ["2027-10-02", "2027-09-30", "2026-12-01"]
    model.sort(Column.STATUS, ASC)
    # Life cycle, not alphabetical (which would put Approved before Cancelled before Draft).
    assert column_texts(model, Column.STATUS) == ["Draft", "Approved", "Cancelled"]


def test_codes_sort_by_year_then_number_past_four_digits() -> None:
    model = VisitTableModel()
    model.set_visits(
        [
            summary(10000, date(2027, 5, 1)),
            summary(9999, date(2027, 6, 1)),
            summary(7, date(2026, 1, 5)),
        ]
    )
    model.sort(Column.CODE, ASC)
    assert column_texts(model, Column.CODE) == ["V-2026-0007", "V-2027-9999", "V-2027-10000"]


def test_sort_keeps_persistent_indexes_on_their_rows() -> None:
    model = VisitTableModel()
    model.set_visits([summary(1, date(2027, 1, 1)), summary(2, date(2027, 2, 1))])
    model.sort(Column.ARRIVAL, ASC)
    first = QPersistentModelIndex(model.index(0, Column.CODE))
    assert first.data(ID_ROLE) == 1
    model.sort(Column.ARRIVAL, DESC)
    assert first.row() == 1
    assert first.data(ID_ROLE) == 1


def test_reload_keeps_sort_order() -> None:
    model = VisitTableModel()
    model.sort(Column.ARRIVAL, DESC)
    model.set_visits([summary(1, date(2027, 1, 1)), summary(2, date(2027, 2, 1))])
    assert column_texts(model, Column.ARRIVAL) == ["2027-02-01", "2027-01-01"]


def test_search_text_is_precomputed_and_folded() -> None:
    model = VisitTableModel()
    model.set_visits([summary(1, date(2027, 1, 1), name="Hiroshi Tanaka", native="田中 博")])
    text = model.index(0, Column.STATUS).data(SEARCH_ROLE)
    assert "hiroshi tanaka" in text
    assert "田中 博" in text
    assert "argonne" in text
    assert text == text.casefold()
    assert model.search_text(0) == text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", [1, 2, 3]),
        ("tanaka", [1]),
        ("TANAKA", [1]),
        ("ｔａｎａｋａ", [1]),  # full-width, as a Japanese input method may type it
        ("田中", [1]),
        ("in progress", [2]),
        ("kobe", [3]),
        ("miller kobe", [3]),
        ("2027-03", [2]),
        ("nobody", []),
    ],
)
def test_filter_matches_every_word_in_any_column(typed: str, expected: list[int]) -> None:
    model = VisitTableModel()
    model.set_visits(
        [
            summary(1, date(2027, 1, 4), name="Hiroshi Tanaka", native="田中 博"),
            summary(2, date(2027, 3, 1), VisitStatus.IN_PROGRESS),
            summary(3, date(2027, 5, 1), host="R-CCS Kobe"),
        ]
    )
    proxy = VisitFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_filter_text(typed)
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == expected


def test_proxy_over_another_model_uses_roles() -> None:
    model = VisitTableModel()
    model.set_visits([summary(1, date(2027, 10, 2)), summary(2, date(2027, 9, 30), name="Ann Lee")])
    generic = QSortFilterProxyModel()
    generic.setSourceModel(model)
    proxy = VisitFilterProxyModel()
    proxy.setSourceModel(generic)
    proxy.set_filter_text("lee")
    assert proxy.rowCount() == 1
    proxy.set_filter_text("")
    proxy.sort(Column.ARRIVAL, ASC)
    assert column_texts(proxy, Column.ARRIVAL) == ["2027-09-30", "2027-10-02"]


@pytest.mark.parametrize(
    "code", ["V-2027-0007", "V-2027-10000", "V-2027-00012", "X-1", " V-2027-0001", "V-27-0001"]
)
def test_fast_code_key_agrees_with_the_domain(code: str) -> None:
    assert fast_code_key(code) == code_sort_key(code)


def _many() -> list[VisitSummary]:
    names = ["Ann Lee", "Hiroshi Tanaka", "Dana Miller", "Yuki Todo", "Anna Tanabe", "Lee Chan"]
    statuses = list(VisitStatus)
    return [
        summary(
            i + 1,
            date(2027, 1 + i % 12, 1 + (i * 7) % 27),
            statuses[i % len(statuses)],
            name=names[i % len(names)],
            host=("Argonne", "R-CCS Kobe", "RIKEN Wako")[i % 3],
        )
        for i in range(60)
    ]


def _ids(model: VisitTableModel | VisitFilterProxyModel) -> list[int]:
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def test_filtering_keeps_the_sort_and_widening_brings_rows_back() -> None:
    visits = _many()
    model = VisitTableModel()
    model.set_visits(visits)
    proxy = VisitFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(Column.VISITOR, DESC)
    everyone = _ids(proxy)
    assert len(everyone) == len(visits)
    texts = {
        proxy.index(r, 0).data(ID_ROLE): proxy.index(r, 0).data(SEARCH_ROLE)
        for r in range(len(visits))
    }
    for typed in ("t", "ta", "tan", "tanab", "tan", "", "lee argonne", "lee", "nobody", ""):
        proxy.set_filter_text(typed)
        words = typed.split()
        expected = [vid for vid in everyone if all(w in texts[vid] for w in words)]
        assert _ids(proxy) == expected, typed
    proxy.set_filter_text("tanaka")
    proxy.sort(Column.ARRIVAL, ASC)
    arrivals = [proxy.index(r, Column.ARRIVAL).data() for r in range(proxy.rowCount())]
    assert arrivals == sorted(arrivals)
    assert {v.visitor_name for v in (model.visit_at(r) for r in range(model.rowCount()))} == {
        "Hiroshi Tanaka"
    }


def test_current_visit_follows_through_filter_and_sort() -> None:
    model = VisitTableModel()
    model.set_visits(_many())
    kept = QPersistentModelIndex(model.index(10, Column.CODE))
    visit_id = kept.data(ID_ROLE)
    model.sort(Column.STATUS, DESC)
    assert kept.data(ID_ROLE) == visit_id
    model.set_filter((model.search_text(kept.row()).split("\x1f")[0],), model.criteria)
    assert kept.isValid() and kept.data(ID_ROLE) == visit_id and model.rowCount() == 1
    model.set_filter(("nobody",), model.criteria)
    assert not kept.isValid()


@pytest.mark.parametrize(
    "criteria",
    [
        VisitCriteria(),
        VisitCriteria(statuses=frozenset({VisitStatus.DRAFT, VisitStatus.CANCELLED})),
        VisitCriteria(host_institution_id=2),
        VisitCriteria(date_from=date(2027, 3, 10), date_to=date(2027, 6, 1)),
        VisitCriteria(direction=Direction.INCOMING, home_institution_id=2),
        VisitCriteria(direction=Direction.OUTGOING, home_institution_id=1),
        VisitCriteria(direction=Direction.OUTGOING),
    ],
)
def test_structured_filter_agrees_with_the_domain_predicate(criteria: VisitCriteria) -> None:
    ids = {"Argonne": 1, "R-CCS Kobe": 2, "RIKEN Wako": 3}
    visits = []
    for v in _many():
        home = "Argonne" if v.id % 2 else "RIKEN Wako"
        visits.append(
            dataclasses.replace(
                v,
                host_institution_id=ids[v.host_institution],
                home_institution=home,
                home_institution_id=ids[home],
            )
        )
    model = VisitTableModel()
    model.set_visits(visits)
    proxy = VisitFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_criteria(criteria)
    assert _ids(proxy) == [v.id for v in visits if matches(v, criteria)]

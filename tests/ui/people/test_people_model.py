"""The people table model and its filter proxy, without a view."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from planner.domain.entities import PersonSummary
from planner.domain.enums import PersonCategory
from planner.ui.common.roles import ID_ROLE, SEARCH_ROLE
from planner.ui.people.people_model import (
    PeopleFilterProxyModel,
    PeopleTableModel,
    PersonColumn,
    prepare_people,
)


def person(pid: int, latin: str, native: str = "", nationality: str = "JP") -> PersonSummary:
    """A summary without a database."""
    return PersonSummary(
        id=pid,
        latin_name=latin,
        native_name=native,
        category=PersonCategory.RESEARCHER,
        home_institution="RIKEN Wako",
        email=f"{latin.split()[-1].lower()}@example.jp",
        nationality=nationality,
    )


PEOPLE = [
    person(1, "Hiroshi Tanaka", "田中 博"),
    person(2, "Dana Miller", nationality="US"),
    person(3, "Ｋｅｎｔａ Morikawa", "森川 健太"),
    person(4, "Cher"),
]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = PeopleTableModel()
    model.set_people(PEOPLE)
    qtmodeltester.check(model)
    proxy = PeopleFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(PersonColumn.LATIN_NAME)
    proxy.set_filter_text("example")
    qtmodeltester.check(proxy)


def test_cells_roles_and_ids() -> None:
    model = PeopleTableModel()
    model.set_people(PEOPLE)
    index = model.index(0, PersonColumn.NATIONALITY)
    assert index.data() == "Japan (JP)"
    assert index.data(ID_ROLE) == 1
    assert "田中 博" in index.data(SEARCH_ROLE)
    assert model.index(3, PersonColumn.NATIVE_NAME).data() == ""
    assert model.row_of(3) == 2 and model.row_of(99) is None
    assert model.data(model.index(0, 99)) is None


def test_sorting_by_name_uses_the_family_name() -> None:
    model = PeopleTableModel()
    model.set_people(PEOPLE)
    proxy = PeopleFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(PersonColumn.LATIN_NAME, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert shown == ["Cher", "Dana Miller", "Ｋｅｎｔａ Morikawa", "Hiroshi Tanaka"]


def test_filter_every_word_any_column_kanji_and_full_width() -> None:
    model = PeopleTableModel()
    model.set_people(PEOPLE)
    proxy = PeopleFilterProxyModel()
    proxy.setSourceModel(model)

    def shown(text: str) -> list[int]:
        proxy.set_filter_text(text)
        return sorted(proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount()))

    assert shown("森川") == [3]
    assert shown("森川健太") == [3]  # typed without the space between the names
    assert shown("kenta") == [3]  # full-width letters fold to ASCII
    assert shown("田中 researcher") == [1]
    assert shown("united states") == [2]
    assert shown("us") == [2]
    assert shown("") == [1, 2, 3, 4]
    assert proxy.filter_terms == ()


def test_sort_survives_reload_and_combines_with_the_filter() -> None:
    model = PeopleTableModel()
    proxy = PeopleFilterProxyModel()
    proxy.setSourceModel(model)
    model.set_people(PEOPLE)
    proxy.sort(PersonColumn.LATIN_NAME, Qt.SortOrder.DescendingOrder)
    proxy.set_filter_text("example.jp")
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [1, 3, 2, 4]

    # A reload (the directory changed) keeps the sort and the filter.
    model.set_people([*PEOPLE, person(5, "Aiko Yamada", "山田 愛子")])
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [5, 1, 3, 2, 4]
    proxy.set_filter_text("山田")
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [5]


def test_sorting_keeps_persistent_indexes_on_their_person() -> None:
    model = PeopleTableModel()
    model.set_people(PEOPLE)
    proxy = PeopleFilterProxyModel()
    proxy.setSourceModel(model)
    selected = QPersistentModelIndex(proxy.index(0, PersonColumn.EMAIL))
    assert selected.data(ID_ROLE) == 1
    proxy.sort(PersonColumn.LATIN_NAME, Qt.SortOrder.AscendingOrder)
    assert selected.data(ID_ROLE) == 1
    assert selected.row() == 3  # Tanaka now sorts last
    assert selected.column() == PersonColumn.EMAIL


def test_rows_sorted_off_the_gui_thread_keep_the_models_order() -> None:
    model = PeopleTableModel()
    model.set_people(PEOPLE)
    model.sort(PersonColumn.LATIN_NAME, Qt.SortOrder.DescendingOrder)
    sort = model.current_sort()
    assert sort == (PersonColumn.LATIN_NAME, Qt.SortOrder.DescendingOrder)
    prepared = prepare_people([*PEOPLE, person(5, "Aiko Yamada")], sort)
    assert [p.id for p in prepared.people] == [5, 1, 3, 2, 4]
    model.set_people(prepared)
    assert [model.person_at(r).id for r in range(model.rowCount())] == [5, 1, 3, 2, 4]
    # Rows prepared for another order are sorted again by the model.
    model.set_people(prepare_people(PEOPLE))
    assert [model.person_at(r).id for r in range(model.rowCount())] == [1, 3, 2, 4]


def test_filter_follows_sorting_and_reloads_of_the_same_size() -> None:
    model = PeopleTableModel()
    model.set_people(PEOPLE)
    proxy = PeopleFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_filter_text("tanaka")
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [1]
    proxy.sort(PersonColumn.LATIN_NAME, Qt.SortOrder.AscendingOrder)  # Tanaka moves last
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [1]
    renamed = [person(1, "Hiroshi Sato", "佐藤 博"), *PEOPLE[1:]]
    model.set_people(renamed)  # same number of rows, Tanaka gone
    assert proxy.rowCount() == 0

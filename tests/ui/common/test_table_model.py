"""The generic read-only table model: a column specification drives every role."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester

from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.ui.common.roles import ID_ROLE, SORT_ROLE
from planner.ui.common.table_model import ColumnSpec, RowTableModel


@dataclass(frozen=True)
class Thing:
    id: int
    name: str
    size: int


COLUMNS: list[ColumnSpec[Thing]] = [
    ColumnSpec(
        QT_TRANSLATE_NOOP("DirectoryView", "Name"),
        "DirectoryView",
        lambda t: t.name,
        tooltip=lambda t: f"{t.name} ({t.size})" if t.size else None,
    ),
    ColumnSpec(
        QT_TRANSLATE_NOOP("RulesView", "Lead days"),
        "RulesView",
        lambda t: str(t.size),
        sort_key=lambda t: t.size,
        alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    ),
]
THINGS = [Thing(1, "beta", 10), Thing(2, "alpha", 9), Thing(3, "gamma", 0)]


def _model() -> RowTableModel[Thing]:
    model = RowTableModel(COLUMNS, row_id=lambda t: t.id)
    model.set_rows(THINGS)
    return model


def test_roles_come_from_the_columns() -> None:
    model = _model()
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Lead days"
    first = model.index(0, 0)
    assert first.data() == "beta" and first.data(SORT_ROLE) == "beta"  # the text by default
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "beta (10)"
    assert model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert first.data(Qt.ItemDataRole.TextAlignmentRole) is None
    size = model.index(0, 1)
    assert size.data() == "10" and size.data(SORT_ROLE) == 10
    assert size.data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert [model.index(r, 1).data(ID_ROLE) for r in range(3)] == [1, 2, 3]
    assert model.row_of(2) == 1 and model.row_of(99) is None
    assert model.row_at(2) == THINGS[2]
    assert model.data(QModelIndex()) is None


def test_sorting_by_the_sort_key_not_the_text(qtmodeltester: ModelTester) -> None:
    model = _model()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1)  # numbers: 0, 9, 10 (as text "10" would come before "9")
    assert [proxy.index(r, 0).data() for r in range(3)] == ["gamma", "alpha", "beta"]
    qtmodeltester.check(proxy)
    model.set_rows(THINGS[:1])
    assert proxy.rowCount() == 1

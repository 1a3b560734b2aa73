"""A list of people to choose from (combo boxes), fast with tens of thousands of names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from planner.domain.entities import PersonSummary
from planner.ui.formats import person_name_both

AnyIndex = QModelIndex | QPersistentModelIndex


def person_choice_names(people: Sequence[PersonSummary]) -> dict[int, str]:
    """``Hiroshi Tanaka (田中 博)`` per person id (native first in Japanese), in order.

    Safe off the GUI thread.
    """
    return {p.id: person_name_both(p.latin_name, p.native_name) for p in people}


class PersonChoiceModel(QAbstractListModel):
    """People as a read-only list: display text is the name, ``UserRole`` the person id.

    A combo box filled item by item with 50,000 people took seconds on the GUI thread; over
    this model it asks only for the rows it shows.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._names: list[str] = []

    def set_names(self, names: Mapping[int, str]) -> None:
        """Replace the choices with *names* (id → text), keeping their order."""
        self.beginResetModel()
        self._ids = list(names)
        self._names = list(names.values())
        self.endResetModel()

    def row_of(self, person_id: int) -> int:
        """Row of *person_id*, or -1."""
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Number of people."""
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name (display, edit) or id (user role)."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._names[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None

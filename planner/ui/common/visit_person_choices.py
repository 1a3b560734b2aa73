"""People to choose from in combo boxes (visit editors, event participants), as list models.

Filling two combo boxes item by item with every person (5,000 and more) made opening a visit
editor take more than half a second. A list model over one list built once serves every
editor of a window: a combo box only asks it for the rows it draws, and selecting a person is
a dict lookup instead of a search through the items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox

from planner.services.container import Services
from planner.ui.common.formats import person_name_both

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class VisitPerson:
    """One person as the visit editor's lists show them."""

    id: int
    text: str
    home_institution: str


def load_visit_people(services: Services) -> list[VisitPerson]:
    """Everyone, by family name: ``Hiroshi Tanaka (田中 博) — RIKEN Wako``."""
    people = []
    for p in services.people.summaries():
        name = person_name_both(p.latin_name, p.native_name)
        people.append(VisitPerson(p.id, f"{name} — {p.home_institution}", p.home_institution))
    return people


def load_people_by_name(services: Services) -> list[VisitPerson]:
    """Everyone, by family name, as just their names (``Hiroshi Tanaka (田中 博)``).

    Safe on a worker thread (the events view reads it there after large imports).
    """
    return [
        VisitPerson(p.id, person_name_both(p.latin_name, p.native_name), p.home_institution)
        for p in services.people.summaries()
    ]


class VisitPersonModel(QAbstractListModel):
    """*people* as list rows (text; the person's id as ``UserRole``), optionally after a
    first "(none)" row whose id is None."""

    def __init__(
        self,
        people: Sequence[VisitPerson],
        *,
        with_none: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._offset = 1 if with_none else 0
        self._people: list[VisitPerson] = []
        self._by_id: dict[int, VisitPerson] = {}
        self._rows: dict[int, int] = {}
        self._fill(people)

    def _fill(self, people: Sequence[VisitPerson]) -> None:
        self._people = list(people)
        self._by_id = {p.id: p for p in self._people}
        self._rows = {p.id: n + self._offset for n, p in enumerate(self._people)}

    def set_people(self, people: Sequence[VisitPerson]) -> None:
        """Replace the rows with *people*."""
        self.beginResetModel()
        self._fill(people)
        self.endResetModel()

    def text_of(self, person_id: int) -> str:
        """The text shown for *person_id* (empty if unknown)."""
        person = self._by_id.get(person_id)
        return person.text if person else ""

    def row_of(self, person_id: int | None) -> int:
        """The row of *person_id* (the "(none)" row for None, if there is one); -1 if absent."""
        if person_id is None:
            return 0 if self._offset else -1
        return self._rows.get(person_id, -1)

    def home_of(self, person_id: int | None) -> str:
        """The home institution shown for *person_id* (empty if unknown)."""
        person = self._by_id.get(person_id) if person_id is not None else None
        return person.home_institution if person else ""

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """The people, plus the "(none)" row if there is one."""
        return 0 if parent.isValid() else len(self._people) + self._offset

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The person's text, or their id as ``UserRole``."""
        row = index.row() - self._offset
        if not index.isValid() or row >= len(self._people):
            return None
        if row < 0:  # the "(none)" row
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("VisitEditor", "(none)")
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._people[row].text
        if role == Qt.ItemDataRole.UserRole:
            return self._people[row].id
        return None


class VisitPersonChoices:
    """The two person models every visit editor of one window shares.

    Built on first use; :meth:`invalidate` (a person or institution changed) makes the next
    editor get fresh models. Open editors keep the models they have, so a change elsewhere
    never moves their current selection.
    """

    def __init__(self, services: Services) -> None:
        self._services = services
        self._models: tuple[VisitPersonModel, VisitPersonModel] | None = None

    def models(self) -> tuple[VisitPersonModel, VisitPersonModel]:
        """(visitor choices, host person choices with "(none)")."""
        if self._models is None:
            people = load_visit_people(self._services)
            self._models = (VisitPersonModel(people), VisitPersonModel(people, with_none=True))
        return self._models

    def invalidate(self) -> None:
        """Read the people again for the next editor."""
        self._models = None


def select_person(combo: QComboBox, model: VisitPersonModel, person_id: int | None) -> None:
    """Make *person_id* current in *combo* (over *model*) without signals."""
    blocked = combo.blockSignals(True)
    combo.setCurrentIndex(model.row_of(person_id))
    combo.blockSignals(blocked)

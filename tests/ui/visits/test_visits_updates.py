"""The visits list follows changes row by row: no reset unless a change is bulk."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.domain.entities import Visit
from planner.domain.enums import AuditAction, Purpose, RecordKind, VisitStatus
from planner.domain.visit_criteria import VisitCriteria
from planner.services.changes import Change
from planner.services.container import Services
from planner.ui.common.roles import ID_ROLE
from planner.ui.visits.visits_model import Column, VisitFilterProxyModel, VisitTableModel
from planner.ui.visits.visits_view import VisitsView
from tests.fixtures.sample import Sample

ASC = Qt.SortOrder.AscendingOrder
DESC = Qt.SortOrder.DescendingOrder


class Signals:
    """Which structural signals a model emitted, and the rows dataChanged covered."""

    def __init__(self, model: VisitTableModel | VisitFilterProxyModel) -> None:
        self.resets = 0
        self.layouts = 0
        self.changed: list[tuple[int, int]] = []
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        model.modelReset.connect(self._reset)
        model.layoutChanged.connect(self._layout)
        model.dataChanged.connect(
            lambda top, bottom, _roles=(): self.changed.append((top.row(), bottom.row()))
        )
        model.rowsInserted.connect(lambda _p, a, b: self.inserted.append((a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.removed.append((a, b)))

    def _reset(self) -> None:
        self.resets += 1

    def _layout(self) -> None:
        self.layouts += 1


def ids(model: VisitTableModel | VisitFilterProxyModel) -> list[int]:
    """Visit ids top to bottom."""
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def add_visit(services: Services, sample: Sample, arrival: date, **fields: object) -> Visit:
    """A visit of Dana Miller's to RIKEN arriving on *arrival*."""
    assert sample.miller.id is not None and sample.riken.id is not None
    return services.visits.create(
        Visit(
            visitor_id=sample.miller.id,
            host_institution_id=sample.riken.id,
            arrival_date=arrival,
            departure_date=arrival.replace(day=arrival.day + 2),
            purpose=Purpose.SEMINAR,
            **fields,  # type: ignore[arg-type]
        )
    )


@pytest.fixture
def model(qtmodeltester: ModelTester, services: Services, sample: Sample) -> VisitTableModel:
    """The model over the sample plus a third visit, sorted by arrival, under the tester."""
    add_visit(services, sample, date(2027, 5, 10))
    table = VisitTableModel(services.visits)
    table.refresh()
    table.sort(Column.ARRIVAL, ASC)
    # The tester stays connected: every later signal is checked for consistency too.
    qtmodeltester.check(table, force_py=True)
    return table


def test_one_changed_visit_updates_only_its_row(
    services: Services, sample: Sample, model: VisitTableModel
) -> None:
    assert sample.visit_in.id is not None
    before = ids(model)
    row = before.index(sample.visit_in.id)
    current = QPersistentModelIndex(model.index(row, Column.CODE))
    signals = Signals(model)
    stored = services.visits.get(sample.visit_in.id)
    services.visits.update(dataclasses.replace(stored, departure_date=date(2027, 3, 21)))
    model.update_visits([sample.visit_in.id])
    assert signals.resets == 0 and signals.layouts == 0
    assert signals.changed == [(row, row)]
    assert model.index(row, Column.DEPARTURE).data() == "2027-03-21"
    assert ids(model) == before
    assert current.row() == row


def test_a_changed_date_moves_the_row_and_its_persistent_index(
    services: Services, sample: Sample, model: VisitTableModel
) -> None:
    assert sample.visit_in.id is not None
    current = QPersistentModelIndex(model.index(ids(model).index(sample.visit_in.id), 0))
    signals = Signals(model)
    stored = services.visits.get(sample.visit_in.id)
    later = dataclasses.replace(
        stored, arrival_date=date(2027, 6, 1), departure_date=date(2027, 6, 5)
    )
    services.visits.update(later)
    model.update_visits([sample.visit_in.id])
    assert signals.resets == 0
    assert ids(model)[-1] == sample.visit_in.id
    assert current.row() == model.rowCount() - 1  # the selection follows its visit
    assert model.index(model.rowCount() - 1, Column.ARRIVAL).data() == "2027-06-01"


def test_an_inserted_visit_appears_in_sort_order_and_respects_the_filter(
    services: Services, sample: Sample, model: VisitTableModel
) -> None:
    model.sort(Column.ARRIVAL, DESC)
    signals = Signals(model)
    early = add_visit(services, sample, date(2027, 1, 4))
    assert early.id is not None
    model.update_visits([early.id])
    assert signals.resets == 0 and signals.inserted == [(3, 3)]
    assert ids(model)[-1] == early.id  # descending: the earliest arrival comes last
    assert model.total_count == 4
    # A filter that excludes the next visit: counted, not shown.
    model.set_filter((), VisitCriteria(statuses=frozenset({VisitStatus.PROPOSED})))
    hidden = add_visit(services, sample, date(2027, 2, 1))
    assert hidden.id is not None
    model.update_visits([hidden.id])
    assert hidden.id not in ids(model) and model.total_count == 5
    shown = services.visits.set_status(hidden.id, VisitStatus.PROPOSED)
    model.update_visits([hidden.id])
    assert ids(model) == [shown.id]
    model.set_filter((), VisitCriteria())
    assert len(ids(model)) == 5 and ids(model)[-1] == early.id


def test_a_deleted_visit_disappears(
    services: Services, sample: Sample, model: VisitTableModel
) -> None:
    assert sample.visit_in.id is not None
    others = [i for i in ids(model) if i != sample.visit_in.id]
    signals = Signals(model)
    services.visits.delete(sample.visit_in.id)
    model.update_visits([sample.visit_in.id])
    assert signals.resets == 0 and len(signals.removed) == 1
    assert ids(model) == others and model.total_count == 2
    assert model.row_of(sample.visit_in.id) is None
    # The rows left keep working: update and re-sort after the removal.
    again = add_visit(services, sample, date(2027, 3, 1))
    model.update_visits([again.id or 0])
    model.sort(Column.CODE, ASC)
    assert sorted(ids(model)) == sorted([*others, again.id])


def test_a_person_rename_updates_the_visitor_column(
    services: Services, sample: Sample, model: VisitTableModel
) -> None:
    assert sample.miller.id is not None
    signals = Signals(model)
    services.people.update(dataclasses.replace(sample.miller, given_name="Dinah"))
    model.update_names(people=[sample.miller.id])
    assert signals.resets == 0
    names = [model.index(row, Column.VISITOR).data() for row in range(model.rowCount())]
    assert names.count("Dinah Miller") == 2 and "Dana Miller" not in names
    assert signals.changed  # the rows were repainted
    # The search text follows the new name.
    model.set_filter(("dinah",), VisitCriteria())
    assert model.rowCount() == 2


def test_a_rename_while_sorted_by_visitor_reorders_without_reset(
    services: Services, sample: Sample, model: VisitTableModel
) -> None:
    assert sample.miller.id is not None and sample.visit_in.id is not None
    model.sort(Column.VISITOR, ASC)
    assert ids(model)[-1] == sample.visit_in.id  # Hiroshi Tanaka after Dana Miller
    signals = Signals(model)
    services.people.update(dataclasses.replace(sample.miller, given_name="Zed", family_name="Zu"))
    model.update_names(people=[sample.miller.id])
    assert signals.resets == 0
    assert ids(model)[0] == sample.visit_in.id


def test_many_changed_visits_reset_once(
    services: Services, sample: Sample, model: VisitTableModel
) -> None:
    signals = Signals(model)
    model.update_visits(list(range(1, 500)))
    assert signals.resets == 1 and model.total_count == 3


def test_people_model_after_updates_passes_the_tester(
    qtmodeltester: ModelTester, services: Services, sample: Sample
) -> None:
    from planner.ui.people.people_model import PeopleFilterProxyModel, PeopleTableModel

    table = PeopleTableModel()
    table.set_people(services.people.summaries())
    table.sort(0, ASC)
    proxy = PeopleFilterProxyModel()
    proxy.setSourceModel(table)
    qtmodeltester.check(table, force_py=True)
    signals = Signals(table)  # type: ignore[arg-type]
    assert sample.miller.id is not None and sample.tanaka.id is not None
    renamed = services.people.update(dataclasses.replace(sample.miller, email="d@example.org"))
    table.apply_people(services.people.summaries([sample.miller.id]), [sample.miller.id])
    assert signals.resets == 0 and len(signals.changed) == 1
    moved = services.people.update(dataclasses.replace(renamed, family_name="Aaron"))
    table.apply_people(services.people.summaries([sample.miller.id]), [sample.miller.id])
    assert table.person_at(0).id == moved.id  # Aaron sorts first
    assert sample.visit_in.id is not None
    services.visits.delete(sample.visit_in.id)  # Tanaka's only visit
    services.people.delete(sample.tanaka.id)
    table.apply_people([], [sample.tanaka.id])
    assert table.rowCount() == 1 and signals.resets == 0
    assert proxy.rowCount() == 1


# -- the view and the window ----------------------------------------------------------------


@pytest.fixture
def view(qtbot: QtBot, services: Services, sample: Sample) -> VisitsView:
    """The visits view, listening to the services' changes like the window's."""
    from planner.ui.common.bridge import ChangeBridge

    shown = VisitsView(services)
    qtbot.addWidget(shown)
    shown.reload()
    bridge = ChangeBridge(services.bus, shown)
    bridge.changed.connect(shown.on_change)
    return shown


def test_the_view_updates_rows_for_changes_and_resets_for_bulk(
    qtbot: QtBot, services: Services, sample: Sample, view: VisitsView
) -> None:
    assert sample.visit_out.id is not None
    signals = Signals(view.proxy)
    stored = services.visits.get(sample.visit_out.id)
    services.visits.update(dataclasses.replace(stored, purpose=Purpose.LECTURE))
    added = add_visit(services, sample, date(2027, 7, 1))
    qtbot.waitUntil(lambda: view.total_count == 3)
    assert signals.resets == 0 and signals.inserted
    assert view.model.row_of(added.id or 0) is not None
    view.on_change(Change(RecordKind.VISIT, (), AuditAction.IMPORT))
    qtbot.waitUntil(lambda: signals.resets == 1)


def test_an_editor_ignores_its_own_change_but_reloads_on_another(
    qtbot: QtBot,
    window: object,
    services: Services,
    sample: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from planner.ui.shell.main_window import MainWindow

    assert isinstance(window, MainWindow) and sample.visit_in.id is not None
    editor = window.open_visit(sample.visit_in.id)
    loads: list[int] = []
    original = editor._load_history
    monkeypatch.setattr(editor, "_load_history", lambda: (loads.append(1), original())[1])
    editor.purpose.setCurrentIndex((editor.purpose.currentIndex() + 1) % editor.purpose.count())
    assert editor.save()
    assert len(loads) == 1  # the editor shows its own save once, not again for the notice
    window.undo_stack.undo()  # an undo in the main window is not the editor's own save
    assert len(loads) == 2
    stored = services.visits.get(sample.visit_in.id)
    services.visits.update(dataclasses.replace(stored, internal_notes="from elsewhere"))
    assert len(loads) == 3  # another window's change: the history is read again

"""Every item model of the interface passes Qt's model tester, with realistic rows in it.

``MODELS`` names a factory per model (or proxy): it fills the model from the shared sample
database (adding an agreement, a transfer, a project, an event, an itinerary or an attachment
where the sample has none) and returns it. A new model joins by adding one line;
``test_every_model_class_is_checked`` fails when a model class has no factory.
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.domain.entities import Event, Participant, Project
from planner.domain.enums import (
    AgreementKind,
    EventKind,
    ParticipantRole,
    TransferKind,
    VisitStatus,
)
from planner.domain.paperwork import Agreement, Attachment, MaterialTransfer
from planner.domain.timezones import local_to_utc
from planner.importing.common import RowPreview, RowStatus
from planner.importing.table import RowProblem
from planner.services.container import Services
from planner.ui.agreements.agreements_view import AgreementsView
from planner.ui.common.history_model import HistoryModel
from planner.ui.common.visit_person_choices import VisitPersonModel, load_visit_people
from planner.ui.dashboard.dashboard_view import DashboardView
from planner.ui.directory.directory_view import DirectoryView
from planner.ui.events.events_model import EventRow, EventTableModel, ParticipantTableModel
from planner.ui.itinerary.itinerary_editor import ItineraryEditor
from planner.ui.paperwork.paperwork_models import PaperworkItemModel
from planner.ui.paperwork.paperwork_tab import AttachmentListModel
from planner.ui.paperwork.paperwork_view import PaperworkView
from planner.ui.paperwork.rules_view import RulesView
from planner.ui.people.people_model import (
    PeopleFilterProxyModel,
    PeopleTableModel,
    PersonColumn,
    prepare_people,
)
from planner.ui.reports.reports_view import ReportsView
from planner.ui.spreadsheets.import_wizard import PreviewModel
from planner.ui.visits.visits_model import Column, VisitFilterProxyModel, VisitTableModel
from tests.export.conftest import make_trip
from tests.fixtures.sample import Sample, make_sample
from tests.services.test_reports import make_report_data

ROOT = Path(__file__).resolve().parents[2]
PAPERWORK_DAY = date(2027, 1, 25)  # the sample's 45-day items are late, others outstanding
DASHBOARD_DAY = date(2027, 3, 1)  # the sample's visits arrive within the horizon


@dataclasses.dataclass
class Context:
    """What a factory may use; ``keep`` holds widgets alive as long as their models."""

    qtbot: QtBot
    services: Services
    keep: list[object]
    _sample: Sample | None = None

    @property
    def sample(self) -> Sample:
        """The shared sample, made on first use (the trip and report data bring their own)."""
        if self._sample is None:
            self._sample = make_sample(self.services)
        return self._sample

    def widget(self, widget: QWidget) -> QWidget:
        """Keep *widget* (and so its models) until the model tester has let go of them."""
        self.keep.append(widget)
        return widget


def _visits(ctx: Context) -> QAbstractItemModel:
    model = VisitTableModel(ctx.services.visits)
    model.refresh()
    ctx.keep.append(model)
    return model


def _visits_proxy(ctx: Context) -> QAbstractItemModel:
    proxy = VisitFilterProxyModel()
    proxy.setSourceModel(_visits(ctx))
    proxy.sort(Column.ARRIVAL, Qt.SortOrder.DescendingOrder)
    return proxy


def _people(ctx: Context) -> QAbstractItemModel:
    model = PeopleTableModel()
    model.set_people(prepare_people(ctx.services.people.summaries()))
    ctx.keep.append(model)
    return model


def _people_proxy(ctx: Context) -> QAbstractItemModel:
    proxy = PeopleFilterProxyModel()
    proxy.setSourceModel(_people(ctx))
    proxy.sort(PersonColumn.LATIN_NAME)
    return proxy


def _agreements_view(ctx: Context) -> AgreementsView:
    services, sample = ctx.services, ctx.sample
    assert sample.riken.id is not None and sample.argonne.id is not None
    agreement = services.agreements.create(
        Agreement(
            AgreementKind.DATA_SHARING,
            "Beamline data",
            partner_institution_id=sample.riken.id,
            signed_date=date(2026, 12, 1),
            start_date=date(2027, 1, 1),
        )
    )
    assert agreement.id is not None
    services.transfers.create(
        MaterialTransfer(
            agreement.id,
            TransferKind.DATA_SET,
            "Detector images",
            sample.riken.id,
            sample.argonne.id,
            visit_id=sample.visit_in.id,
            transfer_date=date(2027, 3, 20),
        )
    )
    view = AgreementsView(ctx.services, None, undo_stack=QUndoStack())
    ctx.widget(view)
    return view


def _directory_view(ctx: Context) -> DirectoryView:
    ctx.services.projects.create(Project("Exascale materials", name_ja="エクサ材料"))
    view = DirectoryView(ctx.services, QUndoStack())
    ctx.widget(view)
    view.reload()
    return view


def _rules_view(ctx: Context) -> RulesView:
    view = RulesView(ctx.services, None)
    ctx.widget(view)
    return view


def _event_rows(ctx: Context) -> tuple[Event, list[EventRow]]:
    sample = ctx.sample
    assert sample.argonne.id is not None
    event = ctx.services.events.create(
        Event(
            EventKind.SEMINAR,
            "Joint AI for Science Seminar",
            sample.argonne.id,
            local_to_utc(datetime(2027, 3, 10, 15, 0), "America/Chicago"),
            "America/Chicago",
            local_to_utc(datetime(2027, 3, 10, 16, 30), "America/Chicago"),
            "America/Chicago",
            title_ja="合同セミナー",
        )
    )
    return event, [EventRow(event, sample.argonne.name, 1)]


def _events(ctx: Context) -> QAbstractItemModel:
    model = EventTableModel()
    model.set_rows(_event_rows(ctx)[1])
    return model


def _participants(ctx: Context) -> QAbstractItemModel:
    event, _rows = _event_rows(ctx)
    assert event.id is not None and ctx.sample.tanaka.id is not None
    model = ParticipantTableModel()
    model.set_rows(
        [
            (Participant(event.id, ctx.sample.tanaka.id, ParticipantRole.SPEAKER), "Tanaka"),
            (Participant(event.id, ctx.sample.tanaka.id, ParticipantRole.ATTENDEE), "Miller"),
        ]
    )
    return model


def _occurrences(ctx: Context) -> QAbstractItemModel:
    """The events view's occurrences of a weekly series across the US clock change."""
    from dataclasses import replace
    from datetime import date

    from planner.domain.enums import Frequency
    from planner.ui.events.occurrences_box import OccurrencesBox

    event, _rows = _event_rows(ctx)
    weekly = ctx.services.events.update(
        replace(event, frequency=Frequency.WEEKLY, repeat_until=date(2027, 4, 7))
    )
    box = OccurrencesBox(ctx.services)
    ctx.widget(box)
    box.show_event(weekly.id)
    return box.model


def _history(ctx: Context) -> QAbstractItemModel:
    visit_id = ctx.sample.visit_in.id
    assert visit_id is not None
    ctx.services.visits.set_status(visit_id, VisitStatus.PROPOSED, reason="Host agreed")
    model = HistoryModel()
    model.set_entries(ctx.services.visits.history(visit_id))
    return model


def _visit_people(ctx: Context, *, with_none: bool) -> QAbstractItemModel:
    return VisitPersonModel(load_visit_people(ctx.services), with_none=with_none)


def _paperwork_items(ctx: Context) -> QAbstractItemModel:
    visit_id = ctx.sample.visit_in.id
    assert visit_id is not None
    model = PaperworkItemModel(lambda: PAPERWORK_DAY)
    model.set_items(ctx.services.paperwork.for_visit(visit_id))
    return model


def _paperwork_view(ctx: Context) -> PaperworkView:
    view = PaperworkView(ctx.services, QUndoStack(), None)
    view.today = lambda: PAPERWORK_DAY
    view.reload()
    ctx.widget(view)
    return view


def _attachments(ctx: Context) -> QAbstractItemModel:
    visit_id = ctx.sample.visit_in.id
    assert visit_id is not None
    item = ctx.services.paperwork.for_visit(visit_id)[0]
    assert item.id is not None
    added = datetime(2027, 1, 20, 9, 30, tzinfo=UTC)
    model = AttachmentListModel()
    model.set_attachments(
        [
            Attachment(item.id, "passport.pdf", "a/passport.pdf", "0" * 64, 120_000, added, 1),
            Attachment(item.id, "invitation.pdf", "a/invitation.pdf", "1" * 64, 2_048, added, 2),
        ]
    )
    return model


def _itinerary(ctx: Context) -> QAbstractItemModel:
    trip = make_trip(ctx.services)
    editor = ItineraryEditor(ctx.services, QUndoStack())
    ctx.widget(editor)
    editor.set_visit(trip.visit.id)
    return editor.model


def _dashboard_view(ctx: Context) -> DashboardView:
    view = DashboardView(ctx.services, today=DASHBOARD_DAY)
    ctx.widget(view)
    view.reload()
    return view


def _report(ctx: Context) -> QAbstractItemModel:
    make_report_data(ctx.services)
    view = ReportsView(ctx.services)
    ctx.widget(view)
    model = view.models["direction"]
    ctx.qtbot.waitUntil(lambda: model.rowCount() > 0)
    return model


def _preview(ctx: Context) -> QAbstractItemModel:
    model = PreviewModel()
    model.set_rows(
        [
            RowPreview(2, "Hiroshi Tanaka", RowStatus.PRESENT),
            RowPreview(3, "Kenta Morikawa", RowStatus.NEW),
            RowPreview(
                4, "Cher", RowStatus.PROBLEM, [RowProblem(4, "E-mail", "not an e-mail", "x")]
            ),
        ]
    )
    return model


#: Factories that make their data with the sample in it (the trip, the report data).
BRING_THEIR_OWN_DATA = frozenset({"itinerary", "report"})

Factory = Callable[[Context], QAbstractItemModel]

#: One factory per model; the model class is named first, for the completeness check.
MODELS: dict[str, tuple[str, Factory]] = {
    "visits": ("VisitTableModel", _visits),
    "visits-proxy": ("VisitFilterProxyModel", _visits_proxy),
    "people": ("PeopleTableModel", _people),
    "people-proxy": ("PeopleFilterProxyModel", _people_proxy),
    "agreements": ("RowTableModel", lambda ctx: _agreements_view(ctx).agreements_model),
    "transfers": ("RowTableModel", lambda ctx: _agreements_view(ctx).transfers_model),
    "institutions": ("RowTableModel", lambda ctx: _directory_view(ctx).institutions.model),
    "projects": ("RowTableModel", lambda ctx: _directory_view(ctx).projects.model),
    "rules": ("RowTableModel", lambda ctx: _rules_view(ctx).rules_model),
    "document-types": ("RowTableModel", lambda ctx: _rules_view(ctx).documents_model),
    "events": ("EventTableModel", _events),
    "participants": ("ParticipantTableModel", _participants),
    "occurrences": ("RowTableModel", _occurrences),
    "history": ("HistoryModel", _history),
    "visit-people": ("VisitPersonModel", lambda ctx: _visit_people(ctx, with_none=False)),
    "visit-people-none": ("VisitPersonModel", lambda ctx: _visit_people(ctx, with_none=True)),
    "paperwork-items": ("PaperworkItemModel", _paperwork_items),
    "paperwork-overview": ("PaperworkOverviewModel", lambda ctx: _paperwork_view(ctx).model),
    "paperwork-overview-proxy": ("OverviewFilterProxy", lambda ctx: _paperwork_view(ctx).proxy),
    "attachments": ("AttachmentListModel", _attachments),
    "itinerary": ("ItineraryTreeModel", _itinerary),
    "dashboard-arrivals": (
        "DashboardSectionModel",
        lambda ctx: _dashboard_view(ctx).arrivals.model,
    ),
    "dashboard-paperwork": (
        "DashboardSectionModel",
        lambda ctx: _dashboard_view(ctx).paperwork.model,
    ),
    "dashboard-status-counts": (
        "StatusCountModel",
        lambda ctx: _dashboard_view(ctx).counts_model,
    ),
    "report": ("RowsModel", _report),
    "import-preview": ("PreviewModel", _preview),
}


@pytest.fixture
def keep(services: Services) -> Iterator[list[object]]:
    """Objects the models live in, closed after the model tester disconnects from them.

    Requested before ``qtmodeltester``, so torn down after it: qtbot's own widget list is
    closed first, and a view that deletes its models on close would leave the tester holding
    deleted signals. Deleted before ``services`` closes, so their change bridges let go of a
    live bus.
    """
    kept: list[object] = []
    yield kept
    for obj in kept:
        if isinstance(obj, QObject):
            obj.deleteLater()
    kept.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.parametrize("name", list(MODELS))
def test_model_passes_the_model_tester(
    name: str, services: Services, keep: list[object], qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    ctx = Context(qtbot, services, keep)
    if name not in BRING_THEIR_OWN_DATA:
        ctx.sample  # noqa: B018 - made before the model reads the database
    model = MODELS[name][1](ctx)
    assert model.rowCount() > 0, f"{name}: the factory left the model empty"
    qtmodeltester.check(model)
    if not isinstance(model, QAbstractListModel):
        # Sorting moves rows (persistent indexes, layout signals): check it again after one.
        model.sort(model.columnCount() - 1, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model)


def _model_classes() -> set[str]:
    """Every class in planner/ui deriving from a Qt model (or from one of ours)."""
    found: dict[str, list[str]] = {}
    for path in (ROOT / "planner" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                found[node.name] = [ast.unparse(base) for base in node.bases]
    models = {name for name, bases in found.items() if any("Model" in b for b in bases)}
    models |= {name for name, bases in found.items() if any("Proxy" in b for b in bases)}
    return models


def test_every_model_class_is_checked() -> None:
    checked = {cls for cls, _factory in MODELS.values()}
    assert _model_classes() - checked == set()

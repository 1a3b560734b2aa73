"""Every table's context menu: the entries fit the selection and run the view's own commands."""

from __future__ import annotations

from typing import cast

import pytest
from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QMenu

from planner.domain.enums import PaperworkStatus
from planner.services.container import Services
from planner.ui.agreements.agreements_view import AgreementsView
from planner.ui.common.context_menu import context_menu_of
from planner.ui.common.roles import ID_ROLE
from planner.ui.dashboard.dashboard_view import DashboardView
from planner.ui.directory.directory_view import DirectoryView
from planner.ui.events.events_view import EventsView
from planner.ui.itinerary.itinerary_editor import ItineraryEditor
from planner.ui.paperwork.paperwork_tab import PaperworkTab
from planner.ui.paperwork.paperwork_view import PaperworkView
from planner.ui.people.people_view import PeopleView
from planner.ui.shell.main_window import MainWindow
from tests.fixtures.sample import Sample


def _open_menu(view: QAbstractItemView, row: int | None = 0) -> QMenu:
    """Right-click *row* (or empty space) of *view*; the menu built."""
    owner = context_menu_of(view)
    assert owner is not None, view.objectName()
    if row is None:
        position = QPoint(view.viewport().width() - 2, view.viewport().height() - 2)
    else:
        position = view.visualRect(view.model().index(row, 0)).center()
    view.customContextMenuRequested.emit(position)
    assert owner.last_menu is not None
    owner.last_menu.close()
    return owner.last_menu


def _texts(menu: QMenu) -> dict[str, QAction]:
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def _page(window: MainWindow, name: str) -> object:
    window.workspace.show_page(name)
    view = window.workspace.view(name)
    reload = getattr(view, "reload", None)
    if reload is not None:
        reload()
    return view


def test_people_menu_edits_copies_the_email_and_deletes(
    window: MainWindow, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = cast(PeopleView, _page(window, "people"))
    assert sample.tanaka.id is not None
    assert view.select_person(sample.tanaka.id)
    row = view.table.currentIndex().row()
    menu = _open_menu(view.table, row)
    entries = _texts(menu)
    assert list(entries) == ["Edit Person…", "Copy E-mail Address", "New Person…", "Delete Person…"]
    assert all(a.isEnabled() for a in entries.values())
    entries["Copy E-mail Address"].trigger()
    assert QGuiApplication.clipboard().text() == "h.tanaka@example.jp"
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(view, "confirm_delete", lambda name: asked.append(name) or False)
    monkeypatch.setattr(view, "show_message", told.append)
    entries["Delete Person…"].trigger()
    # The view's own command: Tanaka is the visitor of a visit, so it refuses up front, naming
    # the visit, without asking.
    assert asked == []
    assert len(told) == 1 and sample.visit_in.code in told[0]


def test_people_menu_without_email_disables_copy(
    window: MainWindow, services: Services, sample: Sample
) -> None:
    import dataclasses

    assert sample.miller.id is not None
    person = services.people.get(sample.miller.id)
    services.people.update(dataclasses.replace(person, email=""))
    view = cast(PeopleView, _page(window, "people"))
    assert view.select_person(sample.miller.id)
    entries = _texts(_open_menu(view.table, view.table.currentIndex().row()))
    assert not entries["Copy E-mail Address"].isEnabled()


def test_events_menus(window: MainWindow, services: Services, sample: Sample) -> None:
    view = cast(EventsView, _page(window, "events"))
    empty = _texts(_open_menu(view.table, None))
    assert empty["New event…"].isEnabled() and not empty["Edit event…"].isEnabled()
    assert "Export Event Participants' Itineraries…" not in empty
    participants = _texts(_open_menu(view.participant_table, None))
    assert not participants["Remove participant"].isEnabled()


def test_directory_menus_edit_and_new(window: MainWindow, sample: Sample) -> None:
    view = cast(DirectoryView, _page(window, "institutions"))
    entries = _texts(_open_menu(view.institutions.table, 0))
    assert entries["Edit Institution…"].isEnabled() if "Edit Institution…" in entries else True
    assert len(entries) == 2 and all(a.isEnabled() for a in entries.values())
    projects = _texts(_open_menu(view.projects.table, None))
    assert len(projects) == 2


def test_agreements_menus(window: MainWindow, sample: Sample) -> None:
    view = cast(AgreementsView, _page(window, "agreements"))
    agreements = _texts(_open_menu(view.agreements_table, None))
    assert len(agreements) == 2
    transfers = _open_menu(view.transfers_table, None)
    open_visit = transfers.findChild(QAction, "menuOpenVisit")
    assert open_visit is not None and not open_visit.isEnabled()


def test_dashboard_menu_opens_the_visit(window: MainWindow, sample: Sample) -> None:
    view = cast(DashboardView, _page(window, "dashboard"))
    view.set_today(sample.visit_in.arrival_date)  # the visit arrives "today"
    view.reload()
    section = next(s for s in view.sections.values() if not s.is_empty)
    menu = _open_menu(section.table, 0)
    entry = menu.findChild(QAction, "menuOpenVisit")
    assert entry is not None and menu.defaultAction() is entry
    entry.trigger()
    assert window.editors.visit_ids() == [section.current_visit_id()]


def test_paperwork_menu_sets_a_status_other_than_the_current(
    window: MainWindow, services: Services, sample: Sample
) -> None:
    view = cast(PaperworkView, _page(window, "paperwork"))
    assert view.proxy.rowCount() > 0
    menu = _open_menu(view.table, 0)
    item_id = int(view.table.model().index(0, 0).data(ID_ROLE))
    before = services.paperwork.get(item_id).status
    submenu = menu.findChild(QMenu, "menuSetStatus")
    assert submenu is not None and submenu.isEnabled()
    names = [a.objectName() for a in submenu.actions()]
    assert f"menuStatus_{before.value}" not in names
    assert len(names) == len(PaperworkStatus) - 1
    target = next(s for s in PaperworkStatus if s is not before)
    move = submenu.findChild(QAction, f"menuStatus_{target.value}")
    assert move is not None
    move.trigger()
    assert services.paperwork.get(item_id).status is target
    window.undo_stack.undo()
    assert services.paperwork.get(item_id).status is before
    assert menu.findChild(QAction, "menuOpenVisit") is not None


def test_visit_editor_tabs_have_menus(window: MainWindow, sample: Sample) -> None:
    assert sample.visit_in.id is not None
    editor = window.open_visit(sample.visit_in.id)
    editor.tabs.setCurrentIndex(1)  # the tabs are built when first shown
    editor.tabs.setCurrentIndex(2)
    itinerary = editor.findChild(ItineraryEditor)
    assert itinerary is not None
    entries = _texts(_open_menu(itinerary.tree, None))
    assert entries["Add…"].isEnabled()
    for name in ("Remove", "Edit…"):
        matching = [a for t, a in entries.items() if t.startswith(name)]
        assert matching and all(a.isEnabled() is False for a in matching), name
    paperwork = editor.findChild(PaperworkTab)
    assert paperwork is not None
    paperwork.reload()
    first = paperwork.model.item(0)
    assert first.id is not None and paperwork.select_item(first.id)
    menu = _open_menu(paperwork.table, paperwork.table.currentIndex().row())
    submenu = menu.findChild(QMenu, "menuSetStatus")
    assert submenu is not None and submenu.isEnabled()
    files = _texts(_open_menu(paperwork.attachment_list, None))
    assert files["Add file…"].isEnabled()
    # The entries mirror the buttons: enabled exactly when they are.
    assert files["Remove"].isEnabled() == paperwork.remove_file_button.isEnabled()
    assert files["Open"].isEnabled() == paperwork.open_file_button.isEnabled()


def test_every_table_of_the_window_has_a_context_menu(window: MainWindow) -> None:
    """No table or tree a coordinator works in is left without one (the Menu key must work)."""
    window.main_views()
    missing = sorted(
        f"{_owner(view)}.{view.objectName()}"
        for view in window.findChildren(QAbstractItemView)
        if type(view).__name__ in {"QTableView", "QTreeView"} and context_menu_of(view) is None
    )
    assert missing == READ_ONLY_TABLES, missing


#: Tables with nothing to do on a row: reports' figures and the paperwork rules (read from
#: a file). Their views offer Export Table from the window's menu.
READ_ONLY_TABLES: list[str] = [
    *["ReportsView."] * 5,
    "RulesView.documentTypesTable",
    "RulesView.rulesTable",
]


def _owner(view: QAbstractItemView) -> str:
    parent = view.parentWidget()
    while parent is not None and not type(parent).__name__.endswith("View"):
        parent = parent.parentWidget()
    return type(parent).__name__ if parent is not None else "?"


def test_rows_of_the_model_are_column_zero(window: MainWindow, sample: Sample) -> None:
    owner = context_menu_of(window.visits_view.table)
    assert owner is not None
    window.visits_view.reload()
    window.visits_view.table.selectRow(0)
    rows = owner.selected_rows()
    assert rows and all(isinstance(r, QModelIndex) and r.column() == 0 for r in rows)

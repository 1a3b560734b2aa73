"""The visits list's context menu: entries for the selection, only the status moves allowed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from planner.domain.enums import VisitStatus
from planner.domain.status import allowed_next
from planner.services.container import Services
from planner.ui.common.context_menu import context_menu_of
from planner.ui.shell.main_window import MainWindow
from tests.fixtures.sample import Sample


def _menu_on(window: MainWindow, visit_id: int) -> QMenu:
    view = window.visits_view
    view.reload()
    assert view.select_visit(visit_id)
    rect = view.table.visualRect(view.table.currentIndex())
    view.table.customContextMenuRequested.emit(rect.center())
    owner = context_menu_of(view.table)
    assert owner is not None and owner.last_menu is not None
    return owner.last_menu


def _entries(menu: QMenu) -> dict[str, QAction]:
    return {a.objectName() or a.text(): a for a in menu.actions() if not a.isSeparator()}


def _status_moves(menu: QMenu) -> list[str]:
    submenu = menu.findChild(QMenu, "menuChangeStatus")
    assert submenu is not None
    return [a.objectName() for a in submenu.actions()]


def test_the_menu_offers_the_visit_commands_and_the_exports(
    window: MainWindow, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    menu = _menu_on(window, sample.visit_in.id)
    entries = _entries(menu)
    for name in ("menuOpen", "menuDuplicate", "menuCancel", "actionExportItinerary"):
        assert entries[name].isEnabled(), name
    assert menu.defaultAction() is entries["menuOpen"]
    assert window.workspace_actions.export_package in menu.actions()
    assert menu.isVisible()  # shown where the pointer was
    menu.close()


def test_change_status_offers_only_the_moves_the_life_cycle_allows(
    window: MainWindow, services: Services, sample: Sample
) -> None:
    visit_id = sample.visit_in.id
    assert visit_id is not None
    status = services.visits.get(visit_id).status
    order = list(VisitStatus)
    onward = [s for s in allowed_next(status) if order.index(s) > order.index(status)]
    back = [s for s in allowed_next(status) if order.index(s) < order.index(status)]
    expected = [f"menuStatus_{s.value}" for s in onward + back if s is not VisitStatus.CANCELLED]
    menu = _menu_on(window, visit_id)
    assert _status_moves(menu) == expected
    assert expected  # the sample visit can move on
    menu.close()


def test_choosing_a_move_changes_the_status_undoably(
    window: MainWindow, services: Services, sample: Sample
) -> None:
    visit_id = sample.visit_in.id
    assert visit_id is not None
    before = services.visits.get(visit_id).status
    target = next(s for s in allowed_next(before) if s is not VisitStatus.CANCELLED)
    _trigger_move(window, visit_id, target)
    assert services.visits.get(visit_id).status is target
    window.undo_stack.undo()
    assert services.visits.get(visit_id).status is before


def test_a_completed_visit_offers_no_move_and_no_cancel(
    window: MainWindow, services: Services, sample: Sample
) -> None:
    from sqlalchemy import update

    from planner.db.models import VisitRow

    visit_id = sample.visit_in.id
    with services.db.write() as session:
        session.execute(
            update(VisitRow).where(VisitRow.id == visit_id).values(status=VisitStatus.COMPLETED)
        )
    assert visit_id is not None
    menu = _menu_on(window, visit_id)
    entries = _entries(menu)
    assert not entries["menuCancel"].isEnabled()
    assert _status_moves(menu) == []
    submenu = menu.findChild(QMenu, "menuChangeStatus")
    assert submenu is not None and not submenu.isEnabled()
    assert entries["menuOpen"].isEnabled()
    menu.close()


def test_right_click_on_another_row_selects_it_first(window: MainWindow, sample: Sample) -> None:
    view = window.visits_view
    view.reload()
    assert sample.visit_in.id is not None and sample.visit_out.id is not None
    view.select_visit(sample.visit_in.id)
    view.select_visit(sample.visit_out.id)
    other = view.table.currentIndex()
    view.select_visit(sample.visit_in.id)
    view.table.customContextMenuRequested.emit(view.table.visualRect(other).center())
    assert view.current_visit_id() == sample.visit_out.id
    owner = context_menu_of(view.table)
    assert owner is not None and owner.last_menu is not None
    owner.last_menu.close()


def test_several_rows_open_all_but_single_commands_are_disabled(
    window: MainWindow, sample: Sample
) -> None:
    view = window.visits_view
    view.reload()
    view.table.selectAll()
    view.table.customContextMenuRequested.emit(QPoint(-5, -5))  # not on a row: keep selection
    owner = context_menu_of(view.table)
    assert owner is not None and owner.last_menu is not None
    entries = _entries(owner.last_menu)
    assert not entries["menuDuplicate"].isEnabled()
    assert not entries["menuCancel"].isEnabled()
    assert "actionExportItinerary" not in entries  # exports are for one visit
    owner.last_menu.close()
    entries["menuOpen"].trigger()
    assert sorted(window.editors.visit_ids()) == sorted([sample.visit_in.id, sample.visit_out.id])


def test_no_rows_no_menu(window: MainWindow, qtbot: QtBot) -> None:
    view = window.visits_view
    view.filter_edit.setText("no visit is called this")
    view.table.clearSelection()
    view.table.setCurrentIndex(view.table.model().index(-1, -1))
    owner = context_menu_of(view.table)
    assert owner is not None
    assert owner.popup(QPoint(5, 5)) is None


def test_the_menu_key_and_shift_f10_open_the_menu_at_the_current_row(
    window: MainWindow, sample: Sample, qtbot: QtBot
) -> None:
    view = window.visits_view
    view.reload()
    assert sample.visit_out.id is not None
    view.select_visit(sample.visit_out.id)
    view.table.setFocus()
    owner = context_menu_of(view.table)
    assert owner is not None
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(1, 1), view.table.mapToGlobal(QPoint(1, 1))
    )
    QApplication.sendEvent(view.table, event)
    assert owner.last_menu is not None and owner.last_menu.isVisible()
    assert view.current_visit_id() == sample.visit_out.id  # not the row at (1, 1)
    first = owner.last_menu
    first.close()
    qtbot.keyClick(view.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert owner.last_menu is not first and owner.last_menu.isVisible()
    owner.last_menu.close()


def _trigger_move(window: MainWindow, visit_id: int, target: VisitStatus) -> None:
    menu = _menu_on(window, visit_id)
    submenu = menu.findChild(QMenu, "menuChangeStatus")
    assert submenu is not None
    move = submenu.findChild(QAction, f"menuStatus_{target.value}")
    assert move is not None, target
    menu.close()
    move.trigger()


def test_a_move_from_the_list_opens_no_editor(
    window: MainWindow, services: Services, sample: Sample
) -> None:
    visit_id = sample.visit_in.id
    assert visit_id is not None
    _trigger_move(window, visit_id, VisitStatus.PROPOSED)
    assert services.visits.get(visit_id).status is VisitStatus.PROPOSED
    assert window.editors.visit_ids() == []


def test_blocking_paperwork_asks_for_an_override_reason_naming_the_items(
    window: MainWindow, services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit_id = sample.visit_in.id
    assert visit_id is not None
    for step in (VisitStatus.PROPOSED, VisitStatus.APPROVED):
        services.visits.set_status(visit_id, step)
    asked: list[list[str]] = []
    answers = iter([None, "Director's written exception"])

    def answer(target: VisitStatus, titles: list[str]) -> str | None:
        asked.append(titles)
        return next(answers)

    monkeypatch.setattr(window.visit_commands, "ask_override_reason", answer)
    _trigger_move(window, visit_id, VisitStatus.CONFIRMED)
    assert services.visits.get(visit_id).status is VisitStatus.APPROVED  # backed out
    assert any("ESTA" in title for title in asked[0]) and len(asked[0]) == 4
    _trigger_move(window, visit_id, VisitStatus.CONFIRMED)
    assert services.visits.get(visit_id).status is VisitStatus.CONFIRMED
    assert window.editors.visit_ids() == []
    window.undo_stack.undo()
    assert services.visits.get(visit_id).status is VisitStatus.APPROVED


def test_copy_e_mail_puts_the_visitors_address_on_the_clipboard(
    window: MainWindow, services: Services, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    menu = _menu_on(window, sample.visit_in.id)
    entry = _entries(menu)["menuCopyEmail"]
    menu.close()
    expected = services.people.get(sample.visit_in.visitor_id).email
    assert expected and entry.isEnabled()
    entry.trigger()
    assert QApplication.clipboard().text() == expected


def test_only_a_draft_can_be_deleted_after_a_question_naming_what_goes(
    window: MainWindow, services: Services, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit_id = sample.visit_in.id
    assert visit_id is not None
    services.visits.set_status(visit_id, VisitStatus.PROPOSED)
    menu = _menu_on(window, visit_id)
    assert not _entries(menu)["menuDelete"].isEnabled()
    menu.close()
    told: list[str] = []
    monkeypatch.setattr(
        "planner.ui.visits.commands.QMessageBox.information",
        lambda _parent, _title, text: told.append(text),
    )
    assert window.visit_commands.delete() is False  # Edit menu or a stale menu
    assert "cancel it instead" in told[0] and services.visits.get(visit_id)
    services.visits.set_status(visit_id, VisitStatus.DRAFT)
    asked: list[tuple[str, int, int]] = []
    answers = iter([False, True])

    def confirm(code: str, items: int, paperwork: int) -> bool:
        asked.append((code, items, paperwork))
        return next(answers)

    monkeypatch.setattr(window.visit_commands, "confirm_delete", confirm)
    menu = _menu_on(window, visit_id)
    entry = _entries(menu)["menuDelete"]
    menu.close()
    assert entry.isEnabled()
    entry.trigger()
    assert services.visits.get(visit_id).status is VisitStatus.DRAFT  # kept: answered No
    paperwork = len(services.paperwork.for_visit(visit_id))
    assert asked[0] == (sample.visit_in.code, 0, paperwork) and paperwork > 0
    entry.trigger()
    assert [v.id for v in services.visits.summaries()] == [sample.visit_out.id]


def test_onward_moves_come_before_moves_back(
    window: MainWindow, services: Services, sample: Sample
) -> None:
    visit_id = sample.visit_in.id
    assert visit_id is not None
    services.visits.set_status(visit_id, VisitStatus.PROPOSED)
    menu = _menu_on(window, visit_id)
    assert _status_moves(menu) == ["menuStatus_approved", "menuStatus_draft"]
    menu.close()

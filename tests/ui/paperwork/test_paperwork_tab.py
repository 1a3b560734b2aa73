"""The paperwork tab of the visit editor (pytest-qt, offscreen)."""

from __future__ import annotations

import dataclasses
import hashlib
import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFont, QUndoStack
from pytestqt.qtbot import QtBot

from planner.domain.enums import PaperworkStatus
from planner.services.container import Services
from planner.ui.common.roles import ID_ROLE, SORT_ROLE
from planner.ui.paperwork.paperwork_models import ItemColumn
from planner.ui.paperwork.paperwork_tab import PaperworkTab
from tests.fixtures.sample import Sample

TODAY = date(2027, 1, 25)  # Tanaka's 45-day items (due 2027-01-22) are 3 days late


@pytest.fixture
def tab(qtbot: QtBot, services: Services, sample: Sample) -> PaperworkTab:
    widget = PaperworkTab(services, QUndoStack(), None)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.set_visit(sample.visit_in.id)
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _row(tab: PaperworkTab, code: str) -> int:
    return next(r for r, i in enumerate(tab.model.items()) if i.code == code)


def _select(tab: PaperworkTab, code: str) -> int:
    item = tab.model.item(_row(tab, code))
    assert item.id is not None and tab.select_item(item.id)
    return item.id


def test_shows_the_checklist_with_late_by_and_blocking(tab: PaperworkTab) -> None:
    assert tab.model.rowCount() == 7
    fn = tab.model.index(_row(tab, "fn_access_request"), 0)
    late = fn.siblingAtColumn(ItemColumn.LATE).data()
    assert late == "late by 3 days"
    assert fn.siblingAtColumn(ItemColumn.BLOCKING).data() == "Blocking"
    assert fn.siblingAtColumn(ItemColumn.DUE).data() == "22 Jan 2027"
    assert fn.siblingAtColumn(ItemColumn.DUE).data(SORT_ROLE) == "2027-01-22"
    assert "4 blocking items" in tab.summary_label.text()
    assert tab.warnings_label.isVisible()
    assert "late by 3 days" in tab.warnings_label.text()
    assert "no passport expiry" in tab.warnings_label.text()


def test_editing_an_item_is_undoable(tab: PaperworkTab, services: Services) -> None:
    item_id = _select(tab, "esta")
    assert tab.editor.isEnabled() and "ESTA" in tab.title_label.text()
    tab.status_combo.setCurrentIndex(tab.status_combo.findData(PaperworkStatus.APPROVED))
    tab.reference_edit.setText("ESTA-123")
    tab.notes_edit.setPlainText("approved online")
    assert tab.save_current()
    stored = services.paperwork.get(item_id)
    assert (stored.status, stored.reference_number, stored.notes) == (
        PaperworkStatus.APPROVED, "ESTA-123", "approved online",
    )  # fmt: skip
    assert stored.approved_date is not None  # filled with today
    assert "3 blocking items" in tab.summary_label.text()  # reloaded from the bus
    assert tab.current_item() is not None and tab.current_item().id == item_id  # type: ignore[union-attr]
    tab.undo_stack.undo()
    assert services.paperwork.get(item_id).status is PaperworkStatus.NOT_STARTED
    assert services.paperwork.get(item_id).reference_number == ""
    tab.undo_stack.redo()
    assert services.paperwork.get(item_id).status is PaperworkStatus.APPROVED


def test_a_refused_edit_shows_why_and_changes_nothing(
    tab: PaperworkTab, services: Services
) -> None:
    item_id = _select(tab, "esta")
    tab.submitted_edit.set_value(date(2027, 1, 20))
    tab.approved_edit.set_value(date(2027, 1, 10))
    assert not tab.save_current()
    assert tab.error_label.isVisible() and "before the submission" in tab.error_label.text()
    assert services.paperwork.get(item_id).submitted_date is None
    assert tab.undo_stack.count() == 0


def test_items_that_no_longer_apply_are_greyed_and_italic(
    tab: PaperworkTab, services: Services, sample: Sample
) -> None:
    visit = services.visits.get(sample.visit_in.id or 0)
    services.visits.update(dataclasses.replace(visit, paid=True))
    row = _row(tab, "esta")
    index = tab.model.index(row, ItemColumn.DOCUMENT)
    assert "no longer required" in index.data()
    font = index.data(0x0006)  # Qt.FontRole
    assert isinstance(font, QFont) and font.italic()
    assert row == tab.model.rowCount() - 1
    assert {"ds2019", "j1_insurance"} <= {i.code for i in tab.model.items()}


def test_attachments_add_open_remove(
    tab: PaperworkTab, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    item_id = _select(tab, "esta")
    source = tmp_path / "esta.pdf"
    source.write_bytes(b"approval")
    added = tab.add_attachment_file(source)
    assert added is not None and added.sha256 == hashlib.sha256(b"approval").hexdigest()
    assert tab.attachment_model.rowCount() == 1 and not tab.no_files_label.isVisible()
    stored = services.paperwork.attachment_file(added)
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    row = tab.model.row_of(item_id)
    assert row is not None
    assert tab.model.index(row, ItemColumn.FILES).data() == "1"
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    tab.attachment_list.setCurrentIndex(tab.attachment_model.index(0))
    assert tab.open_selected_attachment()
    assert opened[0].toLocalFile() == str(stored)
    assert tab.remove_selected_attachment(confirm=False)
    assert not stored.exists() and tab.attachment_model.rowCount() == 0
    assert tab.no_files_label.isVisible()


def test_undoing_an_attachment_removes_the_copy(
    tab: PaperworkTab, services: Services, tmp_path: Path
) -> None:
    _select(tab, "travel_insurance")
    source = tmp_path / "policy.pdf"
    source.write_bytes(b"policy")
    added = tab.add_attachment_file(source)
    assert added is not None
    stored = services.paperwork.attachment_file(added)
    tab.undo_stack.undo()
    assert not stored.exists() and tab.attachment_model.rowCount() == 0


def test_no_visit_shows_an_empty_tab(qtbot: QtBot, services: Services) -> None:
    widget = PaperworkTab(services, QUndoStack(), None)
    qtbot.addWidget(widget)
    widget.set_visit(None)
    assert widget.model.rowCount() == 0 and not widget.editor.isEnabled()
    assert "Save the visit" in widget.summary_label.text()


def test_rows_carry_item_ids(tab: PaperworkTab) -> None:
    ids = {tab.proxy.index(r, 0).data(ID_ROLE) for r in range(tab.proxy.rowCount())}
    assert ids == {i.id for i in tab.model.items()}


def test_a_sealed_attachment_opens_from_a_private_decrypted_copy(
    tab: PaperworkTab, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.db.cipher import KEY_ENV
    from planner.db.sealing import seal_file

    _select(tab, "esta")
    source = tmp_path / "esta.pdf"
    source.write_bytes(b"approval TK0000001")
    added = tab.add_attachment_file(source)
    assert added is not None
    stored = services.paperwork.attachment_file(added)
    monkeypatch.setenv(KEY_ENV, "attachment key")
    seal_file(stored, "attachment key")  # as 'planner encrypt' leaves it
    assert b"TK0000001" not in stored.read_bytes()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    tab.attachment_list.setCurrentIndex(tab.attachment_model.index(0))
    assert tab.open_selected_attachment()
    copy = Path(opened[0].toLocalFile())
    assert copy != stored and copy.name == "esta.pdf"
    assert copy.read_bytes() == b"approval TK0000001"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    # Another key: the tab says so in a message instead of opening anything.
    monkeypatch.setenv(KEY_ENV, "another key")
    shown: list[str] = []
    monkeypatch.setattr(tab, "_show_error", shown.append)
    assert not tab.open_selected_attachment()
    assert len(opened) == 1 and "cannot be decrypted" in shown[0]

"""Files dropped on a paperwork item are attached through the attachment service."""

from __future__ import annotations

import hashlib
import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QUrl
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.common.file_drop import local_files
from planner.ui.paperwork.paperwork_tab import PaperworkTab
from planner.ui.paperwork.paperwork_view import PaperworkView
from tests.fixtures.sample import Sample
from tests.ui.drops import HOSTILE_NAME, drag_enter, drop, file_mime

TODAY = date(2027, 1, 25)


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


def row_point(tab: PaperworkTab | PaperworkView, row: int) -> QPoint:
    """The middle of *row* of the table, in its viewport."""
    return tab.table.visualRect(tab.proxy.index(row, 0)).center()


def item_id_at(tab: PaperworkTab | PaperworkView, row: int) -> int:
    from planner.ui.common.roles import ID_ROLE

    return int(tab.proxy.index(row, 0).data(ID_ROLE))


def test_a_file_with_a_hostile_name_dropped_on_a_row_is_attached_to_that_item(
    tab: PaperworkTab, services: Services, tmp_path: Path
) -> None:
    source = tmp_path / "受信 #箱 ?%" / HOSTILE_NAME
    source.parent.mkdir()
    source.write_bytes(b"signed form")
    target = item_id_at(tab, 2)
    mime = file_mime([source])
    viewport = tab.table.viewport()
    assert drag_enter(viewport, mime, row_point(tab, 2))
    assert drop(viewport, mime, row_point(tab, 2))
    attached = services.paperwork.attachments(target)
    assert [a.filename for a in attached] == [HOSTILE_NAME]
    stored = services.paperwork.attachment_file(attached[0])
    assert stored.read_bytes() == b"signed form"
    assert attached[0].sha256 == hashlib.sha256(b"signed form").hexdigest()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert tab.current_item() is not None and tab.current_item().id == target  # type: ignore[union-attr]
    tab.undo_stack.undo()
    assert services.paperwork.attachments(target) == [] and not stored.exists()


def test_a_drop_below_the_rows_or_of_no_file_is_refused(
    tab: PaperworkTab, services: Services, tmp_path: Path
) -> None:
    source = tmp_path / "a.pdf"
    source.write_bytes(b"x")
    viewport = tab.table.viewport()
    below = QPoint(5, viewport.height() - 2)
    assert tab.table.indexAt(below).row() == -1
    assert not drag_enter(viewport, file_mime([source]), below)
    assert not drop(viewport, file_mime([source]), below)
    folder_only = file_mime([tmp_path])  # a folder is not a file to attach
    assert not drop(viewport, folder_only, row_point(tab, 0))
    missing = file_mime([tmp_path / "gone.pdf"])
    assert not drop(viewport, missing, row_point(tab, 0))
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/form.pdf")])
    assert not drop(viewport, web, row_point(tab, 0))
    for row in range(tab.proxy.rowCount()):
        assert services.paperwork.attachments(item_id_at(tab, row)) == []


def test_several_files_dropped_on_the_attachment_list_go_to_the_current_item(
    tab: PaperworkTab, services: Services, tmp_path: Path
) -> None:
    first, second = tmp_path / "one.pdf", tmp_path / "two 2.pdf"
    first.write_bytes(b"1")
    second.write_bytes(b"2")
    viewport = tab.attachment_list.viewport()
    assert not drag_enter(viewport, file_mime([first]), QPoint(5, 5))  # no item chosen yet
    target = item_id_at(tab, 0)
    assert tab.select_item(target)
    assert drop(viewport, file_mime([first, second]), QPoint(5, 5))
    assert [a.filename for a in services.paperwork.attachments(target)] == ["one.pdf", "two 2.pdf"]
    assert tab.attachment_model.rowCount() == 2


def test_dropping_on_the_paperwork_view_attaches_to_the_row_s_item(
    qtbot: QtBot, services: Services, sample: Sample, tmp_path: Path
) -> None:
    view = PaperworkView(services, QUndoStack(), None)
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.proxy.rowCount() > 0)
    source = tmp_path / HOSTILE_NAME
    source.write_bytes(b"visa")
    target = item_id_at(view, 1)
    assert drop(view.table.viewport(), file_mime([source]), row_point(view, 1))
    assert [a.filename for a in services.paperwork.attachments(target)] == [HOSTILE_NAME]
    view.undo_stack.undo()
    assert services.paperwork.attachments(target) == []


def test_file_urls_decode_percent_hash_question_mark_and_japanese(tmp_path: Path) -> None:
    """The URL is decoded by Qt: a hand-encoded uri-list arrives as the same path."""
    path = tmp_path / HOSTILE_NAME
    path.write_bytes(b"")
    mime = QMimeData()
    encoded = QUrl.fromLocalFile(str(path)).toEncoded().data().decode("ascii")
    assert "%23" in encoded and "%3F" in encoded and "%25" in encoded  # #, ?, % escaped
    mime.setData("text/uri-list", (encoded + "\r\n").encode("ascii"))
    assert local_files(mime) == [path]

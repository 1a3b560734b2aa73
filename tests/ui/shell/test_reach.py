"""The window's reach: the status bar per view, global search, drops, notices, screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.services.search import HitKind, SearchHit, SearchResults
from planner.ui.shell.main_window import MainWindow
from planner.ui.spreadsheets.commands import ImportKind
from tests.fixtures.sample import Sample
from tests.ui.drops import drag_enter, drop, file_mime

# -- the status bar speaks for the current view ---------------------------------------------


def test_the_status_bar_follows_the_view_shown(qtbot: QtBot, window: MainWindow) -> None:
    label = window.count_label
    assert label.text() == "Showing 2 of 2 visits"
    window.workspace.show_page("people")
    qtbot.waitUntil(lambda: label.text() == "Showing 2 of 2 people")
    people = window.workspace.view("people")
    qtbot.keyClicks(people.filter_edit, "miller")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: label.text() == "Showing 1 of 2 people")
    window.workspace.show_page("institutions")
    qtbot.waitUntil(lambda: label.text() == "Institutions: 2 · Projects: 0")
    window.workspace.show_page("dashboard")
    assert label.text().startswith("Next 14 days:")
    window.workspace.show_page("timeline")  # says nothing: no stale count of another view
    assert label.text() == ""
    window.workspace.show_page("visits")
    assert label.text() == "Showing 2 of 2 visits"


def test_a_hidden_view_s_changes_do_not_reach_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.workspace.show_page("people")
    qtbot.waitUntil(lambda: window.count_label.text() == "Showing 2 of 2 people")
    window.visits_view.filter_edit.setText("tanaka")  # the visits list narrows, unseen
    qtbot.waitUntil(lambda: window.visits_view.shown_count == 1)
    assert window.count_label.text() == "Showing 2 of 2 people"


# -- global search -------------------------------------------------------------------------


def test_ctrl_k_searches_and_enter_opens_the_visit(
    qtbot: QtBot, window: MainWindow, sample: Sample
) -> None:
    action = window.reach.search_action
    assert action.shortcut().toString() == "Ctrl+K"
    assert action in window.main_actions.edit_menu.actions()
    action.trigger()
    dialog = window.reach.search_dialog()
    assert dialog.isVisible() and dialog.focusWidget() is dialog.field
    with qtbot.waitSignal(dialog.results_shown) as shown:
        dialog.field.setText("田中")  # what a Japanese input method commits
    results: SearchResults = shown.args[0]
    assert results.query == "田中" and results.hits[HitKind.VISIT]
    headings = [
        dialog.results.item(r).text()
        for r in range(dialog.results.count())
        if not dialog.results.item(r).flags()
    ]
    assert headings[:2] == ["Visits", "People"]
    first = dialog.current_hit()
    assert first is not None and first.kind is HitKind.VISIT
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert first.visit_id is not None
    assert window.editors.editor(first.visit_id) is not None


def test_arrow_keys_skip_the_headings_and_stop_at_the_ends(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.reach.show_search()
    with qtbot.waitSignal(dialog.results_shown):
        dialog.field.setText("a")  # matches visits, people and institutions
    seen: list[SearchHit] = []
    for _ in range(dialog.results.count() + 3):
        hit = dialog.current_hit()
        assert hit is not None  # never parked on a heading
        if not seen or seen[-1] != hit:
            seen.append(hit)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    kinds = [hit.kind for hit in seen]
    assert kinds[0] is HitKind.VISIT and HitKind.PERSON in kinds
    assert HitKind.INSTITUTION in kinds
    assert kinds == sorted(kinds, key=list(HitKind).index)  # grouped in kind order
    assert dialog.current_hit() == seen[-1]  # stayed on the last
    for _ in range(dialog.results.count() + 3):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Up)
    assert dialog.current_hit() == seen[0]
    assert dialog.focusWidget() is dialog.field


def test_typing_supersedes_the_search_before(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.reach.show_search()
    answered: list[str] = []
    dialog.results_shown.connect(lambda results: answered.append(results.query))
    for text in ("t", "ta", "tan", "miller"):
        dialog.search(text)
    qtbot.waitUntil(lambda: "miller" in answered)
    QThreadPool.globalInstance().waitForDone()
    QApplication.processEvents()
    assert answered == ["miller"]  # the older queries were discarded, never shown


def test_hostile_queries_find_nothing_and_break_nothing(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.reach.show_search()
    for text in ("%", "_", "'; DROP TABLE visits; --", "x" * 5000):
        with qtbot.waitSignal(dialog.results_shown):
            dialog.field.setText(text)
        assert dialog.current_hit() is None
        assert dialog.message.text() == "Nothing found"
    assert window.visits_view.total_count == 2


@pytest.mark.parametrize("kind", [HitKind.PERSON, HitKind.EVENT, HitKind.INSTITUTION])
def test_opening_a_hit_opens_its_editor(
    qtbot: QtBot,
    window: MainWindow,
    sample: Sample,
    kind: HitKind,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from planner.domain.entities import Event
    from planner.ui.directory.directory_view import DirectoryView
    from planner.ui.events.events_view import EventsView
    from planner.ui.people.people_view import PeopleView

    opened: list[tuple[str, int]] = []
    monkeypatch.setattr(PeopleView, "edit_person", lambda _s, i: opened.append(("person", i)))
    monkeypatch.setattr(
        DirectoryView, "edit_institution", lambda _s, i: opened.append(("institution", i))
    )

    class FakeEditor:
        def __init__(self, record_id: int) -> None:
            self.record_id = record_id

        def open(self) -> None:
            opened.append(("event", self.record_id))

    monkeypatch.setattr(EventsView, "make_editor", lambda _s, i: FakeEditor(i))
    assert Event  # the event id need not exist: the editor is replaced
    window.reach.open_hit(SearchHit(kind, 7, "title"))
    assert opened == [(kind.value, 7)]
    page = window.workspace.current_page()
    assert page is not None
    assert page.name == {"person": "people", "event": "events"}.get(kind.value, "institutions")


def test_a_paperwork_hit_opens_its_visit_on_the_paperwork_tab(
    qtbot: QtBot, window: MainWindow, sample: Sample
) -> None:
    assert sample.visit_in.id is not None
    item = window.services.paperwork.for_visit(sample.visit_in.id)[0]
    window.reach.open_hit(
        SearchHit(HitKind.PAPERWORK, item.id or 0, item.title, visit_id=sample.visit_in.id)
    )
    editor = window.editors.editor(sample.visit_in.id)
    assert editor is not None
    assert editor.tabs.tabText(editor.tabs.currentIndex()).replace("&", "") == "Paperwork"


def test_the_search_screenshot_is_offered(qtbot: QtBot, window: MainWindow) -> None:
    shots = dict(window.screenshot_shots())
    assert "search" in shots
    dialog = shots["search"]()
    assert dialog.objectName() == "globalSearch"
    assert window.reach.search_dialog().current_hit() is not None


# -- a spreadsheet dropped on the window ----------------------------------------------------


@pytest.fixture
def imports(window: MainWindow) -> list[tuple[ImportKind, Path]]:
    started: list[tuple[ImportKind, Path]] = []
    window.reach.start_import = lambda kind, path: started.append((kind, path))
    return started


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("visitor_email,host_institution,arrival_date,departure_date,purpose", "visits"),
        ("family_name,given_name,category,home_institution,email", "people"),
    ],
)
def test_a_sheet_dropped_on_the_window_starts_the_import_of_its_kind(
    qtbot: QtBot,
    window: MainWindow,
    imports: list[tuple[ImportKind, Path]],
    tmp_path: Path,
    header: str,
    kind: ImportKind,
) -> None:
    sheet = tmp_path / "名簿 #2 ?.csv"
    sheet.write_text(header + "\n", encoding="utf-8")
    assert drop(window, file_mime([sheet]), QPoint(400, 300))
    qtbot.waitUntil(lambda: bool(imports))
    assert imports == [(kind, sheet)]


def test_an_unclear_sheet_asks_people_or_visits(
    qtbot: QtBot, window: MainWindow, imports: list[tuple[ImportKind, Path]], tmp_path: Path
) -> None:
    sheet = tmp_path / "list.CSV"
    sheet.write_text("name,notes\nA,B\n", encoding="utf-8")
    asked: list[Path] = []

    def ask(path: Path) -> ImportKind | None:
        asked.append(path)
        return "people"

    window.reach.ask_kind = ask
    assert drop(window, file_mime([sheet]), QPoint(400, 300))
    qtbot.waitUntil(lambda: bool(imports))
    assert asked == [sheet] and imports == [("people", sheet)]
    window.reach.ask_kind = lambda _path: None  # cancelled: no wizard
    assert window.reach.import_dropped(sheet) is None and len(imports) == 1


def test_other_files_are_refused_by_the_window(
    window: MainWindow, imports: list[tuple[ImportKind, Path]], tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("x")
    one, two = tmp_path / "a.csv", tmp_path / "b.csv"
    one.write_text("a\n")
    two.write_text("b\n")
    assert not drag_enter(window, file_mime([text]), QPoint(400, 300))
    assert not drag_enter(window, file_mime([one, two]), QPoint(400, 300))
    assert not drag_enter(window, file_mime([tmp_path / "missing.csv"]), QPoint(400, 300))
    QApplication.processEvents()
    assert imports == []


def test_the_wizard_opens_on_the_dropped_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.ui.spreadsheets import import_wizard

    shown: list[str] = []
    monkeypatch.setattr(
        import_wizard.ImportWizard,
        "exec",
        lambda self: shown.append(self.file_page.path_edit.text()) or 0,
    )
    sheet = tmp_path / "訪問 100%.xlsx"
    window.reach._run_import("visits", sheet)
    assert shown == [str(sheet)]


# -- notices after saves ---------------------------------------------------------------------


def test_saving_a_visit_shows_a_notice(
    qtbot: QtBot, window: MainWindow, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.ui.common.notify import Notice

    assert sample.visit_in.id is not None
    window.editors.saved.emit(sample.visit_in.id)
    notice = window.statusBar().findChild(Notice, "transientNotice")
    assert notice is not None and notice.label.text() == f"Visit {sample.visit_in.code} saved"
    assert notice.open_button is None  # nothing to open after a save
    opened: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.editors.saved.emit(999_999)  # deleted meanwhile: no notice, no error
    assert opened == []

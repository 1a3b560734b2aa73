"""The import wizard: automatic mapping, preview with problems, import in a worker thread."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.shell.main_window import MainWindow
from planner.ui.spreadsheets.import_wizard import ImportWizard

HEADER = "姓,名,区分,所属,メールアドレス,国籍\n"


def _wizard(qtbot: QtBot, window: MainWindow, services: Services, path: Path) -> ImportWizard:
    wizard = ImportWizard(window, services, "people")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    assert wizard.button(ImportWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    return wizard


def test_mapping_auto_filled_and_problems_block_import(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        HEADER + "小林,愛子,研究者,RIKEN Wako,a.k@example.jp,JP\nBad,Row,wizard,Nowhere,bad,XX\n",
        encoding="utf-8",
    )
    wizard = _wizard(qtbot, window, services, path)
    combos = wizard.mapping_page.combos
    assert combos["family_name"].currentText() == "姓"
    assert combos["email"].currentText() == "メールアドレス"
    assert combos["home_institution"].currentText() == "所属"
    assert combos["date_of_birth"].currentData() is None
    with qtbot.waitSignal(wizard.checked, timeout=10000):
        wizard.next()
    preview = wizard.preview_page
    assert preview.plan is not None and len(preview.plan.problems) == 4
    model = preview.model
    assert model.rowCount() == 2
    assert model.data(model.index(0, 0)) == "3"
    assert "Nowhere" in model.data(model.index(0, 3))
    assert "tick 'Create unknown institutions'" in model.data(model.index(0, 3))
    assert not wizard.button(ImportWizard.WizardButton.CommitButton).isEnabled()
    before = len(services.people.list())
    assert len(services.people.list()) == before


def test_import_runs_in_worker_and_window_reloads(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    lines = [f"Family{i},Given{i},staff,Argonne,p{i}@example.org,US" for i in range(1200)]
    lines.append("新,人,student,Kobe U,new@example.jp,JP")
    path.write_text(
        HEADER.strip()
        + ",country,time zone\n"
        + "\n".join(line + ",," for line in lines[:-1])
        + "\n"
        + lines[-1]
        + ",JP,Asia/Tokyo\n",
        encoding="utf-8",
    )
    interval = sys.getswitchinterval()
    wizard = _wizard(qtbot, window, services, path)
    progress: list[tuple[int, int]] = []
    original_start = wizard.start

    def spy(job, on_done, on_failed, on_progress):  # type: ignore[no-untyped-def]
        def seen(done: int, total: int) -> None:
            progress.append((done, total))
            on_progress(done, total)

        return original_start(job, on_done, on_failed, seen)

    wizard.start = spy  # type: ignore[method-assign]
    with qtbot.waitSignal(wizard.checked, timeout=20000):
        wizard.next()
    assert wizard.preview_page.plan is not None and not wizard.preview_page.plan.ok
    # Checking ran in the worker and reported progress several times.
    assert [d for d, _t in progress] == [500, 1000, 1201]
    assert wizard.preview_page.progress.value() == 1
    with qtbot.waitSignal(wizard.checked, timeout=20000):
        wizard.preview_page.create_box.setChecked(True)
    plan = wizard.preview_page.plan
    assert plan is not None and plan.ok and plan.added == 1201
    commit = wizard.button(ImportWizard.WizardButton.CommitButton)
    assert commit.isEnabled() and commit.text() == "Import"
    window.workspace.show_page("people")  # views load when shown, then follow changes
    rows_before = window.workspace.view("people").model.rowCount()
    assert rows_before > 0
    progress.clear()
    with qtbot.waitSignal(wizard.imported, timeout=30000) as blocker:
        commit.click()
    report = blocker.args[0]
    assert (report.added, report.present) == (1201, 0)
    assert report.institutions_created == ["Kobe U"]
    assert len(progress) >= 3 and progress[-1][0] == progress[-1][1]
    qtbot.waitUntil(lambda: window.workspace.view("people").model.rowCount() == rows_before + 1201)
    assert wizard.button(ImportWizard.WizardButton.FinishButton).isEnabled()
    # Full cyclic collections (which hold the GIL and froze the window) stay off while the
    # wizard holds the rows, and the GIL changes hands often; both come back when it closes.
    assert not gc.isenabled()
    assert sys.getswitchinterval() <= 0.0005
    wizard.accept()
    assert gc.isenabled()
    assert sys.getswitchinterval() == interval


def test_unknown_header_gets_the_closest_field_as_a_checked_guess(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "typo.csv"
    path.write_text(
        "姓,区分,所属,Nationalty,Zip code\n小林,研究者,RIKEN Wako,JP,650-0047\n", encoding="utf-8"
    )
    wizard = _wizard(qtbot, window, services, path)
    page = wizard.mapping_page
    assert page.combos["nationality"].currentText() == "Nationalty"
    assert page.suggested == {"nationality": 3}
    note = page.unmatched_label.text()
    assert "'Nationalty' → Nationality?" in note and "'Zip code': not imported" in note
    # The coordinator can still point any field at any column, or at none.
    page.combos["nationality"].setCurrentIndex(0)
    assert page.mapping()["nationality"] is None


def test_preview_says_which_columns_were_computed(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    path = Path(__file__).parents[2] / "importing" / "data" / "visits_formulas.xlsx"
    wizard = ImportWizard(window, services, "visits")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    with qtbot.waitSignal(wizard.checked, timeout=10000):
        wizard.next()
    assert wizard.preview_page.plan is not None and wizard.preview_page.plan.ok
    assert "Computed by formulas" in wizard.preview_page.summary.text()
    assert "Departure, Paid" in wizard.preview_page.summary.text()


def test_template_button_writes_an_importable_template(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    from planner.importing.table import read_table

    wizard = ImportWizard(window, services, "people")
    qtbot.addWidget(wizard)
    assert wizard.file_page.save_template(tmp_path / "people")
    table = read_table(tmp_path / "people.xlsx")
    assert table.header[0] == "Family name / 姓" and len(table.rows) == 1

"""Adding and editing agreements and transfers from the Agreements register."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from planner.domain.entities import Visit
from planner.domain.enums import AgreementKind, Purpose, TransferKind, TransferStatus
from planner.domain.paperwork import Agreement, MaterialTransfer
from planner.services.container import Services
from planner.ui.agreements.agreement_editor import AgreementEditor
from planner.ui.agreements.agreements_view import AgreementsView
from planner.ui.agreements.transfer_editor import TransferEditor
from tests.fixtures.sample import Sample

TODAY = date(2027, 1, 25)


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def view(qtbot: QtBot, services: Services, sample: Sample, stack: QUndoStack) -> AgreementsView:
    widget = AgreementsView(services, None, undo_stack=stack)
    widget.today = lambda: TODAY
    widget.reload()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def _agreement_editor(view: AgreementsView) -> AgreementEditor:
    editor = view.editor
    assert isinstance(editor, AgreementEditor)
    return editor


def _transfer_editor(view: AgreementsView) -> TransferEditor:
    editor = view.editor
    assert isinstance(editor, TransferEditor)
    return editor


def _titles(view: AgreementsView) -> list[str]:
    model = view.agreements_table.model()
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def _fill_agreement(
    editor: AgreementEditor,
    title: str,
    partner: int | None,
    *,
    kind: AgreementKind = AgreementKind.DATA_SHARING,
    signed: date | None = None,
    start: date | None = None,
    end: date | None = None,
) -> None:
    _choose(editor.kind_combo, kind)
    editor.title_edit.setText(title)
    _choose(editor.partner_combo, partner)
    editor.signed_edit.set_value(signed)
    editor.start_edit.set_value(start)
    editor.end_edit.set_value(end)


def _press_enter(view: AgreementsView, table_name: str) -> None:
    table = getattr(view, table_name)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Return)


# -- agreements ---------------------------------------------------------------------------------


def test_new_agreement_through_the_editor_appears_in_the_register(
    view: AgreementsView, services: Services, sample: Sample, stack: QUndoStack, qtbot: QtBot
) -> None:
    assert not view.edit_agreement_button.isEnabled()
    assert not view.new_transfer_button.isEnabled(), "a transfer needs an agreement first"
    view.new_agreement_button.click()
    editor = _agreement_editor(view)
    assert editor.windowTitle() == "New agreement"
    _fill_agreement(editor, "Evaluation data", sample.riken.id, signed=date(2026, 12, 1),
                    start=date(2027, 1, 1), end=date(2028, 12, 31))  # fmt: skip
    editor.reference_edit.setText("DSA-7")
    editor.title_ja_edit.setText("評価データ")
    with qtbot.waitSignal(editor.saved):
        editor.save_action.trigger()

    (stored,) = services.agreements.list()
    assert (stored.kind, stored.title, stored.title_ja, stored.reference) == (
        AgreementKind.DATA_SHARING, "Evaluation data", "評価データ", "DSA-7",
    )  # fmt: skip
    assert stored.partner_institution_id == sample.riken.id and stored.program_id is None
    assert (stored.signed_date, stored.start_date, stored.end_date) == (
        date(2026, 12, 1), date(2027, 1, 1), date(2028, 12, 31),
    )  # fmt: skip
    assert _titles(view) == ["Evaluation data"]
    row = [view.agreements_table.model().index(0, c).data() for c in range(8)]
    assert row[2:4] == ["RIKEN Wako", "DSA-7"] and row[-1] == "Active"
    assert view.current_agreement_id() == stored.id, "the new agreement is selected"
    assert view.edit_agreement_button.isEnabled() and view.new_transfer_button.isEnabled()
    assert stack.undoText() == "Add agreement Evaluation data"
    stack.undo()
    assert services.agreements.list() == [] and _titles(view) == []
    stack.redo()
    assert [a.title for a in services.agreements.list()] == ["Evaluation data"]
    assert _titles(view) == ["Evaluation data"]


def test_edit_agreement_undo_and_redo(
    view: AgreementsView, services: Services, sample: Sample, stack: QUndoStack, qtbot: QtBot
) -> None:
    original = services.agreements.create(
        Agreement(AgreementKind.MEMORANDUM, "Cooperation", partner_institution_id=sample.riken.id)
    )
    assert original.id is not None
    view.select_agreement(original.id)
    _press_enter(view, "agreements_table")  # Enter edits the agreement
    editor = _agreement_editor(view)
    assert editor.windowTitle() == "Edit agreement — Cooperation"
    assert editor.title_edit.text() == "Cooperation" and not editor.is_dirty()
    assert editor.partner_combo.currentData() == sample.riken.id
    editor.title_edit.setText("Cooperation 2027–2031")
    editor.signed_edit.set_value(date(2027, 1, 10))
    with qtbot.waitSignal(editor.saved):
        editor.save_action.trigger()

    edited = services.agreements.get(original.id)
    assert (edited.title, edited.signed_date) == ("Cooperation 2027–2031", date(2027, 1, 10))
    assert _titles(view) == ["Cooperation 2027–2031"]
    assert stack.undoText() == "Edit agreement Cooperation 2027–2031"
    stack.undo()
    # Undo stores the old values as a new version (edit: 2, undo: 3).
    assert services.agreements.get(original.id) == dataclasses.replace(original, version=3)
    assert _titles(view) == ["Cooperation"]
    stack.redo()
    assert services.agreements.get(original.id) == dataclasses.replace(edited, version=4)


def test_double_click_and_the_edit_button_open_the_agreement(
    view: AgreementsView, services: Services, qtbot: QtBot
) -> None:
    created = services.agreements.create(Agreement(AgreementKind.NDA, "Confidentiality"))
    assert created.id is not None
    index = view.agreements_table.model().index(0, 3)
    view.agreements_table.doubleClicked.emit(index)
    assert _agreement_editor(view).title_edit.text() == "Confidentiality"
    _agreement_editor(view).close()
    view.select_agreement(created.id)
    view.edit_agreement_button.click()
    assert _agreement_editor(view).windowTitle() == "Edit agreement — Confidentiality"


@pytest.mark.parametrize(
    ("title", "start", "end", "field", "message"),
    [
        ("Dates", date(2027, 6, 1), date(2027, 5, 1), "end_date", "before it starts"),
        ("   ", None, None, "title", "Title is required"),
    ],
)
def test_invalid_agreement_shows_inline_and_saves_nothing(
    view: AgreementsView, services: Services, sample: Sample, stack: QUndoStack,
    title: str, start: date | None, end: date | None, field: str, message: str,
) -> None:  # fmt: skip
    view.new_agreement()
    editor = _agreement_editor(view)
    _fill_agreement(editor, title, sample.argonne.id, start=start, end=end)
    editor.save_action.trigger()
    assert message in editor.error_text(field)
    label = editor.forms[0].error_label(field)
    assert label is not None and label.isVisibleTo(editor)
    assert editor.isVisible(), "the editor stays open to correct the entry"
    assert services.agreements.list() == [] and stack.count() == 0 and _titles(view) == []
    # Correcting it clears the message and saves.
    editor.title_edit.setText("Dates")
    editor.end_edit.set_value(None)
    assert editor.save()
    assert editor.error_text(field) == ""
    assert [a.title for a in services.agreements.list()] == ["Dates"]


# -- transfers ----------------------------------------------------------------------------------


def _agreement(services: Services, sample: Sample, title: str = "Samples") -> Agreement:
    return services.agreements.create(
        Agreement(AgreementKind.MATERIAL_TRANSFER, title, partner_institution_id=sample.riken.id,
                  signed_date=date(2026, 1, 1), reference="MTA-1")
    )  # fmt: skip


def test_new_transfer_linked_to_a_visit(
    view: AgreementsView, services: Services, sample: Sample, stack: QUndoStack, qtbot: QtBot
) -> None:
    agreement = _agreement(services, sample)
    assert agreement.id is not None
    view.select_agreement(agreement.id)
    view.new_transfer_button.click()
    editor = _transfer_editor(view)
    assert editor.windowTitle() == "New transfer"
    # The selected agreement, and its partner as the likely sender, are preselected.
    assert editor.agreement_combo.currentData() == agreement.id
    assert editor.from_combo.currentData() == sample.riken.id
    _choose(editor.kind_combo, TransferKind.MATERIAL)
    editor.title_edit.setText("Detector samples")
    _choose(editor.to_combo, sample.argonne.id)
    _choose(editor.visit_combo, sample.visit_in.id)
    assert sample.visit_in.code in editor.visit_combo.currentText()
    editor.export_edit.setText("EAR99")
    _choose(editor.status_combo, TransferStatus.UNDER_REVIEW)
    editor.date_edit.set_value(date(2027, 3, 9))
    with qtbot.waitSignal(editor.saved):
        editor.save_action.trigger()

    (stored,) = services.transfers.list()
    assert stored == MaterialTransfer(
        agreement.id, TransferKind.MATERIAL, "Detector samples", sample.riken.id or 0,
        sample.argonne.id or 0, TransferStatus.UNDER_REVIEW, sample.visit_in.id,
        export_control_classification="EAR99", transfer_date=date(2027, 3, 9), version=1,
        id=stored.id,
    )  # fmt: skip
    model = view.transfers_table.model()
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == ["Detector samples", "Material", "Samples", "RIKEN Wako", "Argonne",
                     sample.visit_in.code, "EAR99", "Under review", "9 Mar 2027"]  # fmt: skip
    assert view.current_transfer_id() == stored.id
    assert stack.undoText() == "Add transfer Detector samples"
    stack.undo()
    assert services.transfers.list() == [] and model.rowCount() == 0


def test_transfer_needs_an_agreement_and_two_institutions(
    view: AgreementsView, services: Services, sample: Sample, stack: QUndoStack
) -> None:
    _agreement(services, sample)
    view.agreements_table.clearSelection()
    view.agreements_table.setCurrentIndex(QModelIndex())
    view.new_transfer()
    editor = _transfer_editor(view)
    assert editor.agreement_combo.currentData() is None
    editor.save_action.trigger()
    assert "Choose the agreement" in editor.error_text("agreement_id")
    assert "Title is required" in editor.error_text("title")
    assert "comes from" in editor.error_text("from_institution_id")
    assert "goes to" in editor.error_text("to_institution_id")
    editor.agreement_combo.setCurrentIndex(1)
    editor.title_edit.setText("Same place")
    _choose(editor.from_combo, sample.riken.id)
    _choose(editor.to_combo, sample.riken.id)
    editor.save_action.trigger()
    assert editor.error_text("agreement_id") == ""
    assert "two institutions" in editor.error_text("to_institution_id")
    assert services.transfers.list() == [] and stack.count() == 0


def test_edit_transfer_enter_edits_double_click_opens_the_visit(
    view: AgreementsView, services: Services, sample: Sample, stack: QUndoStack, qtbot: QtBot
) -> None:
    agreement = _agreement(services, sample)
    assert agreement.id and sample.riken.id and sample.argonne.id
    linked = services.transfers.create(
        MaterialTransfer(agreement.id, TransferKind.DATA_SET, "Corpus", sample.riken.id,
                         sample.argonne.id, visit_id=sample.visit_in.id,
                         transfer_date=date(2027, 3, 10))
    )  # fmt: skip
    loose = services.transfers.create(
        MaterialTransfer(agreement.id, TransferKind.DATA_SET, "Calibration", sample.argonne.id,
                         sample.riken.id, transfer_date=date(2027, 5, 1))
    )  # fmt: skip
    assert linked.id is not None and loose.id is not None
    model = view.transfers_table.model()
    with qtbot.waitSignal(view.visit_activated) as signal:
        view.transfers_table.doubleClicked.emit(model.index(0, 2))
    assert signal.args == [sample.visit_in.code] and view.editor is None
    view.transfers_table.doubleClicked.emit(model.index(1, 2))  # no visit: edit it
    assert _transfer_editor(view).title_edit.text() == "Calibration"
    _transfer_editor(view).close()

    view.select_transfer(linked.id)
    _press_enter(view, "transfers_table")
    editor = _transfer_editor(view)
    assert editor.windowTitle() == "Edit transfer — Corpus"
    assert editor.visit_combo.currentData() == sample.visit_in.id and not editor.is_dirty()
    _choose(editor.status_combo, TransferStatus.TRANSFERRED)
    _choose(editor.visit_combo, None)
    with qtbot.waitSignal(editor.saved):
        editor.save_action.trigger()
    edited = services.transfers.get(linked.id)
    assert (edited.status, edited.visit_id) == (TransferStatus.TRANSFERRED, None)
    assert stack.undoText() == "Edit transfer Corpus"
    stack.undo()
    assert services.transfers.get(linked.id) == dataclasses.replace(linked, version=3)
    stack.redo()
    assert services.transfers.get(linked.id) == dataclasses.replace(edited, version=4)


# -- the paperwork rule --------------------------------------------------------------------------


def _needs_agreement(services: Services, visit: Visit) -> bool:
    assert visit.id is not None
    return any(
        i.code == "data_agreement" and i.applies for i in services.paperwork.for_visit(visit.id)
    )


def test_a_signed_data_sharing_agreement_clears_the_visits_blocking_item(
    view: AgreementsView, services: Services, sample: Sample, stack: QUndoStack, qtbot: QtBot
) -> None:
    assert sample.tanaka.id is not None and sample.argonne.id is not None
    visit = services.visits.create(
        Visit(sample.tanaka.id, sample.argonne.id, date(2031, 6, 1), date(2031, 6, 10),
              purpose=Purpose.DATA_EXCHANGE)
    )  # fmt: skip
    assert _needs_agreement(services, visit)
    (item,) = [i for i in services.paperwork.for_visit(visit.id or 0) if i.code == "data_agreement"]
    assert item.blocking

    # Unsigned, it does not count yet.
    view.new_agreement()
    editor = _agreement_editor(view)
    _fill_agreement(editor, "Evaluation data", sample.riken.id, start=date(2031, 1, 1),
                    end=date(2031, 12, 31))  # fmt: skip
    with qtbot.waitSignal(editor.saved):
        editor.save_action.trigger()
    assert _needs_agreement(services, visit)

    (created,) = services.agreements.list()
    assert created.id is not None
    view.edit_agreement(created.id)
    editor = _agreement_editor(view)
    editor.signed_edit.set_value(date(2030, 12, 15))
    with qtbot.waitSignal(editor.saved):
        editor.save_action.trigger()
    assert not _needs_agreement(services, visit)
    (item,) = [i for i in services.paperwork.for_visit(visit.id or 0) if i.code == "data_agreement"]
    assert item.applies is False
    row = [view.agreements_table.model().index(0, c).data() for c in range(8)]
    assert row[-1] == "Not yet in force"  # on TODAY, 2027-01-25

    stack.undo()  # unsigned again: the item is back
    assert _needs_agreement(services, visit)
    stack.redo()
    assert not _needs_agreement(services, visit)

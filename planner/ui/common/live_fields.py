"""Live editors: take in a record changed elsewhere field by field, and say what changed.

An open editor is told when its record was stored by someone else (undo in the main window,
another window, an import, another process through the change bus). Fields the coordinator
has not touched take the new values; a field they are editing keeps what they typed and gets
a note under it, "Changed elsewhere to …", in the warning colour, like a validation message.

This module knows nothing of a particular editor: :func:`edited_fields` compares two records
(dataclasses) field by field, :func:`shown_text` reads what a field's widget shows, and
:class:`FieldNotes` keeps the notes of the rows of the editor's forms.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from planner.ui.common import palette

#: Longer values (notes) are cut in the note: it says what changed, not the whole text.
_MAX_SHOWN = 80

#: Signals after which an editor checks whether it has unsaved changes (for ``*``).
EDIT_SIGNALS = (
    (QLineEdit, "textChanged"),
    (QComboBox, "currentIndexChanged"),
    (QComboBox, "editTextChanged"),
    (QPlainTextEdit, "textChanged"),
    (QTextEdit, "textChanged"),
    (QAbstractButton, "toggled"),
    (QDateTimeEdit, "dateTimeChanged"),
    (QSpinBox, "valueChanged"),
    (QDoubleSpinBox, "valueChanged"),
)


def edited_fields(before: object, after: object) -> list[str]:
    """The dataclass fields whose values differ between *before* and *after*."""
    if not dataclasses.is_dataclass(before) or not dataclasses.is_dataclass(after):
        return []
    return [
        f.name
        for f in dataclasses.fields(before)
        if getattr(before, f.name) != getattr(after, f.name, None)
    ]


def shown_text(widget: QWidget | None, value: object) -> str:
    """What *widget* shows (its text, the chosen item, a date), for a note; *value* otherwise."""
    text: str
    if isinstance(widget, QLineEdit):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        text = widget.toPlainText()
    elif isinstance(widget, QAbstractSpinBox):
        text = widget.text()
    elif isinstance(widget, QAbstractButton) and widget.isCheckable():
        text = (
            QCoreApplication.translate("RecordEditor", "checked")
            if widget.isChecked()
            else QCoreApplication.translate("RecordEditor", "not checked")
        )
    elif widget is not None and (inner := _inner_field(widget)) is not None:
        return shown_text(inner, value)
    else:
        text = "" if value is None else str(value)
    text = " ".join(text.split())
    if not text:
        return QCoreApplication.translate("RecordEditor", "(empty)")
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def _inner_field(widget: QWidget) -> QWidget | None:
    """The first editable child of a compound field (a date with its clear button, say)."""
    for kind in (QAbstractSpinBox, QLineEdit, QComboBox, QPlainTextEdit):
        child = widget.findChild(kind)
        if isinstance(child, QWidget):
            return child
    return None


def connect_edits(root: QWidget, slot: object) -> None:
    """Call *slot* whenever any field under *root* is edited (for the unsaved-changes ``*``)."""
    for kind, signal in EDIT_SIGNALS:
        for widget in root.findChildren(kind):
            getattr(widget, signal).connect(slot)


class FieldNotes(QObject):
    """The "changed elsewhere" notes of an editor's form rows, created when first needed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[str, tuple[QFormLayout, QLabel]] = {}

    def show(self, forms: Sequence[QFormLayout], field: str, widget: QWidget, text: str) -> bool:
        """Show *text* under *widget* (the row of *field*); False if no form holds it."""
        held = self._labels.get(field)
        if held is None:
            held = self._make(forms, widget)
            if held is None:
                return False
            self._labels[field] = held
        form, label = held
        label.setText(text)
        form.setRowVisible(label, True)
        return True

    def _make(
        self, forms: Sequence[QFormLayout], widget: QWidget
    ) -> tuple[QFormLayout, QLabel] | None:
        for form in forms:
            position: Any = form.getWidgetPosition(widget)  # (row, role); typed as object
            row = int(position[0])
            if row < 0:
                continue
            label = QLabel(form.parentWidget())
            label.setObjectName("changedElsewhere")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setStyleSheet(f"color: {palette.warning_colour().name()};")
            label.setAccessibleName(QCoreApplication.translate("RecordEditor", "Changed elsewhere"))
            form.insertRow(row + 1, "", label)
            return form, label
        return None

    def text(self, field: str) -> str:
        """The note shown under *field* ("" if none)."""
        held = self._labels.get(field)
        if held is None or not held[0].isRowVisible(held[1]):
            return ""
        return held[1].text()

    def clear(self) -> None:
        """Hide every note (after a save or a reload: what was typed is no longer at odds)."""
        for form, label in self._labels.values():
            label.clear()
            form.setRowVisible(label, False)


def changed_elsewhere_text(value: str) -> str:
    """The note under a field the coordinator is editing when someone else changed it."""
    return QCoreApplication.translate(
        "RecordEditor", "Changed elsewhere to “{value}”. Saving keeps your entry."
    ).format(value=value)


def changed_elsewhere_masked() -> str:
    """The note for a sensitive field whose value stays hidden."""
    return QCoreApplication.translate("RecordEditor", "Changed elsewhere. Saving keeps your entry.")

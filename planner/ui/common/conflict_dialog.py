"""When a record changed since it was opened: show what changed; reload or overwrite on purpose.

Visits name their fields here; the other editors pass the labels their forms show.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import fields
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.entities import Visit
from planner.domain.enums import VisitStatus
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.ui.common.labels import status_label

_IGNORED = frozenset({"id", "version", "code", "attachments", "sequence"})
#: What a masked (sensitive, not revealed) value shows.
_MASK = "••••••"
#: What the first column shows for a visit field (translated where shown).
_FIELD_LABELS: dict[str, str] = {
    "visitor_id": QT_TRANSLATE_NOOP("ConflictDialog", "Visitor"),
    "host_institution_id": QT_TRANSLATE_NOOP("ConflictDialog", "Host institution"),
    "arrival_date": QT_TRANSLATE_NOOP("ConflictDialog", "Arrival"),
    "departure_date": QT_TRANSLATE_NOOP("ConflictDialog", "Departure"),
    "purpose": QT_TRANSLATE_NOOP("ConflictDialog", "Purpose"),
    "paid": QT_TRANSLATE_NOOP("ConflictDialog", "Paid"),
    "status": QT_TRANSLATE_NOOP("ConflictDialog", "Status"),
    "host_person_id": QT_TRANSLATE_NOOP("ConflictDialog", "Host person"),
    "project_id": QT_TRANSLATE_NOOP("ConflictDialog", "Project"),
    "visitor_notes": QT_TRANSLATE_NOOP("ConflictDialog", "Notes for the visitor"),
    "internal_notes": QT_TRANSLATE_NOOP("ConflictDialog", "Internal notes"),
}


def field_label(name: str) -> str:
    """A visit field as users read it (``Notes for the visitor``), translated."""
    label = _FIELD_LABELS.get(name)
    return QCoreApplication.translate("ConflictDialog", label) if label else name


def conflicting_fields(opened: Any, stored: Any, mine: Any) -> list[tuple[str, str, str, str]]:
    """``(field, when opened, now stored, yours)`` for every field someone else changed.

    The three are copies of one record (dataclasses of the same type: a visit, a person...).
    """
    rows: list[tuple[str, str, str, str]] = []
    for f in fields(type(stored)):
        if f.name in _IGNORED:
            continue
        before, now, yours = (getattr(v, f.name) for v in (opened, stored, mine))
        if before != now:
            rows.append((f.name, _text(before), _text(now), _text(yours)))
    return rows


def _text(value: object) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if value is None or value == "":
        return "—"
    return str(value)


def _shown(value: object) -> str:
    """A translated reading of a status or yes/no value; empty for anything else."""
    if isinstance(value, VisitStatus):
        return status_label(value)
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ConflictDialog", "Yes")
            if value
            else QCoreApplication.translate("ConflictDialog", "No")
        )
    return ""


def _intro(stored: object) -> str:
    """The dialog's explanation, naming a visit as such."""
    return (
        QCoreApplication.translate(
            "ConflictDialog",
            "Someone else saved this visit after you opened it. Their changes are below. "
            "Reload to see their version (your unsaved edits are discarded), or overwrite "
            "to save yours over theirs.",
        )
        if isinstance(stored, Visit)
        else QCoreApplication.translate(
            "ConflictDialog",
            "Someone else saved this record after you opened it. Their changes are below. "
            "Reload to see their version (your unsaved edits are discarded), or overwrite "
            "to save yours over theirs.",
        )
    )


class ConflictDialog(QDialog):
    """Lists the other person's changes; the result says what the coordinator chose."""

    RELOAD = 1
    OVERWRITE = 2

    def __init__(
        self,
        opened: Any,
        stored: Any,
        mine: Any,
        parent: QWidget | None = None,
        *,
        title: str = "",
        label: Callable[[str], str] = field_label,
        masked: Collection[str] = (),
    ) -> None:
        """*title* names the record (a visit's defaults to its code); *label* gives a field's
        readable name; values of *masked* fields (sensitive, not revealed) show as dots."""
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        if isinstance(stored, Visit):
            title = QCoreApplication.translate("ConflictDialog", "Visit {code} was changed")
            title = title.format(code=stored.code)
        self.setWindowTitle(
            title or QCoreApplication.translate("ConflictDialog", "Changed by someone else")
        )
        intro_text = _intro(stored)
        intro = QLabel(intro_text, self)
        intro.setWordWrap(True)
        # A handful of field differences, not database rows: a table widget is the right size.
        rows = conflicting_fields(opened, stored, mine)
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ConflictDialog", "Field"),
                QCoreApplication.translate("ConflictDialog", "When you opened it"),
                QCoreApplication.translate("ConflictDialog", "Now saved"),
                QCoreApplication.translate("ConflictDialog", "Yours"),
            ]
        )
        for r, (name, *values) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(label(name)))
            if name in masked:
                values = [_MASK, _MASK, _MASK]
            shown = [
                _shown(getattr(v, name)) if name not in masked else ""
                for v in (opened, stored, mine)
            ]
            for c, (text, readable) in enumerate(zip(values, shown, strict=True), start=1):
                self.table.setItem(r, c, QTableWidgetItem(readable or text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(640, 300)

    def _buttons(self) -> QHBoxLayout:
        """Reload, overwrite and cancel (the default: deciding takes a deliberate click)."""
        reload_button = QPushButton(
            QCoreApplication.translate("ConflictDialog", "&Reload their version"), self
        )
        reload_button.setObjectName("reloadButton")
        overwrite_button = QPushButton(
            QCoreApplication.translate("ConflictDialog", "&Overwrite with mine"), self
        )
        overwrite_button.setObjectName("overwriteButton")
        cancel_button = QPushButton(QCoreApplication.translate("ConflictDialog", "Cancel"), self)
        cancel_button.setDefault(True)
        reload_button.clicked.connect(lambda: self.done(self.RELOAD))
        overwrite_button.clicked.connect(lambda: self.done(self.OVERWRITE))
        cancel_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(reload_button)
        buttons.addWidget(overwrite_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel_button)
        return buttons

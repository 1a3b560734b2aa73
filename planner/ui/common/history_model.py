"""The audit entries of one record as a read-only table (the editor's History tab)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from planner.domain.entities import AuditEntry
from planner.domain.enums import AuditAction
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.ui.common import formats
from planner.ui.common.labels import audit_action_label, raw_value_label, sensitive_field_label

AnyIndex = QModelIndex | QPersistentModelIndex


class HistoryColumn(IntEnum):
    """Columns of the history table."""

    WHEN = 0
    WHO = 1
    ACTION = 2
    REASON = 3
    CHANGES = 4


_HEADERS = {
    HistoryColumn.WHEN: QT_TRANSLATE_NOOP("HistoryModel", "When"),
    HistoryColumn.WHO: QT_TRANSLATE_NOOP("HistoryModel", "Who"),
    HistoryColumn.ACTION: QT_TRANSLATE_NOOP("HistoryModel", "Action"),
    HistoryColumn.REASON: QT_TRANSLATE_NOOP("HistoryModel", "Reason"),
    HistoryColumn.CHANGES: QT_TRANSLATE_NOOP("HistoryModel", "Changes"),
}


def describe_changes(entry: AuditEntry) -> str:
    """``field: old → new`` for updates; the field names alone for a created record.

    A reveal or export of sensitive fields reads as the fields' names and, for an export,
    what was exported (its entries hold names only, never values).
    """
    if entry.action in (AuditAction.REVEAL, AuditAction.EXPORT):
        return describe_disclosure(entry.changes)
    if entry.action is AuditAction.SEND:
        return describe_draft(entry.changes)
    parts: list[str] = []
    for field, value in entry.changes.items():
        if isinstance(value, list) and len(value) == 2:
            old, new = value
            parts.append(f"{_field(field)}: {_show(old)} → {_show(new)}")
        else:
            parts.append(f"{_field(field)}: {_show(value)}")
    return "; ".join(parts)


def describe_draft(changes: Mapping[str, Any]) -> str:
    """``itinerary version 2 to Hiroshi Tanaka <h.tanaka@example.jp> (ja) — V-...eml``."""
    to, lang, name = changes.get("to", ""), changes.get("lang", ""), changes.get("file", "")
    if changes.get("draft") == "paperwork_request":
        text = QCoreApplication.translate("HistoryModel", "paperwork request to {to} ({lang})")
    else:
        text = QCoreApplication.translate(
            "HistoryModel", "itinerary version {revision} to {to} ({lang})"
        )
    out = text.format(to=to, lang=lang, revision=changes.get("revision", ""))
    return f"{out} — {name}" if name else out


def describe_disclosure(changes: Mapping[str, Any]) -> str:
    """``date of birth, passport number — exchange package V-2027-0007``, translated."""
    raw = changes.get("fields")
    names = [str(name) for name in raw] if isinstance(raw, list) else []
    text = ", ".join(sensitive_field_label(name) for name in names)
    match changes.get("export"):
        case "package":
            where = QCoreApplication.translate("HistoryModel", "exchange package {code}").format(
                code=changes.get("visit", "")
            )
        case "visits_table":
            where = QCoreApplication.translate("HistoryModel", "visits spreadsheet")
        case _:
            return text
    return f"{text} — {where}"


def _show(value: object) -> str:
    """A stored value in words: labels for statuses and kinds, never a Python dict or list."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("HistoryModel", "yes")
            if value
            else QCoreApplication.translate("HistoryModel", "no")
        )
    if isinstance(value, Mapping):
        return ", ".join(f"{_field(str(k))}: {_show(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_show(v) for v in value)
    if isinstance(value, str):
        label = raw_value_label(value)
        return value if label is None else label
    return str(value)


def _field(name: str) -> str:
    """A field name as the editors' messages name it (translated in "Validation")."""
    return QCoreApplication.translate("Validation", name)


class HistoryModel(QAbstractTableModel):
    """Audit entries, newest first, times in the computer's local zone with its name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        """Show *entries* (any order; shown newest first)."""
        self.beginResetModel()
        self._entries = sorted(entries, key=lambda e: (e.at_utc, e.id or 0), reverse=True)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of entries."""
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(HistoryColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text (and the full change text as tooltip)."""
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        entry = self._entries[index.row()]
        match HistoryColumn(index.column()):
            case HistoryColumn.WHEN:
                local = entry.at_utc.astimezone()
                return formats.date_time(local, local.tzname() or "")
            case HistoryColumn.WHO:
                return entry.actor
            case HistoryColumn.ACTION:
                return audit_action_label(entry.action)
            case HistoryColumn.CHANGES:
                return describe_changes(entry)
            case HistoryColumn.REASON:
                return entry.reason

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HistoryModel", _HEADERS[HistoryColumn(section)])
        return None

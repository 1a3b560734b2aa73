"""Readable, translatable labels and colours for domain values shown in the interface."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from planner.domain.enums import VisitStatus


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitStatus", text)


_STATUS_TEXT: dict[VisitStatus, str] = {
    VisitStatus.DRAFT: "Draft",
    VisitStatus.PROPOSED: "Proposed",
    VisitStatus.APPROVED: "Approved",
    VisitStatus.CONFIRMED: "Confirmed",
    VisitStatus.IN_PROGRESS: "In progress",
    VisitStatus.COMPLETED: "Completed",
    VisitStatus.CANCELLED: "Cancelled",
}

# Dark enough to read on a light base, distinct from each other; the text says the same, so
# colour is never the only cue.
_STATUS_COLOUR: dict[VisitStatus, str] = {
    VisitStatus.DRAFT: "#6b6b6b",
    VisitStatus.PROPOSED: "#1f5fbf",
    VisitStatus.APPROVED: "#00796b",
    VisitStatus.CONFIRMED: "#2e7d32",
    VisitStatus.IN_PROGRESS: "#b45309",
    VisitStatus.COMPLETED: "#6a3d9a",
    VisitStatus.CANCELLED: "#c62828",
}

#: Life-cycle order, for sorting by status.
STATUS_ORDER: dict[VisitStatus, int] = {status: i for i, status in enumerate(VisitStatus)}


def status_label(status: VisitStatus) -> str:
    """The status as users read it (``In progress``), translated."""
    return _tr(_STATUS_TEXT.get(status, str(status).replace("_", " ").capitalize()))


def status_colour(status: VisitStatus, *, dark_background: bool = False) -> QColor:
    """The foreground colour of *status*; lighter variants on a dark background."""
    colour = QColor(_STATUS_COLOUR.get(status, "#000000"))
    return colour.lighter(170) if dark_background else colour

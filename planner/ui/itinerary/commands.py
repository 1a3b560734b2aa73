"""Itinerary commands of the window: export the selected visit's or event's itineraries."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.services.container import Services
from planner.ui.common.notify import notify_folder, notify_written


def export_itinerary(parent: QWidget, services: Services, visit_id: int | None) -> None:
    """Export the itinerary of *visit_id* (PDF, iCalendar or HTML; en, ja, both).

    Without a visit (none selected) says to select one first.
    """
    if visit_id is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("MainWindow", "Export itinerary"),
            QCoreApplication.translate("MainWindow", "Select a visit in the list first."),
        )
        return
    from planner.ui.itinerary.export_dialogs import export_itinerary_dialog

    written = export_itinerary_dialog(parent, services, visit_id)
    if written is not None:
        notify_written(parent, written)


def export_event_itineraries(parent: QWidget, services: Services, event_id: int | None) -> None:
    """Export the itineraries of every participant of *event_id* into a folder.

    Without an event (none selected) says to select one first.
    """
    if event_id is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("MainWindow", "Export itineraries"),
            QCoreApplication.translate("MainWindow", "Select an event first."),
        )
        return
    from planner.ui.itinerary.export_dialogs import batch_export_event_dialog

    result = batch_export_event_dialog(parent, services, event_id)
    if result is not None and result.written:
        notify_folder(parent, result.written[0].parent, len(result.written))

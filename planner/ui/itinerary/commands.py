"""Itinerary commands of the window: export the selected visit's or event's itineraries."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.services.container import Services
from planner.ui.common.formats import is_japanese
from planner.ui.common.notify import notify_folder, notify_written
from planner.ui.common.printing import Paint, preview_document, print_document


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


def itinerary_printer(services: Services, visit_id: int) -> tuple[str, Paint]:
    """The print job title and painter of *visit_id*'s itinerary, in the interface language."""
    from planner.export.i18n import Lang
    from planner.export.itinerary import paint_itinerary_on

    lang = Lang.JA if is_japanese() else Lang.EN
    code = services.visits.get(visit_id).code

    def paint(printer: QPrinter, dpi: int) -> None:
        paint_itinerary_on(services, visit_id, printer, dpi, lang)

    return code, paint


def print_itinerary(
    parent: QWidget, services: Services, visit_id: int | None, *, preview: bool = False
) -> QPrintPreviewDialog | bool:
    """Print (or preview) *visit_id*'s itinerary as the PDF export lays it out."""
    if visit_id is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("MainWindow", "Print itinerary"),
            QCoreApplication.translate("MainWindow", "Select a visit in the list first."),
        )
        return False
    title, paint = itinerary_printer(services, visit_id)
    if preview:
        return preview_document(parent, title, paint)
    return print_document(parent, title, paint)

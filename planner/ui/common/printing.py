"""Print and Print Preview of a paged document (an itinerary, a report).

QtPrintSupport ships with PySide6-Essentials, so the documents print through Qt's own
dialogs: the same painting code that writes the PDF export (planner.export) paints onto the
printer, so a print looks like the PDF (on the printer's paper size). A *paint* callable
receives the :class:`QPrinter` and its resolution and lays the document out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from planner.domain.errors import PlannerError
from planner.ui.common.errors import planner_error_text

#: Lays a document out on *printer* at *dpi*.
Paint = Callable[[QPrinter, int], None]

#: The printer of each open preview: Qt keeps only a pointer to it.
_printers: dict[QPrintPreviewDialog, QPrinter] = {}


def new_printer(title: str) -> QPrinter:
    """A high-resolution printer whose job is called *title*."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    return printer


def paint_or_warn(parent: QWidget | None, paint: Paint, printer: QPrinter) -> bool:
    """Paint onto *printer*; a document that cannot be laid out is explained, not raised."""
    try:
        paint(printer, printer.resolution())
    except PlannerError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Printing", "Print"), planner_error_text(exc)
        )
        return False
    return True


def print_document(parent: QWidget | None, title: str, paint: Paint) -> bool:
    """The print dialog, then the document on the printer chosen; False if cancelled."""
    printer = new_printer(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print {title}").format(title=title)
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted and paint_or_warn(parent, paint, printer)


def preview_document(parent: QWidget | None, title: str, paint: Paint) -> QPrintPreviewDialog:
    """Open the print preview of the document (window-modal; it deletes itself when closed)."""
    printer = new_printer(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print Preview — {title}").format(title=title)
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _printers[dialog] = printer
    dialog.destroyed.connect(lambda _=None, d=dialog: _printers.pop(d, None))
    dialog.paintRequested.connect(lambda target: paint_or_warn(dialog, paint, target))
    dialog.resize(900, 700)
    dialog.open()
    return dialog

"""PDF itinerary rendered with Qt: a cover, the day-by-day schedule, venues, what to bring.

The whole document is set in the bundled IPAex Gothic (Latin and Japanese), so it looks the
same on every machine, Japanese never falls back to a missing system font, and Qt embeds the
(subset) font in the file with a ToUnicode map, so the text stays searchable and copyable.
Each page carries "Page N of M" and the generation date in its footer.
"""

from __future__ import annotations

import os
import struct
import sys
import unicodedata
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

import planner
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.export.atomic import ExportError
from planner.export.document import Entry, ItineraryDocument
from planner.export.fontdata import extraction_safe_font
from planner.export.i18n import page_footer

FONT_FILE = ("fonts", "ipaexg.ttf")
FONT_FAMILY = "IPAexGothic"
#: Device resolution of the PDF: fine enough for exact glyph placement, small coordinates.
RESOLUTION = 300
#: Margins of every page, in millimetres (left, top, right, bottom).
PAGE_MARGINS_MM = QMarginsF(16, 14, 16, 12)
_BODY_PT = 9.5
_FOOTER_PT = 7.5

_app: QGuiApplication | None = None
_family: str | None = None


def font_path() -> Path:
    """The bundled Japanese font: in an installed wheel, or in the source checkout."""
    package_dir = Path(planner.__file__).resolve().parent
    for root in (package_dir / "resources", package_dir.parent / "resources"):
        candidate = root.joinpath(*FONT_FILE)
        if candidate.is_file():
            return candidate
    return package_dir.parent.joinpath("resources", *FONT_FILE)


def ensure_gui_application() -> QGuiApplication:
    """The process's Qt GUI application (fonts need one); created offscreen when missing."""
    global _app
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise ExportError("PDF export needs a Qt GUI application, but a console one is running")
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        # The command line runs on servers without a display; PDF rendering needs none.
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QApplication([sys.argv[0] if sys.argv else "planner"])
    return _app


def bundled_font_family() -> str:
    """Register the bundled font once; its family name. ExportError if it cannot be loaded."""
    global _family
    if _family is not None:
        return _family
    ensure_gui_application()
    path = font_path()
    font_id = -1
    if path.is_file():
        try:
            data = extraction_safe_font(path)
        except (OSError, struct.error, KeyError, IndexError) as exc:
            raise ExportError(
                QT_TRANSLATE_NOOP(
                    "Validation", "the bundled Japanese font {path} is unreadable: {reason}"
                ),
                params={"path": str(path), "reason": str(exc)},
            ) from exc
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Validation", "the bundled Japanese font could not be loaded from {path}"
            ),
            params={"path": str(path)},
        )
    _family = families[0]
    return _family


def _e(text: str) -> str:
    return escape(text, quote=True)


def _nl(text: str) -> str:
    return "<br>".join(_e(line) for line in text.splitlines())


def _entry_row(entry: Entry, doc: ItineraryDocument) -> str:
    start, end = entry.start, entry.end
    when = (
        f"{_e(start.date_text + ' ' if start.date_text else '')}<b>{_e(start.clock)}</b> "
        f"<span style='color:#555'>{_e(start.zone)}</span><br>"
        f"→ {_e(end.date_text + ' ' if end.date_text else '')}<b>{_e(end.clock)}</b> "
        f"<span style='color:#555'>{_e(end.zone)}</span>"
    )
    if end.marker:
        marker_style = "background-color:#fff3cd;color:#6b4e00"
        when += f"<br><span style='{marker_style}'>&nbsp;{_e(end.marker)}&nbsp;</span>"
    lines = [
        f"<span style='color:#555;font-size:small'>{_e(entry.kind)}</span>",
        f"<b>{_e(entry.title)}</b>",
    ]
    if entry.location:
        place = _e(entry.location) + (f", {_e(entry.address)}" if entry.address else "")
        lines.append(f"{_e(doc.t('place'))}: {place}")
    if entry.confirmation:
        lines.append(f"{_e(doc.t('confirmation'))}: <b>{_e(entry.confirmation)}</b>")
    if entry.details:
        lines.append(_nl(entry.details))
    return (
        f"<tr><td width='30%' style='padding:4px;background-color:#eef3fb'>{when}</td>"
        f"<td style='padding:4px;background-color:#f8f8f8'>{'<br>'.join(lines)}</td></tr>"
    )


def pdf_html(doc: ItineraryDocument) -> str:
    """The document in the HTML subset QTextDocument understands."""

    def row(key: str, value: str) -> str:
        return (
            f"<tr><td width='28%' style='padding:3px;color:#444'><b>{_e(doc.t(key))}</b></td>"
            f"<td style='padding:3px'>{value}</td></tr>"
        )

    cover = [
        row("visit", _e(doc.visit_code)),
        row("visitor", _e(doc.visitor)),
        row("home_institution", _e(doc.home_institution)),
        row("host_institution", _e(doc.host_institution)),
    ]
    if doc.host_address:
        cover.append(row("address", _e(doc.host_address)))
    cover.append(row("dates", _e(doc.dates)))
    if doc.host_person:
        contact = [_e(doc.host_person)]
        contact += [_e(v) for v in (doc.host_email, doc.host_phone) if v]
        cover.append(row("host", "<br>".join(contact)))
    if doc.emergency:
        cover.append(row("emergency", "<br>".join(_e(x) for x in doc.emergency)))
    parts = [f"<h1 style='color:#1f5fbf'>{_e(doc.title)}</h1>"]
    if doc.cancelled:
        parts.append(
            "<p style='background-color:#fdecea;color:#8a1c14;font-weight:bold'>"
            f"&nbsp;{_e(doc.t('cancelled'))}&nbsp;</p>"
        )
    parts.append(f"<table width='100%' cellspacing='0'>{''.join(cover)}</table>")
    if doc.visitor_notes:
        parts += [f"<h2>{_e(doc.t('notes'))}</h2>", f"<p>{_nl(doc.visitor_notes)}</p>"]
    if doc.bring:
        parts.append(f"<h2>{_e(doc.t('what_to_bring'))}</h2><ul>")
        parts += [f"<li>{_e(b)}</li>" for b in doc.bring]
        parts.append("</ul>")
    parts.append(
        f"<h2 style='page-break-before:always'>{_e(doc.t('schedule'))}</h2>"
        f"<p><i>{_e(doc.t('times_note'))}</i></p>"
    )
    if not doc.days:
        parts.append(f"<p>{_e(doc.t('no_items'))}</p>")
    for day in doc.days:
        parts.append(f"<h3 style='color:#1f5fbf'>{_e(day.heading)}</h3>")
        parts.append("<table width='100%' cellspacing='2' cellpadding='0' border='0'>")
        parts += [_entry_row(entry, doc) for entry in day.entries]
        parts.append("</table>")
    if doc.venues:
        parts.append(f"<h2>{_e(doc.t('venues'))}</h2><ul>")
        parts += [f"<li><b>{_e(n)}</b><br>{_e(a)}</li>" for n, a in doc.venues]
        parts.append("</ul>")
    return "".join(parts)


def render_pdf(doc: ItineraryDocument) -> bytes:
    """The PDF bytes of *doc* (A4, every font embedded, text extractable)."""
    bundled_font_family()  # first: it makes sure a GUI application exists
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(doc.title)
    writer.setCreator(planner.APP_NAME)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            PAGE_MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    paint_itinerary(doc, writer, RESOLUTION)
    data = bytes(QByteArray(buffer.data()).data())
    buffer.close()
    if not data.startswith(b"%PDF"):
        raise ExportError("Qt did not produce a PDF")
    return data


def paint_itinerary(doc: ItineraryDocument, device: QPagedPaintDevice, dpi: int) -> None:
    """Lay *doc* out on the pages of *device* (a PDF writer or a printer) at *dpi*.

    The page size is the device's (A4 for the PDF; the printer's paper when printing); the
    margins are the PDF's.
    """
    family = bundled_font_family()
    device.setPageMargins(PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)
    area = device.pageLayout().paintRectPixels(dpi)
    footer_height = dpi * 0.35  # about 9 mm for the footer line
    body = QSizeF(area.width(), area.height() - footer_height)

    text = QTextDocument()
    text.documentLayout().setPaintDevice(device)
    font = QFont(family)
    font.setPointSizeF(_BODY_PT)
    text.setDefaultFont(font)
    text.setDefaultStyleSheet(
        "h1 { font-size: 17pt; } h2 { font-size: 12.5pt; } h3 { font-size: 11pt; }"
    )
    # Precomposed characters only: the font's combining-mark entries are dropped (fontdata).
    text.setHtml(unicodedata.normalize("NFC", pdf_html(doc)))
    text.setPageSize(body)
    pages = max(1, text.pageCount())

    footer_font = QFont(family)
    footer_font.setPointSizeF(_FOOTER_PT)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("the PDF could not be started")
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.setClipRect(QRectF(0, 0, body.width(), body.height()))
            painter.translate(0, -page * body.height())
            text.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            y = body.height() + footer_height * 0.35
            painter.drawLine(QPointF(0, y), QPointF(body.width(), y))
            line = QRectF(0, y, body.width(), footer_height * 0.65)
            left = unicodedata.normalize("NFC", f"{doc.visit_code} · {doc.generated}")
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
            painter.drawText(
                line,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                page_footer(page + 1, pages, doc.lang),
            )
    finally:
        painter.end()

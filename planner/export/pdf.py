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


_MUTED = "color:#444"


def _entry_table(entry: Entry, doc: ItineraryDocument) -> str:
    """One entry as a one-row table: its block never splits across pages."""
    start, end = entry.start, entry.end
    when = (
        f"{_e(start.date_text + ' ' if start.date_text else '')}<b>{_e(start.clock)}</b> "
        f"<span style='{_MUTED}'>{_e(start.zone)}</span><br>"
        f"→ {_e(end.date_text + ' ' if end.date_text else '')}<b>{_e(end.clock)}</b> "
        f"<span style='{_MUTED}'>{_e(end.zone)}</span>"
    )
    if end.marker:
        marker_style = "background-color:#fff3cd;color:#6b4e00"
        when += f"<br><span style='{marker_style}'>&nbsp;{_e(end.marker)}&nbsp;</span>"
    kind = f"<span style='{_MUTED}'>{_e(entry.kind)}</span>"
    if entry.change:
        change_style = "background-color:#e3f1e3;color:#1d5e20;font-weight:bold"
        kind += f" <span style='{change_style}'>&nbsp;{_e(entry.change)}&nbsp;</span>"
    lines = [kind, f"<b>{_e(entry.title)}</b>"]
    if entry.location:
        place = _e(entry.location) + (f", {_e(entry.address)}" if entry.address else "")
        lines.append(f"{_e(doc.t('place'))}: {place}")
    if entry.confirmation:
        lines.append(f"{_e(doc.t('confirmation'))}: <b>{_e(entry.confirmation)}</b>")
    if entry.details:
        lines.append(_nl(entry.details))
    return (
        "<table width='100%' cellspacing='0' cellpadding='0' border='0'><tr>"
        f"<td width='30%' style='padding:4px;background-color:#eef3fb'>{when}</td>"
        f"<td style='padding:4px;background-color:#f8f8f8'>{'<br>'.join(lines)}</td>"
        "</tr></table>"
    )


def _day_heading(heading: str) -> str:
    return f"<h3 style='color:#1f5fbf'>{_e(heading)}</h3>"


def pdf_blocks(doc: ItineraryDocument) -> list[str]:
    """The document as blocks that are never split across pages, in order.

    A day heading shares its block with the day's first entry, so it never stands alone at
    the foot of a page; every other entry is a block of its own.
    """

    def row(key: str, value: str) -> str:
        return (
            f"<tr><td width='28%' style='padding:3px;{_MUTED}'><b>{_e(doc.t(key))}</b></td>"
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
    head = f"<h1 style='color:#1f5fbf'>{_e(doc.title)}</h1>"
    if doc.cancelled:
        head += (
            "<p style='background-color:#fdecea;color:#8a1c14;font-weight:bold'>"
            f"&nbsp;{_e(doc.t('cancelled'))}&nbsp;</p>"
        )
    blocks = [head + f"<table width='100%' cellspacing='0'>{''.join(cover)}</table>"]
    if doc.visitor_notes:
        blocks.append(f"<h2>{_e(doc.t('notes'))}</h2><p>{_nl(doc.visitor_notes)}</p>")
    if doc.bring:
        items = "".join(f"<li>{_e(b)}</li>" for b in doc.bring)
        blocks.append(f"<h2>{_e(doc.t('what_to_bring'))}</h2><ul>{items}</ul>")
    schedule = f"<h2>{_e(doc.t('schedule'))}</h2><p><i>{_e(doc.t('times_note'))}</i></p>"
    if doc.since:
        schedule += f"<p><i>{_e(doc.t('since'))} {_e(doc.since)}</i></p>"
    if not doc.days:
        blocks.append(schedule + f"<p>{_e(doc.t('no_items'))}</p>")
    for index, day in enumerate(doc.days):
        first, *rest = day.entries or (None,)
        lead = (schedule if index == 0 else "") + _day_heading(day.heading)
        blocks.append(lead + (_entry_table(first, doc) if first is not None else ""))
        blocks += [_entry_table(entry, doc) for entry in rest]
    if doc.removed:
        lines = "".join(f"<li><s>{_e(line)}</s></li>" for line in doc.removed)
        blocks.append(f"<h3>{_e(doc.t('removed'))}</h3><ul>{lines}</ul>")
    if doc.venues:
        venues = "".join(f"<li><b>{_e(n)}</b><br>{_e(a)}</li>" for n, a in doc.venues)
        blocks.append(f"<h2>{_e(doc.t('venues'))}</h2><ul>{venues}</ul>")
    return blocks


def pdf_html(doc: ItineraryDocument) -> str:
    """The whole document in the HTML subset QTextDocument understands (one piece)."""
    return "".join(pdf_blocks(doc))


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


#: Style of every block: sizes in points, so nothing prints below the body's 9.5 pt.
_STYLE = (
    f"h1 {{ font-size: 17pt; }} h2 {{ font-size: 12.5pt; }} h3 {{ font-size: 11pt; }} "
    f"td, li, p {{ font-size: {_BODY_PT}pt; }}"
)
#: Space between blocks, as a fraction of the body font's height.
_GAP = 0.35

#: (block, top on the page, part of a block taller than a page: -1 for a whole block).
Placed = tuple[QTextDocument, float, int]


def _block(
    html: str, device: QPagedPaintDevice, font: QFont, width: float, style: str = _STYLE
) -> QTextDocument:
    text = QTextDocument()
    text.documentLayout().setPaintDevice(device)
    text.setDefaultFont(font)
    text.setDefaultStyleSheet(style)
    text.setDocumentMargin(0)
    # Precomposed characters only: the font's combining-mark entries are dropped (fontdata).
    text.setHtml(unicodedata.normalize("NFC", html))
    text.setTextWidth(width)
    return text


def _paginate(blocks: list[QTextDocument], body: QSizeF, gap: float) -> list[list[Placed]]:
    """Blocks placed top to bottom; a block that does not fit starts the next page.

    Only a block taller than a whole page (pages of notes) is cut, at page size, into parts
    of its own pages, each part drawn once.
    """
    pages: list[list[Placed]] = [[]]
    y = 0.0
    for block in blocks:
        height = block.size().height()
        if height > body.height():
            block.setPageSize(body)
            parts = block.pageCount()
            if pages[-1]:
                pages.append([])
            for part in range(parts):
                pages[-1].append((block, 0.0, part))
                pages.append([])
            y = 0.0
            continue
        if y and y + height > body.height():
            pages.append([])
            y = 0.0
        pages[-1].append((block, y, -1))
        y += height + gap
    return [page for page in pages if page] or [[]]


def _draw(painter: QPainter, block: QTextDocument, top: float, part: int, body: QSizeF) -> None:
    painter.save()
    if part < 0:
        painter.translate(0, top)
        block.drawContents(painter)
    else:  # a part of an over-tall block: only what lies on this page
        painter.setClipRect(QRectF(0, 0, body.width(), body.height()))
        painter.translate(0, -part * body.height())
        block.drawContents(painter, QRectF(0, part * body.height(), body.width(), body.height()))
    painter.restore()


def render_html_pdf(html: str, title: str) -> bytes:
    """A PDF of one piece of HTML (a letter) on A4 in the bundled font, page by page."""
    family = bundled_font_family()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator(planner.APP_NAME)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(25, 20, 25, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    body = QSizeF(area.width(), area.height())
    font = QFont(family)
    font.setPointSizeF(11)
    style = "h2 { font-size: 15pt; } p, td, li { font-size: 11pt; }"
    text = _block(html, writer, font, body.width(), style)
    text.setPageSize(body)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("the PDF could not be started")
    try:
        for page in range(max(1, text.pageCount())):
            if page:
                writer.newPage()
            _draw(painter, text, 0.0, page, body)
    finally:
        painter.end()
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

    font = QFont(family)
    font.setPointSizeF(_BODY_PT)
    blocks = [_block(html, device, font, body.width()) for html in pdf_blocks(doc)]
    pages = _paginate(blocks, body, dpi * _BODY_PT * _GAP / 72)

    footer_font = QFont(family)
    footer_font.setPointSizeF(_FOOTER_PT)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("the PDF could not be started")
    try:
        for number, placed in enumerate(pages):
            if number:
                device.newPage()
            for block, top, part in placed:
                _draw(painter, block, top, part, body)
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
                page_footer(number + 1, len(pages), doc.lang),
            )
    finally:
        painter.end()

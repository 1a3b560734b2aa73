"""The activity report for the memorandum: PDF (Qt, bundled font, charts), XLSX or CSV.

- **PDF** (A4): title, fiscal year and its dates, what is counted, totals; each breakdown
  (direction, category, project, purpose) as a table with totals and a bar chart drawn by
  :mod:`planner.export.charts` (the same code as the Reports view); events held with their
  attendance. Set in the bundled IPAex Gothic so Japanese institution names and event titles
  render and stay extractable; each page has "Page N of M" and the generation date.
- **XLSX**: a Summary sheet, one sheet per breakdown and an Events sheet.
- **CSV**: one table with a ``breakdown`` column (``direction``, ``category``, ``project``,
  ``purpose``, ``events``; ``total`` rows carry each breakdown's sums).

Every file is written atomically with mode 0600 (:mod:`planner.export.atomic`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

import planner
from planner.domain.fiscal import FiscalSystem
from planner.export.atomic import ExportError, atomic_write
from planner.export.charts import chart_height, draw_bar_chart
from planner.export.pdf import PAGE_MARGINS_MM, RESOLUTION, bundled_font_family
from planner.export.tabular import Cell, Table, csv_bytes, xlsx_bytes
from planner.services.reports import ActivityReport, Breakdown

#: Japanese headings shown beside the English ones.
BREAKDOWN_JA = {
    "direction": "方向別（所属機関 → 受入機関）",
    "category": "区分別",
    "project": "プロジェクト別",
    "purpose": "目的別",
}
COUNTED_NOTE = (
    "Counted: visits approved, confirmed, in progress or completed (drafts, proposals and "
    "cancelled visits are not). Person-days: calendar days of each stay inside the fiscal "
    "year, arrival and departure days included."
)


class ReportFormat(StrEnum):
    """File formats of the activity report."""

    PDF = "pdf"
    XLSX = "xlsx"
    CSV = "csv"


def report_title(report: ActivityReport) -> str:
    """``Activity report — US FY2027``."""
    fy = report.fiscal_year
    return f"Activity report — {fy.system.value.upper()} FY{fy.year}"


def _fy_text(report: ActivityReport) -> str:
    fy = report.fiscal_year
    kind = "US fiscal year" if fy.system is FiscalSystem.US else "Japanese fiscal year (年度)"
    return f"{kind} {fy.year}: {fy.start.isoformat()} – {fy.end.isoformat()}"


def _breakdown_rows(b: Breakdown) -> list[list[Cell]]:
    rows: list[list[Cell]] = [[r.key, r.key_ja, r.visits, r.person_days] for r in b.rows]
    rows.append(["Total", "合計", b.total_visits, b.total_person_days])
    return rows


def report_tables(report: ActivityReport) -> list[Table]:
    """The report as XLSX sheets: Summary, one per breakdown, Events."""
    fy = report.fiscal_year
    summary = Table(
        "Summary",
        ["item", "value"],
        [
            ["report", report_title(report)],
            ["fiscal_year", _fy_text(report)],
            ["first_day", fy.start],
            ["last_day", fy.end],
            ["visits", report.visits],
            ["person_days", report.person_days],
            ["events", len(report.events)],
            ["event_participants", sum(e.participants for e in report.events)],
            ["counted", COUNTED_NOTE],
        ],
    )
    tables = [summary]
    for b in report.breakdowns:
        tables.append(
            Table(b.name.capitalize(), [b.name, "japanese", "visits", "person_days"],
                  _breakdown_rows(b))
        )  # fmt: skip
    tables.append(
        Table(
            "Events",
            ["date", "kind", "title", "title_ja", "institution", "participants"],
            [
                [e.date, e.kind, e.title, e.title_ja, e.institution, e.participants]
                for e in report.events
            ],
        )
    )
    return tables


CSV_HEADER = ["breakdown", "key", "key_ja", "visits", "person_days", "date", "participants"]


def report_csv_rows(report: ActivityReport) -> list[list[Cell]]:
    """The report as one CSV table with a ``breakdown`` column."""
    rows: list[list[Cell]] = []
    for b in report.breakdowns:
        rows += [[b.name, r.key, r.key_ja, r.visits, r.person_days, None, None] for r in b.rows]
        rows.append([b.name, "total", "", b.total_visits, b.total_person_days, None, None])
    rows += [
        ["events", e.title, e.title_ja, None, None, e.date, e.participants] for e in report.events
    ]
    rows.append(
        ["events", "total", "", None, None, None, sum(e.participants for e in report.events)]
    )
    return rows


# --- PDF --------------------------------------------------------------------------------


@dataclass
class _Block:
    height: float
    draw: Callable[[QPainter, float], None]  # painter, top y
    keep_with_next: bool = False


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class _PdfLayout:
    """Stacks blocks down A4 pages; a block that does not fit starts a new page."""

    def __init__(self, writer: QPagedPaintDevice, family: str, dpi: int = RESOLUTION) -> None:
        self.writer = writer
        self.family = family
        area = writer.pageLayout().paintRectPixels(dpi)
        self.width = float(area.width())
        self.footer = dpi * 0.35
        self.height = float(area.height()) - self.footer
        self.blocks: list[_Block] = []

    def font(self, points: float, *, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def line(self, font: QFont) -> float:
        return QFontMetricsF(font, self.writer).height()

    def text(
        self, text: str, points: float, *, bold: bool = False, colour: str = "#222",
        gap: float = 0.35, keep: bool = False,
    ) -> None:  # fmt: skip
        """A paragraph, wrapped to the page width."""
        font = self.font(points, bold=bold)
        metrics = QFontMetricsF(font, self.writer)
        flags = int(Qt.TextFlag.TextWordWrap)
        bound = metrics.boundingRect(QRectF(0, 0, self.width, 1e6), flags, _nfc(text))
        height = bound.height() + metrics.height() * gap

        def draw(p: QPainter, top: float) -> None:
            p.setFont(font)
            p.setPen(QColor(colour))
            p.drawText(QRectF(0, top, self.width, bound.height() + 2), flags, _nfc(text))

        self.blocks.append(_Block(height, draw, keep))

    def table(self, header: list[str], rows: list[list[str]], widths: list[float],
              numeric: set[int], last_bold: bool = False) -> None:  # fmt: skip
        """A simple ruled table; a long table continues on the next pages, header repeated."""
        font = self.font(9)
        bold = self.font(9, bold=True)
        line = self.line(font) * 1.35
        cols = [w * self.width for w in widths]

        wrap = int(Qt.TextFlag.TextWordWrap)

        def row_painter(cells: list[str], is_bold: bool, shade: bool) -> _Block:
            pad = line * 0.15
            used = bold if is_bold else font
            metrics = QFontMetricsF(used, self.writer)
            height = line
            for cell, w in zip(cells, cols, strict=False):
                box = metrics.boundingRect(QRectF(0, 0, w - 2 * pad, 1e6), wrap, _nfc(cell))
                height = max(height, box.height() + line - metrics.height())

            def draw(p: QPainter, top: float) -> None:
                if shade:
                    p.fillRect(QRectF(0, top, self.width, height), QColor("#eef3fb"))
                p.setFont(used)
                p.setPen(QColor("#222"))
                x = 0.0
                for i, (cell, w) in enumerate(zip(cells, cols, strict=False)):
                    align = (
                        Qt.AlignmentFlag.AlignRight if i in numeric else Qt.AlignmentFlag.AlignLeft
                    )
                    p.drawText(
                        QRectF(x + pad, top, w - 2 * pad, height),
                        int(align | Qt.AlignmentFlag.AlignVCenter) | wrap,
                        _nfc(cell),
                    )
                    x += w
                p.setPen(QColor("#ccc"))
                p.drawLine(QPointF(0, top + height), QPointF(self.width, top + height))

            return _Block(height, draw)

        self.blocks.append(row_painter(header, True, True))
        self.blocks[-1].keep_with_next = True
        for n, cells in enumerate(rows):
            is_last = n == len(rows) - 1
            self.blocks.append(row_painter(cells, last_bold and is_last, False))
        self.gap(0.6)

    def chart(self, title: str, rows: list[tuple[str, int, int]]) -> None:
        """A bar chart (same drawing code as the Reports view)."""
        font = self.font(8.5)
        height = chart_height(len(rows), self.line(font))

        def draw(p: QPainter, top: float) -> None:
            draw_bar_chart(p, QRectF(0, top, self.width, height), _nfc(title), rows, font)

        self.blocks.append(_Block(height, draw))
        self.gap(0.8)

    def gap(self, lines: float) -> None:
        """Vertical space of *lines* body lines."""
        height = self.line(self.font(9)) * lines
        self.blocks.append(_Block(height, lambda _p, _t: None))

    def pages(self) -> list[list[tuple[float, _Block]]]:
        """The blocks placed on pages: (top, block) lists."""
        pages: list[list[tuple[float, _Block]]] = [[]]
        y = 0.0
        i = 0
        while i < len(self.blocks):
            block = self.blocks[i]
            needed = block.height
            if block.keep_with_next and i + 1 < len(self.blocks):
                needed += self.blocks[i + 1].height
            if y + needed > self.height and pages[-1]:
                pages.append([])
                y = 0.0
            pages[-1].append((y, block))
            y += block.height
            i += 1
        return pages


def render_report_pdf(report: ActivityReport, generated: datetime | None = None) -> bytes:
    """The activity report as PDF bytes (A4, bundled font embedded, text extractable)."""
    bundled_font_family()  # first: it makes sure a GUI application exists
    generated_text = _generated_text(generated)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(report_title(report))
    writer.setCreator(planner.APP_NAME)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            PAGE_MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    paint_report(report, writer, RESOLUTION, generated_text)
    data = bytes(QByteArray(buffer.data()).data())
    buffer.close()
    if not data.startswith(b"%PDF"):
        raise ExportError("Qt did not produce a PDF")
    return data


def paint_report(
    report: ActivityReport, writer: QPagedPaintDevice, dpi: int, generated_text: str
) -> None:
    """Lay the report out on the pages of *writer* (a PDF writer or a printer) at *dpi*."""
    family = bundled_font_family()
    writer.setPageMargins(PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)
    doc = _PdfLayout(writer, family, dpi)
    doc.text(report_title(report), 17, bold=True, colour="#1f5fbf", gap=0.1)
    doc.text("活動報告", 12, colour="#1f5fbf")
    doc.text(_fy_text(report), 10.5, bold=True)
    doc.text(generated_text, 8.5, colour="#555")
    doc.text(COUNTED_NOTE, 8.5, colour="#555", gap=0.8)
    participants = sum(e.participants for e in report.events)
    doc.table(
        ["Totals 合計", ""],
        [
            ["Visits 訪問件数", str(report.visits)],
            ["Person-days 延べ人日", str(report.person_days)],
            ["Events held 開催行事", str(len(report.events))],
            ["Event participants 参加者数", str(participants)],
        ],
        [0.5, 0.2],
        {1},
    )
    for b in report.breakdowns:
        heading = f"{b.title} — {BREAKDOWN_JA.get(b.name, '')}"
        doc.text(heading, 12.5, bold=True, colour="#1f5fbf", keep=True)
        rows = [[r.key, r.key_ja, str(r.visits), str(r.person_days)] for r in b.rows]
        rows.append(["Total", "合計", str(b.total_visits), str(b.total_person_days)])
        doc.table(["", "日本語", "Visits", "Person-days"], rows, [0.3, 0.46, 0.1, 0.14],
                  {2, 3}, last_bold=True)  # fmt: skip
        if b.rows:
            chart_rows = [(r.key, r.visits, r.person_days) for r in b.rows]
            doc.chart(f"{b.title}: visits and person-days", chart_rows)
    doc.text("Events held — 開催行事と参加者数", 12.5, bold=True, colour="#1f5fbf", keep=True)
    if report.events:
        doc.table(
            ["Date", "Kind", "Title", "題名", "Institution", "Persons"],
            [
                [e.date.isoformat(), e.kind, e.title, e.title_ja, e.institution,
                 str(e.participants)]
                for e in report.events
            ] + [["Total", "", "", "合計", "", str(participants)]],
            [0.12, 0.11, 0.28, 0.26, 0.14, 0.09],
            {5},
            last_bold=True,
        )  # fmt: skip
    else:
        doc.text("No events in this fiscal year.", 9.5)

    pages = doc.pages()
    footer_font = doc.font(7.5)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("the PDF could not be started")
    try:
        for number, page in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            for top, block in page:
                block.draw(painter, top)
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            y = doc.height + doc.footer * 0.35
            painter.drawLine(QPointF(0, y), QPointF(doc.width, y))
            line = QRectF(0, y, doc.width, doc.footer * 0.65)
            left = _nfc(f"{report_title(report)} · {generated_text}")
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
            painter.drawText(
                line,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"Page {number} of {len(pages)}",
            )
    finally:
        painter.end()


def report_bytes(report: ActivityReport, fmt: ReportFormat) -> bytes:
    """The report in *fmt*."""
    if fmt is ReportFormat.PDF:
        return render_report_pdf(report)
    if fmt is ReportFormat.XLSX:
        return xlsx_bytes(report_tables(report))
    return csv_bytes(CSV_HEADER, report_csv_rows(report))


def write_report(report: ActivityReport, fmt: ReportFormat, path: Path) -> Path:
    """Write the report to *path* in *fmt* (atomic, mode 0600)."""
    return atomic_write(Path(path), report_bytes(report, fmt))


def paint_report_on(report: ActivityReport, device: QPagedPaintDevice, dpi: int) -> None:
    """Lay the report out on *device* (a printer) exactly as the PDF export does."""
    paint_report(report, device, dpi, _generated_text(None))


def _generated_text(generated: datetime | None) -> str:
    stamp = (generated or datetime.now(UTC)).astimezone(UTC)
    return f"Generated {stamp:%Y-%m-%d %H:%M} UTC"

"""Horizontal bar charts drawn with QPainter: the same code paints the Reports view and the
activity-report PDF, so what the coordinator sees is what the memorandum report shows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

#: Bar colours: visits, person-days.
VISITS_COLOUR = QColor("#1f5fbf")
DAYS_COLOUR = QColor("#e8912d")


def chart_height(rows: int, line_height: float) -> float:
    """Height a chart of *rows* bars needs when a text line is *line_height* high."""
    return line_height * (2.6 + max(rows, 1) * 2.2)


def draw_bar_chart(
    painter: QPainter,
    rect: QRectF,
    title: str,
    rows: Sequence[tuple[str, int, int]],
    font: QFont,
    words: tuple[str, str, str] = ("visits", "person-days", "No visits in this fiscal year."),
) -> None:
    """Draw *rows* (label, visits, person-days) as paired horizontal bars inside *rect*.

    *words* are the two legend entries and the text for no rows (the interface passes them
    in its language).

    Each row has a visits bar (blue) and a person-days bar (orange), each scaled to its own
    maximum and labelled with its number; a legend sits under the title.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(font)
    # Metrics of the painter's device (screen or 300 dpi PDF), not of the screen.
    metrics = QFontMetricsF(painter.fontMetrics())
    line = metrics.height()
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor("#222"))
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), line),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        title,
    )
    painter.setFont(font)
    # Legend
    y = rect.top() + line * 1.2
    x = rect.left()
    for colour, text in ((VISITS_COLOUR, words[0]), (DAYS_COLOUR, words[1])):
        painter.fillRect(QRectF(x, y + line * 0.2, line * 0.8, line * 0.6), colour)
        x += line
        painter.setPen(QColor("#444"))
        painter.drawText(
            QRectF(x, y, metrics.horizontalAdvance(text) + line, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        x += metrics.horizontalAdvance(text) + line
    top = rect.top() + line * 2.6
    if not rows:
        painter.setPen(QColor("#666"))
        painter.drawText(
            QRectF(rect.left(), top, rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            words[2],
        )
        painter.restore()
        return
    label_width = min(
        rect.width() * 0.38, max(metrics.horizontalAdvance(r[0]) for r in rows) + line * 0.6
    )
    number_width = metrics.horizontalAdvance("00000") + line * 0.4
    bar_left = rect.left() + label_width
    bar_span = max(1.0, rect.width() - label_width - number_width)
    max_visits = max(1, max(r[1] for r in rows))
    max_days = max(1, max(r[2] for r in rows))
    bar_h = line * 0.85
    for i, (label, visits, days) in enumerate(rows):
        row_top = top + i * line * 2.2
        painter.setPen(QColor("#222"))
        text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - line * 0.4)
        painter.drawText(
            QRectF(rect.left(), row_top, label_width - line * 0.4, bar_h * 2),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        for j, (value, maximum, colour) in enumerate(
            ((visits, max_visits, VISITS_COLOUR), (days, max_days, DAYS_COLOUR))
        ):
            y = row_top + j * bar_h
            width = bar_span * value / maximum
            painter.fillRect(QRectF(bar_left, y + 1, width, bar_h - 2), colour)
            painter.setPen(QColor("#222"))
            painter.drawText(
                QRectF(bar_left + width + line * 0.2, y, number_width, bar_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
    painter.setPen(QPen(QColor("#999"), 0))
    bottom = top + len(rows) * line * 2.2 - line * 0.4
    painter.drawLine(QPointF(bar_left, top - line * 0.2), QPointF(bar_left, bottom))
    painter.restore()

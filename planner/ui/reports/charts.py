"""A widget showing one breakdown as a bar chart, drawn by the same code as the report PDF
(:func:`planner.export.charts.draw_bar_chart`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from planner.export.charts import chart_height, draw_bar_chart


class BarChartWidget(QWidget):
    """Paired bars (visits, person-days) per row; :meth:`set_rows` replaces them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._rows: list[tuple[str, int, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    @property
    def rows(self) -> list[tuple[str, int, int]]:
        """The rows shown: (label, visits, person-days)."""
        return list(self._rows)

    def set_rows(self, title: str, rows: Sequence[tuple[str, int, int]]) -> None:
        """Show *rows* under *title*."""
        self._title = title
        self._rows = list(rows)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Tall enough for every bar."""
        line = QFontMetricsF(self.font()).height()
        return QSize(480, int(chart_height(len(self._rows), line) + 2 * line))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As tall as the bars need."""
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """Draw the chart with the shared drawing code."""
        painter = QPainter(self)
        try:
            # The shared drawing uses dark text (it also draws on PDF paper): give it a light
            # card of its own, so the chart stays readable under a dark palette.
            painter.fillRect(self.rect(), QColor("#ffffff"))
            margin = QFontMetricsF(self.font()).height() * 0.6
            area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
            words = (
                QCoreApplication.translate("ReportsView", "visits"),
                QCoreApplication.translate("ReportsView", "person-days"),
                QCoreApplication.translate("ReportsView", "No visits in this fiscal year."),
            )
            draw_bar_chart(painter, area, self._title, self._rows, self.font(), words)
        finally:
            painter.end()

"""The installed Qt binding must not leak references to None.

PySide6 6.12.0 on Python 3.11 returns None from every void method without taking a reference;
each call lowers None's reference count until the interpreter aborts ("deallocating None") —
in a long session or at exit. pyproject.toml excludes it; this test catches any binding that
brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel


def test_void_methods_keep_none_alive(qapp: object) -> None:
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    label = QLabel()
    try:
        before = sys.getrefcount(None)
        for _ in range(500):
            painter.save()
            painter.fillRect(QRectF(0, 0, 4, 4), QColor("#123456"))
            painter.restore()
            label.setText("x")
        after = sys.getrefcount(None)
    finally:
        painter.end()
    # Unrelated code may hold a few more or fewer references; a leak costs 2,000 here.
    assert after - before > -100

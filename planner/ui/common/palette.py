"""Signal colours (error, warning, muted) that stay readable on light and dark palettes.

The application never sets a palette of its own, so it follows the system's, dark included;
anything drawn in a fixed colour must pick the variant for the current background. Colour is
never the only carrier of meaning: the texts say the same (status names, "late by", ⚠).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# Light-background variants meet WCAG AA (4.5:1) on white; dark variants on near-black.
_ERROR = ("#b00020", "#ff8a80")
_WARNING = ("#8a4b00", "#ffcc80")
_MUTED = ("#5f6368", "#bdc1c6")


def is_dark() -> bool:
    """True when the palette's base (the background of text fields and tables) is dark."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def _pick(pair: tuple[str, str]) -> QColor:
    return QColor(pair[1] if is_dark() else pair[0])


def error_colour() -> QColor:
    """Text colour for errors and overdue items."""
    return _pick(_ERROR)


def warning_colour() -> QColor:
    """Text colour for warnings (a "+1 day" arrival, something to look at)."""
    return _pick(_WARNING)


def muted_colour() -> QColor:
    """Text colour for secondary information (items that no longer apply)."""
    return _pick(_MUTED)


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21; 4.5 is the minimum for body text)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)

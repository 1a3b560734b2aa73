"""Saving one PNG per main view (``--screenshot DIR``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def save_screenshots(
    window: QWidget,
    views: Sequence[tuple[str, QWidget]],
    show_view: Callable[[QWidget], object],
    folder: Path,
) -> list[Path]:
    """Show each view of *views* in turn and save the whole *window* as ``<name>.png``.

    The folder is created (mode 0700) if missing; images are 0600. Raises OSError if an
    image cannot be saved.
    """
    if not folder.is_dir():
        folder.mkdir(parents=True, mode=0o700)
        folder.chmod(0o700)
    saved: list[Path] = []
    for name, view in views:
        show_view(view)
        QApplication.processEvents()
        target = folder / f"{name}.png"
        if not window.grab().save(str(target), "PNG"):
            raise OSError(f"could not write the screenshot {target}")
        target.chmod(0o600)  # it shows visitors' names: private, like the database
        saved.append(target)
    return saved

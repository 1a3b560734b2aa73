"""Saving one PNG per main view and editor (``--screenshot DIR``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

#: A picture to take: its file name (without .png) and a function that shows the widget
#: to photograph and returns it.
Shot = tuple[str, Callable[[], QWidget]]


def save_screenshots(shots: Sequence[Shot], folder: Path) -> list[Path]:
    """Take every shot of *shots* and save it as ``<name>.png`` in *folder*.

    The folder is created (mode 0700) if missing; images are 0600. Raises OSError if an
    image cannot be saved.
    """
    if not folder.is_dir():
        folder.mkdir(parents=True, mode=0o700)
        folder.chmod(0o700)
    saved: list[Path] = []
    for name, prepare in shots:
        widget = prepare()
        QApplication.processEvents()
        target = folder / f"{name}.png"
        if not widget.grab().save(str(target), "PNG"):
            raise OSError(f"could not write the screenshot {target}")
        target.chmod(0o600)  # it shows visitors' names: private, like the database
        saved.append(target)
    return saved

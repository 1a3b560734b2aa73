"""Icons for actions and the window: the desktop theme's first, the bundled set otherwise.

The bundled set (``resources/icons``, see its README and LICENSE) holds full-colour PNGs named
after the freedesktop.org icon names, so a desktop theme that has the name (Breeze, Adwaita)
supplies its own look and every other platform still gets an icon.
"""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon

from planner.ui.common.resources import resource_path

#: Sizes (folders of ``resources/icons``) of the bundled action icons.
ICON_SIZES = (24, 48)

#: Sizes of the application icon's PNG renderings (``resources/icons/app``).
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


@functools.cache
def bundled_icon(name: str) -> QIcon:
    """The bundled icon *name* in every size the bundle has (null if it has none)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", str(size), f"{name}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def themed_icon(name: str) -> QIcon:
    """The desktop theme's icon *name*, or the bundled one where the theme has none."""
    return QIcon.fromTheme(name, bundled_icon(name))


@functools.cache
def app_icon() -> QIcon:
    """The application's own icon (window, task bar, About box) in every bundled size."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        path = resource_path("icons", "app", f"planner-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon

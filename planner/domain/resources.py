"""Where bundled resources (paperwork rules, fonts, ...) live, without any Qt.

The same search as the GUI's locator: an installed wheel carries the resources in
``planner/resources``; a development checkout keeps them in ``<repo>/resources``.
"""

from __future__ import annotations

from pathlib import Path

import planner


def resource_roots() -> list[Path]:
    """Candidate resource folders, most specific first."""
    package_dir = Path(planner.__file__).resolve().parent
    return [package_dir / "resources", package_dir.parent / "resources"]


def resource_path(*parts: str) -> Path:
    """Path of the resource *parts* (e.g. ``"rules", "paperwork.toml"``).

    The first root holding it wins; if none does, the path under the first existing root is
    returned so the caller can name the missing file in its message.
    """
    roots = resource_roots()
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    for root in roots:
        if root.is_dir():
            return root.joinpath(*parts)
    return roots[0].joinpath(*parts)

"""Where bundled resources (fonts, icons, translations, rules) live at run time."""

from __future__ import annotations

from pathlib import Path

import planner


def resource_roots() -> list[Path]:
    """Candidate resource folders, most specific first.

    An installed wheel carries them in ``planner/resources``; a development checkout keeps
    them in ``<repo>/resources``.
    """
    package_dir = Path(planner.__file__).resolve().parent
    return [package_dir / "resources", package_dir.parent / "resources"]


def resource_path(*parts: str) -> Path:
    """Path of the resource *parts* (e.g. ``"fonts", "ipaexg.ttf"``).

    The first root holding the resource wins; if neither does, the path under the first
    existing root (or the installed location) is returned so callers can report it as missing.
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

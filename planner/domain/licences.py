"""The licences of everything the application ships: Python packages, Qt, the font, the icons.

The bundle build (``resources/packaging/build.sh``) calls :func:`write_licences` to copy every
licence text into the bundle's ``licences/`` folder with an ``index.json``; Help → About reads
that folder through :func:`bundled_components`. Run from an installed copy (no such folder), the
same list is gathered from the installed distributions, so the About box shows it either way.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import planner
from planner.domain.resources import resource_path

#: The index the build writes beside the licence texts.
INDEX = "index.json"
#: Distributions that never go into the bundle although the build environment has them.
_BUILD_ONLY = frozenset({"pip", "setuptools", "wheel"})
_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
#: Largest licence text read (a bundled file, but never trusted to be small).
_MAX_TEXT = 512 * 1024


@dataclass(frozen=True)
class Component:
    """One bundled component: its name, version, licence and the files holding the texts."""

    name: str
    version: str
    licence: str
    files: tuple[Path, ...]

    def text(self) -> str:
        """Every licence text of the component, one after another."""
        parts = []
        for path in self.files:
            try:
                with path.open("rb") as handle:
                    data = handle.read(_MAX_TEXT)
            except OSError:
                continue
            parts.append(f"==> {path.name} <==\n{data.decode('utf-8', 'replace')}")
        return "\n\n".join(parts)


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "component"


#: Extras of the application the bundle installs (its PostgreSQL driver for a team server).
BUNDLED_EXTRAS = ("postgres",)


def _requirements_closure(root: str) -> list[metadata.Distribution]:
    """*root* (with :data:`BUNDLED_EXTRAS`) and every installed distribution it requires.

    A requirement's own extras (``psycopg[binary]``) are followed; other extras are left out,
    and so are requirements not installed here (another platform's, an extra not chosen).
    """
    seen: dict[str, metadata.Distribution] = {}
    pending: list[tuple[str, frozenset[str]]] = [(root, frozenset(BUNDLED_EXTRAS))]
    while pending:
        name, extras = pending.pop()
        key = _slug(name).lower().replace("_", "-")
        if key in _BUILD_ONLY:
            continue
        try:
            dist = seen.get(key) or metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        first = key not in seen
        seen[key] = dist
        for requirement in dist.requires or []:
            extra = re.search(r"""extra\s*==\s*['"]([^'"]+)['"]""", requirement)
            # Without an extra marker: followed the first time; with one: when chosen.
            if (extra is None and not first) or (extra and extra.group(1) not in extras):
                continue
            match = re.match(r"\s*([A-Za-z0-9._-]+)\s*(?:\[([^\]]*)\])?", requirement)
            if match:
                wanted = frozenset(x.strip() for x in (match.group(2) or "").split(",") if x)
                pending.append((match.group(1), wanted))
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    """The first *name* field of *meta*, "" when there is none."""
    values = meta.get_all(name) or []
    return str(values[0]) if values else ""


def _licence_name(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    # Through get_all: with importlib_metadata (a dependency of keyring) on the path,
    # distributions come back as its objects, whose [] raises KeyError for a missing field.
    expression = _field(meta, "License-Expression")
    if expression:
        return str(expression)
    text = _field(meta, "License")
    if text and len(text) <= 80 and "\n" not in text:
        return str(text)
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License ::"):
            return str(classifier.rsplit("::", 1)[-1].strip())
    return "see the licence text"


def _licence_files(dist: metadata.Distribution) -> tuple[Path, ...]:
    found = []
    for entry in dist.files or []:
        parts = entry.parts
        in_info = parts and parts[0].endswith(".dist-info")
        if in_info and _LICENCE_FILE.search(parts[-1]):
            found.append(Path(str(dist.locate_file(entry))))
    return tuple(sorted({path for path in found if path.is_file()}))


def _python() -> Component:
    licence = Path(sys.base_prefix, "lib", f"python{sys.version_info[0]}.{sys.version_info[1]}")
    files = [licence / "LICENSE.txt", Path(sys.base_prefix, "LICENSE.txt")]
    version = ".".join(str(part) for part in sys.version_info[:3])
    existing = tuple(path for path in files if path.is_file())
    return Component("Python", version, "PSF-2.0", existing)


def _own_components(qt_version: str) -> list[Component]:
    """Qt, the IPAex font and the icon set: licences that ship in ``resources``."""
    icons = resource_path("icons")
    return [
        Component(
            "Qt and Qt for Python (PySide6, shiboken6)",
            qt_version,
            "LGPL-3.0-only",
            tuple(
                path
                for path in (
                    resource_path("licences", "Qt-NOTICE.txt"),
                    icons / "LICENSE-LGPL-3",
                    icons / "LICENSE-GPL-3",
                )
                if path.is_file()
            ),
        ),
        Component(
            "IPAex Gothic font (ipaexg.ttf)",
            "",
            "IPA Font License Agreement v1.0",
            tuple(p for p in (resource_path("fonts", "LICENSE-IPAexfont.txt"),) if p.is_file()),
        ),
        Component(
            "Adwaita icon theme 43 (action icons)",
            "43",
            "LGPL-3.0-only OR CC-BY-SA-3.0-US",
            tuple(
                path
                for path in (
                    icons / "README",
                    icons / "LICENSE",
                    icons / "COPYING-adwaita-icon-theme",
                )
                if path.is_file()
            ),
        ),
    ]


def installed_components() -> list[Component]:
    """The components of this installation, gathered from the installed distributions."""
    python_packages = []
    qt_version = ""
    for dist in _requirements_closure(planner.DISTRIBUTION):
        name = str(dist.metadata["Name"])
        key = name.lower().replace("_", "-")
        if key in ("pyside6-essentials", "pyside6", "shiboken6"):
            qt_version = qt_version or str(dist.version)
            continue  # listed as Qt below, whose wheels carry no licence file
        if key == planner.DISTRIBUTION:
            continue
        python_packages.append(
            Component(name, str(dist.version), _licence_name(dist), _licence_files(dist))
        )
    return [_python(), *_own_components(qt_version), *python_packages]


def write_licences(folder: Path) -> list[Component]:
    """Copy every licence text into *folder* (one sub-folder per component) with an index."""
    folder.mkdir(parents=True, exist_ok=True)
    index = []
    written = []
    for component in installed_components():
        target = folder / _slug(component.name)
        target.mkdir(exist_ok=True)
        names: list[str] = []
        for path in component.files:
            name = _slug(path.name)
            while name in names:
                name = f"{name}-{len(names)}"
            shutil.copyfile(path, target / name)
            names.append(name)
        index.append(
            {
                "name": component.name,
                "version": component.version,
                "licence": component.licence,
                "files": [f"{target.name}/{name}" for name in names],
            }
        )
        written.append(
            Component(
                component.name,
                component.version,
                component.licence,
                tuple(target / name for name in names),
            )
        )
    (folder / INDEX).write_text(json.dumps(index, indent=1, ensure_ascii=False), "utf-8")
    return written


def read_licences(folder: Path) -> list[Component]:
    """The components listed in *folder*'s index (written by :func:`write_licences`).

    Entries that are malformed or point outside *folder* are skipped.
    """
    try:
        entries = json.loads((folder / INDEX).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    components = []
    base = folder.resolve()
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        files = []
        for name in entry.get("files", []):
            path = (folder / str(name)).resolve()
            if path.is_relative_to(base) and path.is_file():
                files.append(path)
        components.append(
            Component(
                str(entry.get("name", "")),
                str(entry.get("version", "")),
                str(entry.get("licence", "")),
                tuple(files),
            )
        )
    return components


def bundle_folder() -> Path | None:
    """The licences folder of a frozen bundle, or None when not running from one."""
    base = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or base is None:
        return None
    folder = Path(base) / "licences"
    return folder if (folder / INDEX).is_file() else None


def bundled_components() -> list[Component]:
    """The components shipped with this copy: the bundle's collected list, else the installed."""
    folder = bundle_folder()
    if folder is not None:
        return read_licences(folder)
    return installed_components()

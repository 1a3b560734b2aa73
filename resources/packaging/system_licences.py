"""Add the licences of the system libraries PyInstaller copied into a bundle (build.sh runs it).

PyInstaller copies shared libraries from the build host next to the wheels' own (libX11,
libxcb-*, libcups, libgnutls, libstdc++, ...). Each comes from a Debian package whose licence
and copyright notice is ``/usr/share/doc/PACKAGE/copyright``; this script finds the package of
every copied library (``dpkg -S``) and adds that file, with the package's version and the
libraries it provides, to the bundle's ``licences/index.json``, so Help → About lists them
beside the Python packages.

Usage: ``python system_licences.py BUNDLE_DIR`` (a no-op without dpkg, e.g. on another
distribution: the script says so).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

INDEX = "index.json"
#: A library renamed by auditwheel: ``libpq-e9b5c9ac.so.5.18`` copies ``libpq.so.5``.
_HASHED = re.compile(r"^(lib[^-]+(?:-[0-9.]+)?)-[0-9a-f]{8}\.so\.(\d+).*$")


def _owner(library: str) -> str | None:
    """The Debian package that installed a file named *library* on this host, if any."""
    found = subprocess.run(
        ["dpkg", "-S", f"*/{library}*"], capture_output=True, text=True, check=False
    )
    for line in found.stdout.splitlines():
        if line.startswith("diversion"):
            continue
        package = line.split(":", 1)[0].strip()
        if package:
            return package
    return None


def _version(package: str) -> str:
    found = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=False
    )
    return found.stdout.strip()


def main(bundle: Path) -> int:
    """Add the system libraries' licences to *bundle*; 0, or 1 with one line on a bad bundle."""
    internal = bundle / "_internal"
    folder = internal / "licences"
    if not (folder / INDEX).is_file():
        print(f"system licences: no {folder / INDEX}: build the bundle first", file=sys.stderr)
        return 1
    if shutil.which("dpkg") is None:
        print("system licences: no dpkg here; the system libraries' licences are not added")
        return 0
    libraries: dict[str, list[str]] = {}
    for path in sorted(internal.glob("*.so*")):
        # Qt's libraries come with the wheel (its licence is listed already).
        if path.name.startswith(("libQt6", "libshiboken6", "libpyside6")):
            continue
        # A wheel's renamed copy (libpq-e9b5c9ac.so.5.18, inside psycopg-binary) carries the
        # licence of the library it copies: Debian's text for that library is used.
        name = _HASHED.sub(r"\1.so.\2", path.name)
        package = _owner(name if name != path.name else path.name)
        if package is not None:
            libraries.setdefault(package, []).append(path.name)
    index = json.loads((folder / INDEX).read_text("utf-8"))
    for package, names in sorted(libraries.items()):
        source = Path("/usr/share/doc", package, "copyright")
        if not source.is_file():
            continue
        target = folder / f"debian-{package}"
        target.mkdir(exist_ok=True)
        shutil.copyfile(source, target / "copyright")
        index.append(
            {
                "name": f"{package} (system library: {', '.join(names)})",
                "version": _version(package),
                "licence": "see the Debian copyright file",
                "files": [f"{target.name}/copyright"],
            }
        )
    (folder / INDEX).write_text(json.dumps(index, indent=1, ensure_ascii=False), "utf-8")
    print(f"system licences: {len(libraries)} Debian packages added to {folder / INDEX}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: system_licences.py BUNDLE_DIR", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))

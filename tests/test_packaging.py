"""The packaging definitions agree with the code: one version, the desktop entry, MIME type,
installer scripts and the icons they are made from (the bundle itself is tried by .ci/bundle)."""

from __future__ import annotations

import configparser
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from fnmatch import fnmatch
from pathlib import Path

import pytest

import planner
from planner.cli import main
from planner.services.exchange import ENCRYPTED_FORMAT, PACKAGE_FORMAT
from planner.ui.exchange.package_dialogs import PACKAGE_SUFFIX

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "resources" / "packaging"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_one_version_from_pyproject(capsys: pytest.CaptureFixture[str]) -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    assert planner.__version__ == version
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"planner {version}"
    # The installers take the number from the build, never a copy of their own.
    assert version not in (PACKAGING / "windows" / "exchange-visit-planner.iss").read_text("utf-8")


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / "linux" / "exchange-visit-planner.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_packages_in_the_import_review() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "exchange-visit-planner --import-package=%f"
    assert entry["Icon"] == "exchange-visit-planner"
    assert entry["Name[ja]"]
    mime = ET.parse(PACKAGING / "linux" / "exchange-visit-planner-mime.xml").getroot()
    (kind,) = mime.findall(f"{MIME_NS}mime-type")
    assert entry["MimeType"] == f"{kind.get('type')};"
    (glob,) = kind.findall(f"{MIME_NS}glob")
    assert fnmatch(f"V-2027-0007{PACKAGE_SUFFIX}", str(glob.get("pattern")))
    assert not fnmatch("data.json", str(glob.get("pattern")))  # not every JSON file
    matches = {m.get("value") for m in kind.findall(f"{MIME_NS}magic/{MIME_NS}match")}
    assert matches == {PACKAGE_FORMAT, ENCRYPTED_FORMAT}


def test_the_export_dialog_suggests_the_package_suffix() -> None:
    source = (ROOT / "planner" / "ui" / "exchange" / "package_dialogs.py").read_text("utf-8")
    assert "{PACKAGE_SUFFIX}" in source


def test_shell_scripts_parse() -> None:
    scripts = [
        PACKAGING / "build.sh",
        PACKAGING / "linux" / "build-deb.sh",
        PACKAGING / "macos" / "build-dmg.sh",
        ROOT / ".ci" / "bundle",
        ROOT / ".ci" / "run",
    ]
    for script in scripts:
        subprocess.run(["bash", "-n", str(script)], check=True)


def test_windows_and_macos_icons_hold_every_png() -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        from icons import ICNS_TYPES, ICO_SIZES, icns_bytes, ico_bytes
    finally:
        sys.path.remove(str(PACKAGING))
    ico = ico_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, len(ICO_SIZES))
    for number, size in enumerate(ICO_SIZES):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack_from(
            "<BBBBHHII", ico, 6 + 16 * number
        )
        assert width == (0 if size == 256 else size)
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
    icns = icns_bytes()
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)
    position, kinds = 8, []
    while position < len(icns):
        kinds.append(icns[position : position + 4])
        position += struct.unpack_from(">I", icns, position + 4)[0]
    assert kinds == [kind for kind, _size in ICNS_TYPES]


def test_the_spec_collects_what_the_issue_names() -> None:
    spec = (PACKAGING / "planner.spec").read_text("utf-8")
    for needle in (
        'subdir="db/migrations"',
        'collect_data_files("tzdata")',
        'copy_metadata("exchange-visit-planner")',
        '"licences"',
        'name="planner"',
        'name="exchange-visit-planner"',
        "console=False",
    ):
        assert needle in spec

"""The licences collected into the bundle and read back for Help → About."""

from __future__ import annotations

import json
from pathlib import Path

from planner.domain.licences import installed_components, read_licences, write_licences


def test_installed_components_cover_what_ships() -> None:
    names = [component.name for component in installed_components()]
    assert names[:4] == [
        "Python",
        "Qt and Qt for Python (PySide6, shiboken6)",
        "IPAex Gothic font (ipaexg.ttf)",
        "Adwaita icon theme 43 (action icons)",
    ]
    lowered = {name.lower() for name in names}
    assert {"sqlalchemy", "alembic", "babel", "tzdata"} <= lowered
    # Build and test tools are not part of the application.
    assert not {"pip", "pytest", "pyinstaller", "mypy"} & lowered
    # Qt's wheels carry no licence file: Qt is listed once, with the LGPL text from resources.
    assert "pyside6_essentials" not in lowered and "pyside6-essentials" not in lowered


def test_written_folder_reads_back(tmp_path: Path) -> None:
    folder = tmp_path / "licences"
    written = write_licences(folder)
    back = read_licences(folder)
    assert [(c.name, c.version, c.licence) for c in back] == [
        (c.name, c.version, c.licence) for c in written
    ]
    assert all(c.files for c in back if c.name != "Python")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in back[1].text()


def test_a_hostile_index_cannot_point_outside_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "licences"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("passport 123", "utf-8")
    index = [
        {
            "name": "Evil",
            "version": "1",
            "licence": "MIT",
            "files": ["../secret.txt", "/etc/hosts"],
        },
        "not an object",
        {"name": 7},
    ]
    (folder / "index.json").write_text(json.dumps(index), "utf-8")
    components = read_licences(folder)
    assert [c.name for c in components] == ["Evil", "7"]
    assert all(not c.files for c in components)


def test_a_malformed_index_gives_an_empty_list(tmp_path: Path) -> None:
    (tmp_path / "index.json").write_text("{oops", "utf-8")
    assert read_licences(tmp_path) == []
    assert read_licences(tmp_path / "absent") == []

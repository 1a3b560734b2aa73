"""End-to-end through the real console entry: demo data, listing, and the GUI's unattended modes."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planner.domain.enums import VisitStatus
from planner.domain.errors import PlannerError
from planner.ui.shell.app import choose_platform


def _planner(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *argv],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )


def _headless_env() -> dict[str, str]:
    env = dict(os.environ)
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(var, None)
    return env


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "d.sqlite3"
    result = _planner("demo", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "16 visits" in result.stdout or "visits" in result.stdout
    return path


def test_demo_database_is_private_and_lists_every_status(demo_db: Path) -> None:
    assert stat.S_IMODE(demo_db.stat().st_mode) == 0o600
    result = _planner("visits", "list", "--db", str(demo_db), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) >= 10
    assert {r["status"] for r in rows} == {s.value for s in VisitStatus}
    assert any(re.search(r"[\u4e00-\u9fff]", r["visitor_name_native"]) for r in rows)
    directions = {(r["home_institution"], r["host_institution"]) for r in rows}
    assert any("Argonne" in home for home, _ in directions)
    assert any("Argonne" in host for _, host in directions)


def test_demo_refuses_a_database_that_has_data(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    result = _planner("demo", "--db", str(demo_db))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "already holds data" in result.stderr
    assert demo_db.read_bytes() == before


def test_exit_when_ready_without_a_display_prints_the_ready_line(demo_db: Path) -> None:
    result = _planner("--db", str(demo_db), "--exit-when-ready", env=_headless_env())
    assert result.returncode == 0, result.stderr
    count = len(json.loads(_planner("visits", "list", "--db", str(demo_db), "--json").stdout))
    assert re.fullmatch(rf"ready visits={count} seconds=\d+\.\d\d\n", result.stdout)
    assert result.stderr == ""


def test_screenshot_writes_the_main_view(demo_db: Path, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = _planner("--db", str(demo_db), "--screenshot", str(shots), env=_headless_env())
    assert result.returncode == 0, result.stderr
    png = shots / "visits.png"
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 10_000
    assert (shots / "visits-context-menu.png").stat().st_size > 10_000
    assert result.stderr == ""  # no platform notice from the context menu's popup


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def test_screenshot_size_sets_the_window_size(demo_db: Path, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = _planner(
        "--db", str(demo_db), "--screenshot", str(shots), "--screenshot-size", "1024x700",
        env=_headless_env(),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert _png_size(shots / "visits.png") == (1024, 700)
    assert _png_size(shots / "visits-context-menu.png") == (1024, 700)


@pytest.mark.parametrize(
    "value", ["", "1024", "1024x", "x700", "1024*700", "-1024x700", "10x10", "99999x700", "axb"]
)
def test_a_bad_screenshot_size_is_a_usage_error(value: str, tmp_path: Path) -> None:
    from planner.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--screenshot", str(tmp_path / "s"), "--screenshot-size", value])
    assert exit_info.value.code == 2
    assert not (tmp_path / "s").exists()


def test_screenshot_size_without_screenshot_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.cli import main

    assert main(["--db", str(tmp_path / "x.sqlite3"), "--screenshot-size", "800x600"]) == 2
    assert capsys.readouterr().err == "planner: error: --screenshot-size needs --screenshot DIR\n"
    assert not (tmp_path / "x.sqlite3").exists()


def test_screenshot_size_accepts_the_usual_spellings() -> None:
    from planner.cli.gui import screenshot_size

    assert screenshot_size("1920x1080") == (1920, 1080)
    assert screenshot_size(" 1024X700 ") == (1024, 700)
    assert screenshot_size("1280×800") == (1280, 800)


def test_interactive_start_without_a_display_is_a_one_line_error(demo_db: Path) -> None:
    result = _planner("--db", str(demo_db), env=_headless_env())
    assert result.returncode == 1
    assert result.stderr.startswith("planner: error: no display")
    assert "Traceback" not in result.stderr


def test_demo_flag_opens_a_fresh_copy_and_removes_it() -> None:
    result = _planner("--demo", "--exit-when-ready", env=_headless_env())
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"ready visits=1\d seconds=\d+\.\d\d\n", result.stdout)


def test_demo_with_db_is_refused(demo_db: Path) -> None:
    result = _planner("--demo", "--db", str(demo_db), "--exit-when-ready", env=_headless_env())
    assert result.returncode == 1 and "--demo" in result.stderr


def test_choose_platform_rules() -> None:
    env: dict[str, str] = {}
    choose_platform(interactive=False, environ=env)
    assert env == {"QT_QPA_PLATFORM": "offscreen"}
    with pytest.raises(PlannerError, match="no display"):
        choose_platform(interactive=True, environ={})
    desktop = {"DISPLAY": ":0"}
    choose_platform(interactive=False, environ=desktop)
    assert desktop == {"DISPLAY": ":0"}

"""Warnings for a database in a cloud-synced folder or on a network share."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from planner.cli import main
from planner.db.privacy import location_warning, mount_fs_type
from tests.db.helpers import make_database

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/home /home/alice/shared nfs4 rw,relatime 0 0
//nas/team /mnt/team\\040drive cifs rw 0 0
alice@host:/srv /home/alice/remote fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    "path",
    [
        "/home/alice/Dropbox/planner.sqlite3",
        "/home/alice/Dropbox (Personal)/planner.sqlite3",
        "/Users/alice/Library/CloudStorage/OneDrive-Contoso/planner.sqlite3",
        "/Users/alice/Google Drive/My Drive/planner.sqlite3",
        "/Users/alice/Library/CloudStorage/GoogleDrive-alice@example.org/p.sqlite3",
        "/Users/alice/Library/Mobile Documents/com~apple~CloudDocs/p.sqlite3",
        "/Users/alice/iCloud Drive/p.sqlite3",
    ],
)
def test_cloud_synced_folders_are_flagged(path: str) -> None:
    warning = location_warning(PurePosixPath(path), platform="linux", mounts_text=MOUNTS)
    assert warning is not None
    assert "cloud-synced" in warning and "shared server mode" in warning


def test_windows_onedrive_and_unc_paths() -> None:
    onedrive = PureWindowsPath(r"C:\Users\alice\OneDrive - Contoso\planner.sqlite3")
    assert "cloud-synced" in (location_warning(onedrive, platform="win32") or "")
    unc = PureWindowsPath(r"\\fileserver\team\planner.sqlite3")
    assert "network share" in (location_warning(unc, platform="win32") or "")


@pytest.mark.parametrize(
    ("path", "fs_type"),
    [
        ("/home/alice/shared/p.sqlite3", "nfs4"),
        ("/mnt/team drive/p.sqlite3", "cifs"),
        ("/home/alice/remote/deep/p.sqlite3", "fuse.sshfs"),
    ],
)
def test_network_mounts_are_flagged(path: str, fs_type: str) -> None:
    assert mount_fs_type(PurePosixPath(path), MOUNTS) == fs_type
    warning = location_warning(PurePosixPath(path), platform="linux", mounts_text=MOUNTS)
    assert warning is not None and f"network share ({fs_type})" in warning


@pytest.mark.parametrize(
    "path", ["/home/alice/.local/share/p.sqlite3", "/tmp/p.sqlite3", "/home/alice/sharedx/p"]
)
def test_local_paths_are_quiet(path: str) -> None:
    assert location_warning(PurePosixPath(path), platform="linux", mounts_text=MOUNTS) is None


def test_cli_writer_prints_the_warning_on_stderr_and_still_works(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    db = make_database(folder / "planner.sqlite3")
    code = main(["visits", "set-status", "V-2027-0001", "proposed", "--db", str(db)])
    out, err = capsys.readouterr()
    assert code == 0 and "proposed" in out
    assert err.startswith("planner: warning:") and "cloud-synced" in err

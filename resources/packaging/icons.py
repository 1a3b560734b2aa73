"""Windows .ico and macOS .icns of the application icon, made from its PNG renderings.

Both formats can hold PNG images as they are, so the standard library is enough; the spec
calls :func:`make_icons` on Windows and macOS (nothing is committed in binary twice).
"""

from __future__ import annotations

import struct
from pathlib import Path

#: The PNG renderings of the application icon, by size in pixels.
APP_ICONS = Path(__file__).resolve().parents[1] / "icons" / "app"
#: ICO sizes (Windows shows 16-256); ICNS entry types holding PNG data, by pixel size.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = ((b"ic11", 32), (b"ic12", 64), (b"ic07", 128), (b"ic08", 256), (b"ic13", 256))


def _png(size: int) -> bytes:
    return (APP_ICONS / f"planner-{size}.png").read_bytes()


def ico_bytes() -> bytes:
    """An ICO file holding every size as a PNG image (Windows Vista and later)."""
    images = [_png(size) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(ICO_SIZES, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def icns_bytes() -> bytes:
    """An ICNS file holding PNG images (macOS 10.7 and later)."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = _png(size)
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def make_icons(folder: Path) -> tuple[Path, Path]:
    """Write ``planner.ico`` and ``planner.icns`` into *folder*; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    ico, icns = folder / "planner.ico", folder / "planner.icns"
    ico.write_bytes(ico_bytes())
    icns.write_bytes(icns_bytes())
    return ico, icns

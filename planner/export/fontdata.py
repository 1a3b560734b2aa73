"""The bundled font, prepared so text copied out of a PDF is the text that was written.

IPAex Gothic draws a Kangxi radical (U+2F65 ⽥) and the ideograph it stands for (U+7530 田)
with the same glyph, and likewise the minus sign and the soft hyphen, the em dash and a
combining stroke. Qt's PDF writer maps each embedded glyph back to the *lowest* code point that
uses it, so without this step such text would be extracted (searched, copied, read aloud) as
the look-alike: "⽥中" instead of "田中", a soft hyphen instead of "−1 day". Dropping the
character-map entries of the look-alikes leaves one ordinary code point per glyph. Renderers
normalise text to NFC first, so decomposed accents still find their precomposed glyphs.

Only the character map changes; outlines, metrics and the other tables are copied unchanged.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import cache
from pathlib import Path

_HEADER = struct.Struct(">IHHHH")
_RECORD = struct.Struct(">4sIII")


def _tables(data: bytes) -> dict[bytes, bytes]:
    count = struct.unpack_from(">H", data, 4)[0]
    out: dict[bytes, bytes] = {}
    for i in range(count):
        tag, _checksum, offset, length = _RECORD.unpack_from(data, 12 + 16 * i)
        out[tag] = data[offset : offset + length]
    return out


def _subtables(cmap: bytes) -> list[tuple[int, int, bytes]]:
    count = struct.unpack_from(">H", cmap, 2)[0]
    found = []
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
        fmt = struct.unpack_from(">H", cmap, offset)[0]
        if fmt in (12, 13, 14):
            length = struct.unpack_from(">I", cmap, offset + 4 if fmt != 14 else offset + 2)[0]
        else:
            length = struct.unpack_from(">H", cmap, offset + 2)[0]
        found.append((platform, encoding, cmap[offset : offset + length]))
    return found


def _format12_map(sub: bytes) -> dict[int, int]:
    groups = struct.unpack_from(">I", sub, 12)[0]
    mapping: dict[int, int] = {}
    for g in range(groups):
        start, end, glyph = struct.unpack_from(">III", sub, 16 + 12 * g)
        for n, cp in enumerate(range(start, end + 1)):
            mapping[cp] = glyph + n
    return mapping


def _format12(mapping: dict[int, int]) -> bytes:
    groups: list[list[int]] = []
    for cp in sorted(mapping):
        glyph = mapping[cp]
        last = groups[-1] if groups else None
        if last and cp == last[1] + 1 and glyph == last[2] + (cp - last[0]):
            last[1] = cp
        else:
            groups.append([cp, cp, glyph])
    body = b"".join(struct.pack(">III", *g) for g in groups)
    return struct.pack(">HHIII", 12, 0, 16 + len(body), 0, len(groups)) + body


def _is_variant(cp: int) -> bool:
    """A code point that only duplicates another's glyph: radicals, combining marks, etc."""
    category = unicodedata.category(chr(cp))
    return (
        0x2E80 <= cp <= 0x2FDF  # CJK radicals supplement, Kangxi radicals
        or category in ("Mn", "Cf", "Lm", "So")  # combining marks, soft hyphen, modifiers
        or cp in (0x2003, 0x301C)  # em space (ideographic space), wave dash (fullwidth tilde)
    )


def look_alikes(mapping: dict[int, int]) -> set[int]:
    """Code points to drop so that every glyph has one code point left.

    Of the code points sharing a glyph, the lowest ordinary one stays (田 over ⽥, minus sign
    over soft hyphen, em dash over the combining stroke).
    """
    by_glyph: dict[int, list[int]] = {}
    for cp, glyph in mapping.items():
        if glyph:
            by_glyph.setdefault(glyph, []).append(cp)
    drop: set[int] = set()
    for cps in by_glyph.values():
        if len(cps) < 2:
            continue
        ordered = sorted(cps, key=lambda cp: (_is_variant(cp), cp))
        drop.update(ordered[1:])
    return drop


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(padded) // 4}I", padded)
    return sum(words) & 0xFFFFFFFF


def _build(tables: dict[bytes, bytes], sfnt_version: int) -> bytes:
    tags = sorted(tables)
    count = len(tags)
    power = 1
    while power * 2 <= count:
        power *= 2
    header = _HEADER.pack(sfnt_version, count, power * 16, power.bit_length() - 1,
                          count * 16 - power * 16)  # fmt: skip
    offset = 12 + 16 * count
    directory, body = b"", b""
    for tag in tags:
        data = tables[tag]
        if tag == b"head":
            data = data[:8] + b"\0\0\0\0" + data[12:]  # checkSumAdjustment, set below
        directory += _RECORD.pack(tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    font = bytearray(header + directory + body)
    head_at = offset + sum(
        len(tables[t]) + (-len(tables[t]) % 4) for t in tags[: tags.index(b"head")]
    )
    adjustment = (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
    struct.pack_into(">I", font, head_at + 8, adjustment)
    return bytes(font)


@cache
def extraction_safe_font(path: Path) -> bytes:
    """The font at *path* without look-alike character-map entries (see the module doc).

    A font without a format-12 Unicode map is returned unchanged.
    """
    data = path.read_bytes()
    tables = _tables(data)
    subtables = _subtables(tables[b"cmap"])
    full = [s for p, e, s in subtables if (p, e) == (3, 10) and s[:2] == b"\0\x0c"]
    if not full:
        return data
    mapping = _format12_map(full[0])
    for cp in look_alikes(mapping):
        del mapping[cp]
    new12 = _format12(mapping)
    # Keep the variation-sequence table (format 14) as it is; one full Unicode map suffices.
    keep = [(p, e, s) for p, e, s in subtables if s[:2] == b"\0\x0e"]
    records = sorted([*keep, (3, 10, new12)])
    header = struct.pack(">HH", 0, len(records))
    offset = 4 + 8 * len(records)
    directory, body = b"", b""
    for platform, encoding, sub in records:
        directory += struct.pack(">HHI", platform, encoding, offset + len(body))
        body += sub
    tables[b"cmap"] = header + directory + body
    return _build(tables, struct.unpack_from(">I", data, 0)[0])

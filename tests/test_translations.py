"""The Japanese catalogue covers every source string, is fully translated and compiled.

Fails when code gains a string that ``resources/translations/planner_ja.ts`` does not have, when
an entry is left untranslated, when a translation drops a placeholder or an accelerator, and
when the committed ``.qm`` is not what ``lrelease`` builds from the ``.ts``. The fix is
``.ci/update-translations``, translating the new entries, and running it again.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "planner_ja.ts"
QM = TS.with_suffix(".qm")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d|<[^<>]+>")
_ACCELERATOR = re.compile(r"&(?!&)\w")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    finished: bool


def _tool(name: str) -> Path:
    found = Path(sys.executable).with_name(name)
    if not found.exists():
        found = Path(shutil.which(name) or name)
    return found


def _sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "planner").rglob("*.py") if "migrations" not in p.parts)


def _messages(ts: Path) -> dict[tuple[str, str], Message]:
    messages = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            forms = (
                tuple(f.text or "" for f in translation.iter("numerusform"))
                if translation is not None and message.get("numerus") == "yes"
                else ((translation.text or "") if translation is not None else "",)
            )
            messages[(name, source)] = Message(name, source, forms, kind != "unfinished")
    return messages


@pytest.fixture(scope="module")
def committed() -> dict[tuple[str, str], Message]:
    return _messages(TS)


def test_every_source_string_is_in_the_catalogue(tmp_path: Path) -> None:
    refreshed = tmp_path / TS.name
    shutil.copy(TS, refreshed)
    subprocess.run(
        [str(_tool("pyside6-lupdate")), "-silent", "-locations", "none", "-no-obsolete",
         *_sources(), "-ts", str(refreshed)],
        check=True, cwd=ROOT,
    )  # fmt: skip
    before, after = set(_messages(TS)), set(_messages(refreshed))
    missing = sorted(after - before)
    gone = sorted(before - after)
    assert not missing, f"strings missing from {TS.name} (run .ci/update-translations): {missing}"
    assert not gone, f"{TS.name} holds strings the code no longer has: {gone}"


def test_every_entry_is_translated(committed: dict[tuple[str, str], Message]) -> None:
    untranslated = [
        (m.context, m.source)
        for m in committed.values()
        if not m.finished or not all(t.strip() for t in m.translations)
    ]
    assert not untranslated, f"untranslated entries in {TS.name}: {untranslated}"


def test_translations_keep_placeholders_and_accelerators(
    committed: dict[tuple[str, str], Message],
) -> None:
    broken = []
    for m in committed.values():
        for text in m.translations:
            if sorted(_PLACEHOLDER.findall(text)) != sorted(_PLACEHOLDER.findall(m.source)):
                broken.append((m.context, m.source, text, "placeholders"))
            if len(_ACCELERATOR.findall(text)) != len(_ACCELERATOR.findall(m.source)):
                broken.append((m.context, m.source, text, "accelerator"))
    assert not broken


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    built = tmp_path / QM.name
    subprocess.run(
        [str(_tool("pyside6-lrelease")), "-silent", str(TS), "-qm", str(built)], check=True
    )
    assert QM.read_bytes() == built.read_bytes(), "run .ci/update-translations"
